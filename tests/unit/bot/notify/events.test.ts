/**
 * From the store's accepted state and the clock to notices (bot/notify/events.ts, kinds.ts): the
 * first round floods nothing, each accepted status change is one notice with its reason, offers and
 * hub or coach changes come from the snapshot, stale and deadline notices come once per period,
 * a coach back from being away is asked, and each notice goes where the configuration says.
 */
import { DEFAULT_CONFIG, type CapacityConfig } from '../../../../modules/core/config';
import type { CapacityRequest } from '../../../../modules/core/model';
import { NOTICE_KINDS } from '../../../../modules/core/notices';
import { detect, route, type DetectInput, type NoticeDraft } from '../../../../bot/notify/events';
import { KINDS, defaultSwitches, kindEnabled, nameKey, statusNoticeKind, type Snapshot } from '../../../../bot/notify/kinds';
import type { StatusChange, StoredCoach, StoredHub, StoredRequest } from '../../../../bot/store';

const BASE = 'CB';
const DAY = 86_400_000;

function config( notifications: Partial<CapacityConfig[ 'notifications' ]> = {}, admins = [ 'Adam' ] ): CapacityConfig {
	return { ...DEFAULT_CONFIG, admins, notifications: { ...DEFAULT_CONFIG.notifications, ...notifications } };
}

function record( overrides: Partial<CapacityRequest> = {} ): CapacityRequest {
	return {
		title: 'Help with a workshop', requester: 'Alice', requesterType: 'individual', organisation: '', region: 'SSA', hub: '',
		topics: [ 'outreach' ], formats: [ 'workshop' ], languages: [ 'en' ], lang: 'fr', neededBy: '', description: 'Long enough text.',
		status: 'open', holdReason: '', coach: [], offers: [], created: '2026-01-01T10:00:00Z', ...overrides,
	};
}

function stored( number: number, revid: number, overrides: Partial<CapacityRequest> = {}, updated = '2026-01-01T10:00:00Z' ): StoredRequest {
	return { number, page: `${ BASE }/Requests/R${ number }`, revid, updated, record: record( overrides ), feedback: [] };
}

function change( number: number, revid: number, from: string, to: string, at: string, user = 'Alice', comment = '' ): StatusChange {
	return { requestNumber: number, revid, from, to, at, user, comment };
}

const hub: StoredHub = { key: 'Africa', page: `${ BASE }/Hubs/Africa`, revid: 2, updated: '2026-01-01T00:00:00Z', record: {
	name: 'Africa hub', kind: 'regional', regions: [ 'SSA' ], topics: [], languages: [ 'en' ], contacts: [ 'Hubert', 'Hana' ],
	noticeboard: 'CB/Hubs/Africa/Noticeboard' } };

function input( overrides: Partial<DetectInput> ): DetectInput {
	return {
		base: BASE, requests: [], history: [], coaches: [], hubs: [ hub ], config: config(), snapshots: new Map(),
		since: '2026-01-01T00:00:00Z', now: new Date( '2026-01-02T00:00:00Z' ), ...overrides,
	};
}

function snapshotOf( request: StoredRequest ): Snapshot {
	return { requestNumber: request.number, revid: request.revid, status: request.record.status, hub: request.record.hub,
		offers: request.record.offers, coach: request.record.coach };
}

const brief = ( notices: NoticeDraft[] ): string[] => notices.map( ( n ) => `${ n.key } ${ n.channel } ${ n.target } → ${ n.recipients.join( '+' ) }` );

