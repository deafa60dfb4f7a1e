/**
 * `<base>/Statistics`: every figure of `<base>/Statistics.json` as wikitables, readable without
 * JavaScript (the page is a reader's fallback, and the charts' marker sits at its top: the
 * statistics module draws the charts above the tables). First the totals of the whole store, then
 * one section per view of the charts (period and hub, core statisticsCharts.ts) with the same
 * tables the charts have.
 */
import {
	AVAILABILITIES, AVAILABILITY_MESSAGES, FORMAT_MESSAGES, FORMATS, REGION_MESSAGES, REGIONS,
	STATUS_MESSAGES, STATUSES,
} from '../../modules/core/model';
import type { Counts, StatisticsIndex } from '../../modules/core/indexes';
import { STATISTICS_OTHER_KEY } from '../../modules/core/indexes';
import type { MessageKey } from '../../modules/core/messages';
import { feedbackQuestionLabel } from '../../modules/core/model';
import type { StatisticsCharts, StatisticsView } from '../../modules/core/statisticsCharts';
import type { QuestionFigure } from '../../modules/core/suppression';
import type { Messages } from '../i18n';
import { label, sayer, table, text, type Say } from './content';

/** The template that carries the statistics module's marker (wiki/templates). */
export const STATISTICS_MARKER = '{{Capacity statistics}}';

function countsTable( m: Say, counts: Counts, name: ( key: string ) => string, heading: MessageKey, level = '==' ): string {
	const rows = Object.entries( counts ).map( ( [ key, value ] ) => [ name( key ), String( value ) ] );
	return [
		`${ level } ${ m( heading ) } ${ level }`,
		rows.length ? table( [ m( heading ), m( 'capacitybuilding-statistics-column-count' ) ], rows ) : m( 'capacitybuilding-bot-publish-none' ),
	].join( '\n' );
}

/** The label of a bucket of days to the first match (the charts say the same). */
export function bucketLabel( m: Say, bounds: readonly number[], index: number ): string {
	if ( index === 0 ) {
		return m( 'capacitybuilding-statistics-bucket-first', bounds[ 0 ] as number );
	}
	return index >= bounds.length ? m( 'capacitybuilding-statistics-bucket-last', bounds[ bounds.length - 1 ] as number ) :
		m( 'capacitybuilding-statistics-bucket', bounds[ index - 1 ] as number, bounds[ index ] as number );
}

function other( m: Say, key: string, name: ( value: string ) => string ): string {
	return key === STATISTICS_OTHER_KEY ? m( 'capacitybuilding-statistics-other' ) : name( key );
}

/**
 * A feedback option's label: `capacitybuilding-feedback-<question>-<option>` where the feedback
 * form has that message (outcomes do; numbers need none), else the option itself.
 */
function optionLabel( m: Say, messages: Messages, question: string, option: string ): string {
	const key = `capacitybuilding-feedback-${ question }-${ option }` as MessageKey;
	return messages.raw( key ) !== key ? m( key ) : text( option );
}

function questionLabel( m: Say, messages: Messages, question: string ): string {
	// A question the feedback form does not have (yet) shows under its key.
	const key = feedbackQuestionLabel( question );
	return key !== null && messages.raw( key ) !== key ? m( key ) : text( question );
}

function feedbackTable( m: Say, messages: Messages, figure: QuestionFigure ): string {
	const heading = `==== ${ m( 'capacitybuilding-statistics-chart-feedback', questionLabel( m, messages, figure.question ) ) } ====`;
	if ( figure.suppressed ) {
		return [ heading, m( 'capacitybuilding-statistics-suppressed' ) ].join( '\n' );
	}
	const rows = figure.options.map( ( o ) => [
		optionLabel( m, messages, figure.question, o.option ),
		o.range ? m( 'capacitybuilding-statistics-range', o.range.countLow, o.range.countHigh ) : String( o.count ),
		o.range ? m( 'capacitybuilding-statistics-range', o.range.shareLow, o.range.shareHigh ) : String( o.share ),
	] );
	return [
		heading,
		m( 'capacitybuilding-statistics-answers', figure.answers ?? 0 ) +
			( figure.average === null ? '' : ` ${ m( 'capacitybuilding-statistics-average', figure.average ) }` ),
		table( [ m( 'capacitybuilding-statistics-column-answer' ), m( 'capacitybuilding-statistics-column-answers' ),
			m( 'capacitybuilding-statistics-column-share' ) ], rows ),
	].join( '\n' );
}

function monthsTable( m: Say, messages: Messages, view: StatisticsView ): string {
	const heading = `==== ${ m( 'capacitybuilding-statistics-chart-months' ) } ====`;
	if ( !view.byMonth.length ) {
		return [ heading, m( 'capacitybuilding-bot-publish-none' ) ].join( '\n' );
	}
	const rows = view.byMonth.map( ( { month, byStatus } ) => [ text( month ),
		...STATUSES.map( ( status ) => String( byStatus[ status ] ?? 0 ) ) ] );
	return [ heading, table( [ m( 'capacitybuilding-statistics-column-month' ),
		...STATUSES.map( ( status ) => messages.text( STATUS_MESSAGES[ status ] ) ) ], rows ) ].join( '\n' );
}

