/**
 * Sync phase "read histories": the revisions each page needs judged, read in batches, never one
 * request per page where batching is possible.
 *
 * A page needs its revisions after its accepted one (judged forward), or all of them (judged from
 * its first revision: a page new to the store, a full sync, a page moved, restored or otherwise
 * changed by a log action). The newest revision comes with the page read; when its parent is where
 * the history starts (the accepted revision, or none) nothing more is read. Otherwise:
 *
 * - Walk back by parent revision id, across pages: each round reads the next older revision of every
 *   page still pending, up to 50 (500 with apihighlimits) revisions a request (`revids=`), until each
 *   page reaches its accepted revision or its first.
 * - Per-page reading in history order (`rvdir=newer`, up to 50 (500) revisions a request, one page a
 *   request) for the pages still pending when they are few: when a single page is left, or fewer
 *   pages than rounds already walked (deep histories), where one request reads what would take a
 *   round each; also for a page whose older revision cannot be read by id (e.g. after a partial
 *   restoration).
 *
 * At most `max` revisions of a page are returned (`more` says there were others): a page with more
 * is reported, not judged silently in part.
 */
import type { WikiClient } from '../wiki';
import { pageHistory, readRevisions, type Revision } from './read';

export interface HistoryWanted {
	title: string;
	/** The page's newest revision, as the batched page read has it. */
	newest: Revision;
	/** The accepted revision to read after; 0 for the page's whole history. */
	after: number;
}

export interface HistoryRead {
	/** The revisions after `after` (from the first when 0), oldest first, at most `max`. */
	revisions: Revision[];
	/** There were more than `max`. */
	more: boolean;
	/** `after` is not in the page's history (it was changed): `revisions` are from its first revision. */
	rebased: boolean;
}

export interface HistoryCost {
	/** Requests made. */
	requests: number;
	/** Pages whose older revisions had to be read. */
	pages: number;
}

interface Walk {
	wanted: HistoryWanted;
	/** Newest first. */
	chain: Revision[];
}

/**
 * Reads the revisions each page needs judged.
 *
 * @param client The wiki
 * @param wanted The pages and where their histories start
 * @param options How to read
 * @param options.batchSize Revisions a request (50, or 500 with apihighlimits)
 * @param options.max Revisions of a page at most
 * @return Each page's revisions by title, and what reading them cost
 */
export async function readHistories( client: WikiClient, wanted: readonly HistoryWanted[],
	options: { batchSize: number; max: number } ): Promise<{ histories: Map<string, HistoryRead>; cost: HistoryCost }> {
	const { batchSize, max } = options;
	const histories = new Map<string, HistoryRead>();
	const start = client.requestCount;
	let walkedPages = 0;
	let pending: Walk[] = [];
	const settle = ( walk: Walk ): 'done' | 'pending' | 'per-page' => {
		const oldest = walk.chain[ walk.chain.length - 1 ] as Revision;
		const after = walk.wanted.after;
		if ( oldest.parentid === after || oldest.parentid === 0 ) {
			const revisions = [ ...walk.chain ].reverse();
			histories.set( walk.wanted.title, {
				revisions: revisions.slice( 0, max ), more: revisions.length > max,
				// Back at the first revision without meeting the accepted one.
				rebased: oldest.parentid !== after,
			} );
			return 'done';
		}
		return walk.chain.length > max ? 'per-page' : 'pending';
	};
	const perPage = async ( walk: Walk ): Promise<void> => {
		const oldest = walk.chain[ walk.chain.length - 1 ] as Revision;
		const read = await pageHistory( client, walk.wanted.title, { after: walk.wanted.after, max, batchSize,
			until: oldest.revid } );
		const revisions = [ ...read.revisions ];
		const last = revisions[ revisions.length - 1 ];
		if ( !read.more && last?.revid === oldest.revid ) {
			// Reached what the walk had read: the rest of the history is the walk's, newest last.
			revisions.push( ...walk.chain.slice( 0, -1 ).reverse() );
		} else if ( !read.more && !read.rebased && last?.revid !== walk.wanted.newest.revid ) {
			// The history read in order does not lead to the newest revision: read it all in order.
			const all = await pageHistory( client, walk.wanted.title, { after: walk.wanted.after, max, batchSize } );
			histories.set( walk.wanted.title, all );
			return;
		}
		histories.set( walk.wanted.title, { revisions: revisions.slice( 0, max ),
			more: read.more || revisions.length > max,
			rebased: read.rebased } );
	};
	for ( const page of wantedPages( wanted ) ) {
		if ( page.newest.revid === page.after ) {
			histories.set( page.title, { revisions: [], more: false, rebased: false } );
			continue;
		}
		const walk = { wanted: page, chain: [ page.newest ] };
		if ( settle( walk ) === 'pending' ) {
			pending.push( walk );
			walkedPages++;
		}
	}
	for ( let rounds = 0; pending.length; rounds++ ) {
		if ( pending.length === 1 || pending.length <= rounds ) {
			for ( const walk of pending ) {
				await perPage( walk );
			}
			break;
		}
		const parents = await readRevisions( client,
			pending.map( ( w ) => ( w.chain[ w.chain.length - 1 ] as Revision ).parentid ),
			batchSize );
		const next: Walk[] = [];
		for ( const walk of pending ) {
			const parent = parents.get( ( walk.chain[ walk.chain.length - 1 ] as Revision ).parentid );
			if ( !parent ) {
				await perPage( walk );
				continue;
			}
			walk.chain.push( parent );
			const state = settle( walk );
			if ( state === 'per-page' ) {
				await perPage( walk );
			} else if ( state === 'pending' ) {
				next.push( walk );
			}
		}
		pending = next;
	}
	return { histories, cost: { requests: client.requestCount - start, pages: walkedPages } };
}

function wantedPages( wanted: readonly HistoryWanted[] ): HistoryWanted[] {
	const seen = new Set<string>();
	return wanted.filter( ( w ) => !seen.has( w.title ) && Boolean( seen.add( w.title ) ) );
}
