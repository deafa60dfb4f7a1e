/**
 * The figures of a self-evaluation report page (docs/reports.md), as wikitext in the wiki's content
 * language, built from one `Figures` (modules/core/figures.ts) — the figures the open-data exports
 * hold, so a report and an export of the same period and hub never disagree. Every heading, label
 * and sentence is a message; numbers are formatted for the content language. Nothing here reads a
 * clock: the same figures give the same text (and no edit).
 */
import { DIMENSIONS, FEEDBACK_QUESTIONS, type Dimension, type FeedbackQuestionKey, type Figures, type GroupFigures, type Median, type RequestFigures } from '../../modules/core/figures';
import type { MessageKey } from '../../modules/core/messages';
import { FEEDBACK_OUTCOME_MESSAGES, FEEDBACK_OUTCOMES, FEEDBACK_USED, FEEDBACK_USED_MESSAGES, REGION_MESSAGES, REGIONS, isOneOf } from '../../modules/core/model';
import type { QuestionFigure } from '../../modules/core/suppression';
import { encodeValue } from '../../modules/core/wikitext/values';
import type { Messages } from '../i18n';
import type { Evaluation } from '../../modules/core/model';
import { evaluationTable } from './evaluations';

/** What a report page says about where it belongs, beside its figures. */
export interface ReportContext {
	/** The hub's page and name, or null for the programme's report. */
	hub: { page: string; name: string } | null;
	/** Hub keys to their pages and names, to name the hub groups of the programme's report. */
	hubs: ReadonlyMap<string, { page: string; name: string }>;
	/** For the programme's report: the hub reports of the period, in order. */
	hubReports: readonly { title: string; name: string }[];
	/**
	 * The independent evaluation of the same quarter and hub (the programme's: entries without a
	 * hub), shown beside the self-evaluation: the quarter's evaluation page and its accepted entries
	 * (no section when not given).
	 */
	evaluation?: { page: string; entries: readonly Evaluation[] };
}

type Say = ( key: MessageKey, ...params: ( string | number )[] ) => string;

const DIMENSION_HEADINGS: Record<Dimension, MessageKey> = {
	region: 'capacitybuilding-bot-report-heading-by-region',
	language: 'capacitybuilding-bot-report-heading-by-language',
	topic: 'capacitybuilding-bot-report-heading-by-topic',
	hub: 'capacitybuilding-bot-report-heading-by-hub',
};

/** Number formats of the content language (English digits when the language has none). */
interface Formats {
	number: Intl.NumberFormat;
	percent: Intl.NumberFormat;
	date: Intl.DateTimeFormat;
}

function formats( language: string ): Formats {
	const make = ( tag: string ): Formats => ( {
		number: new Intl.NumberFormat( tag, { maximumFractionDigits: 2 } ),
		percent: new Intl.NumberFormat( tag, { style: 'percent', maximumFractionDigits: 1 } ),
		date: new Intl.DateTimeFormat( tag, { dateStyle: 'long', timeZone: 'UTC' } ),
	} );
	try {
		return make( language );
	} catch {
		return make( 'en' );
	}
}

/** Renders the cells of one report (messages and number formats of the content language). */
class Cells {
	public readonly say: Say;

	/** Fewer answers than this give no figure (the figures' own rule, said in the cells). */
	public readonly minAnswers: number;

	private readonly format: Formats;

	public constructor( messages: Messages, minAnswers: number ) {
		this.say = ( key, ...params ) => messages.text( key, ...params );
		this.format = formats( messages.language );
		this.minAnswers = minAnswers;
	}

	public number( value: number ): string {
		return this.format.number.format( value );
	}

	public percent( value: number ): string {
		return this.format.percent.format( value );
	}

	public date( iso: string ): string {
		return this.format.date.format( new Date( iso ) );
	}

	public none(): string {
		return this.say( 'capacitybuilding-bot-report-no-figure' );
	}

	public countRate( count: number, rate: number | null ): string {
		return rate === null ? this.number( count ) : this.say( 'capacitybuilding-bot-report-count-share', this.number( count ), this.percent( rate ) );
	}

	public median( value: Median ): string {
		return value.median === null ? this.none() :
			this.say( 'capacitybuilding-bot-report-median', this.number( value.median ), value.requests, this.number( value.requests ) );
	}
}

function tableText( headers: readonly string[], rows: readonly string[][] ): string {
	return [
		'{| class="wikitable sortable"',
		`! ${ headers.join( ' !! ' ) }`,
		...rows.map( ( row ) => `|-\n| ${ row.join( ' || ' ) }` ),
		'|}',
	].join( '\n' );
}

