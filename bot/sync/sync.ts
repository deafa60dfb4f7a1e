/**
 * `capacity-bot sync`: brings the store up to date with the wiki. One function per phase, each in
 * its own file:
 *
 * 1. load.ts — what the store knows: accepted records, problems, the role timelines.
 * 2. plan.ts — what to read: every page (a full sync) or the pages recent changes name since the
 *    cursor (incremental), and the configuration page's new revisions; how to judge each page
 *    (forward from its accepted revision, or from its first revision).
 * 3. history.ts — the revisions each page needs judged, read in batches.
 * 4. judgePages.ts — each page's revisions judged in order by the core judge, with the roles as
 *    they were at each revision's time (roles.ts), kind by kind: hubs (their edits depend on the
 *    configuration, their creation on other hubs' contacts too: judged in creation order), then
 *    coaches, then requests (which depend on hub contacts and on who is a coach), then evaluation
 *    pages (which depend on the configuration's evaluators only); each kind's results update the
 *    role timeline before the next kind is judged.
 * 5. results.ts — what that means for the store (records, problems, status history, timelines),
 *    stored with the cursor in one transaction (Store.apply), so the cursor advances only with
 *    what was read.
 *
 * The canonical result: a page's accepted record is what judging its revisions in order from its
 * first one gives, each with the roles accepted before it. An incremental sync judges a page's new
 * revisions forward from its accepted one (and re-judges the rejected ones after it); a full sync
 * judges every page from its first revision; both compute the same thing, so `sync --full` into an
 * empty store rebuilds exactly the store that incremental syncs kept (limits: README, "Judging
 * changes"). One bad page never stops a sync: it becomes a problem with page, revision and reason.
 */
import type { Problem } from '../../modules/core/messages';
import { normalizeTitle } from '../../modules/core/pages';
import { classify, type JudgedPageKind } from '../../modules/core/judge';
import type { Messages } from '../i18n';
import type { Logger } from '../log';
import type { ConfigRevision, HubTimelineEntry, PageUpdate, StatusChange, Store } from '../store';
import type { WikiClient } from '../wiki';
import { readHistories, type HistoryRead, type HistoryWanted } from './history';
import { judgePage, type PageToJudge } from './judgePages';
import { knownOf, loadStore, type StoreState } from './load';
import { planSync, readConfig, type Plan } from './plan';
import type { Revision } from './read';
import { resultOf, toStored } from './results';
import { RoleTimeline } from './roles';

export interface SyncOptions {
	client: WikiClient;
	store: Store;
	logger: Logger;
	/** Messages for the operator's console. */
	messages: Messages;
	base: string;
	full: boolean;
	/** Pages a read request (50, or 500 with apihighlimits). */
	batchSize?: number;
	/**
	 * Revisions of one page judged in one sync at most (1,000 by default): a page with more is judged
	 * up to there and reported ('history too long'), never judged silently in part.
	 */
	maxRevisions?: number;
}

export interface SyncReport {
	full: boolean;
	/** Why the sync read every page: asked (--full), no cursor yet, or a cursor older than recent changes reach. */
	fullBecause: Plan[ 'fullBecause' ];
	/** Pages read from the wiki. */
	pagesRead: number;
	/** Pages whose record changed in the store (stored, replaced or removed). */
	changed: number;
	/** Revisions not accepted (the last acceptable revision was kept). */
	rejected: number;
	/** Problems now recorded, across all pages. */
	problems: number;
	/** Revisions judged. */
	revisions: number;
	/** Pages whose older revisions were read (more than the newest one to judge). */
	walkedBack: number;
	/** Requests made to read older revisions. */
	historyRequests: number;
	/** API requests this sync made. */
	requests: number;
	configProblems: Problem[];
}

const DEFAULT_MAX_REVISIONS = 1000;

/** The order pages are judged in: what a kind's judging depends on comes first. */
const KINDS = [ 'hub', 'coach', 'request', 'evaluation' ] as const;

