/**
 * What the request form edits and how it becomes a request record. The rules themselves
 * (required fields, lengths, choices, organisation for groups) come from the core
 * (`validateRequest`); this file only decides which of the record's fields the form shows.
 */
import { REQUEST_SCHEMA, emptyRecord, type CapacityRequest } from '../core/model';
import type { Problem } from '../core/messages';
import { validateRequest, type ValidationContext } from '../core/validation';

/** The fields a requester fills in, in the order the form shows them (the schema's order). */
export const FORM_FIELDS = [
	'title', 'requesterType', 'organisation', 'region', 'topics', 'formats', 'languages', 'lang', 'neededBy', 'description',
] as const satisfies readonly ( keyof CapacityRequest )[];

export type FormField = typeof FORM_FIELDS[ number ];

export type RequestFormValues = Pick<CapacityRequest, FormField>;

export function emptyValues(): RequestFormValues {
	return valuesOf( emptyRecord( REQUEST_SCHEMA ) );
}

export function valuesOf( record: CapacityRequest ): RequestFormValues {
	const values = {} as Record<FormField, string | string[]>;
	for ( const field of FORM_FIELDS ) {
		const value = record[ field ];
		values[ field ] = Array.isArray( value ) ? [ ...value ] : value;
	}
	return values as RequestFormValues;
}

/** A draft from storage, made safe: wrong types become empty values, unknown keys are dropped. */
export function sanitizeValues( stored: unknown ): RequestFormValues {
	const values = emptyValues() as Record<FormField, string | string[]>;
	if ( typeof stored !== 'object' || stored === null ) {
		return values as RequestFormValues;
	}
	const source = stored as Record<string, unknown>;
	for ( const field of FORM_FIELDS ) {
		const value = source[ field ];
		if ( Array.isArray( values[ field ] ) ) {
			values[ field ] = Array.isArray( value ) ? value.filter( ( v ): v is string => typeof v === 'string' ) : [];
		} else {
			values[ field ] = typeof value === 'string' ? value : '';
		}
	}
	return values as RequestFormValues;
}

export function sameValues( a: RequestFormValues, b: RequestFormValues ): boolean {
	return FORM_FIELDS.every( ( field ) => JSON.stringify( a[ field ] ) === JSON.stringify( b[ field ] ) );
}

/** `YYYY-MM-DDTHH:MM:SSZ`, the form of `created`. */
export function isoNow( now: Date = new Date() ): string {
	return now.toISOString().replace( /\.\d{3}Z$/, 'Z' );
}

/** A new request as the form submits it: open, by the current user, created now. */
export function newRequest( values: RequestFormValues, requester: string, created: string ): CapacityRequest {
	return { ...emptyRecord( REQUEST_SCHEMA ), ...values, requester, status: 'open', created };
}

/**
 * Problems by form field, in form order. Problems of fields the form does not show (a broken
 * `created` on a hand-edited page, say) are returned under `other`.
 */
export function formProblems(
	record: CapacityRequest, context: ValidationContext,
): { byField: Map<FormField, Problem[]>; other: Problem[] } {
	const byField = new Map<FormField, Problem[]>();
	const other: Problem[] = [];
	for ( const problem of validateRequest( record, context ) ) {
		const field = FORM_FIELDS.find( ( f ) => f === problem.field );
		if ( field ) {
			byField.set( field, [ ...( byField.get( field ) ?? [] ), problem ] );
		} else {
			other.push( problem );
		}
	}
	return { byField, other };
}
