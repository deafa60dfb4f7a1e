/**
 * How an incremental sync reads the wiki (bot/sync/read.ts), against canned API answers: moves from
 * the move log (any namespace) and recent changes since the cursor, the cursor advanced past both,
 * and whether recent changes still reach back to the cursor (one request when the answer shows it,
 * one more to ask for the oldest change otherwise); one page's revisions after the accepted one.
 * The integration tests do the same on a real wiki.
 */
import type { ApiParams, ApiResponse } from 'mwn';
import { changesSince, pageHistory, startingPoint } from '../../../bot/sync/read';
import type { WikiClient } from '../../../bot/wiki';

const base = 'Capacity building';
const cursor = { timestamp: '2026-11-10T10:00:00Z', rcid: 100, logid: 20 };

/** A wiki that answers the changes query with `answer` and any single request with `single`. */
function wiki( answer: ApiResponse, single: ApiResponse = {} ): { client: WikiClient; sent: ApiParams[] } {
	const sent: ApiParams[] = [];
	const client = {
		mwn: {
			Title: class {
				public getNamespaceId(): number {
					return 0;
				}

				public getMainText(): string {
					return base;
				}
			},
			async* continuedQueryGen( query: ApiParams ): AsyncGenerator<ApiResponse> {
				sent.push( query );
				yield answer;
			},
		},
		async request( query: ApiParams ): Promise<ApiResponse> {
			sent.push( query );
			return single;
		},
	} as unknown as WikiClient;
	return { client, sent };
}

/** A move log entry's parameters, as the API names them. */
function movedTo( title: string ): Record<string, string> {
	return Object.fromEntries( [ [ 'target_title', title ] ] );
}

const atCursor = { rcid: 100, timestamp: cursor.timestamp, type: 'edit', title: `${ base }/Requests/R1` };

describe( 'changesSince', () => {
	it( 'reads moves from the move log, skips what the cursor has seen, and advances past both in one request', async () => {
		const { client, sent } = wiki( { query: {
			recentchanges: [ atCursor, { rcid: 101, timestamp: '2026-11-10T10:05:00Z', type: 'edit', title: `${ base }/Requests/R2` } ],
			logevents: [
				{ logid: 20, timestamp: cursor.timestamp, title: 'User:A/Old', params: movedTo( `${ base }/Requests/R3` ) },
				{ logid: 21, timestamp: '2026-11-10T10:06:00Z', title: 'User:A/Draft', params: movedTo( `${ base }/Requests/R4` ) },
				{ logid: 22, timestamp: '2026-11-10T10:07:00Z', actionhidden: true },
			],
		} } );
		const read = await changesSince( client, base, cursor );
		expect( sent ).toHaveLength( 1 );
		expect( sent[ 0 ] ).toMatchObject( { list: [ 'recentchanges', 'logevents' ], letype: 'move', rcstart: cursor.timestamp, lestart: cursor.timestamp } );
		expect( read.expired ).toBeNull();
		expect( read.changes.map( ( c ) => c.title ) ).toEqual( [ `${ base }/Requests/R2` ] );
		expect( read.moves ).toEqual( [ { logid: 21, timestamp: '2026-11-10T10:06:00Z', title: 'User:A/Draft', movedTo: `${ base }/Requests/R4` } ] );
		expect( read.cursor ).toEqual( { timestamp: '2026-11-10T10:05:00Z', rcid: 101, logid: 22 } );
	} );

	it( 'reads the configuration page\'s revisions after the newest stored one in the same request', async () => {
		const config = ( revid: number, text: string ): Record<string, unknown> => ( { revid, timestamp: `2026-11-1${ revid % 10 }T00:00:00Z`,
			slots: { main: { content: text } } } );
		const { client, sent } = wiki( { query: {
			recentchanges: [ atCursor ], logevents: [],
			pages: [ { title: 'MediaWiki:Gadget-capacityBuilding-config.json', revisions: [ config( 40, '{}' ), config( 41, '{"admins":["Boss"]}' ) ] } ],
		} } );
		const read = await changesSince( client, base, cursor, 40 );
		expect( sent ).toHaveLength( 1 );
		expect( sent[ 0 ] ).toMatchObject( { titles: 'MediaWiki:Gadget-capacityBuilding-config.json', rvstartid: 40, rvdir: 'newer' } );
		expect( read.configRevisions.map( ( r ) => r.revid ) ).toEqual( [ 41 ] );
		expect( read ).toMatchObject( { config: '{"admins":["Boss"]}', configReplace: false } );
		// Nothing after the stored revision: its text is the configuration in force.
		const same = wiki( { query: { recentchanges: [ atCursor ], pages: [ { title: 'MediaWiki:Gadget-capacityBuilding-config.json',
			revisions: [ config( 41, '{"admins":["Boss"]}' ) ] } ] } } );
		expect( await changesSince( same.client, base, cursor, 41 ) ).toMatchObject( { configRevisions: [], config: '{"admins":["Boss"]}' } );
	} );

	it( 'asks for the oldest recent change when the answer does not reach the cursor, and goes on when the wiki still has it', async () => {
		const { client, sent } = wiki( { query: { recentchanges: [], logevents: [] } },
			{ query: { recentchanges: [ { timestamp: '2026-09-01T00:00:00Z' } ] } } );
		const read = await changesSince( client, base, cursor );
		expect( sent ).toHaveLength( 2 );
		expect( sent[ 1 ] ).toMatchObject( { list: 'recentchanges', rcdir: 'newer', rclimit: 1 } );
		expect( sent[ 1 ] ).not.toHaveProperty( 'rcnamespace' );
		expect( read.expired ).toBeNull();
		expect( read.cursor ).toEqual( cursor );
	} );

	it( 'says the cursor expired when the oldest recent change is newer than it, or when there is none', async () => {
		const newer = wiki( { query: { recentchanges: [ { rcid: 900, timestamp: '2026-12-01T00:00:00Z', type: 'new', title: `${ base }/Requests/R9` } ] } },
			{ query: { recentchanges: [ { timestamp: '2026-11-20T00:00:00Z' } ] } } );
		expect( ( await changesSince( newer.client, base, cursor ) ).expired ).toEqual( { oldest: '2026-11-20T00:00:00Z' } );
		const none = wiki( { query: { recentchanges: [] } }, { query: { recentchanges: [] } } );
		expect( ( await changesSince( none.client, base, cursor ) ).expired ).toEqual( { oldest: null } );
	} );

	it( 'cannot check a cursor without a time (stored before cursors always had one) and reads from the start', async () => {
		const { client, sent } = wiki( { query: { recentchanges: [] } } );
		const read = await changesSince( client, base, { timestamp: '', rcid: 0 } );
		expect( sent ).toHaveLength( 1 );
		expect( sent[ 0 ] ).not.toHaveProperty( 'rcstart' );
		expect( read.expired ).toBeNull();
	} );
} );

