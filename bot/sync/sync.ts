/**
 * `capacity-bot sync`: brings the store up to date with the wiki.
 *
 * - Full (`--full`, or when the store has no cursor yet): every page under the base, read in
 *   batches; records of pages that no longer exist are forgotten.
 * - Incremental: only the pages that recent changes name since the cursor (edits, creations, both
 *   ends of moves, deletions, restorations), read in batches. The cursor is stored in the same
 *   transaction as what was read, so it advances only once the changes are stored.
 *
 * Each revision is parsed with the core codec and its change checked with the core permissions,
 * each change by the person who made it:
 * - A page the store holds: every revision after the accepted one, oldest first, each against the
 *   last accepted record (judge.ts judgeHistory). A revision is accepted when its author may make
 *   the whole change and so may the author of every change it carries from a rejected revision, so
 *   a later edit by someone who may edit the page (a typo fix by an admin) cannot launder a change
 *   nobody allowed (a stranger's decline); whoever may make such a change makes it again in their
 *   own edit. Each accepted status change goes into the status history with its own author. The
 *   batched read already has the newest revision, so a page whose newest revision follows the
 *   accepted one needs no extra request; a page with more is read on its own (rvstartid and
 *   rvdir=newer work on one page a request), at most `maxWalkBack` revisions a sync ('history too
 *   long' when there are more: the last accepted among them is kept).
 * - A page new to the store (a first or rebuilding full sync; or one whose history after the
 *   accepted revision cannot be read): the newest revision against the revision before it, the best
 *   the history offers without reading all of it; when that is not allowed, the history is walked
 *   back — batched across pages, one request per round for up to 50 (500) pages, at most
 *   `maxWalkBack` rounds — to the last acceptable revision, which is stored.
 * Rejected revisions are reported (with page, revision, author and reason), except those a later
 * accepted revision undid. One bad page never stops a sync: it becomes a problem with page,
 * revision and reason.
 *
 * Permissions are judged with the configuration page as read at the start of this sync (stored with
 * the results), and with hubs and coaches as they stand in the store, updated by this sync in
 * dependency order: hubs first (their changes depend only on the configuration), then coaches,
 * then requests (which depend on hub contacts and on who is a coach).
 */
import { parseConfig, type CapacityConfig } from '../../modules/core/config';
import type { Problem } from '../../modules/core/messages';
import type { PermissionContext } from '../../modules/core/permissions';
import { normalizeTitle } from '../../modules/core/pages';
import type { Hub } from '../../modules/core/model';
import type { Messages } from '../i18n';
import type { Logger } from '../log';
import type { Cursor, PageUpdate, StatusChange, Store, StoredProblem, StoredRequest, StoredCoach, StoredHub } from '../store';
import type { WikiClient } from '../wiki';
import { classify, judge, judgeHistory, parseRevision, type Content, type PageKind, type ParsedRevision, type ParseContext } from './judge';
import { allPagesUnder, changesSince, readRevisions, readTitles, revisionsAfter, startingPoint, type PageRead, type Revision } from './read';

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
	 * Revisions of one page judged in one sync at most: rounds of history walk-back (each round one
	 * revision further back) for a page new to the store, revisions after the accepted one otherwise.
	 */
	maxWalkBack?: number;
}

export interface SyncReport {
	full: boolean;
	/** Why the sync read every page: asked (--full), no cursor yet, or a cursor older than recent changes reach. */
	fullBecause: 'asked' | 'no-cursor' | 'cursor-expired' | null;
	/** Pages read from the wiki. */
	pagesRead: number;
	/** Pages whose record changed in the store (stored, replaced or removed). */
	changed: number;
	/** Revisions not accepted (the last acceptable revision was kept). */
	rejected: number;
	/** Problems now recorded, across all pages. */
	problems: number;
	/**
	 * Pages whose older revisions were read (a baseline for a page new to the store, a walk-back, or
	 * the revisions after the accepted one when there is more than one).
	 */
	walkedBack: number;
	/** Requests made to read older revisions. */
	historyRequests: number;
	/** API requests this sync made. */
	requests: number;
	configProblems: Problem[];
}

