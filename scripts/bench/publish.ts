/**
 * `npm run bench -- publish`: what publishing costs and how large its pages are, at 100,000 requests
 * and 20,000 coaches (`--requests 100000 --coaches 20000`), with realistic values and every 500th
 * record a worst case (20,000-character descriptions of characters JSON escapes, 5,000-character
 * bios, 50 offers, hundreds of status changes with long comments, thousands of topics, a 2 MB
 * description, a lone surrogate).
 *
 * The store is built directly (SQLite, the bot's own schema). Then, honestly apart:
 *
 * 1. Full size, against an in-process wiki: the real `runPublish` (its comparison of SHA-1s and
 *    texts, its reading with continuation at 8 MiB) against a fake API that stores the text it is
 *    sent as it is. That MediaWiki stores exactly the text the bot sends is what part 2 (and
 *    tests/integration/publish.test.ts) check on the real wiki. Printed: the size of every page
 *    (the largest must stay under 1 MiB), and the edit requests of a first publish, of a publish
 *    with nothing new (0) and after one changed record.
 * 2. On the development wiki, at a smaller size (`--wiki-requests 5000 --wiki-coaches 1000`;
 *    `--wiki-full` to use the full size there too, which takes long: every page is parsed and
 *    stored by PHP's built-in server on SQLite): the same three publishes, with wall time, edit
 *    requests counted at the API, and whether the second publish sent none.
 */
/* eslint-disable camelcase -- the store's column names are SQL's snake_case */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Editor } from '../../bot/edits';
import { Messages } from '../../bot/i18n';
import { Logger } from '../../bot/log';
import { textSha1 } from '../../bot/publish/json';
import { PAGE_LIMIT_BYTES, runPublish, type PublishReport } from '../../bot/publish/publish';
import { Store } from '../../bot/store';
import { WikiClient } from '../../bot/wiki';
import { FORMATS, REGIONS, STATUSES, type CapacityRequest, type CoachProfile } from '../../modules/core/model';
import { sitePages } from '../../modules/core/pages';
import { DevWiki } from '../lib/devwiki';

const LANGUAGES = [ 'en', 'es', 'fr', 'pt', 'ar', 'de', 'hi', 'sw', 'id', 'ru', 'zh', 'ja', 'bn', 'yo', 'uk' ];
const TOPICS = [ 'outreach', 'governance', 'grant-writing', 'community', 'wikidata', 'education', 'glam', 'partnerships', 'conflict', 'strategy' ];
const WORDS = [ 'workshop', 'volunteers', 'editathon', 'training', 'libraries', 'museum', 'grant', 'community', 'evaluation', 'Wikidata',
	'communauté', 'formación', 'جماعة', 'समुदाय', '社区', 'Gemeinschaft' ];
/** Every WORST_EVERY-th record carries worst-case values. */
const WORST_EVERY = 500;

/** A small deterministic generator, so that every run measures the same data. */
function random( seed: number ): () => number {
	let state = seed;
	return () => {
		state = ( state * 1664525 + 1013904223 ) % 4294967296;
		return state / 4294967296;
	};
}

type Pick = <T>( values: readonly T[], count?: number ) => T[];

function picker( next: () => number ): Pick {
	return <T>( values: readonly T[], count = 1 ): T[] => {
		const chosen = new Set<T>();
		while ( chosen.size < Math.min( count, values.length ) ) {
			chosen.add( values[ Math.floor( next() * values.length ) ] as T );
		}
		return [ ...chosen ];
	};
}

function sentence( next: () => number, pick: Pick, words: number ): string {
	return Array.from( { length: words }, () => pick( WORDS )[ 0 ] ).join( ' ' ) + ( next() < 0.5 ? '.' : '!' );
}

/** Text JSON writes at its longest: characters escaped as \uXXXX, astral characters, marks. */
function worstText( length: number ): string {
	const unit = '<&>\u2028🧭é\u0301\t';
	return unit.repeat( Math.ceil( length / [ ...unit ].length ) ).slice( 0, length );
}

function coachName( i: number ): string {
	return `Coach ${ String( i ).padStart( 6, '0' ) } ${ [ 'Ana', 'José', 'Amina', 'Oluwaseun', 'Mei', 'Priya', 'Łukasz', 'Фатима' ][ i % 8 ] }`;
}

