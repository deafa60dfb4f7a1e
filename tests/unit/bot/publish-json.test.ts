/**
 * JSON text as MediaWiki 1.43 stores it (bot/publish/json.ts). The expected texts are what the
 * development wiki stored for these values (sent as JSON.stringify writes them); the integration
 * test tests/integration/publish.test.ts checks the same against the wiki on every run.
 */
import { jsonNumber, jsonString, loneSurrogates, mediaWikiJson, storableText, textSha1 } from '../../../bot/publish/json';

describe( 'MediaWiki JSON text', () => {
	it( 'indents with tabs and writes empty objects and arrays inline', () => {
		expect( mediaWikiJson( { a: {}, b: [], c: [ [], [ {} ] ], d: { e: 1 } } ) ).toBe(
			'{\n\t"a": {},\n\t"b": [],\n\t"c": [\n\t\t[],\n\t\t[\n\t\t\t{}\n\t\t]\n\t],\n\t"d": {\n\t\t"e": 1\n\t}\n}' );
		expect( mediaWikiJson( {} ) ).toBe( '{}' );
		expect( mediaWikiJson( 'str' ) ).toBe( '"str"' );
		expect( mediaWikiJson( [ true, false, null ] ) ).toBe( '[\n\ttrue,\n\tfalse,\n\tnull\n]' );
		// Keys keep JavaScript's order, which MediaWiki then keeps.
		expect( mediaWikiJson( { b: 1, 10: 2, '': 3 } ) ).toBe( '{\n\t"10": 2,\n\t"b": 1,\n\t"": 3\n}' );
	} );

	it( 'escapes strings as PHP does with FormatJson::UTF8_OK', () => {
		const measured: [ number, string ][] = [
			[ 0x00, '\\u0000' ], [ 0x01, '\\u0001' ], [ 0x07, '\\u0007' ], [ 0x08, '\\b' ], [ 0x09, '\\t' ], [ 0x0A, '\\n' ],
			[ 0x0B, '\\u000b' ], [ 0x0C, '\\f' ], [ 0x0D, '\\r' ], [ 0x1F, '\\u001f' ], [ 0x7F, '\x7F' ], [ 0x80, '\x80' ],
			[ 0x85, '\x85' ], [ 0x9F, '\x9F' ], [ 0xA0, '\xA0' ], [ 0xAD, '\xAD' ], [ 0x2028, '\\u2028' ], [ 0x2029, '\\u2029' ],
			[ 0xFEFF, '\uFEFF' ], [ 0xFFFD, '\uFFFD' ], [ 0xFFFE, '\uFFFD' ], [ 0xFFFF, '\uFFFD' ], [ 0xFDD0, '\uFDD0' ],
			[ 0x1FFFE, '\u{1FFFE}' ], [ 0x10FFFF, '\u{10FFFF}' ], [ 0x1F9ED, '🧭' ], [ 0x3C, '\\u003C' ], [ 0x3E, '\\u003E' ],
			[ 0x26, '\\u0026' ], [ 0x27, "'" ], [ 0x2F, '/' ], [ 0xE000, '\uE000' ], [ 0x22, '\\"' ], [ 0x5C, '\\\\' ],
		];
		for ( const [ codePoint, written ] of measured ) {
			expect( { codePoint, text: jsonString( `a${ String.fromCodePoint( codePoint ) }b` ) } ).toEqual( { codePoint, text: `"a${ written }b"` } );
		}
	} );

	it( 'writes text in NFC, and escapes a mark that NFC would join to an escape', () => {
		expect( jsonString( 'e\u0301 A\u030A \u2126' ) ).toBe( '"é Å Ω"' );
		expect( jsonString( 'line\n\u0303x' ) ).toBe( '"line\\n\\u0303x"' );
		expect( jsonString( '<\u0327' ) ).toBe( '"\\u003C\\u0327"' );
		const text = mediaWikiJson( { a: 'x\n\u0303\u0301y', b: '>\u0301' } );
		expect( text.normalize( 'NFC' ) ).toBe( text );
		expect( JSON.parse( text ) ).toEqual( { a: 'x\n\u0303\u0301y', b: '>\u0301' } );
	} );

	it( 'writes numbers as PHP writes the numbers it reads', () => {
		const measured: [ number, string ][] = [
			[ 0.5, '0.5' ], [ 0.1, '0.1' ], [ 0.001, '0.001' ], [ 0.0001, '0.0001' ], [ 0.00001, '1.0e-5' ], [ 1.5e-7, '1.5e-7' ],
			[ 123.456, '123.456' ], [ 1e15, '1000000000000000' ], [ 1e16, '10000000000000000' ], [ 1e17, '100000000000000000' ],
			[ 1e20, '1.0e+20' ], [ 1e21, '1.0e+21' ], [ 9007199254740992, '9007199254740992' ], [ 2 ** 63, '9.223372036854776e+18' ],
			[ 1.7976931348623157e308, '1.7976931348623157e+308' ], [ 5e-324, '5.0e-324' ], [ -2.5, '-2.5' ], [ 2.675, '2.675' ], [ 100, '100' ],
			[ -0, '0' ], [ 3.3333333333333335, '3.3333333333333335' ], [ 10.25, '10.25' ],
		];
		for ( const [ value, written ] of measured ) {
			expect( { value, text: jsonNumber( value ) } ).toEqual( { value, text: written } );
		}
	} );

	it( 'finds lone surrogates and makes text storable', () => {
		expect( loneSurrogates( 'a\uD800b\uDC00c🧭' ) ).toEqual( [ 1, 3 ] );
		expect( loneSurrogates( '🧭' ) ).toEqual( [] );
		expect( storableText( 'a\uD800e\u0301\uFFFF' ) ).toBe( 'a\uFFFDé\uFFFD' );
		expect( jsonString( 'x\uD800' ) ).toBe( '"x\uFFFD"' );
	} );

	it( 'hashes text as the API gives rvprop=sha1', () => {
		expect( textSha1( 'abc' ) ).toBe( 'a9993e364706816aba3e25717850c26c9cd0d89d' );
	} );
} );
