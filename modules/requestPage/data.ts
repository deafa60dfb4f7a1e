/**
 * Everything a request page shows, read from the wiki and judged (docs/data-model.md, "Judging"):
 * the request as the judge accepts it — the revision the bot's index `<base>/Requests.json` names
 * for it, judged forward through the revisions made since (shared/judgedRecords.ts) — never the
 * page's current text; its one status history, the accepted one (the index entry's history and the
 * accepted changes made since); the newer edits that await checking; and who is who around it (the
 * configuration, the accepted hubs, who of the people concerned has a coach profile: shared/roles.ts)
 * and the topics taxonomy (to name the request's topics in the reader's language).
 */
import type { CapacityConfig } from '../core/config';
import { acceptedHistory, type StatusHistory } from '../core/history';
import type { EntryOf, IndexName, RequestEntry } from '../core/indexes';
import type { PendingRevision } from '../core/judge';
import type { CapacityRequest, Hub } from '../core/model';
import { problem as problemOf, type Problem } from '../core/messages';
import type { PermissionContext } from '../core/permissions';
import { requestNumber } from '../core/pages';
import type { TopicIndex } from '../core/taxonomy';
import { loadEntry, loadJudgedPage } from '../shared/judgedPages';
import { editablePage, type JudgedRecord } from '../shared/judgedRecords';
import { RolesLoader, type Roles } from '../shared/roles';
import { loadTaxonomy } from '../shared/siteData';

/** The request as the judge has it. */
export interface RequestState {
	title: string;
	/** The latest revision: the base revision of the next edit. */
	revid: number;
	/** Its timestamp. */
	timestamp: string;
	/** The latest revision's text: an action rewrites its template block only ('' when unreadable). */
	content: string;
	/** The record shown: the last accepted revision's. */
	record: CapacityRequest;
	/** The revision the record shown is from. */
	recordRevid: number;
	/** Problems of the record shown (unknown parameters, markup in values, invalid values…). */
	diagnostics: Problem[];
	/** The accepted status history. */
	history: StatusHistory;
	/** Newer revisions that are not accepted (by the rules as the view knows them): they await checking. */
	pending: PendingRevision[];
	/** The page has more newer revisions than the view reads: they await checking too. */
	unchecked: boolean;
	/**
	 * Whether an action can be saved on top of the page: its latest revision and every revision
	 * before it back to the record shown were read (actions are not offered otherwise).
	 */
	editable: boolean;
	/** What was judged: an action's save is judged on top of it. */
	judged: JudgedRecord;
	/** The request's entry in the published index (null when not listed), kept for judging again. */
	entry: RequestEntry | null;
}

/** Who is who around the request. */
export interface RequestContext {
	config: CapacityConfig;
	hubs: Map<string, Hub>;
	/** Hub pages that could not be read (shown, so a broken hub page does not go unnoticed). */
	unreadableHubs: string[];
	/** The roles of the reader (configuration, hubs, whether the reader is a coach). */
	permissions: PermissionContext;
	/** Hubs a request can be triaged to, by name. */
	hubKeys: string[];
	/** The topics taxonomy's index (empty when Topics.json is missing or invalid). */
	topics: TopicIndex;
	/** Problems of the configuration or of the taxonomy, shown as warnings. */
	siteProblems: Problem[];
	/** The roles this view judges with (read once; judging again after a save reuses them). */
	roles: Roles;
	/** The reader ('' when logged out). */
	user: string;
}

/** The base page a request page's title lives under, or null when it is no request page. */
export function basePageOf( title: string ): string | null {
	const match = /^(.+)\/Requests\/R[1-9]\d*$/.exec( title.replace( /_/g, ' ' ) );
	return match ? match[ 1 ] as string : null;
}

export class RequestPageError extends Error {
	public constructor( public readonly problem: Problem ) {
		super( problem.key );
	}
}

