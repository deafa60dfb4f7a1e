/**
 * The charts' views of Statistics.json (modules/core/statisticsCharts.ts): one per period and hub,
 * their counts, the buckets of days to the first match, feedback as computeFigures gives it, and
 * the bounds that keep the page small.
 */
import { computeFigures, parsePeriod, type FeedbackAnswers, type FigureChange, type FigureRequest } from '../../../modules/core/figures';
import { STATISTICS_OTHER_KEY } from '../../../modules/core/indexes';
import type { CapacityRequest } from '../../../modules/core/model';
import {
	buildCharts, matchBucket, MATCH_BUCKETS, STATISTICS_CHART_CHARS, STATISTICS_CHART_HUBS, STATISTICS_CHART_KEYS, STATISTICS_CHART_QUARTERS,
} from '../../../modules/core/statisticsCharts';

const base: CapacityRequest = {
	title: 'Help', requester: 'Rita', requesterType: 'individual', organisation: '', region: 'LAC', hub: 'Hub A',
	topics: [ 'governance' ], formats: [ 'coaching' ], languages: [ 'es' ], lang: '', neededBy: '', description: 'x',
	status: 'open', holdReason: '', coach: [], offers: [], created: '2026-01-10T00:00:00Z',
};

function req( number: number, overrides: Partial<CapacityRequest> = {}, feedback: FeedbackAnswers[] = [] ): FigureRequest {
	return { number, request: { ...base, ...overrides }, feedback };
}

const requests = [
	req( 1, { status: 'completed', created: '2026-01-01T00:00:00Z' }, Array.from( { length: 12 }, ( _x, i ) => ( {
		rating: String( 1 + ( i % 5 ) ), outcome: i < 8 ? 'achieved' : 'partly',
	} ) ) ),
	req( 2, { status: 'declined', created: '2026-02-01T00:00:00Z', region: 'SSA', languages: [ 'fr', 'en' ], topics: [] } ),
	req( 3, { status: 'withdrawn', created: '2026-03-31T23:59:59Z', hub: 'Hub B' } ),
	req( 4, { status: 'matched', created: '2026-04-01T00:00:00Z', hub: '' } ),
	req( 5, { status: 'matched', created: '2026-05-01T00:00:00Z' } ),
];
const history: FigureChange[] = [
	{ requestNumber: 1, to: 'open', at: '2026-01-01T00:00:00Z' },
	{ requestNumber: 1, to: 'matched', at: '2026-01-04T00:00:00Z' },
	{ requestNumber: 1, to: 'completed', at: '2026-01-11T00:00:00Z' },
	{ requestNumber: 4, to: 'matched', at: '2026-04-01T12:00:00Z' },
	{ requestNumber: 5, to: 'matched', at: '2026-09-01T00:00:00Z' },
];

describe( 'matchBucket', () => {
	it.each( [ [ 0, 0 ], [ 1, 0 ], [ 1.1, 1 ], [ 3, 1 ], [ 7, 2 ], [ 90, 6 ], [ 90.1, 7 ], [ 1000, 7 ] ] )( '%p days → bucket %p', ( days, bucket ) => {
		expect( matchBucket( days ) ).toBe( bucket );
	} );
} );

