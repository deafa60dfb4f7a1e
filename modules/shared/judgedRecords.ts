/**
 * Reading record pages (requests, coach profiles, hubs) as the one judge sees them: every view that
 * shows a record uses this, never a page's current text (docs/data-model.md, "Judging").
 *
 * A view starts from the last published accepted record — the revision the bot's index names for
 * the page (`revid` of its entry) — and judges, with the core's judgeView and the rules the bot
 * uses, only the revisions made after it: one API request reads that revision and those after it
 * (`rvstartid`, oldest first, with content, author, time and edit summary), never the whole history.
 * A page the index does not list yet (new since the last publish, or no index at all) is judged from
 * its first revision, read the same way. One request reads at most HISTORY_LIMIT revisions (what the
 * API gives with content: 50, or 500 with `apihighlimits`); revisions beyond those are not judged,
 * not shown, and the view says that they await checking (`unchecked`).
 *
 * What a view then shows: the last accepted revision (`record`); the revisions after it that are
 * not accepted (`pending`: the view says a newer edit awaits checking, and why); and the accepted
 * status changes among the revisions it judged. `judgeSave` judges a change the reader is about to
 * save the same way, so a save never carries a change the judge does not accept.
 *
 * Generic over the kind of record: the request page, the coach profile page and (issue 14) the hub
 * page use `loadJudgedRecord`; lists that show many records (the coach directory) find the records
 * edited since the index was published in one request (`findRecentlyEdited`: recent changes) and
 * judge them with their new revisions read batched by revision id (`judgeEdited`).
 */
import { normalizeTitle } from '../core/pages';
import {
	judgeView, type AcceptedStatusChange, type RecordContent as Content, type PendingRevision, type RecordPageKind,
	type ViewInput,
	type ViewRevision,
} from '../core/judge';
import { problem, type Problem } from '../core/messages';
import type { PermissionContext } from '../core/permissions';
import type { ValidationContext } from '../core/validation';
import { SaveFailure } from './apiErrors';
import { namespaced } from './recordPages';
import type { LoadedRecordPage } from './recordSave';

/** Revisions one request reads: the API's maximum with content (50, or 500 with apihighlimits). */
export const HISTORY_LIMIT = 'max';

/** Revision ids one request reads by id (the API's limit without apihighlimits). */
const REVIDS_PER_REQUEST = 50;

type ApiRevision = {
	revid: number;
	parentid?: number;
	user?: string;
	timestamp: string;
	comment?: string;
	slots?: { main?: { content?: string } };
};

type RevisionsResponse = {
	curtimestamp?: string;
	query?: {
		pages?: {
			title: string; missing?: boolean; invalid?: boolean; lastrevid?: number; revisions?: ApiRevision[];
		}[];
		badrevids?: unknown;
	};
	continue?: Record<string, string>;
};

const REVISION_PROPS = [ 'ids', 'user', 'timestamp', 'comment', 'content' ];

/** A revision as judging needs it: hidden author, summary or text read as '' / '' / null. */
function viewRevision( revision: ApiRevision ): ViewRevision {
	return {
		revid: revision.revid,
		user: revision.user ?? '',
		timestamp: revision.timestamp,
		comment: revision.comment ?? '',
		text: revision.slots?.main?.content ?? null,
	};
}

export interface PageRevisions {
	title: string;
	missing: boolean;
	/** The page's latest revision id (0 when missing). */
	lastRevid: number;
	/** The revisions read, oldest first: from `from` (itself included) when given, else from the first. */
	revisions: ViewRevision[];
	/** The page has revisions after the last one read (beyond what one request reads). */
	more: boolean;
	/** When the page was read (a later edit's `starttimestamp`). */
	startTimestamp: string;
}

/**
 * A page's revisions from one revision on (or from its first), oldest first, in one request.
 *
 * @param api
 * @param title
 * @param from The first revision to read (the published one); null: the page's first revision
 * @throws {string} The API's error code when it refuses (`nosuchrevid`: `from` no longer exists)
 */