type RecordKind = 'request' | 'coach' | 'hub';

interface Known {
	content: Content;
	revid: number;
}

interface Pending {
	title: string;
	pageKind: PageKind & { kind: RecordKind };
	known: Known | null;
	newest: Revision;
	/** The revision being judged, or the id of one still to read. */
	candidate: Revision | number;
	/** Revisions not accepted, oldest first. */
	rejections: { revision: Revision; reason: Problem }[];
	rounds: number;
}

function contentOf( kind: PageKind, stored: StoredRequest | StoredCoach | StoredHub ): Content {
	if ( kind.kind === 'request' ) {
		const r = stored as StoredRequest;
		return { kind: 'request', record: r.record, feedback: r.feedback };
	}
	return kind.kind === 'coach' ?
		{ kind: 'coach', record: ( stored as StoredCoach ).record } :
		{ kind: 'hub', record: ( stored as StoredHub ).record };
}

function problemKind( p: Problem ): StoredProblem[ 'kind' ] {
	return p.key.startsWith( 'capacitybuilding-codec-' ) ? 'malformed' : 'invalid';
}

function toStored( page: string, revision: Revision, problems: Problem[], kind?: StoredProblem[ 'kind' ] ): StoredProblem[] {
	return problems.map( ( p ) => ( {
		page, revid: revision.revid, kind: kind ?? problemKind( p ), message: p.key, params: p.params,
		field: p.field ?? '', user: revision.user,
	} ) );
}

/** The configuration page's JSON; problems in it are reported and replaced by defaults. */
export function readConfig( text: string, logger: Logger,
	messages: Messages ): { config: CapacityConfig; problems: Problem[] } {
	if ( text.trim() === '' ) {
		return parseConfig( {} );
	}
	let json: unknown;
	try {
		json = JSON.parse( text );
	} catch {
		logger.warn( messages.text( 'capacitybuilding-bot-log-config-unreadable' ) );
		return parseConfig( {} );
	}
	const parsed = parseConfig( json );
	for ( const p of parsed.problems ) {
		logger.warn( messages.text( 'capacitybuilding-bot-log-config-problem', messages.problem( p ) ) );
	}
	return parsed;
}

/** What a sync reads: pages, where the next incremental sync starts, the configuration page. */
interface Plan {
	pages: PageRead[];
	cursor: Cursor;
	config: string;
}

/**
 * An incremental sync's reading: the pages that recent changes and the move log name since the
 * cursor; null (and a warning) when the wiki no longer keeps recent changes back to the cursor.
 *
 * @param options The sync's options
 * @param base The base page, normalized
 * @param since The stored cursor
 * @param batchSize Pages a request
 */
async function readChanged( options: SyncOptions, base: string, since: Cursor,
	batchSize: number ): Promise<Plan | null> {
	const { client, logger, messages } = options;
	const read = await changesSince( client, base, since );
	if ( read.expired ) {
		// Changes since the cursor may have been purged from recent changes: only reading
		// everything is sure to see them.
		const oldest = read.expired.oldest;
		logger.warn( oldest ? messages.text( 'capacitybuilding-bot-log-sync-cursor-expired', since.timestamp, oldest ) :
			messages.text( 'capacitybuilding-bot-log-sync-cursor-expired-empty', since.timestamp ),
		{ reason: 'cursor-expired', cursor: since, oldestRecentChange: oldest } );
		return null;
	}
	const named: ( string | undefined )[] = read.moves.flatMap( ( move ) => [ move.title, move.movedTo ] );
	for ( const change of read.changes ) {
		if ( change.type !== 'log' || change.logType === 'move' || change.logType === 'delete' ) {
			named.push( change.title, change.movedTo );
		}
	}
	const titles = new Set<string>();
	for ( const title of named ) {
		// Only pages that hold records (or are misnamed requests); the bot's own pages are not read.
		if ( title !== undefined && normalizeTitle( title ).startsWith( `${ base }/` ) && classify( base, title ).kind !== 'other' ) {
			titles.add( normalizeTitle( title ) );
		}
	}
	const pages = titles.size ? [ ...( await readTitles( client, [ ...titles ], batchSize ) ).values() ] : [];
	return { pages, cursor: read.cursor, config: read.config };
}

