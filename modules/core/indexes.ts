/**
 * The JSON indexes the bot publishes for the tools: their formats (version 2) and how to read them.
 * This is the contract between the bot (the only writer, bot/publish/) and the client features
 * (readers, modules/shared/siteData.ts).
 *
 * Layout, under the base page `<base>`:
 * - three indexes, each a small **manifest** page and numbered **part** pages:
 *   `<base>/Requests.json` (requests by number), `<base>/Coaches.json` (coach profiles by
 *   username) and `<base>/Hubs.json` (hubs by key); part `n` of an index is `<manifest>/n`
 *   (e.g. `<base>/Requests.json/3`). Every page is JSON content and stays under PART_MAX_BYTES
 *   (512 KiB, half of the 1 MiB the project allows and a quarter of MediaWiki's default limit);
 * - `<base>/Statistics.json`: one page of counts, each list of counts bounded (STATISTICS_MAX_KEYS).
 *
 * A manifest (`Manifest`) names its index, the base page, `generated` (the newest `updated` among
 * the index's entries) and `count`, and lists the parts in key order, each with its page, the
 * **revision** of the part the manifest was written with, its first and last key, how many entries
 * and bytes it holds (and, for requests, how many in each status). Readers read parts by those
 * revision ids, so a manifest and its parts are always read as one consistent snapshot, even while
 * the bot is writing a new one (it writes parts first and the manifest last) or after someone
 * edited a part page.
 *
 * A part (`Part`) holds nothing global: its index name, its number and its entries in key order
 * (requests by number; coaches and hubs by key compared as plain strings, `compareKeys`).
 *
 * Partitioning (bot/publish/partition.ts): parts keep their numbers and boundaries from the
 * manifest already published; a part that grows above PART_MAX_BYTES is split (the first piece
 * keeps its number, the others take the lowest free numbers) and a part that shrinks below
 * PART_MIN_BYTES is merged into a neighbour. A changed record therefore rewrites only the part that
 * holds it (and the manifest); nothing shifts in the parts after it. Without a usable manifest the
 * entries are packed in order into parts of about PART_FILL_BYTES.
 *
 * Entries are summaries: everything the lists, the directory (which searches names and bios),
 * matching and the request and profile pages need, without long text. The full record is the
 * record page itself: a view reads the revision `revid` of `page`, never a copy. Every entry has
 * `page`, `revid` (the accepted revision), `updated` (its timestamp), `problems` (how many the
 * bot lists on the review page for the page) and `state` (`valid`, `invalid` when the accepted
 * revision holds values that are not valid, `malformed` when the page's template is malformed),
 * so views can mark such records. Long values are cut (DESCRIPTION_EXCERPT, BIO_EXCERPT code
 * points) and the fields cut are named in `cut`; an entry that would still be larger than
 * ENTRY_MAX_BYTES has its other long values cut too, and says so the same way. A record the bot
 * cannot publish at all (text that is not valid Unicode) is left out and listed on the review page.
 * A request without a hub that is not closed also carries its `route` (routing.ts): computed by
 * the bot from the hubs it publishes, never written into the request's own page.
 *
 * Readers refuse any other `version` (and fall back to reading pages).
 */
import {
	FEEDBACK_OUTCOMES, FINAL_STATUSES, FORMATS, REGIONS, STATUSES,
	type CapacityRequest, type CoachProfile, type Feedback, type Hub, type Status,
} from './model';
import { computeFigures, median, type FigureChange, type FigureRequest } from './figures';
import { normalizeUsername } from './identifiers';
import type { Route } from './routing';

export const INDEX_VERSION = 2;

/** The three split indexes. */
export const INDEX_NAMES = [ 'requests', 'coaches', 'hubs' ] as const;
export type IndexName = typeof INDEX_NAMES[ number ];

/** Hard bound of a part page (and of each human-readable list page), in UTF-8 bytes. */
export const PART_MAX_BYTES = 512 * 1024;
/** What a new part is filled to, leaving room to grow before it must split. */
export const PART_FILL_BYTES = 384 * 1024;
/** A part smaller than this is merged into a neighbour when they fit together. */
export const PART_MIN_BYTES = 64 * 1024;
/** Bound of one entry; long values are cut further until it fits. */
export const ENTRY_MAX_BYTES = 16 * 1024;
/** A request's description in its entry: at most this many code points. */
export const DESCRIPTION_EXCERPT = 200;
/** A coach's bio in its entry (what the directory shows and searches): at most this many code points. */
export const BIO_EXCERPT = 300;
/** Each list of counts in Statistics.json keeps at most this many keys (the largest counts). */
export const STATISTICS_MAX_KEYS = 200;
/** Where the counts of the keys left out go. */
export const STATISTICS_OTHER_KEY = '(other)';

