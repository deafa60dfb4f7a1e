/**
 * Reading the wiki for a sync, always in batches and never one request per page:
 * - every page under the base: `generator=allpages` with the newest revision's content, 50 pages a
 *   request (500 with `apihighlimits`), through mwn's continuedQueryGen;
 * - given titles or given revision ids: 50 (500) a request;
 * - recent changes since a cursor, with the configuration page read in the same request, so a sync
 *   with nothing to do costs exactly one request.
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

export interface ChangesRead {
	changes: Change[];
	/** Where the next incremental sync starts. */
	cursor: Cursor;
	/** The configuration page's JSON text; empty when the page does not exist. */
	config: string;
}

type RawChange = {
	rcid: number; timestamp: string; type: string; title: string; logtype?: string;
	logparams?: { target_title?: string };
};

function configOf( response: ApiResponse ): string {
	const page = pagesOf( response ).find( ( p ) => p.revisions?.length );
	return page?.revisions?.[ 0 ]?.slots?.main?.content ?? '';
}

/**
 * Recent changes in the base's namespace after the cursor (edits, creations, moves, deletions and
 * restorations), plus the configuration page. One request when little changed.
 *
 * @param client The wiki
 * @param base The base page
 * @param cursor Where the last sync stopped
 */
export async function changesSince( client: WikiClient, base: string, cursor: Cursor ): Promise<ChangesRead> {
	const { namespace } = baseLocation( client, base );
	const query: ApiParams = {
		action: 'query',
		list: 'recentchanges', rcnamespace: namespace, rcdir: 'newer', rclimit: 'max',
		rctype: [ 'edit', 'new', 'log' ], rcprop: [ 'title', 'ids', 'timestamp', 'loginfo' ],
		...( cursor.timestamp ? { rcstart: cursor.timestamp } : {} ),
		titles: CONFIG_PAGE, prop: 'revisions', rvprop: 'content', rvslots: 'main',
	};
	const changes: Change[] = [];
	let next = cursor;
	let config: string | null = null;
	for await ( const response of client.mwn.continuedQueryGen( query ) ) {
		config ??= configOf( response );
		for ( const raw of ( response.query?.recentchanges ?? [] ) as RawChange[] ) {
			// rcstart is inclusive, and several changes may share a second: rcid tells them apart.
			if ( raw.rcid <= cursor.rcid ) {
				continue;
			}
			if ( raw.rcid > next.rcid ) {
				next = { timestamp: raw.timestamp, rcid: raw.rcid };
			}
			changes.push( {
				rcid: raw.rcid, timestamp: raw.timestamp, type: raw.type as Change[ 'type' ], title: raw.title,
				...( raw.logtype ? { logType: raw.logtype } : {} ),
				...( raw.logparams?.target_title ? { movedTo: raw.logparams.target_title } : {} ),
			} );
		}
	}
	return { changes, cursor: next, config: config ?? '' };
}

/**
 * Before a full sync: the newest change in the base's namespace (where the next incremental sync
 * will start) and the configuration page, in one request.
 *
 * @param client The wiki
 * @param base The base page
 */
export async function startingPoint( client: WikiClient, base: string ): Promise<{ cursor: Cursor; config: string }> {
	const { namespace } = baseLocation( client, base );
	const response = await client.request( {
		action: 'query',
		list: 'recentchanges', rcnamespace: namespace, rcdir: 'older', rclimit: 1, rcprop: [ 'ids', 'timestamp' ],
		titles: CONFIG_PAGE, prop: 'revisions', rvprop: 'content', rvslots: 'main',
	} );
	const newest = ( response.query?.recentchanges as RawChange[] | undefined )?.[ 0 ];
	return {
		cursor: newest ? { timestamp: newest.timestamp, rcid: newest.rcid } : { timestamp: '', rcid: 0 },
		config: configOf( response ),
	};
}
