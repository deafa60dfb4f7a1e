/**
 * The suppression rules (modules/core/suppression.ts), case by case.
 */
import { MIN_ANSWERS, MIN_OPTION_COUNT, suppressQuestion } from '../../../modules/core/suppression';

type Counts = [ string, number ][];
type Maybe = number | null;

describe( 'suppression rules', () => {
	it( 'are the documented thresholds', () => {
		expect( [ MIN_ANSWERS, MIN_OPTION_COUNT ] ).toEqual( [ 10, 5 ] );
	} );

	it.each<[ string, Counts, Maybe ]>( [
		[ 'no answers', [ [ 'a', 0 ], [ 'b', 0 ] ], null ],
		[ 'one answer', [ [ 'a', 1 ], [ 'b', 0 ] ], 4 ],
		[ 'nine answers', [ [ 'a', 5 ], [ 'b', 4 ] ], 3.2 ],
	] )( 'give no figure for fewer than 10 answers: %s', ( _name, counts, average ) => {
		expect( suppressQuestion( 'q', counts, average ) ).toEqual( {
			question: 'q', answers: null, average: null, suppressed: 'too-few-answers', options: [],
		} );
	} );

	it.each<[ string, Counts, Maybe[], Maybe[] ]>( [
		[ '10 answers, every option 5 or more', [ [ 'a', 5 ], [ 'b', 5 ] ], [ 5, 5 ], [ 0.5, 0.5 ] ],
		[ 'an option nobody chose is an exact 0', [ [ 'a', 10 ], [ 'b', 0 ] ], [ 10, 0 ], [ 1, 0 ] ],
		[ 'an option with 4 is a range', [ [ 'a', 6 ], [ 'b', 4 ] ], [ 6, null ], [ 0.6, null ] ],
		[ 'an option with 1 is a range', [ [ 'a', 11 ], [ 'b', 1 ], [ 'c', 0 ] ], [ 11, null, 0 ], [ 0.917, null, 0 ] ],
		[ 'shares are rounded to three decimals', [ [ 'a', 5 ], [ 'b', 5 ], [ 'c', 5 ] ], [ 5, 5, 5 ], [ 0.333, 0.333, 0.333 ] ],
	] )( 'give exact figures from 10 answers, ranges for options under 5: %s', ( _name, counts, expectedCounts, shares ) => {
		const figure = suppressQuestion( 'q', counts, null );
		expect( figure.answers ).toBe( counts.reduce( ( sum, [ , n ] ) => sum + n, 0 ) );
		expect( figure.suppressed ).toBeNull();
		expect( figure.options.map( ( o ) => o.option ) ).toEqual( counts.map( ( [ option ] ) => option ) );
		expect( figure.options.map( ( o ) => o.count ) ).toEqual( expectedCounts );
		expect( figure.options.map( ( o ) => o.share ) ).toEqual( shares );
	} );

	it.each<[ number, number, number ]>( [
		// answers, shareLow (1/answers rounded down), shareHigh (4/answers rounded up)
		[ 10, 0.1, 0.4 ],
		[ 12, 0.083, 0.334 ],
		[ 30, 0.033, 0.134 ],
	] )( 'give a range that holds the true share, rounded outwards (%i answers)', ( answers, low, high ) => {
		const figure = suppressQuestion( 'q', [ [ 'big', answers - 2 ], [ 'small', 2 ] ], null );
		const small = figure.options[ 1 ];
		expect( small ).toEqual( { option: 'small', count: null, share: null, range: { countLow: 1, countHigh: 4, shareLow: low, shareHigh: high } } );
		expect( small?.range?.shareLow ).toBeLessThanOrEqual( 2 / answers );
		expect( small?.range?.shareHigh ).toBeGreaterThanOrEqual( 2 / answers );
	} );

	it( 'keeps the average of a question with enough answers', () => {
		expect( suppressQuestion( 'rating', [ [ '4', 5 ], [ '5', 5 ] ], 4.5 ).average ).toBe( 4.5 );
	} );
} );
