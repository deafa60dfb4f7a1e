/**
 * The statistics charts in jsdom (modules/statistics/StatisticsCharts.vue): they read
 * Statistics.json's `charts` from the fake wiki, draw every chart of the programme's view with its
 * table, follow the filters, mirror in right-to-left, and say so when there is nothing to draw.
 */
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import type { FigureRequest } from '../../../../modules/core/figures';
import { sitePages } from '../../../../modules/core/pages';
import { buildCharts, type StatisticsCharts as Charts } from '../../../../modules/core/statisticsCharts';
import StatisticsCharts from '../../../../modules/statistics/StatisticsCharts.vue';
import { qqx } from '../mwMock';
import { BASE, createRequestWiki, SAMPLE, type RequestWiki } from '../requestPage/requestWiki';

let wiki: RequestWiki;
const requests: FigureRequest[] = [
	{ number: 1, request: { ...SAMPLE, created: '2026-02-01T00:00:00Z', hub: 'Hub A', status: 'open' }, feedback: [] },
	{ number: 2, request: { ...SAMPLE, created: '2026-05-01T00:00:00Z', hub: 'Hub B', region: 'SSA' }, feedback: [] },
	{ number: 3, request: { ...SAMPLE, created: '2026-05-09T00:00:00Z', hub: 'Hub B', status: 'completed' }, feedback: [] },
];
const charts: Charts = buildCharts( requests, [ { requestNumber: 1, to: 'matched', at: '2026-02-03T00:00:00Z' } ] );

beforeEach( () => {
	wiki = createRequestWiki();
	document.documentElement.dir = 'ltr';
} );

async function show(): Promise<VueWrapper> {
	const wrapper = mount( StatisticsCharts, { props: { api: wiki.api }, attachTo: document.body } );
	for ( let i = 0; i < 200 && wrapper.find( '.cdx-progress-bar' ).exists(); i++ ) {
		await new Promise( ( resolve ) => {
			setTimeout( resolve, 0 );
		} );
		await flushPromises();
	}
	return wrapper;
}

function rows( wrapper: VueWrapper, chart: string ): string[][] {
	return wrapper.findAll( `[data-chart="${ chart }"] tbody tr` ).map( ( row ) => row.findAll( 'th, td' ).map( ( cell ) => cell.text() ) );
}

async function choose( wrapper: VueWrapper, filter: string, value: string ): Promise<void> {
	wrapper.find( `[data-filter="${ filter }"]` ).findComponent( { name: 'CdxSelect' } ).vm.$emit( 'update:selected', value );
	await flushPromises();
}

describe( 'StatisticsCharts', () => {
	it( 'draws every chart of the programme\'s view, each with its table, and follows the filters', async () => {
		wiki.put( sitePages( BASE ).statisticsJson, JSON.stringify( { version: 2, charts } ) );
		const wrapper = await show();
		expect( wrapper.findAll( '[data-chart]' ).map( ( c ) => c.attributes( 'data-chart' ) ) ).toEqual( [
			'months', 'status', 'region', 'hub', 'topic', 'language', 'match', 'feedback-rating', 'feedback-outcome',
			'feedback-confidenceBefore', 'feedback-confidenceAfter', 'feedback-used' ] );
		expect( wrapper.find( '.ext-capacitybuilding-statistics__received' ).text() ).toBe( qqx( 'capacitybuilding-statistics-received', 3 ) );
		expect( rows( wrapper, 'hub' ) ).toEqual( [ [ 'Hub B', '2' ], [ 'Hub A', '1' ] ] );
		expect( rows( wrapper, 'months' ) ).toEqual( [
			[ '2026-02', qqx( 'capacitybuilding-status-open' ), '1' ], [ '2026-05', qqx( 'capacitybuilding-status-triaged' ), '1' ],
			[ '2026-05', qqx( 'capacitybuilding-status-completed' ), '1' ] ] );
		const svg = wrapper.find( '[data-chart="status"] svg' );
		expect( svg.attributes( 'role' ) ).toBe( 'img' );
		expect( svg.attributes( 'aria-labelledby' ) ).toBe( 'ext-capacitybuilding-statistics-status-title ext-capacitybuilding-statistics-status-description' );
		expect( wrapper.find( '#ext-capacitybuilding-statistics-status-description' ).text() ).toContain( 'capacitybuilding-statistics-description-bars' );
		// Feedback below ten answers: no chart, no table, the reason.
		expect( wrapper.find( '[data-chart="feedback-rating"] svg' ).exists() ).toBe( false );
		expect( wrapper.find( '[data-chart="feedback-rating"]' ).text() ).toContain( qqx( 'capacitybuilding-statistics-suppressed' ) );

		await choose( wrapper, 'hub', 'Hub B' );
		expect( wrapper.find( '.ext-capacitybuilding-statistics__received' ).text() ).toBe( qqx( 'capacitybuilding-statistics-received', 2 ) );
		expect( rows( wrapper, 'hub' ) ).toEqual( [ [ 'Hub B', '2' ] ] );
		await choose( wrapper, 'period', '2026-Q1' );
		expect( wrapper.find( '.ext-capacitybuilding-statistics__received' ).text() ).toBe( qqx( 'capacitybuilding-statistics-empty' ) );
		expect( wrapper.findAll( '[data-chart]' ) ).toHaveLength( 0 );
		await choose( wrapper, 'hub', '' );
		expect( rows( wrapper, 'match' )[ 1 ] ).toEqual( [ qqx( 'capacitybuilding-statistics-bucket', 1, 3 ), '1' ] );
		wrapper.unmount();
	} );

	it( 'mirrors the bars in right-to-left', async () => {
		document.documentElement.dir = 'rtl';
		wiki.put( sitePages( BASE ).statisticsJson, JSON.stringify( { version: 2, charts } ) );
		const wrapper = await show();
		expect( wrapper.find( '.ext-capacitybuilding-statistics' ).attributes( 'dir' ) ).toBe( 'rtl' );
		const bar = wrapper.find( '[data-chart="hub"] g' );
		const rect = bar.find( 'rect' );
		expect( Number( bar.find( 'text' ).attributes( 'x' ) ) ).toBeGreaterThan( Number( rect.attributes( 'x' ) ) + Number( rect.attributes( 'width' ) ) );
		wrapper.unmount();
	} );

	it( 'says so when Statistics.json has no charts yet', async () => {
		wiki.put( sitePages( BASE ).statisticsJson, JSON.stringify( { version: 2, requests: { total: 0 } } ) );
		const wrapper = await show();
		expect( wrapper.find( '.cdx-message' ).text() ).toBe( qqx( 'capacitybuilding-statistics-no-charts' ) );
		expect( wrapper.findAll( '[data-chart]' ) ).toHaveLength( 0 );
		wrapper.unmount();
	} );
} );