/** How the accepted revision of a record stands. */
export type RecordState = 'valid' | 'invalid' | 'malformed';

interface EntryBase {
	/** The record page. */
	page: string;
	/** The accepted revision of the page: the record is what that revision says. */
	revid: number;
	/** Timestamp of that revision. */
	updated: string;
	/** Problems the bot lists on the review page for this page. */
	problems: number;
	state: RecordState;
	/** Fields whose values were cut to fit (e.g. `description`, `history`); absent when none. */
	cut?: string[];
}

/** One accepted status change of a request. */
export interface HistoryEntry {
	/** Empty when the request was created with this status. */
	from: string;
	to: string;
	user: string;
	at: string;
	revid: number;
	/** The revision's edit summary, when the store has it. */
	comment?: string;
}

export interface RequestEntry extends EntryBase {
	/** The n of R<n>. */
	number: number;
	/** The record, its description cut to an excerpt. */
	request: CapacityRequest;
	/** Feedback entries on the page. */
	feedback: number;
	/** The accepted status history, oldest first. */
	history: HistoryEntry[];
	/**
	 * Only for a request without a hub that is not closed: where routing (routing.ts) sends it, the
	 * candidate hubs (keys in Hubs.json, best first) or `queue: 'admins'`, the programme admins' queue.
	 */
	route?: Route;
}

export interface CoachEntry extends EntryBase {
	/** Normalised username (the page name under `<base>/Coaches/`). */
	user: string;
	/** The profile, its bio cut to an excerpt. */
	profile: CoachProfile;
	/** Requests the coach is assigned to that are matched or in progress. */
	activeRequests: number;
}

/** A coach as the client features use it (from the index, or read from a profile page). */
export type IndexedCoach = CoachEntry;

export interface HubEntry extends EntryBase {
	/** Hub key: the page name under `<base>/Hubs/`. */
	key: string;
	hub: Hub;
}

export interface EntryOf {
	requests: RequestEntry;
	coaches: CoachEntry;
	hubs: HubEntry;
}

export type IndexKey = number | string;

/** A part as its manifest lists it. */
export interface PartRef {
	/** The part's number: its page is `<manifest page>/<id>`. */
	id: number;
	page: string;
	/** The revision of the part page that belongs to this manifest (0 only in a dry run). */
	revid: number;
	/** The part's first and last key. */
	first: IndexKey;
	last: IndexKey;
	/** Entries in the part. */
	count: number;
	/** UTF-8 size of the part page. */
	bytes: number;
	/** Requests only: how many of the part's requests are in each status. */
	statuses?: Counts;
}

export interface Manifest {
	version: typeof INDEX_VERSION;
	index: IndexName;
	base: string;
	/** The newest `updated` among the entries ('' when there are none). */
	generated: string;
	/** Entries in all parts. */
	count: number;
	parts: PartRef[];
}

export interface Part<N extends IndexName = IndexName> {
	version: typeof INDEX_VERSION;
	index: N;
	id: number;
	entries: EntryOf[ N ][];
}

export type Counts = Record<string, number>;

export interface StatisticsIndex {
	version: typeof INDEX_VERSION;
	generated: string;
	base: string;
	requests: {
		total: number;
		byStatus: Counts;
		byRegion: Counts;
		byFormat: Counts;
		byTopic: Counts;
		byLanguage: Counts;
		byHub: Counts;
		/** Requests created per month (YYYY-MM). */
		byMonth: Counts;
		/** Median days from creation to the first time a coach was matched, when known. */
		medianDaysToMatch: number | null;
	};
	coaches: {
		total: number;
		byAvailability: Counts;
		byLanguage: Counts;
		byTopic: Counts;
		byRegion: Counts;
	};
	feedback: {
		entries: number;
		averageRating: number | null;
		byOutcome: Counts;
	};
	/** Each accepted hub's figures, by hub key (hubFigures); absent in statistics published before them. */
	hubs?: Record<string, HubFigures>;
}

/** What a hub's dashboard shows of its requests (those whose accepted `hub` is the hub), of all time. */
export interface HubFigures {
	/** Requests not in a final status (completed, declined, withdrawn). */
	open: number;
	/** Requests the hub has had. */
	received: number;
	/** Median days from creation to triage and to the first match (figures.ts), null when none got there. */
	medianDaysToTriage: number | null;
	medianDaysToMatch: number | null;
	/** Share of the hub's requests completed (three decimals), null when it has had none. */
	completionRate: number | null;
}

/**
 * The figures of each hub, computed by figures.ts as the reports compute them (all time), so the
 * dashboards and the reports never disagree. Only hubs that exist (`hubKeys`) are listed: a hub
 * name typed into a request does not make the page grow.
 *
 * @param hubKeys The accepted hubs
 * @param requests Accepted requests with their accepted feedback
 * @param history Accepted status changes, by request then revision
 */
