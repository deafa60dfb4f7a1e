/**
 * The `charts` member of `<base>/Statistics.json` (docs/data-model.md): what the statistics
 * charts draw, for every choice of their two filters (a period and a hub), computed by the bot.
 *
 * Each **view** is one choice: the period `all` or one quarter, and the whole programme or one
 * hub. Its figures come from computeFigures (figures.ts), so the charts, the reports and the
 * exports count the same requests the same way; only what figures.ts does not give is counted
 * here: requests by current status (overall and per month created) and how the days to the first
 * match are spread over buckets. Feedback is each question's figure as figures.ts gives it, with
 * its suppression, for whatever questions FEEDBACK_QUESTIONS holds.
 *
 * Size is bounded: views for the STATISTICS_CHART_QUARTERS newest quarters and the
 * STATISTICS_CHART_HUBS hubs with most requests, each list of counts bounded by boundCounts, and
 * all views together by STATISTICS_CHART_CHARS: the programme's views always, then hubs' views
 * newest period first (`all` counts as the newest) while they fit; `omitted` says how many did not.
 *
 * Only the bot imports this file (the charts read the JSON), so it adds nothing to the shared module.
 */
import {
	computeFigures, daysBetween, FEEDBACK_QUESTIONS, firstReached, inPeriod, parsePeriod, type FigureChange,
	type FigureRequest, type Figures, type Median,
} from './figures';
import { compareKeys, STATISTICS_OTHER_KEY, type Counts } from './indexes';
import { boundCounts } from './statistics';
import { REGIONS, STATUSES } from './model';
import type { QuestionFigure } from './suppression';

/** Quarters that get views (the newest ones with requests); older ones count in `all` only. */
export const STATISTICS_CHART_QUARTERS = 8;
/** Hubs that get views (those with most requests); the others count in the programme's views. */
export const STATISTICS_CHART_HUBS = 30;
/**
 * The views together stay under this many characters of compact JSON (the page MediaWiki stores,
 * indented, is about twice as large; the statistics page of their tables about 1.5 times).
 */
export const STATISTICS_CHART_CHARS = 256 * 1024;
/** Each list of counts of a view keeps at most this many keys (the rest as STATISTICS_OTHER_KEY). */
export const STATISTICS_CHART_KEYS = 40;
/**
 * Upper bounds (days, included) of the buckets of days to the first match; the last bucket is
 * everything above the last bound.
 */
export const MATCH_BUCKETS: readonly number[] = [ 1, 3, 7, 14, 30, 60, 90 ];

/** One choice of the filters and its figures. */
export interface StatisticsView {
	/** `all` or a quarter (`2026-Q1`). */
	period: string;
	/** A hub key, or null for the programme. */
	hub: string | null;
	/** Requests created in the period (of the hub). */
	received: number;
	/** By current status, in the model's order (every status, zeroes too). */
	byStatus: Counts;
	/** Requests created in each month (`YYYY-MM`, oldest first), by current status (zeroes left out). */
	byMonth: { month: string; byStatus: Counts }[];
	/** Received, by region (every region, in the model's order), hub, topic and language (largest first). */
	byRegion: Counts;
	byHub: Counts;
	byTopic: Counts;
	byLanguage: Counts;
	/** The median days to the first match (figures.ts), and the requests in each of MATCH_BUCKETS + 1 buckets. */
	daysToMatch: Median & { buckets: number[] };
	/** One per question of `questions`, as figures.ts publishes it (suppressed where too few answered). */
	feedback: QuestionFigure[];
}

export interface StatisticsCharts {
	/** `all`, then the quarters that have views, newest first. */
	periods: string[];
	/** The hubs that have views, by key. */
	hubs: string[];
	/** The key under which a bounded list sums the keys it leaves out (STATISTICS_OTHER_KEY). */
	otherKey: string;
	/** MATCH_BUCKETS, so a reader needs no copy of them. */
	matchBuckets: number[];
	/** The feedback questions counted, with their options in order (FEEDBACK_QUESTIONS). */
	questions: { key: string; options: string[]; numeric: boolean }[];
	views: StatisticsView[];
	/** Hubs' views left out to keep the page small (their requests still count in the programme's). */
	omitted: number;
}

/** The bucket of a number of days: the first bound it does not exceed, else the last bucket. */
export function matchBucket( days: number, bounds: readonly number[] = MATCH_BUCKETS ): number {
	const index = bounds.findIndex( ( bound ) => days <= bound );
	return index < 0 ? bounds.length : index;
}

function quarterOf( created: string ): string | null {
	const parts = /^(\d{4})-(\d{2})/.exec( created );
	return parts ? `${ parts[ 1 ] }-Q${ Math.floor( ( Number( parts[ 2 ] ) - 1 ) / 3 ) + 1 }` : null;
}

/** The largest keys first (then by key), as counts of the dimension's groups. */
function receivedBy( groups: Figures[ 'by' ][ keyof Figures[ 'by' ] ], known: readonly string[] = [] ): Counts {
	const counts: Counts = Object.fromEntries( known.map( ( key ) => [ key, 0 ] ) );
	const sorted = [ ...groups ].sort( ( a, b ) => b.figures.requests.received - a.figures.requests.received ||
		compareKeys( a.key, b.key ) );
	for ( const { key, figures } of sorted ) {
		counts[ key ] = figures.requests.received;
	}
	return boundCounts( counts, known, STATISTICS_CHART_KEYS );
}

