/**
 * What `publish` writes, as a pure function of the store's contents and of the partition already
 * published (the manifests on the wiki): the JSON indexes (format version 2, described in
 * modules/core/indexes.ts), the human-readable lists and the review page. Nothing here reads the
 * clock: `generated` is the newest synced revision's timestamp, so publishing the same store twice
 * gives byte-identical pages (and no edit).
 *
 * Pages, under the base page `<base>`:
 * - `<base>/Requests.json`, `<base>/Coaches.json`, `<base>/Hubs.json`: manifests; their parts
 *   `<manifest>/<n>`; `<base>/Statistics.json`;
 * - `<base>/Requests/Index` and `<base>/Coaches/Index`: the lists. While the index has one part, the
 *   whole list is on that page; otherwise the page lists its subpages `<list>/<n>`, one per part of
 *   the index (same number, same entries);
 * - `<base>/Statistics`;
 * - `<base>/Review`: every problem, while it fits in one page (PART_FILL_BYTES); otherwise the
 *   problems of record pages move to subpages `<base>/Review/<Index>/<n>` by part of the index,
 *   and the page keeps the other problems and the list of subpages.
 * A subpage no longer needed gets a short note pointing to its main page.
 *
 * Every part is bounded (PART_MAX_BYTES) on every page built from it, because records are weighed by
 * the largest of their JSON entry, their list row and their review rows (bot/publish/partition.ts).
 */
import { compareKeys, entryKey, INDEX_VERSION, PART_FILL_BYTES, PART_MAX_BYTES, PART_MIN_BYTES, type CoachEntry, type Counts, type EntryOf, type HubEntry, type IndexKey, type IndexName, type Manifest, type Part, type PartRef, type RequestEntry, type StatisticsIndex } from '../../modules/core/indexes';
import { buildStatistics, hubFigures } from '../../modules/core/statistics';
import { AVAILABILITY_MESSAGES, FORMAT_MESSAGES, REGION_MESSAGES, STATUS_MESSAGES, isOneOf, AVAILABILITIES, FORMATS, REGIONS, STATUSES } from '../../modules/core/model';
import type { MessageKey } from '../../modules/core/messages';
import { daysBetween, firstReached } from '../../modules/core/figures';
import { buildCharts } from '../../modules/core/statisticsCharts';
import { figureRequests } from '../export/storeFigures';
import { isValidUsername } from '../../modules/core/identifiers';
import { coachUser, hubKey, requestNumber, sitePages } from '../../modules/core/pages';
import { encodeValue } from '../../modules/core/wikitext/values';
import type { Messages } from '../i18n';
import type { StatusChange, StoredProblem, StoredRequest } from '../store';
import { badlyEncoded, buildEntries, entryBytes, entryText, ENTRY_INDENT, type PublishProblem, type StoreSnapshot } from './entries';
import { byteLength, jsonString, mediaWikiJson } from './json';
import { partition, type PreviousPart } from './partition';
import { statisticsPage } from './statisticsPage';

export type { StoreSnapshot, PublishProblem };

export interface PublishedPage {
	title: string;
	contentModel: 'json' | 'wikitext' | 'text';
	text: string;
	/** The JSON value, for JSON pages. */
	json?: unknown;
	/** The edit summary, when not the publish one. */
	summary?: MessageKey;
}

/** Problems of one page shown on the review page; the rest are counted in one more row. */
const PROBLEMS_SHOWN = 10;
/** Rows of problems of pages outside the indexes (misnamed pages, publishing) the main review page shows, in bytes. */
const OTHER_PROBLEMS_BYTES = 256 * 1024;
/** Parameters of a problem (values people typed) shown up to this many code points. */
const PARAM_SHOWN = 200;
/** A cell of a list shows up to this many code points of a value, and up to LIST_ITEMS items. */
const CELL_SHOWN = 150;
const LIST_ITEMS = 10;

export const LIMITS = { max: PART_MAX_BYTES, fill: PART_FILL_BYTES, min: PART_MIN_BYTES };

