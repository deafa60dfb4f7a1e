/**
 * The pieces of `capacity-bot deploy` that need no wiki: the definition lines and their marked
 * block, the stored form of JSON pages, the translation pages and their manifest, and the message
 * pages the templates need without the extension.
 */
import { gadgetDescriptionKey } from '../../../bot/deploy/deploy';
import { BLOCK_BEGIN, BLOCK_END, currentBlock, definitionBlock, definitionLine, withBlock } from '../../../bot/deploy/definitions';
import { MANIFEST_PAGE, gadgetMessagePages } from '../../../bot/deploy/messages';
import { storedJson, storedText } from '../../../bot/deploy/stored';
import { loadMessageFiles } from '../../../bot/i18n';
import { messageTitle, templateMessageKeys, templateMessagePages } from '../../../bot/setup/messagePages';
import { desiredPages } from '../../../bot/setup/pages';
import { distDir } from '../../../scripts/lib/paths';
import { readGadgets, type GadgetDefinition } from '../../../scripts/lib/gadgets';

const gadgets = readGadgets( distDir );
type Files = Record<string, Record<string, string>>;
const byName = ( name: string ): GadgetDefinition => gadgets.find( ( g ) => g.name === name ) as GadgetDefinition;

describe( 'gadget definitions', () => {
	it( 'restricts the loader and the styles to wikitext pages of the marker namespaces, viewed or previewed', () => {
		expect( definitionLine( byName( 'capacityBuilding-init' ), { namespaces: [ 0, 4 ] } ) ).toBe(
			'* capacityBuilding-init[ResourceLoader|default|hidden|namespaces=0,4|actions=view,edit,submit|contentModels=wikitext|package]|capacityBuilding-init.js' );
		expect( definitionLine( byName( 'capacityBuilding-styles' ), { namespaces: [ 0 ] } ) ).toBe(
			'* capacityBuilding-styles[ResourceLoader|default|hidden|namespaces=0|actions=view,edit,submit|contentModels=wikitext|type=styles]|capacityBuilding-styles.css' );
	} );

	it( 'makes features hidden package gadgets loaded on demand, with their dependencies and pages', () => {
		const line = definitionLine( byName( 'capacityBuilding-requestForm' ), { namespaces: [ 0 ] } );
		expect( line ).toMatch( /^\* capacityBuilding-requestForm\[ResourceLoader\|hidden\|package\|dependencies=vue,@wikimedia\/codex,ext\.gadget\.capacityBuilding-shared,[^\]]*ext\.gadget\.capacityBuilding-i18n\]\|capacityBuilding-requestForm\.js\|capacityBuilding-requestForm\.css$/ );
		expect( line ).not.toContain( 'default' );
		expect( definitionLine( byName( 'capacityBuilding-i18n' ), { namespaces: [ 0 ] } ) ).toBe(
			'* capacityBuilding-i18n[ResourceLoader|hidden|package|dependencies=mediawiki.api,mediawiki.language,mediawiki.storage]|capacityBuilding-i18n.js|capacityBuilding-i18n.json' );
	} );

	const block = definitionBlock( gadgets, { namespaces: [ 0 ] }, 'Note --with dashes--> and an arrow' );

	it( 'describes every gadget with a message', () => {
		const english = loadMessageFiles().en as Record<string, string>;
		for ( const gadget of gadgets ) {
			expect( { gadget: gadget.name, description: english[ gadgetDescriptionKey( gadget.name ) ?? '' ] } )
				.toEqual( { gadget: gadget.name, description: expect.stringMatching( /^Capacity building: / ) } );
		}
	} );

	it( 'puts the lines between markers, with a note that cannot close its comment', () => {
		const lines = block.split( '\n' );
		expect( lines[ 0 ] ).toBe( BLOCK_BEGIN );
		expect( lines[ 1 ] ).toBe( '<!-- Note --with dashes–› and an arrow -->' );
		expect( lines.at( -1 ) ).toBe( BLOCK_END );
		expect( lines.slice( 2, -1 ) ).toHaveLength( gadgets.length );
	} );

	it( 'replaces only its block, appends one where there is none, and refuses damaged markers', () => {
		const others = '== Tools ==\n* other[ResourceLoader]|other.js\n';
		const appended = withBlock( others, block );
		expect( appended ).toEqual( { kind: 'appended', text: `${ others.trimEnd() }\n\n${ block }` } );
		const withOld = `${ others }\n${ BLOCK_BEGIN }\n* old|old.js\n${ BLOCK_END }\n* after|after.js`;
		expect( withBlock( withOld, block ) ).toEqual( { kind: 'replaced', text: `${ others }\n${ block }\n* after|after.js` } );
		expect( currentBlock( `${ others }\n${ block }\n` ) ).toBe( block );
		expect( currentBlock( `${ others }\n${ block }\n${ BLOCK_BEGIN }` ) ).toBeNull();
		expect( withBlock( '', block ) ).toEqual( { kind: 'appended', text: block } );
		for ( const damaged of [ `${ BLOCK_BEGIN }\n* x|x.js`, `${ BLOCK_END }\n${ BLOCK_BEGIN }`, `${ block }\n${ block }` ] ) {
			expect( withBlock( damaged, block ) ).toEqual( { kind: 'damaged' } );
		}
	} );
} );

