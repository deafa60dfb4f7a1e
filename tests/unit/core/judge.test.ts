/**
 * Page classification, revision parsing and judging (modules/core/judge.ts): the core's codec,
 * validation and permissions applied to one page, to its revisions in order (judgeHistory, from the
 * accepted record or from nothing), each change by the person who made it, and what a view shows
 * of a page (judgeView).
 */
import { classify, judge, judgeHistory, judgeView, parseRevision, statusChangesOf, type Content, type ViewRevision } from '../../../modules/core/judge';
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
	topics: [ 'outreach' ], formats: [ 'workshop' ], languages: [ 'en' ], lang: '', neededBy: '',
	description: 'A description that is long enough.', status: 'open', holdReason: '', coach: [], offers: [], created: '2026-11-01T10:00:00Z',
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
		const feedback = { user: 'Alice', role: 'requester', rating: '5', outcome: 'achieved', confidenceBefore: '', confidenceAfter: '', stage: '', used: '', comment: 'Great', learned: '', created: '2026-11-03T10:00:00Z' };
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

describe( 'judgeHistory from nothing (a page\'s whole history)', () => {
	const page = { kind: 'request', number: 1 } as const;
	let revid = 500;
	type Step = { revision: { revid: number; user: string; timestamp: string; comment: string }; content: Content | null };
	const step = ( user: string, r: CapacityRequest | null, comment = '' ): Step => ( {
		revision: { revid: ++revid, user, timestamp: `2026-11-0${ revid % 9 + 1 }T10:00:00Z`, comment }, content: r && asContent( r ),
	} );
	const revids = ( items: { revision: { revid: number } }[] ): number[] => items.map( ( i ) => i.revision.revid );

	it( 'accepts the requester\'s creation and records it as a status change from nothing, with its summary', () => {
		const steps = [ step( 'Alice', request, 'New request' ), step( 'Hubert', { ...request, hub: 'Africa', status: 'triaged' }, 'Triaged' ) ];
		const outcome = judgeHistory( page, null, steps, context );
		expect( revids( outcome.accepted ) ).toEqual( revids( steps ) );
		expect( outcome.accepted[ 0 ]?.before ).toBeNull();
		expect( statusChangesOf( outcome.accepted ).map( ( c ) => [ c.from, c.to, c.user, c.comment ] ) ).toEqual( [
			[ '', 'open', 'Alice', 'New request' ], [ 'open', 'triaged', 'Hubert', 'Triaged' ],
		] );
	} );

	it( 'holds the first accepted revision to the rules for creating: a stranger cannot create in someone else\'s name', () => {
		const steps = [ step( 'Mallory', request ), step( 'Mallory', { ...request, title: 'Another title for it' } ) ];
		const outcome = judgeHistory( page, null, steps, context );
		expect( outcome.accepted ).toEqual( [] );
		expect( outcome.rejected.map( ( r ) => r.reason.key ) ).toEqual( [ 'capacitybuilding-permission-create-for-other',
			'capacitybuilding-permission-create-for-other' ] );
	} );

	it( 'refuses a creation that is not open, or comes with a coach, unless an admin makes it', () => {
		expect( judgeHistory( page, null, [ step( 'Alice', { ...request, status: 'matched' } ) ], context ).rejected[ 0 ]?.reason.key )
			.toBe( 'capacitybuilding-permission-create-not-open' );
		expect( judgeHistory( page, null, [ step( 'Alice', { ...request, offers: [ 'Carol' ] } ) ], context ).rejected[ 0 ]?.reason.key )
			.toBe( 'capacitybuilding-permission-create-with-coach' );
		expect( judgeHistory( page, null, [ step( 'Boss', { ...request, status: 'matched', coach: [ 'Carol' ] } ) ], context ).accepted ).toHaveLength( 1 );
	} );

	it( 'lets the requester take over a page a stranger started in their name: before anything is accepted there is nothing to carry', () => {
		const steps = [ step( 'Mallory', request ), step( 'Alice', { ...request, title: 'A valid request title, mine' } ) ];
		const outcome = judgeHistory( page, null, steps, context );
		expect( revids( outcome.accepted ) ).toEqual( [ revid ] );
		expect( outcome.rejected ).toEqual( [] );
	} );

	it( 'skips revisions without a record before the creation, and judges the rest as the bot would forward', () => {
		const steps = [ step( 'Alice', null ), step( 'Alice', request ), step( 'Mallory', { ...request, status: 'declined' } ),
			step( 'Boss', { ...request, title: 'A valid request title, fixed', status: 'declined' } ) ];
		const outcome = judgeHistory( page, null, steps, context );
		expect( revids( outcome.accepted ) ).toEqual( [ revid - 2 ] );
		expect( outcome.rejected.map( ( r ) => r.reason.key ) ).toEqual( [ 'capacitybuilding-permission-denied-decline',
			'capacitybuilding-bot-sync-carries-rejected' ] );
		// The same as judging forward from the accepted record.
		const forward = judgeHistory( page, asContent( request ), steps.slice( 2 ), context );
		expect( forward.rejected ).toEqual( outcome.rejected );
	} );

	it( 'accepts a revision that leaves the record as accepted, whoever makes it (a revert, a move\'s null revision)', () => {
		const profile: CoachProfile = {
			user: 'Carol', topics: [ 'outreach' ], languages: [ 'en' ], regions: [], formats: [ 'coaching' ], availability: 'available',
			awayUntil: '', maxRequests: '2', bio: 'Mine.', contact: 'talk', hubs: [],
		};
		const coachPage = { kind: 'coach', user: 'Carol' } as const;
		const c = ( p: CoachProfile ): Content => ( { kind: 'coach', record: p } );
		const steps = [ { revision: { revid: 1, user: 'Carol' }, content: c( profile ) },
			{ revision: { revid: 2, user: 'Mallory' }, content: c( { ...profile, bio: 'Vandalised.' } ) },
			{ revision: { revid: 3, user: 'Mallory' }, content: c( profile ) } ];
		const outcome = judgeHistory( coachPage, null, steps, context );
		expect( revids( outcome.accepted ) ).toEqual( [ 1, 3 ] );
		expect( outcome.rejected ).toEqual( [] );
	} );

	it( 'judges each revision with the roles of its own time', () => {
		// Mallory becomes a contact of the hub between her two declines.
		const later: PermissionContext = { ...context, hubs: new Map( [ [ 'Africa', { contacts: [ 'Hubert', 'Mallory' ] } ] ] ) };
		const hubbed = { ...request, hub: 'Africa' };
		const steps = [ step( 'Alice', hubbed ), step( 'Mallory', { ...hubbed, status: 'declined' } ), step( 'Alice', hubbed ),
			step( 'Mallory', { ...hubbed, status: 'declined' } ) ];
		const roleChange = revid - 1;
		const outcome = judgeHistory( page, null, steps, ( r ) => r.revid > roleChange ? later : context );
		expect( revids( outcome.accepted ) ).toEqual( [ revid - 3, revid - 1, revid ] );
	} );
} );

