/**
 * The store on a real SQLite file (bot/store.ts, sql/): migrations apply once, a sync's results are
 * stored whole, a rerun records a status change once, and a full sync forgets pages it did not see.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Store, type SyncResult } from '../../../bot/store';
import { parseStoreUrl, StoreUrlError } from '../../../sql/dialect';
import type { CapacityRequest } from '../../../modules/core/model';

const record: CapacityRequest = {
	title: 'A request', requester: 'Alice', requesterType: 'individual', organisation: '', region: 'SSA', hub: '',
	topics: [], formats: [], languages: [], neededBy: '', description: 'Text ✓ 🧭 \u200F', status: 'open', coach: [], offers: [],
	created: '2026-11-01T00:00:00Z',
};

function result( overrides: Partial<SyncResult> = {} ): SyncResult {
	return {
		updates: [ {
			page: 'CB/Requests/R1', action: 'request', problems: [],
			value: { number: 1, page: 'CB/Requests/R1', revid: 10, updated: '2026-11-01T00:00:00Z', record, feedback: [] },
		} ],
		statusChanges: [ { requestNumber: 1, from: '', to: 'open', user: 'Alice', at: '2026-11-01T00:00:00Z', revid: 10 } ],
		cursor: { timestamp: '2026-11-01T00:00:00Z', rcid: 5 }, config: '{}', full: false, finished: '2026-12-01T00:00:00Z',
		...overrides,
	};
}

describe( 'store', () => {
	let dir: string;
	let url: string;

	beforeEach( () => {
		dir = fs.mkdtempSync( path.join( os.tmpdir(), 'capacity-store-unit-' ) );
		url = `sqlite:${ path.join( dir, 'store.sqlite' ) }`;
	} );

	afterEach( () => {
		fs.rmSync( dir, { recursive: true, force: true } );
	} );

	it( 'starts empty, without a cursor, and reopens without migrating again', async () => {
		const store = await Store.open( url );
		expect( await store.cursor() ).toBeNull();
		expect( await store.counts() ).toEqual( { requests: 0, coaches: 0, hubs: 0, problems: 0, statusHistory: 0, notifications: 0 } );
		await store.close();
		const again = await Store.open( url );
		expect( await again.requests() ).toEqual( [] );
		await again.close();
	} );

	it( 'stores a sync whole and records a status change once when rerun', async () => {
		const store = await Store.open( url );
		try {
			await store.apply( result() );
			await store.apply( result() );
			expect( ( await store.requests() )[ 0 ]?.record ).toEqual( record );
			expect( await store.statusHistory() ).toHaveLength( 1 );
			expect( await store.cursor() ).toEqual( { timestamp: '2026-11-01T00:00:00Z', rcid: 5 } );
		} finally {
			await store.close();
		}
	} );

	it( 'forgets on a full sync what it did not see, and keeps problems with their page', async () => {
		const store = await Store.open( url );
		try {
			await store.apply( result() );
			await store.apply( result( {
				full: true, statusChanges: [],
				updates: [ { page: 'CB/Requests/R007', action: 'remove', problems: [ {
					page: 'CB/Requests/R007', revid: 3, kind: 'misnamed', message: 'capacitybuilding-bot-sync-misnamed', params: [], field: '', user: 'Bob',
				} ] } ],
			} ) );
			expect( await store.requests() ).toEqual( [] );
			expect( ( await store.problems() ).map( ( p ) => p.page ) ).toEqual( [ 'CB/Requests/R007' ] );
		} finally {
			await store.close();
		}
	} );

	it( 'understands sqlite: and mysql: addresses and hides passwords', () => {
		expect( parseStoreUrl( 'sqlite:data/bot.sqlite' ) ).toMatchObject( { kind: 'sqlite', file: 'data/bot.sqlite' } );
		const mysql = parseStoreUrl( 'mysql://tool:secret@tools.db.svc.wikimedia.cloud/s12345__capacity' );
		expect( mysql.kind ).toBe( 'mysql' );
		expect( mysql.display ).not.toContain( 'secret' );
		expect( () => parseStoreUrl( 'postgres://x/y' ) ).toThrow( StoreUrlError );
		expect( () => parseStoreUrl( 'mysql://tool@host/' ) ).toThrow( StoreUrlError );
	} );
} );
