/**
 * The bot's wiki client (bot/wiki.ts) against a small local HTTP server that plays a busy wiki:
 * every request carries maxlag=5; a maxlag error, HTTP 429 with Retry-After and the `ratelimited`
 * error are waited out and retried; the waits follow Retry-After and the back-off.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Logger } from '../../../bot/log';
import { WikiClient, retryAfterMs } from '../../../bot/wiki';

type Reply = { status?: number; headers?: Record<string, string>; body: unknown };

const SITEINFO: Reply = { body: { query: { general: { lang: 'en', generator: 'MediaWiki 1.43' }, extensiontags: [ '<nowiki>' ], userinfo: { name: '127.0.0.1', anon: true } } } };
const OK: Reply = { body: { query: { pages: [] } } };

async function serve( replies: Reply[] ): Promise<{ url: string; seen: URLSearchParams[]; close: () => Promise<void> }> {
	const seen: URLSearchParams[] = [];
	const server = http.createServer( ( req, res ) => {
		let body = '';
		req.on( 'data', ( chunk: Buffer ) => {
			body += chunk.toString();
		} );
		req.on( 'end', () => {
			const query = new URLSearchParams( req.url?.split( '?' )[ 1 ] ?? '' );
			new URLSearchParams( body ).forEach( ( value, key ) => query.set( key, value ) );
			seen.push( query );
			const reply = replies.shift() ?? OK;
			res.writeHead( reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers } );
			res.end( JSON.stringify( reply.body ) );
		} );
	} );
	await new Promise<void>( ( resolve ) => {
		server.listen( 0, '127.0.0.1', resolve );
	} );
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${ port }/api.php`, seen,
		close: () => new Promise( ( resolve ) => {
			server.close( () => resolve() );
		} ),
	};
}

describe( 'wiki client', () => {
	it( 'reads Retry-After as seconds or as a date', () => {
		expect( retryAfterMs( '7' ) ).toBe( 7000 );
		expect( retryAfterMs( new Date( 60_000 ).toUTCString(), 30_000 ) ).toBe( 30_000 );
		expect( retryAfterMs( 'soon' ) ).toBeNull();
		expect( retryAfterMs( undefined ) ).toBeNull();
	} );

	it( 'sends maxlag=5 and waits out maxlag, HTTP 429 and ratelimited before succeeding', async () => {
		const server = await serve( [
			SITEINFO,
			{ headers: { 'retry-after': '0' }, body: { error: { code: 'maxlag', info: 'Waiting for a database server: 6 seconds lagged', lag: 6 } } },
			{ status: 429, headers: { 'retry-after': '3' }, body: { error: { code: 'toomanyrequests' } } },
			{ body: { error: { code: 'ratelimited', info: 'You have exceeded your rate limit' } } },
			{ body: { error: { code: 'ratelimited', info: 'You have exceeded your rate limit' } } },
			OK,
		] );
		const waits: number[] = [];
		try {
			const client = await WikiClient.connect( {
				api: server.url, credentials: null, userAgent: 'CapacityBuilding-tests', logger: new Logger( { quiet: true, write: () => undefined } ),
				retryPause: 0, rateLimitPause: 1000, sleep: ( ms ) => {
					waits.push( ms );
					return Promise.resolve();
				},
			} );
			const response = await client.request( { action: 'query', titles: 'X' } );
			expect( response.query ).toEqual( { pages: [] } );
			expect( server.seen.every( ( q ) => q.get( 'maxlag' ) === '5' ) ).toBe( true );
			expect( server.seen ).toHaveLength( 6 );
			expect( client.requestCount ).toBe( 6 );
			// 429: Retry-After (3 s); ratelimited: 1 s, then 2 s.
			expect( waits ).toEqual( [ 3000, 1000, 2000 ] );
		} finally {
			await server.close();
		}
	} );

	it( 'gives up after the retries it is allowed', async () => {
		const limited: Reply = { body: { error: { code: 'ratelimited', info: 'You have exceeded your rate limit' } } };
		const server = await serve( [ SITEINFO, limited, limited, limited ] );
		try {
			const client = await WikiClient.connect( {
				api: server.url, credentials: null, userAgent: 'CapacityBuilding-tests', logger: new Logger( { quiet: true, write: () => undefined } ),
				maxRetries: 2, retryPause: 0, rateLimitPause: 1, sleep: () => Promise.resolve(),
			} );
			await expect( client.request( { action: 'query', titles: 'X' } ) ).rejects.toMatchObject( { code: 'ratelimited' } );
		} finally {
			await server.close();
		}
	} );

	it( 'posts a new section once: maxlag and read-only are waited out, a failed response is not sent again', async () => {
		const saved: Reply = { body: { edit: { result: 'Success', newrevid: 42 } } };
		const server = await serve( [
			SITEINFO,
			{ headers: { 'retry-after': '0' }, body: { error: { code: 'maxlag', info: 'Waiting for a database server', lag: 6 } } },
			{ body: { error: { code: 'readonly', info: 'The wiki is in read-only mode' } } },
			saved,
			{ status: 502, body: { error: 'Bad gateway' } },
		] );
		const waits: number[] = [];
		try {
			const client = await WikiClient.connect( {
				api: server.url, credentials: null, userAgent: 'CapacityBuilding-tests', logger: new Logger( { quiet: true, write: () => undefined } ),
				retryPause: 5, sleep: ( ms ) => {
					waits.push( ms );
					return Promise.resolve();
				},
			} );
			const post = { action: 'edit', title: 'Talk:X', section: 'new', sectiontitle: 'Hello', text: 'Hi ~~~~', token: '+\\' };
			expect( ( await client.postOnce( post ) ).edit ).toEqual( { result: 'Success', newrevid: 42 } );
			expect( server.seen.slice( 1 ).map( ( q ) => q.get( 'action' ) ) ).toEqual( [ 'edit', 'edit', 'edit' ] );
			expect( waits ).toEqual( [ 5, 5 ] );
			// A 502 may come after the wiki saved the edit: it is not sent again (the caller checks the wiki).
			await expect( client.postOnce( post ) ).rejects.toBeDefined();
			expect( server.seen ).toHaveLength( 5 );
		} finally {
			await server.close();
		}
	} );
} );
