/**
 * Template parameter values: how a string a person typed is written into a template call so that
 * it comes back exactly, and how a value on a (possibly hand-edited) page is read.
 *
 * Writing: a value made only of inert characters (letters, digits, spaces, plain punctuation) is
 * written as it is, so pages stay readable for editors. Anything else is wrapped in `<nowiki>`,
 * inside which `&` and `<` are written as `&amp;` and `&lt;` (so `</nowiki>` and `<!--` cannot end
 * or start anything) and characters MediaWiki would change on save are written as numeric
 * references: carriage returns and other control characters (MediaWiki normalises line ends and
 * drops controls), lone surrogates and noncharacters. A value is written in Unicode NFC, as MediaWiki
 * stores every text it receives (text.ts): "e" followed by a combining acute accent is written, read
 * back, stored and published as "é", so the page, the store and the index never disagree. A lone
 * surrogate cannot be written (it reads back as U+FFFD), so the save path's round-trip check refuses it.
 * Inside `<nowiki>` nothing is a template, link, category, magic word or signature, and the
 * pre-save transform (`~~~~`, `{{subst:}}`) leaves it alone.
 *
 * Reading follows MediaWiki: comments vanish, leading and trailing whitespace outside `<nowiki>` is
 * trimmed (as MediaWiki trims named parameters), character references are decoded, and `<nowiki>`
 * content is taken literally; the value is NFC-normalised (a reference like `e&#x301;` reads as
 * "é"). Other markup (a template, a link) is kept as its source text and flagged, so the caller can
 * report it; so is a reference to a surrogate (`&#xD800;`) or a lone surrogate in the text, which
 * read as U+FFFD.
 */
import { hasLoneSurrogate, normalizeText, withoutLoneSurrogates } from '../text';
import { decodeEntities, type DecodeReport } from './entities';
import type { PreprocessorNode } from './preprocessor';

/** PHP's trim() characters, which MediaWiki uses on named parameters. */
const PHP_TRIM = ' \t\n\r\0\x0B';

