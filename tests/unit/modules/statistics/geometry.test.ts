/**
 * Geometry of the statistics charts (modules/statistics/geometry.ts): bars proportional to their
 * values, everything mirrored in right-to-left, stacked columns adding up, ticks and labels that
 * never overlap at 360 px.
 */
import { fitLabel, horizontalBars, mirror, ROW_HEIGHT, stackedColumns, tickStep } from '../../../../modules/statistics/geometry';

const data = [
	{ key: 'a', label: 'Alpha', value: 10 },
	{ key: 'b', label: 'Beta', value: 5 },
	{ key: 'c', label: 'A very long label that cannot fit in the space a narrow screen gives it', value: 0 },
];

describe( 'horizontalBars', () => {
	it( 'draws bars proportional to their values, after their labels, in left-to-right', () => {
		const layout = horizontalBars( data, 600, false );
		const [ a, b, c ] = layout.bars;
		expect( layout.height ).toBe( 3 * ROW_HEIGHT );
		expect( b!.barWidth * 2 ).toBeCloseTo( a!.barWidth, 0 );
		expect( c!.barWidth ).toBe( 0 );
		expect( a!.barX ).toBe( b!.barX );
		expect( a!.labelX ).toBeLessThan( a!.barX );
		expect( a!.valueX ).toBeGreaterThan( a!.barX + a!.barWidth );
		expect( a!.barX + a!.barWidth ).toBeLessThanOrEqual( 600 );
		expect( [ a!.y, b!.y, c!.y ] ).toEqual( [ 0, ROW_HEIGHT, 2 * ROW_HEIGHT ] );
		expect( layout.axisX ).toBe( a!.barX );
	} );

	it( 'mirrors every x in right-to-left', () => {
		const ltr = horizontalBars( data, 600, false );
		const rtl = horizontalBars( data, 600, true );
		rtl.bars.forEach( ( bar, i ) => {
			const other = ltr.bars[ i ]!;
			expect( bar.barWidth ).toBe( other.barWidth );
			expect( bar.barX ).toBe( 600 - other.barX - other.barWidth );
			expect( bar.labelX ).toBe( 600 - other.labelX );
			expect( bar.valueX ).toBe( 600 - other.valueX );
			// The bar grows leftwards from the axis, with its label on the right.
			expect( bar.labelX ).toBeGreaterThan( bar.barX + bar.barWidth );
		} );
		expect( rtl.axisX ).toBe( 600 - ltr.axisX );
	} );

	it( 'fits in 360 px, cutting long labels', () => {
		const layout = horizontalBars( data, 360, false );
		for ( const bar of layout.bars ) {
			expect( bar.barX + bar.barWidth ).toBeLessThanOrEqual( 360 - 48 );
			expect( [ ...bar.shownLabel ].length * 7 ).toBeLessThanOrEqual( bar.labelX );
		}
		expect( layout.bars[ 2 ]!.shownLabel.endsWith( '…' ) ).toBe( true );
		expect( layout.bars[ 0 ]!.shownLabel ).toBe( 'Alpha' );
	} );

	it( 'draws a range to its upper end, and nothing when every value is zero', () => {
		const ranged = horizontalBars( [ { key: 'x', label: 'X', value: 1, high: 4 }, { key: 'y', label: 'Y', value: 8 } ], 500, false );
		expect( ranged.bars[ 0 ]!.barWidth * 2 ).toBeCloseTo( ranged.bars[ 1 ]!.barWidth, 0 );
		expect( horizontalBars( [ { key: 'z', label: 'Z', value: 0 } ], 500, false ).bars[ 0 ]!.barWidth ).toBe( 0 );
		expect( horizontalBars( [], 500, false ).height ).toBe( ROW_HEIGHT );
	} );
} );

describe( 'stackedColumns', () => {
	const months = Array.from( { length: 24 }, ( _x, i ) => ( {
		key: `m${ i }`, label: `2026-${ i }`, parts: [ { key: 'open', value: i }, { key: 'completed', value: 2 }, { key: 'declined', value: 0 } ],
	} ) );

	it( 'stacks the parts from the axis up, in order, to the column\'s total', () => {
		const layout = stackedColumns( months, 600, 240, false );
		const last = layout.columns[ 23 ]!;
		expect( last.total ).toBe( 25 );
		expect( last.segments.map( ( s ) => s.key ) ).toEqual( [ 'open', 'completed' ] );
		const [ open, completed ] = last.segments;
		expect( open!.y + open!.height ).toBeCloseTo( layout.axisY );
		expect( completed!.y + completed!.height ).toBeCloseTo( open!.y );
		expect( open!.height / completed!.height ).toBeCloseTo( 23 / 2 );
		expect( completed!.y ).toBeGreaterThanOrEqual( layout.topY );
		expect( layout.columns[ 0 ]!.x ).toBeLessThan( layout.columns[ 1 ]!.x );
	} );

	it( 'has round ticks from 0 past the largest total', () => {
		const layout = stackedColumns( months, 600, 240, false );
		expect( layout.ticks.map( ( t ) => t.value ) ).toEqual( [ 0, 10, 20, 30 ] );
		expect( layout.ticks[ 0 ]!.y ).toBe( layout.axisY );
	} );

	it( 'labels only as many columns as fit without overlapping', () => {
		const layout = stackedColumns( months, 360, 240, false );
		const labelled = layout.columns.filter( ( c ) => c.labelX !== null ).map( ( c ) => c.labelX as number );
		expect( labelled.length ).toBeGreaterThan( 1 );
		expect( labelled.length ).toBeLessThan( 24 );
		labelled.slice( 1 ).forEach( ( x, i ) => expect( x - labelled[ i ]! ).toBeGreaterThanOrEqual( 64 ) );
		for ( const column of layout.columns ) {
			expect( column.x ).toBeGreaterThanOrEqual( 0 );
			expect( column.x + column.width ).toBeLessThanOrEqual( 360 );
		}
	} );

	it( 'runs the time axis from right to left in right-to-left', () => {
		const ltr = stackedColumns( months, 600, 240, false );
		const rtl = stackedColumns( months, 600, 240, true );
		expect( rtl.columns[ 0 ]!.x ).toBeGreaterThan( rtl.columns[ 1 ]!.x );
		rtl.columns.forEach( ( column, i ) => {
			expect( column.x ).toBeCloseTo( 600 - ltr.columns[ i ]!.x - ltr.columns[ i ]!.width );
		} );
		expect( rtl.ticks[ 1 ]!.labelX ).toBe( 600 - ltr.ticks[ 1 ]!.labelX );
		expect( rtl.axisX ).toBe( mirror( ltr.axisX, 600, true ) );
	} );
} );

describe( 'helpers', () => {
	it.each( [ [ 0, 1 ], [ 1, 1 ], [ 3, 1 ], [ 7, 5 ], [ 25, 10 ], [ 100, 50 ], [ 1234, 500 ] ] )( 'tickStep( %p ) = %p', ( max, step ) => {
		expect( tickStep( max ) ).toBe( step );
	} );

	it( 'cuts labels by code points', () => {
		expect( fitLabel( 'abc', 3 ) ).toBe( 'abc' );
		expect( fitLabel( 'abcdef', 4 ) ).toBe( 'abc…' );
		expect( fitLabel( '😀😀😀😀', 3 ) ).toBe( '😀😀…' );
	} );
} );
