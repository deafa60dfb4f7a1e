/**
 * What `publish` writes, as a pure function of the store's contents: the JSON indexes (formats and
 * builders in modules/core/indexes.ts) and readable wikitext pages. Nothing here reads the clock:
 * `generated` is the newest synced revision's timestamp, so publishing the same store twice gives
 * byte-identical pages (and no edit).
 */
import {
	buildCoachesIndex, buildRequestsIndex, buildStatistics,
	type CoachesIndex, type Counts, type IndexedCoach, type IndexedHub, type IndexedRequest, type RequestsIndex,
	type StatisticsIndex,
} from '../../modules/core/indexes';
import { AVAILABILITY_MESSAGES, FORMAT_MESSAGES, REGION_MESSAGES, STATUS_MESSAGES, isOneOf, AVAILABILITIES, FORMATS, REGIONS, STATUSES } from '../../modules/core/model';
import type { MessageKey } from '../../modules/core/messages';
import { sitePages } from '../../modules/core/pages';
import { encodeValue } from '../../modules/core/wikitext/values';
import type { Messages } from '../i18n';
import type { StatusChange, StoredCoach, StoredHub, StoredProblem, StoredRequest } from '../store';

export interface StoreSnapshot {
	requests: StoredRequest[];
	coaches: StoredCoach[];
	hubs: StoredHub[];
	problems: StoredProblem[];
	history: StatusChange[];
}

export interface PublishedPage {
	title: string;
	contentModel: 'json' | 'wikitext';
	text: string;
	/** The JSON value, for JSON pages (compared by value: MediaWiki re-formats JSON on save). */
	json?: unknown;
}

const DAY_MS = 86_400_000;

/** Days from creation to the first accepted move to "matched", per request that has one. */
export function daysToMatch( requests: readonly StoredRequest[], history: readonly StatusChange[] ): number[] {
	const firstMatch = new Map<number, string>();
	for ( const change of history ) {
		if ( change.to === 'matched' && !firstMatch.has( change.requestNumber ) ) {
			firstMatch.set( change.requestNumber, change.at );
		}
	}
	const days: number[] = [];
	for ( const { number, record } of requests ) {
		const matched = firstMatch.get( number );
		const from = Date.parse( record.created );
		const to = matched === undefined ? NaN : Date.parse( matched );
		if ( !Number.isNaN( from ) && !Number.isNaN( to ) && to >= from ) {
			days.push( Math.round( 10 * ( to - from ) / DAY_MS ) / 10 );
		}
	}
	return days;
}

/** The newest revision timestamp in the store: the indexes' `generated`. */
export function newestRevision( snapshot: StoreSnapshot ): string {
	return [ ...snapshot.requests, ...snapshot.coaches, ...snapshot.hubs ]
		.map( ( r ) => r.updated ).reduce( ( a, b ) => ( b > a ? b : a ), '' );
}

export function buildIndexes( base: string,
	snapshot: StoreSnapshot ): { requests: RequestsIndex; coaches: CoachesIndex; statistics: StatisticsIndex } {
	const generated = newestRevision( snapshot );
	const problemCount = new Map<string, number>();
	for ( const p of snapshot.problems ) {
		problemCount.set( p.page, ( problemCount.get( p.page ) ?? 0 ) + 1 );
	}
	const requests: IndexedRequest[] = snapshot.requests.map( ( r ) => ( {
		number: r.number, page: r.page, revid: r.revid, updated: r.updated, request: r.record, feedback: r.feedback,
		problems: problemCount.get( r.page ) ?? 0,
	} ) );
	const hubs: IndexedHub[] = snapshot.hubs.map( ( h ) => ( { key: h.key, page: h.page, revid: h.revid,
		updated: h.updated, hub: h.record } ) );
	const coachEntries: Omit<IndexedCoach, 'activeRequests'>[] = snapshot.coaches.map( ( c ) => ( {
		user: c.user, page: c.page, revid: c.revid, updated: c.updated, profile: c.record,
	} ) );
	const requestsIndex = buildRequestsIndex( base, generated, requests, hubs );
	const coachesIndex = buildCoachesIndex( base, generated, coachEntries, requests );
	return {
		requests: requestsIndex,
		coaches: coachesIndex,
		statistics: buildStatistics( base, generated, requests, coachesIndex.coaches, daysToMatch( snapshot.requests,
			snapshot.history ) ),
	};
}

