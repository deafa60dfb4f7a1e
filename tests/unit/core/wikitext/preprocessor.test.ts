/**
 * The preprocessor agrees with MediaWiki 1.43's own parse tree on hand-picked tricky pages.
 * The expected trees in the fixture came from the development wiki (`action=parse&prop=parsetree`);
 * the integration tests ask the wiki again, and compare on random pages too.
 */
import fixture from '../../../fixtures/preprocessor-cases.json';
import { preprocess } from '../../../../modules/core/wikitext/preprocessor';
import { normalizeMediaWikiXml, toParseTreeXml } from '../../../support/parsetree';

const { cases, extensionTags } = fixture;

describe( 'preprocess', () => {
	it.each( cases )( 'parses $text like MediaWiki', ( { text, xml } ) => {
		expect( toParseTreeXml( text, preprocess( text, { extensionTags } ) ) ).toBe( normalizeMediaWikiXml( xml ) );
	} );

	it( 'covers the whole text with its top-level nodes, in order', () => {
		for ( const { text } of cases ) {
			const nodes = preprocess( text );
			let position = 0;
			for ( const node of nodes ) {
				expect( node.start ).toBe( position );
				position = node.end;
			}
			expect( position ).toBe( text.length );
		}
	} );

	it( 'can be told the wiki\'s extension tags', () => {
		const text = '{{a|<custom>|</custom>}}';
		expect( preprocess( text )[ 0 ] ).toMatchObject( { type: 'template', parts: [ {}, {} ] } );
		expect( preprocess( text, { extensionTags: [ 'custom' ] } )[ 0 ] ).toMatchObject( { type: 'template', parts: [ {} ] } );
	} );

	it( 'can turn off language conversion blocks', () => {
		expect( preprocess( '{{a|-{b|c}-}}' )[ 0 ] ).toMatchObject( { parts: [ {} ] } );
		expect( preprocess( '{{a|-{b|c}-}}', { languageConversion: false } )[ 0 ] ).toMatchObject( { parts: [ {}, {} ] } );
	} );
} );
