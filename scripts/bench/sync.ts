/**
 * `npm run bench -- sync`: what a sync costs on the development wiki.
 *
 * For N request pages (1,000 and 5,000; `--sizes 200,1000` to choose) it seeds a fresh base with
 * MediaWiki's importDump (fast, and it lets pages carry several revisions): every 100th page has a
 * stranger's unauthorized decline on top, every other 10th page nine more edits by its requester.
 * Then it prints, for a full sync (which judges every page from its first revision: what a rebuild
 * into an empty store costs) with 50 pages a request (as without `apihighlimits`) and with 500, for
 * a no-op incremental sync, and for a naive reader that asks for one page a request: API requests
 * made, wall time, the ratios, and the requests per page and per revision judged. Targets: reading
 * the pages ≤ ⌈N/50⌉+3 requests (⌈N/500⌉+3 with high limits), the older revisions counted
 * separately; no-op incremental sync = 1 request and 0 edits.
 *
 * Then the rebuild property (tests/support/rebuild.ts) with more seeds than CI runs (`--seeds 10`,
 * `--ops 30`): random edits by every role, role changes, moves, deletions and restorations with
 * incremental syncs, then a full sync into an empty store; whether the stores are identical, and
 * what each rebuilding full sync cost.
 */
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Logger } from '../../bot/log';
import { Messages } from '../../bot/i18n';
import { Store } from '../../bot/store';
import { runSync, type SyncReport } from '../../bot/sync/sync';
import { WikiClient } from '../../bot/wiki';
import { REQUEST_SCHEMA, type CapacityRequest } from '../../modules/core/model';
import { requestTitle } from '../../modules/core/pages';
import { serialize } from '../../modules/core/wikitext/codec';
import { DevWiki } from '../lib/devwiki';
import { People, runScenario, scenarioArbitrary, setSometimesAdmin, sqliteStores } from '../../tests/support/rebuild';

const REQUESTER = 'Bench Requester';
const STRANGER = 'Bench Stranger';
const PASSWORD = 'capacity-bench-password-1';
/** Pages whose newest revision is a change its author may not make. */
const REJECTED_EVERY = 100;
/** Pages with a longer history: this many revisions by their requester. */
const DEEP_EVERY = 10;
const DEEP_REVISIONS = 10;

function escapeXml( text: string ): string {
	return text.replace( /&/g, '&amp;' ).replace( /</g, '&lt;' ).replace( />/g, '&gt;' );
}

function request( n: number, status = 'open' ): CapacityRequest {
	return {
		title: `Benchmark request number ${ n }`, requester: REQUESTER, requesterType: 'individual', organisation: '',
		region: 'SSA', hub: '', topics: [ 'outreach' ], formats: [ 'workshop' ], languages: [ 'en' ], lang: '', holdReason: '', neededBy: '',
		description: `A request seeded by the benchmark, number ${ n }, with enough text to be valid.`, status,
		coach: [], offers: [], created: '2026-11-01T10:00:00Z',
	};
}

function revisionXml( user: string, timestamp: string, text: string ): string {
	return `<revision><timestamp>${ timestamp }</timestamp><contributor><username>${ escapeXml( user ) }</username></contributor>` +
		`<model>wikitext</model><format>text/x-wiki</format><text xml:space="preserve">${ escapeXml( text ) }</text></revision>`;
}

/**
 * An XML dump of N request pages under `base`; every REJECTED_EVERY-th has a stranger's decline on
 * top, every other DEEP_EVERY-th DEEP_REVISIONS revisions by its requester.
 */
function dump( base: string, n: number ): string {
	const pages: string[] = [];
	for ( let i = 1; i <= n; i++ ) {
		const revisions = [ revisionXml( REQUESTER, '2026-11-01T10:00:00Z', serialize( REQUEST_SCHEMA, request( i ) ) ) ];
		if ( i % REJECTED_EVERY === 0 ) {
			revisions.push( revisionXml( STRANGER, '2026-11-02T10:00:00Z', serialize( REQUEST_SCHEMA, request( i, 'declined' ) ) ) );
		} else if ( i % DEEP_EVERY === 0 ) {
			for ( let r = 1; r < DEEP_REVISIONS; r++ ) {
				const edited = { ...request( i ), description: `${ request( i ).description } Edited ${ r } times.` };
				revisions.push( revisionXml( REQUESTER, `2026-11-0${ 1 + Math.floor( r / 5 ) }T1${ r % 5 }:00:00Z`, serialize( REQUEST_SCHEMA, edited ) ) );
			}
		}
		pages.push( `<page><title>${ escapeXml( requestTitle( base, i ) ) }</title><ns>0</ns>${ revisions.join( '' ) }</page>` );
	}
	return `<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11" xml:lang="en">\n${ pages.join( '\n' ) }\n</mediawiki>\n`;
}