export async function runSync( options: SyncOptions ): Promise<SyncReport> {
	const { client, store, logger, messages } = options;
	const base = normalizeTitle( options.base );
	const batchSize = options.batchSize ?? client.batchSize;
	const maxRevisions = options.maxRevisions ?? DEFAULT_MAX_REVISIONS;
	const startRequests = client.requestCount;

	// 1. What the store knows.
	const state = await loadStore( store );
	const storedConfig = state.configHistory;

	// 2. What to read, and how to judge each page.
	const plan = await planSync( { client, logger, messages, base, full: options.full, batchSize },
		await store.cursor(),
		storedConfig.length ? ( storedConfig[ storedConfig.length - 1 ] as ConfigRevision ).revid : 0 );
	const { full } = plan;
	const { config, problems: configProblems } = readConfig( plan.config, logger, messages );
	const configHistory = plan.configReplace ? plan.configRevisions : [ ...storedConfig, ...plan.configRevisions ];
	// A full sync rebuilds the timelines from what it reads; an incremental one continues the store's.
	const timeline = full ? new RoleTimeline( configHistory, [], new Map() ) :
		new RoleTimeline( configHistory, state.hubTimeline, state.coachSince );

	const report: SyncReport = {
		full, fullBecause: plan.fullBecause, pagesRead: plan.pages.length, changed: 0, rejected: 0, problems: 0,
		revisions: 0, walkedBack: 0, historyRequests: 0, requests: 0, configProblems,
	};
	const results: Collected = { updates: [], statusChanges: [], historyReplaced: [], hubTimeline: { replacePages: [],
		add: [] } };
	const toJudge = pagesToJudge( plan, state, base, timeline, results, report );

	// 3. The revisions each page needs judged, in batches across all pages.
	const { histories, cost } = await readHistories( client, toJudge, { batchSize, max: maxRevisions } );
	report.walkedBack = cost.pages;
	report.historyRequests = cost.requests;

	// 4. and 5. Judge kind by kind, each revision with the roles of its time; collect the results.
	for ( const kind of KINDS ) {
		const pages = toJudge.filter( ( w ) => w.pageKind.kind === kind );
		for ( const wanted of kind === 'hub' ? inCreationOrder( pages, histories ) : pages ) {
			judgeOne( wanted, histories.get( wanted.title ), { options, state, timeline, results, report,
				maxRevisions } );
		}
	}

	// Everything, cursor included, at once.
	await store.apply( {
		...results, cursor: plan.cursor, full, config: JSON.stringify( config ),
		configHistory: { replace: plan.configReplace, add: plan.configRevisions }, finished: new Date().toISOString(),
	} );
	report.problems = ( await store.problems() ).length;
	report.requests = client.requestCount - startRequests;
	return report;
}

/**
 * Hub pages in the order their revisions to judge begin. A hub's creation is judged with the other
 * hubs' contacts as accepted before it (a contact of an accepted hub may create one), so a hub
 * made after another must be judged after it: in a full sync, or when both are new in one
 * incremental sync, judging in page order could judge the newer hub before the older one's
 * contacts are on the timeline. (Edits of a hub depend only on its own contacts and the
 * configuration.)
 */
function inCreationOrder( pages: Wanted[], histories: ReadonlyMap<string, HistoryRead> ): Wanted[] {
	const first = ( wanted: Wanted ): number => histories.get( wanted.title )?.revisions[ 0 ]?.revid ?? Infinity;
	return [ ...pages ].sort( ( a, b ) => first( a ) - first( b ) );
}

/** What a sync has found so far, for the store. */
interface Collected {
	updates: PageUpdate[];
	statusChanges: StatusChange[];
	historyReplaced: number[];
	hubTimeline: { replacePages: string[]; add: HubTimelineEntry[] };
}

type Wanted = HistoryWanted & { pageKind: JudgedPageKind; fromStart: boolean };

