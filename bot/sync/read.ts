/**
 * Reading the wiki for a sync, always in batches and never one request per page:
 * - every page under the base: `generator=allpages` with the newest revision's content, 50 pages a
 *   request (500 with `apihighlimits`), through mwn's continuedQueryGen;
 * - given titles or given revision ids: 50 (500) a request;
 * - one page's revisions after the accepted one, for a page with more than one to judge;
 * - recent changes since a cursor, with the move log (moves into the base from other namespaces)
 *   and the configuration page read in the same request, so a sync with nothing to do costs
 *   exactly one request.
 */
import type { ApiParams, ApiResponse } from 'mwn';
import { CONFIG_PAGE } from '../../modules/core/config';
import type { Cursor } from '../store';
import type { WikiClient } from '../wiki';

export interface Revision {
	title: string;
	revid: number;
	/** 0 for the page's first revision. */
	parentid: number;
	timestamp: string;
	/** Empty when the author is hidden (revision deletion). */
	user: string;
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

const REVISION_PROPS = [ 'ids', 'timestamp', 'user', 'content' ];

type RawRevision = {
	revid: number; parentid?: number; timestamp: string; user?: string; userhidden?: boolean;
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

/**
 * A page's revisions after a given one, oldest first, up to `max` of them (`more` when there are
 * others after those): `prop=revisions` with `rvstartid` and `rvdir=newer` works on one page a
 * request, so this is for pages with more than one revision to judge, and continues (through
 * mwn's continuedQueryGen) only when a response holds fewer than needed.
 *
 * @param client The wiki
 * @param title The page
 * @param after The revision to start after (the accepted one)
 * @param max How many revisions to return at most
 * @param batchSize Revisions with content a request (50, or 500 with apihighlimits)
 */
export async function revisionsAfter( client: WikiClient, title: string, after: number, max: number,
	batchSize: number ): Promise<{ revisions: Revision[]; more: boolean }> {
	const revisions: Revision[] = [];
	const query: ApiParams = {
		action: 'query', titles: title, prop: 'revisions', rvprop: REVISION_PROPS, rvslots: 'main',
		// rvstartid is inclusive: one more for the accepted revision, one more to tell whether there are more.
		rvstartid: after, rvdir: 'newer', rvlimit: Math.min( max + 2, batchSize ),
	};
	for await ( const response of client.mwn.continuedQueryGen( query ) ) {
		for ( const page of pagesOf( response ) ) {
			for ( const raw of page.revisions ?? [] ) {
				if ( raw.revid > after ) {
					revisions.push( toRevision( page.title, raw ) );
				}
			}
		}
		if ( revisions.length > max ) {
			break;
		}
	}
	return { revisions: revisions.slice( 0, max ), more: revisions.length > max };
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

function configOf( response: ApiResponse ): string {
	const page = pagesOf( response ).find( ( p ) => p.revisions?.length );
	return page?.revisions?.[ 0 ]?.slots?.main?.content ?? '';
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
 * configuration page. One request when little changed and the cursor is still covered by
 * recent changes; one more to tell whether it is, when the answer does not show it (e.g. a cursor
 * taken from the wiki's clock because the base's namespace had no change, until a change there
 * moves it).
 *
 * @param client The wiki
 * @param base The base page
 * @param cursor Where the last sync stopped
 */
export async function changesSince( client: WikiClient, base: string, cursor: Cursor ): Promise<ChangesRead> {
	const { namespace } = baseLocation( client, base );
	const query: ApiParams = {
		action: 'query',
		list: [ 'recentchanges', 'logevents' ],
		rcnamespace: namespace, rcdir: 'newer', rclimit: 'max', rctype: RC_TYPES, rcprop: [ 'title', 'ids', 'timestamp', 'loginfo' ],
		letype: 'move', ledir: 'newer', lelimit: 'max', leprop: [ 'ids', 'title', 'type', 'details', 'timestamp' ],
		...( cursor.timestamp ? { rcstart: cursor.timestamp, lestart: cursor.timestamp } : {} ),
		titles: CONFIG_PAGE, prop: 'revisions', rvprop: 'content', rvslots: 'main',
	};
	const changes: Change[] = [];
	const moves: Move[] = [];
	let next = cursor;
	let config: string | null = null;
	// Whether recent changes still hold the cursor's second: then nothing after it was purged.
	let covered = !cursor.timestamp;
	for await ( const response of client.mwn.continuedQueryGen( query ) ) {
		config ??= configOf( response );
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
	return { changes, moves, cursor: next, config: config ?? '', expired };
}

/**
 * Before a full sync: where the next incremental sync will start — the newest change in the
 * base's namespace and the newest move on the wiki, or the wiki's clock when there is no change —
 * and the configuration page, in one request.
 *
 * @param client The wiki
 * @param base The base page
 */
export async function startingPoint( client: WikiClient, base: string ): Promise<{ cursor: Cursor; config: string }> {
	const { namespace } = baseLocation( client, base );
	const response = await client.request( {
		action: 'query', curtimestamp: true,
		list: [ 'recentchanges', 'logevents' ],
		rcnamespace: namespace, rcdir: 'older', rclimit: 1, rctype: RC_TYPES, rcprop: [ 'ids', 'timestamp' ],
		letype: 'move', ledir: 'older', lelimit: 1, leprop: 'ids',
		titles: CONFIG_PAGE, prop: 'revisions', rvprop: 'content', rvslots: 'main',
	} );
	const newest = ( response.query?.recentchanges as RawChange[] | undefined )?.[ 0 ];
	const newestMove = ( response.query?.logevents as RawLogEvent[] | undefined )?.[ 0 ];
	return {
		cursor: {
			timestamp: newest?.timestamp ?? String( response.curtimestamp ?? '' ),
			rcid: newest?.rcid ?? 0,
			logid: newestMove?.logid ?? 0,
		},
		config: configOf( response ),
	};
}