/** Days from creation to the first accepted move to "matched", per request that has one (as figures.ts counts). */
export function daysToMatch( requests: readonly StoredRequest[], history: readonly StatusChange[] ): number[] {
	const firstMatch = firstReached( history, [ 'matched' ] );
	const days: number[] = [];
	for ( const { number, record } of requests ) {
		const matched = firstMatch.get( number );
		const value = matched === undefined ? null : daysBetween( record.created, matched );
		if ( value !== null ) {
			days.push( value );
		}
	}
	return days;
}

/** The newest revision timestamp of these records. */
function newest( records: readonly { updated: string }[] ): string {
	return records.map( ( r ) => r.updated ).reduce( ( a, b ) => ( b > a ? b : a ), '' );
}

/** The newest revision timestamp in the store: Statistics.json's `generated`. */
export function newestRevision( snapshot: StoreSnapshot ): string {
	return newest( [ ...snapshot.requests, ...snapshot.coaches, ...snapshot.hubs ] );
}

/** Statistics of the records whose text can be published. */
export function buildStatisticsIndex( base: string, snapshot: StoreSnapshot ): StatisticsIndex {
	const requests = snapshot.requests.filter( ( r ) => badlyEncoded( [ r.record, r.feedback ] ) === null );
	const coaches = snapshot.coaches.filter( ( c ) => badlyEncoded( c.record ) === null );
	const stats = buildStatistics( base, newestRevision( snapshot ),
		requests.map( ( r ) => ( { request: r.record, feedback: r.feedback } ) ),
		coaches.map( ( c ) => ( { profile: c.record } ) ), daysToMatch( requests, snapshot.history ) );
	// Keys come from what people typed: in NFC, like everything MediaWiki stores.
	const nfc = ( counts: Counts ): Counts => {
		const out: Counts = {};
		for ( const [ key, value ] of Object.entries( counts ) ) {
			const k = key.normalize( 'NFC' );
			out[ k ] = ( out[ k ] ?? 0 ) + value;
		}
		return out;
	};
	for ( const group of [ stats.requests, stats.coaches, stats.feedback ] as unknown as Record<string, unknown>[] ) {
		for ( const [ name, value ] of Object.entries( group ) ) {
			if ( typeof value === 'object' && value !== null ) {
				group[ name ] = nfc( value as Counts );
			}
		}
	}
	// Each hub's dashboard figures, keyed as Hubs.json keys its hubs.
	stats.hubs = hubFigures( snapshot.hubs.map( ( h ) => h.key.normalize( 'NFC' ) ),
		requests.map( ( r ) => ( { number: r.number, request: { ...r.record, hub: r.record.hub.normalize( 'NFC' ) }, feedback: r.feedback } ) ),
		snapshot.history );
	stats.charts = buildCharts( figureRequests( requests ).map( ( r ) => ( { ...r, request: {
		...r.request, hub: r.request.hub.normalize( 'NFC' ),
		topics: r.request.topics.map( ( t ) => t.normalize( 'NFC' ) ),
		languages: r.request.languages.map( ( l ) => l.normalize( 'NFC' ) ),
	} } ) ), snapshot.history );
	return stats;
}

/** A value a person typed, safe in any wikitext context (a table cell, a list), cut to `max`. */
export function text( value: string, max = CELL_SHOWN ): string {
	const points = [ ...value ];
	return encodeValue( points.length > max ? `${ points.slice( 0, max ).join( '' ) }…` : value );
}

function userLink( name: string ): string {
	if ( name === '' ) {
		return '';
	}
	// Only a valid username can be a link target; anything else (typed by hand) is shown as text.
	return isValidUsername( name ) ? `[[User:${ name }|${ text( name ) }]]` : text( name );
}

function items( values: readonly string[], show: ( value: string ) => string ): string {
	const shown = values.slice( 0, LIST_ITEMS ).map( show );
	return ( values.length > LIST_ITEMS ? [ ...shown, '…' ] : shown ).join( ', ' );
}