interface Sizes {
	requests: number;
	coaches: number;
}

/** Builds the store directly in SQLite with the bot's schema, for records under `base`. */
async function buildStore( file: string, size: Sizes, base: string ): Promise<void> {
	const store = await Store.open( `sqlite:${ file }` );
	const next = random( 42 );
	const pick = picker( next );
	try {
		const coachRows = [];
		for ( let i = 0; i < size.coaches; i++ ) {
			const user = coachName( i );
			const worst = i % WORST_EVERY === 7;
			const profile: CoachProfile = {
				user,
				topics: worst ? Array.from( { length: 3000 }, ( _, t ) => `topic-${ t }` ) : pick( TOPICS, 1 + Math.floor( next() * 4 ) ),
				languages: pick( LANGUAGES, 1 + Math.floor( next() * 3 ) ),
				regions: pick( REGIONS, 1 + Math.floor( next() * 2 ) ),
				formats: pick( FORMATS, 1 + Math.floor( next() * 3 ) ), availability: pick( [ 'available', 'limited', 'away' ] )[ 0 ] as string,
				awayUntil: '', maxRequests: String( 1 + Math.floor( next() * 5 ) ),
				bio: worst ? worstText( 5000 ) :
					Array.from( { length: 1 + Math.floor( next() * 6 ) }, () => sentence( next, pick, 12 ) ).join( ' ' ),
				contact: 'talk', hubs: pick( [ 'Africa', 'Asia', 'Europe', 'Americas' ], 1 ),
			};
			coachRows.push( {
				user, page: `${ base }/Coaches/${ user }`, revid: 1_000_000 + i, updated: '2026-10-01T00:00:00Z', record: JSON.stringify( profile ),
			} );
		}
		for ( let i = 0; i < coachRows.length; i += 500 ) {
			await store.db.insertInto( 'coaches' ).values( coachRows.slice( i, i + 500 ) ).execute();
		}
		const requestRows = [];
		const historyRows = [];
		const problemRows = [];
		for ( let n = 1; n <= size.requests; n++ ) {
			const worst = n % WORST_EVERY === 0;
			const status = pick( STATUSES )[ 0 ] as string;
			const assigned = [ 'matched', 'in-progress', 'completed' ].includes( status ) ? [ coachName( Math.floor( next() * size.coaches ) ) ] : [];
			let description = Array.from( { length: 2 + Math.floor( next() * 12 ) }, () => sentence( next, pick, 15 ) ).join( ' ' );
			if ( worst ) {
				description = worstText( 20000 );
			}
			if ( n === 777 ) {
				description = 'A page near the size limit. '.repeat( 70000 );
			}
			const record: CapacityRequest = {
				title: worst ? worstText( 120 ) : `${ sentence( next, pick, 3 + Math.floor( next() * 6 ) ) } (${ n })`,
				requester: `Requester ${ n % 9000 }`, requesterType: 'organisation', organisation: worst ? worstText( 200 ) : 'Wikimedia user group',
				region: pick( REGIONS )[ 0 ] as string, hub: pick( [ '', 'Africa', 'Asia', 'Europe', 'Americas' ] )[ 0 ] as string,
				topics: pick( TOPICS, 1 + Math.floor( next() * 3 ) ),
				formats: pick( FORMATS, 1 + Math.floor( next() * 2 ) ),
				languages: pick( LANGUAGES, 1 + Math.floor( next() * 2 ) ), lang: '', neededBy: '', description, status, holdReason: '', coach: assigned,
				offers: worst ? Array.from( { length: 50 }, ( _, o ) => coachName( o ) ) : assigned, created: '2026-06-01T10:00:00Z',
			};
			if ( n === 4242 ) {
				record.title = 'A lone surrogate \uD800 left by a bug';
			}
			requestRows.push( {
				number: n, page: `${ base }/Requests/R${ n }`, revid: n * 10, updated: '2026-11-01T00:00:00Z', status,
				record: JSON.stringify( record ), feedback: '[]',
			} );
			const changes = worst ? 300 : 1 + Math.floor( next() * 4 );
			for ( let c = 0; c < changes; c++ ) {
				historyRows.push( {
					request_number: n, from_status: c === 0 ? '' : 'open', to_status: c === 0 ? 'open' : status, user: `Requester ${ n % 9000 }`,
					at: '2026-06-01T10:00:00Z', revid: n * 10 - changes + c + 1,
				} );
			}
			if ( next() < 0.02 || worst ) {
				for ( let p = 0; p < ( worst ? 40 : 1 + Math.floor( next() * 3 ) ); p++ ) {
					problemRows.push( {
						page: `${ base }/Requests/R${ n }`, revid: n * 10, kind: 'invalid', message: 'capacitybuilding-validation-invalid-choice',
						params: JSON.stringify( [ worst ? worstText( 2000 ) : 'banana' ] ), field: 'status', user: `Requester ${ n % 9000 }`,
					} );
				}
			}
		}
		for ( let i = 0; i < requestRows.length; i += 200 ) {
			await store.db.insertInto( 'requests' ).values( requestRows.slice( i, i + 200 ) ).execute();
		}
		for ( let i = 0; i < historyRows.length; i += 1000 ) {
			await store.db.insertInto( 'status_history' ).values( historyRows.slice( i, i + 1000 ) ).execute();
		}
		for ( let i = 0; i < problemRows.length; i += 1000 ) {
			await store.db.insertInto( 'problems' ).values( problemRows.slice( i, i + 1000 ) ).execute();
		}
		for ( const key of [ 'Africa', 'Asia', 'Europe', 'Americas' ] ) {
			await store.db.insertInto( 'hubs' ).values( {
				hub_key: key, page: `${ base }/Hubs/${ key }`, revid: 5, updated: '2026-01-01T00:00:00Z',
				record: JSON.stringify( { name: `${ key } hub`, kind: 'regional', regions: [ 'SSA' ], topics: [], languages: [ 'en' ], contacts: [ 'Hub Contact' ], noticeboard: '' } ),
			} ).execute();
		}
	} finally {
		await store.close();
	}
}

