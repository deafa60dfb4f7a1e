/**
 * The OAuth 2 login path (CAPACITY_BOT_OAUTH2_TOKEN), as the bot uses it on Meta-Wiki with an
 * owner-only access token. The development wiki has no OAuth extension, so the test puts a gateway
 * in front of it (tests/support/oauth2Gateway.ts) that plays the extension's part: requests count
 * only with the right bearer token, cookie logins are refused, and the wiki sees the token's account.
 * Through it the bot syncs and posts a status update, every request it made carried the token and
 * none logged in with a password; a wrong token is a login failure (exit 3); the token never
 * reaches the output. What this cannot test: the OAuth extension's own checks (grants, expiry,
 * consumer approval) — an owner-only consumer with the grants in docs/operations.md is needed there.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readPages } from '../../bot/edits';
import { REQUEST_SCHEMA } from '../../modules/core/model';
import { serialize } from '../../modules/core/wikitext/codec';
import { botClient, runBot } from '../support/bot';
import { OAuth2Gateway } from '../support/oauth2Gateway';
import { testWiki, uniqueTitle } from '../support/wiki';

const TOKEN = `oauth2-test-token-${ Date.now().toString( 36 ) }-secret`;
const base = uniqueTitle( 'CB oauth2' );
let gateway: OAuth2Gateway;
let dir: string;

beforeAll( async () => {
	const { api, bot } = testWiki().credentials();
	gateway = new OAuth2Gateway( api, TOKEN );
	await gateway.start( bot );
	dir = fs.mkdtempSync( path.join( os.tmpdir(), 'capacity-oauth2-' ) );
} );

afterAll( async () => {
	await gateway.stop();
	fs.rmSync( dir, { recursive: true, force: true } );
} );

function env( token: string ): NodeJS.ProcessEnv {
	return { CAPACITY_BOT_API: gateway.url, CAPACITY_BOT_OAUTH2_TOKEN: token, CAPACITY_BOT_CONTACT: 'CapacityBuilding tests' };
}

it( 'syncs and posts with an OAuth 2 token alone, every request carrying it', async () => {
	const db = `sqlite:${ path.join( dir, 'store.sqlite' ) }`;
	const since = new Date( Date.now() - 1000 ).toISOString();
	const client = await botClient();
	const title = `${ base }/Requests/R1`;
	await client.mwn.create( title, serialize( REQUEST_SCHEMA, {
		title: 'Made before the OAuth 2 run', requester: 'Admin', requesterType: 'individual', organisation: '', region: 'NA', hub: '',
		topics: [ 'outreach' ], formats: [ 'coaching' ], languages: [ 'en' ], lang: 'en', neededBy: '',
		description: 'A request for the OAuth 2 login test.', status: 'open', holdReason: '', coach: [], offers: [],
		created: new Date().toISOString().replace( /\.\d{3}Z$/, 'Z' ),
	} ), 'test' );
	const sync = await runBot( [ 'sync', '--json', '--db', db, '--base', base ], env( TOKEN ) );
	expect( sync.code ).toBe( 0 );
	const notify = await runBot( [ 'notify', '--since', since, '--json', '--db', db, '--base', base ], env( TOKEN ) );
	expect( notify.code ).toBe( 0 );
	expect( notify.records.find( ( r ) => typeof r.sent === 'number' ) ).toMatchObject( { sent: 1, edits: 1, digests: 1 } );
	const board = ( await readPages( client, [ `${ base }/Noticeboard` ] ) ).get( `${ base }/Noticeboard` );
	// The wiki saw the token's account.
	expect( board ).toMatchObject( { exists: true, user: 'CapacityBot' } );
	expect( board?.text ).toContain( '[[User:CapacityBot|CapacityBot]]' );
	expect( gateway.seen.length ).toBeGreaterThan( 3 );
	expect( gateway.seen.filter( ( r ) => !r.bearer ) ).toEqual( [] );
	expect( gateway.seen.map( ( r ) => r.action ) ).not.toContain( 'login' );
	expect( gateway.seen.map( ( r ) => r.action ) ).toContain( 'edit' );
	expect( [ ...sync.lines, ...notify.lines ].join( '\n' ) ).not.toContain( TOKEN );
} );

it( 'fails with exit code 3, and says so, when the token is refused; the token is never shown', async () => {
	const wrong = `${ TOKEN }-revoked`;
	const run = await runBot( [ 'sync', '--verbose', '--db', `sqlite:${ path.join( dir, 'other.sqlite' ) }`, '--base', base ], env( wrong ) );
	expect( run.code ).toBe( 3 );
	const out = run.lines.join( '\n' );
	expect( out ).toContain( 'Invalid access token' );
	expect( out ).not.toContain( wrong );
} );
