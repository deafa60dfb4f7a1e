import fc from 'fast-check';
import { preprocess } from '../../../../modules/core/wikitext/preprocessor';
import { decodeList, decodeValue, encodeList, encodeValue, isInert } from '../../../../modules/core/wikitext/values';
import { withoutLoneSurrogates } from '../../../../modules/core/text';
import { anyString, hostileString } from './hostile';

/** A value as MediaWiki stores it: NFC, and a lone surrogate (no character) as U+FFFD. */
function stored( value: string ): string {
	return withoutLoneSurrogates( value ).normalize( 'NFC' );
}

/** Reads a value the way the codec does: as the value of a named parameter. */
function readBack( encoded: string ): string {
	const text = `{{T|x = ${ encoded }\n}}`;
	const node = preprocess( text )[ 0 ];
	if ( !node || node.type !== 'template' || node.parts.length !== 1 ) {
		throw new Error( `not one template with one parameter: ${ text }` );
	}
	const part = node.parts[ 0 ];
	const eq = part?.eq as number;
	return decodeValue( text, ( part?.children ?? [] ).filter( ( n ) => n.start > eq ) ).value;
}

function readList( encoded: string ): string[] {
	const text = `{{T|x = ${ encoded }\n}}`;
	const node = preprocess( text )[ 0 ];
	if ( !node || node.type !== 'template' ) {
		throw new Error( 'no template' );
	}
	const part = node.parts[ 0 ];
	const eq = part?.eq as number;
	return decodeList( text, ( part?.children ?? [] ).filter( ( n ) => n.start > eq ) ).items;
}

/** What MediaWiki does to any text it receives: NFC, line ends, and no control characters. */
function survivesMediaWikiInput( text: string ): boolean {
	return text.normalize( 'NFC' ) === text &&
		// eslint-disable-next-line no-control-regex
		!/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFFFE\uFFFF]/.test( text ) &&
		!/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test( text );
}

describe( 'encodeValue', () => {
	it( 'writes plain words as they are, for editors', () => {
		expect( encodeValue( 'Grant writing for small groups' ) ).toBe( 'Grant writing for small groups' );
		expect( encodeValue( 'open' ) ).toBe( 'open' );
		expect( encodeValue( '2026-11-23T19:45:00Z' ) ).toBe( '2026-11-23T19:45:00Z' );
		expect( encodeValue( 'Wikimedia Community User Group Côte d\'Ivoire' ) ).toBe( 'Wikimedia Community User Group Côte d\'Ivoire' );
	} );

	it( 'wraps anything that could be markup in nowiki', () => {
		expect( encodeValue( 'a|b' ) ).toBe( '<nowiki>a|b</nowiki>' );
		expect( encodeValue( '</nowiki>{{x}}' ) ).toBe( '<nowiki>&lt;/nowiki>{{x}}</nowiki>' );
		expect( encodeValue( 'Tom & Jerry' ) ).toBe( '<nowiki>Tom &amp; Jerry</nowiki>' );
		expect( encodeValue( ' padded ' ) ).toBe( '<nowiki> padded </nowiki>' );
		expect( encodeValue( 'ISBN 978-3-16-148410-0' ) ).toBe( '<nowiki>ISBN 978-3-16-148410-0</nowiki>' );
		expect( encodeValue( 'Training: grants' ) ).toBe( '<nowiki>Training: grants</nowiki>' );
		expect( encodeValue( "It's ''great''" ) ).toBe( "<nowiki>It's ''great''</nowiki>" );
		expect( encodeValue( 'line\r\nbreak' ) ).toBe( '<nowiki>line&#xD;\nbreak</nowiki>' );
	} );

	it( 'writes text in NFC, as MediaWiki stores it, and escapes only what would still change', () => {
		// Already NFC: combining marks stay readable.
		expect( encodeValue( 'कृपया मदद' ) ).toBe( 'कृपया मदद' );
		// Not NFC: written composed, as MediaWiki would save it.
		expect( encodeValue( 'Cafe\u0301' ) ).toBe( 'Café' );
		expect( encodeValue( 'Cafe\u0301 & co' ) ).toBe( '<nowiki>Café &amp; co</nowiki>' );
		// A leading mark would combine with the ">" of "<nowiki>".
		expect( encodeValue( '\u0338x' ) ).toBe( '<nowiki>&#x338;x</nowiki>' );
		// A lone surrogate is written as a reference, which reads back as U+FFFD (the save path refuses it).
		expect( encodeValue( 'a\uD800b' ) ).toBe( '<nowiki>a&#xD800;b</nowiki>' );
	} );

	it( 'treats page titles and list items according to their context', () => {
		expect( isInert( 'Meta:Capacity building/Noticeboard', 'page' ) ).toBe( true );
		expect( isInert( 'https://example.org', 'page' ) ).toBe( false );
		expect( isInert( 'Smith, John', 'listItem' ) ).toBe( false );
		expect( isInert( 'Smith, John', 'text' ) ).toBe( true );
	} );

	it( 'reads back every string exactly as MediaWiki stores it (NFC; a lone surrogate as U+FFFD)', () => {
		fc.assert( fc.property( fc.oneof( anyString, hostileString() ), ( value ) => {
			expect( readBack( encodeValue( value ) ) ).toBe( stored( value ) );
		} ), { numRuns: 5000 } );
	} );

	it( 'writes only text that MediaWiki stores unchanged', () => {
		fc.assert( fc.property( fc.oneof( anyString, hostileString() ), ( value ) => {
			const line = `| x = ${ encodeValue( value ) }\n`;
			expect( survivesMediaWikiInput( line ) ).toBe( true );
		} ), { numRuns: 5000 } );
	} );

	it( 'never leaves markup outside nowiki', () => {
		const inert = ( text: string ): boolean => {
			const nodes = preprocess( text );
			const node = nodes[ 0 ];
			if ( nodes.length !== 1 || node?.type !== 'template' || node.parts.length !== 1 ) {
				return false;
			}
			return ( node.parts[ 0 ]?.children ?? [] ).every( ( child ) => child.type === 'ext' ?
				child.name === 'nowiki' :
				( child.type === 'text' || child.type === 'equals' ) &&
					!/\[\[|\]\]|~~~|__[A-Z]+__|''|:\/\/|&/.test( text.slice( child.start, child.end ) ) );
		};
		fc.assert( fc.property( fc.oneof( anyString, hostileString() ),
			( value ) => inert( `{{T|x = ${ encodeValue( value ) }\n}}` ) ), { numRuns: 5000 } );
	} );
} );

