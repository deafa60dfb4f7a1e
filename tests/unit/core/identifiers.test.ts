import { isIsoDate, isIsoTimestamp, isKey, isLanguageCode, isPageTitle, isValidUsername, normalizeUsername, sameUser } from '../../../modules/core/identifiers';

describe( 'identifiers', () => {
	it.each( [
		[ 'Ada Lovelace', true ], [ 'O\'Brien', true ], [ 'Ünïcödé', true ], [ 'Smith, John', true ], [ 'مستخدم', true ],
		[ '', false ], [ 'ada', false ], [ 'Ada_Lovelace', false ], [ ' Ada', false ], [ 'Ada  Lovelace', false ],
		[ 'A/B', false ], [ 'A:B', false ], [ 'A#B', false ], [ 'A[B]', false ], [ 'A|B', false ], [ 'A{B}', false ],
		[ '127.0.0.1', false ], [ 'A\u00A0B', false ], [ 'A\u200EB', false ], [ 'x'.repeat( 256 ).replace( /^x/, 'X' ), false ],
	] )( 'username %j valid: %s', ( name, valid ) => {
		expect( isValidUsername( name ) ).toBe( valid );
	} );

	it( 'normalises and compares usernames like MediaWiki', () => {
		expect( normalizeUsername( '  ada__lovelace ' ) ).toBe( 'Ada lovelace' );
		expect( sameUser( 'ada_Lovelace', 'Ada Lovelace' ) ).toBe( true );
		expect( sameUser( 'Ada lovelace', 'Ada Lovelace' ) ).toBe( false );
		expect( sameUser( '', '' ) ).toBe( false );
	} );

	it.each( [ [ 'fr', true ], [ 'pt-br', true ], [ 'be-tarask', true ], [ 'zh-classical', true ], [ 'roa-tara', true ], [ 'FR', false ], [ 'f', false ], [ 'fr_', false ], [ 'en us', false ] ] )(
		'language code %j valid: %s', ( code, valid ) => {
			expect( isLanguageCode( code ) ).toBe( valid );
		} );

	it( 'checks keys, dates, timestamps and titles', () => {
		expect( isKey( 'grant-writing' ) ).toBe( true );
		expect( isKey( 'Grant writing' ) ).toBe( false );
		expect( isKey( '-x' ) ).toBe( false );
		expect( isIsoDate( '2028-02-29' ) ).toBe( true );
		expect( isIsoDate( '2027-02-29' ) ).toBe( false );
		expect( isIsoDate( '2027-13-01' ) ).toBe( false );
		expect( isIsoTimestamp( '2026-11-23T19:45:00Z' ) ).toBe( true );
		expect( isIsoTimestamp( '2026-11-23 19:45:00' ) ).toBe( false );
		expect( isIsoTimestamp( '2026-11-23T24:00:00Z' ) ).toBe( false );
		expect( isPageTitle( 'Capacity building/Noticeboard' ) ).toBe( true );
		expect( isPageTitle( 'A|B' ) ).toBe( false );
		expect( isPageTitle( 'https://example.org' ) ).toBe( false );
	} );
} );