describe( 'startingPoint', () => {
	it( 'starts at the newest change in the base\'s namespace and the newest move', async () => {
		const { client, sent } = wiki( {}, { curtimestamp: '2026-11-11T00:00:00Z', query: {
			recentchanges: [ { rcid: 500, timestamp: '2026-11-10T12:00:00Z' } ], logevents: [ { logid: 70 } ],
		} } );
		expect( ( await startingPoint( client, base ) ).cursor ).toEqual( { timestamp: '2026-11-10T12:00:00Z', rcid: 500, logid: 70 } );
		// The same kinds of change as an incremental sync reads, so it finds the cursor's change again.
		expect( sent[ 0 ] ).toMatchObject( { rctype: [ 'edit', 'new', 'log' ] } );
	} );

	it( 'starts at the wiki\'s clock when the namespace has no recent change', async () => {
		const { client } = wiki( {}, { curtimestamp: '2026-11-11T00:00:00Z', query: { recentchanges: [], logevents: [] } } );
		expect( ( await startingPoint( client, base ) ).cursor ).toEqual( { timestamp: '2026-11-11T00:00:00Z', rcid: 0, logid: 0 } );
	} );
} );

describe( 'pageHistory', () => {
	const title = `${ base }/Requests/R1`;
	const raw = ( revid: number ): Record<string, unknown> => ( {
		revid, parentid: revid - 1, timestamp: '2026-11-10T10:00:00Z', user: `U${ revid }`, slots: { main: { content: `text ${ revid }` } },
	} );

	/** A wiki that answers one page's history in the given responses, as continuation would. */
	function history( ...responses: number[][] ): { client: WikiClient; sent: ApiParams[]; answered: () => number } {
		const sent: ApiParams[] = [];
		let answered = 0;
		const client = {
			mwn: {
				async* continuedQueryGen( query: ApiParams ): AsyncGenerator<ApiResponse> {
					sent.push( query );
					for ( const revids of responses ) {
						answered++;
						yield { query: { pages: [ { title, revisions: revids.map( raw ) } ] } };
					}
				},
			},
		} as unknown as WikiClient;
		return { client, sent, answered: () => answered };
	}

	it( 'reads the revisions after the accepted one, oldest first, for one page, without the accepted one', async () => {
		const { client, sent } = history( [ 10, 11 ], [ 12 ] );
		const read = await pageHistory( client, title, { after: 10, max: 20, batchSize: 50 } );
		expect( sent ).toEqual( [ expect.objectContaining( { titles: title, rvstartid: 10, rvdir: 'newer', rvlimit: 22 } ) ] );
		expect( read.revisions.map( ( r ) => [ r.revid, r.user, r.text ] ) ).toEqual( [ [ 11, 'U11', 'text 11' ], [ 12, 'U12', 'text 12' ] ] );
		expect( read.more ).toBe( false );
	} );

	it( 'stops continuing once it has more than asked for, and says there are more', async () => {
		const { client, sent, answered } = history( [ 10, 11, 12 ], [ 13, 14 ], [ 15 ] );
		const read = await pageHistory( client, title, { after: 10, max: 2, batchSize: 3 } );
		expect( sent[ 0 ] ).toMatchObject( { rvlimit: 3 } );
		expect( answered() ).toBe( 2 );
		expect( read.revisions.map( ( r ) => r.revid ) ).toEqual( [ 11, 12 ] );
		expect( read.more ).toBe( true );
		const all = history( [ 10, 11, 12 ], [ 13, 14 ], [ 15 ] );
		const every = await pageHistory( all.client, title, { after: 10, max: 5, batchSize: 3 } );
		expect( all.answered() ).toBe( 3 );
		expect( every.revisions.map( ( r ) => r.revid ) ).toEqual( [ 11, 12, 13, 14, 15 ] );
		expect( every.more ).toBe( false );
	} );
} );
