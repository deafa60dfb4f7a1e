/**
 * The open-data export files (docs/exports.md): two CSV tables, the figures as JSON, and a data
 * dictionary (JSON and CSV) saying what every column holds and when it is suppressed. All of them
 * are written from one `Figures` (modules/core/figures.ts), so they can never disagree with each
 * other or with anything else that reads the figures. Nothing here reads a clock: the same figures
 * give the same bytes.
 */
import { DIMENSIONS, FIGURES_VERSION, type Figures, type GroupFigures, type RequestFigures } from '../../modules/core/figures';
import type { MessageKey } from '../../modules/core/messages';
import type { QuestionFigure } from '../../modules/core/suppression';
import type { Messages } from '../i18n';
import { csvText, type Cell } from './csv';

export interface ExportFile {
	name: string;
	text: string;
}

type ColumnType = 'string' | 'integer' | 'number';

interface Column<Row> {
	name: string;
	type: ColumnType;
	description: MessageKey;
	/** When the column is empty because of the suppression rules; null when it never is. */
	suppression: MessageKey | null;
	value: ( row: Row ) => Cell;
}

interface RequestRow {
	dimension: string;
	group: string;
	figures: RequestFigures;
}

interface FeedbackRow {
	dimension: string;
	group: string;
	question: QuestionFigure;
	/** Index of the option in the question; -1 for the one row of a suppressed question. */
	option: number;
}

const TOO_FEW: MessageKey = 'capacitybuilding-bot-export-suppression-too-few-answers';
const RANGE: MessageKey = 'capacitybuilding-bot-export-suppression-range';

function groupColumns<Row extends { dimension: string; group: string }>(): Column<Row>[] {
	return [
		{ name: 'dimension', type: 'string', description: 'capacitybuilding-bot-export-column-dimension', suppression: null, value: ( r ) => r.dimension },
		{ name: 'group', type: 'string', description: 'capacitybuilding-bot-export-column-group', suppression: null, value: ( r ) => r.group },
	];
}

const REQUEST_COLUMNS: Column<RequestRow>[] = [
	...groupColumns<RequestRow>(),
	{ name: 'received', type: 'integer', description: 'capacitybuilding-bot-export-column-received', suppression: null, value: ( r ) => r.figures.received },
	{ name: 'completed', type: 'integer', description: 'capacitybuilding-bot-export-column-completed', suppression: null, value: ( r ) => r.figures.completed },
	{ name: 'declined', type: 'integer', description: 'capacitybuilding-bot-export-column-declined', suppression: null, value: ( r ) => r.figures.declined },
	{ name: 'withdrawn', type: 'integer', description: 'capacitybuilding-bot-export-column-withdrawn', suppression: null, value: ( r ) => r.figures.withdrawn },
	{ name: 'completion_rate', type: 'number', description: 'capacitybuilding-bot-export-column-completion-rate', suppression: null, value: ( r ) => r.figures.completionRate },
	{ name: 'decline_rate', type: 'number', description: 'capacitybuilding-bot-export-column-decline-rate', suppression: null, value: ( r ) => r.figures.declineRate },
	{ name: 'withdrawal_rate', type: 'number', description: 'capacitybuilding-bot-export-column-withdrawal-rate', suppression: null, value: ( r ) => r.figures.withdrawalRate },
	{ name: 'reached_triage', type: 'integer', description: 'capacitybuilding-bot-export-column-reached-triage', suppression: null, value: ( r ) => r.figures.daysToTriage.requests },
	{ name: 'median_days_to_triage', type: 'number', description: 'capacitybuilding-bot-export-column-median-days-to-triage', suppression: null, value: ( r ) => r.figures.daysToTriage.median },
	{ name: 'reached_match', type: 'integer', description: 'capacitybuilding-bot-export-column-reached-match', suppression: null, value: ( r ) => r.figures.daysToMatch.requests },
	{ name: 'median_days_to_match', type: 'number', description: 'capacitybuilding-bot-export-column-median-days-to-match', suppression: null, value: ( r ) => r.figures.daysToMatch.median },
	{ name: 'reached_completion', type: 'integer', description: 'capacitybuilding-bot-export-column-reached-completion', suppression: null, value: ( r ) => r.figures.daysToComplete.requests },
	{ name: 'median_days_to_complete', type: 'number', description: 'capacitybuilding-bot-export-column-median-days-to-complete', suppression: null, value: ( r ) => r.figures.daysToComplete.median },
];

