import {
	IndexPartError, loadConfig, loadIndex, loadIndexEntry, loadLanguageNames, loadManifest, loadParts, loadTaxonomy, readJsonPage,
} from '../../../../modules/shared/siteData';
import type { HubEntry, Manifest } from '../../../../modules/core/indexes';
import { publishedIndex, revisionsAnswer, type PublishedIndex } from '../indexFixtures';
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

describe( 'the bot\'s split indexes', () => {
	const BASE = 'Capacity building';
	const hub = ( key: string ): HubEntry => ( {
		key, page: `${ BASE }/Hubs/${ key }`, revid: 1, updated: '2026-11-01T00:00:00Z', problems: 0, state: 'valid',
		hub: { name: key, kind: 'regional', regions: [], topics: [], languages: [], contacts: [ 'Ann' ], noticeboard: '' },
	} );
	const keys = Array.from( { length: 130 }, ( _, i ) => `Hub ${ String( i ).padStart( 3, '0' ) }` );

	function indexApi( index: PublishedIndex, tamper: ( answer: unknown ) => unknown = ( a ) => a ): { api: mw.Api; calls: Record<string, unknown>[] } {
		const calls: Record<string, unknown>[] = [];
		const api = fakeApi( { [ index.manifestTitle ]: index.manifest }, ( params ) => {
			calls.push( params );
			return params.revids === undefined ? undefined : tamper( revisionsAnswer( index.revisions, params.revids ) );
		} );
		return { api, calls };
	}

	it( 'reads a manifest, then its parts by revision: the first alone, the others together', async () => {
		const index = publishedIndex( BASE, 'hubs', keys.map( hub ), { generated: '2026-11-02T00:00:00Z', perPart: 2 } );
		const { api, calls } = indexApi( index );
		const manifest = await loadManifest( api, BASE, 'hubs' );
		expect( manifest?.parts ).toHaveLength( 65 );
		const seen: number[] = [];
		const entries = await loadParts( api, manifest as Manifest, 'hubs', { onPart: ( part ) => seen.push( part.id ) } );
		expect( entries.map( ( e ) => e.key ) ).toEqual( keys );
		const reads = calls.filter( ( c ) => c.revids !== undefined ).map( ( c ) => ( c.revids as number[] ).length );
		expect( reads ).toEqual( [ 1, 50, 14 ] );
		expect( seen[ 0 ] ).toBe( 1 );
		expect( [ ...seen ].sort( ( a, b ) => a - b ) ).toEqual( manifest?.parts.map( ( p ) => p.id ) );
		expect( ( await loadIndex( api, BASE, 'hubs' ) )?.entries ).toHaveLength( 130 );
		expect( await loadManifest( api, BASE, 'coaches' ) ).toBeNull();
	} );

	it( 'reads one entry in two requests, and refuses parts that are not what the manifest names', async () => {
		const index = publishedIndex( BASE, 'hubs', keys.map( hub ), { generated: '2026-11-02T00:00:00Z', perPart: 10 } );
		const { api, calls } = indexApi( index );
		expect( ( await loadIndexEntry( api, BASE, 'hubs', 'Hub 057' ) )?.key ).toBe( 'Hub 057' );
		expect( calls ).toHaveLength( 2 );
		expect( calls[ 1 ]?.revids ).toEqual( [ index.manifest.parts[ 5 ]?.revid ] );
		expect( await loadIndexEntry( api, BASE, 'hubs', 'Hub 0575' ) ).toBeNull();
		expect( await loadIndexEntry( api, BASE, 'hubs', 'Aaa' ) ).toBeNull();

		// A part read from another page (a manifest edited by hand) or missing makes the index unusable.
		const elsewhere = indexApi( index, ( answer ) => {
			const pages = ( answer as { query: { pages: { title: string }[] } } ).query.pages;
			pages.forEach( ( page ) => {
				page.title = 'Somewhere else';
			} );
			return answer;
		} );
		await expect( loadParts( elsewhere.api, index.manifest, 'hubs' ) ).rejects.toBeInstanceOf( IndexPartError );
		expect( await loadIndex( elsewhere.api, BASE, 'hubs' ) ).toBeNull();
		const missing = indexApi( index, () => ( { query: { badrevids: {} } } ) );
		expect( await loadIndex( missing.api, BASE, 'hubs' ) ).toBeNull();
	} );

	it( 'follows continuation when a response stops at the result size limit', async () => {
		const index = publishedIndex( BASE, 'hubs', keys.slice( 0, 6 ).map( hub ), { generated: '2026-11-02T00:00:00Z', perPart: 2 } );
		const calls: Record<string, unknown>[] = [];
		const api = fakeApi( {}, ( params ) => {
			calls.push( params );
			const ids = params.revids as number[];
			// Only one revision a response, as MediaWiki does when the next would not fit.
			const at = params.rvcontinue === undefined ? 0 : Number( params.rvcontinue );
			const answer = revisionsAnswer( index.revisions, [ ids[ at ] ] ) as Record<string, unknown>;
			return at + 1 < ids.length ? { ...answer, continue: { rvcontinue: String( at + 1 ), continue: '||' } } : answer;
		} );
		expect( ( await loadParts( api, index.manifest, 'hubs' ) ).map( ( e ) => e.key ) ).toEqual( keys.slice( 0, 6 ) );
		expect( calls ).toHaveLength( 3 );
	} );
} );
