/**
 * Validation of records against their schema and the rules that tie fields together. Returns
 * problems as message keys with parameters, one or more per field, in schema order; an empty list
 * means the record is valid. The same function checks a form before saving and a page the bot reads.
 */
import {
	COACH_SCHEMA, EVALUATION_SCHEMA, FEEDBACK_SCHEMA, HUB_SCHEMA, REQUEST_SCHEMA,
	ANY_LANGUAGE, type CapacityRequest, type CoachProfile, type Evaluation, type Feedback, type FieldSpec, type Hub,
	type RecordSchema,
} from './model';
import { problem, type Problem } from './messages';
import { dateOf, isHubKey, isIsoDate, isIsoTimestamp, isKey, isLanguageCode, isPageTitle, isValidUsername, normalizeUsername } from './identifiers';

/** What the wiki knows, when the caller has it: lets validation check that things exist. */
export interface ValidationContext {
	/** Topic keys of the taxonomy. */
	topics?: ReadonlySet<string>;
	/** Hub keys. */
	hubs?: ReadonlySet<string>;
	/** Language codes the wiki knows. */
	languages?: ReadonlySet<string>;
}

function length( text: string ): number {
	return [ ...text ].length;
}

function checkItem( field: FieldSpec<unknown>, item: string, context: ValidationContext ): Problem | null {
	switch ( field.kind ) {
		case 'enumList':
			return field.values?.includes( item ) ? null : problem( field.key, 'capacitybuilding-validation-invalid-choice', item );
		case 'topicList':
			if ( !isKey( item ) ) {
				return problem( field.key, 'capacitybuilding-validation-invalid-key', item );
			}
			return context.topics && !context.topics.has( item ) ? problem( field.key, 'capacitybuilding-validation-unknown-topic', item ) : null;
		case 'languageList':
			if ( !isLanguageCode( item ) ) {
				return problem( field.key, 'capacitybuilding-validation-invalid-language', item );
			}
			// "Any language" is not a language the wiki knows; whether a record may list it is checked per record.
			return item !== ANY_LANGUAGE && context.languages && !context.languages.has( item ) ? problem( field.key, 'capacitybuilding-validation-unknown-language', item ) : null;
		case 'userList':
			return isValidUsername( item ) ? null : problem( field.key, 'capacitybuilding-validation-invalid-username', item );
		case 'hubList':
			if ( !isHubKey( item ) ) {
				return problem( field.key, 'capacitybuilding-validation-invalid-hub', item );
			}
			return context.hubs && !context.hubs.has( item ) ? problem( field.key, 'capacitybuilding-validation-unknown-hub', item ) : null;
		default:
			return null;
	}
}

function checkList( field: FieldSpec<unknown>, items: string[], context: ValidationContext ): Problem[] {
	const problems: Problem[] = [];
	if ( field.min !== undefined && items.length > 0 && items.length < field.min ) {
		problems.push( problem( field.key, 'capacitybuilding-validation-too-few', field.min ) );
	}
	if ( field.max !== undefined && items.length > field.max ) {
		problems.push( problem( field.key, 'capacitybuilding-validation-too-many', field.max ) );
	}
	const seen = new Set<string>();
	for ( const item of items ) {
		const key = field.kind === 'userList' ? normalizeUsername( item ) : item;
		if ( seen.has( key ) ) {
			problems.push( problem( field.key, 'capacitybuilding-validation-duplicate', item ) );
			continue;
		}
		seen.add( key );
		const itemProblem = checkItem( field, item, context );
		if ( itemProblem ) {
			problems.push( itemProblem );
		}
	}
	return problems;
}

function checkScalar( field: FieldSpec<unknown>, value: string, context: ValidationContext ): Problem[] {
	switch ( field.kind ) {
		case 'text':
		case 'multiline': {
			const problems: Problem[] = [];
			if ( field.kind === 'text' && /[\n\r]/.test( value ) ) {
				problems.push( problem( field.key, 'capacitybuilding-validation-single-line' ) );
			}
			if ( field.min !== undefined && length( value.trim() ) < field.min ) {
				problems.push( problem( field.key, 'capacitybuilding-validation-too-short', field.min ) );
			}
			if ( field.max !== undefined && length( value ) > field.max ) {
				problems.push( problem( field.key, 'capacitybuilding-validation-too-long', field.max ) );
			}
			return problems;
		}
		case 'enum':
			return field.values?.includes( value ) ? [] : [ problem( field.key, 'capacitybuilding-validation-invalid-choice', value ) ];
		case 'user':
			return isValidUsername( value ) ? [] : [ problem( field.key, 'capacitybuilding-validation-invalid-username', value ) ];
		case 'language':
			if ( !isLanguageCode( value ) ) {
				return [ problem( field.key, 'capacitybuilding-validation-invalid-language', value ) ];
			}
			// `qqx` (message keys instead of texts, as MediaWiki shows them) is every wiki's too.
			return value !== 'qqx' && context.languages && !context.languages.has( value ) ?
				[ problem( field.key, 'capacitybuilding-validation-unknown-language', value ) ] : [];
		case 'date':
			return isIsoDate( value ) ? [] : [ problem( field.key, 'capacitybuilding-validation-invalid-date', value ) ];
		case 'timestamp':
			return isIsoTimestamp( value ) ? [] : [ problem( field.key, 'capacitybuilding-validation-invalid-timestamp', value ) ];
		case 'integer': {
			if ( !/^\d{1,9}$/.test( value ) ) {
				return [ problem( field.key, 'capacitybuilding-validation-invalid-integer', value ) ];
			}
			const n = Number( value );
			return ( field.min !== undefined && n < field.min ) || ( field.max !== undefined && n > field.max ) ?
				[ problem( field.key, 'capacitybuilding-validation-out-of-range', field.min ?? 0, field.max ?? n ) ] : [];
		}
		case 'hub':
			if ( !isHubKey( value ) ) {
				return [ problem( field.key, 'capacitybuilding-validation-invalid-hub', value ) ];
			}
			return context.hubs && !context.hubs.has( value ) ? [ problem( field.key, 'capacitybuilding-validation-unknown-hub', value ) ] : [];
		case 'page':
			return isPageTitle( value ) ? [] : [ problem( field.key, 'capacitybuilding-validation-invalid-page', value ) ];
		default:
			return [];
	}
}