/** A value a person typed, safe in any wikitext context (a table cell, a list). */
function text( value: string ): string {
	return encodeValue( value );
}

function userLink( name: string ): string {
	return name === '' ? '' : `[[User:${ name }|${ text( name ) }]]`;
}

function label<T extends string>( values: readonly T[], labels: Record<T, MessageKey>, value: string,
	messages: Messages ): string {
	return isOneOf( values, value ) ? messages.text( labels[ value ] ) : text( value );
}

function table( headers: string[], rows: string[][], sortable = true ): string {
	const lines = [ `{| class="wikitable${ sortable ? ' sortable' : '' }"`, `! ${ headers.join( ' !! ' ) }` ];
	for ( const row of rows ) {
		lines.push( '|-', `| ${ row.map( ( cell ) => cell === '' ? ' ' : cell ).join( ' || ' ) }`.replace( /\s+$/, '' ) );
	}
	lines.push( '|}' );
	return lines.join( '\n' );
}

export function requestsIndexPage( index: RequestsIndex, messages: Messages ): string {
	const m = ( key: MessageKey, ...params: ( string | number )[] ): string => messages.text( key, ...params );
	const rows = index.requests.map( ( { number, page, request } ) => [
		`[[:${ page }|R${ number }]]`,
		text( request.title ),
		label( STATUSES, STATUS_MESSAGES, request.status, messages ),
		label( REGIONS, REGION_MESSAGES, request.region, messages ),
		text( request.hub ),
		request.coach.map( userLink ).join( ', ' ),
		request.created.slice( 0, 10 ),
	] );
	return [
		m( 'capacitybuilding-bot-publish-requests-intro', index.requests.length ),
		'',
		rows.length ? table( [
			m( 'capacitybuilding-bot-publish-column-request' ), m( 'capacitybuilding-request-field-title' ),
			m( 'capacitybuilding-request-field-status' ), m( 'capacitybuilding-request-field-region' ),
			m( 'capacitybuilding-request-field-hub' ), m( 'capacitybuilding-request-field-coach' ),
			m( 'capacitybuilding-request-field-created' ),
		], rows ) : m( 'capacitybuilding-bot-publish-none' ),
	].join( '\n' );
}

export function coachesIndexPage( index: CoachesIndex, messages: Messages ): string {
	const m = ( key: MessageKey, ...params: ( string | number )[] ): string => messages.text( key, ...params );
	const rows = index.coaches.map( ( { user, page, profile, activeRequests } ) => [
		`[[:${ page }|${ text( user ) }]]`,
		label( AVAILABILITIES, AVAILABILITY_MESSAGES, profile.availability, messages ),
		profile.languages.map( text ).join( ', ' ),
		profile.topics.map( text ).join( ', ' ),
		profile.regions.map( ( r ) => label( REGIONS, REGION_MESSAGES, r, messages ) ).join( ', ' ),
		profile.formats.map( ( f ) => label( FORMATS, FORMAT_MESSAGES, f, messages ) ).join( ', ' ),
		String( activeRequests ),
	] );
	return [
		m( 'capacitybuilding-bot-publish-coaches-intro', index.coaches.length ),
		'',
		rows.length ? table( [
			m( 'capacitybuilding-coach-field-user' ), m( 'capacitybuilding-coach-field-availability' ),
			m( 'capacitybuilding-coach-field-languages' ), m( 'capacitybuilding-coach-field-topics' ),
			m( 'capacitybuilding-coach-field-regions' ), m( 'capacitybuilding-coach-field-formats' ),
			m( 'capacitybuilding-bot-publish-column-active' ),
		], rows ) : m( 'capacitybuilding-bot-publish-none' ),
	].join( '\n' );
}

function countsTable( counts: Counts, name: ( key: string ) => string, messages: Messages,
	heading: MessageKey ): string {
	const rows = Object.entries( counts ).map( ( [ key, value ] ) => [ name( key ), String( value ) ] );
	return [
		`== ${ messages.text( heading ) } ==`,
		rows.length ?
			table( [ messages.text( heading ), messages.text( 'capacitybuilding-bot-publish-column-count' ) ], rows ) :
			messages.text( 'capacitybuilding-bot-publish-none' ),
	].join( '\n' );
}

