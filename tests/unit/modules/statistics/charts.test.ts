/**
 * What each statistics chart shows (modules/statistics/charts.ts): its table carries exactly the
 * view's figures, labels come from the reader's messages, feedback charts follow whatever questions
 * the JSON carries, and suppressed figures stay suppressed.
 */
import type { FigureRequest } from '../../../../modules/core/figures';
import type { CapacityRequest } from '../../../../modules/core/model';
import { buildCharts, type StatisticsCharts, type StatisticsView } from '../../../../modules/core/statisticsCharts';
import { bucketLabel, chartSpecs, findView, readCharts, type ChartSpec, type Labels } from '../../../../modules/statistics/charts';

const known = new Set( [ 'capacitybuilding-feedback-field-rating', 'capacitybuilding-feedback-outcome-achieved' ] );
const labels: Labels = {
	message: ( key, ...params ) => `(${ [ key, ...params ].join( '|' ) })`,
	exists: ( key ) => known.has( key ),
	status: ( key ) => `status:${ key }`,
	region: ( key ) => `region:${ key }`,
	topic: ( key ) => `topic:${ key }`,
	language: ( key ) => `language:${ key }`,
	hub: ( key ) => `hub:${ key }`,
};

const base: CapacityRequest = {
	title: 'Help', requester: 'Rita', requesterType: 'individual', organisation: '', region: 'LAC', hub: 'Hub A',
	topics: [ 'governance', 'outreach' ], formats: [ 'coaching' ], languages: [ 'es' ], lang: '', neededBy: '', description: 'x',
	status: 'completed', holdReason: '', coach: [], offers: [], created: '2026-01-10T00:00:00Z',
};
const requests: FigureRequest[] = Array.from( { length: 12 }, ( _x, i ) => ( {
	number: i + 1,
	request: { ...base, created: `2026-0${ 1 + ( i % 3 ) }-10T00:00:00Z`, status: i % 4 ? 'completed' : 'open' },
	feedback: [ { rating: String( 1 + ( i % 5 ) ), outcome: i < 9 ? 'achieved' : 'not-achieved' } ],
} ) );
const charts = buildCharts( requests, [ { requestNumber: 1, to: 'matched', at: '2026-01-12T00:00:00Z' } ] );
const all = findView( charts, 'all', null ) as StatisticsView;

