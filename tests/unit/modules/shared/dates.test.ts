import type { MatchReason } from '../../../../modules/core/matching';
import { formatDate, formatTimestamp } from '../../../../modules/shared/dates';
import { reasonText } from '../../../../modules/shared/matchReasons';
import { installMw, qqx, type FakeMw } from '../mwMock';

describe( 'dates in the reader\'s language', () => {
	let fake: FakeMw;

	function userLanguage( code: string ): void {
		fake.config.get.mockImplementation( ( key: string ) => key === 'wgUserLanguage' ? code : null );
	}

	beforeEach( () => {
		fake = installMw();
	} );

	it( 'writes a calendar date out in the user\'s language, the same day in every time zone', () => {
		userLanguage( 'en' );
		expect( formatDate( '2027-02-01' ) ).toBe( 'February 1, 2027' );
		userLanguage( 'de' );
		expect( formatDate( '2027-02-01' ) ).toBe( '1. Februar 2027' );
		expect( formatDate( '2027-12-31', 'fr' ) ).toBe( '31 décembre 2027' );
	} );

	it( 'turns MediaWiki language codes into BCP 47 tags when MediaWiki can', () => {
		userLanguage( 'sr-ec' );
		( fake.language as unknown as { bcp47: ( code: string ) => string } ).bcp47 = ( code ) => code === 'sr-ec' ? 'sr-Cyrl' : code;
		expect( formatDate( '2027-02-01' ) ).toBe( '1. фебруар 2027.' );
	} );

	it( 'shows a value that is no date as it is, and survives a language tag the browser refuses', () => {
		userLanguage( 'en' );
		expect( formatDate( 'next spring' ) ).toBe( 'next spring' );
		expect( formatDate( '2027-02-30' ) ).toBe( '2027-02-30' );
		expect( formatTimestamp( 'yesterday' ) ).toBe( 'yesterday' );
		expect( formatDate( '2027-02-01', 'not a tag!' ) ).toBe( '2027-02-01' );
		expect( fake.log.warn ).toHaveBeenCalled();
	} );

	it( 'writes a timestamp as date and time in UTC', () => {
		userLanguage( 'en' );
		// (ICU versions differ in the space before "PM".)
		expect( formatTimestamp( '2026-12-02T23:30:00Z' ) ).toMatch( /^Dec 2, 2026, 11:30\sPM$/u );
	} );

	it( 'names the return date of an away coach in a match reason', () => {
		userLanguage( 'en' );
		const reason: MatchReason = { key: 'capacitybuilding-match-reason-away-until', date: '2027-01-10', params: [], effect: 'minus' };
		expect( reasonText( reason, ( _kind, code ) => code, 'Ana' ) ).toBe( qqx( 'capacitybuilding-match-reason-away-until', 'Ana', 'January 10, 2027' ) );
	} );
} );