export function label<T extends string>( values: readonly T[], labels: Record<T, MessageKey>, value: string,
	messages: Messages ): string {
	return isOneOf( values, value ) ? messages.text( labels[ value ] ) : text( value );
}

function tableRow( row: readonly string[] ): string {
	return `|-\n${ `| ${ row.map( ( cell ) => cell === '' ? ' ' : cell ).join( ' || ' ) }`.replace( /\s+$/, '' ) }`;
}

export function table( headers: string[], rows: string[][], sortable = true ): string {
	const lines = [ `{| class="wikitable${ sortable ? ' sortable' : '' }"`, `! ${ headers.join( ' !! ' ) }` ];
	for ( const row of rows ) {
		lines.push( tableRow( row ) );
	}
	lines.push( '|}' );
	return lines.join( '\n' );
}

export type Say = ( key: MessageKey, ...params: ( string | number )[] ) => string;

export function sayer( messages: Messages ): Say {
	return ( key, ...params ) => messages.text( key, ...params );
}

function requestRow( entry: RequestEntry, messages: Messages ): string[] {
	const { request } = entry;
	return [
		`[[:${ entry.page }|R${ entry.number }]]`,
		text( request.title ),
		label( STATUSES, STATUS_MESSAGES, request.status, messages ),
		label( REGIONS, REGION_MESSAGES, request.region, messages ),
		text( request.hub ),
		items( request.coach, userLink ),
		text( request.created.slice( 0, 10 ) ),
		entry.problems ? String( entry.problems ) : '',
	];
}

function coachRow( entry: CoachEntry, messages: Messages ): string[] {
	const { profile } = entry;
	return [
		`[[:${ entry.page }|${ text( entry.user ) }]]`,
		label( AVAILABILITIES, AVAILABILITY_MESSAGES, profile.availability, messages ),
		items( profile.languages, ( v ) => text( v ) ),
		items( profile.topics, ( v ) => text( v ) ),
		items( profile.regions, ( r ) => label( REGIONS, REGION_MESSAGES, r, messages ) ),
		items( profile.formats, ( f ) => label( FORMATS, FORMAT_MESSAGES, f, messages ) ),
		String( entry.activeRequests ),
		entry.problems ? String( entry.problems ) : '',
	];
}

function requestHeaders( m: Say ): string[] {
	return [
		m( 'capacitybuilding-bot-publish-column-request' ), m( 'capacitybuilding-request-field-title' ),
		m( 'capacitybuilding-request-field-status' ), m( 'capacitybuilding-request-field-region' ),
		m( 'capacitybuilding-request-field-hub' ), m( 'capacitybuilding-request-field-coach' ),
		m( 'capacitybuilding-request-field-created' ), m( 'capacitybuilding-bot-publish-column-problems' ),
	];
}

function coachHeaders( m: Say ): string[] {
	return [
		m( 'capacitybuilding-coach-field-user' ), m( 'capacitybuilding-coach-field-availability' ),
		m( 'capacitybuilding-coach-field-languages' ), m( 'capacitybuilding-coach-field-topics' ),
		m( 'capacitybuilding-coach-field-regions' ), m( 'capacitybuilding-coach-field-formats' ),
		m( 'capacitybuilding-bot-publish-column-active' ), m( 'capacitybuilding-bot-publish-column-problems' ),
	];
}

/** A problem as the review page shows it: from the store, or found while publishing. */
export interface ReviewProblem {
	page: string;
	revid: number;
	user: string;
	kind: StoredProblem[ 'kind' ] | 'publish';
	message: string;
	params: ( string | number )[];
}

const PROBLEM_KIND_MESSAGES: Record<ReviewProblem[ 'kind' ], MessageKey> = {
	invalid: 'capacitybuilding-bot-review-kind-invalid',
	malformed: 'capacitybuilding-bot-review-kind-malformed',
	rejected: 'capacitybuilding-bot-review-kind-rejected',
	misnamed: 'capacitybuilding-bot-review-kind-misnamed',
	publish: 'capacitybuilding-bot-review-kind-publish',
};

