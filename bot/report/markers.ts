/**
 * The bot-owned block of a self-evaluation report page (docs/reports.md): the figures sit between
 * two hidden markers, and everything outside them — the hub's reflection, anything else a person
 * wrote — belongs to people. Updating the figures replaces the block and keeps every other byte.
 *
 *     <!-- capacity-bot-figures-start 0123456789abcdef -->
 *     …the figures…
 *     <!-- capacity-bot-figures-end -->
 *
 * The start marker carries a checksum of the block as the bot wrote it. When the markers are not
 * exactly one start followed by one end, both in the open (not inside a comment, `<nowiki>`,
 * `<pre>`…), or the block no longer matches its checksum (someone wrote inside it), the bot cannot
 * tell what is its own: it changes nothing and reports the page for a person to repair.
 */
import { createHash } from 'node:crypto';

const START_TOKEN = 'capacity-bot-figures-start';
const END_TOKEN = 'capacity-bot-figures-end';
const END_MARKER = `<!-- ${ END_TOKEN } -->`;
/** The start marker as the bot writes it; a start marker without a checksum is accepted too (a repair by hand). */
const START_MARKER = new RegExp( `^<!-- ${ START_TOKEN }(?: ([0-9a-f]{16}))? -->` );

/** Why the bot may not update a report page. */
export type MarkerProblem = 'missing' | 'duplicated' | 'reordered' | 'hidden' | 'edited';

export type MergeResult = { text: string; problem: null } | { text: null; problem: MarkerProblem };

/**
 * Tags whose content is not wikitext (or not shown on the page): a marker inside one is not a
 * marker. Comments are handled on their own.
 */
const RAW_TAGS = 'nowiki|pre|syntaxhighlight|source|math|chem|ce|score|templatedata|timeline|graph|includeonly';
const OPENING = new RegExp( `<!--|<(${ RAW_TAGS })(\\s[^>]*)?>`, 'gi' );

/** The checksum of a block's content, as the start marker carries it (text in NFC, as the wiki stores it). */
export function blockChecksum( content: string ): string {
	return createHash( 'sha1' ).update( content.normalize( 'NFC' ), 'utf8' ).digest( 'hex' ).slice( 0, 16 );
}

/** The bot-owned block holding `content`. */
export function figuresBlock( content: string ): string {
	return `<!-- ${ START_TOKEN } ${ blockChecksum( content ) } -->\n${ content }\n${ END_MARKER }`;
}

/**
 * Where the comments that are in the open start: not inside another comment or a raw tag. An
 * unclosed comment hides the rest of the page (as MediaWiki reads it); an unclosed raw tag is text.
 *
 * @param text A page's wikitext
 */
export function openComments( text: string ): Set<number> {
	const starts = new Set<number>();
	let at = 0;
	for ( ;; ) {
		OPENING.lastIndex = at;
		const found = OPENING.exec( text );
		if ( !found ) {
			return starts;
		}
		const after = found.index + found[ 0 ].length;
		if ( found[ 0 ] === '<!--' ) {
			starts.add( found.index );
			const close = text.indexOf( '-->', after );
			if ( close < 0 ) {
				return starts;
			}
			at = close + 3;
		} else if ( found[ 0 ].endsWith( '/>' ) ) {
			at = after;
		} else {
			const closing = new RegExp( `</${ found[ 1 ] }\\s*>`, 'gi' );
			closing.lastIndex = after;
			const close = closing.exec( text );
			at = close ? close.index + close[ 0 ].length : after;
		}
	}
}

function positions( text: string, token: string ): number[] {
	const found: number[] = [];
	for ( let at = text.indexOf( token ); at >= 0; at = text.indexOf( token, at + 1 ) ) {
		found.push( at );
	}
	return found;
}

/** The block's place in a page, or why it cannot be trusted. */
function locate( text: string ): { start: number; end: number } | MarkerProblem {
	const starts = positions( text, START_TOKEN );
	const ends = positions( text, END_TOKEN );
	if ( starts.length > 1 || ends.length > 1 ) {
		return 'duplicated';
	}
	if ( starts.length === 0 || ends.length === 0 ) {
		return 'missing';
	}
	if ( ( starts[ 0 ] as number ) > ( ends[ 0 ] as number ) ) {
		return 'reordered';
	}
	// Each token must be the marker it belongs to, written whole, a comment of its own in the open.
	const start = ( starts[ 0 ] as number ) - '<!-- '.length;
	const end = ( ends[ 0 ] as number ) - '<!-- '.length;
	const startMarker = start < 0 ? null : START_MARKER.exec( text.slice( start ) );
	const open = openComments( text );
	if ( !startMarker || !text.startsWith( END_MARKER, end ) || !open.has( start ) || !open.has( end ) ) {
		return 'hidden';
	}
	const checksum = startMarker[ 1 ];
	const inner = text.slice( start + startMarker[ 0 ].length, end );
	const content = inner.replace( /^\n/, '' ).replace( /\n$/, '' );
	if ( checksum !== undefined && blockChecksum( content ) !== checksum ) {
		return 'edited';
	}
	return { start, end: end + END_MARKER.length };
}

/**
 * The report page with new figures: the block replaced, every byte outside it kept. A page that does
 * not exist yet gets the block and, below it, the opening of the reflection (which then belongs to
 * people).
 *
 * @param existing The page's current text, or null when it does not exist
 * @param content The figures (the block's content)
 * @param reflection What a new page carries below the block
 */
export function mergeReport( existing: string | null, content: string, reflection: string ): MergeResult {
	if ( existing === null ) {
		return { text: `${ figuresBlock( content ) }\n\n${ reflection }`, problem: null };
	}
	const place = locate( existing );
	if ( typeof place === 'string' ) {
		return { text: null, problem: place };
	}
	const text = existing.slice( 0, place.start ) + figuresBlock( content ) + existing.slice( place.end );
	return { text, problem: null };
}
