/**
 * The bot-owned block of a report page (bot/report/markers.ts): new figures replace the block and
 * keep every byte outside it, whatever people wrote there; a page whose markers were removed,
 * duplicated, reordered, hidden or written inside is left alone with a reason.
 */
import fc from 'fast-check';
import { PAGE_LIMIT_BYTES } from '../../../bot/publish/publish';
import { blockChecksum, figuresBlock, mergeReport, openComments } from '../../../bot/report/markers';

const OLD = 'Old figures: 3 requests.';
const NEW = 'New figures: 4 requests.';
const REFLECTION = '== Reflection ==\nWrite here.';
const END = '<!-- capacity-bot-figures-end -->';

/** A page as the bot created it, with `before` and `after` around the block. */
function page( before: string, after: string, content = OLD ): string {
	return `${ before }${ figuresBlock( content ) }${ after }`;
}

function merged( text: string | null, content = NEW ): string {
	const result = mergeReport( text, content, REFLECTION );
	if ( result.problem !== null ) {
		throw new Error( `unexpected problem ${ result.problem }` );
	}
	return result.text;
}

function problem( text: string ): string | null {
	return mergeReport( text, NEW, REFLECTION ).problem;
}

describe( 'a new report page', () => {
	it( 'holds the block, then the start of the reflection', () => {
		const text = merged( null );
		expect( text ).toBe( `<!-- capacity-bot-figures-start ${ blockChecksum( NEW ) } -->\n${ NEW }\n${ END }\n\n${ REFLECTION }` );
		expect( merged( text ) ).toBe( text );
	} );
} );

describe( 'updating the figures', () => {
	it( 'keeps the reflection and everything else outside the block, byte for byte', () => {
		const before = 'Intro by the hub.\n\n';
		const after = '\n\n== Reflection ==\nWe learned a lot. ~~~~\n[[Category:Reports]]\n{{Some template|a=b}}\n';
		expect( merged( page( before, after ) ) ).toBe( page( before, after, NEW ) );
	} );

	it( 'keeps text moved above the block, and a block at the very end of the page', () => {
		expect( merged( page( '== Reflection ==\nFirst.\n', '' ) ) ).toBe( page( '== Reflection ==\nFirst.\n', '', NEW ) );
	} );

	it( 'keeps odd Unicode outside the block exactly: RTL marks, combining marks, emoji, NUL-free controls, non-NFC text', () => {
		const odd = '\u200F\u05E9\u05DC\u05D5\u05DD \u202Eevil\u202C e\u0301 \uD83D\uDC69\u200D\uD83D\uDD2C \u00A0\t\u2028\u{1F3F3}\uFE0F\u200D\u{1F308} \uFEFF';
		const text = page( `${ odd }\n`, `\n${ odd }\n<!-- a comment -->\n<nowiki><!-- capacity</nowiki>` );
		const result = merged( text );
		expect( result ).toBe( page( `${ odd }\n`, `\n${ odd }\n<!-- a comment -->\n<nowiki><!-- capacity</nowiki>`, NEW ) );
		expect( Buffer.from( result.slice( result.indexOf( END ) + END.length ) ) )
			.toEqual( Buffer.from( `\n${ odd }\n<!-- a comment -->\n<nowiki><!-- capacity</nowiki>` ) );
	} );

	it( 'keeps any text around a well-formed block, for any text without the markers\' names (property)', () => {
		const free = fc.string( { unit: 'grapheme', maxLength: 60 } ).filter( ( s ) => !s.includes( 'capacity-bot-figures' ) &&
			!/<!--(?![\s\S]*-->)|<(nowiki|pre|syntaxhighlight|source|math|chem|ce|score|templatedata|timeline|graph|includeonly)\b/i.test( s ) );
		fc.assert( fc.property( free, free, ( before, after ) => {
			expect( merged( page( before, after ) ) ).toBe( page( before, after, NEW ) );
		} ) );
	} );

	it( 'accepts a start marker put back by hand without its checksum', () => {
		const text = `Above\n<!-- capacity-bot-figures-start -->\nanything\n${ END }\nBelow`;
		expect( merged( text ) ).toBe( `Above\n${ figuresBlock( NEW ) }\nBelow` );
	} );

	it( 'keeps a reflection that brings the page close to the size limit', () => {
		const reflection = `\n${ 'Reflection line with ünïcödé and emoji \uD83D\uDE00.\n'.repeat( 21300 ) }`;
		const text = page( '', reflection );
		expect( Buffer.byteLength( text ) ).toBeGreaterThan( 1040000 );
		expect( Buffer.byteLength( text ) ).toBeLessThan( PAGE_LIMIT_BYTES );
		const result = merged( text );
		expect( result.endsWith( reflection ) ).toBe( true );
		expect( result.length - text.length ).toBe( NEW.length - OLD.length );
	} );
} );