export function hubFigures( hubKeys: readonly string[], requests: readonly FigureRequest[],
	history: readonly FigureChange[] ): Record<string, HubFigures> {
	const figures = computeFigures( requests, history, { label: 'all', start: null, end: null } );
	const byHub = new Map( figures.by.hub.map( ( group ) => [ group.key, group.figures.requests ] ) );
	const out: Record<string, HubFigures> = {};
	for ( const key of [ ...hubKeys ].sort( compareKeys ) ) {
		const group = byHub.get( key );
		const open = requests.filter( ( r ) => r.request.hub === key &&
			!( FINAL_STATUSES as readonly string[] ).includes( r.request.status ) ).length;
		out[ key ] = {
			open, received: group?.received ?? 0,
			medianDaysToTriage: group?.daysToTriage.median ?? null,
			medianDaysToMatch: group?.daysToMatch.median ?? null,
			completionRate: group?.completionRate ?? null,
		};
	}
	return out;
}

/** Statuses in which a coach is busy with a request. */
export const ACTIVE_STATUSES: readonly Status[] = [ 'matched', 'in-progress' ];

function count( into: Counts, key: string ): void {
	if ( key !== '' ) {
		into[ key ] = ( into[ key ] ?? 0 ) + 1;
	}
}

function zeroes( keys: readonly string[] ): Counts {
	return Object.fromEntries( keys.map( ( key ) => [ key, 0 ] ) );
}

/** What the statistics and the coaches' load need of a request: the full record and its feedback. */
export interface RequestFacts {
	request: CapacityRequest;
	feedback: readonly Feedback[];
}

/** Number of active requests each coach (normalised username) is assigned to. */
export function activeLoad( requests: readonly { request: CapacityRequest }[] ): Map<string, number> {
	const load = new Map<string, number>();
	for ( const { request } of requests ) {
		if ( ( ACTIVE_STATUSES as readonly string[] ).includes( request.status ) ) {
			for ( const coach of new Set( request.coach.map( normalizeUsername ) ) ) {
				load.set( coach, ( load.get( coach ) ?? 0 ) + 1 );
			}
		}
	}
	return load;
}

/**
 * Keeps at most STATISTICS_MAX_KEYS keys of a list of counts (the largest counts, then by key), the
 * rest summed under STATISTICS_OTHER_KEY, so that values people typed cannot make the page grow
 * without bound. Keys are cut to 64 code points.
 */
export function boundCounts( counts: Counts, keep: readonly string[] = [] ): Counts {
	const merged = new Map<string, number>();
	for ( const [ key, value ] of Object.entries( counts ) ) {
		const short = [ ...key ].length > 64 ? [ ...key ].slice( 0, 64 ).join( '' ) : key;
		merged.set( short, ( merged.get( short ) ?? 0 ) + value );
	}
	if ( merged.size <= STATISTICS_MAX_KEYS ) {
		return Object.fromEntries( merged );
	}
	const known = ( key: string ): number => Number( keep.includes( key ) );
	const ranked = [ ...merged ].sort( ( a, b ) => known( b[ 0 ] ) - known( a[ 0 ] ) ||
		b[ 1 ] - a[ 1 ] || compareKeys( a[ 0 ], b[ 0 ] ) );
	const kept = new Map( ranked.slice( 0, STATISTICS_MAX_KEYS - 1 ) );
	const other = ranked.slice( STATISTICS_MAX_KEYS - 1 ).reduce( ( sum, [ , value ] ) => sum + value, 0 );
	// Counts keep their first order (statuses, regions and formats in the model's order).
	const bounded: Counts = {};
	for ( const [ key, value ] of merged ) {
		if ( kept.has( key ) ) {
			bounded[ key ] = value;
		}
	}
	bounded[ STATISTICS_OTHER_KEY ] = ( bounded[ STATISTICS_OTHER_KEY ] ?? 0 ) + other;
	return bounded;
}

/**
 * Figures for monitoring and evaluation.
 *
 * @param base Base page
 * @param generated Timestamp of this build
 * @param requests Synced requests (full records)
 * @param coaches Synced coach profiles
 * @param daysToMatch Days from creation to first match, per request, where the status history knows it
 */
