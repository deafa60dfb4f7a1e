/**
 * The route without the bot: the pages dump `npm run build` ships (dist/capacity-building-pages.xml)
 * imports with MediaWiki 1.43's own importDump, creates the pages a wiki does not have, leaves the
 * ones it has alone, changes nothing when imported again, and the imported templates render (with
 * ParserFunctions) and add their categories.
 *
 * It works on a copy of the development wiki's database (LocalSettings.dev.php switches to it when
 * CAPACITY_DEVWIKI_DATABASE_COPY names it), so the wiki the other tests use is never touched.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadMessageFiles, Messages } from '../../bot/i18n';
import { desiredPages, type DesiredPage } from '../../bot/setup/pages';
import { pagesDumpFor } from '../../bot/setup/dump';
import { DEFAULT_BASE_PAGE } from '../../modules/core/constants';
import { distDir, repoRoot } from '../../scripts/lib/paths';
import { testWiki } from '../support/wiki';

const wiki = testWiki();
const copy = `devwiki_copy_${ Date.now().toString( 36 ) }${ Math.random().toString( 36 ).slice( 2, 6 ) }`;
const dbDir = path.join( wiki.stateDir, 'db' );
const { version } = JSON.parse( fs.readFileSync( path.join( repoRoot, 'package.json' ), 'utf8' ) ) as { version: string };
const messageFiles = loadMessageFiles();
const english = new Messages( 'en', messageFiles );

/** Runs a maintenance script on the copy. */
function maintenance( script: string, args: string[], input?: string, env: NodeJS.ProcessEnv = {} ): string {
	const result = spawnSync( 'php', [ path.join( wiki.mediawikiDir, 'maintenance/run.php' ), script, ...args ], {
		cwd: wiki.mediawikiDir, encoding: 'utf8', input, env: { ...process.env, ...env, CAPACITY_DEVWIKI_DATABASE_COPY: copy },
	} );
	if ( result.status !== 0 ) {
		throw new Error( `${ script } ${ args.join( ' ' ) } failed (${ String( result.status ) }):\n${ result.stdout }\n${ result.stderr }` );
	}
	return result.stdout;
}

/**
 * Runs PHP in MediaWiki on the copy (which must set `$result`) and returns `$result`. eval.php
 * runs its input line by line (and reads at most 1,024 bytes a line), so the code becomes one short
 * line and its data comes from the environment: `$input`, decoded from JSON.
 */
function evaluate<T>( php: string, input: unknown = null ): T {
	const code = `$input = json_decode( getenv( 'CAPACITY_EVAL_INPUT' ), true ); ${ php } echo "\\n@@JSON@@" . json_encode( $result ) . "\\n";`
		.replace( /\s*\n\s*/g, ' ' );
	const output = maintenance( 'eval', [], `${ code }\n`, { CAPACITY_EVAL_INPUT: JSON.stringify( input ) } );
	const line = output.split( '\n' ).find( ( l ) => l.startsWith( '@@JSON@@' ) );
	if ( !line ) {
		throw new Error( `no result from eval:\n${ output }` );
	}
	return JSON.parse( line.slice( '@@JSON@@'.length ) ) as T;
}

interface PageNow {
	exists: boolean;
	text: string | null;
	model: string | null;
	revisions: number;
}

/** The current state of some pages on the copy. */
function pagesNow( titles: string[] ): Record<string, PageNow> {
	return evaluate<Record<string, PageNow>>( `
$services = MediaWiki\\MediaWikiServices::getInstance();
$result = [];
foreach ( $input as $name ) {
	$page = $services->getWikiPageFactory()->newFromTitle( Title::newFromText( $name ) );
	$content = $page->exists() ? $page->getContent() : null;
	$result[ $name ] = [
		'exists' => $page->exists(),
		'text' => $content ? $content->serialize() : null,
		'model' => $content ? $content->getModel() : null,
		'revisions' => $page->exists() ? $services->getRevisionStore()->countRevisionsByPageId(
			$services->getConnectionProvider()->getReplicaDatabase(), $page->getId() ) : 0,
	];
}`, titles );
}

/** A request page's text, for rendering with the imported templates. */
const REQUEST = [
	'{{Capacity request', '| title = Imported request', '| requester = Someone', '| requester_type = group', '| region = SA',
	'| status = open', '| created = 2026-01-01T00:00:00Z', '}}',
].join( '\n' );