/**
 * A link to a page, showing a name someone typed. The title is a real page's, so it holds nothing
 * that is markup in a link target (no `[`, `]`, `|`, `{`, `}`, `<`, `>`, nor "~~~"); the leading
 * colon keeps a title that starts like a category or file from becoming one.
 *
 * @param title The page
 * @param name What the link shows
 */
function link( title: string, name: string ): string {
	return `[[:${ title }|${ encodeValue( name ) }]]`;
}

function groupName( dimension: Dimension, key: string, context: ReportContext, c: Cells ): string {
	if ( dimension === 'region' && isOneOf( REGIONS, key ) ) {
		return c.say( REGION_MESSAGES[ key ] );
	}
	const hub = dimension === 'hub' ? context.hubs.get( key ) : undefined;
	return hub ? link( hub.page, hub.name ) : encodeValue( key );
}

const REQUEST_COLUMNS: readonly MessageKey[] = [
	'capacitybuilding-bot-report-column-group', 'capacitybuilding-bot-report-column-received',
	'capacitybuilding-bot-report-column-completed', 'capacitybuilding-bot-report-column-declined',
	'capacitybuilding-bot-report-column-withdrawn', 'capacitybuilding-bot-report-column-days-to-triage',
	'capacitybuilding-bot-report-column-days-to-match', 'capacitybuilding-bot-report-column-days-to-complete',
];

/**
 * The headings of each feedback question's columns: its answers, and its average when its answers
 * are numbers (a question added to FEEDBACK_QUESTIONS must name its own here).
 */
const QUESTION_COLUMNS: Record<FeedbackQuestionKey, { answers: MessageKey; average?: MessageKey }> = {
	rating: { answers: 'capacitybuilding-bot-report-column-rating-answers', average: 'capacitybuilding-bot-report-column-rating-average' },
	outcome: { answers: 'capacitybuilding-bot-report-column-outcome-answers' },
	confidenceBefore: { answers: 'capacitybuilding-bot-report-column-confidence-before-answers',
		average: 'capacitybuilding-bot-report-column-confidence-before-average' },
	confidenceAfter: { answers: 'capacitybuilding-bot-report-column-confidence-after-answers',
		average: 'capacitybuilding-bot-report-column-confidence-after-average' },
	used: { answers: 'capacitybuilding-bot-report-column-used-answers' },
};

function requestHeaders( c: Cells ): string[] {
	return REQUEST_COLUMNS.map( ( key ) => c.say( key ) );
}

function requestCells( figures: RequestFigures, c: Cells ): string[] {
	return [
		c.number( figures.received ),
		c.countRate( figures.completed, figures.completionRate ),
		c.countRate( figures.declined, figures.declineRate ),
		c.countRate( figures.withdrawn, figures.withdrawalRate ),
		c.median( figures.daysToTriage ), c.median( figures.daysToMatch ), c.median( figures.daysToComplete ),
	];
}

function optionLabel( question: FeedbackQuestionKey, option: string, c: Cells ): string {
	if ( question === 'outcome' && isOneOf( FEEDBACK_OUTCOMES, option ) ) {
		return c.say( FEEDBACK_OUTCOME_MESSAGES[ option ] );
	}
	if ( question === 'used' && isOneOf( FEEDBACK_USED, option ) ) {
		return c.say( FEEDBACK_USED_MESSAGES[ option ] );
	}
	return encodeValue( option );
}

/** The feedback columns: for each question, its answers, its average when numeric, its options when not. */
function feedbackHeaders( c: Cells ): string[] {
	return [ c.say( 'capacitybuilding-bot-report-column-group' ), ...FEEDBACK_QUESTIONS.flatMap( ( q ) => {
		const { answers, average } = QUESTION_COLUMNS[ q.key ];
		return [ c.say( answers ), ...( q.numeric ?
			[ average ? c.say( average ) : c.none() ] :
			q.options.map( ( o ) => optionLabel( q.key, o, c ) ) ) ];
	} ) ];
}

function questionCells( figure: QuestionFigure, numeric: boolean, width: number, c: Cells ): string[] {
	if ( figure.suppressed ) {
		// One cell across the question's columns: none of its figures is shown.
		const hidden = c.say( 'capacitybuilding-bot-report-too-few-answers', c.number( c.minAnswers ), c.minAnswers );
		return [ width > 1 ? `colspan="${ width }" | ${ hidden }` : hidden ];
	}
	const answers = c.number( figure.answers ?? 0 );
	if ( numeric ) {
		return [ answers, figure.average === null ? c.none() : c.number( figure.average ) ];
	}
	return [ answers, ...figure.options.map( ( o ) => o.range ?
		c.say( 'capacitybuilding-bot-report-range', c.number( o.range.countLow ), c.number( o.range.countHigh ),
			c.percent( o.range.shareLow ), c.percent( o.range.shareHigh ) ) :
		c.countRate( o.count ?? 0, o.share ) ) ];
}

