/**
 * The self-evaluation reports phase of `publish` (docs/reports.md): for each quarter asked for, a
 * report page per hub, `<base>/Reports/<quarter>/<hub key>`, and one for the programme,
 * `<base>/Reports/<quarter>` (the hubs' reports are its subpages, so no hub key can take its
 * place). Their figures come from `computeFigures`, as the open-data exports' do.
 *
 * The bot owns only the block between the markers (bot/report/markers.ts); the reflection and
 * anything else outside it belongs to people and is kept byte for byte. A page whose markers are
 * damaged is not edited: it is one problem on the review page, and the other pages go on.
 */
import { computeFigures, parsePeriod, type FigureChange, type Period } from '../../modules/core/figures';
import type { MessageKey } from '../../modules/core/messages';
import { evaluationTitle, hubTitle, normalizeTitle } from '../../modules/core/pages';
import { figureRequests } from '../export/storeFigures';
import type { PageState } from '../edits';
import type { Messages } from '../i18n';
import { mergeReport, type MarkerProblem } from '../report/markers';
import { reflectionStart, reportFigures, type ReportContext } from '../report/page';
import type { StoredEvaluation, StoredHub, StoredRequest } from '../store';
import type { PublishedPage, PublishProblem } from './content';

const QUARTER = /^\d{4}-Q[1-4]$/;

const PROBLEM_MESSAGES: Record<MarkerProblem, MessageKey> = {
	missing: 'capacitybuilding-bot-report-problem-missing',
	duplicated: 'capacitybuilding-bot-report-problem-duplicated',
	reordered: 'capacitybuilding-bot-report-problem-reordered',
	hidden: 'capacitybuilding-bot-report-problem-hidden',
	edited: 'capacitybuilding-bot-report-problem-edited',
};

/** A quarter from its label (`2026-Q1`); null for anything else. */
export function parseQuarter( label: string ): Period | null {
	return QUARTER.test( label ) ? parsePeriod( label ) : null;
}

/**
 * The quarters reported by default: the one `now` is in and the one before (whose late outcomes
 * and feedback still come in), in UTC.
 *
 * @param now The time of the run
 */
export function defaultQuarters( now: Date ): Period[] {
	const year = now.getUTCFullYear();
	const quarter = Math.floor( now.getUTCMonth() / 3 ) + 1;
	const previous = quarter === 1 ? `${ year - 1 }-Q4` : `${ year }-Q${ quarter - 1 }`;
	return [ `${ year }-Q${ quarter }`, previous ].map( ( label ) => parseQuarter( label ) as Period );
}

export function reportTitle( base: string, quarter: string, hub: string | null ): string {
	const period = `${ normalizeTitle( base ) }/Reports/${ quarter }`;
	return hub === null ? period : `${ period }/${ hub }`;
}

/** A report page to write: its figures (the bot's block) and what a new page carries below them. */
export interface PlannedReport {
	title: string;
	content: string;
	reflection: string;
	/** The edit summary (the report pages' when not given). */
	summary?: MessageKey;
}

/** What the reports are computed from: the store's requests, accepted status history and hubs. */
export interface ReportSources {
	requests: readonly StoredRequest[];
	history: readonly FigureChange[];
	hubs: readonly StoredHub[];
	/** The accepted independent evaluation entries, shown beside the self-evaluation (none when not given). */
	evaluations?: readonly StoredEvaluation[];
}

/**
 * The report pages of some quarters, from the store.
 *
 * @param base The base page
 * @param store The store's requests, accepted status history and hubs
 * @param quarters The quarters to report
 * @param messages Messages in the wiki's content language
 */
export function planReports( base: string, store: ReportSources, quarters: readonly Period[],
	messages: Messages ): PlannedReport[] {
	const requests = figureRequests( store.requests );
	const hubs = [ ...store.hubs ].sort( ( a, b ) => ( a.key < b.key ? -1 : a.key > b.key ? 1 : 0 ) );
	const named = new Map( hubs.map( ( h ) => [ h.key, {
		page: hubTitle( base, h.key ), name: h.record.name || h.key,
	} ] ) );
	return quarters.flatMap( ( quarter ) => {
		const page = evaluationTitle( base, quarter.label );
		const entries = ( store.evaluations ?? [] ).filter( ( e ) => e.period === quarter.label )
			.flatMap( ( e ) => e.entries );
		const evaluation = ( hub: string | null ): ReportContext[ 'evaluation' ] => ( {
			page, entries: entries.filter( ( e ) => e.period === quarter.label && e.hub === ( hub ?? '' ) ),
		} );
		const report = ( hub: string | null, context: Omit<ReportContext, 'evaluation'> ): PlannedReport => ( {
			title: reportTitle( base, quarter.label, hub ),
			content: reportFigures( computeFigures( requests, store.history, quarter, hub ), { ...context,
				evaluation: evaluation( hub ) }, messages ),
			reflection: reflectionStart( hub !== null, messages ),
		} );
		const hubReports = hubs.map( ( h ) => ( {
			title: reportTitle( base, quarter.label, h.key ), name: named.get( h.key )?.name ?? h.key,
		} ) );
		return [
			report( null, { hub: null, hubs: named, hubReports } ),
			...hubs.map( ( h ) => report( h.key, { hub: named.get( h.key ) ?? null, hubs: named, hubReports: [] } ) ),
		];
	} );
}

/**
 * The report pages as they will be written (the block merged into each page's current text), and a
 * problem for each page whose block cannot be found safely (that page is left out).
 *
 * @param planned The planned reports
 * @param current The pages' current state (missing pages: not existing)
 */
export function mergeReports( planned: readonly PlannedReport[], current: ReadonlyMap<string, PageState> ): {
	pages: PublishedPage[]; problems: PublishProblem[];
} {
	const pages: PublishedPage[] = [];
	const problems: PublishProblem[] = [];
	for ( const report of planned ) {
		const state = current.get( report.title );
		const merged = mergeReport( state?.exists ? state.text : null, report.content, report.reflection );
		if ( merged.problem === null ) {
			pages.push( { title: report.title, contentModel: 'wikitext', text: merged.text,
				summary: report.summary ?? 'capacitybuilding-bot-summary-report' } );
		} else {
			const message = PROBLEM_MESSAGES[ merged.problem ];
			problems.push( { page: report.title, revid: state?.revid ?? 0, message, params: [] } );
		}
	}
	return { pages, problems };
}