describe( 'the table of kinds', () => {
	it( 'defines every kind once, with its messages, and switches from the configuration page', () => {
		expect( Object.keys( KINDS ).sort() ).toEqual( [ ...NOTICE_KINDS ].sort() );
		for ( const kind of NOTICE_KINDS ) {
			const { channel, messages } = KINDS[ kind ];
			expect( channel === 'digest' ? [ messages.line ] : [ messages.heading, messages.body, messages.summary ] ).not.toContain( undefined );
		}
		expect( defaultSwitches() ).toEqual( Object.fromEntries( NOTICE_KINDS.map( ( k ) => [ k, true ] ) ) );
		expect( kindEnabled( 'stale', config( { kinds: { stale: false } } ) ) ).toBe( false );
		expect( kindEnabled( 'offered', config( { kinds: { stale: false } } ) ) ).toBe( true );
	} );

	it( 'names the kind of each status change of the lifecycle', () => {
		expect( [ [ '', 'open' ], [ 'open', 'triaged' ], [ 'triaged', 'matched' ], [ 'matched', 'in-progress' ], [ 'in-progress', 'completed' ],
			[ 'open', 'declined' ], [ 'matched', 'withdrawn' ], [ 'in-progress', 'on-hold' ], [ 'on-hold', 'in-progress' ], [ 'declined', 'open' ],
			[ 'completed', 'matched' ] ].map( ( [ from, to ] ) => statusNoticeKind( from as string, to as string ) ) )
			.toEqual( [ null, 'triaged', 'matched', 'started', 'completed', 'declined', 'withdrawn', 'on-hold', 'reopened', 'reopened', 'reopened' ] );
	} );

	it( 'keys people and titles with short ASCII hashes', () => {
		expect( nameKey( 'Zoë Ünïcode' ) ).toMatch( /^[0-9a-f]{10}$/ );
		expect( nameKey( 'alice_b' ) ).toBe( nameKey( 'Alice b' ) );
	} );
} );

