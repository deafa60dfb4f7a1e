/**
 * The evaluation figures, computed once (docs/exports.md): the open-data exports write them, and
 * later the reports and the statistics page read them, so no two of them can disagree.
 *
 * Input is what the store holds as accepted: request records, their accepted feedback entries and
 * the accepted status history. The figures describe the **requests received in a period** (their
 * `created` timestamp in it), optionally of one hub (the request's accepted `hub`), as they stand
 * in that input: outcomes and feedback that come later count when the figures are computed again.
 *
 * - requests received, and how many of them are now completed, declined or withdrawn, with the
 *   rates (shares of those received);
 * - medians of the days from creation to the first accepted move to triage (any move a hub makes
 *   out of `open`: triaged, matched, in progress, completed or declined), to `matched`, and to
 *   `completed`, with how many requests got there;
 * - feedback: each question of FEEDBACK_QUESTIONS, under the suppression rules (suppression.ts);
 * - the same, by region, language, topic and hub (a request counts once in each of its languages
 *   and topics; a request without a value counts in the totals only).
 *
 * Request figures are not suppressed: every request, its status and its history are public on
 * its page already. Feedback figures are, at every level.
 */
import type { CapacityRequest } from './model';
import { FEEDBACK_OUTCOMES, FEEDBACK_USED } from './model';
import { MIN_ANSWERS, MIN_OPTION_COUNT, share, suppressQuestion, type QuestionFigure } from './suppression';

/** Version of the figures' format (and of the export files, which carry it in their names). */
export const FIGURES_VERSION = 1;

const DAY_MS = 86_400_000;

/** A question of the feedback form whose answers are counted, and its options in order. */
export interface FeedbackQuestion {
	key: FeedbackQuestionKey;
	options: readonly string[];
	/** Answers are numbers: the figures give their average. */
	numeric: boolean;
}

const SCALE = [ '1', '2', '3', '4', '5' ] as const;

/**
 * The feedback questions counted, each a field of `Feedback` (a new one plugs in here, as a new
 * key of FeedbackAnswers). `used` is answered by follow-ups only; the others by any entry.
 */
export const FEEDBACK_QUESTIONS: readonly FeedbackQuestion[] = [
	{ key: 'rating', options: SCALE, numeric: true },
	{ key: 'outcome', options: FEEDBACK_OUTCOMES, numeric: false },
	{ key: 'confidenceBefore', options: SCALE, numeric: true },
	{ key: 'confidenceAfter', options: SCALE, numeric: true },
	{ key: 'used', options: FEEDBACK_USED, numeric: false },
];

export type FeedbackQuestionKey = 'rating' | 'outcome' | 'confidenceBefore' | 'confidenceAfter' | 'used';

/** One accepted feedback entry, as far as the figures read it (a `Feedback` is one). */
export type FeedbackAnswers = { readonly [ key in FeedbackQuestionKey ]?: string };

/** What the figures read of a request. */
export interface FigureRequest {
	number: number;
	request: Pick<CapacityRequest, 'created' | 'status' | 'region' | 'hub' | 'topics' | 'languages'>;
	/** Its accepted feedback entries. */
	feedback: readonly FeedbackAnswers[];
}

/** What the figures read of an accepted status change. */
export interface FigureChange {
	requestNumber: number;
	to: string;
	at: string;
}

/** A period of creation times: from `start` (included) to `end` (excluded); null is unbounded. */
export interface Period {
	/** As given: `all`, `2026`, `2026-Q1` or `2026-03`. */
	label: string;
	start: string | null;
	end: string | null;
}

export interface Median {
	/** Requests that got there (with a known time). */
	requests: number;
	/** Median days, one decimal; null when none got there. */
	median: number | null;
}

export interface RequestFigures {
	received: number;
	completed: number;
	declined: number;
	withdrawn: number;
	/** Shares of the requests received (three decimals); null when none were received. */
	completionRate: number | null;
	declineRate: number | null;
	withdrawalRate: number | null;
	daysToTriage: Median;
	daysToMatch: Median;
	daysToComplete: Median;
}

export interface GroupFigures {
	requests: RequestFigures;
	/** One per FEEDBACK_QUESTIONS, in its order. */
	feedback: QuestionFigure[];
}

