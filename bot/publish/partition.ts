/**
 * How an index's entries are split into numbered parts, stably: a function of the entries and of the
 * partition already published (the parts of the manifest on the wiki), so that a small change
 * rewrites only the part it falls in.
 *
 * 1. Without a published partition, the items are packed in key order into parts of about `fill`
 *    bytes, numbered 1, 2, 3…
 * 2. With one, each item goes to the published part whose range holds its key (a part's range
 *    runs from its first key to the next part's first key; keys before the first part go to it).
 *    Parts left empty are dropped. A part above `max` is split into pieces of about `fill` (the
 *    first piece keeps the part's number). A part below `min` is merged into its next neighbour, or
 *    else its previous one, when the two fit in `fill` together (the merged part keeps the earlier
 *    number). No other part changes: boundaries never shift across parts.
 * 3. New parts take the lowest numbers no kept part uses, in key order.
 *
 * Items are weighed by the largest page they appear on (their JSON entry, their row on the
 * human-readable list, their rows on the review page), so every page built from a part is bounded.
 */
import { compareKeys, type IndexKey } from '../../modules/core/indexes';

export interface Item {
	key: IndexKey;
	/** Bytes the item adds to the largest page built from its part. */
	weight: number;
}

export interface PartLimits {
	max: number;
	fill: number;
	min: number;
}

/** A published part: its number and first key. */
export interface PreviousPart {
	id: number;
	first: IndexKey;
}

export interface PlannedPart<T extends Item = Item> {
	id: number;
	items: T[];
	weight: number;
}

function total( items: readonly Item[] ): number {
	return items.reduce( ( sum, item ) => sum + item.weight, 0 );
}

/** Consecutive runs of items, each closing before it would exceed `target` (an item alone may). */
function pack<T extends Item>( items: readonly T[], target: number ): T[][] {
	const runs: T[][] = [];
	let run: T[] = [];
	let size = 0;
	for ( const item of items ) {
		if ( run.length && size + item.weight > target ) {
			runs.push( run );
			run = [];
			size = 0;
		}
		run.push( item );
		size += item.weight;
	}
	if ( run.length ) {
		runs.push( run );
	}
	return runs;
}

/**
 * A group above `max` as the fewest pieces of at most about `fill` each, of about equal size: a
 * piece ends where the running total passes its share (an item goes to the piece holding most of it).
 */
function split<T extends Item>( items: readonly T[], limits: PartLimits ): T[][] {
	const weight = total( items );
	const count = Math.ceil( weight / limits.fill );
	const share = weight / count;
	const pieces: T[][] = [ [] ];
	let before = 0;
	for ( const item of items ) {
		const current = pieces[ pieces.length - 1 ] as T[];
		if ( current.length && pieces.length < count && before + item.weight / 2 > pieces.length * share ) {
			pieces.push( [ item ] );
		} else {
			current.push( item );
		}
		before += item.weight;
	}
	return pieces;
}

/**
 * The parts for these items.
 *
 * @param items In key order, keys unique
 * @param previous The published parts, in key order (empty: none usable)
 * @param limits Sizes in bytes
 * @return Parts in key order, none empty
 */
export function partition<T extends Item>( items: readonly T[], previous: readonly PreviousPart[],
	limits: PartLimits ): PlannedPart<T>[] {
	type Group = { id: number | null; items: T[] };
	let groups: Group[];
	const published = [ ...previous ].sort( ( a, b ) => compareKeys( a.first, b.first ) );
	if ( !published.length ) {
		groups = pack( items, limits.fill ).map( ( run ) => ( { id: null, items: run } ) );
	} else {
		const byPart: T[][] = published.map( () => [] );
		let at = 0;
		for ( const item of items ) {
			while ( at + 1 < published.length &&
				compareKeys( ( published[ at + 1 ] as PreviousPart ).first, item.key ) <= 0 ) {
				at++;
			}
			( byPart[ at ] as T[] ).push( item );
		}
		groups = [];
		published.forEach( ( part, i ) => {
			const run = byPart[ i ] as T[];
			if ( !run.length ) {
				return;
			}
			if ( total( run ) > limits.max ) {
				split( run, limits ).forEach( ( piece, j ) => {
					groups.push( { id: j === 0 ? part.id : null, items: piece } );
				} );
			} else {
				groups.push( { id: part.id, items: run } );
			}
		} );
		// Merge small parts into a neighbour they fit with.
		for ( let i = 0; i < groups.length; ) {
			const group = groups[ i ] as Group;
			const size = total( group.items );
			const next = groups[ i + 1 ];
			const before = groups[ i - 1 ];
			if ( size < limits.min && next && size + total( next.items ) <= limits.fill ) {
				groups.splice( i, 2, { id: group.id ?? next.id, items: [ ...group.items, ...next.items ] } );
			} else if ( size < limits.min && before && size + total( before.items ) <= limits.fill ) {
				groups.splice( i - 1, 2, { id: before.id ?? group.id, items: [ ...before.items, ...group.items ] } );
				i--;
			} else {
				i++;
			}
		}
	}
	const used = new Set( groups.map( ( g ) => g.id ).filter( ( id ): id is number => id !== null ) );
	let free = 1;
	return groups.map( ( group ) => {
		let id = group.id;
		if ( id === null ) {
			while ( used.has( free ) ) {
				free++;
			}
			id = free;
			used.add( id );
		}
		return { id, items: group.items, weight: total( group.items ) };
	} );
}
