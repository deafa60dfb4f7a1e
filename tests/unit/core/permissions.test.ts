/**
 * The who-may-do-what table (docs/data-model.md), cell by cell, plus the rules around it.
 */
import { DEFAULT_CONFIG } from '../../../modules/core/config';
import type { CapacityRequest, CoachProfile, Feedback, Hub } from '../../../modules/core/model';
import {
	applyAction, availableActions, checkCoachChange, mayMove, checkFeedbackChange, feedbackRoleFor, checkHubChange, checkRequestChange,
	type PermissionContext, type RequestAction,
} from '../../../modules/core/permissions';

const context: PermissionContext = {
	config: { ...DEFAULT_CONFIG, admins: [ 'Adam' ], bots: [ 'CapacityBot' ] },
	hubs: new Map( [ [ 'Hub A', { contacts: [ 'Hana' ] } ], [ 'Hub B', { contacts: [ 'Bruno' ] } ] ] ),
	coaches: new Set( [ 'Carla', 'Omar', 'Otto' ] ),
};

/** One user per role. */
const PEOPLE = {
	requester: 'Rita',
	'assigned coach': 'Carla',
	'offered coach': 'Omar',
	'other coach': 'Otto',
	'hub contact': 'Hana',
	'other hub contact': 'Bruno',
	admin: 'Adam',
	bot: 'CapacityBot',
	evaluator: 'Eva',
	'other user': 'Rand',
} as const;
type Person = keyof typeof PEOPLE;
const ROLES = Object.keys( PEOPLE ) as Person[];

const base: CapacityRequest = {
	title: 'Help with a wikithon', requester: 'Rita', requesterType: 'individual', organisation: '', region: 'LAC',
	hub: 'Hub A', topics: [ 'event-organising' ], formats: [ 'coaching' ], languages: [ 'es' ], lang: '', neededBy: '',
	description: 'We want to organise our first wikithon and need help.', status: 'triaged',
	holdReason: '', coach: [], offers: [ 'Omar' ], created: '2026-11-01T10:00:00Z',
};

type Change = ( author: string ) => [ CapacityRequest, CapacityRequest ];

const matched = { ...base, status: 'matched', coach: [ 'Carla' ], offers: [ 'Carla', 'Omar' ] };

const MOVES: Record<string, Change> = {
	'triage (route to another hub)': () => [ base, { ...base, hub: 'Hub B' } ],
	decline: () => [ base, { ...base, status: 'declined' } ],
	'offer (own name)': ( author ) => [ base, { ...base, offers: [ ...base.offers, author ] } ],
	'accept an offer': () => [ base, { ...base, status: 'matched', coach: [ 'Omar' ] } ],
	start: () => [ matched, { ...matched, status: 'in-progress' } ],
	complete: () => [ { ...matched, status: 'in-progress' }, { ...matched, status: 'completed' } ],
	withdraw: () => [ base, { ...base, status: 'withdrawn' } ],
	'put on hold': () => [ matched, { ...matched, status: 'on-hold' } ],
	reopen: () => [ { ...matched, status: 'on-hold' }, matched ],
	'edit the description': () => [ base, { ...base, description: `${ base.description } More details.` } ],
	'reopen a finished request': () => [ { ...matched, status: 'completed' }, matched ],
};

// Columns: requester, assigned coach, offered coach, other coach, hub contact, other hub contact,
// admin, bot, evaluator, other user.
const TABLE: Record<string, string> = {
	'triage (route to another hub)': '. . . . Y . Y Y . .',
	decline: '. . . . Y . Y Y . .',
	'offer (own name)': '. Y Y Y . . . . . .',
	'accept an offer': 'Y . . . Y . Y Y . .',
	start: 'Y Y . . Y . Y Y . .',
	complete: 'Y Y . . Y . Y Y . .',
	withdraw: 'Y . . . . . Y Y . .',
	'put on hold': 'Y Y . . Y . Y Y . .',
	reopen: 'Y Y . . Y . Y Y . .',
	'edit the description': 'Y . . . Y . Y Y . .',
	'reopen a finished request': '. . . . . . Y Y . .',
};

