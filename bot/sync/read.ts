/**
 * Reading the wiki for a sync, always in batches and never one request per page:
 * - every page under the base: `generator=allpages` with the newest revision's content, 50 pages a
 *   request (500 with `apihighlimits`), through mwn's continuedQueryGen;
 * - given titles or given revision ids: 50 (500) a request;
 * - one page's revisions in order, after a given one or from its first (pageHistory; history.ts
 *   decides when that beats reading older revisions by id across pages);
 * - recent changes since a cursor, with the move log (moves into the base from other namespaces)
 *   and the configuration page's new revisions read in the same request, so a sync with nothing
 *   to do costs exactly one request.
 */
import { MwnError, type ApiParams, type ApiResponse } from 'mwn';
import { CONFIG_PAGE } from '../../modules/core/config';
import type { ConfigRevision, Cursor } from '../store';
import type { WikiClient } from '../wiki';

export interface Revision {
	title: string;
	revid: number;
	/** 0 for the page's first revision. */
	parentid: number;
	timestamp: string;
	/** Empty when the author is hidden (revision deletion). */
	user: string;
	/** The edit summary; empty when hidden (revision deletion) or none was given. */
	comment: string;
	/** null when the content is hidden or could not be read. */
	text: string | null;
}

export interface PageRead {
	title: string;
	/** The page does not exist (deleted, moved away without redirect, never created). */
	missing: boolean;
	redirect: boolean;
	latest: Revision | null;
}

const REVISION_PROPS = [ 'ids', 'timestamp', 'user', 'comment', 'content' ];

type RawRevision = {
	revid: number; parentid?: number; timestamp: string; user?: string; userhidden?: boolean;
	comment?: string; commenthidden?: boolean;
	slots?: { main?: { content?: string; texthidden?: boolean } };
};
type RawPage = { title: string; missing?: boolean; invalid?: boolean; redirect?: boolean; revisions?: RawRevision[] };

function toRevision( title: string, raw: RawRevision ): Revision {
	const main = raw.slots?.main;
	return {
		title,
		revid: raw.revid,
		parentid: raw.parentid ?? 0,
		timestamp: raw.timestamp,
		user: raw.userhidden ? '' : raw.user ?? '',
		comment: raw.commenthidden ? '' : raw.comment ?? '',
		text: main && !main.texthidden && typeof main.content === 'string' ? main.content : null,
	};
}

function pagesOf( response: ApiResponse ): RawPage[] {
	return ( response.query?.pages ?? [] ) as RawPage[];
}

/** The namespace number and the title within it of the base page, as the wiki sees them. */
export function baseLocation( client: WikiClient, base: string ): { namespace: number; prefix: string } {
	const title = new client.mwn.Title( base );
	return { namespace: title.getNamespaceId(), prefix: `${ title.getMainText() }/` };
}

/**
 * Every page under the base with its newest revision, batch by batch.
 *
 * @param client The wiki
 * @param base The base page
 * @param batchSize Pages a request (50, or 500 with apihighlimits)
 * @yield Pages, as each batch arrives
 */
export async function* allPagesUnder( client: WikiClient, base: string,
	batchSize: number ): AsyncGenerator<PageRead[]> {
	const { namespace, prefix } = baseLocation( client, base );
	const query: ApiParams = {
		action: 'query', generator: 'allpages', gapnamespace: namespace, gapprefix: prefix, gaplimit: batchSize,
		prop: [ 'info', 'revisions' ], rvprop: REVISION_PROPS, rvslots: 'main',
	};
	for await ( const response of client.mwn.continuedQueryGen( query ) ) {
		// A batch too big for one response continues with the same pages (rvcontinue); pages
		// whose content has not come yet come in the continuation.
		yield pagesOf( response ).filter( ( page ) => page.revisions?.length ).map( ( page ) => ( {
			title: page.title,
			missing: false,
			redirect: Boolean( page.redirect ),
			latest: toRevision( page.title, page.revisions?.[ 0 ] as RawRevision ),
		} ) );
	}
}

async function batched( client: WikiClient, field: 'titles' | 'revids', values: string[] | number[], batchSize: number,
	params: ApiParams ): Promise<RawPage[]> {
	const pages: RawPage[] = [];
	for ( let i = 0; i < values.length; i += batchSize ) {
		for await ( const response of client.mwn.continuedQueryGen( { ...params, [ field ]: values.slice( i,
			i + batchSize ) } as ApiParams ) ) {
			pages.push( ...pagesOf( response ) );
		}
	}
	return pages;
}

