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

/** A revision to judge in a page's history, with what it holds (null: no record, or hidden). */
export interface HistoryStep<R extends { revid: number; user: string }> {
	revision: R;
	content: Content | null;
}

export interface HistoryOutcome<R extends { revid: number; user: string }> {
	/** The revisions accepted, oldest first, each with the record it changed. */
	accepted: { revision: R; content: Content; before: Content }[];
	/**
	 * The revisions after the last accepted one that were not accepted, oldest first, with why.
	 * (A rejected change undone by a later accepted revision leaves nothing to review.)
	 */
	rejected: { revision: R; reason: Problem }[];
}

/** Each field of a record (and a request's feedback as one field), comparable as text. */
function fieldsOf( content: Content ): Map<string, string> {
	const fields = new Map( Object.entries( content.record ).map( ( [ k, v ] ) => [ k, JSON.stringify( v ) ] ) );
	if ( content.kind === 'request' ) {
		fields.set( '\u0000feedback', JSON.stringify( content.feedback ) );
	}
	return fields;
}

/**
 * Judges the revisions made after the accepted record, oldest first, each change by the person who
 * made it, so that a change nobody allowed cannot be carried into the index by a later edit of
 * someone who may edit the page (e.g. a stranger declines a request, then an admin fixes a typo).
 *
 * Every field that differs from the accepted record is credited to the author of the revision
 * that last set it (a field a revision leaves as its previous revision had it is carried, not
 * made). A revision is accepted when its own author may make the whole change from the accepted
 * record, and so may the author of every change it carries; it then becomes the accepted record.
 * Otherwise it is rejected and the next revision is judged against the same accepted record. So
 * a rejected change stays rejected however many edits follow, until someone undoes it, or someone
 * allowed to make it makes it again in their own edit (e.g. undoes it, then redoes it).
 *
 * @param pageKind What the page is
 * @param start The accepted record (of the revision before the first step)
 * @param steps The revisions after it, oldest first, without gaps
 * @param context Configuration, hubs and coaches
 * @return What was accepted and what was rejected
 */
export function judgeHistory<R extends { revid: number; user: string }>( pageKind: PageKind, start: Content,
	steps: HistoryStep<R>[], context: PermissionContext ): HistoryOutcome<R> {
	const outcome: HistoryOutcome<R> = { accepted: [], rejected: [] };
	let accepted = start;
	let acceptedFields = fieldsOf( start );
	// The last record seen (a revision without one carries nothing) and who set each changed field.
	let previousFields = acceptedFields;
	const madeBy = new Map<string, { user: string; revid: number }>();
	for ( const { revision, content } of steps ) {
		if ( !content ) {
			continue;
		}
		const fields = fieldsOf( content );
		for ( const name of new Set( [ ...fields.keys(), ...acceptedFields.keys() ] ) ) {
			const value = fields.get( name );
			if ( value === acceptedFields.get( name ) ) {
				madeBy.delete( name );
			} else if ( value !== previousFields.get( name ) || !madeBy.has( name ) ) {
				madeBy.set( name, { user: revision.user, revid: revision.revid } );
			}
		}
		previousFields = fields;
		let reason: Problem | null = null;
		const own = judge( pageKind, accepted, content, revision.user, context );
		if ( !own.allowed ) {
			reason = own.reason;
		} else {
			for ( const carried of madeBy.values() ) {
				if ( carried.user !== revision.user &&
					!judge( pageKind, accepted, content, carried.user, context ).allowed ) {
					reason = problem( null, 'capacitybuilding-bot-sync-carries-rejected', carried.revid, carried.user );
					break;
				}
			}
		}
		if ( reason ) {
			outcome.rejected.push( { revision, reason } );
			continue;
		}
		outcome.accepted.push( { revision, content, before: accepted } );
		outcome.rejected = [];
		accepted = content;
		acceptedFields = fields;
		madeBy.clear();
	}
	return outcome;
}