function option( row: FeedbackRow ): QuestionFigure[ 'options' ][ number ] | null {
	return row.question.options[ row.option ] ?? null;
}

const FEEDBACK_COLUMNS: Column<FeedbackRow>[] = [
	...groupColumns<FeedbackRow>(),
	{ name: 'question', type: 'string', description: 'capacitybuilding-bot-export-column-question', suppression: null, value: ( r ) => r.question.question },
	{ name: 'answers', type: 'integer', description: 'capacitybuilding-bot-export-column-answers', suppression: TOO_FEW, value: ( r ) => r.question.answers },
	{ name: 'average', type: 'number', description: 'capacitybuilding-bot-export-column-average', suppression: TOO_FEW, value: ( r ) => r.question.average },
	{ name: 'option', type: 'string', description: 'capacitybuilding-bot-export-column-option', suppression: TOO_FEW, value: ( r ) => option( r )?.option ?? '' },
	{ name: 'count', type: 'integer', description: 'capacitybuilding-bot-export-column-count', suppression: RANGE, value: ( r ) => option( r )?.count ?? null },
	{ name: 'count_low', type: 'integer', description: 'capacitybuilding-bot-export-column-count-low', suppression: null, value: ( r ) => option( r )?.range?.countLow ?? null },
	{ name: 'count_high', type: 'integer', description: 'capacitybuilding-bot-export-column-count-high', suppression: null, value: ( r ) => option( r )?.range?.countHigh ?? null },
	{ name: 'share', type: 'number', description: 'capacitybuilding-bot-export-column-share', suppression: RANGE, value: ( r ) => option( r )?.share ?? null },
	{ name: 'share_low', type: 'number', description: 'capacitybuilding-bot-export-column-share-low', suppression: null, value: ( r ) => option( r )?.range?.shareLow ?? null },
	{ name: 'share_high', type: 'number', description: 'capacitybuilding-bot-export-column-share-high', suppression: null, value: ( r ) => option( r )?.range?.shareHigh ?? null },
	{ name: 'suppression', type: 'string', description: 'capacitybuilding-bot-export-column-suppression', suppression: null,
		value: ( r ) => r.question.suppressed ?? ( option( r )?.range ? 'range' : '' ) },
];

/** Every group of the figures, the whole first (dimension `all`, empty group). */
function groups( figures: Figures ): { dimension: string; group: string; figures: GroupFigures }[] {
	return [
		{ dimension: 'all', group: '', figures: figures.all },
		...DIMENSIONS.flatMap( ( dimension ) => figures.by[ dimension ].map(
			( g ) => ( { dimension, group: g.key, figures: g.figures } ) ) ),
	];
}

function requestRows( figures: Figures ): RequestRow[] {
	return groups( figures ).map( ( g ) => ( { ...g, figures: g.figures.requests } ) );
}

function feedbackRows( figures: Figures ): FeedbackRow[] {
	return groups( figures ).flatMap( ( g ) => g.figures.feedback.flatMap( ( question ) => (
		question.suppressed ? [ -1 ] : question.options.map( ( _o, i ) => i )
	).map( ( i ) => ( { dimension: g.dimension, group: g.group, question, option: i } ) ) ) );
}

function table<Row>( columns: readonly Column<Row>[], rows: readonly Row[] ): string {
	return csvText( columns.map( ( c ) => c.name ), rows.map( ( row ) => columns.map( ( c ) => c.value( row ) ) ) );
}

