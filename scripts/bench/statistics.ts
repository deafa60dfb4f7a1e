/**
 * `npm run bench -- statistics`: what computing every evaluation figure costs at 10,000 requests
 * and 50,000 accepted status changes (`--requests 10000 --changes 50000`), with one to three
 * feedback entries on each completed request.
 *
 * The store is built directly (SQLite, the bot's own schema, through `Store.apply` as a sync
 * stores its results; not timed). Then, each step timed (wall and CPU) with the heap after it:
 *
 * 1. reading the requests and the status history from the store;
 * 2. the figures of the whole programme, all time (modules/core/figures.ts);
 * 3. "everything" a year of quarterly reports needs: each quarter, for the programme and for
 *    each hub;
 *    Then the same reports as publish writes them: figures and wikitext of every report page
 *    (bot/publish/reports.ts), merged into new pages, with the largest page's size;
 * 4. `Statistics.json` as publish builds it (bot/publish/content.ts), with the views of the
 *    charts (modules/core/statisticsCharts.ts), and the statistics page of its tables, with sizes;
 * 5. the export files of the whole programme (bot/export/files.ts), in memory;
 * 6. the real `capacity-bot export` command in this process, store to files on disk.
 *
 * Printed at the end: the peak resident memory of the process.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { main } from '../../bot/cli';
import { exportFiles } from '../../bot/export/files';
import { Messages } from '../../bot/i18n';
import { buildStatisticsIndex } from '../../bot/publish/content';
import { mergeReports, planReports } from '../../bot/publish/reports';
import { mediaWikiJson } from '../../bot/publish/json';
import { statisticsPage } from '../../bot/publish/statisticsPage';
import { Store, type StatusChange, type StoredHub, type StoredRequest } from '../../bot/store';
import { computeFigures, parsePeriod, type FigureRequest } from '../../modules/core/figures';
import { FEEDBACK_OUTCOMES, REGIONS, type CapacityRequest, type Feedback, type Hub } from '../../modules/core/model';

const LANGUAGES = [ 'en', 'es', 'fr', 'pt', 'ar', 'de', 'hi', 'sw', 'id', 'ru', 'zh', 'ja', 'bn', 'yo', 'uk' ];
const TOPICS = [ 'outreach', 'governance', 'grant-writing', 'community', 'wikidata', 'education', 'glam', 'partnerships', 'conflict', 'strategy' ];
const HUBS = [ 'ESEAP hub', 'Africa hub', 'MENA hub', 'CEECA hub', 'LAC hub', 'South Asia hub', 'Europe hub', 'Governance hub' ];
/** The statuses a request walks through, and where it may stop instead. */
const PATH = [ 'open', 'triaged', 'matched', 'in-progress', 'completed' ];
const DAY_MS = 86_400_000;

function option( args: string[], name: string, fallback: number ): number {
	const i = args.indexOf( name );
	return i >= 0 ? Number( args[ i + 1 ] ) : fallback;
}

/** A small deterministic generator (Park and Miller's), so every run builds the same store. */
function random( seed: number ): () => number {
	let state = seed;
	return () => {
		state = ( state * 48271 ) % 2147483647;
		return ( state - 1 ) / 2147483646;
	};
}