export async function readRevisions( api: mw.Api, title: string, from: number | null ): Promise<PageRevisions> {
	const response = await api.get( {
		action: 'query', titles: title, prop: [ 'revisions', 'info' ], rvprop: REVISION_PROPS, rvslots: 'main',
		rvdir: 'newer', rvlimit: HISTORY_LIMIT, ...( from ? { rvstartid: from } : {} ), curtimestamp: true, formatversion: 2,
	} ) as RevisionsResponse;
	const page = response.query?.pages?.[ 0 ];
	return {
		title: page?.title ?? title,
		missing: !page || !!page.missing || !!page.invalid,
		lastRevid: page?.lastrevid ?? 0,
		revisions: ( page?.revisions ?? [] ).map( viewRevision ),
		more: !!response.continue?.rvcontinue,
		startTimestamp: response.curtimestamp ?? '',
	};
}

/** The roles to judge with, for the authors of the revisions to judge (see roles.ts). */
export interface JudgingRoles {
	permissions: PermissionContext;
	/** What validation checks against (hub keys); values only decide problems, never acceptance. */
	validation?: ValidationContext;
}

export type RolesFor = ( authors: ReadonlySet<string> ) => Promise<JudgingRoles>;

export interface JudgedRecord {
	title: string;
	page: RecordPageKind;
	/**
	 * The record to show: the last accepted revision, with what is wrong with its values; null when
	 * no revision read is accepted (a new page whose creation was not allowed, a blanked page).
	 */
	record: { revid: number; timestamp: string; content: Content; problems: Problem[] } | null;
	/** The published revision judging started from; null when it started from the page's first revision. */
	startedFrom: number | null;
	/** The index names a revision that could not be read (deleted, hidden): judged from the first revision instead. */
	publishedUnreadable: boolean;
	/** Whether the record shown is newer than the published one (accepted by the same rules). */
	newerThanPublished: boolean;
	/** Revisions after the record shown that are not accepted, oldest first: they await checking. */
	pending: PendingRevision[];
	/** The page has more revisions than were read: those are not judged and not shown. */
	unchecked: boolean;
	/** Accepted status changes among the revisions judged (with the creation when judged from the first). */
	statusChanges: AcceptedStatusChange[];
	/** The page's latest revision, which the next edit is based on (its text null when hidden or not read). */
	latest: { revid: number; timestamp: string; text: string | null };
	/** When the page was read (`starttimestamp` of the next edit). */
	startTimestamp: string;
	/** What was judged: judgeSave judges a save on top of it. */
	input: ViewInput;
}

export interface RecordSource {
	title: string;
	page: RecordPageKind;
	/** The accepted revision the published index names for the page; null when it does not list the page. */
	published: number | null;
}

function judged( source: RecordSource, read: PageRevisions, published: ViewRevision | null,
	publishedUnreadable: boolean, roles: JudgingRoles ): JudgedRecord {
	const after = published ? read.revisions.slice( 1 ) : read.revisions;
	const input: ViewInput = {
		page: source.page,
		published: published ? { revid: published.revid, text: published.text as string } : null,
		revisions: after,
		context: roles.permissions,
		parse: { codec: {}, validation: roles.validation ?? {} },
	};
	const outcome = judgeView( input );
	const timestamps = new Map( read.revisions.map( ( r ) => [ r.revid, r.timestamp ] ) );
	const last = read.revisions[ read.revisions.length - 1 ];
	return {
		title: read.title,
		page: source.page,
		record: outcome.record ? { ...outcome.record, timestamp: timestamps.get( outcome.record.revid ) ?? '' } : null,
		startedFrom: published?.revid ?? null,
		publishedUnreadable,
		newerThanPublished: outcome.newerThanPublished,
		pending: outcome.pending,
		unchecked: read.more,
		statusChanges: outcome.statusChanges,
		latest: read.more || !last ? { revid: read.lastRevid, timestamp: '', text: null } :
			{ revid: last.revid, timestamp: last.timestamp, text: last.text },
		startTimestamp: read.startTimestamp,
		input,
	};
}