describe( 'detect', () => {
	it( 'announces nothing from before notifications started, and records what it saw', () => {
		const old = stored( 1, 10, { status: 'triaged', hub: 'Africa', offers: [ 'Carol' ] } );
		const result = detect( input( { requests: [ old ], since: '2026-06-01T00:00:00Z', now: new Date( '2026-06-01T00:00:00Z' ),
			history: [ change( 1, 5, '', 'open', '2026-01-01T10:00:00Z' ), change( 1, 10, 'open', 'triaged', '2026-01-02T10:00:00Z', 'Hubert' ) ] } ) );
		expect( result.notices ).toEqual( [] );
		expect( result.snapshots ).toEqual( [ snapshotOf( old ) ] );
	} );

	it( 'announces a new request on its hub\'s noticeboard, and each later change once, by its revision', () => {
		const created = stored( 1, 5, { hub: 'Africa' } );
		const first = detect( input( { requests: [ created ], history: [ change( 1, 5, '', 'open', '2026-01-01T10:00:00Z' ) ] } ) );
		expect( brief( first.notices ) ).toEqual( [ 'submitted-5 digest CB/Hubs/Africa/Noticeboard → Hubert+Hana' ] );

		const matched = stored( 1, 9, { hub: 'Africa', status: 'matched', coach: [ 'Carol' ], offers: [ 'Carol' ] }, '2026-01-01T12:00:00Z' );
		const history = [ change( 1, 5, '', 'open', '2026-01-01T10:00:00Z' ),
			change( 1, 7, 'open', 'triaged', '2026-01-01T11:00:00Z', 'Hubert' ),
			change( 1, 9, 'triaged', 'matched', '2026-01-01T12:00:00Z', 'Alice', 'Accepting Carol' ) ];
		const second = detect( input( { requests: [ matched ], history, snapshots: new Map( [ [ 1, snapshotOf( created ) ] ] ) } ) );
		// Triaged → the requester; the offer → the requester; matched → the coach (the requester accepted it herself).
		expect( brief( second.notices ) ).toEqual( [
			'triaged-7 request CB/Requests/R1 → Alice',
			'offered-9-' + nameKey( 'Carol' ) + ' request CB/Requests/R1 → Alice',
			'matched-9 request CB/Requests/R1 → Carol',
		] );
		expect( second.notices[ 2 ]?.data ).toMatchObject( { actor: 'Alice', coaches: [ 'Carol' ], title: 'Help with a workshop' } );
		// The same state again: the snapshot now says it all.
		const third = detect( input( { requests: [ matched ], history, snapshots: new Map( [ [ 1, snapshotOf( matched ) ] ] ) } ) );
		expect( third.notices ).toEqual( [] );
		expect( third.snapshots ).toEqual( [] );
	} );

	it( 'gives a notice to each of several changes between two rounds, each with its edit summary as the reason', () => {
		const before = stored( 2, 20, { status: 'in-progress', coach: [ 'Carol' ], offers: [ 'Carol' ] } );
		const after = stored( 2, 23, { status: 'in-progress', coach: [ 'Carol' ], offers: [ 'Carol' ] } );
		const history = [ change( 2, 21, 'in-progress', 'on-hold', '2026-01-01T11:00:00Z', 'Carol', 'Travelling for a month' ),
			change( 2, 23, 'on-hold', 'in-progress', '2026-01-01T12:00:00Z', 'Alice', 'Back on track' ) ];
		const { notices } = detect( input( { requests: [ after ], history, snapshots: new Map( [ [ 2, snapshotOf( before ) ] ] ) } ) );
		expect( brief( notices ) ).toEqual( [ 'on-hold-21 request CB/Requests/R2 → Alice', 'reopened-23 request CB/Requests/R2 → Carol' ] );
		expect( notices.map( ( n ) => n.data.reason ) ).toEqual( [ 'Travelling for a month', 'Back on track' ] );
	} );

	it( 'tells the requester of a new hub, and a newly assigned coach, without a change of status', () => {
		const before = stored( 3, 30, { status: 'matched', hub: 'Africa', coach: [ 'Carol' ], offers: [ 'Carol', 'Dave' ] } );
		const after = stored( 3, 31, { status: 'matched', hub: 'Learning', coach: [ 'Dave' ], offers: [ 'Carol', 'Dave' ] } );
		const { notices } = detect( input( { requests: [ after ], snapshots: new Map( [ [ 3, snapshotOf( before ) ] ] ) } ) );
		expect( brief( notices ) ).toEqual( [ 'triaged-31 request CB/Requests/R3 → Alice', 'matched-31 request CB/Requests/R3 → Alice+Dave' ] );
	} );

	it( 'leaves out switched-off kinds, and the person who made the change', () => {
		const before = stored( 4, 40 );
		const after = stored( 4, 41, { status: 'withdrawn' } );
		const history = [ change( 4, 41, 'open', 'withdrawn', '2026-01-01T11:00:00Z', 'Alice' ) ];
		const on = detect( input( { requests: [ after ], history, snapshots: new Map( [ [ 4, snapshotOf( before ) ] ] ) } ) );
		// Withdrawn by the requester, no coach: posted on the request page (the page tells the story) to nobody.
		expect( brief( on.notices ) ).toEqual( [ 'withdrawn-41 request CB/Requests/R4 → ' ] );
		const off = detect( input( { requests: [ after ], history, snapshots: new Map( [ [ 4, snapshotOf( before ) ] ] ),
			config: config( { kinds: { withdrawn: false } } ) } ) );
		expect( off.notices ).toEqual( [] );
		expect( off.snapshots ).toHaveLength( 1 );
	} );

	it( 'lists a stale request once per stale period, and not once its status changed', () => {
		const request = stored( 5, 50, { hub: 'Africa' } );
		const history = [ change( 5, 50, '', 'open', '2026-01-01T10:00:00Z' ) ];
		const at = ( days: number ): DetectInput => input( { requests: [ request ], history, snapshots: new Map( [ [ 5, snapshotOf( request ) ] ] ),
			now: new Date( Date.parse( '2026-01-01T10:00:00Z' ) + days * DAY ) } );
		expect( detect( at( 59 ) ).notices ).toEqual( [] );
		expect( brief( detect( at( 60 ) ).notices ) ).toEqual( [ 'stale-50-1 digest CB/Hubs/Africa/Noticeboard → Hubert+Hana' ] );
		expect( detect( at( 61 ) ).notices.map( ( n ) => n.key ) ).toEqual( [ 'stale-50-1' ] );
		expect( detect( at( 119 ) ).notices.map( ( n ) => n.key ) ).toEqual( [ 'stale-50-1' ] );
		expect( detect( at( 120 ) ).notices.map( ( n ) => n.key ) ).toEqual( [ 'stale-50-2' ] );
		expect( detect( at( 60 ) ).notices[ 0 ]?.data.days ).toBe( 60 );
		// Triaged on day 70: a new start; matched: not stale at all.
		const triaged = [ ...history, change( 5, 55, 'open', 'triaged', '2026-03-12T10:00:00Z', 'Hubert' ) ];
		const stale = ( i: DetectInput ): string[] => detect( i ).notices.filter( ( n ) => n.kind === 'stale' ).map( ( n ) => n.key );
		expect( stale( { ...at( 120 ), history: triaged } ) ).toEqual( [] );
		expect( stale( { ...at( 130 ), history: triaged } ) ).toEqual( [ 'stale-55-1' ] );
		expect( stale( { ...at( 130 ), requests: [ stored( 5, 56, { status: 'matched', coach: [ 'Carol' ] } ) ] } ) ).toEqual( [] );
		// No hub, routed to Africa (it covers the region): Africa's contacts, on its noticeboard.
		expect( brief( detect( { ...at( 60 ), requests: [ stored( 5, 50 ) ] } ).notices ) )
			.toEqual( [ 'stale-50-1 digest CB/Hubs/Africa/Noticeboard → Hubert+Hana' ] );
		// No hub covers it: the admins, on the programme's noticeboard.
		expect( brief( detect( { ...at( 60 ), requests: [ stored( 5, 50, { region: 'NWE' } ) ] } ).notices ) )
			.toEqual( [ 'stale-50-1 digest CB/Noticeboard → Adam' ] );
	} );

	it( 'asks the requester the follow-up once, the follow-up period after completion, until they answer', () => {
		const completedAt = '2026-01-10T10:00:00Z';
		const request = stored( 8, 81, { status: 'completed', coach: [ 'Carol' ] } );
		const history = [ change( 8, 80, '', 'open', '2026-01-01T10:00:00Z' ),
			change( 8, 81, 'in-progress', 'completed', completedAt, 'Carol' ) ];
		const at = ( days: number, more: Partial<DetectInput> = {} ): DetectInput => input( { requests: [ request ], history,
			snapshots: new Map( [ [ 8, snapshotOf( request ) ] ] ), now: new Date( Date.parse( completedAt ) + days * DAY ), ...more } );
		const followUps = ( i: DetectInput ): string[] => brief( detect( i ).notices.filter( ( n ) => n.kind === 'follow-up' ) );
		expect( followUps( at( 90 ) ) ).toEqual( [] );
		// The default period is 91 days; the key is the completing revision's, so a rerun finds it again.
		expect( followUps( at( 91 ) ) ).toEqual( [ 'follow-up-81 request CB/Requests/R8 → Alice' ] );
		expect( followUps( at( 200 ) ) ).toEqual( [ 'follow-up-81 request CB/Requests/R8 → Alice' ] );
		// A configured period; switched off; due before notifications started.
		expect( followUps( at( 10, { config: config( { followUpDays: 10 } ) } ) ) ).toHaveLength( 1 );
		expect( followUps( at( 200, { config: config( { kinds: { 'follow-up': false } } ) } ) ) ).toEqual( [] );
		expect( followUps( at( 200, { since: '2026-05-01T00:00:00Z' } ) ) ).toEqual( [] );
		// Answered already: nothing to ask. A coach's follow-up does not count.
		const entry = { user: 'Alice', role: 'requester', rating: '', outcome: '', confidenceBefore: '', confidenceAfter: '', stage: 'follow-up',
			used: 'yes', comment: '', learned: '', created: '2026-04-01T00:00:00Z' };
		expect( followUps( at( 200, { requests: [ { ...request, feedback: [ entry ] } ] } ) ) ).toEqual( [] );
		expect( followUps( at( 200, { requests: [ { ...request, feedback: [ { ...entry, user: 'Carol', role: 'coach' } ] } ] } ) ) ).toHaveLength( 1 );
		// Reopened since: not completed now, nothing to ask.
		const reopened = [ ...history, change( 8, 83, 'completed', 'in-progress', '2026-02-01T10:00:00Z', 'Adam' ) ];
		expect( followUps( at( 200, { history: reopened, requests: [ stored( 8, 83, { status: 'in-progress', coach: [ 'Carol' ] } ) ] } ) ) ).toEqual( [] );
	} );

	it( 'warns of a deadline within the window once per date, while there is no coach', () => {
		const request = stored( 6, 60, { neededBy: '2026-02-01' } );
		const history = [ change( 6, 60, '', 'open', '2026-01-01T10:00:00Z' ) ];
		const at = ( date: string, r = request ): NoticeDraft[] => detect( input( { requests: [ r ], history,
			snapshots: new Map( [ [ 6, snapshotOf( r ) ] ] ), now: new Date( `${ date }T12:00:00Z` ) } ) ).notices;
		expect( at( '2026-01-17' ) ).toEqual( [] );
		expect( at( '2026-01-18' ).map( ( n ) => [ n.key, n.eventAt ] ) ).toEqual( [ [ 'deadline-60-2026-02-01', '2026-01-18T00:00:00Z' ] ] );
		expect( at( '2026-02-01' ).map( ( n ) => n.key ) ).toEqual( [ 'deadline-60-2026-02-01' ] );
		expect( at( '2026-02-02' ) ).toEqual( [] );
		expect( at( '2026-01-20', stored( 6, 61, { neededBy: '2026-02-01', status: 'matched', coach: [ 'Carol' ] } ) ) ).toEqual( [] );
		expect( at( '2026-01-20', stored( 6, 61, { neededBy: '2026-01-25' } ) ).map( ( n ) => n.key ) ).toEqual( [ 'deadline-60-2026-01-25' ] );
	} );

	it( 'asks a coach whose away date has passed, once, on their user talk page', () => {
		const coach: StoredCoach = { user: 'Carol', page: 'CB/Coaches/Carol', revid: 70, updated: '2026-01-01T00:00:00Z', since: 70, record: {
			user: 'Carol', topics: [ 'outreach' ], languages: [ 'en' ], regions: [], formats: [ 'coaching' ], availability: 'away',
			awayUntil: '2026-01-10', maxRequests: '2', bio: '', contact: 'talk', hubs: [] } };
		const at = ( date: string ): NoticeDraft[] => detect( input( { coaches: [ coach ], now: new Date( `${ date }T08:00:00Z` ) } ) ).notices;
		expect( at( '2026-01-10' ) ).toEqual( [] );
		expect( brief( at( '2026-01-11' ) ) ).toEqual( [ `away-${ nameKey( 'Carol' ) }-2026-01-10 talk User talk:Carol → Carol` ] );
		expect( at( '2026-03-01' ).map( ( n ) => n.eventAt ) ).toEqual( [ '2026-01-11T00:00:00Z' ] );
		expect( detect( input( { coaches: [ { ...coach, record: { ...coach.record, availability: 'available' } } ],
			now: new Date( '2026-03-01T00:00:00Z' ) } ) ).notices ).toEqual( [] );
	} );
} );

