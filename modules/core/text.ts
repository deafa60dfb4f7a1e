/**
 * Text as MediaWiki stores it. MediaWiki normalises every request parameter and every saved text
 * to Unicode NFC, and its pages hold well-formed UTF-8 only; so values that the bot and the clients
 * compare, store and publish are NFC-normalised the same way (the codec writes and reads them so),
 * and a lone UTF-16 surrogate (a JavaScript string can hold one; a page cannot) is never a value:
 * the codec reads one as U+FFFD, as MediaWiki renders it, and reports it.
 */

/** The replacement character MediaWiki shows for a code point that is not a character. */
export const REPLACEMENT_CHARACTER = '\uFFFD';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATES = new RegExp( LONE_SURROGATE.source, 'g' );

/** Whether a string holds a UTF-16 surrogate that is not half of a pair (not a character). */
export function hasLoneSurrogate( value: string ): boolean {
	return LONE_SURROGATE.test( value );
}

/** The string with every lone surrogate replaced by U+FFFD. */
export function withoutLoneSurrogates( value: string ): string {
	return value.replace( LONE_SURROGATES, REPLACEMENT_CHARACTER );
}

/** A value as MediaWiki would store it: Unicode NFC. */
export function normalizeText( value: string ): string {
	return value.normalize( 'NFC' );
}

/**
 * A record (or any value made of strings, arrays and plain objects) with every string NFC-normalised:
 * what reading it back from the page it is saved to gives.
 *
 * @param value A record
 * @return A normalised copy (the same value when nothing changes)
 */
export function normalizeRecord<T>( value: T ): T {
	if ( typeof value === 'string' ) {
		return normalizeText( value ) as T;
	}
	if ( Array.isArray( value ) ) {
		return value.map( ( item: unknown ) => normalizeRecord( item ) ) as T;
	}
	if ( typeof value === 'object' && value !== null ) {
		return Object.fromEntries( Object.entries( value ).map( ( [ k, v ] ) => [ k, normalizeRecord( v ) ] ) ) as T;
	}
	return value;
}