export function statisticsPage( stats: StatisticsIndex, messages: Messages ): string {
	const m = ( key: MessageKey, ...params: ( string | number )[] ): string => messages.text( key, ...params );
	const average = stats.feedback.averageRating;
	const median = stats.requests.medianDaysToMatch;
	return [
		m( 'capacitybuilding-bot-publish-statistics-intro', stats.requests.total, stats.coaches.total, stats.feedback.entries ),
		'',
		median === null ? m( 'capacitybuilding-bot-publish-statistics-no-match' ) : m( 'capacitybuilding-bot-publish-statistics-median', median ),
		average === null ? m( 'capacitybuilding-bot-publish-statistics-no-rating' ) : m( 'capacitybuilding-bot-publish-statistics-rating', average ),
		'',
		countsTable( stats.requests.byStatus, ( k ) => label( STATUSES, STATUS_MESSAGES, k, messages ), messages, 'capacitybuilding-request-field-status' ),
		'',
		countsTable( stats.requests.byRegion, ( k ) => label( REGIONS, REGION_MESSAGES, k, messages ), messages, 'capacitybuilding-request-field-region' ),
		'',
		countsTable( stats.requests.byFormat, ( k ) => label( FORMATS, FORMAT_MESSAGES, k, messages ), messages, 'capacitybuilding-request-field-formats' ),
		'',
		countsTable( stats.requests.byMonth, text, messages, 'capacitybuilding-bot-publish-statistics-by-month' ),
		'',
		countsTable( stats.coaches.byAvailability, ( k ) => label( AVAILABILITIES, AVAILABILITY_MESSAGES, k, messages ), messages, 'capacitybuilding-coach-field-availability' ),
	].join( '\n' );
}

const PROBLEM_KIND_MESSAGES: Record<StoredProblem[ 'kind' ], MessageKey> = {
	invalid: 'capacitybuilding-bot-review-kind-invalid',
	malformed: 'capacitybuilding-bot-review-kind-malformed',
	rejected: 'capacitybuilding-bot-review-kind-rejected',
	misnamed: 'capacitybuilding-bot-review-kind-misnamed',
};

export function reviewPage( problems: readonly StoredProblem[], messages: Messages ): string {
	const m = ( key: MessageKey, ...params: ( string | number )[] ): string => messages.text( key, ...params );
	const rows = problems.map( ( p ) => [
		`[[:${ p.page }]]`,
		`[[Special:Diff/${ p.revid }|${ p.revid }]]`,
		userLink( p.user ),
		m( PROBLEM_KIND_MESSAGES[ p.kind ] ),
		// Parameters come from pages people wrote: shown literally, never as markup.
		m( p.message as MessageKey, ...p.params.map( ( param ) => typeof param === 'number' ? param : text( param ) ) ),
	] );
	return [
		m( 'capacitybuilding-bot-review-intro', problems.length ),
		'',
		rows.length ? table( [
			m( 'capacitybuilding-bot-review-column-page' ), m( 'capacitybuilding-bot-review-column-revision' ),
			m( 'capacitybuilding-bot-review-column-user' ), m( 'capacitybuilding-bot-review-column-kind' ),
			m( 'capacitybuilding-bot-review-column-problem' ),
		], rows ) : m( 'capacitybuilding-bot-review-none' ),
	].join( '\n' );
}

/** Every page publish writes, in the order it writes them. */
export function publishedPages( base: string, snapshot: StoreSnapshot, messages: Messages ): PublishedPage[] {
	const pages = sitePages( base );
	const indexes = buildIndexes( base, snapshot );
	const json = ( title: string, value: unknown ): PublishedPage => ( {
		title, contentModel: 'json', text: JSON.stringify( value, null, 4 ), json: value,
	} );
	return [
		json( pages.requestsJson, indexes.requests ),
		json( pages.coachesJson, indexes.coaches ),
		json( pages.statisticsJson, indexes.statistics ),
		{ title: pages.requestsIndex, contentModel: 'wikitext', text: requestsIndexPage( indexes.requests, messages ) },
		{ title: pages.coachesIndex, contentModel: 'wikitext', text: coachesIndexPage( indexes.coaches, messages ) },
		{ title: pages.statistics, contentModel: 'wikitext', text: statisticsPage( indexes.statistics, messages ) },
		{ title: pages.review, contentModel: 'wikitext', text: reviewPage( snapshot.problems, messages ) },
	];
}