interface Measure {
	requests: number;
	seconds: number;
}

async function measure( client: WikiClient, work: () => Promise<unknown> ): Promise<Measure> {
	const requests = client.requestCount;
	const started = process.hrtime.bigint();
	await work();
	return { requests: client.requestCount - requests, seconds: Number( process.hrtime.bigint() - started ) / 1e9 };
}

/** The naive way: one request per page. */
async function naiveRead( client: WikiClient, titles: string[] ): Promise<void> {
	for ( const title of titles ) {
		await client.request( { action: 'query', titles: title, prop: 'revisions', rvprop: [ 'content', 'ids', 'user', 'timestamp' ], rvslots: 'main' } );
	}
}

function row( label: string, m: Measure, extra = '' ): string {
	return `  ${ label.padEnd( 34 ) } ${ String( m.requests ).padStart( 6 ) } requests ${ m.seconds.toFixed( 2 ).padStart( 8 ) } s${ extra }`;
}

async function benchSize( wiki: DevWiki, client: WikiClient, n: number ): Promise<void> {
	const base = `CB bench ${ n } ${ Date.now().toString( 36 ) }`;
	const file = path.join( os.tmpdir(), `capacity-bench-${ process.pid }-${ n }.xml` );
	fs.writeFileSync( file, dump( base, n ) );
	const rejected = Math.floor( n / REJECTED_EVERY );
	const deep = Math.floor( n / DEEP_EVERY ) - rejected;
	const revisions = n + rejected + deep * ( DEEP_REVISIONS - 1 );
	console.log( `\nN = ${ n } request pages under [[${ base }]] (${ rejected } with a rejected newest revision, ${ deep } with ` +
		`${ DEEP_REVISIONS } revisions; ${ revisions } revisions in all)` );
	const seedStarted = Date.now();
	try {
		// Without link-table updates: the benchmark reads page content only, and seeding is much faster.
		wiki.php( 'importDump', '--no-updates', file );
	} finally {
		fs.rmSync( file, { force: true } );
	}
	console.log( `  seeded with importDump in ${ ( ( Date.now() - seedStarted ) / 1000 ).toFixed( 1 ) } s` );
	const logger = new Logger( { quiet: true, write: () => undefined } );
	const messages = new Messages( 'en' );
	const dir = fs.mkdtempSync( path.join( os.tmpdir(), 'capacity-bench-' ) );
	try {
		const results: Record<string, { m: Measure; report: SyncReport }> = {};
		for ( const batchSize of [ 50, 500 ] ) {
			const store = await Store.open( `sqlite:${ path.join( dir, `full-${ batchSize }.sqlite` ) }` );
			let report: SyncReport | null = null;
			const m = await measure( client, async () => {
				report = await runSync( { client, store, logger, messages, base, full: true, batchSize } );
			} );
			results[ `full-${ batchSize }` ] = { m, report: report as unknown as SyncReport };
			if ( batchSize === 500 ) {
				const again = await measure( client, async () => {
					report = await runSync( { client, store, logger, messages, base, full: false, batchSize } );
				} );
				results.noop = { m: again, report: report as unknown as SyncReport };
			}
			await store.close();
		}
		const titles = Array.from( { length: n }, ( _, i ) => requestTitle( base, i + 1 ) );
		const naive = await measure( client, () => naiveRead( client, titles ) );
		const target50 = Math.ceil( n / 50 ) + 3;
		const target500 = Math.ceil( n / 500 ) + 3;
		for ( const [ key, target ] of [ [ 'full-50', target50 ], [ 'full-500', target500 ] ] as const ) {
			const { m, report } = results[ key ] as { m: Measure; report: SyncReport };
			const normal = m.requests - report.historyRequests;
			console.log( row( `full sync, ${ key.slice( 5 ) } pages a request`, m,
				`  (older revisions: ${ report.historyRequests } requests, for ${ report.walkedBack } pages; ` +
				`without them ${ normal } ≤ target ${ target }: ${ normal <= target ? 'yes' : 'NO' }; ` +
				`${ ( naive.requests / m.requests ).toFixed( 1 ) }× fewer requests, ${ ( naive.seconds / m.seconds ).toFixed( 1 ) }× faster than naive)` ) );
			console.log( `  ${ ''.padEnd( 34 ) } ${ report.revisions } revisions judged: ${ ( m.requests / n ).toFixed( 3 ) } requests a page, ` +
				`${ ( m.requests / report.revisions ).toFixed( 3 ) } a revision` );
		}
		const noop = results.noop as { m: Measure; report: SyncReport };
		console.log( row( 'no-op incremental sync', noop.m, `  (target 1 request and 0 edits: ${ noop.m.requests === 1 ? 'yes' : 'NO' }; sync makes no edits)` ) );
		console.log( row( 'naive reader, one page a request', naive ) );
	} finally {
		fs.rmSync( dir, { recursive: true, force: true } );
	}
}