export function publishProblem( p: PublishProblem ): ReviewProblem {
	return { page: p.page, revid: p.revid, user: '', kind: 'publish', message: p.message, params: p.params };
}

/** The review rows of one page's problems: at most PROBLEMS_SHOWN, then one row counting the rest. */
function problemRows( problems: readonly ReviewProblem[], messages: Messages, shown = PROBLEMS_SHOWN ): string[][] {
	const m = sayer( messages );
	const rows = problems.slice( 0, shown ).map( ( p ) => [
		`[[:${ p.page }]]`,
		p.revid ? `[[Special:Diff/${ p.revid }|${ p.revid }]]` : '',
		userLink( p.user ),
		m( PROBLEM_KIND_MESSAGES[ p.kind ] ),
		// Parameters come from pages people wrote: shown literally, never as markup.
		m( p.message as MessageKey, ...p.params.map( ( param ) => typeof param === 'number' ? param : text( param, PARAM_SHOWN ) ) ),
	] );
	if ( problems.length > shown ) {
		const first = problems[ 0 ] as ReviewProblem;
		rows.push( [ `[[:${ first.page }]]`, '', '', '', m( 'capacitybuilding-bot-review-more', problems.length - shown ) ] );
	}
	return rows;
}

function reviewHeaders( m: Say ): string[] {
	return [
		m( 'capacitybuilding-bot-review-column-page' ), m( 'capacitybuilding-bot-review-column-revision' ),
		m( 'capacitybuilding-bot-review-column-user' ), m( 'capacitybuilding-bot-review-column-kind' ),
		m( 'capacitybuilding-bot-review-column-problem' ),
	];
}

/** The review page when everything fits on it (also used for tests and by the split page's other problems). */
export function reviewPage( problems: readonly ReviewProblem[], messages: Messages ): string {
	const m = sayer( messages );
	const rows = groupByPage( problems ).flatMap( ( group ) => problemRows( group, messages ) );
	return [
		m( 'capacitybuilding-bot-review-intro', problems.length ),
		'',
		rows.length ? table( reviewHeaders( m ), rows ) : m( 'capacitybuilding-bot-review-none' ),
	].join( '\n' );
}

function groupByPage( problems: readonly ReviewProblem[] ): ReviewProblem[][] {
	const groups = new Map<string, ReviewProblem[]>();
	for ( const p of problems ) {
		groups.set( p.page, [ ...( groups.get( p.page ) ?? [] ), p ] );
	}
	return [ ...groups.values() ];
}

/** Everything about one part of an index. */
export interface PlannedIndexPart<N extends IndexName> {
	id: number;
	/** The JSON part page. */
	page: PublishedPage;
	entries: EntryOf[ N ][];
	first: IndexKey;
	last: IndexKey;
	/** Rows of the human-readable list (requests and coaches). */
	listRows: string[][];
	/** Review rows of the record pages in this part. */
	reviewRows: string[][];
	problems: number;
}

export interface PlannedIndex<N extends IndexName = IndexName> {
	index: N;
	manifestTitle: string;
	parts: PlannedIndexPart<N>[];
	generated: string;
	/** Part numbers of the previous manifest that are no longer used. */
	retired: number[];
	/** Every number the previous manifest or this one uses. */
	known: number[];
	/** Builds the manifest once the parts' revisions are known. */
	manifest( revids: ReadonlyMap<string, number> ): PublishedPage;
}

const INDEX_MESSAGES: Record<IndexName, MessageKey> = {
	requests: 'capacitybuilding-bot-publish-index-requests',
	coaches: 'capacitybuilding-bot-publish-index-coaches',
	hubs: 'capacitybuilding-bot-publish-index-hubs',
};

/**
 * A part's text: what mediaWikiJson( part ) gives, assembled from the entries' texts formatted when
 * they were weighed (formatting 100,000 entries once instead of twice).
 */
