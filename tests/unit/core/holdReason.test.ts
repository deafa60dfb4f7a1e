/**
 * The hold reason: a neutral code on a request on hold (never free text), set by putting on hold,
 * cleared by leaving the hold, changed only by those who may put on hold, and read and written by
 * the codec like every other field.
 */
import { DEFAULT_CONFIG } from '../../../modules/core/config';
import { HOLD_REASONS, HOLD_REASON_MESSAGES, REQUEST_SCHEMA, type CapacityRequest } from '../../../modules/core/model';
import { applyAction, checkRequestChange, type PermissionContext, type RequestAction } from '../../../modules/core/permissions';
import { validateRequest } from '../../../modules/core/validation';
import { parsePage, serialize } from '../../../modules/core/wikitext/codec';
import en from '../../../i18n/en.json';

const context: PermissionContext = {
	config: { ...DEFAULT_CONFIG, admins: [ 'Adam' ] },
	hubs: new Map( [ [ 'Hub A', { contacts: [ 'Hana' ] } ] ] ),
	coaches: new Set( [ 'Carla' ] ),
};

const matched: CapacityRequest = {
	title: 'Help with a wikithon', requester: 'Rita', requesterType: 'individual', organisation: '', region: 'LAC',
	hub: 'Hub A', topics: [ 'event-organising' ], formats: [ 'coaching' ], languages: [ 'es' ], lang: '', neededBy: '',
	description: 'We want to organise our first wikithon and need help.', status: 'matched', holdReason: '',
	coach: [ 'Carla' ], offers: [ 'Carla' ], created: '2026-11-01T10:00:00Z',
};
const paused: CapacityRequest = { ...matched, status: 'on-hold', holdReason: 'paused' };

describe( 'applyAction and the hold reason', () => {
	const cases: [ string, CapacityRequest, RequestAction, { status: string; holdReason: string } ][] = [
		[ 'hold with a reason sets it', matched, { type: 'hold', reason: 'paused' }, { status: 'on-hold', holdReason: 'paused' } ],
		[ 'hold without a reason leaves none', matched, { type: 'hold' }, { status: 'on-hold', holdReason: '' } ],
		[ 'hold again with another reason replaces it', paused, { type: 'hold', reason: 'waiting-for-coach' }, { status: 'on-hold', holdReason: 'waiting-for-coach' } ],
		[ 'hold again without a reason clears it', paused, { type: 'hold' }, { status: 'on-hold', holdReason: '' } ],
		[ 'reopening clears it', paused, { type: 'reopen' }, { status: 'matched', holdReason: '' } ],
		[ 'withdrawing clears it', paused, { type: 'withdraw' }, { status: 'withdrawn', holdReason: '' } ],
	];
	it.each( cases )( '%s', ( _name, before, action, expected ) => {
		expect( applyAction( before, action, 'Rita' ) ).toMatchObject( expected );
	} );

	it( 'leaves a record made without the field as it was', () => {
		const old: CapacityRequest = { ...matched };
		delete ( old as Partial<CapacityRequest> ).holdReason;
		expect( applyAction( old, { type: 'reopen' }, 'Rita' ) ).not.toHaveProperty( 'holdReason' );
	} );
} );

describe( 'who may change the hold reason', () => {
	const cases: [ string, string, boolean ][] = [
		[ 'the requester', 'Rita', true ], [ 'the assigned coach', 'Carla', true ], [ 'a hub contact', 'Hana', true ],
		[ 'an admin', 'Adam', true ], [ 'someone else', 'Rand', false ],
	];
	it.each( cases )( '%s: %s', ( _name, user, allowed ) => {
		const decision = checkRequestChange( paused, { ...paused, holdReason: 'requester-asked' }, user, context );
		expect( decision.allowed ).toBe( allowed );
		expect( decision.moves ).toEqual( [ 'hold' ] );
	} );
} );

describe( 'validation and the codec', () => {
	const cases: [ string, Partial<CapacityRequest>, string[] ][] = [
		[ 'each code is valid on hold', { status: 'on-hold', holdReason: 'requester-asked' }, [] ],
		[ 'no reason is valid', { status: 'on-hold', holdReason: '' }, [] ],
		[ 'free text is not', { status: 'on-hold', holdReason: 'a conflict with Omar' }, [ 'holdReason' ] ],
		[ 'a reason without the hold is not', { status: 'matched', holdReason: 'paused' }, [ 'holdReason' ] ],
	];
	it.each( cases )( '%s', ( _name, change, fields ) => {
		expect( validateRequest( { ...matched, ...change } ).map( ( p ) => p.field ) ).toEqual( fields );
	} );

	it( 'round-trips the reason as hold_reason', () => {
		const text = serialize( REQUEST_SCHEMA, paused );
		expect( text ).toContain( '| hold_reason = paused\n' );
		expect( parsePage( text, REQUEST_SCHEMA ).parsed?.record ).toEqual( paused );
	} );

	it( 'labels every code neutrally', () => {
		for ( const code of HOLD_REASONS ) {
			const label = en[ HOLD_REASON_MESSAGES[ code ] ];
			expect( label ).not.toMatch( /privat|conflict|conduct|complain|harass|dispute/i );
		}
	} );
} );
