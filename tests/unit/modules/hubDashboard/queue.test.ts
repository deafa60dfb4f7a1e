/**
 * A dashboard's intake queue (modules/hubDashboard/queue.ts): which requests are in a hub's queue
 * (triaged to it, or routed to it) or in the programme admins' queue, grouped by status, marked
 * stale by the notices' rule and unassigned; the published figures read defensively; and where a
 * marker belongs (index.ts placeOf).
 */
import type { RequestEntry } from '../../../../modules/core/indexes';
import type { CapacityRequest } from '../../../../modules/core/model';
import { placeOf } from '../../../../modules/hubDashboard/index';
import { buildQueue, placeIn, publishedHubFigures, routedHubs } from '../../../../modules/hubDashboard/queue';

// placeOf's module mounts the component: neither it nor Vue is needed to find where a marker belongs (jest hoists these).

jest.mock( '../../../../modules/hubDashboard/HubDashboard.vue', () => ( {} ) );
jest.mock( '../../../../modules/shared/mwVue', () => ( { createMwApp: jest.fn() } ) );

const NOW = new Date( '2026-06-01T00:00:00Z' );

function entry( number: number, overrides: Partial<CapacityRequest>, extra: Partial<RequestEntry> = {} ): RequestEntry {
	return {
		page: `B/Requests/R${ number }`, revid: number, updated: '2026-05-01T00:00:00Z', problems: 0, state: 'valid',
		number, feedback: 0, history: [],
		request: {
			title: `Request ${ number }`, requester: 'Rita', requesterType: 'individual', organisation: '', region: 'SSA', hub: '',
			topics: [], formats: [], languages: [], lang: '', neededBy: '', description: '', status: 'open', holdReason: '', coach: [], offers: [],
			created: '2026-05-25T00:00:00Z', ...overrides,
		},
		...extra,
	};
}

const entries = [
	entry( 1, { hub: 'Africa', status: 'triaged' } ),
	entry( 2, {}, { route: { hubs: [ 'Grants', 'Africa' ], queue: 'hubs' } } ),
	entry( 3, {}, { route: { hubs: [], queue: 'admins' } } ),
	entry( 4, { hub: 'Africa', status: 'completed' } ),
	entry( 5, { hub: 'Grants' }, { route: { hubs: [ 'Africa' ], queue: 'hubs' } } ),
	// Created long ago; its status last changed 70 days ago: stale (60 days by default).
	entry( 6, { hub: 'Africa', status: 'open', created: '2026-01-01T00:00:00Z' },
		{ history: [ { from: '', to: 'open', user: 'Rita', at: '2026-03-23T00:00:00Z', revid: 6 } ] } ),
	entry( 7, { hub: 'Africa', status: 'matched', coach: [ 'Carla' ], created: '2026-01-01T00:00:00Z' } ),
	// A route edited by hand into something else is no route.
	entry( 8, {}, { route: { hubs: 'Africa', queue: 'hubs' } as unknown as RequestEntry[ 'route' ] } ),
];

describe( 'a dashboard\'s queue', () => {
	it( 'takes a hub\'s triaged and routed requests, and the admins\' uncovered ones; closed ones are in no queue', () => {
		const africa = { kind: 'hub' as const, key: 'Africa' };
		expect( entries.map( ( e ) => placeIn( e, africa ) ) ).toEqual( [ 'triaged', 'routed', null, null, null, 'triaged', 'triaged', null ] );
		expect( entries.map( ( e ) => placeIn( e, { kind: 'admins' } ) ) ).toEqual( [ null, null, 'routed', null, null, null, null, null ] );
		expect( routedHubs( entries[ 7 ] as RequestEntry ) ).toEqual( [] );
	} );

	it( 'groups by status in the model\'s order, with age, stale and unassigned marks', () => {
		const groups = buildQueue( entries, { kind: 'hub', key: 'Africa' }, 60, NOW );
		expect( groups.map( ( g ) => [ g.status, g.items.map( ( i ) => i.entry.number ) ] ) )
			.toEqual( [ [ 'open', [ 2, 6 ] ], [ 'triaged', [ 1 ] ], [ 'matched', [ 7 ] ] ] );
		const items = new Map( groups.flatMap( ( g ) => g.items ).map( ( i ) => [ i.entry.number, i ] ) );
		expect( items.get( 2 ) ).toMatchObject( { routed: true, stale: false, unassigned: true, ageDays: 7 } );
		expect( items.get( 6 ) ).toMatchObject( { routed: false, stale: true, unassigned: true, ageDays: 151 } );
		// Matched: never stale, and it has a coach.
		expect( items.get( 7 ) ).toMatchObject( { stale: false, unassigned: false } );
		// A shorter stale period from the configuration marks the new ones too.
		expect( buildQueue( entries, { kind: 'hub', key: 'Africa' }, 5, NOW )[ 0 ]?.items.map( ( i ) => i.stale ) ).toEqual( [ true, true ] );
	} );

	it( 'reads a hub\'s published figures defensively', () => {
		const stats = { hubs: { Africa: { open: 2, medianDaysToTriage: 2.5, medianDaysToMatch: null, completionRate: '1' } } };
		expect( publishedHubFigures( stats, 'Africa' ) ).toEqual( { open: 2, medianDaysToTriage: 2.5, medianDaysToMatch: null, completionRate: null } );
		expect( publishedHubFigures( stats, 'Grants' ) ).toBeNull();
		expect( publishedHubFigures( { requests: {} }, 'Africa' ) ).toBeNull();
		expect( publishedHubFigures( null, 'Africa' ) ).toBeNull();
	} );

	it( 'finds the base page and the queue from the page title', () => {
		expect( placeOf( 'Capacity building/Hubs/Africa', false ) ).toEqual( { base: 'Capacity building', scope: { kind: 'hub', key: 'Africa' } } );
		expect( placeOf( 'Capacity_building/Hubs/Africa_hub', false ) ).toEqual( { base: 'Capacity building', scope: { kind: 'hub', key: 'Africa hub' } } );
		expect( placeOf( 'Capacity building/Hubs/Africa/Noticeboard', false ) ).toBeNull();
		expect( placeOf( 'Capacity building/Hubs', false ) ).toBeNull();
		expect( placeOf( 'Capacity building/Queue', true ) ).toEqual( { base: 'Capacity building', scope: { kind: 'admins' } } );
		expect( placeOf( 'Queue', true ) ).toBeNull();
	} );
} );