function view( requests: readonly FigureRequest[], history: readonly FigureChange[], label: string, hub: string | null,
	matchDays: Map<number, number> ): StatisticsView {
	const period = parsePeriod( label )!;
	const figures = computeFigures( requests, history, period, hub );
	const byStatus: Counts = Object.fromEntries( STATUSES.map( ( status ) => [ status, 0 ] ) );
	const months = new Map<string, Counts>();
	const buckets = new Array<number>( MATCH_BUCKETS.length + 1 ).fill( 0 );
	for ( const { number, request } of requests ) {
		if ( !inPeriod( request.created, period ) || ( hub !== null && request.hub !== hub ) ) {
			continue;
		}
		byStatus[ request.status ] = ( byStatus[ request.status ] ?? 0 ) + 1;
		const month = request.created.slice( 0, 7 );
		const counts = months.get( month ) ?? {};
		counts[ request.status ] = ( counts[ request.status ] ?? 0 ) + 1;
		months.set( month, counts );
		const days = matchDays.get( number );
		if ( days !== undefined ) {
			const bucket = matchBucket( days );
			buckets[ bucket ] = ( buckets[ bucket ] ?? 0 ) + 1;
		}
	}
	return {
		period: label, hub,
		received: figures.all.requests.received,
		byStatus: boundCounts( byStatus, STATUSES, STATISTICS_CHART_KEYS ),
		byMonth: [ ...months ].sort( ( a, b ) => compareKeys( a[ 0 ], b[ 0 ] ) )
			.map( ( [ month, counts ] ) => ( { month, byStatus: counts } ) ),
		byRegion: receivedBy( figures.by.region, REGIONS ),
		byHub: receivedBy( figures.by.hub ),
		byTopic: receivedBy( figures.by.topic ),
		byLanguage: receivedBy( figures.by.language ),
		daysToMatch: { ...figures.all.requests.daysToMatch, buckets },
		feedback: figures.all.feedback,
	};
}

/**
 * The views of the charts.
 *
 * @param requests Accepted requests with their accepted feedback (as the figures read them)
 * @param history Accepted status changes, by request then revision
 */
export function buildCharts( requests: readonly FigureRequest[], history: readonly FigureChange[] ): StatisticsCharts {
	const quarters = [ ...new Set( requests.map( ( r ) => quarterOf( r.request.created ) ) ) ]
		.filter( ( q ): q is string => q !== null && parsePeriod( q ) !== null )
		.sort( ( a, b ) => compareKeys( b, a ) ).slice( 0, STATISTICS_CHART_QUARTERS );
	const perHub = new Map<string, number>();
	for ( const { request } of requests ) {
		if ( request.hub !== '' ) {
			perHub.set( request.hub, ( perHub.get( request.hub ) ?? 0 ) + 1 );
		}
	}
	const hubs = [ ...perHub ].sort( ( a, b ) => b[ 1 ] - a[ 1 ] || compareKeys( a[ 0 ], b[ 0 ] ) )
		.slice( 0, STATISTICS_CHART_HUBS ).map( ( [ hub ] ) => hub ).sort( compareKeys );
	// Days to the first match, once per request: the buckets of every view read them.
	const firstMatch = firstReached( history, [ 'matched' ] );
	const matchDays = new Map<number, number>();
	for ( const { number, request } of requests ) {
		const at = firstMatch.get( number );
		const days = at === undefined ? null : daysBetween( request.created, at );
		if ( days !== null ) {
			matchDays.set( number, days );
		}
	}
	const periods = [ 'all', ...quarters ];
	const views = periods.map( ( period ) => view( requests, history, period, null, matchDays ) );
	let size = views.reduce( ( sum, v ) => sum + JSON.stringify( v ).length, 0 );
	let omitted = 0;
	for ( const period of periods ) {
		for ( const hub of hubs ) {
			const chart = view( requests, history, period, hub, matchDays );
			const chars = JSON.stringify( chart ).length;
			// A hub with no request in a quarter gets no view: the charts say there is nothing to show.
			if ( chart.received === 0 ) {
				continue;
			}
			if ( size + chars > STATISTICS_CHART_CHARS ) {
				omitted++;
				continue;
			}
			size += chars;
			views.push( chart );
		}
	}
	// In reading order: by period, the programme before its hubs.
	const order = ( v: StatisticsView ): number => periods.indexOf( v.period ) * ( hubs.length + 1 ) +
		( v.hub === null ? 0 : hubs.indexOf( v.hub ) + 1 );
	return {
		periods, hubs, otherKey: STATISTICS_OTHER_KEY, matchBuckets: [ ...MATCH_BUCKETS ],
		questions: FEEDBACK_QUESTIONS.map( ( q ) => ( { key: q.key, options: [ ...q.options ], numeric: q.numeric } ) ),
		views: views.sort( ( a, b ) => order( a ) - order( b ) ),
		omitted,
	};
}