export function partText( part: Part ): string {
	const head = `{\n\t"version": ${ part.version },\n\t"index": ${ jsonString( part.index ) },\n\t"id": ${ part.id },\n\t"entries": `;
	if ( !part.entries.length ) {
		return `${ head }[]\n}`;
	}
	return `${ head }[\n${ part.entries.map( ( entry ) => ENTRY_INDENT + entryText( entry ) ).join( ',\n' ) }\n\t]\n}`;
}

function jsonPage( title: string, value: unknown ): PublishedPage {
	return { title, contentModel: 'json', text: mediaWikiJson( value ), json: value };
}

/** The index (and key) a record page belongs to, or null for any other page. */
function recordKey( base: string, page: string ): { index: IndexName; key: IndexKey } | null {
	const number = requestNumber( base, page );
	if ( number !== null ) {
		return { index: 'requests', key: number };
	}
	const user = coachUser( base, page );
	if ( user !== null ) {
		return { index: 'coaches', key: user };
	}
	const hub = hubKey( base, page );
	return hub === null ? null : { index: 'hubs', key: hub };
}

function manifestTitleOf( base: string, index: IndexName ): string {
	const pages = sitePages( base );
	return index === 'requests' ? pages.requestsJson : index === 'coaches' ? pages.coachesJson : pages.hubsJson;
}

function planIndex<N extends IndexName>( base: string, index: N, entries: EntryOf[ N ][],
	problemsByKey: Map<string, ReviewProblem[]>,
	previous: Manifest | null, messages: Messages ): PlannedIndex<N> {
	const manifestTitle = manifestTitleOf( base, index );
	type Row = {
		key: IndexKey; weight: number; entry: EntryOf[ N ] | null; listRow: string[] | null; reviewRows: string[][];
		problems: number;
	};
	const rows = new Map<string, Row>();
	const rowFor = ( key: IndexKey ): Row => {
		const id = String( key );
		let row = rows.get( id );
		if ( !row ) {
			row = { key, weight: 0, entry: null, listRow: null, reviewRows: [], problems: 0 };
			rows.set( id, row );
		}
		return row;
	};
	for ( const entry of entries ) {
		const row = rowFor( entryKey( index, entry ) );
		row.entry = entry;
		row.listRow = index === 'requests' ? requestRow( entry as RequestEntry, messages ) :
			index === 'coaches' ? coachRow( entry as CoachEntry, messages ) : null;
	}
	for ( const [ id, problems ] of problemsByKey ) {
		const found = recordKey( base, problems[ 0 ]?.page ?? '' );
		if ( found?.index === index && String( found.key ) === id ) {
			const row = rowFor( found.key );
			row.reviewRows = problemRows( problems, messages );
			row.problems = problems.length;
		}
	}
	const ordered = [ ...rows.values() ].sort( ( a, b ) => compareKeys( a.key, b.key ) );
	for ( const row of ordered ) {
		row.weight = Math.max(
			row.entry ? entryBytes( row.entry ) : 0,
			row.listRow ? byteLength( tableRow( row.listRow ) ) + 1 : 0,
			row.reviewRows.reduce( ( sum, r ) => sum + byteLength( tableRow( r ) ) + 1, 0 ),
		);
	}
	const previousParts: PreviousPart[] = ( previous?.parts ?? [] ).map( ( p ) => ( { id: p.id, first: p.first } ) );
	const planned = partition( ordered, previousParts, LIMITS );
	const parts: PlannedIndexPart<N>[] = planned.map( ( part ) => {
		const partEntries = part.items.flatMap( ( row ) => row.entry ? [ row.entry ] : [] );
		const value: Part<N> = { version: INDEX_VERSION, index, id: part.id, entries: partEntries };
		return {
			id: part.id,
			page: { title: `${ manifestTitle }/${ part.id }`, contentModel: 'json', text: partText( value ), json: value },
			entries: partEntries,
			first: ( part.items[ 0 ] as Row ).key,
			last: ( part.items[ part.items.length - 1 ] as Row ).key,
			listRows: part.items.flatMap( ( row ) => row.listRow ? [ row.listRow ] : [] ),
			reviewRows: part.items.flatMap( ( row ) => row.reviewRows ),
			problems: part.items.reduce( ( sum, row ) => sum + row.problems, 0 ),
		};
	} );
	const used = new Set( parts.map( ( p ) => p.id ) );
	const previousIds = ( previous?.parts ?? [] ).map( ( p ) => p.id );
	const generated = newest( entries );
	return {
		index, manifestTitle, parts, generated,
		retired: previousIds.filter( ( id ) => !used.has( id ) ),
		known: [ ...new Set( [ ...previousIds, ...used ] ) ].sort( ( a, b ) => a - b ),
		manifest: ( revids ) => {
			const refs: PartRef[] = parts.map( ( part ) => {
				const ref: PartRef = {
					id: part.id, page: part.page.title, revid: revids.get( part.page.title ) ?? 0,
					first: part.first, last: part.last, count: part.entries.length, bytes: byteLength( part.page.text ),
				};
				if ( index === 'requests' ) {
					const statuses: Counts = {};
					for ( const entry of part.entries as RequestEntry[] ) {
						statuses[ entry.request.status ] = ( statuses[ entry.request.status ] ?? 0 ) + 1;
					}
					ref.statuses = statuses;
				}
				return ref;
			} );
			const value: Manifest = {
				version: INDEX_VERSION, index, base, generated, count: entries.length, parts: refs,
			};
			return jsonPage( manifestTitle, value );
		},
	};
}