/** An API that stores every text it is sent as it is (what MediaWiki does with the bot's text), in memory. */
class MemoryWiki {
	public readonly pages = new Map<string, { text: string; revid: number; model: string; sha1: string }>();

	public edits = 0;

	public requests = 0;

	private revid = 1;

	public readonly batchSize = 500;

	public readonly user = { name: 'Bench bot', loggedIn: true, rights: [ 'apihighlimits' ], groups: [] };

	public readonly mwn = { csrfToken: 'token' };

	public request( params: Record<string, unknown> ): Promise<Record<string, unknown>> {
		this.requests++;
		if ( params.action === 'edit' ) {
			this.edits++;
			const title = String( params.title );
			const text = String( params.text );
			const existing = this.pages.get( title );
			if ( existing?.text === text ) {
				return Promise.resolve( { edit: { result: 'Success', nochange: true } } );
			}
			const revid = ++this.revid;
			this.pages.set( title, { text, revid, model: String( params.contentmodel ?? 'wikitext' ), sha1: textSha1( text ) } );
			return Promise.resolve( { edit: { result: 'Success', newrevid: revid } } );
		}
		const titles = params.titles as string[];
		const content = ( params.rvprop as string[] ).includes( 'content' );
		const skip = Number( params.rvcontinue ?? 0 );
		let bytes = 0;
		let stopped: number | null = null;
		const pages = titles.map( ( title, i ) => {
			const page = this.pages.get( title );
			if ( !page ) {
				return { title, missing: true };
			}
			if ( i < skip ) {
				return { title };
			}
			bytes += content ? Buffer.byteLength( page.text ) : 0;
			if ( stopped !== null || ( bytes > 8 * 1024 * 1024 && i > skip ) ) {
				stopped ??= i;
				return { title };
			}
			return { title, revisions: [ { revid: page.revid, timestamp: '2026-12-01T00:00:00Z', user: 'Bench bot', sha1: page.sha1,
				slots: { main: { contentmodel: page.model, ...( content ? { content: page.text } : {} ) } } } ] };
		} );
		return Promise.resolve( { query: { pages }, ...( stopped !== null ? { continue: { rvcontinue: String( stopped ), continue: '||' } } : {} ) } );
	}
}

const KIB = 1024;

function kib( bytes: number ): string {
	return `${ ( bytes / KIB ).toFixed( 1 ) } KiB`;
}