describe( 'route', () => {
	const request = stored( 7, 70, { coach: [ 'Carol' ], status: 'in-progress' } );
	const event = { kind: 'completed' as const, key: 'completed-70', at: '2026-01-02T00:00:00Z', actor: 'Hubert', request: 7, revid: 70,
		data: { page: request.page, title: 'T' } };
	const hubs = new Map( [ [ 'Africa', hub ] ] );

	it( 'mentions the people on the request page, and tells on user talk pages where configured', () => {
		expect( brief( route( event, request, hubs, { base: BASE, config: config() } ) ) )
			.toEqual( [ 'completed-70 request CB/Requests/R7 → Alice+Carol' ] );
		expect( brief( route( event, request, hubs, { base: BASE, config: config( { userTalk: [ 'completed' ] } ) } ) ) ).toEqual( [
			'completed-70 request CB/Requests/R7 → Alice+Carol',
			`completed-70-talk-${ nameKey( 'Alice' ) } talk User talk:Alice → Alice`,
			`completed-70-talk-${ nameKey( 'Carol' ) } talk User talk:Carol → Carol`,
		] );
	} );

	it( 'tells everyone on their user talk page when request pages are no discussion pages', () => {
		expect( brief( route( event, request, hubs, { base: BASE, config: config( { mentions: false } ) } ) ) ).toEqual( [
			'completed-70 request CB/Requests/R7 → ',
			`completed-70-talk-${ nameKey( 'Alice' ) } talk User talk:Alice → Alice`,
			`completed-70-talk-${ nameKey( 'Carol' ) } talk User talk:Carol → Carol`,
		] );
	} );

	it( 'mentions at most 50 people an edit; the others hear on their user talk pages; impossible names are left out', () => {
		const many = Array.from( { length: 52 }, ( _, i ) => `Coach ${ i }` );
		const crowded = stored( 8, 80, { coach: [ ...many, 'Bad|Name', 'Bad/Name' ], status: 'in-progress' } );
		const notices = route( { ...event, request: 8 }, crowded, hubs, { base: BASE, config: config() } );
		expect( notices[ 0 ]?.recipients ).toHaveLength( 50 );
		expect( notices.slice( 1 ).map( ( n ) => n.target ) ).toEqual( [ 'User talk:Coach 49', 'User talk:Coach 50', 'User talk:Coach 51' ] );
	} );

	it( 'puts a hub\'s digest entries on its noticeboard, or on the programme\'s', () => {
		const submitted = { ...event, kind: 'submitted' as const, key: 'submitted-1', actor: 'Alice' };
		expect( route( submitted, stored( 9, 90, { hub: 'Africa' } ), hubs, { base: BASE, config: config() } )[ 0 ]?.target )
			.toBe( 'CB/Hubs/Africa/Noticeboard' );
		const noBoard = new Map( [ [ 'Africa', { ...hub, record: { ...hub.record, noticeboard: '' } } ] ] );
		expect( route( submitted, stored( 9, 90, { hub: 'Africa' } ), noBoard, { base: BASE, config: config( { noticeboard: 'Project:Board' } ) } )[ 0 ] )
			.toMatchObject( { target: 'Project:Board', recipients: [ 'Hubert', 'Hana' ] } );
	} );

	it( 'puts the digest entries of a request without a hub on the noticeboards of the hubs it is routed to', () => {
		const submitted = { ...event, kind: 'submitted' as const, key: 'submitted-1', actor: 'Alice' };
		const thematic: StoredHub = { ...hub, key: 'Outreach', page: `${ BASE }/Hubs/Outreach`, record: {
			...hub.record, name: 'Outreach hub', kind: 'thematic', regions: [], topics: [ 'outreach' ], contacts: [ 'Olga' ],
			noticeboard: 'CB/Hubs/Outreach/Board' } };
		const both = new Map( [ [ 'Africa', hub ], [ 'Outreach', thematic ] ] );
		const at = { base: BASE, config: config() };
		// One entry per routed hub's board (regional first, as routing ranks them), each for its contacts.
		expect( brief( route( submitted, stored( 9, 90 ), both, at ) ) ).toEqual( [
			'submitted-1 digest CB/Hubs/Africa/Noticeboard → Hubert+Hana',
			`submitted-1-board-${ nameKey( 'CB/Hubs/Outreach/Board' ) } digest CB/Hubs/Outreach/Board → Olga`,
		] );
		// Triaged to one of them: only its board.
		expect( brief( route( submitted, stored( 9, 90, { hub: 'Outreach' } ), both, at ) ) )
			.toEqual( [ 'submitted-1 digest CB/Hubs/Outreach/Board → Olga' ] );
		// User talk copies where configured go to the people each board tells.
		const talk = route( submitted, stored( 9, 90 ), both, { base: BASE, config: config( { userTalk: [ 'submitted' ] } ) } );
		expect( talk.filter( ( n ) => n.channel === 'talk' ).map( ( n ) => n.target ) )
			.toEqual( [ 'User talk:Hubert', 'User talk:Hana', 'User talk:Olga' ] );
		// Closed requests are not routed: the programme's board.
		expect( route( submitted, stored( 9, 90, { status: 'withdrawn' } ), both, at ).map( ( n ) => n.target ) ).toEqual( [ 'CB/Noticeboard' ] );
	} );
} );