/**
 * A record page as the judge has it: the published accepted revision judged forward through the
 * revisions made after it (one request for the revisions, then the roles for their authors).
 *
 * @param api
 * @param source The page, its kind, and the revision the published index names (or null)
 * @param rolesFor The roles to judge with, given the authors of the revisions to judge
 * @return The judged record; null when the page does not exist
 */
export async function loadJudgedRecord( api: mw.Api, source: RecordSource,
	rolesFor: RolesFor ): Promise<JudgedRecord | null> {
	let read: PageRevisions | null = null;
	let publishedUnreadable = false;
	if ( source.published !== null ) {
		try {
			read = await readRevisions( api, source.title, source.published );
		} catch ( error ) {
			// The published revision no longer exists (deleted with its page): judge from the first.
			if ( error !== 'nosuchrevid' ) {
				throw error;
			}
		}
		const first = read?.revisions[ 0 ];
		if ( read && ( !first || first.revid !== source.published || first.text === null ) && !read.missing ) {
			read = null;
		}
		publishedUnreadable = read === null;
	}
	read ??= await readRevisions( api, source.title, null );
	if ( read.missing ) {
		return null;
	}
	const published = publishedUnreadable || source.published === null ? null : read.revisions[ 0 ] ?? null;
	const authors = new Set( ( published ? read.revisions.slice( 1 ) : read.revisions ).map( ( r ) => r.user ) );
	return judged( source, read, published, publishedUnreadable, await rolesFor( authors ) );
}

/** A change a reader is about to save, judged like the revisions before it. */
export type SaveJudgement = { accepted: true } | { accepted: false; reason: Problem };

/**
 * Whether a revision by `user` holding `text`, saved on top of the page's latest revision, would be
 * accepted by the judge (and so become the record): the same judging as the view's, with one more
 * revision. A save on a page with revisions the view did not read cannot be judged, and is refused.
 *
 * @param record The judged page
 * @param text The whole page as it would be saved
 * @param user Who saves it
 * @param context The roles (with the saving user's)
 */
export function judgeSave( record: JudgedRecord, text: string, user: string,
	context: PermissionContext ): SaveJudgement {
	if ( record.unchecked ) {
		return { accepted: false, reason: problem( null, 'capacitybuilding-judged-save-unchecked' ) };
	}
	const revid = Math.max( record.latest.revid, ...record.input.revisions.map( ( r ) => r.revid ) ) + 1;
	const outcome = judgeView( { ...record.input, context, revisions: [
		...record.input.revisions, { revid, user, timestamp: new Date().toISOString(), comment: '', text },
	] } );
	if ( outcome.record?.revid === revid ) {
		return { accepted: true };
	}
	const mine = outcome.pending.find( ( p ) => p.revid === revid );
	return { accepted: false, reason: mine?.reason ?? problem( null, 'capacitybuilding-judged-save-unchecked' ) };
}

/** A record page edited after an index was published, as recent changes list it. */
export interface EditedPage {
	title: string;
	page: RecordPageKind;
	/** Its changes since, oldest first (`old`: the revision before; 0 for a page's creation). */
	changes: { revid: number; old: number; type: string }[];
}

type RecentChangesResponse = {
	query?: { recentchanges?: { type: string; title: string; revid: number; old_revid: number; timestamp: string }[] };
	continue?: Record<string, string>;
};

/** Recent changes read at most (500 each): beyond them, records edited earlier are not found. */
const RECENT_CHANGE_REQUESTS = 2;

export interface RecentlyEdited {
	/** The record pages edited (or created) since, the most recently edited first. */
	pages: EditedPage[];
	/** Recent changes went further back than were read: some edited records may not be found. */
	incomplete: boolean;
}

