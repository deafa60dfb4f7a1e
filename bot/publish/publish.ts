/**
 * `capacity-bot publish`: writes the published pages from the store (what and where: content.ts;
 * the index format: modules/core/indexes.ts).
 *
 * An edit request is sent only for a page whose stored text would change: the bot writes every page
 * exactly as MediaWiki stores it (JSON as MediaWiki re-encodes it, everything in NFC: json.ts),
 * so it compares the SHA-1 of its text with the SHA-1 the wiki gives for the page's latest revision,
 * reading pages' metadata 50 (500) a request and the content only of pages that changed. A publish
 * with nothing new therefore sends no edit request.
 *
 * Order: the parts of the indexes, then the lists and statistics, then each manifest (with the
 * revisions of its parts), then the self-evaluation reports of the quarters asked for (reports.ts:
 * their current text is read, since the bot rewrites only its block of them), then the independent
 * evaluation's open-data pages and its block on the evaluation page (evaluation.ts; only when quarters are
 * asked for, since the block lists their open data), then the shared
 * learning page (learning.ts), then the review page (with this run's problems). A manifest is written
 * only when every part it names is saved, so readers keep a consistent previous version otherwise.
 *
 * One bad page never stops the rest: a record that cannot be published is left out (or shortened)
 * and listed on the review page; a page too big to write, or one the wiki refuses, is listed there
 * too, and the run goes on.
 *
 * Nothing is remembered about earlier runs beyond what is on the wiki: after a dry run, a
 * shut-off or a failure, the next publish compares with the wiki again and writes what is due.
 */
import { INDEX_NAMES, readManifest, type IndexName } from '../../modules/core/indexes';
import { normalizeTitle, sitePages } from '../../modules/core/pages';
import { readPageInfo, readPages, type Editor, type EditOutcome, type PageState } from '../edits';
import type { Messages } from '../i18n';
import type { Logger } from '../log';
import type { Store } from '../store';
import type { WikiClient } from '../wiki';
import type { Period } from '../../modules/core/figures';
import { planPublication, type PreviousManifests, type PublishedPage, type PublishProblem } from './content';
import { byteLength, storableText, textSha1 } from './json';
import { mergeReports, planReports, type PlannedReport } from './reports';
import { evaluationDataPages, planEvaluationPage } from './evaluation';
import { learningPage } from './learning';
import { hubTitle } from '../../modules/core/pages';

export interface PublishOptions {
	client: WikiClient;
	store: Store;
	editor: Editor;
	/** Messages in the wiki's content language. */
	messages: Messages;
	base: string;
	/** Messages for the operator's console (problems are logged with them). */
	console?: Messages;
	logger?: Logger;
	/** The quarters whose self-evaluation reports are written (reports.ts); none when not given. */
	reportQuarters?: readonly Period[];
}

export interface PublishReport {
	outcomes: Record<string, EditOutcome>;
	/** Pages created or edited. */
	edits: number;
	/** Edit requests sent (0 when nothing changed). */
	editRequests: number;
	/** What could not be published as it is (also on the review page). */
	problems: PublishProblem[];
	/** UTF-8 size of every page this publish wants on the wiki. */
	sizes: Record<string, number>;
}

/** No page the bot writes may be larger (MediaWiki's own limit is 2 MiB by default). */
export const PAGE_LIMIT_BYTES = 1024 * 1024;

function sameJson( text: string, value: unknown ): boolean {
	try {
		return JSON.stringify( JSON.parse( text ) ) === JSON.stringify( JSON.parse( JSON.stringify( value ) ) );
	} catch {
		return false;
	}
}

function jsonOf( state: PageState | undefined ): unknown {
	try {
		return state?.exists ? JSON.parse( state.text ) : undefined;
	} catch {
		return undefined;
	}
}