const cells = Object.entries( TABLE ).flatMap( ( [ move, row ] ) => row.split( ' ' ).map( ( mark, column ) => ( {
	move, role: ROLES[ column ] as Person, allowed: mark === 'Y',
} ) ) );

describe( 'checkRequestChange: the table', () => {
	it( 'has a row for every move and a column for every role', () => {
		expect( Object.keys( TABLE ).sort() ).toEqual( Object.keys( MOVES ).sort() );
		expect( cells ).toHaveLength( Object.keys( MOVES ).length * ROLES.length );
	} );

	it.each( cells )( '$move by $role: allowed=$allowed', ( { move, role, allowed } ) => {
		const author = PEOPLE[ role ];
		const [ before, after ] = ( MOVES[ move ] as Change )( author );
		const decision = checkRequestChange( before, after, author, context );
		expect( decision.allowed ).toBe( allowed );
		// A refusal always says why, with a translatable message.
		expect( decision.allowed || /^capacitybuilding-permission-/.test( decision.reason.key ) ).toBe( true );
	} );
} );

describe( 'checkRequestChange: around the table', () => {
	it( 'lets a requester create an open request in their own name only', () => {
		const fresh = { ...base, hub: '', status: 'open', offers: [] };
		expect( checkRequestChange( null, fresh, 'Rita', context ).allowed ).toBe( true );
		expect( checkRequestChange( null, fresh, 'rita', context ).allowed ).toBe( true );
		expect( checkRequestChange( null, fresh, 'Rand', context ) ).toMatchObject( { allowed: false, reason: { key: 'capacitybuilding-permission-create-for-other' } } );
		expect( checkRequestChange( null, { ...fresh, status: 'completed' }, 'Rita', context ) ).toMatchObject( { allowed: false, reason: { key: 'capacitybuilding-permission-create-not-open' } } );
		expect( checkRequestChange( null, { ...fresh, coach: [ 'Carla' ] }, 'Rita', context ) ).toMatchObject( { allowed: false, reason: { key: 'capacitybuilding-permission-create-with-coach' } } );
		expect( checkRequestChange( null, { ...fresh, requester: 'Someone' }, 'Adam', context ).allowed ).toBe( true );
	} );

	it( 'lets any hub contact triage a request that has no hub yet', () => {
		const open = { ...base, hub: '', status: 'open', offers: [] };
		const triaged = { ...open, hub: 'Hub A', status: 'triaged' };
		expect( checkRequestChange( open, triaged, 'Hana', context ).allowed ).toBe( true );
		expect( checkRequestChange( open, triaged, 'Bruno', context ).allowed ).toBe( true );
		expect( checkRequestChange( open, triaged, 'Rita', context ).allowed ).toBe( false );
	} );

	it( 'accepts only a coach who offered (admins may assign anyone)', () => {
		const accept = { ...base, status: 'matched', coach: [ 'Otto' ] };
		expect( checkRequestChange( base, accept, 'Rita', context ) ).toMatchObject( { allowed: false, reason: { key: 'capacitybuilding-permission-accept-without-offer' } } );
		expect( checkRequestChange( base, accept, 'Adam', context ).allowed ).toBe( true );
	} );

	it( 'lets coaches offer only in their own name, and only while the request is open or triaged', () => {
		expect( checkRequestChange( base, { ...base, offers: [ 'Omar', 'Otto' ] }, 'Carla', context ) )
			.toMatchObject( { allowed: false, reason: { key: 'capacitybuilding-permission-offer-for-other' } } );
		expect( checkRequestChange( matched, { ...matched, offers: [ ...matched.offers, 'Otto' ] }, 'Otto', context ) )
			.toMatchObject( { allowed: false, reason: { key: 'capacitybuilding-permission-offer-closed' } } );
	} );

	it( 'lets a coach withdraw their own offer but not someone else\'s', () => {
		expect( checkRequestChange( base, { ...base, offers: [] }, 'Omar', context ) ).toMatchObject( { allowed: true, moves: [ 'retract-offer' ] } );
		expect( checkRequestChange( base, { ...base, offers: [] }, 'Otto', context ).allowed ).toBe( false );
		expect( checkRequestChange( base, { ...base, offers: [] }, 'Adam', context ).allowed ).toBe( true );
	} );

	it( 'refuses status changes outside the lifecycle, even to admins', () => {
		for ( const [ from, to ] of <[ string, string ][]>[ [ 'open', 'completed' ], [ 'triaged', 'in-progress' ], [ 'triaged', 'open' ], [ 'on-hold', 'completed' ], [ 'open', 'bogus' ] ] ) {
			const decision = checkRequestChange( { ...base, status: from }, { ...base, status: to, coach: [ 'Omar' ] }, 'Adam', context );
			expect( decision ).toMatchObject( { allowed: false, reason: { key: 'capacitybuilding-permission-invalid-transition', params: [ from, to ] } } );
		}
	} );

	it( 'keeps who asked and when for admins', () => {
		expect( checkRequestChange( base, { ...base, requester: 'Rand' }, 'Rita', context ).allowed ).toBe( false );
		expect( checkRequestChange( base, { ...base, created: '2020-01-01T00:00:00Z' }, 'Hana', context ).allowed ).toBe( false );
		expect( checkRequestChange( base, { ...base, requester: 'Rand' }, 'Adam', context ).allowed ).toBe( true );
	} );

	it( 'honours a status policy that forbids reopening finished requests', () => {
		const strict = { ...context, config: { ...context.config, statusPolicy: { staleAfterDays: 60, adminsMayReopenClosed: false } } };
		expect( checkRequestChange( { ...matched, status: 'completed' }, matched, 'Adam', strict ).allowed ).toBe( false );
	} );

	it( 'compares usernames as MediaWiki does', () => {
		expect( checkRequestChange( base, { ...base, status: 'withdrawn' }, 'rita', context ).allowed ).toBe( true );
		expect( checkRequestChange( matched, { ...matched, status: 'in-progress' }, 'carla', context ).allowed ).toBe( true );
	} );
} );

