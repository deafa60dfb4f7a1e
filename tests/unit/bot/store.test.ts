/**
 * The store on a real SQLite file (bot/store.ts, sql/): migrations apply once, a sync's results are
 * stored whole, a rerun records a status change once, and a full sync forgets pages it did not see.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import BetterSqlite3 from 'better-sqlite3';
import { Store, type SyncResult } from '../../../bot/store';
import { parseStoreUrl, StoreUrlError } from '../../../sql/dialect';
import { MIGRATIONS } from '../../../sql/migrations';
import type { CapacityRequest } from '../../../modules/core/model';

const record: CapacityRequest = {
	title: 'A request', requester: 'Alice', requesterType: 'individual', organisation: '', region: 'SSA', hub: '',
	topics: [], formats: [], languages: [], lang: '', neededBy: '', description: 'Text ✓ 🧭 \u200F', status: 'open', holdReason: '', coach: [], offers: [],
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

	it( 'replaces a request\'s status history when it is judged from its first revision, and forgets it with the request', async () => {
		const store = await Store.open( url );
		try {
			await store.apply( result() );
			const change = { requestNumber: 1, from: '', to: 'open', user: 'Bob', at: '2026-11-02T00:00:00Z', revid: 12, comment: 'Created again' };
			await store.apply( result( { statusChanges: [ change ], historyReplaced: [ 1 ] } ) );
			expect( await store.statusHistory() ).toEqual( [ change ] );
			await store.apply( result( { statusChanges: [], updates: [ { page: 'CB/Requests/R1', action: 'remove', problems: [] } ] } ) );
			expect( await store.statusHistory() ).toEqual( [] );
		} finally {
			await store.close();
		}
	} );

	it( 'keeps the role timelines: hub contacts by accepted revision, configuration revisions, a coach\'s first revision', async () => {
		const store = await Store.open( url );
		try {
			const hub = { name: 'H', kind: 'regional', regions: [], topics: [], languages: [], contacts: [ 'Hubert' ], noticeboard: '' };
			await store.apply( result( {
				updates: [ { page: 'CB/Hubs/H', action: 'hub', problems: [], value: { key: 'H', page: 'CB/Hubs/H', revid: 20, updated: '', record: hub } },
					{ page: 'CB/Coaches/Carol', action: 'coach', problems: [], value: { user: 'Carol', page: 'CB/Coaches/Carol', revid: 40, updated: '',
						record: {} as never, since: 30 } } ],
				statusChanges: [], hubTimeline: { replacePages: [], add: [ { page: 'CB/Hubs/H', key: 'H', revid: 20, contacts: [ 'Hubert' ] } ] },
				configHistory: { replace: false, add: [ { revid: 5, at: '2026-11-01T00:00:00Z', text: '{}' } ] },
			} ) );
			expect( await store.hubTimeline() ).toEqual( [ { page: 'CB/Hubs/H', key: 'H', revid: 20, contacts: [ 'Hubert' ] } ] );
			expect( await store.configHistory() ).toEqual( [ { revid: 5, at: '2026-11-01T00:00:00Z', text: '{}' } ] );
			expect( ( await store.coaches() )[ 0 ]?.since ).toBe( 30 );
			// The hub gone: its timeline with it, as a full sync would see it.
			await store.apply( result( { updates: [ { page: 'CB/Hubs/H', action: 'remove', problems: [] } ], statusChanges: [],
				configHistory: { replace: true, add: [] } } ) );
			expect( await store.hubTimeline() ).toEqual( [] );
			expect( await store.configHistory() ).toEqual( [] );
		} finally {
			await store.close();
		}
	} );

	it( 'drops the cursor of a store made before the timelines, so that the next sync is a full one that rebuilds them', async () => {
		const file = path.join( dir, 'old.sqlite' );
		// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the schema of migration 1 only
		const db = new Kysely<any>( { dialect: new SqliteDialect( { database: new BetterSqlite3( file ) } ) } );
		const migrator = new Migrator( { db, provider: { getMigrations: () => Promise.resolve( { '001_initial': MIGRATIONS[ '001_initial' ] as never } ) } } );
		await migrator.migrateToLatest();
		await db.insertInto( 'sync_state' ).values( { name: 'cursor', value: '{"timestamp":"2026-11-01T00:00:00Z","rcid":5}' } ).execute();
		// eslint-disable-next-line camelcase -- column names are SQL's snake_case
		await db.insertInto( 'status_history' ).values( { request_number: 1, from_status: '', to_status: 'open', user: 'A', at: '', revid: 3 } ).execute();
		await db.destroy();
		const store = await Store.open( `sqlite:${ file }` );
		try {
			expect( await store.cursor() ).toBeNull();
			expect( await store.statusHistory() ).toEqual( [ expect.objectContaining( { revid: 3, comment: '' } ) ] );
		} finally {
			await store.close();
		}
	} );

	it( 'keeps an evaluation page\'s accepted entries, replaces them, and forgets them on a full sync without the page', async () => {
		const entry = { period: '2026-Q4', hub: '', evaluator: 'Eva', assessment: 'Good ✓ 🧭\nSecond line', findings: '',
			recommendations: '', created: '2026-12-01T00:00:00Z' };
		const evaluation = ( revid: number, entries: typeof entry[] ): SyncResult[ 'updates' ][ number ] => ( {
			page: 'CB/Evaluation/2026-Q4', action: 'evaluation', problems: [],
			value: { page: 'CB/Evaluation/2026-Q4', period: '2026-Q4', revid, updated: '2026-12-01T00:00:00Z', entries },
		} );
		const store = await Store.open( url );
		try {
			await store.apply( result( { updates: [ evaluation( 20, [ entry ] ) ] } ) );
			expect( await store.evaluations() ).toEqual( [ { page: 'CB/Evaluation/2026-Q4', period: '2026-Q4', revid: 20,
				updated: '2026-12-01T00:00:00Z', entries: [ entry ] } ] );
			await store.apply( result( { updates: [ evaluation( 21, [ entry, { ...entry, hub: 'Africa' } ] ) ] } ) );
			expect( ( await store.evaluations() ).map( ( e ) => [ e.revid, e.entries.length ] ) ).toEqual( [ [ 21, 2 ] ] );
			await store.apply( result( { full: true } ) );
			expect( await store.evaluations() ).toEqual( [] );
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
