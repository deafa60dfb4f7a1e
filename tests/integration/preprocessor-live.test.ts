/**
 * The preprocessor against MediaWiki's own parse tree (`action=parse&prop=parsetree`): the fixture
 * cases (so the fixture cannot drift from the wiki) and random pages made of wikitext's tricky parts.
 */
import fc from 'fast-check';
import fixture from '../fixtures/preprocessor-cases.json';
import { preprocess } from '../../modules/core/wikitext/preprocessor';
import { normalizeMediaWikiXml, toParseTreeXml } from '../support/parsetree';
import { botClient } from '../support/bot';
import type { WikiClient } from '../../bot/wiki';

const PIECES = [
	'{{', '}}', '{{{', '}}}', '{', '}', '[[', ']]', '[', ']', '|', '=', '==', '\n', '\n==', '==\n', ' ', 'a', 'b', 'x=y',
	'<!--', '-->', '<nowiki>', '</nowiki>', '<nowiki/>', '<pre>', '</pre>', '<ref>', '</ref>', '<gallery>', '</gallery>',
	'<includeonly>', '</includeonly>', '<noinclude>', '</noinclude>', '<onlyinclude>', '-{', '}-', '-', '<', '>', '\t', '#if:', 'Template:',
];

describe( 'preprocessor compared with MediaWiki', () => {
	let client: WikiClient;

	beforeAll( async () => {
		client = await botClient();
	} );

	async function mediaWikiTree( text: string ): Promise<string> {
		const response = await client.request( { action: 'parse', prop: 'parsetree', contentmodel: 'wikitext', title: 'Preprocessor test', text } );
		return normalizeMediaWikiXml( response.parse.parsetree as string );
	}

	it( 'uses the wiki\'s extension tags', () => {
		expect( [ ...client.site.extensionTags ].sort() ).toEqual( [ ...fixture.extensionTags ].sort() );
	} );

	it( 'agrees on the fixture cases, asked again', async () => {
		for ( const { text } of fixture.cases ) {
			expect( { text, tree: toParseTreeXml( text, preprocess( text, { extensionTags: client.site.extensionTags } ) ) } )
				.toEqual( { text, tree: await mediaWikiTree( text ) } );
		}
	} );

	it( 'agrees on random pages', async () => {
		const texts = fc.sample( fc.array( fc.constantFrom( ...PIECES ), { minLength: 1, maxLength: 25 } ).map( ( p ) => p.join( '' ) ), { numRuns: 150, seed: 1 } );
		for ( const text of texts ) {
			expect( { text, tree: toParseTreeXml( text, preprocess( text, { extensionTags: client.site.extensionTags } ) ) } )
				.toEqual( { text, tree: await mediaWikiTree( text ) } );
		}
	} );
} );