/** Every page's size, by family, then each page. */
function printSizes( sizes: Record<string, number>, base: string ): void {
	const families = new Map<string, [ string, number ][]>();
	for ( const [ title, bytes ] of Object.entries( sizes ) ) {
		const family = title.slice( base.length + 1 ).replace( /\/\d+$/, '/<n>' ).replace( /^(Review\/[^/]+)\/<n>$/, '$1/<n>' );
		families.set( family, [ ...( families.get( family ) ?? [] ), [ title, bytes ] ] );
	}
	console.log( '  page sizes (UTF-8 bytes), by kind of page:' );
	for ( const [ family, pages ] of families ) {
		const values = pages.map( ( [ , b ] ) => b ).sort( ( a, b ) => a - b );
		console.log( `    ${ family.padEnd( 24 ) } ${ String( pages.length ).padStart( 4 ) } page(s)  min ${ kib( values[ 0 ] as number ).padStart( 10 ) }` +
			`  median ${ kib( values[ Math.floor( values.length / 2 ) ] as number ).padStart( 10 ) }  max ${ kib( values[ values.length - 1 ] as number ).padStart( 10 ) }` );
	}
	console.log( '  every page:' );
	const all = Object.entries( sizes ).map( ( [ title, bytes ] ) => `${ title.slice( base.length + 1 ) } ${ kib( bytes ) }` );
	for ( let i = 0; i < all.length; i += 4 ) {
		console.log( `    ${ all.slice( i, i + 4 ).map( ( s ) => s.padEnd( 38 ) ).join( '' ) }` );
	}
	const max = Math.max( ...Object.values( sizes ) );
	console.log( `  largest page: ${ kib( max ) } — ${ max < PAGE_LIMIT_BYTES ? 'under' : 'NOT under' } 1 MiB` );
}

interface Round {
	label: string;
	report: PublishReport;
	editRequests: number;
	/** API requests of any kind (reads too). */
	apiRequests: number;
	seconds: number;
}

/** Edit requests and API requests made so far. */
type Counter = () => { edits: number; requests: number };

async function publishRound( label: string, db: string, base: string, client: WikiClient,
	counter: Counter ): Promise<Round> {
	const store = await Store.open( `sqlite:${ db }` );
	const logger = new Logger( { quiet: true, write: () => undefined } );
	const editor = new Editor( client, logger, { dryRun: false, stopPage: sitePages( base ).stop } );
	const before = counter();
	const started = process.hrtime.bigint();
	try {
		const report = await runPublish( { client, store, editor, messages: new Messages( 'en' ), base } );
		const after = counter();
		return {
			label, report, editRequests: after.edits - before.edits, apiRequests: after.requests - before.requests,
			seconds: Number( process.hrtime.bigint() - started ) / 1e9,
		};
	} finally {
		await store.close();
	}
}

function printRound( round: Round ): void {
	const changed = Object.entries( round.report.outcomes ).filter( ( [ , o ] ) => o !== 'unchanged' ).map( ( [ t ] ) => t );
	console.log( `  ${ round.label.padEnd( 34 ) } ${ String( round.editRequests ).padStart( 5 ) } edit requests ` +
		`(${ round.report.edits } pages created or edited; ${ round.apiRequests } API requests in all) ` +
		`${ round.seconds.toFixed( 1 ).padStart( 7 ) } s` + ( changed.length && changed.length <= 8 ? `: ${ changed.join( ', ' ) }` : '' ) );
}

async function changeOneRecord( db: string, number: number ): Promise<void> {
	const store = await Store.open( `sqlite:${ db }` );
	try {
		const row = await store.db.selectFrom( 'requests' ).selectAll().where( 'number', '=', number ).executeTakeFirstOrThrow();
		const record = JSON.parse( row.record ) as CapacityRequest;
		record.title = `${ record.title } (changed)`;
		await store.db.updateTable( 'requests' ).set( { record: JSON.stringify( record ), revid: Number( row.revid ) + 1, updated: '2026-12-01T00:00:00Z' } )
			.where( 'number', '=', number ).execute();
	} finally {
		await store.close();
	}
}

