/**
 * What each statistics chart shows of one view of Statistics.json (core statisticsCharts.ts): its
 * title, its bars or columns, its text description and its data table, with every label from the
 * reader's messages. No DOM here, so the figures a chart and its table show can be tested as data.
 *
 * The feedback charts follow the questions the JSON carries: a question added to the feedback form
 * gets its chart without a change here (its title falls back to its key until it has a message).
 */
import type { Counts } from '../core/indexes';
import type { MessageKey } from '../core/messages';
import { feedbackQuestionLabel, STATUSES } from '../core/model';
import type { StatisticsCharts, StatisticsView } from '../core/statisticsCharts';
import type { QuestionFigure } from '../core/suppression';
import type { BarDatum, Column } from './geometry';

/** How the charts name things in the reader's language. */
export interface Labels {
	message: ( key: MessageKey, ...params: ( string | number )[] ) => string;
	/** Whether a message exists (a new feedback question may have none yet). */
	exists: ( key: string ) => boolean;
	status: ( key: string ) => string;
	region: ( key: string ) => string;
	topic: ( key: string ) => string;
	language: ( key: string ) => string;
	hub: ( key: string ) => string;
}

export interface ChartSpec {
	id: string;
	title: string;
	kind: 'bars' | 'columns' | 'none';
	bars: BarDatum[];
	columns: Column[];
	/** The parts of the columns (statuses), for the legend. */
	series: { key: string; label: string }[];
	description: string;
	/** A line below the chart (a median, an average, why nothing is shown). */
	note: string | null;
	table: { headers: string[]; rows: string[][] };
}

function spec( id: string, title: string, partial: Partial<ChartSpec> ): ChartSpec {
	return { id, title, kind: 'bars', bars: [], columns: [], series: [], description: '', note: null,
		table: { headers: [], rows: [] }, ...partial };
}

function barsDescription( labels: Labels, bars: readonly BarDatum[] ): string {
	const largest = bars.reduce<BarDatum | null>(
		( best, bar ) => ( best === null || bar.value > best.value ? bar : best ), null );
	return largest === null || largest.value === 0 ? labels.message( 'capacitybuilding-statistics-description-empty' ) :
		labels.message( 'capacitybuilding-statistics-description-bars', bars.length, largest.label, String( largest.value ) );
}

function countsChart( id: string, labels: Labels, title: MessageKey, counts: Counts, name: ( key: string ) => string,
	otherKey: string | null ): ChartSpec {
	const bars = Object.entries( counts ).map( ( [ key, value ] ) => ( {
		key, value, label: key === otherKey ? labels.message( 'capacitybuilding-statistics-other' ) : name( key ),
	} ) );
	const heading = labels.message( title );
	return spec( id, heading, {
		bars,
		description: barsDescription( labels, bars ),
		table: { headers: [ heading, labels.message( 'capacitybuilding-statistics-column-count' ) ],
			rows: bars.map( ( b ) => [ b.label, String( b.value ) ] ) },
	} );
}

/** The label of a bucket of days to the first match (the statistics page says the same). */
export function bucketLabel( labels: Labels, bounds: readonly number[], index: number ): string {
	if ( index === 0 ) {
		return labels.message( 'capacitybuilding-statistics-bucket-first', bounds[ 0 ] as number );
	}
	return index >= bounds.length ? labels.message( 'capacitybuilding-statistics-bucket-last', bounds[ bounds.length - 1 ] as number ) :
		labels.message( 'capacitybuilding-statistics-bucket', bounds[ index - 1 ] as number, bounds[ index ] as number );
}

function monthsChart( labels: Labels, view: StatisticsView ): ChartSpec {
	const title = labels.message( 'capacitybuilding-statistics-chart-months' );
	const series = STATUSES.map( ( key ) => ( { key, label: labels.status( key ) } ) );
	const columns = view.byMonth.map( ( { month, byStatus } ) => ( {
		key: month, label: month, parts: STATUSES.map( ( key ) => ( { key, value: byStatus[ key ] ?? 0 } ) ),
	} ) );
	const first = view.byMonth[ 0 ]?.month;
	const last = view.byMonth[ view.byMonth.length - 1 ]?.month;
	return spec( 'months', title, {
		kind: 'columns', columns, series,
		description: first === undefined || last === undefined ? labels.message( 'capacitybuilding-statistics-description-empty' ) :
			labels.message( 'capacitybuilding-statistics-description-months', first, last ),
		// One row per month and status that has requests (as the JSON lists them): three columns fit
		// a phone, where a column per status would not.
		table: {
			headers: [ labels.message( 'capacitybuilding-statistics-column-month' ), labels.message( 'capacitybuilding-request-field-status' ),
				labels.message( 'capacitybuilding-statistics-column-count' ) ],
			rows: columns.flatMap( ( c ) => c.parts.filter( ( p ) => p.value > 0 )
				.map( ( p ) => [ c.label, labels.status( p.key ), String( p.value ) ] ) ),
		},
	} );
}