describe( 'judgeView', () => {
	const page = { kind: 'request', number: 1 } as const;
	const text = ( r: CapacityRequest ): string => `${ serialize( REQUEST_SCHEMA, r ) }\n\nDiscussion.`;
	const revision = ( revid: number, user: string, r: CapacityRequest | null, comment = '' ): ViewRevision => ( {
		revid, user, timestamp: `2026-11-0${ revid % 9 + 1 }T10:00:00Z`, comment, text: r ? text( r ) : 'Blanked.',
	} );
	const input = { page, context, parse: parseContext };

	it( 'shows the published record when a stranger\'s newer edit is not accepted, and says why', () => {
		const view = judgeView( { ...input, published: { revid: 10, text: text( request ) },
			revisions: [ revision( 11, 'Mallory', { ...request, status: 'declined' } ) ] } );
		expect( view.record ).toMatchObject( { revid: 10, content: { record: { status: 'open' } } } );
		expect( view.newerThanPublished ).toBe( false );
		expect( view.pending ).toEqual( [ expect.objectContaining( { revid: 11, user: 'Mallory', kind: 'rejected',
			reason: expect.objectContaining( { key: 'capacitybuilding-permission-denied-decline' } ) } ) ] );
		expect( view.statusChanges ).toEqual( [] );
	} );

	it( 'shows a newer accepted record with its status changes, and a later unreadable revision as pending', () => {
		const triaged = { ...request, hub: 'Africa', status: 'triaged' };
		const view = judgeView( { ...input, published: { revid: 10, text: text( request ) },
			revisions: [ revision( 11, 'Hubert', triaged, 'Triaged to Africa' ), revision( 12, 'Hubert', { ...triaged, title: 'A better title' } ),
				revision( 13, 'Mallory', null ) ] } );
		expect( view.record ).toMatchObject( { revid: 12, content: { record: { title: 'A better title' } }, problems: [] } );
		expect( view.newerThanPublished ).toBe( true );
		expect( view.statusChanges ).toEqual( [ { revid: 11, from: 'open', to: 'triaged', user: 'Hubert',
			timestamp: expect.any( String ), comment: 'Triaged to Africa' } ] );
		expect( view.pending.map( ( p ) => [ p.revid, p.kind, p.reason.key ] ) ).toEqual( [ [ 13, 'unreadable', 'capacitybuilding-codec-missing-template' ] ] );
	} );

	it( 'judges a page the index does not list yet from its first revision', () => {
		const stranger = judgeView( { ...input, published: null, revisions: [ revision( 20, 'Mallory', request ) ] } );
		expect( stranger.record ).toBeNull();
		expect( stranger.pending.map( ( p ) => p.reason.key ) ).toEqual( [ 'capacitybuilding-permission-create-for-other' ] );
		const own = judgeView( { ...input, published: null, revisions: [ revision( 20, 'Alice', request, 'Created' ) ] } );
		expect( own.record?.revid ).toBe( 20 );
		expect( own.statusChanges.map( ( c ) => [ c.from, c.to ] ) ).toEqual( [ [ '', 'open' ] ] );
	} );

	it( 'never shows a revision whose content is hidden', () => {
		const view = judgeView( { ...input, published: { revid: 10, text: text( request ) },
			revisions: [ { revid: 11, user: 'Alice', timestamp: '2026-11-02T10:00:00Z', text: null } ] } );
		expect( view.record?.revid ).toBe( 10 );
		expect( view.pending.map( ( p ) => [ p.kind, p.reason.key ] ) ).toEqual( [ [ 'unreadable', 'capacitybuilding-bot-sync-content-hidden' ] ] );
	} );
} );
