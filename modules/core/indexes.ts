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
import type { CapacityRequest, CoachProfile, Hub } from './model';
import type { Route } from './routing';
import type { StatisticsCharts } from './statisticsCharts';

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
	/** What the statistics charts draw, per period and hub (statisticsCharts.ts); absent in older pages. */
	charts?: StatisticsCharts;
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
