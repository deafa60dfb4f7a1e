/**
 * The bot's commands around sync and publish on the development wiki: the shut-off page stops
 * publishing (and a later publish still publishes), watch runs rounds and stops cleanly on
 * SIGTERM, status reports the store, credentials never reach the output, bad settings exit 3.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Mwn } from 'mwn';
import { Editor, readPages, type PageState } from '../../bot/edits';
import { Logger } from '../../bot/log';
import { REQUEST_SCHEMA } from '../../modules/core/model';
import { sitePages } from '../../modules/core/pages';
import { serialize } from '../../modules/core/wikitext/codec';
import { repoRoot } from '../../scripts/lib/paths';
import { botClient, runBot } from '../support/bot';
import { botEnv, testWiki, uniqueTitle } from '../support/wiki';
import type { WikiClient } from '../../bot/wiki';

const base = uniqueTitle( 'CB commands' );
const pages = sitePages( base );
let dir: string;
let db: string;
let client: WikiClient;
let admin: Mwn;

beforeAll( async () => {
	dir = fs.mkdtempSync( path.join( os.tmpdir(), 'capacity-commands-' ) );
	db = `sqlite:${ path.join( dir, 'store.sqlite' ) }`;
	client = await botClient();
	const account = testWiki().credentials().admin;
	admin = await Mwn.init( {
		apiUrl: client.api, username: account.username, password: account.password,
		userAgent: 'CapacityBuilding-tests (commands)', silent: true, suppressAPIWarnings: true,
	} );
	await admin.save( `${ base }/Requests/R1`, serialize( REQUEST_SCHEMA, {
		title: 'A request for the command tests', requester: 'Admin', requesterType: 'individual', organisation: '', region: 'NA',
		hub: '', topics: [ 'outreach' ], formats: [ 'coaching' ], languages: [ 'en' ], lang: '', neededBy: '',
		description: 'Enough words to be a valid description of a request.', status: 'open', holdReason: '', coach: [], offers: [], created: '2026-11-01T10:00:00Z',
	} ), 'test' );
	// The admin is not in the configuration's admins: the creation is accepted as the requester's own.
	const sync = await runBot( [ 'sync', '--json', '--db', db, '--base', base ] );
	if ( sync.code !== 0 ) {
		throw new Error( sync.lines.join( '\n' ) );
	}
} );

afterAll( () => {
	fs.rmSync( dir, { recursive: true, force: true } );
} );

it( 'publishes nothing while the shut-off page has content, and everything once it is blank', async () => {
	await admin.save( pages.stop, 'Stopped for a test.', 'test' );
	const stopped = await runBot( [ 'publish', '--json', '--db', db, '--base', base ] );
	expect( stopped.code ).toBe( 6 );
	expect( stopped.lines.join( '\n' ) ).toContain( 'Stopped for a test.' );
	const titles = [ pages.requestsJson, pages.review ];
	expect( [ ...( await readPages( client, titles ) ).values() ].map( ( p ) => p.exists ) ).toEqual( [ false, false ] );

	await admin.save( pages.stop, '', 'test' );
	const published = await runBot( [ 'publish', '--json', '--db', db, '--base', base ] );
	expect( published.code ).toBe( 0 );
	// Nine pages, the programme's reports of the current and the previous quarter (no hub yet), the
	// open-data pages of both quarters (five each), the evaluation page and the learning page.
	expect( published.records.find( ( r ) => String( r.message ).startsWith( 'Publish:' ) ) ).toMatchObject( { edits: 23 } );
	expect( [ ...( await readPages( client, titles ) ).values() ].map( ( p ) => p.exists ) ).toEqual( [ true, true ] );
} );

it( 'watch runs the given rounds, and status reports the store', async () => {
	const watch = await runBot( [ 'watch', '--interval', '1', '--rounds', '2', '--publish', '--json', '--db', db, '--base', base ] );
	expect( watch.code ).toBe( 0 );
	expect( watch.records.filter( ( r ) => String( r.message ).startsWith( 'Sync:' ) ) ).toHaveLength( 2 );
	expect( watch.records.filter( ( r ) => String( r.message ).startsWith( 'Publish:' ) ).map( ( r ) => [ r.edits, r.editRequests ] ) ).toEqual( [ [ 0, 0 ], [ 0, 0 ] ] );

	const status = await runBot( [ 'status', '--json', '--db', db ] );
	expect( status.code ).toBe( 0 );
	expect( status.records.find( ( r ) => r.counts ) ).toMatchObject( { counts: { requests: 1, problems: 0 } } );
} );

it( 'watch stops cleanly on SIGTERM', async () => {
	const child = spawn( process.execPath, [ path.join( repoRoot, 'bin', 'capacity-bot.cjs' ), 'watch', '--interval', '3600', '--db', db, '--base', base ], {
		env: { ...process.env, ...botEnv() }, stdio: [ 'ignore', 'pipe', 'pipe' ],
	} );
	let output = '';
	const exit = new Promise<number | null>( ( resolve ) => {
		child.on( 'exit', ( code ) => resolve( code ) );
	} );
	await new Promise<void>( ( resolve ) => {
		child.stdout.on( 'data', ( chunk: Buffer ) => {
			output += chunk.toString();
			if ( output.includes( 'Sync:' ) ) {
				resolve();
			}
		} );
	} );
	child.kill( 'SIGTERM' );
	expect( await exit ).toBe( 0 );
	expect( output ).toContain( 'Stopped watching.' );
} );

it( 'never prints the password, even with --verbose', async () => {
	const run = await runBot( [ 'sync', '--verbose', '--db', db, '--base', base ] );
	expect( run.code ).toBe( 0 );
	expect( run.lines.length ).toBeGreaterThan( 0 );
	const password = testWiki().credentials().bot.password;
	expect( run.lines.filter( ( line ) => line.includes( password ) ) ).toEqual( [] );
} );

it( 'exits with 3 on a store address it does not understand', async () => {
	const run = await runBot( [ 'status', '--db', 'postgres://nowhere/db' ], { ...botEnv() } );
	expect( run.code ).toBe( 3 );
	expect( run.lines.join( '\n' ) ).toContain( 'sqlite:PATH or mysql://USER:PASSWORD@HOST/DATABASE' );
} );

it( 'never overwrites an edit someone saved after it read the page, even within the same second', async () => {
	const title = `${ base }/Conflict`;
	const editor = new Editor( client, new Logger( { quiet: true, write: () => undefined } ), { dryRun: false, stopPage: pages.stop } );
	// MediaWiki's timestamps have whole seconds; the case that matters is a conflicting edit saved
	// in the base revision's own second, so set it up until the two share one (usually at once).
	let readBase: PageState | undefined;
	for ( let attempt = 0; attempt < 20; attempt++ ) {
		await client.mwn.save( title, `Bot text ${ attempt }`, 'test' );
		readBase = ( await readPages( client, [ title ] ) ).get( title );
		const meanwhile = await admin.save( title, `Someone's text ${ attempt }`, 'test' );
		if ( meanwhile.newtimestamp === readBase?.timestamp ) {
			break;
		}
		readBase = undefined;
	}
	expect( readBase ).toBeDefined();
	const outcome = await editor.apply( { title, text: 'The bot would write this', summary: 'test', base: readBase! } );
	expect( outcome ).toBe( 'skipped' );
	expect( editor.skipped.map( ( s ) => s.title ) ).toEqual( [ title ] );
	expect( ( await readPages( client, [ title ] ) ).get( title )?.text ).toMatch( /^Someone's text/ );
} );
