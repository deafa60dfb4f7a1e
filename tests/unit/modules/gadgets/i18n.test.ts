/**
 * The gadget route's messages (modules/gadgets/i18n.ts): English built in, the reader's language
 * and its fallbacks fetched once in one request, kept in localStorage with their version, and
 * fetched again only when the version changes.
 */
import { installMw, type FakeMw } from '../mwMock';

interface I18nModule {
	english( messages: Record<string, string> ): void;
	ready: Promise<void>;
}

type Pages = Record<string, Record<string, string> | string>;

describe( 'gadget messages', () => {
	let fake: FakeMw;
	let messages: Map<string, string>;
	let get: jest.Mock;
	let pages: Pages;

	/** Loads a fresh copy of the module, with a manifest. */
	function load( languages: Record<string, string>, userLanguage: string, chain: string[] ): I18nModule {
		fake.config.get.mockImplementation( ( key: string ) => key === 'wgUserLanguage' ? userLanguage : null );
		fake.language.getFallbackLanguageChain.mockReturnValue( chain );
		let loaded: I18nModule | undefined;
		jest.isolateModules( () => {
			jest.doMock( '../../../../modules/gadgets/capacityBuilding-i18n.json', () => ( { languages } ) );
			loaded = require( '../../../../modules/gadgets/i18n' ) as I18nModule;
		} );
		return loaded as I18nModule;
	}

	beforeEach( () => {
		fake = installMw();
		messages = new Map();
		pages = {};
		const mwGlobal = globalThis as unknown as { mw: Record<string, unknown> };
		mwGlobal.mw.messages = { set: jest.fn( ( key: string, text: string ) => messages.set( key, text ) ) };
		get = jest.fn( ( params: { titles: string[] } ) => Promise.resolve( {
			query: {
				pages: params.titles.map( ( title ) => title in pages ? {
					title,
					revisions: [ { slots: { main: { content: typeof pages[ title ] === 'string' ? pages[ title ] : JSON.stringify( pages[ title ] ) } } } ],
				} : { title, missing: true } ),
			},
		} ) );
		mwGlobal.mw.Api = jest.fn( () => ( { get } ) );
	} );

	const DE = 'MediaWiki:Gadget-capacityBuilding-i18n-de.json';
	const DE_AT = 'MediaWiki:Gadget-capacityBuilding-i18n-de-at.json';

	it( 'gives English and fetches nothing for an English reader', async () => {
		const i18n = load( { de: 'v1' }, 'en', [ 'en' ] );
		i18n.english( { 'capacitybuilding-a': 'Hello' } );
		await i18n.ready;
		expect( messages.get( 'capacitybuilding-a' ) ).toBe( 'Hello' );
		expect( get ).not.toHaveBeenCalled();
	} );

	it( 'fetches the reader\'s language and its published fallbacks in one request, the most specific winning', async () => {
		pages = {
			[ DE ]: { 'capacitybuilding-a': 'Hallo', 'capacitybuilding-b': 'Tschüss' },
			[ DE_AT ]: { 'capacitybuilding-a': 'Servus', 'some-other-message': 'x' },
		};
		const i18n = load( { de: 'v1', 'de-at': 'v7', fr: 'v2' }, 'de-at', [ 'de-at', 'de', 'en' ] );
		i18n.english( { 'capacitybuilding-a': 'Hello', 'capacitybuilding-b': 'Bye', 'capacitybuilding-c': 'Only English' } );
		await i18n.ready;
		expect( get ).toHaveBeenCalledTimes( 1 );
		expect( get.mock.calls[ 0 ][ 0 ].titles ).toEqual( [ DE_AT, DE ] );
		expect( Object.fromEntries( messages ) ).toEqual( {
			'capacitybuilding-a': 'Servus', 'capacitybuilding-b': 'Tschüss', 'capacitybuilding-c': 'Only English',
		} );
		// A gadget loaded later never puts English over a translation.
		i18n.english( { 'capacitybuilding-a': 'Hello', 'capacitybuilding-d': 'More English' } );
		expect( messages.get( 'capacitybuilding-a' ) ).toBe( 'Servus' );
		expect( messages.get( 'capacitybuilding-d' ) ).toBe( 'More English' );
	} );

	it( 'keeps what it fetched with its version and fetches again only when the version changes', async () => {
		pages = { [ DE ]: { 'capacitybuilding-a': 'Hallo' } };
		await load( { de: 'v1' }, 'de', [ 'de', 'en' ] ).ready;
		expect( JSON.parse( fake.storage.stored.get( 'capacityBuilding-messages:de' ) as string ) )
			.toEqual( { version: 'v1', messages: { 'capacitybuilding-a': 'Hallo' } } );
		messages.clear();
		await load( { de: 'v1' }, 'de', [ 'de', 'en' ] ).ready;
		expect( get ).toHaveBeenCalledTimes( 1 );
		expect( messages.get( 'capacitybuilding-a' ) ).toBe( 'Hallo' );
		// Redeployed: a new version in the manifest, a new text on the page.
		pages = { [ DE ]: { 'capacitybuilding-a': 'Guten Tag' } };
		await load( { de: 'v2' }, 'de', [ 'de', 'en' ] ).ready;
		expect( get ).toHaveBeenCalledTimes( 2 );
		expect( messages.get( 'capacitybuilding-a' ) ).toBe( 'Guten Tag' );
	} );

	it( 'does not fetch for a language without a published page', async () => {
		await load( { de: 'v1' }, 'fr', [ 'fr', 'en' ] ).ready;
		expect( get ).not.toHaveBeenCalled();
	} );

	it( 'shows keys with qqx, as ResourceLoader does, and fetches nothing', async () => {
		const i18n = load( { de: 'v1' }, 'qqx', [ 'qqx', 'en' ] );
		i18n.english( { 'capacitybuilding-a': 'Hello' } );
		await i18n.ready;
		expect( messages.get( 'capacitybuilding-a' ) ).toBe( '(capacitybuilding-a)' );
		expect( get ).not.toHaveBeenCalled();
	} );

	it( 'settles with English when the pages cannot be read, or are not JSON', async () => {
		get.mockImplementation( () => Promise.reject( new Error( 'http' ) ) );
		const i18n = load( { de: 'v1' }, 'de', [ 'de', 'en' ] );
		i18n.english( { 'capacitybuilding-a': 'Hello' } );
		await expect( i18n.ready ).resolves.toBeUndefined();
		expect( messages.get( 'capacitybuilding-a' ) ).toBe( 'Hello' );
		expect( fake.log.warn ).toHaveBeenCalled();

		get.mockReset();
		pages = { [ DE ]: 'not JSON {' };
		get.mockImplementation( () => Promise.resolve( { query: { pages: [ { title: DE, revisions: [ { slots: { main: { content: 'not JSON {' } } } ] } ] } } ) );
		const again = load( { de: 'v1' }, 'de', [ 'de', 'en' ] );
		again.english( { 'capacitybuilding-a': 'Hello' } );
		await again.ready;
		expect( messages.get( 'capacitybuilding-a' ) ).toBe( 'Hello' );
	} );
} );