/** The rebuild property with more seeds than CI: identical stores, and what each rebuild cost. */
async function benchRebuild( wiki: DevWiki, client: WikiClient, seeds: number, ops: number ): Promise<void> {
	console.log( `\nRebuild property: ${ seeds } seeds, up to ${ ops } operations each (edits by every role, role changes, ` +
		'moves, deletions, restorations; incremental syncs at random points), then a full sync into an empty store' );
	const people = await People.start( wiki, client );
	const stores = sqliteStores();
	let identical = 0;
	const total = { requests: 0, revisions: 0, pages: 0, history: 0 };
	try {
		for ( let seed = 1; seed <= seeds; seed++ ) {
			const [ scenario ] = fc.sample( scenarioArbitrary( ops ), { numRuns: 1, seed } );
			const outcome = await runScenario( people, scenario ?? [], `CB bench rebuild ${ seed } ${ Date.now().toString( 36 ) }`, stores.dbFor );
			const same = isDeepStrictEqual( outcome.incremental, outcome.rebuilt );
			identical += same ? 1 : 0;
			const r = outcome.rebuild;
			total.requests += r.requests;
			total.revisions += r.revisions;
			total.pages += r.pagesRead;
			total.history += r.historyRequests;
			console.log( `  seed ${ String( seed ).padStart( 3 ) }: ${ String( scenario?.length ?? 0 ).padStart( 2 ) } operations, ` +
				`${ String( outcome.edits ).padStart( 2 ) } edits; rebuild: ${ r.pagesRead } pages, ${ r.revisions } revisions judged, ` +
				`${ r.requests } requests (${ r.historyRequests } for older revisions); identical: ${ same ? 'yes' : 'NO' }` );
		}
	} finally {
		await setSometimesAdmin( people, false );
		stores.cleanup();
	}
	console.log( `  identical in ${ identical } of ${ seeds }; rebuilds made ${ ( total.requests / total.pages ).toFixed( 2 ) } requests a page, ` +
		`${ ( total.requests / total.revisions ).toFixed( 2 ) } a revision (${ total.history } of ${ total.requests } for older revisions; ` +
		'these bases are small, so the fixed requests dominate)' );
}

function option( args: string[], name: string, fallback: number ): number {
	const at = args.indexOf( name );
	const value = at >= 0 ? Number( args[ at + 1 ] ) : NaN;
	return Number.isInteger( value ) && value >= 0 ? value : fallback;
}

export async function bench( args: string[] ): Promise<void> {
	const sizesArg = args.indexOf( '--sizes' );
	const sizes = sizesArg >= 0 ? ( args[ sizesArg + 1 ] ?? '' ).split( ',' ).map( Number ).filter( ( x ) => x > 0 ) : [ 1000, 5000 ];
	const seeds = option( args, '--seeds', 10 );
	const ops = option( args, '--ops', 30 );
	const wiki = new DevWiki();
	const started = await wiki.start();
	try {
		wiki.ensureUser( REQUESTER, PASSWORD );
		wiki.ensureUser( STRANGER, PASSWORD );
		const { api, bot } = wiki.credentials();
		const client = await WikiClient.connect( {
			api, credentials: { kind: 'botpassword', username: bot.username, password: bot.password },
			userAgent: 'CapacityBuilding-bench/0.1 (npm run bench)', logger: new Logger( { quiet: true, write: () => undefined } ),
		} );
		console.log( `Account has apihighlimits: ${ client.highLimits ? 'yes' : 'no' } (the 50-a-request run limits itself to 50)` );
		for ( const n of sizes ) {
			await benchSize( wiki, client, n );
		}
		if ( seeds > 0 ) {
			await benchRebuild( wiki, client, seeds, ops );
		}
	} finally {
		if ( started ) {
			await wiki.stop();
		}
	}
}
