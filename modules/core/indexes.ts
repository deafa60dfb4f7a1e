/**
 * The JSON indexes the bot publishes for the tools (`<base>/Requests.json`, `<base>/Coaches.json`,
 * `<base>/Statistics.json`): their formats and how to build them from synced records. This is the
 * contract between the bot (the only writer) and the client features (readers).
 *
 * Every index carries `version` (bumped on incompatible changes; readers refuse other versions and
 * fall back to reading pages) and `generated` (when the bot wrote it).
 */
import {
	FEEDBACK_OUTCOMES, FORMATS, REGIONS, STATUSES,
	type CapacityRequest, type CoachProfile, type Feedback, type Hub, type Status,
} from './model';
import { normalizeUsername } from './identifiers';

export const INDEX_VERSION = 1;

export interface IndexedRequest {
	/** The n of R<n>. */
	number: number;
	page: string;
	/** Revision the record was read from (the latest acceptable one). */
	revid: number;
	/** Timestamp of that revision. */
	updated: string;
	request: CapacityRequest;
	/** Feedback entries on the request page. */
	feedback: Feedback[];
	/** Problems the bot found on the page (details on the review page). */
	problems: number;
}

export interface IndexedHub {
	/** Hub key: the page name under `<base>/Hubs/`. */
	key: string;
	page: string;
	revid: number;
	updated: string;
	hub: Hub;
}

export interface RequestsIndex {
	version: typeof INDEX_VERSION;
	generated: string;
	base: string;
	requests: IndexedRequest[];
	hubs: IndexedHub[];
}

export interface IndexedCoach {
	user: string;
	page: string;
	revid: number;
	updated: string;
	profile: CoachProfile;
	/** Requests the coach is assigned to that are matched or in progress. */
	activeRequests: number;
}

export interface CoachesIndex {
	version: typeof INDEX_VERSION;
	generated: string;
	base: string;
	coaches: IndexedCoach[];
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

function median( values: number[] ): number | null {
	if ( !values.length ) {
		return null;
	}
	const sorted = [ ...values ].sort( ( a, b ) => a - b );
	const middle = Math.floor( sorted.length / 2 );
	const upper = sorted[ middle ] as number;
	return sorted.length % 2 ? upper : ( ( sorted[ middle - 1 ] as number ) + upper ) / 2;
}

/** Number of active requests each coach (normalised username) is assigned to. */
export function activeLoad( requests: readonly IndexedRequest[] ): Map<string, number> {
	const load = new Map<string, number>();
	for ( const { request } of requests ) {
		if ( ( ACTIVE_STATUSES as readonly string[] ).includes( request.status ) ) {
			for ( const coach of request.coach ) {
				const name = normalizeUsername( coach );
				load.set( name, ( load.get( name ) ?? 0 ) + 1 );
			}
		}
	}
	return load;
}

export function buildRequestsIndex(
	base: string, generated: string, requests: IndexedRequest[], hubs: IndexedHub[],
): RequestsIndex {
	return {
		version: INDEX_VERSION,
		generated,
		base,
		requests: [ ...requests ].sort( ( a, b ) => a.number - b.number ),
		hubs: [ ...hubs ].sort( ( a, b ) => a.key.localeCompare( b.key ) ),
	};
}

export function buildCoachesIndex(
	base: string, generated: string, coaches: Omit<IndexedCoach, 'activeRequests'>[], requests: readonly IndexedRequest[],
): CoachesIndex {
	const load = activeLoad( requests );
	return {
		version: INDEX_VERSION,
		generated,
		base,
		coaches: coaches
			.map( ( coach ) => ( { ...coach, activeRequests: load.get( normalizeUsername( coach.user ) ) ?? 0 } ) )
			.sort( ( a, b ) => a.user.localeCompare( b.user ) ),
	};
}

/**
 * Figures for monitoring and evaluation.
 *
 * @param base Base page
 * @param generated Timestamp of this build
 * @param requests Synced requests
 * @param coaches Synced coaches
 * @param daysToMatch Days from creation to first match, per request, where the status history knows it
 */
export function buildStatistics(
	base: string, generated: string, requests: readonly IndexedRequest[], coaches: readonly IndexedCoach[],
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
	return stats;
}

/** Reads an index page's JSON: the index when its version is known, otherwise null. */
export function readIndex<T extends { version: number }>( json: unknown ): T | null {
	return typeof json === 'object' && json !== null && ( json as { version?: unknown } ).version === INDEX_VERSION ?
		json as T : null;
}
