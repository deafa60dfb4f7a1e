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
 *   round each. The chain is then followed through what was read, so both ways give the same
 *   revisions.
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
 * A page's history, here, is the chain of revisions from its newest one back by parent revision id
 * (what a page's edits make): from the accepted revision, or from the chain's first revision (parent
 * 0, or a parent that is no longer readable). Walking the chain and reading the page in order give
 * the same revisions, so a page is judged the same however it was read. (They differ only where
 * MediaWiki put older revisions back into a page's history, as restoring deleted revisions onto a
 * page created since does: those are not on the chain, and are not judged.)
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
	const oldestOf = ( walk: Walk ): Revision => walk.chain[ walk.chain.length - 1 ] as Revision;
	const done = ( walk: Walk, ended: boolean ): void => {
		// Ended: back at the chain's first revision without meeting the accepted one.
		const revisions = [ ...walk.chain ].reverse();
		histories.set( walk.wanted.title, {
			revisions: revisions.slice( 0, max ), more: revisions.length > max,
			rebased: ended && walk.wanted.after !== 0,
		} );
	};
	/** 'pending' while the walk must go on; done otherwise. */
	const settle = ( walk: Walk ): 'done' | 'pending' | 'per-page' => {
		const parent = oldestOf( walk ).parentid;
		if ( parent === walk.wanted.after || parent === 0 ) {
			done( walk, parent !== walk.wanted.after );
			return 'done';
		}
		return walk.chain.length > max ? 'per-page' : 'pending';
	};
	/** Reads the rest of a page's chain in order, one page a request (up to 50, or 500, revisions each). */
	const perPage = async ( walk: Walk ): Promise<void> => {
		let after = walk.wanted.after;
		for ( ;; ) {
			const read = await pageHistory( client, walk.wanted.title, { after, max, batchSize,
				until: oldestOf( walk ).revid } );
			if ( read.more ) {
				// More than a sync judges: the first ones, in the page's order (reported as too long).
				histories.set( walk.wanted.title, { ...read, rebased: read.rebased || after !== walk.wanted.after } );
				return;
			}
			const byId = new Map( read.revisions.map( ( r ) => [ r.revid, r ] ) );
			let parent = byId.get( oldestOf( walk ).parentid );
			while ( parent ) {
				walk.chain.push( parent );
				parent = byId.get( parent.parentid );
			}
			const last = oldestOf( walk ).parentid;
			if ( last === walk.wanted.after || last === 0 || after === 0 ) {
				// At the accepted revision, at the first, or at a parent that cannot be read: the chain's start.
				done( walk, last !== walk.wanted.after );
				return;
			}
			// The chain leaves what was read after the accepted revision: its history changed; read it all.
			after = 0;
		}
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
		const parents = await readRevisions( client, pending.map( ( w ) => oldestOf( w ).parentid ), batchSize );
		const next: Walk[] = [];
		for ( const walk of pending ) {
			const parent = parents.get( oldestOf( walk ).parentid );
			if ( !parent ) {
				// A parent that cannot be read (deleted): the chain starts here.
				done( walk, true );
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
