/**
 * The evaluation figures (modules/core/figures.ts): periods, hubs, medians, rates, groups, the
 * suppression of small feedback groups, and agreement with Statistics.json's median.
 */
import {
	computeFigures, daysBetween, FIGURES_VERSION, median, parsePeriod, type FeedbackAnswers, type FigureChange, type FigureRequest,
} from '../../../modules/core/figures';
import { daysToMatch } from '../../../bot/publish/content';
import { buildStatistics } from '../../../modules/core/statistics';
import type { CapacityRequest } from '../../../modules/core/model';

const base: CapacityRequest = {
	title: 'Help', requester: 'Rita', requesterType: 'individual', organisation: '', region: 'LAC', hub: 'Hub A',
	topics: [ 'governance' ], formats: [ 'coaching' ], languages: [ 'es' ], lang: '', neededBy: '', description: 'x',
	status: 'open', holdReason: '', coach: [], offers: [], created: '2026-01-10T00:00:00Z',
};

function req( number: number, overrides: Partial<CapacityRequest> = {}, feedback: FeedbackAnswers[] = [] ): FigureRequest {
	return { number, request: { ...base, ...overrides }, feedback };
}

const all = parsePeriod( 'all' )!;

describe( 'parsePeriod', () => {
	it.each( [
		[ 'all', null, null ],
		[ '2026', '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z' ],
		[ '2026-Q1', '2026-01-01T00:00:00Z', '2026-04-01T00:00:00Z' ],
		[ '2026-Q4', '2026-10-01T00:00:00Z', '2027-01-01T00:00:00Z' ],
		[ '2026-12', '2026-12-01T00:00:00Z', '2027-01-01T00:00:00Z' ],
	] )( '%s', ( label, start, end ) => {
		expect( parsePeriod( label ) ).toEqual( { label, start, end } );
	} );

	it.each( [ '', '2026-Q5', '2026-13', '26', 'Q1', '2026-01-01' ] )( 'refuses %p', ( label ) => {
		expect( parsePeriod( label ) ).toBeNull();
	} );
} );

