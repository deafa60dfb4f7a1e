import type { CapacityRequest, CoachProfile } from '../../../modules/core/model';
import { validateCoach, validateFeedback, validateHub, validateRequest } from '../../../modules/core/validation';

const valid: CapacityRequest = {
	title: 'Grant writing for a new user group', requester: 'Ada Lovelace', requesterType: 'group', organisation: 'Wikimedians of Somewhere',
	region: 'SSA', hub: '', topics: [ 'grant-writing' ], formats: [ 'workshop' ], languages: [ 'fr' ], lang: '', neededBy: '2027-02-01',
	description: 'We are a new group and would like to learn how to write grant proposals.', status: 'open', holdReason: '', coach: [], offers: [],
	created: '2026-11-23T19:45:00Z',
};

function keys( problems: { field: string | null; key: string; params: unknown[] }[] ): unknown[] {
	return problems.map( ( p ) => [ p.field, p.key, ...p.params ] );
}

describe( 'validateRequest', () => {
	it( 'accepts a complete request', () => {
		expect( validateRequest( valid ) ).toEqual( [] );
	} );

	it( 'reports missing required fields with message keys, not text', () => {
		const empty = { ...valid, title: '  ', requester: '', requesterType: '', region: '', topics: [], formats: [], languages: [], description: '', status: '', created: '', organisation: 'x' };
		expect( keys( validateRequest( empty ) ) ).toEqual( [
			[ 'title', 'capacitybuilding-validation-required' ], [ 'requester', 'capacitybuilding-validation-required' ],
			[ 'requesterType', 'capacitybuilding-validation-required' ], [ 'region', 'capacitybuilding-validation-required' ],
			[ 'topics', 'capacitybuilding-validation-required' ], [ 'formats', 'capacitybuilding-validation-required' ],
			[ 'languages', 'capacitybuilding-validation-required' ], [ 'description', 'capacitybuilding-validation-required' ],
			[ 'status', 'capacitybuilding-validation-required' ], [ 'created', 'capacitybuilding-validation-required' ],
		] );
	} );

	it( 'checks limits, choices and syntax', () => {
		const bad = {
			...valid, title: 'Hi', requester: 'ada', region: 'Europe', topics: [ 'Grant writing', 'x', 'x' ], formats: [ 'lecture' ],
			languages: [ 'French' ], lang: '', neededBy: '2027-02-30', description: 'x'.repeat( 20001 ), status: 'done', hub: 'A|B',
			holdReason: '', coach: [ 'Bad/Name' ], created: 'yesterday',
		};
		expect( keys( validateRequest( bad ) ) ).toEqual( [
			[ 'title', 'capacitybuilding-validation-too-short', 5 ],
			[ 'requester', 'capacitybuilding-validation-invalid-username', 'ada' ],
			[ 'region', 'capacitybuilding-validation-invalid-choice', 'Europe' ],
			[ 'hub', 'capacitybuilding-validation-invalid-hub', 'A|B' ],
			[ 'topics', 'capacitybuilding-validation-invalid-key', 'Grant writing' ],
			[ 'topics', 'capacitybuilding-validation-duplicate', 'x' ],
			[ 'formats', 'capacitybuilding-validation-invalid-choice', 'lecture' ],
			[ 'languages', 'capacitybuilding-validation-invalid-language', 'French' ],
			[ 'neededBy', 'capacitybuilding-validation-invalid-date', '2027-02-30' ],
			[ 'description', 'capacitybuilding-validation-too-long', 20000 ],
			[ 'status', 'capacitybuilding-validation-invalid-choice', 'done' ],
			[ 'coach', 'capacitybuilding-validation-invalid-username', 'Bad/Name' ],
			[ 'created', 'capacitybuilding-validation-invalid-timestamp', 'yesterday' ],
		] );
	} );

	it( 'counts characters, not UTF-16 units, and keeps a title on one line', () => {
		expect( validateRequest( { ...valid, title: '😀'.repeat( 120 ) } ) ).toEqual( [] );
		expect( keys( validateRequest( { ...valid, title: 'Two\nlines' } ) ) ).toEqual( [ [ 'title', 'capacitybuilding-validation-single-line' ] ] );
	} );

	it( 'checks against what the wiki knows when told', () => {
		const context = { topics: new Set( [ 'grant-writing' ] ), hubs: new Set( [ 'Hub A' ] ), languages: new Set( [ 'en' ] ) };
		expect( keys( validateRequest( { ...valid, topics: [ 'grant-writing', 'cooking' ], hub: 'Hub Z' }, context ) ) ).toEqual( [
			[ 'hub', 'capacitybuilding-validation-unknown-hub', 'Hub Z' ],
			[ 'topics', 'capacitybuilding-validation-unknown-topic', 'cooking' ],
			[ 'languages', 'capacitybuilding-validation-unknown-language', 'fr' ],
		] );
	} );

	it( 'checks the rules between fields', () => {
		expect( keys( validateRequest( { ...valid, organisation: '' } ) ) ).toEqual( [ [ 'organisation', 'capacitybuilding-validation-organisation-required' ] ] );
		expect( keys( validateRequest( { ...valid, requesterType: 'individual', organisation: '' } ) ) ).toEqual( [] );
		expect( keys( validateRequest( { ...valid, status: 'triaged' } ) ) ).toEqual( [ [ 'hub', 'capacitybuilding-validation-hub-required' ] ] );
		expect( keys( validateRequest( { ...valid, status: 'matched', hub: 'H' } ) ) ).toEqual( [ [ 'coach', 'capacitybuilding-validation-coach-required' ] ] );
		expect( keys( validateRequest( { ...valid, neededBy: '2026-11-01' } ) ) ).toEqual( [ [ 'neededBy', 'capacitybuilding-validation-needed-by-past' ] ] );
	} );
} );