/** Characters allowed in a value written without <nowiki>. */
const INERT = /^[\p{L}\p{N}\p{M} .,()?!'"@%+/\-–—’‘“”«»]*$/u;
/** Magic links (ISBN, RFC, PMID) where a wiki still enables them. */
const MAGIC_LINK = /\b(?:ISBN|RFC|PMID)\b/;

export type ValueStyle = 'text' | 'listItem' | 'page';

/**
 * Whether a value can be written as it is: nothing in it is markup in any context a template may
 * put it in (start of a line, a table cell, a link target), and MediaWiki stores it unchanged.
 */
export function isInert( value: string, style: ValueStyle = 'text' ): boolean {
	if ( value === '' ) {
		return true;
	}
	// Timestamps and times ("19:45") need colons; a colon after a digit cannot start a URL.
	// Page titles need the namespace colon, but never a URL.
	const withoutColons = style === 'page' && !value.includes( '//' ) ?
		value.replace( /:/g, '' ) :
		value.replace( /(?<=\p{N}):/gu, '' );
	return INERT.test( withoutColons ) &&
		/^[\p{L}\p{N}("'“‘«]/u.test( value ) &&
		!/[\s]$/u.test( value ) &&
		!value.includes( "''" ) &&
		!value.includes( '!!' ) &&
		!MAGIC_LINK.test( value ) &&
		!( style === 'listItem' && value.includes( ',' ) ) &&
		value.normalize( 'NFC' ) === value;
}

function hexReference( codePoint: number ): string {
	return `&#x${ codePoint.toString( 16 ).toUpperCase() };`;
}

/** Characters MediaWiki drops or rewrites when it receives text, whatever the context. */
function isUnstorable( codePoint: number ): boolean {
	return ( codePoint < 0x20 && codePoint !== 0x09 && codePoint !== 0x0A ) ||
		( codePoint >= 0x7F && codePoint <= 0x9F ) ||
		( codePoint >= 0xD800 && codePoint <= 0xDFFF ) ||
		( codePoint >= 0xFDD0 && codePoint <= 0xFDEF ) ||
		// U+FFFE, U+FFFF, U+1FFFE, U+1FFFF…
		codePoint % 0x10000 >= 0xFFFE;
}

const COMBINING = /\p{M}/u;

/** Hangul jamo compose into syllables under NFC. */
function isJamo( codePoint: number ): boolean {
	return ( codePoint >= 0x1100 && codePoint <= 0x11FF ) || ( codePoint >= 0xA960 && codePoint <= 0xA97F ) ||
		( codePoint >= 0xD7B0 && codePoint <= 0xD7FF );
}

/** Iterates code points, yielding lone surrogates as themselves. */
function codePoints( value: string ): number[] {
	const result: number[] = [];
	for ( let i = 0; i < value.length; i++ ) {
		const unit = value.charCodeAt( i );
		const next = value.charCodeAt( i + 1 );
		if ( unit >= 0xD800 && unit <= 0xDBFF && next >= 0xDC00 && next <= 0xDFFF ) {
			result.push( ( ( unit - 0xD800 ) * 0x400 ) + ( next - 0xDC00 ) + 0x10000 );
			i++;
		} else {
			result.push( unit );
		}
	}
	return result;
}

function isWellFormed( value: string ): boolean {
	return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test( value );
}

/** The content of a <nowiki> that reads back as `value` and survives MediaWiki's input cleanup. */
export function escapeForNowiki( value: string ): string {
	// Normalisation-sensitive characters only need escaping when NFC would change the text, or
	// when the text starts with a mark (it would combine with the ">" of "<nowiki>").
	const points = codePoints( value );
	const stable = isWellFormed( value ) && value.normalize( 'NFC' ) === value;
	let out = '';
	points.forEach( ( codePoint, index ) => {
		const char = String.fromCodePoint( codePoint );
		if ( codePoint === 0x26 ) {
			out += '&amp;';
		} else if ( codePoint === 0x3C ) {
			out += '&lt;';
		} else if ( isUnstorable( codePoint ) ) {
			out += hexReference( codePoint );
		} else if ( COMBINING.test( char ) && ( !stable || index === 0 ) ) {
			out += hexReference( codePoint );
		} else if ( !stable && ( isJamo( codePoint ) || char.normalize( 'NFC' ) !== char ) ) {
			out += hexReference( codePoint );
		} else {
			out += char;
		}
	} );
	return out;
}

/** A scalar value as it is written after `| name = ` (in NFC, as MediaWiki will store it). */
export function encodeValue( value: string, style: ValueStyle = 'text' ): string {
	const text = normalizeText( value );
	return isInert( text, style ) ? text : `<nowiki>${ escapeForNowiki( text ) }</nowiki>`;
}

/** A list, as comma-separated items; an item with a comma (a username may have one) is wrapped. */
export function encodeList( items: readonly string[] ): string {
	return items.map( ( item ) => encodeValue( item, 'listItem' ) ).join( ', ' );
}

type Segment = { kind: 'raw' | 'literal' | 'markup'; text: string };

export interface DecodedValue {
	value: string;
	/** The value holds wiki markup (a template, a link, a tag…) that was kept as source text. */
	markup: boolean;
	/** The value held a lone surrogate or a reference to one, read as U+FFFD. */
	invalid: boolean;
}

/** Markup in plain (non-nowiki) text: links, signatures, behaviour switches, bold and italics. */
const TEXT_MARKUP = /\[\[|\]\]|~~~|__[A-Z]+__|''|\[(?:https?:)?\/\//;

function segmentsOf( source: string, nodes: readonly PreprocessorNode[], report: DecodeReport ): Segment[] {
	const segments: Segment[] = [];
	const raw = ( text: string ): void => {
		const last = segments[ segments.length - 1 ];
		if ( last && last.kind === 'raw' ) {
			last.text += text;
		} else {
			segments.push( { kind: 'raw', text } );
		}
	};
	for ( const node of nodes ) {
		switch ( node.type ) {
			case 'text':
			case 'equals':
				raw( source.slice( node.start, node.end ) );
				break;
			case 'comment':
			case 'ignore':
				break;
			case 'heading':
				segments.push( ...segmentsOf( source, node.children, report ) );
				break;
			case 'ext':
				if ( node.name.toLowerCase() === 'nowiki' ) {
					const inner = node.inner ? source.slice( node.inner.start, node.inner.end ) : '';
					segments.push( { kind: 'literal', text: decodeEntities( inner, report ) } );
				} else {
					segments.push( { kind: 'markup', text: source.slice( node.start, node.end ) } );
				}
				break;
			default:
				segments.push( { kind: 'markup', text: source.slice( node.start, node.end ) } );
		}
	}
	return segments;
}

function trimStartChars( text: string ): string {
	let i = 0;
	while ( i < text.length && PHP_TRIM.includes( text[ i ] as string ) ) {
		i++;
	}
	return text.slice( i );
}

function trimEndChars( text: string ): string {
	let i = text.length;
	while ( i > 0 && PHP_TRIM.includes( text[ i - 1 ] as string ) ) {
		i--;
	}
	return text.slice( 0, i );
}

/** Trims raw whitespace at both ends (never inside <nowiki>), joins the segments, normalises to NFC. */
function finish( segments: Segment[], report: DecodeReport ): DecodedValue {
	const parts = segments.map( ( s ) => ( { ...s } ) );
	while ( parts.length && parts[ 0 ]?.kind === 'raw' ) {
		const first = parts[ 0 ] as Segment;
		first.text = trimStartChars( first.text );
		if ( first.text !== '' ) {
			break;
		}
		parts.shift();
	}
	while ( parts.length && parts[ parts.length - 1 ]?.kind === 'raw' ) {
		const last = parts[ parts.length - 1 ] as Segment;
		last.text = trimEndChars( last.text );
		if ( last.text !== '' ) {
			break;
		}
		parts.pop();
	}
	let markup = false;
	const value = parts.map( ( part ) => {
		if ( part.kind === 'raw' ) {
			markup = markup || TEXT_MARKUP.test( part.text );
			return decodeEntities( part.text, report );
		}
		markup = markup || part.kind === 'markup';
		return part.text;
	} ).join( '' );
	const invalid = report.surrogate || hasLoneSurrogate( value );
	return { value: normalizeText( withoutLoneSurrogates( value ) ), markup, invalid };
}

/** Reads a named parameter's value from its nodes. */
export function decodeValue( source: string, nodes: readonly PreprocessorNode[] ): DecodedValue {
	const report: DecodeReport = { surrogate: false };
	return finish( segmentsOf( source, nodes, report ), report );
}

/** Reads a list parameter: items are separated by commas outside <nowiki>; empty items are dropped. */
export function decodeList( source: string,
	nodes: readonly PreprocessorNode[] ): { items: string[]; markup: boolean; invalid: boolean } {
	const items: Segment[][] = [ [] ];
	const report: DecodeReport = { surrogate: false };
	for ( const segment of segmentsOf( source, nodes, report ) ) {
		if ( segment.kind !== 'raw' ) {
			( items[ items.length - 1 ] as Segment[] ).push( segment );
			continue;
		}
		segment.text.split( ',' ).forEach( ( piece, index ) => {
			if ( index > 0 ) {
				items.push( [] );
			}
			( items[ items.length - 1 ] as Segment[] ).push( { kind: 'raw', text: piece } );
		} );
	}
	let markup = false;
	let invalid = false;
	const values: string[] = [];
	for ( const item of items ) {
		const decoded = finish( item, { surrogate: false } );
		markup = markup || decoded.markup;
		invalid = invalid || decoded.invalid;
		const hasLiteral = item.some( ( s ) => s.kind !== 'raw' );
		if ( decoded.value !== '' || hasLiteral ) {
			values.push( decoded.value );
		}
	}
	return { items: values, markup, invalid: invalid || report.surrogate };
}
