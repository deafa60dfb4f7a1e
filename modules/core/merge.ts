/**
 * Re-applying one person's changes to a record that someone else changed meanwhile (after an edit
 * conflict): the fields the person changed are taken from their version, every other field from
 * the newer one. When both changed the same field differently, there is no safe answer.
 */
import type { RecordSchema } from './model';

export interface MergeResult<R> {
	/** The merged record, or null when both sides changed a field differently. */
	record: R | null;
	/** Parameters both sides changed differently. */
	conflicts: string[];
}

/**
 * @param schema
 * @param base The record the person started from
 * @param mine The record as the person wants it
 * @param theirs The record as the page holds it now
 */
export function mergeRecords<R>( schema: RecordSchema<R>, base: R, mine: R, theirs: R ): MergeResult<R> {
	const b = base as Record<string, unknown>;
	const m = mine as Record<string, unknown>;
	const t = theirs as Record<string, unknown>;
	const same = ( x: unknown, y: unknown ): boolean => JSON.stringify( x ) === JSON.stringify( y );
	const merged: Record<string, unknown> = { ...t };
	const conflicts: string[] = [];
	for ( const field of schema.fields ) {
		const key = field.key;
		if ( same( m[ key ], b[ key ] ) ) {
			continue;
		}
		if ( !same( t[ key ], b[ key ] ) && !same( t[ key ], m[ key ] ) ) {
			conflicts.push( field.param );
		}
		merged[ key ] = m[ key ];
	}
	return { record: conflicts.length ? null : merged as R, conflicts };
}