describe( 'availableActions', () => {
	const hubs = [ 'Hub A', 'Hub B' ];
	const requests = [
		{ ...base, hub: '', status: 'open', offers: [] }, base, matched, { ...matched, status: 'in-progress' },
		{ ...matched, status: 'on-hold' }, { ...matched, status: 'completed' }, { ...base, status: 'declined' },
	];

	it( 'offers exactly the actions whose change would be accepted', () => {
		const all: RequestAction[] = [
			{ type: 'offer' }, { type: 'retract-offer' }, { type: 'accept', coach: 'Omar' }, { type: 'start' }, { type: 'complete' },
			{ type: 'withdraw' }, { type: 'hold' }, { type: 'reopen' }, { type: 'triage', hub: 'Hub B' }, { type: 'decline' },
		];
		const disagreements = [];
		for ( const request of requests ) {
			for ( const user of Object.values( PEOPLE ) ) {
				const offered = availableActions( request, user, context, hubs );
				// An accept action only exists for coaches who offered.
				for ( const action of all.filter( ( a ) => a.type !== 'accept' || request.offers.includes( a.coach ) ) ) {
					const next = applyAction( request, action, user );
					const changes = JSON.stringify( next ) !== JSON.stringify( request );
					const allowed = changes && checkRequestChange( request, next, user, context ).allowed;
					const listed = offered.some( ( a ) => JSON.stringify( a ) === JSON.stringify( action ) );
					if ( listed !== allowed ) {
						disagreements.push( { status: request.status, user, action, listed, allowed } );
					}
				}
			}
		}
		expect( disagreements ).toEqual( [] );
	} );

	it( 'gives the requester of a triaged request the expected buttons', () => {
		expect( availableActions( base, 'Rita', context, hubs ).map( ( a ) => a.type ) ).toEqual( [ 'accept', 'withdraw', 'hold' ] );
		expect( availableActions( base, 'Otto', context, hubs ).map( ( a ) => a.type ) ).toEqual( [ 'offer' ] );
		expect( availableActions( base, 'Eva', context, hubs ) ).toEqual( [] );
	} );
} );