/**
 * The record pages of one kind edited (or created) since an index was published: the recent
 * changes of the base page's namespace since `since` (inclusive), most often one request.
 *
 * @param api
 * @param base The base page
 * @param since The index's `generated` (the newest accepted revision's time it holds; '' for none)
 * @param kindOf The record page kind of a title, or null for pages of no interest
 */
export async function findRecentlyEdited( api: mw.Api, base: string, since: string,
	kindOf: ( title: string ) => RecordPageKind | null ): Promise<RecentlyEdited> {
	const { namespace } = namespaced( base );
	const edited = new Map<string, EditedPage>();
	let read = 0;
	let next: Record<string, string> | undefined = {};
	while ( next && read < RECENT_CHANGE_REQUESTS ) {
		const response = await api.get( {
			action: 'query', list: 'recentchanges', rcnamespace: namespace, ...( since ? { rcend: since } : {} ), rcdir: 'older',
			rctype: [ 'edit', 'new' ], rcprop: [ 'title', 'ids', 'timestamp' ], rclimit: 'max', formatversion: 2, ...next,
		} ) as RecentChangesResponse;
		read++;
		for ( const change of response.query?.recentchanges ?? [] ) {
			const title = normalizeTitle( change.title );
			const page = kindOf( title );
			if ( !page ) {
				continue;
			}
			const entry = edited.get( title ) ?? { title, page, changes: [] };
			entry.changes.unshift( { revid: change.revid, old: change.old_revid, type: change.type } );
			edited.set( title, entry );
		}
		next = response.continue;
	}
	return { pages: [ ...edited.values() ], incomplete: !!next };
}

export interface JudgedEdits {
	/** Each page judged (pages that no longer exist are left out). */
	judged: JudgedRecord[];
	/** Edited pages that were not judged (beyond the cap): their newer edits await checking. */
	notJudged: string[];
}

/**
 * Judges record pages edited since an index was published (findRecentlyEdited), each from the
 * revision the index names for it (or from its first revision when the index does not list it):
 * their revisions are read by revision id, 50 a request, for all of them at once. A page whose recent
 * changes do not join up with its published revision (an edit too old for recent changes, a page
 * move's null revision, an import) has its revisions read on its own, as loadJudgedRecord does. At
 * most `cap` pages are judged, the most recently edited first; the rest are named in `notJudged`.
 *
 * @param api
 * @param edited The pages, from findRecentlyEdited
 * @param publishedOf The revision the index names for a page (null when it does not list it)
 * @param rolesFor The roles for the authors of the revisions to judge
 * @param cap How many pages to judge at most
 */
