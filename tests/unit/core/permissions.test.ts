/**
 * The who-may-do-what table (docs/data-model.md), cell by cell, plus the rules around it.
 */
import { DEFAULT_CONFIG } from '../../../modules/core/config';
import type { CapacityRequest, CoachProfile, Feedback } from '../../../modules/core/model';
import {
	applyAction, availableActions, checkCoachChange, mayMove, checkFeedbackChange, checkHubChange, checkRequestChange,
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
	coach: [], offers: [ 'Omar' ], created: '2026-11-01T10:00:00Z',
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

	it( 'lets admins create hubs and contacts keep them up to date', () => {
		const hub = { name: 'Hub A', kind: 'regional', regions: [ 'LAC' ], topics: [], languages: [], contacts: [ 'Hana' ], noticeboard: '' };
		expect( checkHubChange( null, hub, 'Adam', context ).allowed ).toBe( true );
		expect( checkHubChange( null, hub, 'Hana', context ).allowed ).toBe( false );
		expect( checkHubChange( hub, { ...hub, languages: [ 'es' ] }, 'Hana', context ).allowed ).toBe( true );
		expect( checkHubChange( hub, { ...hub, languages: [ 'es' ] }, 'Bruno', context ).allowed ).toBe( false );
	} );

	it( 'lets anyone add feedback in their own name and nobody else change it', () => {
		const entry: Feedback = { user: 'Rita', role: 'requester', rating: '5', outcome: 'achieved', confidenceBefore: '', confidenceAfter: '', stage: '', used: '', comment: 'Thanks', learned: '', created: '2027-01-01T00:00:00Z' };
		expect( checkFeedbackChange( [], [ entry ], 'Rita', context ).allowed ).toBe( true );
		expect( checkFeedbackChange( [], [ entry ], 'Rand', context ).allowed ).toBe( false );
		expect( checkFeedbackChange( [ entry ], [ { ...entry, rating: '1' } ], 'Rand', context ).allowed ).toBe( false );
		expect( checkFeedbackChange( [ entry ], [], 'Rand', context ).allowed ).toBe( false );
		expect( checkFeedbackChange( [ entry ], [], 'Adam', context ).allowed ).toBe( true );
		const other = { ...entry, user: 'Carla', role: 'coach' };
		expect( checkFeedbackChange( [ entry ], [ entry, other ], 'Carla', context ).allowed ).toBe( true );
	} );
} );
