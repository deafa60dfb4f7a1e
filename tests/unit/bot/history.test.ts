/**
 * Reading the revisions each page needs judged (bot/sync/history.ts) from a simulated wiki: the
 * chain of parent revisions, walked in batches across pages or read page by page in order, gives
 * the same revisions either way; a page whose newest revision follows where its history starts
 * costs nothing; a single page is read in one request; a page's chain that does not lead to the
 * accepted revision is read from its first; at most `max` revisions of a page.
 */
import type { ApiParams, ApiResponse } from 'mwn';
import { readHistories, type HistoryWanted } from '../../../bot/sync/history';
import type { Revision } from '../../../bot/sync/read';
import type { WikiClient } from '../../../bot/wiki';

interface SimRevision { revid: number; parentid: number; title: string }

/** A wiki holding these revisions (in history order per page), answering revids= and titles= reads. */
function wiki( revisions: SimRevision[] ): { client: WikiClient; requests: () => number } {
	let requests = 0;
	const raw = ( r: SimRevision ): Record<string, unknown> => ( { revid: r.revid, parentid: r.parentid, timestamp: '2026-11-01T00:00:00Z',
		user: 'U', comment: `c${ r.revid }`, slots: { main: { content: `text ${ r.revid }` } } } );
	const client = {
		get requestCount() {
			return requests;
		},
		mwn: {
			async* continuedQueryGen( query: ApiParams ): AsyncGenerator<ApiResponse> {
				if ( query.revids ) {
					requests++;
					const wantedIds = query.revids as number[];
					const found = revisions.filter( ( r ) => wantedIds.includes( r.revid ) );
					const titles = [ ...new Set( found.map( ( r ) => r.title ) ) ];
					yield { query: { pages: titles.map( ( t ) => ( { title: t, revisions: found.filter( ( r ) => r.title === t ).map( raw ) } ) ) } };
					return;
				}
				const asked = query.titles as string;
				const history = revisions.filter( ( r ) => r.title === asked );
				const startAt = query.rvstartid ? history.findIndex( ( r ) => r.revid === query.rvstartid ) : 0;
				const limit = Number( query.rvlimit );
				for ( let i = startAt; i < history.length; i += limit ) {
					requests++;
					yield { query: { pages: [ { title: asked, revisions: history.slice( i, i + limit ).map( raw ) } ] } };
				}
			},
		},
	} as unknown as WikiClient;
	return { client, requests: () => requests };
}

/** A page with `n` revisions numbered from `first`, each the parent of the next. */
function page( title: string, first: number, n: number ): SimRevision[] {
	return Array.from( { length: n }, ( _, i ) => ( { title, revid: first + i, parentid: i === 0 ? 0 : first + i - 1 } ) );
}

function newest( revisions: SimRevision[], title: string ): Revision {
	const r = revisions.filter( ( x ) => x.title === title ).pop() as SimRevision;
	return { title, revid: r.revid, parentid: r.parentid, timestamp: '2026-11-01T00:00:00Z', user: 'U', comment: `c${ r.revid }`, text: `text ${ r.revid }` };
}

const ids = ( revisions: Revision[] | undefined ): number[] => ( revisions ?? [] ).map( ( r ) => r.revid );