/** Requests created across 2026, with histories adding up to about `changes` status changes. */
function sample( requests: number, changes: number ): { stored: StoredRequest[]; history: StatusChange[] } {
	const next = random( 15 );
	const pick = <T>( values: readonly T[] ): T => values[ Math.floor( next() * values.length ) ] as T;
	const perRequest = changes / requests;
	const stored: StoredRequest[] = [];
	const history: StatusChange[] = [];
	for ( let n = 1; n <= requests; n++ ) {
		const created = Date.UTC( 2026, 0, 1 ) + Math.floor( next() * 360 * DAY_MS );
		let at = created;
		// Between 1 and 2 × perRequest − 1 changes (perRequest on average): along the path, with
		// declines, withdrawals and holds, and reopenings after them.
		const steps = [ 'open' ];
		const length = 1 + Math.floor( next() * ( 2 * perRequest - 1 ) );
		while ( steps.length < length ) {
			const last = steps[ steps.length - 1 ] as string;
			const onPath = PATH.indexOf( last );
			steps.push( onPath < 0 || onPath === PATH.length - 1 ? 'triaged' :
				next() < 0.1 ? pick( [ 'declined', 'withdrawn', 'on-hold' ] ) : PATH[ onPath + 1 ] as string );
		}
		let from = '';
		for ( const [ i, to ] of steps.entries() ) {
			at += Math.floor( next() * 10 * DAY_MS );
			history.push( { requestNumber: n, from, to, user: `User ${ n % 500 }`, at: new Date( at ).toISOString(), revid: n * 100 + i, comment: '' } );
			from = to;
		}
		const status = from || 'open';
		const feedback: Feedback[] = status === 'completed' ? Array.from( { length: 1 + Math.floor( next() * 3 ) }, ( _x, i ) => ( {
			user: `User ${ ( n + i ) % 700 }`, role: i ? 'coach' : 'requester', rating: String( 1 + Math.floor( next() * 5 ) ),
			outcome: pick( FEEDBACK_OUTCOMES ), confidenceBefore: '', confidenceAfter: '', stage: '', used: '', comment: 'Thanks.', learned: '', created: new Date( at + DAY_MS ).toISOString(),
		} ) ) : [];
		const record: CapacityRequest = {
			title: `Request ${ n }`, requester: `User ${ n % 900 }`, requesterType: 'group', organisation: '', region: pick( REGIONS ),
			hub: next() < 0.9 ? pick( HUBS ) : '', topics: [ pick( TOPICS ), pick( TOPICS ) ], formats: [ 'workshop' ],
			languages: [ pick( LANGUAGES ), ...( next() < 0.3 ? [ pick( LANGUAGES ) ] : [] ) ], lang: '', neededBy: '', description: 'A request.',
			status, holdReason: '', coach: [], offers: [], created: new Date( created ).toISOString(),
		};
		stored.push( { number: n, page: `CB/Requests/R${ n }`, revid: n * 100 + 99, updated: new Date( at ).toISOString(), record, feedback } );
	}
	return { stored, history };
}

function mib( bytes: number ): string {
	return `${ ( bytes / 1024 / 1024 ).toFixed( 1 ) } MiB`;
}

async function step<T>( label: string, work: () => T | Promise<T> ): Promise<T> {
	const start = performance.now();
	const cpu = process.cpuUsage();
	const result = await work();
	const used = process.cpuUsage( cpu );
	const wall = performance.now() - start;
	console.log( `  ${ label.padEnd( 58 ) } ${ wall.toFixed( 0 ).padStart( 6 ) } ms wall, ${ ( ( used.user + used.system ) / 1000 ).toFixed( 0 ).padStart( 6 ) } ms CPU, heap ${ mib( process.memoryUsage().heapUsed ) }` );
	return result;
}

