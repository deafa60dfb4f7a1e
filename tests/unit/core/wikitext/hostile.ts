/**
 * Generators of the strings people type, including everything that is markup somewhere:
 * pipes, braces, brackets, nowiki tags, comments, signatures, subst, categories, HTML, behaviour
 * switches, entities, RTL marks, combining marks, emoji, control characters and lone surrogates.
 */
import fc from 'fast-check';
import { withoutLoneSurrogates } from '../../../../modules/core/text';

export const HOSTILE_TOKENS = [
	'|', '=', '{{', '}}', '{{{', '}}}', '[[', ']]', '[', ']', '{', '}', '<', '>', '&', ';', ':', '*', '#', '!!', '||',
	'{{subst:PAGENAME}}', '{{!}}', '~~~~', '~~~', '<nowiki>', '</nowiki>', '<nowiki/>', '<!--', '-->', '[[Category:X]]',
	'[[File:A.jpg|thumb|x]]', '__NOTOC__', '__DISAMBIG__', '<b>bold</b>', '<script>alert(1)</script>', '&amp;', '&lt;', '&#124;',
	'&nbsp;', 'ISBN 978-3-16-148410-0', 'https://example.org', '[https://example.org x]', "''", "'''", '----', '-{', '}-',
	'<pre>', '</pre>', '<includeonly>', '<noinclude>', '<ref>', '\n', '\r\n', '\r', '\t', ' ', '  ', '\u200F', '\u200E',
	'\u202E', 'مرحبا', 'שלום', '😀', '👩🏽‍💻', 'e\u0301', '\u0301', '>\u0338', '\u1100\u1161', '\u212B', '\uFB01', '\u0000',
	'\u0007', '\u007F', '\u0085', '\uFFFE', '\uD800', '\uDC00', 'naïve', 'Ünïcödé', '日本語', 'a', 'Z', '0', ',', '.',
];

/** A string assembled from hostile pieces and arbitrary code points. */
export const hostileString = ( maxLength = 40 ): fc.Arbitrary<string> => fc.array(
	fc.oneof( fc.constantFrom( ...HOSTILE_TOKENS ), fc.string( { unit: 'binary', maxLength: 3 } ) ),
	{ maxLength },
).map( ( pieces ) => pieces.join( '' ) );

/** Any string of code units at all, lone surrogates included. */
export const anyString = fc.oneof( fc.string( { unit: 'binary' } ), fc.string( { unit: fc.integer( { min: 0, max: 0xFFFF } ).map( ( c ) => String.fromCharCode( c ) ) } ) );

/**
 * A value (string, list or record) as MediaWiki stores what the codec writes for it, and as the
 * codec reads it back: NFC, and a lone surrogate (not a character) as U+FFFD.
 */
export function asStored<T>( value: T ): T {
	if ( typeof value === 'string' ) {
		return withoutLoneSurrogates( value ).normalize( 'NFC' ) as T;
	}
	if ( Array.isArray( value ) ) {
		return value.map( ( item: unknown ) => asStored( item ) ) as T;
	}
	if ( typeof value === 'object' && value !== null ) {
		return Object.fromEntries( Object.entries( value ).map( ( [ k, v ] ) => [ k, asStored( v ) ] ) ) as T;
	}
	return value;
}