function feedbackCells( figures: GroupFigures, c: Cells ): string[] {
	return FEEDBACK_QUESTIONS.flatMap( ( question, i ) => {
		const figure = figures.feedback[ i ] as QuestionFigure;
		return questionCells( figure, question.numeric, question.numeric ? 2 : question.options.length + 1, c );
	} );
}

/** One section: the whole first, then a table per dimension (the hub dimension only on the programme's report). */
function section( figures: Figures, context: ReportContext, c: Cells, heading: MessageKey,
	headers: string[], cells: ( g: GroupFigures ) => string[] ): string[] {
	const dimensions = DIMENSIONS.filter( ( d ) => d !== 'hub' || context.hub === null );
	return [
		`== ${ c.say( heading ) } ==`,
		tableText( headers, [ [ c.say( 'capacitybuilding-bot-report-group-all' ), ...cells( figures.all ) ] ] ),
		...dimensions.flatMap( ( dimension ) => {
			const groups = figures.by[ dimension ];
			const rows = groups.map( ( g ) => [ groupName( dimension, g.key, context, c ), ...cells( g.figures ) ] );
			return [ '', `=== ${ c.say( DIMENSION_HEADINGS[ dimension ] ) } ===`,
				rows.length ? tableText( headers, rows ) : c.say( 'capacitybuilding-bot-report-no-groups' ) ];
		} ),
	];
}

function intro( figures: Figures, context: ReportContext, c: Cells ): string {
	const { period } = figures;
	const [ from, to ] = [ c.date( period.start ?? '' ), c.date( new Date( Date.parse( period.end ?? '' ) - 1 ).toISOString() ) ];
	const received = figures.all.requests.received;
	return context.hub ?
		c.say( 'capacitybuilding-bot-report-intro-hub', link( context.hub.page, context.hub.name ), period.label, from, to, received, c.number( received ) ) :
		c.say( 'capacitybuilding-bot-report-intro-programme', period.label, from, to, received, c.number( received ) );
}

function hubReports( context: ReportContext, c: Cells ): string[] {
	if ( context.hub !== null ) {
		return [];
	}
	return [ '', `== ${ c.say( 'capacitybuilding-bot-report-heading-hub-reports' ) } ==`, context.hubReports.length ?
		context.hubReports.map( ( r ) => `* ${ link( r.title, r.name ) }` ).join( '\n' ) :
		c.say( 'capacitybuilding-bot-report-no-hub-reports' ) ];
}

/** The independent evaluation of the same quarter and hub, beside the self-evaluation. */
function evaluationSection( context: ReportContext, c: Cells, messages: Messages ): string[] {
	const { evaluation } = context;
	if ( !evaluation ) {
		return [];
	}
	return [ '', `== ${ c.say( 'capacitybuilding-bot-report-heading-evaluation' ) } ==`, evaluation.entries.length ?
		evaluationTable( evaluation.entries, context.hubs, messages ) :
		c.say( 'capacitybuilding-bot-report-no-evaluation', evaluation.page ) ];
}

/**
 * The content of the bot-owned block of a report page (a quarter's figures, of a hub or the programme).
 *
 * @param figures The figures of the period (and hub), with a bounded period
 * @param context The hub, and how hubs are named and linked
 * @param messages Messages in the wiki's content language
 */
export function reportFigures( figures: Figures, context: ReportContext, messages: Messages ): string {
	const c = new Cells( messages, figures.rules.minAnswers );
	return [
		c.say( 'capacitybuilding-bot-report-notice' ),
		'',
		intro( figures, context, c ),
		'',
		...section( figures, context, c, 'capacitybuilding-bot-report-heading-requests', requestHeaders( c ),
			( g ) => requestCells( g.requests, c ) ),
		'',
		...section( figures, context, c, 'capacitybuilding-bot-report-heading-feedback', feedbackHeaders( c ),
			( g ) => feedbackCells( g, c ) ),
		'',
		c.say( 'capacitybuilding-bot-report-feedback-rules', figures.rules.minAnswers, figures.rules.minOptionCount ),
		...hubReports( context, c ),
		...evaluationSection( context, c, messages ),
	].join( '\n' );
}

/**
 * What a new report page carries below the figures: the reflection's heading and invitation,
 * which then belong to the hub (the bot never writes outside its block again).
 *
 * @param hub Whether the page is a hub's report (else the programme's)
 * @param messages Messages in the wiki's content language
 */
export function reflectionStart( hub: boolean, messages: Messages ): string {
	return [
		`== ${ messages.text( 'capacitybuilding-bot-report-heading-reflection' ) } ==`,
		messages.text( hub ? 'capacitybuilding-bot-report-reflection-hub' : 'capacitybuilding-bot-report-reflection-programme' ),
	].join( '\n' );
}