export async function judgeEdited( api: mw.Api, edited: readonly EditedPage[],
	publishedOf: ( page: RecordPageKind ) => number | null,
	rolesFor: RolesFor, cap: number ): Promise<JudgedEdits> {
	// Only revisions after the published one count (recent changes from `since` on may include it).
	const candidates = edited.map( ( entry ) => {
		const published = publishedOf( entry.page );
		const after = entry.changes.filter( ( c ) => published === null || c.revid > published );
		return { ...entry, published, changes: after };
	} ).filter( ( entry ) => entry.changes.length > 0 );
	const chosen = candidates.slice( 0, cap );
	const notJudged = candidates.slice( cap ).map( ( entry ) => entry.title );

	// Pages whose changes join up with their published revision (or their creation): every revision is known by id.
	const joins = ( entry: typeof chosen[ number ] ): boolean => entry.changes.every( ( change, i ) => {
		const before = i === 0 ? entry.published : ( entry.changes[ i - 1 ] as { revid: number } ).revid;
		return before === null ? change.type === 'new' && change.old === 0 : change.old === before;
	} );
	const wantedOf = ( entry: typeof chosen[ number ] ): number[] => [
		...( entry.published ? [ entry.published ] : [] ),
		...entry.changes.map( ( c ) => c.revid ) ];
	const ids = chosen.filter( joins ).flatMap( wantedOf );
	const revisions = new Map<number, ViewRevision>();
	const batches: number[][] = [];
	for ( let i = 0; i < ids.length; i += REVIDS_PER_REQUEST ) {
		batches.push( ids.slice( i, i + REVIDS_PER_REQUEST ) );
	}
	await Promise.all( batches.map( async ( batch ) => {
		const response = await api.get( {
			action: 'query', revids: batch, prop: 'revisions', rvprop: REVISION_PROPS, rvslots: 'main', formatversion: 2,
		} ) as RevisionsResponse;
		for ( const page of response.query?.pages ?? [] ) {
			for ( const revision of page.revisions ?? [] ) {
				revisions.set( revision.revid, viewRevision( revision ) );
			}
		}
	} ) );

	const results = await Promise.all( chosen.map( async ( entry ): Promise<JudgedRecord | null> => {
		const source: RecordSource = { title: entry.title, page: entry.page, published: entry.published };
		const wanted = wantedOf( entry );
		const found = wanted.map( ( id ) => revisions.get( id ) );
		if ( joins( entry ) && found.every( Boolean ) && ( entry.published === null || found[ 0 ]?.text !== null ) ) {
			const read: PageRevisions = {
				title: entry.title, missing: false, lastRevid: wanted[ wanted.length - 1 ] as number,
				revisions: found as ViewRevision[], more: false, startTimestamp: '',
			};
			const published = entry.published === null ? null : read.revisions[ 0 ] as ViewRevision;
			const after = published ? read.revisions.slice( 1 ) : read.revisions;
			return judged( source, read, published, false, await rolesFor( new Set( after.map( ( r ) => r.user ) ) ) );
		}
		return loadJudgedRecord( api, source, rolesFor );
	} ) );
	return { judged: results.filter( ( result ): result is JudgedRecord => result !== null ), notJudged };
}

/**
 * A judged record page as the save layer takes it (recordSave.ts LoadedRecordPage): the judged
 * record on top of the latest revision's text and id. An edit then rewrites the template block of
 * the latest revision with the judged record and the user's change, with the latest revision as its
 * base: the fields a newer edit changed without being accepted go back to their accepted values, the
 * rest of the page (discussion, feedback) stays as it is, and an edit saved meanwhile is never
 * overwritten unseen (an edit conflict reads the page again). `saveCheck` then refuses a result the
 * judge would not accept — e.g. one that would carry a change outside the template block that was
 * not accepted, such as someone's feedback altered by someone else. Record null (nothing to edit)
 * when the latest revision's text is hidden or was not read, and when no revision is accepted
 * (unless the caller gives the record to start from then: a coach's own profile page that someone
 * else created is the coach's to write, over the template block that is there).
 *
 * @param record The judged page
 * @param empty The record to start from when no revision is accepted (none: nothing to edit)
 */
export function editablePage<R>( record: JudgedRecord, empty?: R ): LoadedRecordPage<R> {
	const text = record.latest.text;
	const start = record.record ? record.record.content.record as R : empty ?? null;
	return {
		title: record.title,
		record: text === null || record.unchecked ? null : start,
		text: text ?? '',
		revid: record.latest.revid,
		timestamp: record.latest.timestamp,
		startTimestamp: record.startTimestamp,
	};
}

/**
 * The save layer's `check` for a judged page: refuses (SaveFailure `notaccepted`, with the judge's
 * reason in the reader's language) a page text the judge would not accept from `user`.
 *
 * @param record The judged page the save is based on
 * @param user Who saves
 * @param context The roles (with the saving user's)
 */
export function saveCheck( record: JudgedRecord, user: string, context: PermissionContext ): ( text: string ) => void {
	return ( text ) => {
		const judgement = judgeSave( record, text, user, context );
		if ( !judgement.accepted ) {
			const reason = mw.message( judgement.reason.key, ...judgement.reason.params.map( String ) ).text();
			throw new SaveFailure( { code: 'notaccepted', key: 'capacitybuilding-save-error-not-accepted', params: [ reason ], recovery: 'none' } );
		}
	};
}