async function threeRounds( db: string, base: string, client: WikiClient, counter: Counter,
	changed: number ): Promise<Round[]> {
	const rounds = [ await publishRound( 'first publish', db, base, client, counter ) ];
	printRound( rounds[ 0 ] as Round );
	rounds.push( await publishRound( 'publish with nothing new', db, base, client, counter ) );
	printRound( rounds[ 1 ] as Round );
	await changeOneRecord( db, changed );
	rounds.push( await publishRound( `after R${ changed }'s title changed`, db, base, client, counter ) );
	printRound( rounds[ 2 ] as Round );
	const problems = rounds[ 0 ]?.report.problems ?? [];
	console.log( `  problems listed on the review page by publishing: ${ problems.length } ` +
		`(${ [ ...new Set( problems.map( ( p ) => p.message.replace( 'capacitybuilding-bot-publish-problem-', '' ) ) ) ].join( ', ' ) })` );
	return rounds;
}

function option( args: string[], name: string, fallback: number ): number {
	const at = args.indexOf( name );
	return at >= 0 ? Number( args[ at + 1 ] ) : fallback;
}

export async function bench( args: string[] ): Promise<void> {
	const full: Sizes = { requests: option( args, '--requests', 100_000 ), coaches: option( args, '--coaches', 20_000 ) };
	const onWiki: Sizes = args.includes( '--wiki-full' ) ? full :
		{ requests: option( args, '--wiki-requests', 5000 ), coaches: option( args, '--wiki-coaches', 1000 ) };
	const dir = fs.mkdtempSync( path.join( os.tmpdir(), 'capacity-bench-publish-' ) );
	try {
		console.log( `\n1. ${ full.requests } requests, ${ full.coaches } coaches: the real publish against an in-process wiki that stores what it is sent` );
		let started = Date.now();
		const db = path.join( dir, 'full.sqlite' );
		const base = 'Capacity building';
		await buildStore( db, full, base );
		console.log( `  store built directly in SQLite in ${ ( ( Date.now() - started ) / 1000 ).toFixed( 1 ) } s (${ kib( fs.statSync( db ).size ) })` );
		const memory = new MemoryWiki();
		const client = memory as unknown as WikiClient;
		const inMemory: Counter = () => ( { edits: memory.edits, requests: memory.requests } );
		const rounds = await threeRounds( db, base, client, inMemory,
			Math.ceil( full.requests / 2 ) );
		printSizes( rounds[ 0 ]?.report.sizes ?? {}, base );

		console.log( `\n2. ${ onWiki.requests } requests, ${ onWiki.coaches } coaches: publishing to the development wiki` );
		const wiki = new DevWiki();
		const startedWiki = await wiki.start();
		try {
			const { api, bot } = wiki.credentials();
			const real = await WikiClient.connect( {
				api, credentials: { kind: 'botpassword', username: bot.username, password: bot.password },
				userAgent: 'CapacityBuilding-bench/0.1 (npm run bench)', logger: new Logger( { quiet: true, write: () => undefined } ),
			} );
			let edits = 0;
			const request = real.request.bind( real );
			real.request = ( params ) => {
				if ( params.action === 'edit' ) {
					edits++;
				}
				return request( params );
			};
			const small = path.join( dir, 'wiki.sqlite' );
			const wikiBase = `CB bench publish ${ Date.now().toString( 36 ) }`;
			await buildStore( small, onWiki, wikiBase );
			started = Date.now();
			const onTheWiki: Counter = () => ( { edits, requests: real.requestCount } );
			const wikiRounds = await threeRounds( small, wikiBase, real, onTheWiki,
				Math.ceil( onWiki.requests / 2 ) );
			const second = wikiRounds[ 1 ] as Round;
			console.log( `  second publish sent ${ second.editRequests } edit requests: MediaWiki stored every page exactly as sent ` +
				`(${ second.editRequests === 0 ? 'yes' : 'NO' }); largest page ${ kib( Math.max( ...Object.values( wikiRounds[ 0 ]?.report.sizes ?? {} ) ) ) }; ` +
				`${ ( ( Date.now() - started ) / 1000 ).toFixed( 0 ) } s in all` );
		} finally {
			if ( startedWiki ) {
				await wiki.stop();
			}
		}
	} finally {
		fs.rmSync( dir, { recursive: true, force: true } );
	}
}