/** The number and first and last entry of a part, as the lists show them. */
function partName( index: IndexName, id: number, messages: Messages ): string {
	return messages.text( 'capacitybuilding-bot-publish-part-name', messages.text( INDEX_MESSAGES[ index ] ), id );
}

function keyText( index: IndexName, key: IndexKey ): string {
	return index === 'requests' ? `R${ key }` : text( String( key ) );
}

/** A human-readable list: one page, or a page of subpages and one subpage per part. */
function listPages( title: string, plan: PlannedIndex, intro: string, headers: string[], messages: Messages ): {
	pages: PublishedPage[]; subpages: Set<string>;
} {
	const m = sayer( messages );
	const rows = plan.parts.flatMap( ( part ) => part.listRows );
	if ( plan.parts.length <= 1 ) {
		return {
			pages: [ { title, contentModel: 'wikitext', text: [ intro, '', rows.length ? table( headers, rows ) : m( 'capacitybuilding-bot-publish-none' ) ].join( '\n' ) } ],
			subpages: new Set(),
		};
	}
	const pages: PublishedPage[] = [];
	const toc: string[][] = [];
	for ( const part of plan.parts ) {
		const sub = `${ title }/${ part.id }`;
		toc.push( [ `[[${ sub }|${ partName( plan.index, part.id, messages ) }]]`, keyText( plan.index, part.first ),
			keyText( plan.index, part.last ), String( part.listRows.length ) ] );
		pages.push( { title: sub, contentModel: 'wikitext', text: [
			m( 'capacitybuilding-bot-publish-part-intro', title, part.id, part.listRows.length ), '',
			part.listRows.length ? table( headers, part.listRows ) : m( 'capacitybuilding-bot-publish-none' ),
		].join( '\n' ) } );
	}
	pages.unshift( { title, contentModel: 'wikitext', text: [
		intro, '', m( 'capacitybuilding-bot-publish-parts-intro', plan.parts.length ), '',
		table( [ m( 'capacitybuilding-bot-publish-column-part' ), m( 'capacitybuilding-bot-publish-column-first' ),
			m( 'capacitybuilding-bot-publish-column-last' ), m( 'capacitybuilding-bot-publish-column-count' ) ], toc, false ),
	].join( '\n' ) } );
	return { pages, subpages: new Set( pages.slice( 1 ).map( ( p ) => p.title ) ) };
}