describe( 'reassigning a coach', () => {
	it( 'is for hub contacts and admins only, also through an accept button on a matched request', () => {
		const reassigned = { ...matched, coach: [ 'Omar' ] };
		expect( checkRequestChange( matched, reassigned, 'Carla', context ) ).toMatchObject( { allowed: false, moves: [ 'reassign' ] } );
		expect( checkRequestChange( matched, reassigned, 'Rita', context ).allowed ).toBe( false );
		expect( checkRequestChange( matched, reassigned, 'Hana', context ).allowed ).toBe( true );
		expect( availableActions( matched, 'Carla', context, [] ).map( ( a ) => a.type ) ).toEqual( [ 'retract-offer', 'start', 'hold' ] );
	} );
} );

describe( 'mayMove', () => {
	it( 'agrees with checkRequestChange on editing a request\'s content, for every role', () => {
		const edited = { ...base, description: `${ base.description } More details.` };
		for ( const user of Object.values( PEOPLE ) ) {
			expect( [ user, mayMove( base, 'edit', user, context ) ] )
				.toEqual( [ user, checkRequestChange( base, edited, user, context ).allowed ] );
		}
	} );

	it( 'allows nothing to a logged-out reader', () => {
		expect( mayMove( base, 'edit', '', context ) ).toBe( false );
	} );
} );