describe( 'decodeValue', () => {
	it( 'reads hand-written values as MediaWiki shows them', () => {
		expect( readBack( '  Tom &amp; Jerry <!-- note -->  ' ) ).toBe( 'Tom & Jerry' );
		expect( readBack( '<nowiki> a </nowiki>' ) ).toBe( ' a ' );
		expect( readBack( 'a<!-- x -->b' ) ).toBe( 'ab' );
		expect( readBack( '&#x1F600; &eacute; &bogus;' ) ).toBe( '😀 é &bogus;' );
	} );

	it( 'reads values in NFC, so a decomposed accent compares equal to the composed one', () => {
		expect( readBack( 'Cafe&#x301;' ) ).toBe( 'Café' );
		expect( readBack( '<nowiki>e\u0301</nowiki>' ) ).toBe( '\u00E9' );
	} );

	it( 'never makes a lone surrogate from a reference: reads U+FFFD, as MediaWiki shows it, and flags it', () => {
		const read = ( encoded: string ): ReturnType<typeof decodeValue> => {
			const text = `{{T|x = ${ encoded }\n}}`;
			const node = preprocess( text )[ 0 ];
			const part = node?.type === 'template' ? node.parts[ 0 ] : undefined;
			fc.pre( part !== undefined && part.eq !== null );
			const eq = part?.eq as number;
			return decodeValue( text, ( part?.children ?? [] ).filter( ( n ) => n.start > eq ) );
		};
		expect( read( 'a&#xD800;b' ) ).toEqual( { value: 'a\uFFFDb', markup: false, invalid: true } );
		expect( read( '<nowiki>&#55357;&#xDE00;</nowiki>' ) ).toEqual( { value: '\uFFFD\uFFFD', markup: false, invalid: true } );
		expect( read( '&#x1F600;' ) ).toEqual( { value: '😀', markup: false, invalid: false } );
		fc.assert( fc.property( fc.oneof( anyString, hostileString() ), ( value ) => {
			expect( /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test( read( value ).value ) ).toBe( false );
		} ), { numRuns: 2000 } );
	} );

	it( 'keeps markup as source text and flags it', () => {
		const text = '{{T|x = see {{PAGENAME}} and [[Help:Contents]]\n}}';
		const node = preprocess( text )[ 0 ];
		if ( node?.type !== 'template' ) {
			throw new Error( 'no template' );
		}
		const part = node.parts[ 0 ];
		const eq = part?.eq as number;
		expect( decodeValue( text, ( part?.children ?? [] ).filter( ( n ) => n.start > eq ) ) )
			.toEqual( { value: 'see {{PAGENAME}} and [[Help:Contents]]', markup: true, invalid: false } );
	} );
} );

describe( 'lists', () => {
	it( 'writes comma-separated items and wraps those with commas', () => {
		expect( encodeList( [ 'grant-writing', 'governance' ] ) ).toBe( 'grant-writing, governance' );
		expect( encodeList( [ 'Smith, John', 'Ada' ] ) ).toBe( '<nowiki>Smith, John</nowiki>, Ada' );
		expect( encodeList( [] ) ).toBe( '' );
	} );

	it( 'reads hand-written lists tolerantly', () => {
		expect( readList( ' a ,b,, c , ' ) ).toEqual( [ 'a', 'b', 'c' ] );
		expect( readList( 'a<!-- , x -->, b' ) ).toEqual( [ 'a', 'b' ] );
	} );

	it( 'reads back every list of non-empty items exactly as MediaWiki stores them', () => {
		fc.assert( fc.property( fc.array( fc.oneof( anyString, hostileString( 10 ) ).filter( ( s ) => s !== '' ), { maxLength: 6 } ), ( items ) => {
			expect( readList( encodeList( items ) ) ).toEqual( items.map( stored ) );
		} ), { numRuns: 3000 } );
	} );
} );