export async function runPublish( options: PublishOptions ): Promise<PublishReport> {
	const { client, store, editor, messages } = options;
	const base = normalizeTitle( options.base );
	const site = sitePages( base );
	const [ requests, coaches, hubs, problems, history, evaluations ] = await Promise.all( [
		store.requests(), store.coaches(), store.hubs(), store.problems(), store.statusHistory(), store.evaluations(),
	] );
	const manifestTitles: Record<IndexName, string> = {
		requests: site.requestsJson, coaches: site.coachesJson, hubs: site.hubsJson,
	};
	const known = await readPages( client, Object.values( manifestTitles ) );
	const previous = Object.fromEntries( INDEX_NAMES.map( ( index ) => [
		index, readManifest( jsonOf( known.get( manifestTitles[ index ] ) ), index ),
	] ) ) as PreviousManifests;
	const plan = planPublication( base, { requests, coaches, hubs, problems, history }, previous, messages );
	const quarters = options.reportQuarters ?? [];
	const reports = planReports( base, { requests, history, hubs, evaluations }, quarters, messages );
	const hubNames = new Map( hubs.map( ( h ) => [ h.key, {
		page: hubTitle( base, h.key ), name: h.record.name || h.key,
	} ] ) );
	const evaluationSources = { requests, history, evaluations, hubs: hubNames };
	const dataPages = evaluationDataPages( base, evaluationSources, quarters, messages );
	// Written with the quarters' open data only: a publish asked for no quarter leaves the page as it is.
	const evaluationPages = quarters.length ?
		[ planEvaluationPage( base, evaluationSources, quarters, messages ) ] : [];
	const learning = learningPage( base, requests, messages );

	const report: PublishReport = {
		outcomes: {}, edits: 0, editRequests: 0, problems: [ ...plan.problems ], sizes: {},
	};
	const requestsBefore = editor.requests;
	const revids = new Map<string, number>();
	const titles = [ ...plan.pages, ...plan.retired, ...reports, ...dataPages, ...evaluationPages, learning ]
		.map( ( p ) => p.title ).concat( plan.reviewTitles );
	const info = await readPageInfo( client, [ ...new Set( titles ) ] );
	for ( const [ title, state ] of known ) {
		info.set( title, state );
	}

	const unchanged = ( page: PublishedPage, state: PageState | undefined ): boolean => Boolean( state?.exists &&
		state.contentModel === page.contentModel && state.sha1 !== '' && state.sha1 === textSha1( storableText( page.text ) ) );

	/** Writes pages in order; `onlyIfExists` for notes on pages no longer used. */
	const put = async ( pages: PublishedPage[], onlyIfExists = false ): Promise<void> => {
		const due = pages.filter( ( page ) => {
			const state = info.get( page.title );
			if ( onlyIfExists && !state?.exists ) {
				return false;
			}
			report.sizes[ page.title ] = byteLength( page.text );
			if ( unchanged( page, state ) ) {
				report.outcomes[ page.title ] = 'unchanged';
				revids.set( page.title, state?.revid ?? 0 );
				return false;
			}
			return true;
		} );
		// The content of the pages that change: their base, the {{bots}} check and the dry run's diff.
		const missingContent = due.filter( ( page ) => info.get( page.title )?.exists && !known.has( page.title ) )
			.map( ( page ) => page.title );
		for ( const [ title, state ] of missingContent.length ? await readPages( client, missingContent ) : [] ) {
			known.set( title, state );
		}
		for ( const page of due ) {
			const bytes = byteLength( page.text );
			if ( bytes > PAGE_LIMIT_BYTES ) {
				report.outcomes[ page.title ] = 'skipped';
				report.problems.push( { page: page.title, revid: 0, message: 'capacitybuilding-bot-publish-problem-page-too-big', params: [ bytes, PAGE_LIMIT_BYTES ] } );
				continue;
			}
			const state = known.get( page.title );
			const existing = state?.exists ? state : null;
			if ( existing && page.json !== undefined && existing.contentModel === 'json' && sameJson( existing.text, page.json ) ) {
				// Equal by value (MediaWiki writes some text differently: see json.ts).
				report.outcomes[ page.title ] = 'unchanged';
				revids.set( page.title, existing.revid );
				continue;
			}
			const result = await editor.write( {
				title: page.title,
				text: page.text,
				contentModel: page.contentModel,
				base: existing,
				summary: messages.text( page.summary ?? 'capacitybuilding-bot-summary-publish' ),
			} );
			report.outcomes[ page.title ] = result.outcome;
			if ( result.outcome === 'created' || result.outcome === 'edited' ) {
				report.edits++;
			}
			if ( result.outcome === 'skipped' ) {
				const reason = editor.skipped.filter( ( s ) => s.title === page.title ).at( -1 )?.reason ?? '';
				report.problems.push( { page: page.title, revid: 0, message: 'capacitybuilding-bot-publish-problem-not-saved', params: [ reason ] } );
			} else if ( result.outcome === 'created' || result.outcome === 'edited' || result.outcome === 'unchanged' ) {
				revids.set( page.title, result.revid );
			}
		}
	};

	/** The report pages: their current text read (the block is merged into it), damaged ones reported. */
	const putReports = async ( planned: PlannedReport[] ): Promise<void> => {
		const existing = planned.map( ( r ) => r.title )
			.filter( ( title ) => info.get( title )?.exists && !known.has( title ) );
		for ( const [ title, state ] of existing.length ? await readPages( client, existing ) : [] ) {
			known.set( title, state );
		}
		const current = new Map( planned.map( ( r ) => [ r.title, known.get( r.title ) ?? info.get( r.title ) ] )
			.filter( ( entry ): entry is [ string, PageState ] => entry[ 1 ] !== undefined ) );
		const merged = mergeReports( planned, current );
		for ( const problem of merged.problems ) {
			report.outcomes[ problem.page ] = 'skipped';
			report.problems.push( problem );
		}
		await put( merged.pages );
	};

	await put( plan.pages );
	await put( plan.retired, true );
	for ( const index of plan.indexes ) {
		const notSaved = index.parts.filter( ( part ) => !revids.has( part.page.title ) ).length;
		if ( notSaved && !editor.dryRun ) {
			report.outcomes[ index.manifestTitle ] = 'skipped';
			report.problems.push( { page: index.manifestTitle, revid: 0, message: 'capacitybuilding-bot-publish-problem-manifest-kept', params: [ notSaved ] } );
			continue;
		}
		await put( [ index.manifest( revids ) ] );
	}
	await putReports( reports );
	await put( dataPages );
	await putReports( evaluationPages );
	await put( [ learning ] );
	const review = plan.review( report.problems.filter( ( p ) => !plan.problems.includes( p ) ) );
	await put( review.pages );
	await put( review.unused, true );
	report.editRequests = editor.requests - requestsBefore;
	if ( options.logger && options.console ) {
		for ( const p of report.problems ) {
			options.logger.warn( options.console.text( 'capacitybuilding-bot-log-publish-problem', p.page, options.console.text( p.message, ...p.params ) ),
				{ title: p.page, revid: p.revid, message: p.message } );
		}
	}
	return report;
}