describe( 'a page the bot leaves alone', () => {
	const good = page( 'Before\n', '\nAfter' );
	const start = good.slice( 0, good.indexOf( '\n', good.indexOf( 'start' ) ) );

	it.each( [
		[ 'both markers removed', 'Someone rewrote the page.\n== Reflection ==\nText.', 'missing' ],
		[ 'an empty page', '', 'missing' ],
		[ 'the start marker removed', good.replace( start, '' ), 'missing' ],
		[ 'the end marker removed', good.replace( END, '' ), 'missing' ],
		[ 'the block copied twice', `${ good }\n${ good }`, 'duplicated' ],
		[ 'an end marker quoted in the reflection', `${ good }\nWe kept ${ END } here.`, 'duplicated' ],
		[ 'a start marker\'s name mentioned in the reflection', `${ good }\nThe capacity-bot-figures-start marker is odd.`, 'duplicated' ],
		[ 'the markers swapped', good.replace( start, '\u0000' ).replace( END, start ).replace( '\u0000', END ), 'reordered' ],
		[ 'the block inside a comment', `<!-- hidden by an editor\n${ good }\n-->`, 'hidden' ],
		[ 'the end marker inside an unclosed comment', good.replace( END, `<!-- ${ END }` ), 'hidden' ],
		[ 'the block inside nowiki', `<nowiki>${ good }</nowiki>`, 'hidden' ],
		[ 'the block inside pre', `<pre class="x">${ good }</pre>`, 'hidden' ],
		[ 'the end marker inside NOWIKI (any case)', good.replace( END, `<NOWIKI >${ END }</NoWiki>` ), 'hidden' ],
		[ 'the block inside includeonly', `<includeonly>${ good }</includeonly>`, 'hidden' ],
		[ 'a marker changed by hand', good.replace( END, '<!-- capacity-bot-figures-end (do not touch) -->' ), 'hidden' ],
		[ 'a start marker with a space added', good.replace( '<!-- capacity', '<!--  capacity' ), 'hidden' ],
		[ 'a checksum of the wrong shape', good.replace( /start [0-9a-f]{16}/, 'start XYZ' ), 'hidden' ],
		[ 'text written inside the block', good.replace( OLD, `${ OLD }\nOur reflection, typed in the wrong place.` ), 'edited' ],
		[ 'a figure changed by hand', good.replace( '3 requests', '30 requests' ), 'edited' ],
		[ 'a block emptied by hand', good.replace( OLD, '' ), 'edited' ],
	] )( '%s', ( _name, text, expected ) => {
		expect( problem( text ) ).toBe( expected );
	} );

	it( 'is not fooled by markers that a comment or nowiki earlier on the page hides from the parser', () => {
		// An unclosed <nowiki> is plain text for MediaWiki: the block after it is in the open.
		expect( problem( `<nowiki> never closed\n${ good }` ) ).toBeNull();
		// A self-closing <nowiki /> hides nothing.
		expect( problem( `<nowiki />${ good }` ) ).toBeNull();
		// "<!--" inside a nowiki is text, not the start of a comment.
		expect( problem( `<nowiki><!--</nowiki>\n${ good }\n<!-- x -->` ) ).toBeNull();
	} );
} );

describe( 'openComments', () => {
	it( 'finds the comments in the open only', () => {
		const text = 'a<!-- one --><nowiki><!-- two --></nowiki><!-- three <!-- four --> <pre><!-- five </pre>';
		expect( [ ...openComments( text ) ] ).toEqual( [ text.indexOf( '<!-- one' ), text.indexOf( '<!-- three' ) ] );
	} );
} );