describe( 'coach profiles, hubs and feedback', () => {
	const profile: CoachProfile = {
		user: 'Carla', topics: [ 'governance' ], languages: [ 'es' ], regions: [], formats: [ 'coaching' ], availability: 'available',
		awayUntil: '', maxRequests: '3', bio: '', contact: 'talk', hubs: [],
	};

	it( 'lets only the coach or an admin change a coach profile', () => {
		expect( checkCoachChange( 'Carla', null, profile, 'Carla', context ).allowed ).toBe( true );
		expect( checkCoachChange( 'Carla', profile, { ...profile, bio: 'x' }, 'Adam', context ).allowed ).toBe( true );
		expect( checkCoachChange( 'Carla', profile, { ...profile, bio: 'x' }, 'Otto', context ) )
			.toMatchObject( { allowed: false, reason: { key: 'capacitybuilding-permission-coach-not-owner', params: [ 'Carla' ] } } );
		expect( checkCoachChange( 'Carla', null, { ...profile, user: 'Otto' }, 'Carla', context ) )
			.toMatchObject( { allowed: false, reason: { key: 'capacitybuilding-permission-coach-user-mismatch' } } );
	} );

	describe( 'hubs', () => {
		const hub: Hub = { name: 'Hub A', kind: 'regional', regions: [ 'LAC' ], topics: [], languages: [], contacts: [ 'Hana' ], noticeboard: '' };
		const withHub = { ...context, hubs: new Map( [ [ 'Hub_A', { contacts: [ 'Hana' ] } ] ] ) };
		const noHubs = { ...context, hubs: new Map() };
		const created = { ...hub, name: 'Hub B', contacts: [ 'Hana', 'Otto' ] };
		const edited = { ...hub, languages: [ 'es' ] };
		const DENIED_CREATE = 'capacitybuilding-permission-hub-create';
		const NOT_CONTACT = 'capacitybuilding-permission-hub-create-not-contact';
		const DENIED_EDIT = 'capacitybuilding-permission-hub-edit';
		const cases: [ string, Hub | null, Hub, string, PermissionContext, string | null ][] = [
			// [ case, before, after, author, hubs accepted, refused with ]
			[ 'an admin creates a hub for others', null, hub, 'Adam', context, null ],
			[ 'a bot creates a hub for others', null, hub, 'CapacityBot', context, null ],
			[ 'a contact of an accepted hub creates one listing themselves', null, created, 'Hana', withHub, null ],
			[ 'a contact written as another spelling', null, { ...created, contacts: [ 'hana' ] }, 'Hana', withHub, null ],
			[ 'a contact of an accepted hub who does not list themselves', null, { ...created, contacts: [ 'Otto' ] }, 'Hana', withHub, NOT_CONTACT ],
			[ 'someone who lists themselves but is no hub contact', null, { ...created, contacts: [ 'Otto' ] }, 'Otto', withHub, DENIED_CREATE ],
			[ 'the would-be contact of a hub that is not accepted yet', null, hub, 'Hana', noHubs, DENIED_CREATE ],
			[ 'a requester', null, { ...hub, contacts: [ 'Rita' ] }, 'Rita', withHub, DENIED_CREATE ],
			[ 'a contact edits their hub', hub, edited, 'Hana', noHubs, null ],
			[ 'an admin edits a hub', hub, edited, 'Adam', context, null ],
			[ 'a non-contact edits a hub', hub, edited, 'Bruno', withHub, DENIED_EDIT ],
			[ 'a non-contact adds themselves as a contact', hub, { ...hub, contacts: [ 'Hana', 'Bruno' ] }, 'Bruno', withHub, DENIED_EDIT ],
			[ 'a contact of another hub edits this one', { ...hub, contacts: [ 'Otto' ] }, edited, 'Hana', withHub, DENIED_EDIT ],
			[ 'a contact removed by the change itself still made it', hub, { ...hub, contacts: [ 'Otto' ] }, 'Hana', context, null ],
		];
		it.each( cases )( '%s', ( _case, before, after, author, hubContext, refused ) => {
			const decision = checkHubChange( before, after, author, hubContext );
			expect( decision.moves ).toEqual( [ before === null ? 'create' : 'edit' ] );
			expect( decision.allowed ? null : decision.reason.key ).toBe( refused );
		} );
	} );

	describe( 'feedback', () => {
		const completed: CapacityRequest = { ...base, status: 'completed', coach: [ 'Carla' ], offers: [ 'Carla' ] };
		const entry: Feedback = { user: 'Rita', role: 'requester', rating: '5', outcome: 'achieved', confidenceBefore: '2', confidenceAfter: '4', stage: '', used: '', comment: 'Thanks', learned: '', created: '2027-01-01T00:00:00Z' };
		const as = ( user: string, role: string, more: Partial<Feedback> = {} ): Feedback => ( { ...entry, user, role, ...more } );

		// [ what, request, before, after, author, expected: allowed or the reason's message key ]
		const cases: [ string, CapacityRequest, Feedback[], Feedback[], string, true | string ][] = [
			[ 'the requester, as requester', completed, [], [ entry ], 'Rita', true ],
			[ 'the assigned coach, as coach', completed, [], [ as( 'Carla', 'coach' ) ], 'Carla', true ],
			[ 'a contact of the request\'s hub, as hub contact', completed, [], [ as( 'Hana', 'hub-contact' ) ], 'Hana', true ],
			[ 'a contact of another hub', completed, [], [ as( 'Bruno', 'hub-contact' ) ], 'Bruno', 'capacitybuilding-permission-feedback-role' ],
			[ 'a stranger in their own name', completed, [], [ as( 'Rand', 'requester' ) ], 'Rand', 'capacitybuilding-permission-feedback-role' ],
			[ 'a stranger as participant', completed, [], [ as( 'Rand', 'participant' ) ], 'Rand', 'capacitybuilding-permission-feedback-role' ],
			[ 'a stranger as other', completed, [], [ as( 'Rand', 'other' ) ], 'Rand', 'capacitybuilding-permission-feedback-role' ],
			[ 'a coach who only offered', completed, [], [ as( 'Omar', 'coach' ) ], 'Omar', 'capacitybuilding-permission-feedback-role' ],
			[ 'the requester claiming to be the coach', completed, [], [ as( 'Rita', 'coach' ) ], 'Rita', 'capacitybuilding-permission-feedback-role' ],
			[ 'a stranger in the requester\'s name', completed, [], [ entry ], 'Rand', 'capacitybuilding-permission-feedback-other' ],
			[ 'the coach in the requester\'s name', completed, [], [ entry ], 'Carla', 'capacitybuilding-permission-feedback-other' ],
			[ 'an admin writing a new entry in someone\'s name', completed, [], [ entry ], 'Adam', 'capacitybuilding-permission-feedback-other' ],
			[ 'before completion', { ...completed, status: 'in-progress' }, [], [ entry ], 'Rita', 'capacitybuilding-permission-feedback-not-completed' ],
			[ 'a follow-up by the requester', completed, [], [ as( 'Rita', 'requester', { stage: 'follow-up', used: 'yes' } ) ], 'Rita', true ],
			[ 'a follow-up by the coach', completed, [], [ as( 'Carla', 'coach', { stage: 'follow-up', used: 'yes' } ) ], 'Carla', 'capacitybuilding-permission-feedback-follow-up-requester' ],
			[ 'the author editing their entry', completed, [ entry ], [ { ...entry, rating: '4' } ], 'Rita', true ],
			[ 'an admin correcting an entry', completed, [ entry ], [ { ...entry, comment: '' } ], 'Adam', true ],
			[ 'a stranger editing an entry', completed, [ entry ], [ { ...entry, rating: '1' } ], 'Rand', 'capacitybuilding-permission-feedback-other' ],
			[ 'the coach editing the requester\'s entry', completed, [ entry ], [ { ...entry, rating: '1' } ], 'Carla', 'capacitybuilding-permission-feedback-other' ],
			[ 'a stranger removing an entry', completed, [ entry ], [], 'Rand', 'capacitybuilding-permission-feedback-other' ],
			[ 'the author removing their entry', completed, [ entry ], [], 'Rita', true ],
			[ 'an admin removing an entry', completed, [ entry ], [], 'Adam', true ],
			[ 'the coach adding theirs beside one left as it was', completed, [ entry ], [ entry, as( 'Carla', 'coach' ) ], 'Carla', true ],
			[ 'an untouched entry on a reopened request', { ...completed, status: 'in-progress' }, [ entry ], [ entry ], 'Carla', true ],
			[ 'the author editing after being unassigned', { ...completed, coach: [ 'Otto' ] }, [ as( 'Carla', 'coach' ) ], [ as( 'Carla', 'coach', { rating: '1' } ) ], 'Carla', 'capacitybuilding-permission-feedback-role' ],
		];
		it.each( cases )( '%s', ( _what, request, before, after, author, expected ) => {
			const decision = checkFeedbackChange( request, before, after, author, context );
			expect( decision.allowed ? true : decision.reason.key ).toBe( expected );
		} );

		it( 'gives the form the role a person holds, only on a completed request', () => {
			expect( feedbackRoleFor( completed, 'Rita', context ) ).toBe( 'requester' );
			expect( feedbackRoleFor( completed, 'carla', context ) ).toBe( 'coach' );
			expect( feedbackRoleFor( completed, 'Rand', context ) ).toBeNull();
			expect( feedbackRoleFor( completed, 'Hana', context ) ).toBeNull();
			expect( feedbackRoleFor( completed, '', context ) ).toBeNull();
			expect( feedbackRoleFor( { ...completed, status: 'in-progress' }, 'Rita', context ) ).toBeNull();
		} );
	} );
} );