/**
 * Sorts the pages read: a page gone (deleted, moved away, a redirect) leaves the store and the
 * role timelines; a misnamed request page is reported; a record page is to be judged, forward from
 * its accepted revision or from its first.
 */
function pagesToJudge( plan: Plan, state: StoreState, base: string, timeline: RoleTimeline, results: Collected,
	report: SyncReport ): Wanted[] {
	const toJudge: Wanted[] = [];
	for ( const { read: page, fromStart } of plan.pages ) {
		const title = normalizeTitle( page.title );
		const pageKind = classify( base, title );
		const stored = state.records.get( title );
		if ( page.missing || page.redirect || !page.latest ) {
			if ( stored || state.problems.has( title ) ) {
				results.updates.push( { page: title, action: 'remove', problems: [] } );
				report.changed += stored ? 1 : 0;
			}
			// Gone from the wiki, gone from the roles (as a full sync would see them).
			if ( pageKind.kind === 'hub' ) {
				timeline.setHub( title, [] );
			} else if ( pageKind.kind === 'coach' ) {
				timeline.setCoach( pageKind.user, null );
			}
		} else if ( pageKind.kind === 'misnamed' ) {
			results.updates.push( { page: title, action: 'remove', problems: toStored( title, page.latest, [
				{ field: null, key: 'capacitybuilding-bot-sync-misnamed', params: [] },
			], 'misnamed' ) } );
		} else if ( pageKind.kind !== 'other' ) {
			const judgedFromStart = plan.full || fromStart || !stored;
			toJudge.push( { title, pageKind, newest: page.latest, fromStart: judgedFromStart,
				after: judgedFromStart || !stored ? 0 : stored.revid } );
		}
	}
	return toJudge;
}

/** Judges one page's revisions and collects what that means for the store and the role timelines. */
function judgeOne( wanted: Wanted, history: HistoryRead | undefined, context: {
	options: SyncOptions; state: StoreState; timeline: RoleTimeline; results: Collected; report: SyncReport;
	maxRevisions: number;
} ): void {
	const { options, state, timeline, results, report } = context;
	const read = history ?? { revisions: [], more: false, rebased: false };
	const stored = state.records.get( wanted.title );
	const fromStart = wanted.fromStart || read.rebased;
	const page: PageToJudge = {
		title: wanted.title, pageKind: wanted.pageKind, revisions: read.revisions, more: read.more,
		known: fromStart || !stored ? null : knownOf( wanted.pageKind, stored ),
	};
	const result = resultOf( judgePage( page, timeline, { extensionTags: options.client.site.extensionTags } ),
		state.problems.get( wanted.title ) ?? [], Boolean( stored ), context.maxRevisions );
	report.revisions += read.revisions.length;
	report.changed += result.changed ? 1 : 0;
	for ( const { revision, reason } of result.rejected ) {
		report.rejected++;
		logRejected( options, wanted.title, revision, reason );
	}
	results.updates.push( result.update );
	results.statusChanges.push( ...result.statusChanges );
	if ( wanted.pageKind.kind === 'request' && result.replacesHistory ) {
		results.historyReplaced.push( wanted.pageKind.number );
	}
	if ( wanted.pageKind.kind === 'hub' ) {
		if ( page.known ) {
			timeline.addHub( result.hubEntries );
		} else {
			timeline.setHub( wanted.title, result.hubEntries );
			results.hubTimeline.replacePages.push( wanted.title );
		}
		results.hubTimeline.add.push( ...result.hubEntries );
	} else if ( wanted.pageKind.kind === 'coach' ) {
		timeline.setCoach( wanted.pageKind.user, result.coachSince );
	}
}

function logRejected( options: SyncOptions, title: string, revision: Revision, reason: Problem ): void {
	const m = options.messages;
	options.logger.warn( m.text( 'capacitybuilding-bot-log-rejected', title, revision.revid, revision.user, m.problem( reason ) ),
		{ page: title, revid: revision.revid, user: revision.user, reason: reason.key } );
}
