import type { CapacityRequest, CoachProfile } from '../../../modules/core/model';
import { compareKeys, INDEX_VERSION, partFor, readManifest, readPart, STATISTICS_MAX_KEYS, STATISTICS_OTHER_KEY, type Manifest } from '../../../modules/core/indexes';
import { activeLoad, boundCounts, buildStatistics } from '../../../modules/core/statistics';

const request: CapacityRequest = {
	title: 'Help', requester: 'Rita', requesterType: 'individual', organisation: '', region: 'LAC', hub: 'Hub A',
	topics: [ 'governance' ], formats: [ 'coaching' ], languages: [ 'es' ], lang: '', neededBy: '', description: 'x',
	status: 'matched', holdReason: '', coach: [ 'carla' ], offers: [ 'Carla' ], created: '2026-10-01T00:00:00Z',
};
const profile: CoachProfile = {
	user: 'Carla', topics: [ 'governance' ], languages: [ 'es', 'pt' ], regions: [ 'LAC' ], formats: [ 'coaching' ],
	availability: 'available', awayUntil: '', maxRequests: '3', bio: '', contact: 'talk', hubs: [],
};
const manifest: Manifest = {
	version: INDEX_VERSION, index: 'coaches', base: 'B', generated: '2026-11-01T00:00:00Z', count: 3, parts: [
		{ id: 2, page: 'B/Coaches.json/2', revid: 11, first: 'Ana', last: 'Bo', count: 2, bytes: 100 },
		{ id: 1, page: 'B/Coaches.json/1', revid: 12, first: 'Carla', last: 'Zed', count: 1, bytes: 100 },
	],
};

describe( 'indexes', () => {
	const requests = [
		{ request, feedback: [] }, { request: { ...request, status: 'in-progress' }, feedback: [] },
		{ request: { ...request, status: 'completed', created: '2026-11-02T00:00:00Z' }, feedback: [
			{ user: 'Rita', role: 'requester', rating: '5', outcome: 'achieved', confidenceBefore: '', confidenceAfter: '', stage: '', used: '', comment: 'x', learned: '', created: '2026-11-03T00:00:00Z' },
			{ user: 'Carla', role: 'coach', rating: '', outcome: 'partly', confidenceBefore: '', confidenceAfter: '', stage: '', used: '', comment: 'y', learned: '', created: '2026-11-03T00:00:00Z' },
		] },
	];

	it( 'counts each coach\'s active requests', () => {
		expect( activeLoad( requests ).get( 'Carla' ) ).toBe( 2 );
	} );

	it( 'reads manifests and parts of its own version and index only, and finds the part of a key', () => {
		expect( readManifest( JSON.parse( JSON.stringify( manifest ) ), 'coaches' ) ).toEqual( manifest );
		expect( readManifest( manifest, 'requests' ) ).toBeNull();
		expect( readManifest( { ...manifest, version: 1 }, 'coaches' ) ).toBeNull();
		expect( readManifest( { ...manifest, parts: [ { id: 1 } ] }, 'coaches' ) ).toBeNull();
		expect( readManifest( undefined, 'coaches' ) ).toBeNull();
		expect( readPart( { version: INDEX_VERSION, index: 'hubs', id: 1, entries: [ { key: 'A' } ] }, 'hubs' ) ).toEqual( [ { key: 'A' } ] );
		expect( readPart( { version: INDEX_VERSION, index: 'hubs', id: 1, entries: [ 1 ] }, 'hubs' ) ).toBeNull();
		expect( partFor( manifest, 'Ana' )?.id ).toBe( 2 );
		expect( partFor( manifest, 'Carl' )?.id ).toBe( 2 );
		expect( partFor( manifest, 'Carla' )?.id ).toBe( 1 );
		expect( partFor( manifest, 'Zzz' )?.id ).toBe( 1 );
		expect( partFor( manifest, 'Aaron' ) ).toBeNull();
	} );

	it( 'orders keys by value or code units, never by locale', () => {
		expect( [ 'b', 'B', 'á', 'a', 'Z' ].sort( compareKeys ) ).toEqual( [ 'B', 'Z', 'a', 'b', 'á' ] );
		expect( [ 10, 9, 100 ].sort( compareKeys ) ).toEqual( [ 9, 10, 100 ] );
	} );

	it( 'computes the statistics for monitoring and evaluation', () => {
		const stats = buildStatistics( 'B', 'g', requests, [ { profile } ], [ 3, 10, 5 ] );
		expect( stats.requests.total ).toBe( 3 );
		expect( stats.requests.byStatus ).toMatchObject( { matched: 1, 'in-progress': 1, completed: 1, open: 0 } );
		expect( stats.requests.byMonth ).toEqual( { '2026-10': 2, '2026-11': 1 } );
		expect( stats.requests.byHub ).toEqual( { 'Hub A': 3 } );
		expect( stats.requests.medianDaysToMatch ).toBe( 5 );
		expect( stats.feedback ).toEqual( { entries: 2, averageRating: 5, byOutcome: { achieved: 1, partly: 1, 'not-achieved': 0, 'too-early': 0 } } );
		expect( stats.coaches ).toEqual( {
			total: 1, byAvailability: { available: 1 }, byLanguage: { es: 1, pt: 1 }, byTopic: { governance: 1 }, byRegion: { LAC: 1 },
		} );
	} );

	it( 'bounds every list of counts, whatever people type', () => {
		const many = Object.fromEntries( Array.from( { length: 500 }, ( _, i ) => [ `topic-${ i }-${ 'x'.repeat( 100 ) }`, i % 7 ] ) );
		const bounded = boundCounts( { ...many, open: 0 }, [ 'open' ] );
		expect( Object.keys( bounded ) ).toHaveLength( STATISTICS_MAX_KEYS );
		expect( bounded.open ).toBe( 0 );
		expect( Object.keys( bounded ).every( ( key ) => [ ...key ].length <= 64 ) ).toBe( true );
		expect( Object.values( bounded ).reduce( ( a, b ) => a + b, 0 ) ).toBe( Object.values( many ).reduce( ( a, b ) => a + b, 0 ) );
		expect( bounded[ STATISTICS_OTHER_KEY ] ).toBeGreaterThan( 0 );
		const stats = buildStatistics( 'B', 'g', [ { request: { ...request, topics: Object.keys( many ) }, feedback: [] } ], [] );
		expect( Object.keys( stats.requests.byTopic ) ).toHaveLength( STATISTICS_MAX_KEYS );
	} );
} );
