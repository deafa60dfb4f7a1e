/**
 * What a revision of a page says and whether its author may say it: the core's codec, validation
 * and permissions applied to one page. Pure: no wiki, no store.
 */
import { checkCoachChange, checkFeedbackChange, checkHubChange, checkRequestChange, type Decision, type PermissionContext } from '../../modules/core/permissions';
import { coachUser, hubKey, normalizeTitle, requestNumber } from '../../modules/core/pages';
import { COACH_SCHEMA, FEEDBACK_SCHEMA, HUB_SCHEMA, REQUEST_SCHEMA, type CapacityRequest, type CoachProfile, type Feedback, type Hub } from '../../modules/core/model';
import { parseAll, parsePage, type CodecOptions, type PageRecord } from '../../modules/core/wikitext/codec';
import { validateCoach, validateFeedback, validateHub, validateRequest, type ValidationContext } from '../../modules/core/validation';
import { problem, type Problem } from '../../modules/core/messages';

export type PageKind =
	| { kind: 'request'; number: number }
	| { kind: 'coach'; user: string }
	| { kind: 'hub'; key: string }
	/** Under `<base>/Requests/` but not named R<n> (e.g. R007 or R5b): reported, not indexed. */
	| { kind: 'misnamed' }
	/** Anything else under the base (indexes, the review page, topics…). */
	| { kind: 'other' };

/** Pages directly under `<base>/Requests/` that are not requests. */
const REQUEST_SUBPAGES = new Set( [ 'Index' ] );

export function classify( base: string, title: string ): PageKind {
	const b = normalizeTitle( base );
	const t = normalizeTitle( title );
	const number = requestNumber( b, t );
	if ( number !== null ) {
		return { kind: 'request', number };
	}
	const requestsPrefix = `${ b }/Requests/`;
	if ( t.startsWith( requestsPrefix ) ) {
		const rest = t.slice( requestsPrefix.length );
		return rest.includes( '/' ) || REQUEST_SUBPAGES.has( rest ) ? { kind: 'other' } : { kind: 'misnamed' };
	}
	const user = coachUser( b, t );
	if ( user !== null ) {
		return { kind: 'coach', user };
	}
	const key = hubKey( b, t );
	if ( key !== null ) {
		return { kind: 'hub', key };
	}
	return { kind: 'other' };
}

export type Content =
	| { kind: 'request'; record: CapacityRequest; feedback: Feedback[] }
	| { kind: 'coach'; record: CoachProfile }
	| { kind: 'hub'; record: Hub };

export interface ParsedRevision {
	/** null when the page holds no record (its template is missing). */
	content: Content | null;
	/** Codec diagnostics and validation problems. */
	problems: Problem[];
}

export interface ParseContext {
	codec: CodecOptions;
	validation: ValidationContext;
}

/** The record a revision holds, and what is wrong with it. */
export function parseRevision( kind: 'request' | 'coach' | 'hub', text: string, context: ParseContext ): ParsedRevision {
	if ( kind === 'request' ) {
		const page = parsePage( text, REQUEST_SCHEMA, context.codec );
		const problems = [ ...page.diagnostics ];
		if ( !page.parsed ) {
			return { content: null, problems };
		}
		const entries = parseAll( text, FEEDBACK_SCHEMA, context.codec );
		problems.push( ...validateRequest( page.parsed.record, context.validation ) );
		for ( const entry of entries ) {
			problems.push( ...entry.diagnostics, ...validateFeedback( entry.record, context.validation ) );
		}
		return { content: { kind, record: page.parsed.record, feedback: entries.map( ( e ) => e.record ) }, problems };
	}
	return kind === 'coach' ? parseSimple( kind, parsePage( text, COACH_SCHEMA, context.codec ), validateCoach, context ) :
		parseSimple( kind, parsePage( text, HUB_SCHEMA, context.codec ), validateHub, context );
}

function parseSimple<K extends 'coach' | 'hub', R extends( K extends 'coach' ? CoachProfile : Hub )>(
	kind: K, page: PageRecord<R>, validate: ( value: R, rules: ValidationContext ) => Problem[], context: ParseContext,
): ParsedRevision {
	if ( !page.parsed ) {
		return { content: null, problems: page.diagnostics };
	}
	const parsed = page.parsed.record;
	return {
		content: { kind, record: parsed } as Content,
		problems: [ ...page.diagnostics, ...validate( parsed, context.validation ) ],
	};
}

/**
 * Whether `author` may change the page from `before` (null: the page is new to the index) to
 * `after`, by the core's permission rules.
 *
 * @param pageKind What the page is
 * @param before The record as accepted so far
 * @param after The record in the revision being judged
 * @param author The revision's author
 * @param context Configuration, hubs and coaches
 * @return The decision; a hidden author is never allowed
 */
export function judge( pageKind: PageKind, before: Content | null, after: Content, author: string,
	context: PermissionContext ): Decision {
	if ( author === '' ) {
		return { allowed: false, moves: [], reason: problem( null, 'capacitybuilding-bot-sync-author-hidden' ) };
	}
	if ( after.kind === 'request' ) {
		const previous = before?.kind === 'request' ? before : null;
		const decision = checkRequestChange( previous?.record ?? null, after.record, author, context );
		if ( !decision.allowed ) {
			return decision;
		}
		return checkFeedbackChange( previous?.feedback ?? [], after.feedback, author, context );
	}
	if ( after.kind === 'coach' ) {
		const pageUser = pageKind.kind === 'coach' ? pageKind.user : after.record.user;
		return checkCoachChange( pageUser, before?.kind === 'coach' ? before.record : null, after.record, author, context );
	}
	return checkHubChange( before?.kind === 'hub' ? before.record : null, after.record, author, context );
}
