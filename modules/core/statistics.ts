/**
 * Computing `<base>/Statistics.json` (its format is StatisticsIndex in indexes.ts) and the coaches'
 * load from the accepted records. Only the bot computes these; the client features read the
 * published page. Kept apart from indexes.ts so the features, which import the index formats and
 * readers, do not carry the figures code (figures.ts, suppression.ts) in their shared module.
 */
import {
	FEEDBACK_OUTCOMES, FINAL_STATUSES, FORMATS, REGIONS, STATUSES,
	type CapacityRequest, type CoachProfile, type Feedback, type Status,
} from './model';
import { computeFigures, median, type FigureChange, type FigureRequest } from './figures';
import { normalizeUsername } from './identifiers';
import {
	compareKeys, STATISTICS_MAX_KEYS, STATISTICS_OTHER_KEY, INDEX_VERSION,
	type Counts, type HubFigures, type StatisticsIndex,
} from './indexes';

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
 * Keeps at most `max` (STATISTICS_MAX_KEYS) keys of a list of counts (the largest counts, then by key), the
 * rest summed under STATISTICS_OTHER_KEY, so that values people typed cannot make the page grow
 * without bound. Keys are cut to 64 code points.
 */
export function boundCounts( counts: Counts, keep: readonly string[] = [], max = STATISTICS_MAX_KEYS ): Counts {
	const merged = new Map<string, number>();
	for ( const [ key, value ] of Object.entries( counts ) ) {
		const short = [ ...key ].length > 64 ? [ ...key ].slice( 0, 64 ).join( '' ) : key;
		merged.set( short, ( merged.get( short ) ?? 0 ) + value );
	}
	if ( merged.size <= max ) {
		return Object.fromEntries( merged );
	}
	const known = ( key: string ): number => Number( keep.includes( key ) );
	const ranked = [ ...merged ].sort( ( a, b ) => known( b[ 0 ] ) - known( a[ 0 ] ) ||
		b[ 1 ] - a[ 1 ] || compareKeys( a[ 0 ], b[ 0 ] ) );
	const kept = new Map( ranked.slice( 0, max - 1 ) );
	const other = ranked.slice( max - 1 ).reduce( ( sum, [ , value ] ) => sum + value, 0 );
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
