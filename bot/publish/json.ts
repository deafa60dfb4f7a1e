/**
 * JSON text exactly as MediaWiki 1.43 stores it, so that the bot can tell an unchanged JSON page
 * from the text alone (or its SHA-1) and never sends an edit that MediaWiki answers with "nochange".
 *
 * What MediaWiki does with the text of a JSON page (measured on the development wiki, MediaWiki
 * 1.43, PHP 8.2; the unit tests hold the table):
 * - every request parameter is normalised to Unicode NFC first, with U+FFFE and U+FFFF replaced by
 *   U+FFFD (WebRequest); a lone UTF-16 surrogate cannot even be sent (encodeURIComponent throws),
 *   and escaped as `\ud800` it makes the page invalid JSON (`invalid-json-data`);
 * - the pre-save transform re-encodes the JSON (FormatJson::encode with a tab indent and
 *   UTF8_OK): keys keep their order, objects and arrays are written one member a line indented by
 *   tabs (`"key": value`), empty ones as `{}` and `[]`;
 * - strings: `"` and `\` escaped, `\b \f \n \r \t` short, other C0 controls as `\u00xx` (lower
 *   case), `<` `>` `&` as `\u003C` `\u003E` `\u0026` (upper case), U+2028 and U+2029 escaped,
 *   `/` and everything else (DEL, C1 controls, U+FEFF, astral characters) as they are;
 * - numbers: a literal without `.` or `e` that fits 64 bits stays an integer; any other number is
 *   a double, written with the shortest digits that read back the same, in plain notation when
 *   its decimal exponent is from -4 to 16 and otherwise as `d.ddde±x` (with `.0` for one digit):
 *   `0.0001` but `1.0e-5`, `1.0e+21`, `9.223372036854776e+18`.
 *
 * One thing this text cannot reproduce: where a combining mark follows an escape sequence that
 * ends in a letter (`\n` then U+0303), NFC would compose the two (`ñ`) and break the escape, so the
 * mark is escaped too; MediaWiki writes it back unescaped, so such a page compares equal by value,
 * not by text (publish compares by value when the text differs, so this costs a read, never an
 * edit).
 */
import crypto from 'node:crypto';

/** Code units of a string that are lone surrogates, as indexes; empty when the string is well formed. */
export function loneSurrogates( value: string ): number[] {
	const found: number[] = [];
	for ( let i = 0; i < value.length; i++ ) {
		const unit = value.charCodeAt( i );
		if ( unit >= 0xD800 && unit <= 0xDBFF ) {
			const next = value.charCodeAt( i + 1 );
			if ( next >= 0xDC00 && next <= 0xDFFF ) {
				i++;
			} else {
				found.push( i );
			}
		} else if ( unit >= 0xDC00 && unit <= 0xDFFF ) {
			found.push( i );
		}
	}
	return found;
}

/**
 * Text as MediaWiki receives it: NFC, with U+FFFE and U+FFFF (which MediaWiki replaces) and lone
 * surrogates (which cannot be sent) as U+FFFD.
 */
export function storableText( value: string ): string {
	let text = value;
	const lone = loneSurrogates( text );
	if ( lone.length ) {
		const units = text.split( '' );
		lone.forEach( ( i ) => {
			units[ i ] = '\uFFFD';
		} );
		text = units.join( '' );
	}
	return text.normalize( 'NFC' ).replace( /[\uFFFE\uFFFF]/g, '\uFFFD' );
}

const SHORT_ESCAPES: Record<string, string> = {
	'"': '\\"', '\\': '\\\\', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t',
	'<': '\\u003C', '>': '\\u003E', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029',
};

const MARK = /^\p{M}$/u;

function escapeUnit( code: number ): string {
	return `\\u${ code.toString( 16 ).padStart( 4, '0' ) }`;
}