function matchChart( labels: Labels, charts: StatisticsCharts, view: StatisticsView ): ChartSpec {
	const counts: Counts = {};
	view.daysToMatch.buckets.forEach( ( count, i ) => {
		counts[ String( i ) ] = count;
	} );
	const chart = countsChart( 'match', labels, 'capacitybuilding-statistics-chart-match', counts,
		( key ) => bucketLabel( labels, charts.matchBuckets, Number( key ) ), null );
	const { median, requests } = view.daysToMatch;
	chart.note = median === null ? labels.message( 'capacitybuilding-statistics-no-match' ) :
		labels.message( 'capacitybuilding-statistics-median', median, requests );
	return chart;
}

function questionTitle( labels: Labels, question: string ): string {
	const key = feedbackQuestionLabel( question );
	return key !== null && labels.exists( key ) ? labels.message( key ) : question;
}

function optionLabel( labels: Labels, question: string, option: string ): string {
	const key = `capacitybuilding-feedback-${ question }-${ option }`;
	return labels.exists( key ) ? labels.message( key as MessageKey ) : option;
}

function feedbackChart( labels: Labels, figure: QuestionFigure ): ChartSpec {
	const title = labels.message( 'capacitybuilding-statistics-chart-feedback', questionTitle( labels, figure.question ) );
	const id = `feedback-${ figure.question }`;
	if ( figure.suppressed ) {
		return spec( id, title, { kind: 'none', note: labels.message( 'capacitybuilding-statistics-suppressed' ) } );
	}
	const range = ( low: number, high: number ): string => labels.message( 'capacitybuilding-statistics-range', low, high );
	const bars = figure.options.map( ( o ): BarDatum => ( {
		key: o.option, label: optionLabel( labels, figure.question, o.option ),
		value: o.range ? o.range.countLow : o.count ?? 0, ...( o.range ? { high: o.range.countHigh } : {} ),
	} ) );
	const answers = labels.message( 'capacitybuilding-statistics-answers', figure.answers ?? 0 );
	return spec( id, title, {
		bars,
		description: barsDescription( labels, bars.filter( ( b ) => b.high === undefined ) ),
		note: figure.average === null ? answers : `${ answers } ${ labels.message( 'capacitybuilding-statistics-average', figure.average ) }`,
		table: {
			headers: [ labels.message( 'capacitybuilding-statistics-column-answer' ), labels.message( 'capacitybuilding-statistics-column-answers' ),
				labels.message( 'capacitybuilding-statistics-column-share' ) ],
			rows: figure.options.map( ( o, i ) => [ ( bars[ i ] as BarDatum ).label,
				o.range ? range( o.range.countLow, o.range.countHigh ) : String( o.count ),
				o.range ? range( o.range.shareLow, o.range.shareHigh ) : String( o.share ) ] ),
		},
	} );
}

/**
 * Every chart of a view, in the order shown.
 *
 * @param charts Statistics.json's `charts`
 * @param view The chosen view
 * @param labels The reader's names of things
 */
export function chartSpecs( charts: StatisticsCharts, view: StatisticsView, labels: Labels ): ChartSpec[] {
	return [
		monthsChart( labels, view ),
		countsChart( 'status', labels, 'capacitybuilding-statistics-chart-status', view.byStatus, labels.status, charts.otherKey ),
		countsChart( 'region', labels, 'capacitybuilding-statistics-chart-region', view.byRegion, labels.region, charts.otherKey ),
		countsChart( 'hub', labels, 'capacitybuilding-statistics-chart-hub', view.byHub, labels.hub, charts.otherKey ),
		countsChart( 'topic', labels, 'capacitybuilding-statistics-chart-topic', view.byTopic, labels.topic, charts.otherKey ),
		countsChart( 'language', labels, 'capacitybuilding-statistics-chart-language', view.byLanguage, labels.language, charts.otherKey ),
		matchChart( labels, charts, view ),
		...view.feedback.map( ( figure ) => feedbackChart( labels, figure ) ),
	];
}

/** The view of a period and hub (null: the programme), or null when it has none (no request there). */
export function findView( charts: StatisticsCharts, period: string, hub: string | null ): StatisticsView | null {
	return charts.views.find( ( v ) => v.period === period && v.hub === hub ) ?? null;
}

/** Statistics.json's `charts` when it looks like one (an older page has none). */
export function readCharts( json: unknown ): StatisticsCharts | null {
	const charts = typeof json === 'object' && json !== null ? ( json as { charts?: unknown } ).charts : undefined;
	if ( typeof charts !== 'object' || charts === null ) {
		return null;
	}
	const c = charts as Partial<StatisticsCharts>;
	const lists = [ c.views, c.periods, c.hubs, c.matchBuckets ];
	return lists.every( Array.isArray ) && typeof c.otherKey === 'string' && typeof c.omitted === 'number' ?
		charts as StatisticsCharts : null;
}