/** The current state of the given pages. */
export async function readTitles( client: WikiClient, titles: string[], batchSize: number ): Promise<Map<string,
	PageRead>> {
	const found = new Map<string, PageRead>();
	const raw = await batched( client, 'titles', titles, batchSize, {
		action: 'query', prop: [ 'info', 'revisions' ], rvprop: REVISION_PROPS, rvslots: 'main',
	} );
	for ( const page of raw ) {
		const revision = page.revisions?.[ 0 ];
		const previous = found.get( page.title );
		if ( previous?.latest && !revision ) {
			continue;
		}
		found.set( page.title, {
			title: page.title,
			missing: Boolean( page.missing || page.invalid ),
			redirect: Boolean( page.redirect ),
			latest: revision ? toRevision( page.title, revision ) : null,
		} );
	}
	return found;
}

/** Given revisions (of any pages), by revision id. */
export async function readRevisions( client: WikiClient, revids: number[], batchSize: number ): Promise<Map<number,
	Revision>> {
	const found = new Map<number, Revision>();
	const raw = await batched( client, 'revids', revids, batchSize, {
		action: 'query', prop: 'revisions', rvprop: REVISION_PROPS, rvslots: 'main',
	} );
	for ( const page of raw ) {
		for ( const revision of page.revisions ?? [] ) {
			found.set( revision.revid, toRevision( page.title, revision ) );
		}
	}
	return found;
}

/** A page's revisions in order, as pageHistory reads them. */
export interface PageHistory {
	/** Oldest first. */
	revisions: Revision[];
	/** There are more after these (the read stopped at `max`). */
	more: boolean;
	/** `after` is not a revision of the page (its history was changed): these are from its first revision. */
	rebased: boolean;
}

function isBadStart( error: unknown ): boolean {
	return error instanceof MwnError && /badid|nosuchrevid/i.test( String( error.code ) );
}

/**
 * A page's revisions in history order after a given one (`after`; 0: from the page's first
 * revision), up to `max` of them, stopping early at `until` (a revision already read, included).
 * `prop=revisions` with `rvdir=newer` works on one page a request, so this is for pages with many
 * revisions to read (history.ts), and continues (through mwn's continuedQueryGen) only while it
 * needs more.
 *
 * @param client The wiki
 * @param title The page
 * @param options How to read
 * @param options.after The revision to read after (0: from the first)
 * @param options.max How many revisions to return at most
 * @param options.batchSize Revisions with content a request (50, or 500 with apihighlimits)
 * @param [options.until] A revision already read, where reading can stop (it is included)
 */
export async function pageHistory( client: WikiClient, title: string,
	options: { after: number; max: number; batchSize: number; until?: number } ): Promise<PageHistory> {
	const { after, max, batchSize, until } = options;
	const revisions: Revision[] = [];
	const query: ApiParams = {
		action: 'query', titles: title, prop: 'revisions', rvprop: REVISION_PROPS, rvslots: 'main', rvdir: 'newer',
		// rvstartid is inclusive: one more for that revision, one more to tell whether there are more.
		...( after ? { rvstartid: after } : {} ), rvlimit: Math.min( max + 2, batchSize ),
	};
	let sawAfter = !after;
	try {
		reading: for await ( const response of client.mwn.continuedQueryGen( query ) ) {
			for ( const page of pagesOf( response ) ) {
				for ( const raw of page.revisions ?? [] ) {
					sawAfter ||= raw.revid === after;
					if ( raw.revid > after ) {
						revisions.push( toRevision( page.title, raw ) );
					}
					if ( revisions.length > max || ( until !== undefined && raw.revid === until ) ) {
						break reading;
					}
				}
			}
		}
	} catch ( error ) {
		if ( after && isBadStart( error ) ) {
			return { ...await pageHistory( client, title, { ...options, after: 0 } ), rebased: true };
		}
		throw error;
	}
	if ( !sawAfter ) {
		return { ...await pageHistory( client, title, { ...options, after: 0 } ), rebased: true };
	}
	return { revisions: revisions.slice( 0, max ), more: revisions.length > max, rebased: false };
}

export interface Change {
	rcid: number;
	timestamp: string;
	type: 'edit' | 'new' | 'log';
	title: string;
	/** For moves: where the page went. */
	movedTo?: string;
	/** For log entries: `move`, `delete`… */
	logType?: string;
}

/** A page move from the wiki's move log, wherever it started. */
export interface Move {
	logid: number;
	timestamp: string;
	/** Where the page was. */
	title: string;
	/** Where it went. */
	movedTo: string;
}

export interface ChangesRead {
	changes: Change[];
	/**
	 * Every move on the wiki since the cursor, from any namespace: recent changes list a move under
	 * its source page only, so a draft moved from `User:…` into the base shows up only here.
	 */
	moves: Move[];
	/** Where the next incremental sync starts. */
	cursor: Cursor;
	/** The configuration page's JSON text; empty when the page does not exist. */
	config: string;
	/** The configuration page's revisions after the one given (all of them when `configReplace`). */
	configRevisions: ConfigRevision[];
	/** The revision given is no longer in the page's history: `configRevisions` are all its revisions. */
	configReplace: boolean;
	/**
	 * Set when the wiki no longer keeps recent changes back to the cursor (they are kept for
	 * $wgRCMaxAge only), so changes since it may be missing: a full sync is needed.
	 */
	expired: { oldest: string | null } | null;
}