/** A JSON string literal as MediaWiki writes it (the value is made storable first). */
export function jsonString( value: string ): string {
	const text = storableText( value );
	let out = '"';
	let afterEscape = false;
	for ( const char of text ) {
		const code = char.codePointAt( 0 ) as number;
		const short = SHORT_ESCAPES[ char ];
		if ( short !== undefined ) {
			out += short;
			afterEscape = true;
		} else if ( code < 0x20 ) {
			out += escapeUnit( code );
			afterEscape = true;
		} else if ( afterEscape && MARK.test( char ) ) {
			// NFC would compose the mark with the escape's last letter (`\n` + U+0303 → `\ñ`).
			out += [ ...char ].map( ( c ) => escapeUnit( c.charCodeAt( 0 ) ) ).join( '' );
		} else {
			out += char;
			afterEscape = false;
		}
	}
	return `${ out }"`;
}

/** A number as PHP's json_encode writes it after reading it from JavaScript's JSON.stringify. */
export function jsonNumber( value: number ): string {
	if ( !Number.isFinite( value ) ) {
		return 'null';
	}
	const plain = JSON.stringify( value );
	if ( /^-?\d+$/.test( plain ) && Math.abs( value ) < 2 ** 63 ) {
		// An integer literal: PHP keeps it as an integer.
		return plain;
	}
	// A double: the shortest digits, as JavaScript finds them too.
	const [ mantissa, exponentText ] = value.toExponential().split( 'e' ) as [ string, string ];
	const exponent = Number( exponentText );
	const negative = mantissa.startsWith( '-' );
	const digits = mantissa.replace( /^-/, '' ).replace( '.', '' );
	const sign = negative ? '-' : '';
	if ( exponent < -4 || exponent > 16 ) {
		const decimals = digits.length > 1 ? digits.slice( 1 ) : '0';
		return `${ sign }${ digits[ 0 ] }.${ decimals }e${ exponent < 0 ? '-' : '+' }${ Math.abs( exponent ) }`;
	}
	if ( exponent < 0 ) {
		return `${ sign }0.${ '0'.repeat( -exponent - 1 ) }${ digits }`;
	}
	const whole = digits.slice( 0, exponent + 1 ).padEnd( exponent + 1, '0' );
	const fraction = digits.slice( exponent + 1 );
	return `${ sign }${ whole }${ fraction ? `.${ fraction }` : '.0' }`;
}

function encode( value: unknown, indent: string ): string {
	if ( value === null || value === undefined ) {
		return 'null';
	}
	if ( typeof value === 'string' ) {
		return jsonString( value );
	}
	if ( typeof value === 'number' ) {
		return jsonNumber( value );
	}
	if ( typeof value === 'boolean' ) {
		return value ? 'true' : 'false';
	}
	const inner = `${ indent }\t`;
	if ( Array.isArray( value ) ) {
		if ( !value.length ) {
			return '[]';
		}
		return `[\n${ value.map( ( item ) => inner + encode( item, inner ) ).join( ',\n' ) }\n${ indent }]`;
	}
	const entries = Object.entries( value as Record<string, unknown> ).filter( ( [ , v ] ) => v !== undefined );
	if ( !entries.length ) {
		return '{}';
	}
	return `{\n${ entries.map( ( [ key, v ] ) => `${ inner }${ jsonString( key ) }: ${ encode( v, inner ) }` ).join( ',\n' ) }\n${ indent }}`;
}

/**
 * The text MediaWiki stores for a JSON page holding `value` (see the file's comment): send this,
 * and the page's stored text (and SHA-1) is exactly this. With `indent`, the text of the value as
 * it appears nested at that depth (to measure an entry inside a part).
 */
export function mediaWikiJson( value: unknown, indent = '' ): string {
	return encode( value, indent );
}

/** SHA-1 of a page text as the API's `rvprop=sha1` gives it (hex, of the UTF-8 bytes). */
export function textSha1( text: string ): string {
	return crypto.createHash( 'sha1' ).update( text, 'utf8' ).digest( 'hex' );
}

/** UTF-8 size of a text: what MediaWiki counts against its page size limit. */
export function byteLength( text: string ): number {
	return Buffer.byteLength( text, 'utf8' );
}