export const DIMENSIONS = [ 'region', 'language', 'topic', 'hub' ] as const;
export type Dimension = typeof DIMENSIONS[ number ];

export interface Figures {
	version: typeof FIGURES_VERSION;
	period: Period;
	/** The hub the figures are restricted to, or null for the whole programme. */
	hub: string | null;
	rules: { minAnswers: number; minOptionCount: number };
	all: GroupFigures;
	/** Groups of each dimension, by key (plain string order). */
	by: Record<Dimension, { key: string; figures: GroupFigures }[]>;
}

/** Statuses a move into counts as triage: a hub has looked at the request and decided. */
export const TRIAGE_STATUSES: readonly string[] = [ 'triaged', 'matched', 'in-progress', 'completed', 'declined' ];

/** The median of some numbers, or null when there are none. */
export function median( values: readonly number[] ): number | null {
	if ( !values.length ) {
		return null;
	}
	const sorted = [ ...values ].sort( ( a, b ) => a - b );
	const middle = Math.floor( sorted.length / 2 );
	const upper = sorted[ middle ] as number;
	return sorted.length % 2 ? upper : ( ( sorted[ middle - 1 ] as number ) + upper ) / 2;
}

/** Days from one timestamp to a later one, one decimal; null when either is not a time or `to` is earlier. */
export function daysBetween( from: string, to: string ): number | null {
	const [ a, b ] = [ Date.parse( from ), Date.parse( to ) ];
	if ( Number.isNaN( a ) || Number.isNaN( b ) || b < a ) {
		return null;
	}
	return Math.round( 10 * ( b - a ) / DAY_MS ) / 10;
}

/**
 * When each request first moved into one of some statuses (the history in its stored order:
 * by request, then revision).
 *
 * @param history Accepted status changes
 * @param statuses The statuses that count
 */
export function firstReached( history: readonly FigureChange[], statuses: readonly string[] ): Map<number, string> {
	const first = new Map<number, string>();
	for ( const change of history ) {
		if ( statuses.includes( change.to ) && !first.has( change.requestNumber ) ) {
			first.set( change.requestNumber, change.at );
		}
	}
	return first;
}

const QUARTER = /^(\d{4})-Q([1-4])$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const YEAR = /^(\d{4})$/;

function utc( year: number, month: number ): string {
	return new Date( Date.UTC( year, month, 1 ) ).toISOString().replace( '.000Z', 'Z' );
}

/**
 * A period from its label: `all`, a year (`2026`), a quarter (`2026-Q1`) or a month (`2026-03`),
 * in UTC; null for anything else.
 */
export function parsePeriod( label: string ): Period | null {
	if ( label === 'all' ) {
		return { label, start: null, end: null };
	}
	const parts = QUARTER.exec( label ) ?? MONTH.exec( label ) ?? YEAR.exec( label );
	if ( !parts ) {
		return null;
	}
	const year = Number( parts[ 1 ] );
	if ( QUARTER.test( label ) ) {
		const first = 3 * ( Number( parts[ 2 ] ) - 1 );
		return { label, start: utc( year, first ), end: utc( year, first + 3 ) };
	}
	if ( MONTH.test( label ) ) {
		const month = Number( parts[ 2 ] ) - 1;
		return { label, start: utc( year, month ), end: utc( year, month + 1 ) };
	}
	return { label, start: utc( year, 0 ), end: utc( year + 1, 0 ) };
}

/** Whether a creation time is in a period. */
export function inPeriod( created: string, period: Period ): boolean {
	if ( period.start === null && period.end === null ) {
		return true;
	}
	const time = Date.parse( created );
	return !Number.isNaN( time ) &&
		( period.start === null || time >= Date.parse( period.start ) ) &&
		( period.end === null || time < Date.parse( period.end ) );
}

/** The first time of each milestone, per request number. */
interface Milestones {
	triage: Map<number, string>;
	match: Map<number, string>;
	complete: Map<number, string>;
}

function medianTo( requests: readonly FigureRequest[], reached: Map<number, string> ): Median {
	const days: number[] = [];
	for ( const { number, request } of requests ) {
		const at = reached.get( number );
		const value = at === undefined ? null : daysBetween( request.created, at );
		if ( value !== null ) {
			days.push( value );
		}
	}
	return { requests: days.length, median: median( days ) };
}