describe( 'computeFigures', () => {
	const requests = [
		req( 1, { status: 'completed', created: '2026-01-01T00:00:00Z' } ),
		req( 2, { status: 'declined', created: '2026-02-01T00:00:00Z', region: 'SSA', languages: [ 'fr', 'en' ], topics: [] } ),
		req( 3, { status: 'withdrawn', created: '2026-03-31T23:59:59Z', hub: 'Hub B' } ),
		req( 4, { status: 'matched', created: '2026-04-01T00:00:00Z' } ),
		req( 5, { status: 'open', created: 'not a time' } ),
	];
	const history: FigureChange[] = [
		{ requestNumber: 1, to: 'open', at: '2026-01-01T00:00:00Z' },
		{ requestNumber: 1, to: 'triaged', at: '2026-01-02T00:00:00Z' },
		{ requestNumber: 1, to: 'matched', at: '2026-01-04T00:00:00Z' },
		{ requestNumber: 1, to: 'on-hold', at: '2026-01-05T00:00:00Z' },
		{ requestNumber: 1, to: 'matched', at: '2026-01-06T00:00:00Z' },
		{ requestNumber: 1, to: 'completed', at: '2026-01-11T00:00:00Z' },
		{ requestNumber: 2, to: 'open', at: '2026-02-01T00:00:00Z' },
		{ requestNumber: 2, to: 'declined', at: '2026-02-04T12:00:00Z' },
		{ requestNumber: 3, to: 'open', at: '2026-03-31T23:59:59Z' },
		{ requestNumber: 3, to: 'withdrawn', at: '2026-04-01T00:00:00Z' },
		{ requestNumber: 4, to: 'matched', at: '2026-04-03T00:00:00Z' },
	];

	it( 'counts the requests received in the period, their rates and medians', () => {
		const figures = computeFigures( requests, history, parsePeriod( '2026-Q1' )! );
		expect( figures.version ).toBe( FIGURES_VERSION );
		expect( figures.rules ).toEqual( { minAnswers: 10, minOptionCount: 5 } );
		expect( figures.all.requests ).toEqual( {
			received: 3, completed: 1, declined: 1, withdrawn: 1,
			completionRate: 0.333, declineRate: 0.333, withdrawalRate: 0.333,
			// Triage: R1 after 1 day, R2 declined after 3.5 days; a withdrawal is not triage.
			daysToTriage: { requests: 2, median: 2.25 },
			// The first match counts, not a later one.
			daysToMatch: { requests: 1, median: 3 },
			daysToComplete: { requests: 1, median: 10 },
		} );
	} );

	it( 'restricts to a hub', () => {
		const figures = computeFigures( requests, history, parsePeriod( '2026-Q1' )!, 'Hub B' );
		expect( figures.hub ).toBe( 'Hub B' );
		expect( figures.all.requests.received ).toBe( 1 );
		expect( figures.by.hub.map( ( g ) => g.key ) ).toEqual( [ 'Hub B' ] );
	} );

	it( 'counts a request once in each of its languages and topics, and not in empty groups', () => {
		const figures = computeFigures( requests, history, all );
		expect( figures.all.requests.received ).toBe( 5 );
		expect( figures.by.language.map( ( g ) => [ g.key, g.figures.requests.received ] ) ).toEqual( [ [ 'en', 1 ], [ 'es', 4 ], [ 'fr', 1 ] ] );
		expect( figures.by.topic.map( ( g ) => [ g.key, g.figures.requests.received ] ) ).toEqual( [ [ 'governance', 4 ] ] );
		expect( figures.by.region.map( ( g ) => [ g.key, g.figures.requests.declined ] ) ).toEqual( [ [ 'LAC', 0 ], [ 'SSA', 1 ] ] );
	} );

	it( 'has no rates for an empty period', () => {
		const figures = computeFigures( requests, history, parsePeriod( '2025' )! );
		expect( figures.all.requests ).toMatchObject( { received: 0, completionRate: null, daysToMatch: { requests: 0, median: null } } );
		expect( figures.by.region ).toEqual( [] );
	} );

	it( 'suppresses feedback questions with fewer than 10 answers, at every level', () => {
		const answers = ( score: string, outcome: string, n: number ): FeedbackAnswers[] => Array.from(
			{ length: n }, () => ( { rating: score, outcome, confidenceBefore: '2', confidenceAfter: score, used: outcome === 'achieved' ? 'yes' : 'no' } ) );
		const withFeedback = [
			// LAC: 12 answers, outcome "partly" chosen twice.
			req( 1, {}, [ ...answers( '5', 'achieved', 10 ), ...answers( '3', 'partly', 2 ) ] ),
			// SSA: 3 answers, one without a rating (not an answer to that question).
			req( 2, { region: 'SSA' }, [ ...answers( '4', 'achieved', 2 ), { rating: '', outcome: 'not-achieved' } ] ),
		];
		const figures = computeFigures( withFeedback, [], all );
		const [ ratings, outcomes, before, after, used ] = figures.all.feedback;
		expect( before ).toMatchObject( { question: 'confidenceBefore', answers: 14, average: 2, suppressed: null } );
		expect( after ).toMatchObject( { question: 'confidenceAfter', answers: 14, average: 4.57, suppressed: null } );
		expect( used?.options.map( ( o ) => [ o.option, o.count, o.range && [ o.range.countLow, o.range.countHigh ] ] ) ).toEqual( [
			[ 'yes', 12, null ], [ 'partly', 0, null ], [ 'no', null, [ 1, 4 ] ],
		] );
		expect( ratings ).toMatchObject( { question: 'rating', answers: 14, average: 4.57, suppressed: null } );
		expect( outcomes?.answers ).toBe( 15 );
		expect( outcomes?.options.map( ( o ) => [ o.option, o.count, o.range && [ o.range.countLow, o.range.countHigh ] ] ) ).toEqual( [
			[ 'achieved', 12, null ], [ 'partly', null, [ 1, 4 ] ], [ 'not-achieved', null, [ 1, 4 ] ], [ 'too-early', 0, null ],
		] );
		const byRegion = Object.fromEntries( figures.by.region.map( ( g ) => [ g.key, g.figures.feedback ] ) );
		expect( byRegion.LAC?.map( ( q ) => q.suppressed ) ).toEqual( [ null, null, null, null, null ] );
		expect( byRegion.SSA ).toEqual( [
			{ question: 'rating', answers: null, average: null, suppressed: 'too-few-answers', options: [] },
			{ question: 'outcome', answers: null, average: null, suppressed: 'too-few-answers', options: [] },
			{ question: 'confidenceBefore', answers: null, average: null, suppressed: 'too-few-answers', options: [] },
			{ question: 'confidenceAfter', answers: null, average: null, suppressed: 'too-few-answers', options: [] },
			{ question: 'used', answers: null, average: null, suppressed: 'too-few-answers', options: [] },
		] );
	} );

	it( 'gives the same median time to match as Statistics.json', () => {
		const figures = computeFigures( requests, history, all );
		const stored = requests.map( ( r ) => ( { number: r.number, page: `B/Requests/R${ r.number }`, revid: r.number, updated: '',
			record: { ...base, ...r.request }, feedback: [] } ) );
		const days = daysToMatch( stored, history.map( ( c ) => ( { ...c, from: '', user: 'U', revid: 1 } ) ) );
		const stats = buildStatistics( 'B', '', [], [], days );
		expect( figures.all.requests.daysToMatch.median ).toBe( stats.requests.medianDaysToMatch );
		expect( figures.all.requests.daysToMatch ).toEqual( { requests: 2, median: 2.5 } );
	} );
} );

describe( 'median and daysBetween', () => {
	it.each( [ [ [], null ], [ [ 3 ], 3 ], [ [ 4, 1, 3 ], 3 ], [ [ 4, 1, 3, 2 ], 2.5 ] ] )( 'median of %p', ( values, expected ) => {
		expect( median( values as number[] ) ).toBe( expected );
	} );

	it( 'counts days with one decimal, and nothing backwards or untimed', () => {
		expect( daysBetween( '2026-01-01T00:00:00Z', '2026-01-02T12:00:00Z' ) ).toBe( 1.5 );
		expect( daysBetween( '2026-01-02T00:00:00Z', '2026-01-01T00:00:00Z' ) ).toBeNull();
		expect( daysBetween( 'x', '2026-01-01T00:00:00Z' ) ).toBeNull();
	} );
} );
