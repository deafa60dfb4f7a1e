/**
 * The stable partition of an index into parts (bot/publish/partition.ts): bounded parts, and a
 * small change touches only the part it falls in, never the boundaries after it.
 */
import fc from 'fast-check';
import { partition, type Item, type PlannedPart, type PreviousPart } from '../../../bot/publish/partition';

const LIMITS = { max: 1000, fill: 750, min: 150 };

function items( weights: number[], start = 1 ): Item[] {
	return weights.map( ( weight, i ) => ( { key: start + i, weight } ) );
}

function published( parts: PlannedPart[] ): PreviousPart[] {
	return parts.map( ( part ) => ( { id: part.id, first: ( part.items[ 0 ] as Item ).key } ) );
}

function signature( parts: PlannedPart[] ): Map<number, string> {
	return new Map( parts.map( ( part ) => [ part.id, JSON.stringify( part.items ) ] ) );
}

describe( 'partition', () => {
	it( 'packs a fresh index into parts of about the fill size, numbered from 1', () => {
		const parts = partition( items( Array( 30 ).fill( 100 ) ), [], LIMITS );
		expect( parts.map( ( p ) => [ p.id, p.items.length, p.weight ] ) ).toEqual( [
			[ 1, 7, 700 ], [ 2, 7, 700 ], [ 3, 7, 700 ], [ 4, 7, 700 ], [ 5, 2, 200 ],
		] );
		expect( partition( [], [], LIMITS ) ).toEqual( [] );
	} );

	it( 'keeps the published boundaries: a grown record rewrites only its part', () => {
		const before = partition( items( Array( 30 ).fill( 100 ) ), [], LIMITS );
		const grown = items( Array( 30 ).fill( 100 ) );
		( grown[ 3 ] as Item ).weight = 250;
		const after = partition( grown, published( before ), LIMITS );
		const [ a, b ] = [ signature( before ), signature( after ) ];
		expect( [ ...b.keys() ] ).toEqual( [ ...a.keys() ] );
		expect( [ ...a.keys() ].filter( ( id ) => a.get( id ) !== b.get( id ) ) ).toEqual( [ 1 ] );
	} );

	it( 'splits a part that grows above the maximum, keeping its number for the first piece', () => {
		const before = partition( items( Array( 14 ).fill( 100 ) ), [], LIMITS );
		const grown = items( Array( 14 ).fill( 100 ) );
		( grown[ 0 ] as Item ).weight = 500;
		const after = partition( grown, published( before ), LIMITS );
		expect( after.map( ( p ) => [ p.id, p.items.map( ( i ) => i.key ) ] ) ).toEqual( [
			[ 1, [ 1, 2 ] ], [ 3, [ 3, 4, 5, 6, 7 ] ], [ 2, [ 8, 9, 10, 11, 12, 13, 14 ] ],
		] );
	} );

	it( 'adds new keys at the end to the last part, then splits it', () => {
		let parts = partition( items( Array( 14 ).fill( 100 ) ), [], LIMITS );
		for ( let n = 15; n <= 40; n++ ) {
			const next = partition( items( Array( n ).fill( 100 ) ), published( parts ), LIMITS );
			const [ a, b ] = [ signature( parts ), signature( next ) ];
			// Only the last part (or the parts a split made of it) changed.
			const changed = [ ...b.keys() ].filter( ( id ) => a.get( id ) !== b.get( id ) );
			const last = parts[ parts.length - 1 ]?.id;
			expect( changed.every( ( id ) => id === last || !a.has( id ) ) ).toBe( true );
			parts = next;
		}
		expect( parts.every( ( p ) => p.weight <= LIMITS.max ) ).toBe( true );
	} );

	it( 'merges a part that shrinks below the minimum into a neighbour, and reuses free numbers', () => {
		const previous = [ { id: 1, first: 1 }, { id: 2, first: 5 }, { id: 3, first: 9 } ];
		const shrunk = items( Array( 12 ).fill( 100 ) ).filter( ( item ) => ![ 6, 7, 8 ].includes( Number( item.key ) ) );
		const after = partition( shrunk, previous, LIMITS );
		expect( after.map( ( p ) => [ p.id, p.items.map( ( i ) => i.key ) ] ) ).toEqual( [
			[ 1, [ 1, 2, 3, 4 ] ], [ 2, [ 5, 9, 10, 11, 12 ] ],
		] );
		// Part 3 is free again: the next new part takes it.
		const grown = partition( items( Array( 30 ).fill( 100 ) ), published( after ), LIMITS );
		expect( grown.map( ( p ) => p.id ) ).toEqual( [ 1, 2, 3, 4, 5 ] );
	} );

	it( 'sorts string keys by code units and puts keys before the first part into it', () => {
		const before = partition( [ { key: 'Bob', weight: 700 }, { key: 'Carl', weight: 700 } ], [], LIMITS );
		const after = partition( [ { key: 'Ada', weight: 100 }, { key: 'Bob', weight: 500 }, { key: 'Carl', weight: 700 } ], published( before ), LIMITS );
		expect( after.map( ( p ) => [ p.id, p.items.map( ( i ) => i.key ) ] ) ).toEqual( [ [ 1, [ 'Ada', 'Bob' ] ], [ 2, [ 'Carl' ] ] ] );
	} );

	it( 'always gives bounded parts, every item once, in order, and is stable under one change', () => {
		fc.assert( fc.property(
			fc.array( fc.integer( { min: 1, max: 300 } ), { maxLength: 120 } ),
			fc.array( fc.integer( { min: 1, max: 300 } ), { maxLength: 120 } ),
			fc.nat(), fc.integer( { min: 1, max: 300 } ),
			( first, second, at, weight ) => {
				const before = partition( items( first ), [], LIMITS );
				const next = items( second );
				const after = partition( next, published( before ), LIMITS );
				expect( after.flatMap( ( p ) => p.items ) ).toEqual( next );
				expect( after.every( ( p ) => p.weight <= LIMITS.max && p.items.length > 0 ) ).toBe( true );
				expect( new Set( after.map( ( p ) => p.id ) ).size ).toBe( after.length );
				if ( !next.length ) {
					return;
				}
				// One item changes weight: every part that neither holds it nor was split or merged stays as it was.
				const changedItems = next.map( ( item ) => ( { ...item } ) );
				const index = at % changedItems.length;
				( changedItems[ index ] as Item ).weight = weight;
				const again = partition( changedItems, published( after ), LIMITS );
				const [ a, b ] = [ signature( after ), signature( again ) ];
				const changed = [ ...b.keys() ].filter( ( id ) => a.get( id ) !== b.get( id ) );
				expect( changed.length ).toBeLessThanOrEqual( 3 );
			},
		), { seed: 10, numRuns: 300 } );
	} );
} );