describe( 'stored page text', () => {
	it( 'encodes JSON as MediaWiki keeps it (tabs, <>& and line separators escaped, Unicode as is)', () => {
		expect( storedJson( { a: '<b>&c</b> é/\u2028', e: [], o: {} } ) ).toBe(
			'{\n\t"a": "\\u003Cb\\u003E\\u0026c\\u003C/b\\u003E é/\\u2028",\n\t"e": [],\n\t"o": {}\n}' );
	} );

	it( 'drops trailing whitespace, makes line ends \\n and normalises to NFC', () => {
		expect( storedText( 'a\r\nb\rc\u0065\u0301  \n\n' ) ).toBe( 'a\nb\nc\u00e9' );
	} );
} );

describe( 'translation pages', () => {
	const files: Files = {
		en: { 'capacitybuilding-requestform-submit': 'Submit', 'capacitybuilding-bot-log-deploy-done': 'Done' },
		de: { 'capacitybuilding-requestform-submit': 'Absenden <jetzt>', 'capacitybuilding-bot-log-deploy-done': 'Fertig' },
		fr: { 'capacitybuilding-bot-log-deploy-done': 'Fini' },
	};

	it( 'publishes each translated language with only the messages the gadgets use, then the manifest', () => {
		const pages = gadgetMessagePages( gadgets, files );
		expect( pages.map( ( p ) => p.title ) ).toEqual( [ 'MediaWiki:Gadget-capacityBuilding-i18n-de.json', MANIFEST_PAGE ] );
		expect( JSON.parse( pages[ 0 ]?.text as string ) ).toEqual( { 'capacitybuilding-requestform-submit': 'Absenden <jetzt>' } );
		const manifest = JSON.parse( pages[ 1 ]?.text as string ) as { languages: Record<string, string> };
		expect( Object.keys( manifest.languages ) ).toEqual( [ 'de' ] );
		expect( manifest.languages.de ).toMatch( /^[0-9a-f]{12}$/ );
	} );

	it( 'gives a language a new version exactly when its page changes', () => {
		const version = ( f: Files ): string | undefined => ( JSON.parse( gadgetMessagePages( gadgets, f ).at( -1 )?.text as string ) as
			{ languages: Record<string, string> } ).languages.de;
		const before = version( files );
		expect( version( { ...files, fr: { 'capacitybuilding-bot-log-deploy-done': 'Terminé' } } ) ).toBe( before );
		expect( version( { ...files, de: { 'capacitybuilding-requestform-submit': 'Senden' } } ) ).not.toBe( before );
	} );
} );

describe( 'the templates\' message pages', () => {
	const files = loadMessageFiles();
	const pages = desiredPages( { base: 'Capacity building', version: '1', botUser: null, messageFiles: files, contentText: ( key ) => files.en?.[ key ] ?? key } );
	const keys = templateMessageKeys( pages );

	it( 'are the messages the installed pages call with int: or transclude, labels and category names included', () => {
		expect( keys ).toEqual( expect.arrayContaining( [ 'capacitybuilding-request-field-region', 'capacitybuilding-status-open',
			'capacitybuilding-category-requests', 'capacitybuilding-requestform-nojs', 'capacitybuilding-template-doc' ] ) );
		expect( keys ).not.toContain( 'capacitybuilding-requestform-submit' );
	} );

	it( 'hold the content language\'s text at MediaWiki:<Key> and each other translation at a subpage', () => {
		const test = { en: { 'capacitybuilding-status-open': 'Open' }, de: { 'capacitybuilding-status-open': 'Offen' }, fr: {} };
		expect( templateMessagePages( [ 'capacitybuilding-status-open' ], test, 'en' ).map( ( p ) => [ p.title, p.text ] ) ).toEqual( [
			[ 'MediaWiki:Capacitybuilding-status-open', 'Open' ],
			[ 'MediaWiki:Capacitybuilding-status-open/de', 'Offen' ],
		] );
		// A German wiki: German at the page itself, English at /en (the last fallback of every language).
		expect( templateMessagePages( [ 'capacitybuilding-status-open' ], test, 'de' ).map( ( p ) => [ p.title, p.text ] ) ).toEqual( [
			[ 'MediaWiki:Capacitybuilding-status-open', 'Offen' ],
			[ 'MediaWiki:Capacitybuilding-status-open/en', 'Open' ],
		] );
		expect( messageTitle( 'capacitybuilding-x', 'pt-br' ) ).toBe( 'MediaWiki:Capacitybuilding-x/pt-br' );
	} );
} );
