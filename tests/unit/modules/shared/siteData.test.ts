import { loadConfig, loadLanguageNames, loadTaxonomy, readJsonPage } from '../../../../modules/shared/siteData';
import defaultTopics from '../../../../wiki/pages/Topics.json';

function fakeApi( pages: Record<string, unknown>, extra: ( params: Record<string, unknown> ) => unknown = () => undefined ): mw.Api {
	return {
		get: jest.fn( async ( params: Record<string, unknown> ) => {
			const answer = extra( params );
			if ( answer !== undefined ) {
				return answer;
			}
			const title = params.titles as string;
			return title in pages ?
				{ query: { pages: [ { title, revisions: [ { revid: 7, timestamp: '2026-01-01T00:00:00Z', slots: { main: { content: JSON.stringify( pages[ title ] ) } } } ] } ] } } :
				{ query: { pages: [ { title, missing: true } ] } };
		} ),
	} as unknown as mw.Api;
}

describe( 'site data', () => {
	it( 'reads JSON pages and tells a missing page apart', async () => {
		const api = fakeApi( { A: { x: 1 } } );
		expect( await readJsonPage( api, 'A' ) ).toEqual( { json: { x: 1 }, revid: 7, timestamp: '2026-01-01T00:00:00Z' } );
		expect( ( await readJsonPage( api, 'B' ) ).json ).toBeUndefined();
	} );

	it( 'loads the configuration with defaults and problems', async () => {
		const { config, problems } = await loadConfig( fakeApi( { 'MediaWiki:Gadget-capacityBuilding-config.json': { admins: [ 'Ada' ], nonsense: 1 } } ) );
		expect( config.admins ).toEqual( [ 'Ada' ] );
		expect( problems.map( ( p ) => p.key ) ).toEqual( [ 'capacitybuilding-config-unknown-key' ] );
		expect( ( await loadConfig( fakeApi( {} ) ) ).problems ).toEqual( [] );
	} );

	it( 'loads and indexes the taxonomy, or says it is missing', async () => {
		const loaded = await loadTaxonomy( fakeApi( { 'Capacity building/Topics.json': defaultTopics } ), 'Capacity building' );
		expect( loaded.problems ).toEqual( [] );
		expect( loaded.index.get( 'governance' )?.parent ).toBe( 'organisational' );
		const missing = await loadTaxonomy( fakeApi( {} ), 'Capacity building' );
		expect( missing.problems.map( ( p ) => p.key ) ).toEqual( [ 'capacitybuilding-topics-missing' ] );
	} );

	it( 'follows continuation for language names', async () => {
		const api = fakeApi( {}, ( params ) => params.meta === 'languageinfo' ? ( params.licontinue ?
			{ query: { languageinfo: { fr: { code: 'fr', name: 'francés', autonym: 'français' } } } } :
			{ query: { languageinfo: { es: { code: 'es', name: 'español', autonym: 'español' } } }, continue: { licontinue: 'x' } } ) : undefined );
		const names = await loadLanguageNames( api, 'es' );
		expect( [ ...names.keys() ] ).toEqual( [ 'es', 'fr' ] );
		expect( names.get( 'fr' )?.name ).toBe( 'francés' );
	} );
} );