describe( 'chartSpecs', () => {
	const specs = chartSpecs( charts, all, labels );
	const byId = ( id: string ): ChartSpec => specs.find( ( s ) => s.id === id )!;

	it( 'has every chart, in order', () => {
		expect( specs.map( ( s ) => s.id ) ).toEqual( [ 'months', 'status', 'region', 'hub', 'topic', 'language', 'match',
			'feedback-rating', 'feedback-outcome', 'feedback-confidenceBefore', 'feedback-confidenceAfter', 'feedback-used' ] );
		for ( const spec of specs ) {
			expect( spec.title ).not.toBe( '' );
			expect( spec.description === '' && spec.kind !== 'none' ).toBe( false );
		}
	} );

	it( 'puts exactly the view\'s counts in each table, with the reader\'s labels', () => {
		expect( byId( 'status' ).table.rows ).toEqual( Object.entries( all.byStatus ).map( ( [ k, v ] ) => [ `status:${ k }`, String( v ) ] ) );
		expect( byId( 'region' ).table.rows ).toEqual( Object.entries( all.byRegion ).map( ( [ k, v ] ) => [ `region:${ k }`, String( v ) ] ) );
		expect( byId( 'topic' ).table.rows ).toEqual( [ [ 'topic:governance', '12' ], [ 'topic:outreach', '12' ] ] );
		expect( byId( 'language' ).bars.map( ( b ) => b.value ) ).toEqual( [ 12 ] );
		expect( byId( 'months' ).table.rows ).toEqual( [
			[ '2026-01', 'status:open', '1' ], [ '2026-01', 'status:completed', '3' ],
			[ '2026-02', 'status:open', '1' ], [ '2026-02', 'status:completed', '3' ],
			[ '2026-03', 'status:open', '1' ], [ '2026-03', 'status:completed', '3' ],
		] );
		expect( byId( 'months' ).columns.map( ( c ) => c.parts.reduce( ( sum, p ) => sum + p.value, 0 ) ) ).toEqual( [ 4, 4, 4 ] );
		expect( byId( 'months' ).series.map( ( s ) => s.label )[ 0 ] ).toBe( 'status:open' );
		expect( byId( 'months' ).description ).toBe( '(capacitybuilding-statistics-description-months|2026-01|2026-03)' );
		expect( byId( 'status' ).description ).toBe( '(capacitybuilding-statistics-description-bars|8|status:completed|9)' );
	} );

	it( 'labels the buckets of days to the first match and gives the median', () => {
		const match = byId( 'match' );
		expect( match.table.rows.map( ( r ) => r[ 1 ] ) ).toEqual( all.daysToMatch.buckets.map( String ) );
		expect( match.table.rows[ 1 ]![ 0 ] ).toBe( '(capacitybuilding-statistics-bucket|1|3)' );
		expect( match.note ).toBe( '(capacitybuilding-statistics-median|2|1)' );
		expect( bucketLabel( labels, [ 1, 3 ], 0 ) ).toBe( '(capacitybuilding-statistics-bucket-first|1)' );
		expect( bucketLabel( labels, [ 1, 3 ], 2 ) ).toBe( '(capacitybuilding-statistics-bucket-last|3)' );
	} );

	it( 'draws feedback with exact figures and ranges, labels falling back to keys', () => {
		const rating = byId( 'feedback-rating' );
		expect( rating.title ).toBe( '(capacitybuilding-statistics-chart-feedback|(capacitybuilding-feedback-field-rating))' );
		expect( rating.note ).toContain( 'capacitybuilding-statistics-average' );
		const outcome = byId( 'feedback-outcome' );
		// No message for the outcome question in this reader's set: its key.
		expect( outcome.title ).toBe( '(capacitybuilding-statistics-chart-feedback|outcome)' );
		const figure = all.feedback[ 1 ]!;
		expect( outcome.table.rows ).toEqual( figure.options.map( ( o ) => [
			o.option === 'achieved' ? '(capacitybuilding-feedback-outcome-achieved)' : o.option,
			o.range ? `(capacitybuilding-statistics-range|${ o.range.countLow }|${ o.range.countHigh })` : String( o.count ),
			o.range ? `(capacitybuilding-statistics-range|${ o.range.shareLow }|${ o.range.shareHigh })` : String( o.share ),
		] ) );
		expect( outcome.table.rows.find( ( r ) => r[ 0 ] === 'not-achieved' )?.[ 1 ] ).toBe( '(capacitybuilding-statistics-range|1|4)' );
		expect( outcome.bars.find( ( b ) => b.key === 'not-achieved' ) ).toMatchObject( { value: 1, high: 4 } );
	} );

	it( 'draws a question it has never heard of, and no figure of a suppressed one', () => {
		const view: StatisticsView = { ...all, feedback: [
			{ question: 'used', answers: 20, average: null, suppressed: null, options: [
				{ option: 'yes', count: 15, share: 0.75, range: null }, { option: 'no', count: 5, share: 0.25, range: null },
			] },
			{ question: 'confidence-after', answers: null, average: null, suppressed: 'too-few-answers', options: [] },
		] };
		const [ used, confidence ] = chartSpecs( charts, view, labels ).slice( -2 );
		expect( used!.table.rows ).toEqual( [ [ 'yes', '15', '0.75' ], [ 'no', '5', '0.25' ] ] );
		expect( used!.kind ).toBe( 'bars' );
		expect( confidence!.kind ).toBe( 'none' );
		expect( confidence!.table.rows ).toEqual( [] );
		expect( confidence!.note ).toBe( '(capacitybuilding-statistics-suppressed)' );
	} );

	it( 'names the sum of left-out keys', () => {
		const view: StatisticsView = { ...all, byTopic: { governance: 3, [ charts.otherKey ]: 7 } };
		const topic = chartSpecs( charts, view, labels ).find( ( s ) => s.id === 'topic' )!;
		expect( topic.table.rows ).toEqual( [ [ 'topic:governance', '3' ], [ '(capacitybuilding-statistics-other)', '7' ] ] );
	} );
} );

describe( 'reading', () => {
	it( 'reads the charts of Statistics.json and refuses anything else', () => {
		expect( readCharts( JSON.parse( JSON.stringify( { version: 2, charts } ) ) ) ).toEqual( charts );
		expect( readCharts( { version: 2 } ) ).toBeNull();
		expect( readCharts( { charts: { views: 'x' } } ) ).toBeNull();
		expect( readCharts( null ) ).toBeNull();
	} );

	it( 'finds a view, or none for a hub without requests in a period', () => {
		const c: StatisticsCharts = charts;
		expect( findView( c, '2026-Q1', 'Hub A' )?.received ).toBe( 12 );
		expect( findView( c, '2026-Q1', 'Hub Z' ) ).toBeNull();
	} );
} );