describe( 'readHistories', () => {
	it( 'costs nothing when the newest revision follows where the history starts', async () => {
		const all = [ ...page( 'A', 10, 1 ), ...page( 'B', 20, 2 ) ];
		const { client, requests } = wiki( all );
		const { histories } = await readHistories( client, [ { title: 'A', newest: newest( all, 'A' ), after: 0 },
			{ title: 'B', newest: newest( all, 'B' ), after: 20 } ], { batchSize: 50, max: 100 } );
		expect( requests() ).toBe( 0 );
		expect( ids( histories.get( 'A' )?.revisions ) ).toEqual( [ 10 ] );
		expect( ids( histories.get( 'B' )?.revisions ) ).toEqual( [ 21 ] );
	} );

	it( 'walks many pages back together, one request a round, and reads a single page in one request', async () => {
		const all = Array.from( { length: 40 }, ( _, i ) => page( `P${ i }`, 1000 * ( i + 1 ), 3 ) ).flat();
		const { client, requests } = wiki( all );
		const wanted: HistoryWanted[] = Array.from( { length: 40 }, ( _, i ) => ( { title: `P${ i }`, newest: newest( all, `P${ i }` ), after: 0 } ) );
		const { histories, cost } = await readHistories( client, wanted, { batchSize: 50, max: 100 } );
		expect( requests() ).toBe( 2 );
		expect( cost ).toEqual( { requests: 2, pages: 40 } );
		expect( ids( histories.get( 'P7' )?.revisions ) ).toEqual( [ 8000, 8001, 8002 ] );

		const one = wiki( page( 'Deep', 1, 30 ) );
		const deep = await readHistories( one.client, [ { title: 'Deep', newest: newest( page( 'Deep', 1, 30 ), 'Deep' ), after: 0 } ],
			{ batchSize: 50, max: 100 } );
		expect( one.requests() ).toBe( 1 );
		expect( ids( deep.histories.get( 'Deep' )?.revisions ) ).toEqual( Array.from( { length: 30 }, ( _, i ) => i + 1 ) );
	} );

	it( 'reads deep histories page by page once they outnumber the pages left', async () => {
		const all = [ ...page( 'A', 100, 40 ), ...page( 'B', 200, 40 ), ...page( 'C', 300, 2 ) ];
		const { client, requests } = wiki( all );
		const { histories } = await readHistories( client, [ 'A', 'B', 'C' ].map( ( title ) => ( { title, newest: newest( all, title ), after: 0 } ) ),
			{ batchSize: 50, max: 100 } );
		expect( ids( histories.get( 'A' )?.revisions ) ).toHaveLength( 40 );
		expect( ids( histories.get( 'B' )?.revisions ) ).toEqual( Array.from( { length: 40 }, ( _, i ) => 200 + i ) );
		expect( ids( histories.get( 'C' )?.revisions ) ).toEqual( [ 300, 301 ] );
		// Two rounds walked (C is done after the first), then one request each for A and B.
		expect( requests() ).toBe( 4 );
	} );

	it( 'follows the chain of parents whichever way it reads: revisions put back into the history are not on it', async () => {
		// Revision 5 was restored into the history of a page re-created at 7 (its parent is 0).
		const restored = [ { title: 'R', revid: 5, parentid: 0 }, { title: 'R', revid: 7, parentid: 0 }, { title: 'R', revid: 8, parentid: 7 },
			{ title: 'R', revid: 9, parentid: 8 } ];
		const single = wiki( restored );
		const alone = await readHistories( single.client, [ { title: 'R', newest: newest( restored, 'R' ), after: 0 } ], { batchSize: 50, max: 100 } );
		const others = [ ...restored, ...page( 'X', 100, 4 ) ];
		const together = await readHistories( wiki( others ).client, [ { title: 'R', newest: newest( others, 'R' ), after: 0 },
			{ title: 'X', newest: newest( others, 'X' ), after: 0 } ], { batchSize: 50, max: 100 } );
		expect( ids( alone.histories.get( 'R' )?.revisions ) ).toEqual( [ 7, 8, 9 ] );
		expect( ids( together.histories.get( 'R' )?.revisions ) ).toEqual( [ 7, 8, 9 ] );
	} );

	it( 'reads from the first revision when the chain does not lead to the accepted one', async () => {
		const all = page( 'A', 10, 4 );
		const { histories } = await readHistories( wiki( all ).client, [ { title: 'A', newest: newest( all, 'A' ), after: 99 } ],
			{ batchSize: 50, max: 100 } );
		expect( histories.get( 'A' ) ).toMatchObject( { rebased: true, more: false } );
		expect( ids( histories.get( 'A' )?.revisions ) ).toEqual( [ 10, 11, 12, 13 ] );
	} );

	it( 'returns at most max revisions of a page, the first ones, and says there are more', async () => {
		const all = page( 'A', 10, 6 );
		const { histories } = await readHistories( wiki( all ).client, [ { title: 'A', newest: newest( all, 'A' ), after: 11 } ],
			{ batchSize: 50, max: 2 } );
		expect( histories.get( 'A' ) ).toMatchObject( { more: true, rebased: false } );
		expect( ids( histories.get( 'A' )?.revisions ) ).toEqual( [ 12, 13 ] );
	} );
} );
