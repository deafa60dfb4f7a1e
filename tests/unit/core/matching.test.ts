import defaultTopics from '../../../wiki/pages/Topics.json';
import { emptyRecord, COACH_SCHEMA, REQUEST_SCHEMA, type CapacityRequest, type CoachProfile } from '../../../modules/core/model';
import { indexTopics, type Taxonomy } from '../../../modules/core/taxonomy';
import { validateCoach, validateFields } from '../../../modules/core/validation';
import {
	AVAILABLE_POINTS, EXTRA_LANGUAGE_POINTS, FORMAT_POINTS, LANGUAGE_POINTS, LOAD_PENALTY, REGION_POINTS, TOPIC_POINTS,
	isAway, matchCoach, rankCoaches, rankRequests,
	type MatchableCoach, type MatchableRequest,
} from '../../../modules/core/matching';

const topics = indexTopics( defaultTopics as Taxonomy );

function coach( user: string, profile: Partial<CoachProfile> = {}, activeRequests = 0 ): MatchableCoach {
	return {
		user,
		activeRequests,
		profile: {
			...emptyRecord( COACH_SCHEMA ),
			user,
			topics: [ 'grant-writing' ],
			languages: [ 'es' ],
			formats: [ 'coaching' ],
			availability: 'available',
			maxRequests: '3',
			contact: 'talk',
			...profile,
		},
	};
}

const request: MatchableRequest = { topics: [ 'grant-writing' ], languages: [ 'es' ], region: 'LAC', formats: [ 'coaching', 'workshop' ] };

describe( 'rankCoaches', () => {
	// Each row: a request, the coaches, and the expected order of suggestions (left out = not suggested).
	const table: [ string, MatchableRequest, MatchableCoach[], string[] ][] = [
		[ 'an exact topic beats a parent area, which beats a sibling', request, [
			coach( 'Sibling', { topics: [ 'fundraising' ] } ),
			coach( 'Parent', { topics: [ 'organisational' ] } ),
			coach( 'Exact' ),
		], [ 'Exact', 'Parent', 'Sibling' ] ],
		[ 'a sub-topic of a requested area beats the parent area itself', { ...request, topics: [ 'community' ] }, [
			coach( 'Area', { topics: [ 'organisational' ] } ),
			coach( 'Sub', { topics: [ 'conflict-resolution' ] } ),
		], [ 'Sub' ] ],
		[ 'no related topic: not suggested', request, [ coach( 'Tech', { topics: [ 'wikidata' ] } ) ], [] ],
		[ 'no shared language: not suggested', request, [ coach( 'French', { languages: [ 'fr' ] } ) ], [] ],
		[ '"any language" drops the language requirement but a shared language still counts', { ...request, languages: [ 'mul', 'es' ] }, [
			coach( 'French', { languages: [ 'fr' ] } ),
			coach( 'Spanish' ),
		], [ 'Spanish', 'French' ] ],
		[ 'the region and each shared format add to the score, the region more than one format', request, [
			coach( 'Plain' ),
			coach( 'Region', { regions: [ 'LAC' ] } ),
			coach( 'Formats', { formats: [ 'coaching', 'workshop', 'mentoring' ] } ),
		], [ 'Region', 'Formats', 'Plain' ] ],
		[ 'limited availability counts against more than a fuller load, full and away coaches come last', request, [
			coach( 'Away', { availability: 'away', regions: [ 'LAC' ] } ),
			coach( 'Full', { regions: [ 'LAC' ] }, 3 ),
			coach( 'Busy', {}, 2 ),
			coach( 'Limited', { availability: 'limited' } ),
			coach( 'Free' ),
		], [ 'Free', 'Busy', 'Limited', 'Full', 'Away' ] ],
		[ 'equal scores are ordered by name', request, [ coach( 'Zoe' ), coach( 'Ana' ) ], [ 'Ana', 'Zoe' ] ],
	];

	it.each( table )( '%s', ( _name, wanted, coaches, expected ) => {
		expect( rankCoaches( wanted, coaches, topics ).map( ( m ) => m.coach.user ) ).toEqual( expected );
	} );

	it( 'leaves out excluded users however their names are written, and honours the limit', () => {
		const coaches = [ coach( 'Ana María' ), coach( 'Bea' ), coach( 'Carla' ) ];
		expect( rankCoaches( request, coaches, topics, { exclude: [ 'ana_María' ] } ).map( ( m ) => m.coach.user ) ).toEqual( [ 'Bea', 'Carla' ] );
		expect( rankCoaches( request, coaches, topics, { limit: 1 } ) ).toHaveLength( 1 );
	} );
} );

