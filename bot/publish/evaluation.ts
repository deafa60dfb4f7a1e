/**
 * The independent evaluation phase of `publish` (docs/exports.md, docs/reports.md):
 *
 * - the open-data export files of each quarter asked for, as pages under `<base>/Evaluation/Data/`
 *   named as `capacity-bot export` names the files, written by the same code from the same store
 *   (bot/export): the CSV tables as plain-text pages (MediaWiki stores them with LF line ends and
 *   without the last line end), the JSON files as JSON pages;
 * - the bot's block on `<base>/Evaluation` (the markers of the report pages, bot/report/markers.ts):
 *   the export pages per quarter with a link to the quarter's self-evaluation report, how to rerun
 *   them, and the accepted evaluator entries per quarter. Everything outside the block belongs to
 *   people and is kept byte for byte.
 *
 * Nothing here reads a clock: the same store gives the same pages (and a second publish no edit).
 */
import { FIGURES_VERSION, type FigureChange, type Period } from '../../modules/core/figures';
import { evaluationTitle, normalizeTitle, sitePages } from '../../modules/core/pages';
import type { MessageKey } from '../../modules/core/messages';
import { MIN_ANSWERS, MIN_OPTION_COUNT } from '../../modules/core/suppression';
import { exportFiles, exportNames, type ExportFile } from '../export/files';
import { figuresOf } from '../export/storeFigures';
import type { Messages } from '../i18n';
import { evaluationTable, type HubNames } from '../report/evaluations';
import type { StoredEvaluation, StoredRequest } from '../store';
import type { PublishedPage } from './content';
import { mediaWikiJson } from './json';
import type { PlannedReport } from './reports';
import { reportTitle } from './reports';

/** What the evaluation pages are computed from. */
export interface EvaluationSources {
	requests: readonly StoredRequest[];
	history: readonly FigureChange[];
	evaluations: readonly StoredEvaluation[];
	hubs: HubNames;
}

/** The page of an export file. */
export function dataTitle( base: string, fileName: string ): string {
	return `${ sitePages( base ).evaluationData }/${ fileName }`;
}

/**
 * An export file as the page that holds it: a JSON file as a JSON page (compared by value), any
 * other as a plain-text page, with the text as MediaWiki stores it (LF line ends, no last line end).
 */
export function dataPage( base: string, file: ExportFile ): PublishedPage {
	const title = dataTitle( base, file.name );
	if ( file.name.endsWith( '.json' ) ) {
		const json: unknown = JSON.parse( file.text );
		return { title, contentModel: 'json', text: mediaWikiJson( json ), json, summary: 'capacitybuilding-bot-evaluation-summary-data' };
	}
	return { title, contentModel: 'text', text: file.text.replace( /\r\n?/g, '\n' ).replace( /\s+$/, '' ),
		summary: 'capacitybuilding-bot-evaluation-summary-data' };
}

/** The open-data pages of the programme's figures of each quarter. */
export function evaluationDataPages( base: string, sources: EvaluationSources, quarters: readonly Period[],
	messages: Messages ): PublishedPage[] {
	return quarters.flatMap( ( quarter ) => {
		const { figures, generated } = figuresOf( sources.requests, sources.history, quarter, null );
		return exportFiles( figures, generated, messages ).map( ( file ) => dataPage( base, file ) );
	} );
}

const COLUMNS: readonly MessageKey[] = [
	'capacitybuilding-bot-evaluation-column-period', 'capacitybuilding-bot-evaluation-column-requests',
	'capacitybuilding-bot-evaluation-column-feedback', 'capacitybuilding-bot-evaluation-column-figures',
	'capacitybuilding-bot-evaluation-column-dictionary', 'capacitybuilding-bot-evaluation-column-report',
];

function dataTable( base: string, quarters: readonly Period[], messages: Messages ): string {
	const say = messages.text.bind( messages );
	const link = ( name: string ): string => `[[:${ dataTitle( base, name ) }|${ name }]]`;
	const rows = quarters.map( ( quarter ) => {
		const names = exportNames( { period: quarter, hub: null } );
		return `|-\n| ${ [ quarter.label, link( names.requests ), link( names.feedback ), link( names.figures ),
			`${ link( names.dictionaryJson ) }<br>${ link( names.dictionaryCsv ) }`,
			`[[:${ reportTitle( base, quarter.label, null ) }|${ quarter.label }]]` ].join( ' || ' ) }`;
	} );
	return [
		'{| class="wikitable sortable"',
		`! ${ COLUMNS.map( ( key ) => say( key ) ).join( ' !! ' ) }`,
		...rows,
		'|}',
	].join( '\n' );
}

function entriesSection( base: string, sources: EvaluationSources, messages: Messages ): string[] {
	const byPeriod = new Map<string, StoredEvaluation[ 'entries' ]>();
	for ( const page of sources.evaluations ) {
		byPeriod.set( page.period, [ ...( byPeriod.get( page.period ) ?? [] ), ...page.entries ] );
	}
	const periods = [ ...byPeriod ].filter( ( [ , entries ] ) => entries.length ).map( ( [ period ] ) => period )
		.sort().reverse();
	if ( !periods.length ) {
		return [ messages.text( 'capacitybuilding-bot-evaluation-no-entries' ) ];
	}
	return periods.flatMap( ( period ) => [
		`=== ${ period } ===`,
		messages.text( 'capacitybuilding-bot-evaluation-period-links', evaluationTitle( base, period ),
			reportTitle( base, period, null ) ),
		evaluationTable( byPeriod.get( period ) ?? [], sources.hubs, messages ),
		'',
	] );
}

/**
 * The evaluation page: the bot's block (merged into the page as the report pages' blocks are) and
 * what a new page carries below it.
 *
 * @param base The base page
 * @param sources The store's records, accepted evaluations and hub names
 * @param quarters The quarters whose exports are published (newest first in the table)
 * @param messages Messages in the wiki's content language
 */
export function planEvaluationPage( base: string, sources: EvaluationSources, quarters: readonly Period[],
	messages: Messages ): PlannedReport {
	const b = normalizeTitle( base );
	const shown = [ ...quarters ].sort( ( x, y ) => ( x.label < y.label ? 1 : -1 ) );
	const example = shown[ 0 ]?.label ?? '2026-Q4';
	const content = [
		messages.text( 'capacitybuilding-bot-evaluation-notice' ),
		'',
		messages.text( 'capacitybuilding-bot-evaluation-intro', evaluationTitle( b, example ), `${ b }/Reports` ),
		'',
		`== ${ messages.text( 'capacitybuilding-bot-evaluation-heading-data' ) } ==`,
		messages.text( 'capacitybuilding-bot-evaluation-data-intro', FIGURES_VERSION, example, MIN_ANSWERS, MIN_OPTION_COUNT ),
		'',
		shown.length ? dataTable( b, shown, messages ) : messages.text( 'capacitybuilding-bot-evaluation-no-data' ),
		'',
		`== ${ messages.text( 'capacitybuilding-bot-evaluation-heading-entries' ) } ==`,
		...entriesSection( b, sources, messages ),
	].join( '\n' ).replace( /\n+$/, '' );
	return {
		title: sitePages( b ).evaluation, content, reflection: messages.text( 'capacitybuilding-bot-evaluation-start' ),
		summary: 'capacitybuilding-bot-evaluation-summary-page',
	};
}