export async function bench( args: string[] ): Promise<void> {
	const requests = option( args, '--requests', 10_000 );
	const changes = option( args, '--changes', 50_000 );
	const dir = fs.mkdtempSync( path.join( os.tmpdir(), 'capacity-bench-statistics-' ) );
	const db = `sqlite:${ path.join( dir, 'store.sqlite' ) }`;
	try {
		const { stored, history } = sample( requests, changes );
		const store = await Store.open( db );
		const filled = performance.now();
		await store.apply( {
			updates: stored.map( ( value ) => ( { page: value.page, action: 'request', value, problems: [] } ) ),
			statusChanges: history, cursor: { timestamp: '2027-01-01T00:00:00Z', rcid: 1 }, config: '{}', full: false, finished: '2027-01-01T00:00:00Z',
		} );
		const entries = stored.reduce( ( sum, r ) => sum + r.feedback.length, 0 );
		console.log( `${ stored.length } requests, ${ history.length } status changes, ${ entries } feedback entries, ${ HUBS.length } hubs ` +
			`(store built in ${ ( ( performance.now() - filled ) / 1000 ).toFixed( 1 ) } s, not counted); load average ${ os.loadavg()[ 0 ]?.toFixed( 1 ) } on ${ os.cpus().length } CPUs` );
		const read = await step( '1. read requests and status history from the store', async () => ( {
			requests: await store.requests(), history: await store.statusHistory(),
		} ) );
		await store.close();
		const facts: FigureRequest[] = read.requests.map(
			( r ) => ( { number: r.number, request: r.record, feedback: r.feedback } ) );
		const all = await step( '2. figures of the programme, all time', () => computeFigures( facts, read.history, parsePeriod( 'all' )! ) );
		await step( `3. figures of 4 quarters × (programme + ${ HUBS.length } hubs) = ${ 4 * ( HUBS.length + 1 ) } reports`, () => {
			for ( const quarter of [ 'Q1', 'Q2', 'Q3', 'Q4' ] ) {
				for ( const hub of [ null, ...HUBS ] ) {
					computeFigures( facts, read.history, parsePeriod( `2026-${ quarter }` )!, hub );
				}
			}
		} );
		const hubs = HUBS.map( ( key ): StoredHub => ( { key, page: `CB/Hubs/${ key }`, revid: 1, updated: '', record: { name: key } as Hub } ) );
		const quarters = [ 'Q1', 'Q2', 'Q3', 'Q4' ].map( ( q ) => parsePeriod( `2026-${ q }` )! );
		const pages = await step( `3b. the ${ 4 * ( HUBS.length + 1 ) } report pages (figures, wikitext, merge)`, () => mergeReports(
			planReports( 'CB', { requests: read.requests, history: read.history, hubs }, quarters, new Messages( 'en' ) ), new Map() ).pages );
		console.log( `     (largest report page ${ ( Math.max( ...pages.map( ( p ) => Buffer.byteLength( p.text ) ) ) / 1024 ).toFixed( 0 ) } KiB)` );
		const stats = await step( '4. Statistics.json as publish builds it (with the charts\' views)', () => buildStatisticsIndex( 'CB', {
			requests: read.requests, coaches: [], hubs: [], problems: [], history: read.history,
		} ) );
		const page = await step( '4b. the statistics page (every figure of the JSON as tables)', () => statisticsPage( stats, new Messages( 'en' ) ) );
		console.log( `     (Statistics.json ${ ( Buffer.byteLength( mediaWikiJson( stats ) ) / 1024 ).toFixed( 0 ) } KiB as MediaWiki stores it, ` +
			`${ stats.charts?.views.length ?? 0 } views, ${ stats.charts?.omitted ?? 0 } left out; ` +
			`statistics page ${ ( Buffer.byteLength( page ) / 1024 ).toFixed( 0 ) } KiB)` );
		const files = await step( '5. export files of the programme, in memory', () => exportFiles( all, null, new Messages( 'en' ) ) );
		const sizes = files.map( ( f ) => `${ f.name.replace( /^capacity-building-v\d+-all/, '…' ) } ${ ( Buffer.byteLength( f.text ) / 1024 ).toFixed( 0 ) } KiB` );
		console.log( `     (${ sizes.join( ', ' ) })` );
		const code = await step( '6. capacity-bot export (store to files, in this process)', () => main(
			[ 'export', '--quiet', '--db', db, '--out', path.join( dir, 'out' ) ], { env: { CAPACITY_BOT_LANGUAGE: 'en' } } ) );
		if ( code !== 0 ) {
			throw new Error( `capacity-bot export ended with exit code ${ code }` );
		}
		console.log( `  peak resident memory of the process: ${ mib( process.resourceUsage().maxRSS * 1024 ) }` );
	} finally {
		fs.rmSync( dir, { recursive: true, force: true } );
	}
}