function requestFigures( requests: readonly FigureRequest[], milestones: Milestones ): RequestFigures {
	const received = requests.length;
	const withStatus = ( status: string ): number => requests.filter( ( r ) => r.request.status === status ).length;
	const [ completed, declined, withdrawn ] = [ withStatus( 'completed' ), withStatus( 'declined' ), withStatus( 'withdrawn' ) ];
	const rate = ( count: number ): number | null => ( received ? share( count, received ) : null );
	return {
		received, completed, declined, withdrawn,
		completionRate: rate( completed ), declineRate: rate( declined ), withdrawalRate: rate( withdrawn ),
		daysToTriage: medianTo( requests, milestones.triage ),
		daysToMatch: medianTo( requests, milestones.match ),
		daysToComplete: medianTo( requests, milestones.complete ),
	};
}

function questionFigure( question: FeedbackQuestion, requests: readonly FigureRequest[] ): QuestionFigure {
	const counts = new Map( question.options.map( ( option ) => [ option, 0 ] ) );
	let sum = 0;
	for ( const { feedback } of requests ) {
		for ( const entry of feedback ) {
			const answer = entry[ question.key ] ?? '';
			const known = counts.get( answer );
			if ( known !== undefined ) {
				counts.set( answer, known + 1 );
				sum += question.numeric ? Number( answer ) : 0;
			}
		}
	}
	const answers = [ ...counts.values() ].reduce( ( a, b ) => a + b, 0 );
	const average = question.numeric && answers ? Math.round( 100 * sum / answers ) / 100 : null;
	return suppressQuestion( question.key, [ ...counts ], average );
}

function groupFigures( requests: readonly FigureRequest[], milestones: Milestones ): GroupFigures {
	return {
		requests: requestFigures( requests, milestones ),
		feedback: FEEDBACK_QUESTIONS.map( ( question ) => questionFigure( question, requests ) ),
	};
}

function keysOf( request: FigureRequest[ 'request' ], dimension: Dimension ): string[] {
	const keys = dimension === 'region' ? [ request.region ] : dimension === 'hub' ? [ request.hub ] :
		dimension === 'language' ? request.languages : request.topics;
	return [ ...new Set( keys ) ].filter( ( key ) => key !== '' );
}

function byDimension( requests: readonly FigureRequest[], dimension: Dimension, milestones: Milestones ): Figures[ 'by' ][ Dimension ] {
	const groups = new Map<string, FigureRequest[]>();
	for ( const request of requests ) {
		for ( const key of keysOf( request.request, dimension ) ) {
			const group = groups.get( key );
			if ( group ) {
				group.push( request );
			} else {
				groups.set( key, [ request ] );
			}
		}
	}
	// Plain code-unit order, as the indexes sort keys: the same in every locale.
	return [ ...groups ].sort( ( a, b ) => ( a[ 0 ] < b[ 0 ] ? -1 : a[ 0 ] > b[ 0 ] ? 1 : 0 ) )
		.map( ( [ key, group ] ) => ( { key, figures: groupFigures( group, milestones ) } ) );
}

/**
 * The evaluation figures of a period (and a hub).
 *
 * @param requests Accepted requests with their accepted feedback
 * @param history Accepted status changes, by request then revision
 * @param period Requests created in it are counted
 * @param hub Only requests of this hub, or null for all
 */
export function computeFigures(
	requests: readonly FigureRequest[], history: readonly FigureChange[], period: Period, hub: string | null = null,
): Figures {
	const chosen = requests.filter( ( r ) => inPeriod( r.request.created, period ) &&
		( hub === null || r.request.hub === hub ) );
	const milestones: Milestones = {
		triage: firstReached( history, TRIAGE_STATUSES ),
		match: firstReached( history, [ 'matched' ] ),
		complete: firstReached( history, [ 'completed' ] ),
	};
	const by = Object.fromEntries( DIMENSIONS.map( ( d ) => [ d, byDimension( chosen, d, milestones ) ] ) ) as Figures[ 'by' ];
	return {
		version: FIGURES_VERSION, period, hub,
		rules: { minAnswers: MIN_ANSWERS, minOptionCount: MIN_OPTION_COUNT },
		all: groupFigures( chosen, milestones ),
		by,
	};
}