/** Field by field: required, limits, choices and syntax. */
export function validateFields<R>( schema: RecordSchema<R>, record: R, context: ValidationContext = {} ): Problem[] {
	const values = record as Record<string, string | string[] | undefined>;
	const problems: Problem[] = [];
	for ( const field of schema.fields as FieldSpec<unknown>[] ) {
		const value = values[ field.key ];
		if ( Array.isArray( value ) ) {
			if ( value.length === 0 ) {
				if ( field.required ) {
					problems.push( problem( field.key, 'capacitybuilding-validation-required' ) );
				}
				continue;
			}
			problems.push( ...checkList( field, value, context ) );
		} else {
			const text = value ?? '';
			if ( text.trim() === '' ) {
				if ( field.required ) {
					problems.push( problem( field.key, 'capacitybuilding-validation-required' ) );
				}
				continue;
			}
			problems.push( ...checkScalar( field, text, context ) );
		}
	}
	return problems;
}

const NEEDS_COACH = [ 'matched', 'in-progress', 'completed' ];

export function validateRequest( request: CapacityRequest, context: ValidationContext = {} ): Problem[] {
	const problems = validateFields( REQUEST_SCHEMA, request, context );
	if ( ( request.requesterType === 'group' || request.requesterType === 'organisation' ) && request.organisation.trim() === '' ) {
		problems.push( problem( 'organisation', 'capacitybuilding-validation-organisation-required' ) );
	}
	if ( request.status === 'triaged' && request.hub === '' ) {
		problems.push( problem( 'hub', 'capacitybuilding-validation-hub-required' ) );
	}
	if ( NEEDS_COACH.includes( request.status ) && request.coach.length === 0 ) {
		problems.push( problem( 'coach', 'capacitybuilding-validation-coach-required' ) );
	}
	if ( request.holdReason && request.status !== 'on-hold' ) {
		problems.push( problem( 'holdReason', 'capacitybuilding-validation-hold-reason-not-on-hold' ) );
	}
	const datesKnown = isIsoDate( request.neededBy ) && isIsoTimestamp( request.created );
	if ( datesKnown && request.neededBy < dateOf( request.created ) ) {
		problems.push( problem( 'neededBy', 'capacitybuilding-validation-needed-by-past' ) );
	}
	return problems;
}

export function validateCoach( coach: CoachProfile, context: ValidationContext = {} ): Problem[] {
	const problems = validateFields( COACH_SCHEMA, coach, context );
	if ( coach.languages.includes( ANY_LANGUAGE ) ) {
		problems.push( problem( 'languages', 'capacitybuilding-validation-any-language-coach' ) );
	}
	if ( coach.awayUntil !== '' && coach.availability !== 'away' ) {
		problems.push( problem( 'awayUntil', 'capacitybuilding-validation-away-until-unused' ) );
	}
	return problems;
}

export function validateHub( hub: Hub, context: ValidationContext = {} ): Problem[] {
	return validateFields( HUB_SCHEMA, hub, context );
}

export function validateFeedback( feedback: Feedback, context: ValidationContext = {} ): Problem[] {
	return validateFields( FEEDBACK_SCHEMA, feedback, context );
}

const QUARTER_LABEL = /^\d{4}-Q[1-4]$/;

export function validateEvaluation( evaluation: Evaluation, context: ValidationContext = {} ): Problem[] {
	const problems = validateFields( EVALUATION_SCHEMA, evaluation, context );
	if ( evaluation.period !== '' && !QUARTER_LABEL.test( evaluation.period ) ) {
		problems.push( problem( 'period', 'capacitybuilding-validation-invalid-period', evaluation.period ) );
	}
	return problems;
}
