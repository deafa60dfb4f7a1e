/**
 * The notification ledger on a real SQLite file (bot/notify/ledger.ts, migration 003): notices and
 * the snapshots of what they announce are recorded together, states move pending → posting → sent
 * (or back to pending, skipped, failed), a failed notice is tried MAX_ATTEMPTS rounds, and Babel
 * languages are kept for a while.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Store } from '../../../../bot/store';
import { Ledger, MAX_ATTEMPTS, SINCE_STATE } from '../../../../bot/notify/ledger';
import type { NoticeDraft } from '../../../../bot/notify/events';

// Real SQLite files: generous on a busy machine.
jest.setTimeout( 30_000 );

function draft( key: string ): NoticeDraft {
	return { key, kind: 'offered', request: 1, channel: 'request', target: 'CB/Requests/R1', recipients: [ 'Alice' ],
		eventAt: '2026-01-01T00:00:00Z', data: { actor: 'Carol', page: 'CB/Requests/R1', title: 'T', coaches: [ 'Carol' ] } };
}
const snapshot = { requestNumber: 1, revid: 9, status: 'open', hub: '', offers: [ 'Carol' ], coach: [] };

describe( 'ledger', () => {
	let dir: string;
	let store: Store;
	let ledger: Ledger;

	beforeEach( async () => {
		dir = fs.mkdtempSync( path.join( os.tmpdir(), 'capacity-ledger-unit-' ) );
		store = await Store.open( `sqlite:${ path.join( dir, 'store.sqlite' ) }` );
		ledger = new Ledger( store );
	} );

	afterEach( async () => {
		await store.close();
		fs.rmSync( dir, { recursive: true, force: true } );
	} );

	it( 'records notices with their snapshots and the start, all or nothing', async () => {
		await ledger.record( [ draft( 'a' ), draft( 'b' ) ], [ snapshot ], '2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z' );
		expect( await store.state( SINCE_STATE ) ).toBe( '2026-01-01T00:00:00Z' );
		expect( [ ...( await ledger.snapshots() ).values() ] ).toEqual( [ snapshot ] );
		expect( ( await ledger.open() ).map( ( n ) => [ n.key, n.state, n.recipients, n.data.coaches ] ) )
			.toEqual( [ [ 'a', 'pending', [ 'Alice' ], [ 'Carol' ] ], [ 'b', 'pending', [ 'Alice' ], [ 'Carol' ] ] ] );
		// A key already there fails the whole transaction: neither the new notice nor the new snapshot is kept.
		await expect( ledger.record( [ draft( 'c' ), draft( 'a' ) ], [ { ...snapshot, revid: 10 } ], null, '2026-01-03T00:00:00Z' ) ).rejects.toThrow();
		expect( [ ...await ledger.known( [ 'a', 'b', 'c' ] ) ].sort() ).toEqual( [ 'a', 'b' ] );
		expect( ( await ledger.snapshots() ).get( 1 )?.revid ).toBe( 9 );
	} );

	it( 'moves notices through their states and counts them', async () => {
		await ledger.record( [ draft( 'a' ), draft( 'b' ), draft( 'c' ), draft( 'd' ) ], [], null, '2026-01-02T00:00:00Z' );
		await ledger.posting( [ 'a', 'b' ], 'fr', 'digest-1', '2026-01-02T00:01:00Z' );
		await ledger.sent( [ 'a' ], 42, '2026-01-02T00:02:00Z' );
		await ledger.unposted( [ 'b' ], '2026-01-02T00:03:00Z' );
		await ledger.skipped( [ 'c' ], 'capacitybuilding-bot-notice-skip-bots', [ '{{nobots}}' ], '2026-01-02T00:04:00Z' );
		await ledger.failed( [ 'd' ], 'capacitybuilding-bot-notice-failed', [ 'protectedpage' ], '2026-01-02T00:05:00Z' );
		expect( await ledger.counts() ).toEqual( { pending: 1, posting: 0, sent: 1, skipped: 1, failed: 1 } );
		const [ sent ] = await ledger.list( 'sent' );
		expect( sent ).toMatchObject( { key: 'a', revid: 42, language: 'fr', digest: 'digest-1' } );
		expect( ( await ledger.list( 'pending' ) )[ 0 ] ).toMatchObject( { key: 'b', digest: '' } );
		expect( ( await ledger.list( 'skipped' ) )[ 0 ]?.detail ).toEqual( { key: 'capacitybuilding-bot-notice-skip-bots', params: [ '{{nobots}}' ] } );
		// A failed notice is tried again until its attempts run out; a skipped one never.
		for ( let i = 1; i < MAX_ATTEMPTS; i++ ) {
			expect( ( await ledger.open() ).map( ( n ) => n.key ) ).toEqual( [ 'b', 'd' ] );
			await ledger.failed( [ 'd' ], 'capacitybuilding-bot-notice-failed', [ 'protectedpage' ], '2026-01-02T00:06:00Z' );
		}
		expect( ( await ledger.open() ).map( ( n ) => n.key ) ).toEqual( [ 'b' ] );
		expect( ( await ledger.list( 'failed' ) )[ 0 ]?.attempts ).toBe( MAX_ATTEMPTS );
	} );

	it( 'keeps Babel languages for a while', async () => {
		await ledger.rememberPerson( 'Carol', [ 'fr', 'en' ], '2026-01-01T00:00:00Z' );
		await ledger.rememberPerson( 'Carol', [ 'de' ], '2026-01-10T00:00:00Z' );
		expect( await ledger.people( [ 'Carol', 'Dave' ], 30, new Date( '2026-02-01T00:00:00Z' ) ) ).toEqual( new Map( [ [ 'Carol', [ 'de' ] ] ] ) );
		expect( await ledger.people( [ 'Carol' ], 30, new Date( '2026-03-01T00:00:00Z' ) ) ).toEqual( new Map() );
	} );
} );