/**
 * A full sync's reading: every page under the base.
 *
 * @param options The sync's options
 * @param base The base page, normalized
 * @param batchSize Pages a request
 */
async function readAll( options: SyncOptions, base: string, batchSize: number ): Promise<Plan> {
	const start = await startingPoint( options.client, base );
	const pages: PageRead[] = [];
	for await ( const batch of allPagesUnder( options.client, base, batchSize ) ) {
		pages.push( ...batch );
		options.logger.progress( options.messages.text( 'capacitybuilding-bot-progress-sync' ), pages.length, pages.length );
	}
	return { pages, cursor: start.cursor, config: start.config };
}

export async function runSync( options: SyncOptions ): Promise<SyncReport> {
	const { client, store, logger } = options;
	const base = normalizeTitle( options.base );
	const batchSize = options.batchSize ?? client.batchSize;
	const maxWalkBack = options.maxWalkBack ?? 20;
	const startRequests = client.requestCount;
	const storedCursor = await store.cursor();

	// 1. What to read.
	let fullBecause: SyncReport[ 'fullBecause' ] = options.full ? 'asked' : storedCursor === null ? 'no-cursor' : null;
	let plan = storedCursor && !fullBecause ? await readChanged( options, base, storedCursor, batchSize ) : null;
	if ( storedCursor && !fullBecause && !plan ) {
		fullBecause = 'cursor-expired';
	}
	plan ??= await readAll( options, base, batchSize );
	const { pages, cursor } = plan;
	const full = fullBecause !== null;
	const { config, problems: configProblems } = readConfig( plan.config, logger, options.messages );

	// 2. What the store knows.
	const [ requests, coaches, hubs, oldProblems ] = await Promise.all( [ store.requests(), store.coaches(),
		store.hubs(), store.problems() ] );
	const storedByPage = new Map<string, StoredRequest | StoredCoach | StoredHub>( [ ...requests, ...coaches,
		...hubs ].map( ( r ) => [ r.page, r ] ) );
	const problemsByPage = new Map<string, StoredProblem[]>();
	for ( const p of oldProblems ) {
		problemsByPage.set( p.page, [ ...( problemsByPage.get( p.page ) ?? [] ), p ] );
	}
	const hubMap = new Map<string, Hub>( hubs.map( ( h ) => [ h.key, h.record ] ) );
	const coachSet = new Set( coaches.map( ( c ) => c.user ) );
	const permissions: PermissionContext = { config, hubs: hubMap, coaches: coachSet };
	const parseContext: ParseContext = {
		codec: { extensionTags: client.site.extensionTags },
		validation: { hubs: new Set( hubMap.keys() ) },
	};

	const updates: PageUpdate[] = [];
	const statusChanges: StatusChange[] = [];
	const report: SyncReport = {
		full, fullBecause, pagesRead: pages.length, changed: 0, rejected: 0, problems: 0, walkedBack: 0,
		historyRequests: 0,
		requests: 0, configProblems,
	};
	const byKind: Record<RecordKind, Pending[]> = { hub: [], coach: [], request: [] };
	for ( const page of pages ) {
		const title = normalizeTitle( page.title );
		const pageKind = classify( base, title );
		const stored = storedByPage.get( title ) ?? null;
		if ( page.missing || page.redirect || !page.latest ) {
			if ( stored || problemsByPage.has( title ) ) {
				updates.push( { page: title, action: 'remove', problems: [] } );
				report.changed += stored ? 1 : 0;
			}
			continue;
		}
		if ( pageKind.kind === 'other' ) {
			continue;
		}
		if ( pageKind.kind === 'misnamed' ) {
			updates.push( { page: title, action: 'remove', problems: toStored( title, page.latest, [
				{ field: null, key: 'capacitybuilding-bot-sync-misnamed', params: [] },
			], 'misnamed' ) } );
			continue;
		}
		byKind[ pageKind.kind ].push( {
			title, pageKind: pageKind as Pending[ 'pageKind' ], newest: page.latest, candidate: page.latest, rejections: [], rounds: 0,
			known: stored ? { content: contentOf( pageKind, stored ), revid: stored.revid } : null,
		} );
	}

	// 3. Judge, kind by kind, in dependency order.
	const revisions = new Map<number, Revision>();
	for ( const kind of [ 'hub', 'coach', 'request' ] as const ) {
		const walked = new Set<string>();
		// A page with an accepted record: every revision after it, oldest first.
		const pending: Pending[] = [];
		for ( const p of byKind[ kind ] ) {
			if ( !p.known || p.known.revid === p.newest.revid || !await judgeForward( p, p.known, walked ) ) {
				pending.push( p );
			}
		}
		// A page new to the store (or whose history after the accepted revision could not be read):
		// its newest revision against the one before it, walking back while rejected.
		await walkBack( pending, walked );
		report.walkedBack += walked.size;
		// Later kinds are judged with what this one now holds.
		if ( kind === 'hub' ) {
			for ( const u of updates ) {
				if ( u.action === 'hub' ) {
					hubMap.set( u.value.key, u.value.record );
				} else if ( u.action === 'remove' && storedByPage.get( u.page ) && classify( base, u.page ).kind === 'hub' ) {
					hubMap.delete( ( classify( base, u.page ) as { key: string } ).key );
				}
			}
			parseContext.validation = { hubs: new Set( hubMap.keys() ) };
		} else if ( kind === 'coach' ) {
			for ( const u of updates ) {
				if ( u.action === 'coach' ) {
					coachSet.add( u.value.user );
				} else if ( u.action === 'remove' && storedByPage.get( u.page ) && classify( base, u.page ).kind === 'coach' ) {
					coachSet.delete( ( classify( base, u.page ) as { user: string } ).user );
				}
			}
		}
	}

	/**
	 * Judges each page's candidate revision, reading older revisions in batches (one request a
	 * round for up to 50, or 500, pages) until every page is decided.
	 *
	 * @param start The pages
	 * @param walked Pages whose older revisions were read, for the report
	 */
	async function walkBack( start: Pending[], walked: Set<string> ): Promise<void> {
		let pending = start;
		while ( pending.length ) {
			const needed = new Set<number>();
			for ( const p of pending ) {
				const candidate = typeof p.candidate === 'number' ? revisions.get( p.candidate ) : p.candidate;
				if ( !candidate ) {
					needed.add( p.candidate as number );
				} else if ( !p.known && candidate.parentid && !revisions.has( candidate.parentid ) ) {
					// Without an accepted record, the revision before is the baseline.
					needed.add( candidate.parentid );
				}
			}
			const missing = [ ...needed ].filter( ( id ) => !revisions.has( id ) );
			for ( const p of pending ) {
				if ( typeof p.candidate === 'number' || ( !p.known && p.candidate.parentid ) ) {
					walked.add( p.title );
				}
			}
			if ( missing.length ) {
				const before = client.requestCount;
				for ( const [ id, revision ] of await readRevisions( client, missing, batchSize ) ) {
					revisions.set( id, revision );
				}
				report.historyRequests += client.requestCount - before;
			}
			const next: Pending[] = [];
			for ( const p of pending ) {
				const outcome = decide( p );
				if ( outcome === 'continue' ) {
					next.push( p );
				}
			}
			pending = next;
		}
	}

	/**
	 * Judges the revisions after a page's accepted one in order, each change by the person who
	 * made it (judgeHistory). The newest revision alone needs no request; more than one are read
	 * for that page, at most maxWalkBack of them.
	 *
	 * @param p The page
	 * @param known Its accepted record
	 * @param walked Pages whose older revisions were read, for the report
	 * @return false when the history could not be read (the page is then judged by walkBack)
	 */
	async function judgeForward( p: Pending, known: Known, walked: Set<string> ): Promise<boolean> {
		let steps = [ p.newest ];
		let more = false;
		if ( p.newest.parentid !== known.revid ) {
			walked.add( p.title );
			const before = client.requestCount;
			try {
				const read = await revisionsAfter( client, p.title, known.revid, maxWalkBack, batchSize );
				steps = read.revisions;
				more = read.more;
			} catch ( error ) {
				steps = [];
				logger.warn( options.messages.text( 'capacitybuilding-bot-log-history-unreadable', p.title, known.revid,
					error instanceof Error ? error.message : String( error ) ), { page: p.title, revid: known.revid } );
			} finally {
				report.historyRequests += client.requestCount - before;
			}
			// Not a history that leads from the accepted revision to the newest.
			if ( !steps.length || ( !more && steps[ steps.length - 1 ]?.revid !== p.newest.revid ) ) {
				return false;
			}
		}
		const parsed = new Map<number, ParsedRevision>( steps.map( ( r ) => [ r.revid, parseCandidate( p, r ) ] ) );
		const outcome = judgeHistory( p.pageKind, known.content, steps.map( ( r ) => ( {
			revision: r, content: parsed.get( r.revid )?.content ?? null,
		} ) ), permissions );
		p.rejections = outcome.rejected;
		const last = outcome.accepted[ outcome.accepted.length - 1 ];
		for ( const step of outcome.accepted ) {
			if ( step !== last ) {
				recordStatusChange( p, step.revision, step.before, step.content );
			}
		}
		const newest = steps[ steps.length - 1 ] ?? p.newest;
		const extra: StoredProblem[] = [];
		if ( !parsed.get( newest.revid )?.content ) {
			// A page without its record now (blanked, template removed): keep what was accepted.
			extra.push( ...toStored( p.title, newest, parsed.get( newest.revid )?.problems ?? [], 'malformed' ) );
		}
		if ( more ) {
			extra.push( ...toStored( p.title, newest, [
				{ field: null, key: 'capacitybuilding-bot-sync-history-too-long', params: [ maxWalkBack ] },
			], 'rejected' ) );
		}
		if ( !last ) {
			finish( p, null, extra );
			return true;
		}
		finish( p, { revision: last.revision, content: last.content, baseline: last.before },
			[ ...toStored( p.title, last.revision, parsed.get( last.revision.revid )?.problems ?? [] ), ...extra ] );
		return true;
	}

	function parseCandidate( p: Pending, revision: Revision ): ParsedRevision {
		return revision.text === null ?
			{ content: null, problems: [ { field: null, key: 'capacitybuilding-bot-sync-content-hidden', params: [] } ] } :
			parseRevision( p.pageKind.kind, revision.text, parseContext );
	}

	function recordStatusChange( p: Pending, revision: Revision, before: Content | null, after: Content ): void {
		if ( after.kind !== 'request' || p.pageKind.kind !== 'request' || p.known?.revid === revision.revid ) {
			return;
		}
		const from = before?.kind === 'request' ? before.record.status : '';
		if ( from !== after.record.status ) {
			statusChanges.push( { requestNumber: p.pageKind.number, from, to: after.record.status, user: revision.user,
				at: revision.timestamp, revid: revision.revid } );
		}
	}

	/**
	 * Judges a page's current candidate revision; records the page's update when done.
	 *
	 * @param p The page
	 * @return 'continue' when an older revision must be judged next
	 */
	function decide( p: Pending ): 'done' | 'continue' {
		const candidate = typeof p.candidate === 'number' ? revisions.get( p.candidate ) : p.candidate;
		if ( !candidate ) {
			finish( p, null );
			return 'done';
		}
		const parsed = parseCandidate( p, candidate );
		if ( !parsed.content ) {
			// A page without its record (blanked, template removed): keep what was accepted.
			finish( p, null, toStored( p.title, candidate, parsed.problems, 'malformed' ) );
			return 'done';
		}
		let baseline: Content | null = p.known?.content ?? null;
		if ( !p.known && candidate.parentid ) {
			const parent = revisions.get( candidate.parentid );
			baseline = parent?.text ? parseRevision( p.pageKind.kind, parent.text, parseContext ).content : null;
		}
		const decision = p.known?.revid === candidate.revid ?
			{ allowed: true as const } :
			judge( p.pageKind, baseline, parsed.content, candidate.user, permissions );
		if ( decision.allowed ) {
			finish( p, { revision: candidate, content: parsed.content, baseline }, toStored( p.title, candidate,
				parsed.problems ) );
			return 'done';
		}
		if ( !p.rejections.length ) {
			p.rejections.push( { revision: candidate, reason: decision.reason } );
		}
		const end = candidate.parentid === 0 || candidate.parentid === p.known?.revid || p.rounds >= maxWalkBack;
		if ( end ) {
			const tooLong = p.rounds >= maxWalkBack && candidate.parentid !== 0 &&
				candidate.parentid !== p.known?.revid;
			finish( p, null, tooLong ? toStored( p.title, candidate, [
				{ field: null, key: 'capacitybuilding-bot-sync-history-too-long', params: [ maxWalkBack ] },
			], 'rejected' ) : [] );
			return 'done';
		}
		p.candidate = candidate.parentid;
		p.rounds++;
		return 'continue';
	}

	function finish( p: Pending, accepted: { revision: Revision; content: Content; baseline: Content | null } | null,
		extra: StoredProblem[] = [] ): void {
		const problems: StoredProblem[] = [];
		for ( const { revision: rejected, reason } of p.rejections ) {
			report.rejected++;
			const m = options.messages;
			logger.warn( m.text( 'capacitybuilding-bot-log-rejected', p.title, rejected.revid, rejected.user, m.problem( reason ) ),
				{ page: p.title, revid: rejected.revid, user: rejected.user, reason: reason.key } );
			problems.push( ...toStored( p.title, rejected, [ reason ], 'rejected' ) );
		}
		if ( !accepted ) {
			// Keep the accepted record and what was wrong with it.
			const old = ( problemsByPage.get( p.title ) ?? [] ).filter( ( x ) => x.kind !== 'rejected' && x.revid === p.known?.revid );
			updates.push( { page: p.title, action: p.known ? 'keep' : 'remove', problems: [ ...problems, ...extra, ...old ] } );
			return;
		}
		problems.push( ...extra );
		const { revision, content } = accepted;
		if ( p.known?.revid !== revision.revid ) {
			report.changed++;
		}
		const common = { page: p.title, revid: revision.revid, updated: revision.timestamp };
		recordStatusChange( p, revision, accepted.baseline, content );
		if ( content.kind === 'request' && p.pageKind.kind === 'request' ) {
			const number = p.pageKind.number;
			updates.push( { page: p.title, action: 'request', problems, value: { ...common, number, record: content.record, feedback: content.feedback } } );
		} else if ( content.kind === 'coach' && p.pageKind.kind === 'coach' ) {
			updates.push( { page: p.title, action: 'coach', problems, value: { ...common, user: p.pageKind.user, record: content.record } } );
		} else if ( content.kind === 'hub' && p.pageKind.kind === 'hub' ) {
			updates.push( { page: p.title, action: 'hub', problems, value: { ...common, key: p.pageKind.key, record: content.record } } );
		}
	}

	// 4. Store everything, cursor included, at once.
	await store.apply( {
		updates, statusChanges, cursor, full, config: JSON.stringify( config ), finished: new Date().toISOString(),
	} );
	report.problems = ( await store.problems() ).length;
	report.requests = client.requestCount - startRequests;
	return report;
}
