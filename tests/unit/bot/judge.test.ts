/**
 * Page classification, revision parsing and judging (bot/sync/judge.ts): the core's codec,
 * validation and permissions applied to one page, and to the revisions made after the accepted one
 * in order (judgeHistory), each change by the person who made it.
 */
import { classify, judge, judgeHistory, parseRevision, type Content } from '../../../bot/sync/judge';
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

describe( 'judgeHistory', () => {
	const page = { kind: 'request', number: 1 } as const;
	let revid = 100;
	type Step = { revision: { revid: number; user: string }; content: Content | null };
	const step = ( user: string, r: CapacityRequest | null ): Step => ( { revision: { revid: ++revid, user }, content: r && asContent( r ) } );
	const at = ( steps: Step[], i: number ): Step => steps[ i ] as Step;
	const revids = ( items: { revision: { revid: number } }[] ): number[] => items.map( ( i ) => i.revision.revid );
	const typo = { ...request, title: 'A valid request title, fixed' };

	it( 'rejects an admin\'s typo fix that carries a stranger\'s decline, and names the stranger\'s revision', () => {
		const steps = [ step( 'Mallory', { ...request, status: 'declined' } ), step( 'Boss', { ...typo, status: 'declined' } ) ];
		const outcome = judgeHistory( page, asContent( request ), steps, context );
		expect( outcome.accepted ).toEqual( [] );
		expect( outcome.rejected.map( ( r ) => [ r.revision.revid, r.reason.key, r.reason.params ] ) ).toEqual( [
			[ at( steps, 0 ).revision.revid, 'capacitybuilding-permission-denied-decline', [] ],
			[ at( steps, 1 ).revision.revid, 'capacitybuilding-bot-sync-carries-rejected', [ at( steps, 0 ).revision.revid, 'Mallory' ] ],
		] );
		// Judged newest against the accepted record alone, the admin's revision would pass.
		expect( judge( page, asContent( request ), at( steps, 1 ).content as Content, 'Boss', context ).allowed ).toBe( true );
	} );

	it( 'rejects a completion by a stranger and an admin\'s later typo fix on top of it', () => {
		const steps = [ step( 'Mallory', { ...request, status: 'completed' } ), step( 'Boss', { ...typo, status: 'completed' } ) ];
		const outcome = judgeHistory( page, asContent( request ), steps, context );
		expect( outcome.accepted ).toEqual( [] );
		expect( revids( outcome.rejected ) ).toEqual( revids( steps ) );
	} );

	it( 'accepts consecutive allowed changes by different people, each against the one before', () => {
		const triaged = { ...request, hub: 'Africa', status: 'triaged' };
		const steps = [ step( 'Hubert', triaged ), step( 'Alice', { ...triaged, status: 'withdrawn' } ) ];
		const outcome = judgeHistory( page, asContent( request ), steps, context );
		expect( outcome.rejected ).toEqual( [] );
		expect( outcome.accepted.map( ( a ) => [ a.revision.user, ( a.before as { record: CapacityRequest } ).record.status,
			( a.content as { record: CapacityRequest } ).record.status ] ) ).toEqual( [ [ 'Hubert', 'open', 'triaged' ], [ 'Alice', 'triaged', 'withdrawn' ] ] );
	} );

	it( 'accepts a change made again in their own edit by someone who may make it, and forgets the undone rejection', () => {
		const steps = [ step( 'Mallory', { ...request, status: 'declined' } ), step( 'Boss', request ),
			step( 'Boss', { ...request, status: 'declined' } ) ];
		const outcome = judgeHistory( page, asContent( request ), steps, context );
		expect( outcome.rejected ).toEqual( [] );
		expect( revids( outcome.accepted ) ).toEqual( revids( steps.slice( 1 ) ) );
	} );

	it( 'accepts a revert that keeps an allowed change made on top of the rejected one', () => {
		const steps = [ step( 'Mallory', { ...request, status: 'declined' } ), step( 'Boss', { ...typo, status: 'declined' } ),
			step( 'Alice', typo ) ];
		const outcome = judgeHistory( page, asContent( request ), steps, context );
		expect( revids( outcome.accepted ) ).toEqual( [ at( steps, 2 ).revision.revid ] );
		expect( outcome.rejected ).toEqual( [] );
	} );

	it( 'still credits a change to its author after a revision without a record', () => {
		const declined = { ...request, status: 'declined' };
		const steps = [ step( 'Mallory', declined ), step( 'Mallory', null ), step( 'Boss', declined ) ];
		const outcome = judgeHistory( page, asContent( request ), steps, context );
		expect( outcome.accepted ).toEqual( [] );
		expect( outcome.rejected.map( ( r ) => r.reason.key ) ).toEqual( [ 'capacitybuilding-permission-denied-decline',
			'capacitybuilding-bot-sync-carries-rejected' ] );
	} );
} );