/** A file name piece from a hub key: letters, digits, `.`, `_` and `-` kept, anything else `_`. */
function slug( key: string ): string {
	return key.normalize( 'NFC' ).replace( /[^\p{L}\p{N}._-]+/gu, '_' );
}

/** The names of the files of one export: versioned, and named by period (and hub). */
export function exportNames( figures: Pick<Figures, 'period' | 'hub'> ): Record<'requests' | 'feedback' | 'figures' | 'dictionaryJson' | 'dictionaryCsv', string> {
	const prefix = `capacity-building-v${ FIGURES_VERSION }-${ figures.period.label }${ figures.hub === null ? '' : `-hub-${ slug( figures.hub ) }` }`;
	return {
		requests: `${ prefix }-requests.csv`,
		feedback: `${ prefix }-feedback.csv`,
		figures: `${ prefix }.json`,
		dictionaryJson: `${ prefix }-dictionary.json`,
		dictionaryCsv: `${ prefix }-dictionary.csv`,
	};
}

/** The columns of both tables, as the data dictionary describes them. */
export const COLUMNS = { requests: REQUEST_COLUMNS, feedback: FEEDBACK_COLUMNS } as const;

interface DictionaryColumn {
	name: string;
	type: ColumnType;
	description: string;
	/** When the column is empty because of the suppression rules ('' when it never is). */
	suppression: string;
}

/** The data dictionary (written as JSON, and its columns as CSV). */
export interface Dictionary {
	version: number;
	rules: { minAnswers: number; minOptionCount: number; text: string };
	files: { name: string; description: string; columns: DictionaryColumn[] }[];
}

function dictionary( figures: Figures, names: ReturnType<typeof exportNames>, messages: Messages ): Dictionary {
	const { minAnswers, minOptionCount } = figures.rules;
	const describe = ( columns: readonly Column<never>[] ): DictionaryColumn[] => columns.map( ( c ) => ( {
		name: c.name, type: c.type, description: messages.text( c.description, minAnswers, minOptionCount - 1 ),
		suppression: c.suppression ? messages.text( c.suppression, minAnswers, minOptionCount - 1 ) : '',
	} ) );
	return {
		version: FIGURES_VERSION,
		rules: { minAnswers, minOptionCount, text: messages.text( 'capacitybuilding-bot-export-rules', minAnswers, minOptionCount, minOptionCount - 1 ) },
		files: [
			{ name: names.requests, description: messages.text( 'capacitybuilding-bot-export-file-requests' ), columns: describe( REQUEST_COLUMNS ) },
			{ name: names.feedback, description: messages.text( 'capacitybuilding-bot-export-file-feedback' ), columns: describe( FEEDBACK_COLUMNS ) },
			{ name: names.figures, description: messages.text( 'capacitybuilding-bot-export-file-figures' ), columns: [] },
		],
	};
}

/**
 * The files of one export.
 *
 * @param figures The figures to write
 * @param generated The newest revision the figures were computed from (null for an empty store)
 * @param messages The language of the data dictionary
 */
export function exportFiles( figures: Figures, generated: string | null, messages: Messages ): ExportFile[] {
	const names = exportNames( figures );
	const dict = dictionary( figures, names, messages );
	const dictRows = dict.files.flatMap( ( f ) => f.columns.map(
		( c ): Cell[] => [ f.name, c.name, c.type, c.description, c.suppression ] ) );
	const json = ( value: unknown ): string => `${ JSON.stringify( value, null, '\t' ) }\n`;
	return [
		{ name: names.requests, text: table( REQUEST_COLUMNS, requestRows( figures ) ) },
		{ name: names.feedback, text: table( FEEDBACK_COLUMNS, feedbackRows( figures ) ) },
		{ name: names.figures, text: json( { generated, figures } ) },
		{ name: names.dictionaryJson, text: json( dict ) },
		{ name: names.dictionaryCsv, text: csvText( [ 'file', 'column', 'type', 'description', 'suppression' ], dictRows ) },
	];
}