type RawChange = {
	rcid: number; timestamp: string; type: string; title: string; logtype?: string;
	logparams?: { target_title?: string };
};

type RawLogEvent = {
	logid: number; timestamp: string; title?: string; actionhidden?: boolean;
	params?: { target_title?: string };
};

/** The recent changes the bot follows (the same for the cursor and for reading changes). */
const RC_TYPES = [ 'edit', 'new', 'log' ];

/**
 * What a request gets of the configuration page: its revisions after `after` (from its first when
 * 0; `rvstartid` is inclusive), oldest first, with their content.
 */
function configQuery( after: number ): ApiParams {
	return {
		titles: CONFIG_PAGE, prop: 'revisions', rvprop: [ 'ids', 'timestamp', 'content' ], rvslots: 'main',
		rvdir: 'newer', rvlimit: 'max', ...( after ? { rvstartid: after } : {} ),
	};
}

/** Collects the configuration page's revisions from a response (hidden ones are left out). */
function collectConfig( response: ApiResponse, into: Map<number, ConfigRevision> ): void {
	for ( const page of pagesOf( response ) ) {
		for ( const raw of page.revisions ?? [] ) {
			const text = raw.slots?.main?.content;
			if ( typeof text === 'string' && !raw.slots?.main?.texthidden ) {
				into.set( raw.revid, { revid: raw.revid, at: raw.timestamp, text } );
			}
		}
	}
}

/** The configuration page's revisions (all, or after a given one), oldest first. */
export async function configHistory( client: WikiClient, after = 0 ): Promise<ConfigRevision[]> {
	const found = new Map<number, ConfigRevision>();
	for await ( const response of client.mwn.continuedQueryGen( { action: 'query', ...configQuery( after ) } ) ) {
		collectConfig( response, found );
	}
	return [ ...found.values() ].filter( ( r ) => r.revid > after ).sort( ( a, b ) => a.revid - b.revid );
}

function newestText( revisions: ConfigRevision[], fallback: string ): string {
	return revisions.length ? ( revisions[ revisions.length - 1 ] as ConfigRevision ).text : fallback;
}

/**
 * The timestamp of the oldest change the wiki still keeps in recent changes (any namespace), or
 * null when it keeps none.
 *
 * @param client The wiki
 */
export async function oldestRecentChange( client: WikiClient ): Promise<string | null> {
	const response = await client.request( {
		action: 'query', list: 'recentchanges', rcdir: 'newer', rclimit: 1, rcprop: 'timestamp',
	} );
	return ( response.query?.recentchanges as RawChange[] | undefined )?.[ 0 ]?.timestamp ?? null;
}

/**
 * Recent changes in the base's namespace after the cursor (edits, creations, moves, deletions and
 * restorations), every move on the wiki after it (moves into the base from elsewhere), plus the
 * configuration page's revisions after the last one stored. One request when little changed and
 * the cursor is still covered by
 * recent changes; one more to tell whether it is, when the answer does not show it (e.g. a cursor
 * taken from the wiki's clock because the base's namespace had no change, until a change there
 * moves it).
 *
 * @param client The wiki
 * @param base The base page
 * @param cursor Where the last sync stopped
 * @param configAfter The newest configuration revision stored (0: none)
 */
