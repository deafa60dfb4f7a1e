/**
 * Page classification, revision parsing and judging (bot/sync/judge.ts): the core's codec,
 * validation and permissions applied to one page.
 */
import { classify, judge, parseRevision, type Content } from '../../../bot/sync/judge';
import { DEFAULT_CONFIG } from '../../../modules/core/config';
import { COACH_SCHEMA, REQUEST_SCHEMA, type CapacityRequest, type CoachProfile } from '../../../modules/core/model';
import type { PermissionContext } from '../../../modules/core/permissions';
import { serialize } from '../../../modules/core/wikitext/codec';

const base = 'Capacity building';
const context: PermissionContext = {
	config: { ...DEFAULT_CONFIG, admins: [ 'Boss' ] },
	hubs: new Map( [ [ 'Africa', { contacts: [ 'Hubert' ] } ] ] ),
	coaches: new Set( [ 'Carol' ] ),
};
const parseContext = { codec: {}, validation: { hubs: new Set( [ 'Africa' ] ) } };

const request: CapacityRequest = {
	title: 'A valid request title', requester: 'Alice', requesterType: 'individual', organisation: '', region: 'SSA', hub: '',
	topics: [ 'outreach' ], formats: [ 'workshop' ], languages: [ 'en' ], neededBy: '',
	description: 'A description that is long enough.', status: 'open', coach: [], offers: [], created: '2026-11-01T10:00:00Z',
};
const asContent = ( r: CapacityRequest ): Content => ( { kind: 'request', record: r, feedback: [] } );

describe( 'classify', () => {
	it.each( [
		[ 'Capacity building/Requests/R12', { kind: 'request', number: 12 } ],
		[ 'Capacity_building/Requests/R12', { kind: 'request', number: 12 } ],
		[ 'Capacity building/Requests/R012', { kind: 'misnamed' } ],
		[ 'Capacity building/Requests/Foo', { kind: 'misnamed' } ],
		[ 'Capacity building/Requests/Index', { kind: 'other' } ],
		[ 'Capacity building/Requests/R12/Archive', { kind: 'other' } ],
		[ 'Capacity building/Coaches/Carol', { kind: 'coach', user: 'Carol' } ],
		[ 'Capacity building/Coaches/Index', { kind: 'other' } ],
		[ 'Capacity building/Hubs/Africa', { kind: 'hub', key: 'Africa' } ],
		[ 'Capacity building/Requests.json', { kind: 'other' } ],
		[ 'Capacity building/Review', { kind: 'other' } ],
	] )( '%s', ( title, expected ) => {
		expect( classify( base, title ) ).toEqual( expected );
	} );
} );

describe( 'parseRevision', () => {
	it( 'reads a request with its feedback and validation problems', () => {
		const parsed = parseRevision( 'request', serialize( REQUEST_SCHEMA, { ...request, hub: 'Nowhere' } ), parseContext );
		expect( parsed.content ).toMatchObject( { kind: 'request', record: { hub: 'Nowhere' }, feedback: [] } );
		expect( parsed.problems.map( ( p ) => p.field ) ).toEqual( [ 'hub' ] );
	} );

	it( 'reports a page without its template as having no record', () => {
		const parsed = parseRevision( 'coach', 'Just text, no template.', parseContext );
		expect( parsed.content ).toBeNull();
		expect( parsed.problems.map( ( p ) => p.key ) ).toEqual( [ 'capacitybuilding-codec-missing-template' ] );
	} );
} );

describe( 'judge', () => {
	it( 'lets the requester create a request and refuses a stranger declining it', () => {
		expect( judge( { kind: 'request', number: 1 }, null, asContent( request ), 'Alice', context ).allowed ).toBe( true );
		const declined = judge( { kind: 'request', number: 1 }, asContent( request ), asContent( { ...request, status: 'declined' } ), 'Mallory', context );
		expect( declined ).toMatchObject( { allowed: false, reason: { key: 'capacitybuilding-permission-denied-decline' } } );
	} );

	it( 'lets a hub contact decline', () => {
		const after = asContent( { ...request, hub: 'Africa', status: 'declined' } );
		expect( judge( { kind: 'request', number: 1 }, asContent( { ...request, hub: 'Africa' } ), after, 'Hubert', context ).allowed ).toBe( true );
	} );

	it( 'refuses feedback written in someone else\'s name', () => {
		const feedback = { user: 'Alice', role: 'requester', rating: '5', outcome: 'achieved', comment: 'Great', created: '2026-11-03T10:00:00Z' };
		const after: Content = { kind: 'request', record: request, feedback: [ feedback ] };
		expect( judge( { kind: 'request', number: 1 }, asContent( request ), after, 'Mallory', context ) )
			.toMatchObject( { allowed: false, reason: { key: 'capacitybuilding-permission-feedback-other' } } );
	} );

	it( 'accepts a coach profile only from its coach or an admin', () => {
		const profile: CoachProfile = {
			user: 'Carol', topics: [ 'outreach' ], languages: [ 'en' ], regions: [], formats: [ 'coaching' ], availability: 'available',
			awayUntil: '', maxRequests: '2', bio: '', contact: 'talk', hubs: [],
		};
		const content = parseRevision( 'coach', serialize( COACH_SCHEMA, profile ), parseContext ).content as Content;
		const page = { kind: 'coach', user: 'Carol' } as const;
		expect( judge( page, null, content, 'Carol', context ).allowed ).toBe( true );
		expect( judge( page, null, content, 'Boss', context ).allowed ).toBe( true );
		expect( judge( page, null, content, 'Mallory', context ).allowed ).toBe( false );
	} );

	it( 'never accepts a revision whose author is hidden', () => {
		expect( judge( { kind: 'request', number: 1 }, null, asContent( request ), '', context ) )
			.toMatchObject( { allowed: false, reason: { key: 'capacitybuilding-bot-sync-author-hidden' } } );
	} );
} );