/** The heading of a view: its period and hub. */
export function viewHeading( m: Say, view: Pick<StatisticsView, 'period' | 'hub'> ): string {
	const period = view.period === 'all' ? m( 'capacitybuilding-statistics-period-all' ) : text( view.period );
	return view.hub === null ? m( 'capacitybuilding-statistics-view-programme', period ) :
		m( 'capacitybuilding-statistics-view-hub', period, text( view.hub ) );
}

function viewSection( m: Say, messages: Messages, charts: StatisticsCharts, view: StatisticsView ): string {
	const status = ( k: string ): string => label( STATUSES, STATUS_MESSAGES, k, messages );
	const region = ( k: string ): string => other( m, k, ( key ) => label( REGIONS, REGION_MESSAGES, key, messages ) );
	const plain = ( k: string ): string => other( m, k, text );
	const match = view.daysToMatch;
	const buckets = Object.fromEntries( match.buckets.map(
		( count, i ) => [ bucketLabel( m, charts.matchBuckets, i ), count ] ) );
	return [
		`=== ${ viewHeading( m, view ) } ===`,
		m( 'capacitybuilding-statistics-received', view.received ),
		countsTable( m, view.byStatus, status, 'capacitybuilding-statistics-chart-status', '====' ),
		monthsTable( m, messages, view ),
		countsTable( m, view.byRegion, region, 'capacitybuilding-statistics-chart-region', '====' ),
		countsTable( m, view.byHub, plain, 'capacitybuilding-statistics-chart-hub', '====' ),
		countsTable( m, view.byTopic, plain, 'capacitybuilding-statistics-chart-topic', '====' ),
		countsTable( m, view.byLanguage, plain, 'capacitybuilding-statistics-chart-language', '====' ),
		countsTable( m, buckets, ( k ) => k, 'capacitybuilding-statistics-chart-match', '====' ),
		match.median === null ? m( 'capacitybuilding-statistics-no-match' ) :
			m( 'capacitybuilding-statistics-median', match.median, match.requests ),
		...view.feedback.map( ( figure ) => feedbackTable( m, messages, figure ) ),
	].join( '\n\n' );
}

export function statisticsPage( stats: StatisticsIndex, messages: Messages ): string {
	const m = sayer( messages );
	const average = stats.feedback.averageRating;
	const median = stats.requests.medianDaysToMatch;
	const plain = ( k: string ): string => other( m, k, text );
	const totals = [
		STATISTICS_MARKER,
		m( 'capacitybuilding-bot-publish-statistics-intro', stats.requests.total, stats.coaches.total, stats.feedback.entries ),
		'',
		median === null ? m( 'capacitybuilding-bot-publish-statistics-no-match' ) : m( 'capacitybuilding-bot-publish-statistics-median', median ),
		average === null ? m( 'capacitybuilding-bot-publish-statistics-no-rating' ) : m( 'capacitybuilding-bot-publish-statistics-rating', average ),
		'',
		countsTable( m, stats.requests.byStatus, ( k ) => label( STATUSES, STATUS_MESSAGES, k, messages ), 'capacitybuilding-request-field-status' ),
		countsTable( m, stats.requests.byRegion, ( k ) => other( m, k, ( key ) => label( REGIONS, REGION_MESSAGES, key, messages ) ), 'capacitybuilding-request-field-region' ),
		countsTable( m, stats.requests.byFormat, ( k ) => label( FORMATS, FORMAT_MESSAGES, k, messages ), 'capacitybuilding-request-field-formats' ),
		countsTable( m, stats.requests.byTopic, plain, 'capacitybuilding-statistics-chart-topic' ),
		countsTable( m, stats.requests.byLanguage, plain, 'capacitybuilding-statistics-chart-language' ),
		countsTable( m, stats.requests.byHub, plain, 'capacitybuilding-statistics-chart-hub' ),
		countsTable( m, stats.requests.byMonth, plain, 'capacitybuilding-bot-publish-statistics-by-month' ),
		countsTable( m, stats.coaches.byAvailability, ( k ) => label( AVAILABILITIES, AVAILABILITY_MESSAGES, k, messages ), 'capacitybuilding-coach-field-availability' ),
		countsTable( m, stats.coaches.byRegion, plain, 'capacitybuilding-bot-publish-statistics-coaches-region' ),
		countsTable( m, stats.coaches.byTopic, plain, 'capacitybuilding-bot-publish-statistics-coaches-topic' ),
		countsTable( m, stats.coaches.byLanguage, plain, 'capacitybuilding-bot-publish-statistics-coaches-language' ),
		countsTable( m, stats.feedback.byOutcome, ( k ) => optionLabel( m, messages, 'outcome', k ), 'capacitybuilding-feedback-field-outcome' ),
	];
	const charts = stats.charts;
	const views = charts ? [
		`== ${ m( 'capacitybuilding-bot-publish-statistics-views' ) } ==`,
		m( 'capacitybuilding-bot-publish-statistics-views-intro' ),
		...charts.views.map( ( view ) => viewSection( m, messages, charts, view ) ),
	] : [];
	return [ ...totals, ...views ].join( '\n\n' );
}