function pagesFor( base: string ): DesiredPage[] {
	return desiredPages( { base, version, botUser: null, messageFiles, contentText: ( key ) => english.text( key ) } );
}

describe( 'the pages dump, imported with importDump', () => {
	let tmp: string;

	beforeAll( () => {
		tmp = fs.mkdtempSync( path.join( os.tmpdir(), 'capacitybuilding-import-' ) );
		// A consistent copy of the running wiki's database (VACUUM INTO reads through SQLite's WAL).
		const result = spawnSync( 'php', [ '-r', '$db = new SQLite3( $argv[1] ); $db->exec( "VACUUM INTO \'" . SQLite3::escapeString( $argv[2] ) . "\'" );',
			path.join( dbDir, 'devwiki.sqlite' ), path.join( dbDir, `${ copy }.sqlite` ) ], { encoding: 'utf8' } );
		if ( result.status !== 0 ) {
			throw new Error( `could not copy the database: ${ result.stderr }` );
		}
	} );

	afterAll( () => {
		for ( const suffix of [ '', '-wal', '-shm', '-journal' ] ) {
			fs.rmSync( path.join( dbDir, `${ copy }.sqlite${ suffix }` ), { force: true } );
		}
		fs.rmSync( tmp, { recursive: true, force: true } );
	} );

	it( 'ships the default base page\'s pages in dist/ (what `npm run pages:export` writes by default)', () => {
		const shipped = fs.readFileSync( path.join( distDir, 'capacity-building-pages.xml' ), 'utf8' );
		expect( shipped ).toBe( pagesDumpFor( { base: DEFAULT_BASE_PAGE, language: 'en', version, messageFiles } ) );
	} );

	it( 'creates the pages a wiki lacks, leaves the ones it has, and changes nothing when imported again', () => {
		const base = `Import test ${ copy.slice( -8 ) }`;
		const pages = pagesFor( base );
		const file = path.join( tmp, 'pages.xml' );
		fs.writeFileSync( file, pagesDumpFor( { base, language: 'en', version, messageFiles } ) );
		const titles = pages.map( ( page ) => page.title );
		const before = pagesNow( titles );
		// The templates are the development wiki's already (setup ran); the pages under the new base are not.
		expect( titles.filter( ( title ) => title.startsWith( base ) ).every( ( title ) => !before[ title ]?.exists ) ).toBe( true );

		maintenance( 'importDump', [ file ] );
		const after = pagesNow( titles );
		for ( const page of pages ) {
			const was = before[ page.title ] as PageNow;
			const now = after[ page.title ] as PageNow;
			expect( { title: page.title, exists: now.exists } ).toEqual( { title: page.title, exists: true } );
			// A page the wiki had keeps its text; a new one has the shipped text and content model.
			expect( { title: page.title, text: now.text } ).toEqual( { title: page.title, text: was.exists ? was.text : page.text } );
			expect( { title: page.title, model: now.model } ).toEqual( { title: page.title, model: was.exists ? was.model : page.contentModel } );
		}

		maintenance( 'importDump', [ file ] );
		expect( pagesNow( titles ) ).toEqual( after );
	} );

	it( 'installs the shipped dump on the wiki, and its templates render and add their categories', () => {
		maintenance( 'importDump', [ path.join( distDir, 'capacity-building-pages.xml' ) ] );
		const template = pagesNow( [ 'Template:Capacity request' ] )[ 'Template:Capacity request' ];
		expect( template?.exists ).toBe( true );
		const rendered = evaluate<{ html: string; categories: string[] }>( `
$services = MediaWiki\\MediaWikiServices::getInstance();
$title = Title::newFromText( 'Capacity building/Requests/R1' );
$output = $services->getParserFactory()->getInstance()->parse( $input, $title, ParserOptions::newFromAnon() );
$result = [ 'html' => $output->getRawText(), 'categories' => array_values( $output->getCategoryNames() ) ];`, REQUEST );
		// ParserFunctions' #switch turned the codes into labels; the marker for the request page feature is there.
		expect( rendered.html ).toContain( english.text( 'capacitybuilding-region-sa' ) );
		expect( rendered.html ).toContain( english.text( 'capacitybuilding-requester-type-group' ) );
		expect( rendered.html ).toContain( 'data-capacitybuilding-feature="requestPage"' );
		expect( rendered.categories ).toEqual( [ english.text( 'capacitybuilding-category-requests' ).replace( / /g, '_' ) ] );
	} );
} );