export async function changesSince( client: WikiClient, base: string, cursor: Cursor,
	configAfter = 0 ): Promise<ChangesRead> {
	const { namespace } = baseLocation( client, base );
	const query: ApiParams = {
		action: 'query',
		list: [ 'recentchanges', 'logevents' ],
		rcnamespace: namespace, rcdir: 'newer', rclimit: 'max', rctype: RC_TYPES, rcprop: [ 'title', 'ids', 'timestamp', 'loginfo' ],
		letype: 'move', ledir: 'newer', lelimit: 'max', leprop: [ 'ids', 'title', 'type', 'details', 'timestamp' ],
		...( cursor.timestamp ? { rcstart: cursor.timestamp, lestart: cursor.timestamp } : {} ),
		...configQuery( configAfter ),
	};
	const changes: Change[] = [];
	const moves: Move[] = [];
	let next = cursor;
	const configRevisions = new Map<number, ConfigRevision>();
	// Whether recent changes still hold the cursor's second: then nothing after it was purged.
	let covered = !cursor.timestamp;
	const generator = client.mwn.continuedQueryGen( query );
	let responses: AsyncGenerator<ApiResponse>;
	try {
		// The first response is awaited here, so that a stored revision gone from the page's history shows.
		const first = await generator.next();
		responses = ( async function* () {
			if ( !first.done ) {
				yield first.value;
			}
			yield* generator;
		}() );
	} catch ( error ) {
		if ( !configAfter || !isBadStart( error ) ) {
			throw error;
		}
		const again = await changesSince( client, base, cursor, 0 );
		return { ...again, configReplace: true };
	}
	for await ( const response of responses ) {
		collectConfig( response, configRevisions );
		for ( const raw of ( response.query?.recentchanges ?? [] ) as RawChange[] ) {
			if ( raw.timestamp <= cursor.timestamp ) {
				covered = true;
			}
			// rcstart is inclusive, and several changes may share a second: rcid tells them apart.
			if ( raw.rcid <= cursor.rcid ) {
				continue;
			}
			if ( raw.rcid > next.rcid ) {
				next = { ...next, timestamp: raw.timestamp, rcid: raw.rcid };
			}
			changes.push( {
				rcid: raw.rcid, timestamp: raw.timestamp, type: raw.type as Change[ 'type' ], title: raw.title,
				...( raw.logtype ? { logType: raw.logtype } : {} ),
				...( raw.logparams?.target_title ? { movedTo: raw.logparams.target_title } : {} ),
			} );
		}
		for ( const raw of ( response.query?.logevents ?? [] ) as RawLogEvent[] ) {
			// The same for log ids; a cursor from before they were kept re-reads its second's moves.
			if ( raw.logid <= ( cursor.logid ?? 0 ) ) {
				continue;
			}
			if ( raw.logid > ( next.logid ?? 0 ) ) {
				next = { ...next, logid: raw.logid };
			}
			if ( raw.title && raw.params?.target_title && !raw.actionhidden ) {
				moves.push( { logid: raw.logid, timestamp: raw.timestamp, title: raw.title,
					movedTo: raw.params.target_title } );
			}
		}
	}
	let expired: ChangesRead[ 'expired' ] = null;
	if ( !covered ) {
		// Nothing at the cursor's second in the base's namespace: either nothing happened there
		// then (the cursor came from elsewhere, or its page was deleted with its changes), or the
		// wiki has purged it. The oldest change the wiki keeps tells which.
		const oldest = await oldestRecentChange( client );
		if ( oldest === null || oldest > cursor.timestamp ) {
			expired = { oldest };
		}
	}
	const stored = configRevisions.get( configAfter );
	const added = [ ...configRevisions.values() ].filter( ( r ) => r.revid > configAfter ).sort( ( a,
		b ) => a.revid - b.revid );
	if ( configAfter && !stored && !added.length && !configRevisions.size ) {
		// The stored revision is not the page's any more (deleted, or hidden) and there is none after it.
		return { changes, moves, cursor: next, config: '', expired, configRevisions: await configHistory( client ), configReplace: true };
	}
	return { changes, moves, cursor: next, config: newestText( added, stored?.text ?? '' ), expired,
		configRevisions: added, configReplace: false };
}

/**
 * Before a full sync: where the next incremental sync will start — the newest change in the
 * base's namespace and the newest move on the wiki, or the wiki's clock when there is no change —
 * and the configuration page's revisions, in one request (more only for a configuration page with
 * more revisions than a request returns).
 *
 * @param client The wiki
 * @param base The base page
 */
export async function startingPoint( client: WikiClient, base: string ): Promise<{ cursor: Cursor; config: string;
	configRevisions: ConfigRevision[]; }> {
	const { namespace } = baseLocation( client, base );
	const response = await client.request( {
		action: 'query', curtimestamp: true,
		list: [ 'recentchanges', 'logevents' ],
		rcnamespace: namespace, rcdir: 'older', rclimit: 1, rctype: RC_TYPES, rcprop: [ 'ids', 'timestamp' ],
		letype: 'move', ledir: 'older', lelimit: 1, leprop: 'ids',
		...configQuery( 0 ),
	} );
	const found = new Map<number, ConfigRevision>();
	collectConfig( response, found );
	const continued = ( response.continue as Record<string, unknown> | undefined )?.rvcontinue !== undefined;
	const configRevisions = continued ? await configHistory( client ) : [ ...found.values() ].sort( ( a,
		b ) => a.revid - b.revid );
	const newest = ( response.query?.recentchanges as RawChange[] | undefined )?.[ 0 ];
	const newestMove = ( response.query?.logevents as RawLogEvent[] | undefined )?.[ 0 ];
	return {
		cursor: {
			timestamp: newest?.timestamp ?? String( response.curtimestamp ?? '' ),
			rcid: newest?.rcid ?? 0,
			logid: newestMove?.logid ?? 0,
		},
		config: newestText( configRevisions, '' ),
		configRevisions,
	};
}
