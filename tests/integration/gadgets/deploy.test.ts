/**
 * `capacity-bot setup` and `deploy` on the development wiki in gadget mode (no extension), as on
 * Meta-Wiki: from a wiki without our gadget pages, deploy publishes them and the definitions; the
 * Gadgets extension reports no warning and ResourceLoader serves every script (no ES2016 parse
 * error); a second deploy edits nothing; --dry-run edits nothing and shows every diff (also without
 * an account); a person's edit is left alone unless --force; only the marked block of
 * MediaWiki:Gadgets-definition is touched; an account without the rights is refused, translated,
 * before anything is written; the templates render their labels without the extension.
 *
 * Run with CAPACITY_TEST_ROUTE=gadgets (npm test does).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Mwn } from 'mwn';
import { BLOCK_BEGIN, BLOCK_END } from '../../../bot/deploy/definitions';
import { storedText } from '../../../bot/deploy/stored';
import { readPages } from '../../../bot/edits';
import { Messages, loadMessageFiles } from '../../../bot/i18n';
import { REQUEST_SCHEMA } from '../../../modules/core/model';
import { serialize } from '../../../modules/core/wikitext/codec';
import { GADGETS_DIR, readGadgets } from '../../../scripts/lib/gadgets';
import { distDir } from '../../../scripts/lib/paths';
import { botClient, runBot } from '../../support/bot';
import { botEnv, testWiki, uniqueTitle } from '../../support/wiki';
import type { WikiClient } from '../../../bot/wiki';

const en = new Messages( 'en' );
const gadgets = readGadgets( distDir );
const codePages = gadgets.flatMap( ( g ) => g.pages.filter( ( p ) => !g.deployedPages.includes( p ) ) )
	.map( ( page ) => `MediaWiki:Gadget-${ page }` );
const DEFINITIONS = 'MediaWiki:Gadgets-definition';

describe( 'capacity-bot deploy on a wiki without the extension', () => {
	const wiki = testWiki();
	let client: WikiClient;
	let admin: Mwn;

	async function revids( titles: string[] ): Promise<Record<string, number>> {
		const pages = await readPages( client, titles );
		return Object.fromEntries( titles.map( ( title ) => [ title, pages.get( title )?.revid ?? 0 ] ) );
	}

	async function gadgetsPageWarnings(): Promise<string[]> {
		const html = await ( await fetch( wiki.pageUrl( 'Special:Gadgets', { uselang: 'en' } ) ) ).text();
		return [ ...html.matchAll( /cdx-message--warning[^>]*>([\s\S]*?)<\/div>\s*<\/div>/g ) ].map( ( m ) => m[ 1 ]?.replace( /<[^>]+>/g, '' ) ?? '' );
	}

	beforeAll( async () => {
		if ( wiki.mode !== 'gadgets' ) {
			throw new Error( 'Run with CAPACITY_TEST_ROUTE=gadgets: these tests need the wiki in gadget mode' );
		}
		client = await botClient();
		const account = wiki.credentials().admin;
		admin = await Mwn.init( {
			apiUrl: client.api, username: account.username, password: account.password,
			userAgent: 'CapacityBuilding-tests (deploy)', silent: true, suppressAPIWarnings: true,
		} );
		// Start from a wiki that has none of our gadget pages, translations or definitions.
		const ours = ( await client.request( { action: 'query', list: 'allpages', apnamespace: 8, apprefix: 'Gadget-capacityBuilding-', aplimit: 'max' } ) )
			.query?.allpages as { title: string }[];
		for ( const { title } of ours.filter( ( page ) => page.title !== 'MediaWiki:Gadget-capacityBuilding-config.json' ) ) {
			await admin.delete( title, 'Deploy test: start without the gadgets' );
		}
		const definitions = ( await readPages( client, [ DEFINITIONS ] ) ).get( DEFINITIONS );
		if ( definitions?.exists ) {
			const start = definitions.text.indexOf( BLOCK_BEGIN );
			const end = definitions.text.indexOf( BLOCK_END );
			if ( start >= 0 && end > start ) {
				await admin.save( DEFINITIONS, definitions.text.slice( 0, start ) + definitions.text.slice( end + BLOCK_END.length ), 'Deploy test: no block' );
			}
		}
	} );

	it( 'installs the pages, then publishes every gadget page and the definitions, which Gadgets accepts without a warning', async () => {
		const setup = await runBot( [ 'setup', '--json' ] );
		expect( [ 0, 5 ] ).toContain( setup.code );
		const deploy = await runBot( [ 'deploy', '--definitions', '--json' ] );
		expect( deploy.code ).toBe( 0 );
		const summary = deploy.records.find( ( r ) => String( r.message ).startsWith( 'Deploy of version' ) ) as Record<string, unknown>;
		expect( summary.created ).toEqual( expect.arrayContaining( codePages ) );
		expect( summary.definitions ).toBe( 'edited' );

		const pages = await readPages( client, [ ...codePages, DEFINITIONS ] );
		for ( const gadget of gadgets ) {
			for ( const page of gadget.pages.filter( ( p ) => !gadget.deployedPages.includes( p ) ) ) {
				const stored = pages.get( `MediaWiki:Gadget-${ page }` );
				// Saved exactly as built: the pre-save transform and NFC changed nothing.
				expect( { page, text: stored?.text } ).toEqual( { page, text: storedText( fs.readFileSync( path.join( distDir, GADGETS_DIR, page ), 'utf8' ) ) } );
			}
		}
		// Every edit summary names the source version.
		const history = await client.request( { action: 'query', prop: 'revisions', titles: codePages.slice( 0, 3 ), rvprop: 'comment' } );
		for ( const page of history.query?.pages as { revisions: { comment: string }[] }[] ) {
			expect( page.revisions[ 0 ]?.comment ).toMatch( /^Capacity building gadgets: deploying source version [0-9a-f]{7,}/ );
		}
		expect( pages.get( DEFINITIONS )?.text ).toContain( '* capacityBuilding-init[ResourceLoader|default|hidden|namespaces=0|' );
		expect( await gadgetsPageWarnings() ).toEqual( [] );
		// ResourceLoader serves each script as written: no ES2016 parse error put in its place.
		for ( const gadget of gadgets.filter( ( g ) => g.type !== 'styles' ) ) {
			const url = `${ wiki.server }/load.php?modules=ext.gadget.${ gadget.name }&only=scripts&lang=en&debug=1`;
			const served = await ( await fetch( url ) ).text();
			expect( { gadget: gadget.name, parseError: served.includes( 'Parse error' ) } ).toEqual( { gadget: gadget.name, parseError: false } );
		}
	} );

	it( 'lets Gadgets report a broken definition, so the check above can fail', async () => {
		const before = ( await readPages( client, [ DEFINITIONS ] ) ).get( DEFINITIONS )?.text as string;
		await admin.save( DEFINITIONS, `${ before }\n* capacityBuildingTestBroken[ResourceLoader|default|requiresES6]|capacityBuilding-test-missing.js`, 'Deploy test' );
		try {
			expect( ( await gadgetsPageWarnings() ).join( '\n' ) ).toMatch( /capacityBuilding-test-missing\.js/ );
		} finally {
			await admin.save( DEFINITIONS, before, 'Deploy test: restore' );
		}
	} );

	it( 'makes no edit the second time', async () => {
		const titles = [ ...codePages, DEFINITIONS, 'MediaWiki:Gadget-capacityBuilding-i18n.json', 'MediaWiki:Capacitybuilding-status-open' ];
		const before = await revids( titles );
		const again = await runBot( [ 'deploy', '--definitions', '--json' ] );
		expect( again.code ).toBe( 0 );
		expect( again.records.find( ( r ) => String( r.message ).startsWith( 'Deploy of version' ) ) ).toMatchObject(
			{ created: [], updated: [], skipped: [], definitions: 'unchanged', edits: 0 } );
		expect( await revids( titles ) ).toEqual( before );
	} );

	it( 'shows every change on --dry-run and makes none, with or without an account', async () => {
		const changed = [ 'MediaWiki:Gadget-capacityBuilding-requestForm.css', 'MediaWiki:Capacitybuilding-status-open' ];
		for ( const title of changed ) {
			// Changed by the bot itself, so that deploy may put it back.
			await client.request( { action: 'edit', title, appendtext: '\n/* changed by the deploy test */', token: client.mwn.csrfToken } );
		}
		const before = await revids( [ ...codePages, ...changed ] );
		for ( const env of [ botEnv(), { CAPACITY_BOT_API: wiki.api } ] ) {
			const dry = await runBot( [ 'deploy', '--dry-run', '--json' ], env );
			expect( dry.code ).toBe( 0 );
			for ( const title of changed ) {
				const diff = dry.records.find( ( r ) => r.title === title && r.dryRun );
				expect( String( diff?.message ) ).toContain( '-/* changed by the deploy test */' );
			}
			expect( dry.records.filter( ( r ) => r.dryRun ).map( ( r ) => r.title ).sort() ).toEqual( [ ...changed ].sort() );
			expect( await revids( [ ...codePages, ...changed ] ) ).toEqual( before );
		}
		const fix = await runBot( [ 'deploy', '--json' ] );
		expect( fix.code ).toBe( 0 );
		expect( ( fix.records.find( ( r ) => String( r.message ).startsWith( 'Deploy of version' ) )?.updated as string[] ).sort() )
			.toEqual( [ ...changed ].sort() );
	} );

	it( 'leaves a page a person edited alone, and replaces it with --force', async () => {
		const title = 'MediaWiki:Gadget-capacityBuilding-styles.css';
		const shipped = ( await readPages( client, [ title ] ) ).get( title )?.text as string;
		await admin.save( title, `${ shipped }\n/* a local fix */`, 'Local fix' );
		const kept = await runBot( [ 'deploy', '--json' ] );
		expect( kept.code ).toBe( 5 );
		expect( kept.lines.join( '\n' ) ).toContain( 'Admin edited it since the bot deployed it' );
		expect( ( await readPages( client, [ title ] ) ).get( title )?.text ).toContain( 'a local fix' );
		const forced = await runBot( [ 'deploy', '--force', '--json' ] );
		expect( forced.code ).toBe( 0 );
		expect( ( await readPages( client, [ title ] ) ).get( title )?.text ).toBe( shipped );
	} );

	it( 'changes only its block of MediaWiki:Gadgets-definition, and refuses a damaged one', async () => {
		expect( ( await runBot( [ 'deploy', '--definitions', '--json' ] ) ).code ).toBe( 0 );
		const before = ( await readPages( client, [ DEFINITIONS ] ) ).get( DEFINITIONS )?.text as string;
		const other = '* someoneElsesGadget[ResourceLoader]|someoneElsesGadget.js';
		const start = before.indexOf( BLOCK_BEGIN );
		const end = before.indexOf( BLOCK_END ) + BLOCK_END.length;
		const edited = `== Other tools ==\n${ other }\n\n${ before.slice( start, end ).replace( /\n\* capacityBuilding-init\[[^\n]*/, '' ) }\n${ other }2`;
		await admin.save( DEFINITIONS, edited, 'Deploy test: someone else\'s gadgets, and our block changed' );
		try {
			const without = await runBot( [ 'deploy', '--json' ] );
			expect( without.code ).toBe( 5 );
			expect( without.records.find( ( r ) => String( r.message ).startsWith( 'Deploy of version' ) )?.definitions ).toBe( 'differs' );
			const deploy = await runBot( [ 'deploy', '--definitions', '--json' ] );
			expect( deploy.code ).toBe( 0 );
			const after = ( await readPages( client, [ DEFINITIONS ] ) ).get( DEFINITIONS )?.text as string;
			expect( after ).toBe( `== Other tools ==\n${ other }\n\n${ before.slice( start, end ) }\n${ other }2` );

			await admin.save( DEFINITIONS, `${ after }\n${ BLOCK_BEGIN }`, 'Deploy test: damaged markers' );
			const damaged = await runBot( [ 'deploy', '--definitions', '--json' ] );
			expect( damaged.code ).toBe( 5 );
			expect( damaged.lines.join( '\n' ) ).toContain( 'its block of gadget definitions is damaged' );
		} finally {
			await admin.save( DEFINITIONS, before, 'Deploy test: restore' );
		}
	} );

	it( 'refuses an account without the rights, in its operator\'s language, before writing anything', async () => {
		const user = `Deployer${ Date.now().toString( 36 ) }`;
		// An administrator, not an interface administrator: may edit site JSON and interface messages, not scripts.
		wiki.ensureUser( user, `${ user } password!`, [ 'sysop' ] );
		const botPassword = crypto.randomBytes( 16 ).toString( 'hex' );
		wiki.php( 'createBotPassword', '--appid=deploy', '--grants=basic,editpage,createeditmovepage,editsiteconfig', user, botPassword );
		const title = 'MediaWiki:Gadget-capacityBuilding-requestPage.css';
		await client.request( { action: 'edit', title, appendtext: '\n/* to be put back */', token: client.mwn.csrfToken } );
		const before = await revids( [ ...codePages, DEFINITIONS ] );
		const files = loadMessageFiles();
		const german = { ...files, de: { 'capacitybuilding-bot-error-deploy-rights': '$1 darf die Gadgets nicht veröffentlichen: Es {{PLURAL:$3|fehlt das Recht|fehlen die Rechte}} $2.' } };
		const env = { ...botEnv(), CAPACITY_BOT_USERNAME: `${ user }@deploy`, CAPACITY_BOT_PASSWORD: botPassword, CAPACITY_BOT_LANGUAGE: 'de' };
		const lines: string[] = [];
		const { main } = await import( '../../../bot/cli' );
		const code = await main( [ 'deploy', '--definitions' ], { env, write: ( line ) => lines.push( line ), messageFiles: german } );
		expect( code ).toBe( 3 );
		expect( lines.join( '\n' ) ).toContain( `${ user } darf die Gadgets nicht veröffentlichen: Es fehlen die Rechte editsitejs, editsitecss.` );
		expect( await revids( [ ...codePages, DEFINITIONS ] ) ).toEqual( before );
		// In English by default.
		const english = await runBot( [ 'deploy' ], { ...env, CAPACITY_BOT_LANGUAGE: 'en' } );
		expect( english.code ).toBe( 3 );
		expect( english.lines.join( '\n' ) ).toContain( en.text( 'capacitybuilding-bot-error-deploy-rights', user, 'editsitejs, editsitecss', 2 ) );
		expect( ( await runBot( [ 'deploy', '--definitions', '--json' ] ) ).code ).toBe( 0 );
	} );

	it( 'renders the templates\' labels from the message pages setup installed, in the reader\'s language', async () => {
		const title = uniqueTitle( 'Capacity building/Requests/Gadget route' );
		await client.request( { action: 'edit', title, token: client.mwn.csrfToken, text: serialize( REQUEST_SCHEMA, {
			title: 'Without the extension', requester: 'Admin', requesterType: 'individual', organisation: '', region: 'NWE', hub: '',
			topics: [ 'governance' ], formats: [ 'coaching' ], languages: [ 'en' ], lang: '', neededBy: '', description: 'A description long enough.',
			status: 'open', holdReason: '', coach: [], offers: [], created: '2026-11-23T10:00:00Z',
		} ) } );
		const parsed = await client.request( { action: 'parse', page: title, prop: [ 'text', 'categories' ], uselang: 'en' } );
		const html = parsed.parse.text as string;
		expect( html ).not.toContain( '⧼' );
		expect( html ).toContain( `>${ en.text( 'capacitybuilding-status-open' ) }<` );
		expect( html ).toContain( en.text( 'capacitybuilding-request-field-region' ) );
		expect( ( parsed.parse.categories as { category: string }[] ).map( ( c ) => c.category.replace( /_/g, ' ' ) ) )
			.toEqual( [ en.text( 'capacitybuilding-category-requests' ) ] );
		// qqx shows the keys, as MediaWiki does for messages it has.
		const qqx = await client.request( { action: 'parse', page: title, prop: 'text', uselang: 'qqx' } );
		expect( qqx.parse.text as string ).toContain( '(capacitybuilding-request-field-region)' );
	} );
} );
