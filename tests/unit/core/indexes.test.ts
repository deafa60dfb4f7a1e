import type { CapacityRequest, CoachProfile } from '../../../modules/core/model';
import { buildCoachesIndex, buildRequestsIndex, buildStatistics, INDEX_VERSION, readIndex, type IndexedRequest } from '../../../modules/core/indexes';

const request: CapacityRequest = {
	title: 'Help', requester: 'Rita', requesterType: 'individual', organisation: '', region: 'LAC', hub: 'Hub A',
	topics: [ 'governance' ], formats: [ 'coaching' ], languages: [ 'es' ], lang: '', neededBy: '', description: 'x',
	status: 'matched', coach: [ 'carla' ], offers: [ 'Carla' ], created: '2026-10-01T00:00:00Z',
};
const indexed = ( number: number, overrides: Partial<CapacityRequest> = {} ): IndexedRequest => ( {
	number, page: `Capacity building/Requests/R${ number }`, revid: number, updated: '2026-11-01T00:00:00Z',
	request: { ...request, ...overrides }, feedback: [], problems: 0,
} );
const profile: CoachProfile = {
	user: 'Carla', topics: [ 'governance' ], languages: [ 'es', 'pt' ], regions: [ 'LAC' ], formats: [ 'coaching' ],
	availability: 'available', awayUntil: '', maxRequests: '3', bio: '', contact: 'talk', hubs: [],
};

describe( 'indexes', () => {
	const requests = [
		indexed( 2 ), indexed( 1, { status: 'in-progress' } ), indexed( 3, { status: 'completed', created: '2026-11-02T00:00:00Z' } ),
	];
	requests[ 2 ]!.feedback = [
		{ user: 'Rita', role: 'requester', rating: '5', outcome: 'achieved', comment: 'x', created: '2026-11-03T00:00:00Z' },
		{ user: 'Carla', role: 'coach', rating: '', outcome: 'partly', comment: 'y', created: '2026-11-03T00:00:00Z' },
	];

	it( 'orders requests by number and counts each coach\'s active requests', () => {
		const index = buildRequestsIndex( 'Capacity building', '2026-11-23T00:00:00Z', requests, [] );
		expect( index.requests.map( ( r ) => r.number ) ).toEqual( [ 1, 2, 3 ] );
		const coaches = buildCoachesIndex( 'Capacity building', '2026-11-23T00:00:00Z', [ { user: 'Carla', page: 'p', revid: 1, updated: 'u', profile } ], requests );
		expect( coaches.coaches[ 0 ]?.activeRequests ).toBe( 2 );
		expect( readIndex( JSON.parse( JSON.stringify( coaches ) ) ) ).toEqual( coaches );
		expect( readIndex( { ...coaches, version: INDEX_VERSION + 1 } ) ).toBeNull();
		expect( readIndex( undefined ) ).toBeNull();
	} );

	it( 'computes the statistics for monitoring and evaluation', () => {
		const coaches = buildCoachesIndex( 'B', 'g', [ { user: 'Carla', page: 'p', revid: 1, updated: 'u', profile } ], requests ).coaches;
		const stats = buildStatistics( 'B', 'g', requests, coaches, [ 3, 10, 5 ] );
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
} );