export function buildStatistics(
	base: string, generated: string, requests: readonly RequestFacts[], coaches: readonly { profile: CoachProfile }[],
	daysToMatch: number[] = [],
): StatisticsIndex {
	const stats: StatisticsIndex = {
		version: INDEX_VERSION,
		generated,
		base,
		requests: {
			total: requests.length,
			byStatus: zeroes( STATUSES ),
			byRegion: zeroes( REGIONS ),
			byFormat: zeroes( FORMATS ),
			byTopic: {},
			byLanguage: {},
			byHub: {},
			byMonth: {},
			medianDaysToMatch: median( daysToMatch ),
		},
		coaches: { total: coaches.length, byAvailability: {}, byLanguage: {}, byTopic: {}, byRegion: {} },
		feedback: { entries: 0, averageRating: null, byOutcome: zeroes( FEEDBACK_OUTCOMES ) },
	};
	const ratings: number[] = [];
	for ( const { request, feedback } of requests ) {
		count( stats.requests.byStatus, request.status );
		count( stats.requests.byRegion, request.region );
		count( stats.requests.byHub, request.hub );
		count( stats.requests.byMonth, request.created.slice( 0, 7 ) );
		request.formats.forEach( ( format ) => count( stats.requests.byFormat, format ) );
		request.topics.forEach( ( topic ) => count( stats.requests.byTopic, topic ) );
		request.languages.forEach( ( language ) => count( stats.requests.byLanguage, language ) );
		for ( const entry of feedback ) {
			stats.feedback.entries++;
			count( stats.feedback.byOutcome, entry.outcome );
			if ( /^[1-5]$/.test( entry.rating ) ) {
				ratings.push( Number( entry.rating ) );
			}
		}
	}
	stats.feedback.averageRating = ratings.length ?
		Math.round( 100 * ratings.reduce( ( a, b ) => a + b, 0 ) / ratings.length ) / 100 : null;
	for ( const { profile } of coaches ) {
		count( stats.coaches.byAvailability, profile.availability );
		profile.languages.forEach( ( language ) => count( stats.coaches.byLanguage, language ) );
		profile.topics.forEach( ( topic ) => count( stats.coaches.byTopic, topic ) );
		profile.regions.forEach( ( region ) => count( stats.coaches.byRegion, region ) );
	}
	const bound = ( group: Record<string, unknown>, known: Record<string, readonly string[]> ): void => {
		for ( const [ name, value ] of Object.entries( group ) ) {
			if ( typeof value === 'object' && value !== null ) {
				group[ name ] = boundCounts( value as Counts, known[ name ] ?? [] );
			}
		}
	};
	bound( stats.requests, { byStatus: STATUSES, byRegion: REGIONS, byFormat: FORMATS } );
	bound( stats.coaches, {} );
	bound( stats.feedback, { byOutcome: FEEDBACK_OUTCOMES } );
	return stats;
}

/** The order of keys in an index: numbers by value, strings by UTF-16 code units (never by locale). */
export function compareKeys( a: IndexKey, b: IndexKey ): number {
	if ( typeof a === 'number' && typeof b === 'number' ) {
		return a - b;
	}
	const [ x, y ] = [ String( a ), String( b ) ];
	return x < y ? -1 : x > y ? 1 : 0;
}

function isObject( value: unknown ): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray( value );
}

function isKeyValue( value: unknown ): value is IndexKey {
	return typeof value === 'string' || ( typeof value === 'number' && Number.isFinite( value ) );
}

/** A manifest page's JSON: the manifest when it is one of this version and index, otherwise null. */
export function readManifest( json: unknown, index: IndexName ): Manifest | null {
	if ( !isObject( json ) || json.version !== INDEX_VERSION || json.index !== index || !Array.isArray( json.parts ) ||
		typeof json.generated !== 'string' ) {
		return null;
	}
	const valid = json.parts.every( ( part ) => isObject( part ) && typeof part.id === 'number' && typeof part.page === 'string' &&
		typeof part.revid === 'number' && isKeyValue( part.first ) && isKeyValue( part.last ) && typeof part.count === 'number' &&
		typeof part.bytes === 'number' );
	return valid ? json as unknown as Manifest : null;
}

/** A part page's JSON: its entries when it is a part of this version and index, otherwise null. */
export function readPart<N extends IndexName>( json: unknown, index: N ): EntryOf[ N ][] | null {
	if ( !isObject( json ) || json.version !== INDEX_VERSION || json.index !== index ||
		!Array.isArray( json.entries ) ) {
		return null;
	}
	return json.entries.every( isObject ) ? json.entries as unknown as EntryOf[ N ][] : null;
}

/** The key of an entry of an index. */
export function entryKey<N extends IndexName>( index: N, entry: EntryOf[ N ] ): IndexKey {
	if ( index === 'requests' ) {
		return ( entry as RequestEntry ).number;
	}
	return index === 'coaches' ? ( entry as CoachEntry ).user : ( entry as HubEntry ).key;
}

/** The part that would hold a key (the last part whose first key is not after it), or null. */
export function partFor( manifest: Manifest, key: IndexKey ): PartRef | null {
	let found: PartRef | null = null;
	for ( const part of manifest.parts ) {
		if ( compareKeys( part.first, key ) > 0 ) {
			break;
		}
		found = part;
	}
	return found;
}