describe( 'other records', () => {
	const coach: CoachProfile = {
		user: 'Grace Hopper', topics: [ 'technical-skills' ], languages: [ 'en', 'es' ], regions: [ 'NA' ], formats: [ 'mentoring' ],
		availability: 'available', awayUntil: '', maxRequests: '3', bio: 'I like tools.', contact: 'email', hubs: [],
	};

	it( 'validates coach profiles', () => {
		expect( validateCoach( coach ) ).toEqual( [] );
		expect( keys( validateCoach( { ...coach, maxRequests: 'three', availability: 'busy', awayUntil: '2027-01-01', contact: 'pigeon' } ) ) ).toEqual( [
			[ 'availability', 'capacitybuilding-validation-invalid-choice', 'busy' ],
			[ 'maxRequests', 'capacitybuilding-validation-invalid-integer', 'three' ],
			[ 'contact', 'capacitybuilding-validation-invalid-choice', 'pigeon' ],
			[ 'awayUntil', 'capacitybuilding-validation-away-until-unused' ],
		] );
		expect( keys( validateCoach( { ...coach, maxRequests: '50' } ) ) ).toEqual( [ [ 'maxRequests', 'capacitybuilding-validation-out-of-range', 1, 20 ] ] );
		expect( validateCoach( { ...coach, availability: 'away', awayUntil: '2027-01-01' } ) ).toEqual( [] );
	} );

	it( 'validates hubs and feedback', () => {
		expect( keys( validateHub( { name: 'Hub A', kind: 'regional', regions: [ 'LAC' ], topics: [], languages: [], contacts: [], noticeboard: 'Talk:Hub A' } ) ) )
			.toEqual( [ [ 'contacts', 'capacitybuilding-validation-required' ] ] );
		expect( keys( validateFeedback( { user: 'Ada Lovelace', role: 'requester', rating: '6', outcome: '', confidenceBefore: '', confidenceAfter: '', stage: '', used: '', comment: 'Good', learned: '', created: '2027-01-01T00:00:00Z' } ) ) )
			.toEqual( [ [ 'rating', 'capacitybuilding-validation-out-of-range', 1, 5 ] ] );
	} );
} );