describe( 'buildCharts', () => {
	const charts = buildCharts( requests, history );

	it( 'has a view for all time and each quarter, for the programme and each hub with requests there', () => {
		expect( charts.periods ).toEqual( [ 'all', '2026-Q2', '2026-Q1' ] );
		expect( charts.hubs ).toEqual( [ 'Hub A', 'Hub B' ] );
		expect( charts.views.map( ( v ) => `${ v.period }/${ v.hub }` ) ).toEqual( [
			'all/null', 'all/Hub A', 'all/Hub B', '2026-Q2/null', '2026-Q2/Hub A', '2026-Q1/null', '2026-Q1/Hub A', '2026-Q1/Hub B',
		] );
		expect( charts.matchBuckets ).toEqual( [ ...MATCH_BUCKETS ] );
		expect( charts.otherKey ).toBe( STATISTICS_OTHER_KEY );
		expect( charts.omitted ).toBe( 0 );
		expect( charts.questions.map( ( q ) => q.key ) ).toEqual( [ 'rating', 'outcome', 'confidenceBefore', 'confidenceAfter', 'used' ] );
	} );

	it( 'counts requests by current status, per month and by each dimension', () => {
		const all = charts.views[ 0 ]!;
		expect( all.received ).toBe( 5 );
		expect( all.byStatus ).toEqual( { open: 0, triaged: 0, matched: 2, 'in-progress': 0, completed: 1, declined: 1, withdrawn: 1, 'on-hold': 0 } );
		expect( all.byMonth ).toEqual( [
			{ month: '2026-01', byStatus: { completed: 1 } }, { month: '2026-02', byStatus: { declined: 1 } },
			{ month: '2026-03', byStatus: { withdrawn: 1 } }, { month: '2026-04', byStatus: { matched: 1 } },
			{ month: '2026-05', byStatus: { matched: 1 } },
		] );
		expect( all.byRegion ).toEqual( { SSA: 1, MENA: 0, SA: 0, ESEAP: 0, CEECA: 0, NWE: 0, LAC: 4, NA: 0 } );
		expect( all.byHub ).toEqual( { 'Hub A': 3, 'Hub B': 1 } );
		expect( Object.keys( all.byLanguage ) ).toEqual( [ 'es', 'en', 'fr' ] );
		expect( all.byLanguage ).toEqual( { es: 4, en: 1, fr: 1 } );
		expect( all.byTopic ).toEqual( { governance: 4 } );
	} );

	it( 'spreads the days to the first match over the buckets, with the median of computeFigures', () => {
		const all = charts.views[ 0 ]!;
		// R1: 3 days, R4: half a day, R5: 123 days.
		expect( all.daysToMatch.buckets ).toEqual( [ 1, 1, 0, 0, 0, 0, 0, 1 ] );
		expect( all.daysToMatch.median ).toBe( computeFigures( requests, history, parsePeriod( 'all' )! ).all.requests.daysToMatch.median );
		expect( all.daysToMatch.requests ).toBe( 3 );
		const q2a = charts.views.find( ( v ) => v.period === '2026-Q2' && v.hub === 'Hub A' )!;
		expect( q2a.daysToMatch.buckets ).toEqual( [ 0, 0, 0, 0, 0, 0, 0, 1 ] );
	} );

	it( 'gives feedback as computeFigures publishes it, for each view', () => {
		for ( const view of charts.views ) {
			const figures = computeFigures( requests, history, parsePeriod( view.period )!, view.hub );
			expect( view.feedback ).toEqual( figures.all.feedback );
			expect( view.received ).toBe( figures.all.requests.received );
		}
		const q1 = charts.views.find( ( v ) => v.period === '2026-Q1' && v.hub === null )!;
		expect( q1.feedback[ 0 ] ).toMatchObject( { question: 'rating', answers: 12, suppressed: null } );
		expect( q1.feedback[ 1 ]?.options.find( ( o ) => o.option === 'partly' )?.range ).not.toBeNull();
		const q1b = charts.views.find( ( v ) => v.period === '2026-Q1' && v.hub === 'Hub B' )!;
		expect( q1b.feedback[ 0 ]?.suppressed ).toBe( 'too-few-answers' );
	} );

	it( 'keeps its size bounded: quarters, hubs and keys', () => {
		const many: FigureRequest[] = [];
		for ( let n = 0; n < 400; n++ ) {
			const year = 2020 + Math.floor( n / 40 );
			const month = String( 1 + ( n % 12 ) ).padStart( 2, '0' );
			many.push( req( n + 1, { created: `${ year }-${ month }-02T00:00:00Z`, hub: `Hub ${ n % 50 }`,
				topics: [ `topic-${ n }` ], languages: [ `l${ n % 90 }` ] } ) );
		}
		const bounded = buildCharts( many, [] );
		expect( bounded.periods ).toHaveLength( 1 + STATISTICS_CHART_QUARTERS );
		expect( bounded.periods[ 1 ] ).toBe( '2029-Q4' );
		expect( bounded.hubs ).toHaveLength( STATISTICS_CHART_HUBS );
		const all = bounded.views[ 0 ]!;
		expect( Object.keys( all.byTopic ) ).toHaveLength( STATISTICS_CHART_KEYS );
		expect( all.byTopic[ STATISTICS_OTHER_KEY ] ).toBe( 400 - ( STATISTICS_CHART_KEYS - 1 ) );
		expect( Object.values( all.byLanguage ).reduce( ( a, b ) => a + b, 0 ) ).toBe( 400 );
		expect( bounded.views.length ).toBeLessThanOrEqual( ( 1 + STATISTICS_CHART_QUARTERS ) * ( 1 + STATISTICS_CHART_HUBS ) );
	} );

	it( 'leaves out hubs\' views, oldest period first, when all of them would make the page too large', () => {
		const long = ( prefix: string, n: number ): string => `${ prefix }-${ n }-${ 'x'.repeat( 50 ) }`;
		const many: FigureRequest[] = [];
		for ( let n = 0; n < 2400; n++ ) {
			const month = String( 1 + ( n % 12 ) ).padStart( 2, '0' );
			many.push( req( n + 1, { created: `${ 2024 + ( n % 3 ) }-${ month }-02T00:00:00Z`, hub: long( 'hub', n % 30 ),
				topics: [ long( 'topic', n % 97 ) ], languages: [ long( 'language', n % 89 ) ] } ) );
		}
		const bounded = buildCharts( many, [] );
		expect( bounded.omitted ).toBeGreaterThan( 0 );
		expect( JSON.stringify( bounded.views ).length ).toBeLessThanOrEqual( STATISTICS_CHART_CHARS + bounded.views.length + 1 );
		// Every period keeps the programme's view; hubs' views go from the oldest periods first.
		expect( bounded.views.filter( ( v ) => v.hub === null ).map( ( v ) => v.period ) ).toEqual( bounded.periods );
		const withHubs = bounded.periods.filter( ( p ) => bounded.views.some( ( v ) => v.period === p && v.hub !== null ) );
		expect( withHubs ).toEqual( bounded.periods.slice( 0, withHubs.length ) );
		expect( withHubs.length ).toBeGreaterThan( 0 );
		// In reading order: by period, the programme first.
		expect( bounded.views[ 0 ] ).toMatchObject( { period: 'all', hub: null } );
		expect( bounded.views[ 1 ]?.period ).toBe( 'all' );
	} );

	it( 'has only the programme\'s view when there are no requests', () => {
		expect( buildCharts( [], [] ).views.map( ( v ) => [ v.period, v.hub, v.received ] ) ).toEqual( [ [ 'all', null, 0 ] ] );
	} );
} );