/**
 * The request as the judge has it: its index entry (the manifest and one part), the revisions after
 * the entry's revision (one request), and the roles of their authors.
 *
 * @param api
 * @param title The request page
 * @param context The view's roles and reader
 * @param entryRead The request's index entry, when already being read
 * @throws {RequestPageError} when the page is missing, or holds no request that may be shown
 */
export async function loadRequestState( api: mw.Api, title: string, context: Pick<RequestContext, 'roles' | 'user'>,
	entryRead?: Promise<EntryOf[ IndexName ] | null> ): Promise<RequestState> {
	const base = context.roles.base;
	const number = requestNumber( base, title );
	if ( number === null ) {
		throw new RequestPageError( problemOf( null, 'capacitybuilding-requestpage-error-missing', title ) );
	}
	const page = { kind: 'request' as const, number };
	const { entry, judged } = await loadJudgedPage( api, {
		title, page, roles: context.roles, reader: context.user, ...( entryRead ? { entry: entryRead } : {} ),
	} ) as { entry: RequestEntry | null; judged: JudgedRecord | null };
	if ( !judged ) {
		throw new RequestPageError( problemOf( null, 'capacitybuilding-requestpage-error-missing', title ) );
	}
	const shown = judged.record;
	if ( !shown || shown.content.kind !== 'request' ) {
		const rejected = judged.pending.find( ( p ) => p.kind === 'rejected' );
		if ( !rejected ) {
			throw new RequestPageError( problemOf( null, 'capacitybuilding-requestpage-error-no-template', title ) );
		}
		const why = mw.message( rejected.reason.key, ...rejected.reason.params.map( String ) ).text();
		throw new RequestPageError( problemOf( null, 'capacitybuilding-requestpage-error-not-accepted', why ) );
	}
	const fromPublished = judged.startedFrom !== null && entry !== null;
	return {
		title,
		revid: judged.latest.revid,
		timestamp: judged.latest.timestamp,
		content: judged.latest.text ?? '',
		record: shown.content.record,
		recordRevid: shown.revid,
		diagnostics: shown.problems,
		history: acceptedHistory( fromPublished ? entry?.history ?? [] : [], judged.statusChanges,
			fromPublished && !!entry?.cut?.includes( 'history' ) ),
		pending: judged.pending,
		unchecked: judged.unchecked,
		editable: editablePage( judged ).record !== null,
		judged,
		entry,
	};
}

/**
 * Configuration, hubs, whether the reader is a coach, and topics, read in parallel.
 *
 * @param api
 * @param base
 * @param user The reader ('' when logged out)
 * @param roles The view's roles loader
 */
export async function loadRequestContext( api: mw.Api, base: string, user: string,
	roles: Roles = new RolesLoader( api, base ) ): Promise<RequestContext> {
	const [ site, permissions, taxonomy ] = await Promise.all( [
		roles.siteRoles(), roles.context( user ? [ user ] : [] ), loadTaxonomy( api, base ),
	] );
	return {
		config: site.config, hubs: site.hubs, unreadableHubs: site.unreadableHubs,
		topics: taxonomy.index, siteProblems: [ ...site.configProblems, ...taxonomy.problems ],
		permissions,
		hubKeys: [ ...site.hubs.keys() ].sort(),
		roles,
		user,
	};
}

/**
 * A request page's state and context, read in parallel (the request's index entry, the roles, the
 * topics), then the revisions since the entry and the roles of their authors.
 *
 * @param api
 * @param title
 * @param base
 * @param user The reader ('' when logged out)
 */
export async function loadRequestPage( api: mw.Api, title: string, base: string,
	user: string ): Promise<{ state: RequestState; context: RequestContext }> {
	const roles = new RolesLoader( api, base );
	const number = requestNumber( base, title );
	const [ state, context ] = await Promise.all( [
		loadRequestState( api, title, { roles, user }, number === null ? undefined : loadEntry( api, base, { kind: 'request', number } ) ),
		loadRequestContext( api, base, user, roles ),
	] );
	return { state, context };
}