describe( 'reasons', () => {
	it( 'names what the coach shares with the request as codes for the caller to translate', () => {
		const match = matchCoach(
			{ topics: [ 'grant-writing', 'governance', 'wikidata' ], languages: [ 'es', 'pt', 'fr' ], region: 'LAC', formats: [ 'workshop', 'coaching' ] },
			coach( 'Ana', { topics: [ 'fundraising', 'grant-writing' ], languages: [ 'pt', 'es' ], regions: [ 'LAC', 'NA' ], formats: [ 'coaching' ] }, 1 ),
			topics,
		);
		expect( match?.tier ).toBe( 'open' );
		expect( match?.reasons ).toEqual( [
			{ key: 'capacitybuilding-match-reason-languages', list: { kind: 'language', values: [ 'es', 'pt' ] }, params: [], effect: 'plus' },
			{ key: 'capacitybuilding-match-reason-topics', list: { kind: 'topic', values: [ 'grant-writing' ] }, params: [], effect: 'plus' },
			{ key: 'capacitybuilding-match-reason-related-topics', list: { kind: 'topic', values: [ 'fundraising' ] }, params: [], effect: 'plus' },
			{ key: 'capacitybuilding-match-reason-region', list: { kind: 'region', values: [ 'LAC' ] }, params: [], effect: 'plus' },
			{ key: 'capacitybuilding-match-reason-formats', list: { kind: 'format', values: [ 'coaching' ] }, params: [], effect: 'plus' },
			{ key: 'capacitybuilding-match-reason-capacity', params: [ 2 ], effect: 'plus' },
		] );
		// Exact + sibling topic, two languages, region, one format, available, a third of capacity used.
		const expected = TOPIC_POINTS.same + TOPIC_POINTS.sibling + LANGUAGE_POINTS + EXTRA_LANGUAGE_POINTS +
			REGION_POINTS + FORMAT_POINTS + AVAILABLE_POINTS - LOAD_PENALTY / 3;
		expect( match?.score ).toBeCloseTo( expected, 2 );
	} );

	it.each( [
		[ 'away with a return date', { availability: 'away', awayUntil: '2027-01-10' }, 0, 'away', { key: 'capacitybuilding-match-reason-away-until', date: '2027-01-10', params: [], effect: 'minus' } ],
		[ 'away without a date', { availability: 'away' }, 0, 'away', { key: 'capacitybuilding-match-reason-away', params: [], effect: 'minus' } ],
		[ 'at the maximum', { maxRequests: '2' }, 2, 'full', { key: 'capacitybuilding-match-reason-full', params: [ 2 ], effect: 'minus' } ],
		[ 'limited', { availability: 'limited' }, 0, 'open', { key: 'capacitybuilding-match-reason-limited', params: [], effect: 'minus' } ],
	] as const )( 'says why a coach ranks lower: %s', ( _name, profile, load, tier, reason ) => {
		const match = matchCoach( request, coach( 'Ana', profile, load ), topics, { today: '2026-12-02' } );
		expect( match?.tier ).toBe( tier );
		expect( match?.reasons ).toContainEqual( reason );
	} );

	it( 'treats a coach whose return date has passed as back', () => {
		const profile = coach( 'Ana', { availability: 'away', awayUntil: '2026-11-30' } ).profile;
		expect( isAway( profile, '2026-12-02' ) ).toBe( false );
		expect( isAway( profile, '2026-11-29' ) ).toBe( true );
		expect( isAway( profile ) ).toBe( true );
		expect( matchCoach( request, coach( 'Ana', { availability: 'away', awayUntil: '2026-11-30' } ), topics, { today: '2026-12-02' } )?.tier ).toBe( 'open' );
	} );
} );

describe( 'rankRequests (requests that match a coach)', () => {
	it( 'orders requests by fit and leaves out those the coach cannot take', () => {
		const requests = [
			{ id: 'R1', topics: [ 'fundraising' ], languages: [ 'es' ], region: 'LAC', formats: [ 'coaching' ] },
			{ id: 'R2', topics: [ 'grant-writing' ], languages: [ 'es' ], region: 'NA', formats: [ 'coaching' ] },
			{ id: 'R3', topics: [ 'grant-writing' ], languages: [ 'de' ], region: 'NWE', formats: [ 'coaching' ] },
			{ id: 'R4', topics: [ 'wikidata' ], languages: [ 'mul' ], region: 'LAC', formats: [ 'coaching' ] },
		];
		const ranked = rankRequests( coach( 'Ana', { availability: 'away' } ), requests, ( r ) => r, topics );
		expect( ranked.map( ( r ) => r.request.id ) ).toEqual( [ 'R2', 'R1' ] );
		// Only reasons about the request: the coach's own availability is not news to them.
		expect( ranked.flatMap( ( r ) => r.reasons ).every( ( r ) => r.list !== undefined ) ).toBe( true );
	} );
} );

describe( 'ANY_LANGUAGE in records', () => {
	it( 'is a valid request language even when the wiki does not list it, but not a coach language', () => {
		const context = { languages: new Set( [ 'es' ] ) };
		const requestRecord: CapacityRequest = { ...emptyRecord( REQUEST_SCHEMA ), languages: [ 'mul', 'es' ] };
		expect( validateFields( REQUEST_SCHEMA, requestRecord, context ).filter( ( p ) => p.field === 'languages' ) ).toEqual( [] );
		expect( validateCoach( coach( 'Ana', { languages: [ 'mul' ] } ).profile, context ) ).toEqual( [
			{ field: 'languages', key: 'capacitybuilding-validation-any-language-coach', params: [] },
		] );
	} );
} );
