import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { hubTitle } from '../../../../modules/core/pages';
import HubsOverview from '../../../../modules/hubsOverview/HubsOverview.vue';
import { qqx } from '../mwMock';
import { BASE, createRequestWiki, type RequestWiki } from '../requestPage/requestWiki';

let wiki: RequestWiki;

beforeEach( () => {
	// Hub A (regional, no regions) and Hub B (thematic, no topics), the topics and the configuration.
	wiki = createRequestWiki();
	wiki.languages.es = { name: 'Spanish', autonym: 'español' };
	wiki.putAs( 'Adam', hubTitle( BASE, 'Hub América Latina' ), '{{Capacity hub\n| name = Hub América Latina\n| kind = regional\n' +
		'| regions = LAC\n| languages = es, pt\n| contacts = Lucía, Marco\n| noticeboard = Capacity building/Hubs/Hub América Latina/Noticeboard\n}}' );
	wiki.putAs( 'Adam', hubTitle( BASE, 'Gobernanza' ), '{{Capacity hub\n| name = Gobernanza\n| kind = thematic\n' +
		'| topics = governance\n| languages = es\n| contacts = Gabriel\n}}' );
} );

async function until( done: () => boolean ): Promise<void> {
	for ( let i = 0; i < 200 && !done(); i++ ) {
		await new Promise( ( resolve ) => {
			setTimeout( resolve, 0 );
		} );
		await flushPromises();
	}
	if ( !done() ) {
		throw new Error( 'The overview did not get there' );
	}
}

async function show(): Promise<VueWrapper> {
	const wrapper = mount( HubsOverview, { props: { api: wiki.api }, attachTo: document.body } );
	await until( () => !wrapper.find( '.cdx-progress-bar' ).exists() );
	return wrapper;
}

function listed( wrapper: VueWrapper ): string[] {
	return wrapper.findAll( '.ext-capacitybuilding-hubs__hub' ).map( ( item ) => item.attributes( 'data-hub' ) ?? '' );
}

async function choose( wrapper: VueWrapper, filter: string, value: string ): Promise<void> {
	wrapper.find( `[data-filter="${ filter }"]` ).findComponent( { name: 'CdxSelect' } ).vm.$emit( 'update:selected', value );
	await flushPromises();
}

describe( 'HubsOverview', () => {
	it( 'lists every published hub with what it covers and whom to contact, regional hubs first', async () => {
		wiki.publishAll();
		wiki.requests.length = 0;
		const wrapper = await show();
		expect( listed( wrapper ) ).toEqual( [ 'Hub A', 'Hub América Latina', 'Gobernanza', 'Hub B' ] );
		expect( wrapper.find( '.ext-capacitybuilding-hubs__count' ).text() ).toBe( qqx( 'capacitybuilding-hubs-count', 4 ) );
		const latina = wrapper.find( '[data-hub="Hub América Latina"]' );
		expect( latina.find( 'h4' ).text() ).toBe( 'Hub América Latina' );
		expect( latina.find( '.cdx-info-chip' ).text() ).toBe( qqx( 'capacitybuilding-hub-kind-regional' ) );
		expect( latina.find( '[data-fact="regions"] dd' ).text() ).toBe( qqx( 'capacitybuilding-region-lac' ) );
		expect( latina.find( '[data-fact="languages"] dd' ).text() ).toBe( [ 'Spanish', 'pt' ].join( qqx( 'comma-separator' ) ) );
		expect( latina.findAll( '[data-fact="contacts"] a' ).map( ( a ) => a.text() ) ).toEqual( [ 'Lucía', 'Marco' ] );
		expect( latina.find( '[data-fact="noticeboard"] a' ).text() ).toBe( 'Capacity building/Hubs/Hub América Latina/Noticeboard' );
		const gobernanza = wrapper.find( '[data-hub="Gobernanza"]' );
		expect( gobernanza.find( '[data-fact="topics"] dd' ).text() ).toBe( 'Governance' );
		expect( gobernanza.find( '[data-fact="regions"]' ).exists() ).toBe( false );
		// From the published index: no hub page is read.
		expect( wiki.requests.filter( ( r ) => r.generator === 'allpages' || r.list === 'allpages' ) ).toEqual( [] );
	} );

	it( 'answers "which hub is mine?" by region, topic and language, and says when none covers it', async () => {
		wiki.publishAll();
		const wrapper = await show();
		const regions = wrapper.find( '[data-filter="region"]' ).findComponent( { name: 'CdxSelect' } ).props( 'menuItems' ) as { value: string }[];
		// Only what some hub lists, after "any"; languages named, a code MediaWiki does not name kept as it is.
		expect( regions.map( ( item ) => item.value ) ).toEqual( [ '', 'LAC' ] );
		await choose( wrapper, 'region', 'LAC' );
		expect( listed( wrapper ) ).toEqual( [ 'Hub América Latina' ] );
		expect( wrapper.find( '.ext-capacitybuilding-hubs__count' ).text() ).toBe( qqx( 'capacitybuilding-hubs-matching', 1 ) );
		await choose( wrapper, 'region', '' );
		await choose( wrapper, 'language', 'es' );
		expect( listed( wrapper ) ).toEqual( [ 'Hub América Latina', 'Gobernanza' ] );
		await choose( wrapper, 'topic', 'governance' );
		expect( listed( wrapper ) ).toEqual( [ 'Gobernanza' ] );
		await choose( wrapper, 'language', 'pt' );
		expect( listed( wrapper ) ).toEqual( [] );
		expect( wrapper.find( '.ext-capacitybuilding-hubs__count' ).text() ).toBe( qqx( 'capacitybuilding-hubs-matching-none' ) );
	} );

	it( 'shows the accepted hubs of the index, not a hub page\'s newer text', async () => {
		wiki.publishAll();
		wiki.putAs( 'Vandal', hubTitle( BASE, 'Gobernanza' ), '{{Capacity hub\n| name = Gobernanza\n| kind = thematic\n' +
			'| topics = governance\n| languages = es\n| contacts = Vandal\n}}' );
		const wrapper = await show();
		expect( wrapper.find( '[data-hub="Gobernanza"]' ).findAll( '[data-fact="contacts"] a' ).map( ( a ) => a.text() ) ).toEqual( [ 'Gabriel' ] );
	} );

	it( 'reads the hub pages before the bot has published, and says there are none when there are none', async () => {
		const wrapper = await show();
		expect( listed( wrapper ) ).toEqual( [ 'Hub A', 'Hub América Latina', 'Gobernanza', 'Hub B' ] );
		wrapper.unmount();
		wiki = createRequestWiki();
		wiki.publish( BASE, 'hubs', [] );
		const empty = await show();
		expect( listed( empty ) ).toEqual( [] );
		expect( empty.find( '.ext-capacitybuilding-hubs__count' ).text() ).toBe( qqx( 'capacitybuilding-hubs-none' ) );
	} );
} );