/** The published manifests, as read from the wiki (null: missing, unreadable or of another version). */
export type PreviousManifests = Record<IndexName, Manifest | null>;

export interface Publication {
	indexes: PlannedIndex[];
	/** Parts, lists and statistics: written first, in this order. */
	pages: PublishedPage[];
	/** Pages no longer used, with the note they get when they exist (written only if they do). */
	retired: PublishedPage[];
	/** Problems found while building (records left out or shortened). */
	problems: PublishProblem[];
	/** Every title the review pages may use (the main page and every possible subpage). */
	reviewTitles: string[];
	/** The review pages, once the problems of this run are known. */
	review( more: readonly PublishProblem[] ): { pages: PublishedPage[]; unused: PublishedPage[] };
}

/**
 * Everything publish writes, from the store and the published manifests.
 *
 * @param base The base page (normalized)
 * @param snapshot The store's contents
 * @param previous The manifests on the wiki
 * @param messages In the wiki's content language
 */
export function planPublication( base: string, snapshot: StoreSnapshot, previous: PreviousManifests,
	messages: Messages ): Publication {
	const m = sayer( messages );
	const pages = sitePages( base );
	const built = buildEntries( snapshot );
	const stored: ReviewProblem[] = snapshot.problems.map( ( p ) => ( { ...p } ) );
	const buildProblems = built.problems.map( publishProblem );
	// Problems of record pages go with their record's part; the others stay on the main review page.
	const byKey: Record<IndexName, Map<string, ReviewProblem[]>> = {
		requests: new Map(), coaches: new Map(), hubs: new Map(),
	};
	const ordered = [ ...stored, ...buildProblems ]
		.sort( ( a, b ) => compareKeys( a.page, b.page ) || a.revid - b.revid );
	for ( const p of ordered ) {
		const found = recordKey( base, p.page );
		if ( found ) {
			const map = byKey[ found.index ];
			map.set( String( found.key ), [ ...( map.get( String( found.key ) ) ?? [] ), p ] );
		}
	}
	const indexes = [
		planIndex( base, 'requests', built.requests, byKey.requests, previous.requests, messages ),
		planIndex( base, 'coaches', built.coaches, byKey.coaches, previous.coaches, messages ),
		planIndex( base, 'hubs', built.hubs, byKey.hubs, previous.hubs, messages ),
	] as PlannedIndex[];
	const [ requests, coaches ] = indexes as [ PlannedIndex<'requests'>, PlannedIndex<'coaches'> ];
	const statistics = buildStatisticsIndex( base, snapshot );
	const requestList = listPages( pages.requestsIndex, requests,
		m( 'capacitybuilding-bot-publish-requests-intro', built.requests.length ), requestHeaders( m ), messages );
	const coachList = listPages( pages.coachesIndex, coaches,
		m( 'capacitybuilding-bot-publish-coaches-intro', built.coaches.length ), coachHeaders( m ), messages );
	const retired: PublishedPage[] = [];
	const note = ( title: string, main: string ): PublishedPage => ( {
		title, contentModel: 'wikitext', text: m( 'capacitybuilding-bot-publish-retired', main ),
	} );
	for ( const plan of indexes ) {
		for ( const id of plan.retired ) {
			retired.push( jsonPage( `${ plan.manifestTitle }/${ id }`, { version: INDEX_VERSION, index: plan.index, id, entries: [] } ) );
		}
	}
	const lists = [
		[ requests, requestList, pages.requestsIndex ], [ coaches, coachList, pages.coachesIndex ],
	] as const;
	for ( const [ plan, list, title ] of lists ) {
		for ( const id of plan.known ) {
			const sub = `${ title }/${ id }`;
			if ( !list.subpages.has( sub ) ) {
				retired.push( note( sub, title ) );
			}
		}
	}
	const reviewSub = ( plan: PlannedIndex, id: number ): string => `${ pages.review }/${ m( INDEX_MESSAGES[ plan.index ] ) }/${ id }`;
	const reviewTitles = [
		pages.review, ...indexes.flatMap( ( plan ) => plan.known.map( ( id ) => reviewSub( plan, id ) ) ),
	];
	return {
		indexes,
		pages: [
			...indexes.flatMap( ( plan ) => plan.parts.map( ( part ) => part.page ) ),
			jsonPage( pages.statisticsJson, statistics ),
			...requestList.pages,
			...coachList.pages,
			{ title: pages.statistics, contentModel: 'wikitext', text: statisticsPage( statistics, messages ) },
		],
		retired,
		problems: built.problems,
		reviewTitles,
		review: ( more ) => {
			const extra = more.map( publishProblem );
			const others = [ ...stored, ...buildProblems, ...extra ].filter( ( p ) => !recordKey( base, p.page ) )
				.sort( ( a, b ) => compareKeys( a.page, b.page ) || a.revid - b.revid );
			const all = [ ...stored, ...buildProblems, ...extra ];
			const single = reviewPage( all, messages );
			const unused = ( keep: Set<string> ): PublishedPage[] => reviewTitles.slice( 1 )
				.filter( ( t ) => !keep.has( t ) ).map( ( t ) => note( t, pages.review ) );
			if ( byteLength( single ) <= PART_FILL_BYTES ) {
				return { pages: [ { title: pages.review, contentModel: 'wikitext', text: single } ], unused: unused( new Set() ) };
			}
			const subpages: PublishedPage[] = [];
			const toc: string[][] = [];
			for ( const plan of indexes ) {
				for ( const part of plan.parts ) {
					if ( !part.reviewRows.length ) {
						continue;
					}
					const title = reviewSub( plan, part.id );
					const name = partName( plan.index, part.id, messages );
					toc.push( [ `[[${ title }|${ name }]]`, keyText( plan.index, part.first ), keyText( plan.index, part.last ), String( part.problems ) ] );
					subpages.push( { title, contentModel: 'wikitext', text: [
						m( 'capacitybuilding-bot-review-part-intro', pages.review, name, part.problems ), '',
						table( reviewHeaders( m ), part.reviewRows ),
					].join( '\n' ) } );
				}
			}
			const otherRows = groupByPage( others ).flatMap( ( group ) => problemRows( group, messages ) );
			const shownRows: string[][] = [];
			let shownBytes = 0;
			for ( const row of otherRows ) {
				shownBytes += byteLength( tableRow( row ) ) + 1;
				if ( shownBytes > OTHER_PROBLEMS_BYTES ) {
					break;
				}
				shownRows.push( row );
			}
			if ( otherRows.length > shownRows.length ) {
				shownRows.push( [ '', '', '', '', m( 'capacitybuilding-bot-review-more', otherRows.length - shownRows.length ) ] );
			}
			const main: PublishedPage = { title: pages.review, contentModel: 'wikitext', text: [
				m( 'capacitybuilding-bot-review-intro', all.length ), '',
				...( shownRows.length ? [ table( reviewHeaders( m ), shownRows ), '' ] : [] ),
				m( 'capacitybuilding-bot-review-parts-intro', subpages.length ), '',
				table( [ m( 'capacitybuilding-bot-publish-column-part' ), m( 'capacitybuilding-bot-publish-column-first' ),
					m( 'capacitybuilding-bot-publish-column-last' ), m( 'capacitybuilding-bot-publish-column-count' ) ], toc, false ),
			].join( '\n' ) };
			return { pages: [ main, ...subpages ], unused: unused( new Set( subpages.map( ( p ) => p.title ) ) ) };
		},
	};
}

/** Every page of a publication as it would be written with these part revisions (tests, bench). */
export function allPages( plan: Publication, revids: ReadonlyMap<string, number> = new Map() ): PublishedPage[] {
	return [ ...plan.pages, ...plan.indexes.map( ( index ) => index.manifest( revids ) ), ...plan.review( [] ).pages ];
}

export type { CoachEntry, HubEntry, RequestEntry };
