/**
 * The one judge of record pages (requests, coach profiles, hubs): what a revision of a page says
 * (the codec and validation applied to it) and whether its author may say it (the permissions),
 * revision by revision. Every reader of record pages uses it: the bot when it syncs, and the client
 * views when they read revisions newer than the published index (judgeView). Pure and isomorphic:
 * no wiki, no store, no DOM, no `mw`.
 */
import { checkCoachChange, checkEvaluationChange, checkFeedbackChange, checkHubChange, checkRequestChange, type Decision, type PermissionContext } from './permissions';
import { coachUser, evaluationPeriod, hubKey, normalizeTitle, requestNumber } from './pages';
import { COACH_SCHEMA, EVALUATION_SCHEMA, FEEDBACK_SCHEMA, HUB_SCHEMA, REQUEST_SCHEMA, type CapacityRequest, type CoachProfile, type Evaluation, type Feedback, type Hub } from './model';
import { parseAll, parsePage, type CodecOptions, type PageRecord } from './wikitext/codec';
import { validateCoach, validateEvaluation, validateFeedback, validateHub, validateRequest, type ValidationContext } from './validation';
import { problem, type Problem } from './messages';

export type PageKind =
	| { kind: 'request'; number: number }
	| { kind: 'coach'; user: string }
	| { kind: 'hub'; key: string }
	/** A quarter's independent evaluation entries, `<base>/Evaluation/<period>`. */
	| { kind: 'evaluation'; period: string }
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
	const period = evaluationPeriod( b, t );
	return period === null ? { kind: 'other' } : { kind: 'evaluation', period };
}

export type Content =
	| { kind: 'request'; record: CapacityRequest; feedback: Feedback[] }
	| { kind: 'coach'; record: CoachProfile }
	| { kind: 'hub'; record: Hub }
	/** A page of evaluation entries (any number, each its evaluator's). */
	| { kind: 'evaluation'; entries: Evaluation[] };

/** What a record page (request, coach profile, hub) holds: what the views show. */
export type RecordContent = Exclude<Content, { kind: 'evaluation' }>;

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
export function parseRevision( kind: JudgedPageKind[ 'kind' ], text: string, context: ParseContext ): ParsedRevision {
	if ( kind === 'evaluation' ) {
		return parseEvaluations( text, context );
	}
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

/**
 * An evaluation page holds entries only, any number of them: a page without any holds an empty
 * list (so that removing the last entry removes it from the record, as its author may).
 */
function parseEvaluations( text: string, context: ParseContext ): ParsedRevision {
	const entries = parseAll( text, EVALUATION_SCHEMA, context.codec );
	const problems = entries.flatMap( ( entry ) => [ ...entry.diagnostics,
		...validateEvaluation( entry.record, context.validation ) ] );
	return { content: { kind: 'evaluation', entries: entries.map( ( e ) => e.record ) }, problems };
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
		return checkFeedbackChange( after.record, previous?.feedback ?? [], after.feedback, author, context );
	}
	if ( after.kind === 'coach' ) {
		const pageUser = pageKind.kind === 'coach' ? pageKind.user : after.record.user;
		return checkCoachChange( pageUser, before?.kind === 'coach' ? before.record : null, after.record, author, context );
	}
	if ( after.kind === 'evaluation' ) {
		const period = pageKind.kind === 'evaluation' ? pageKind.period : '';
		return checkEvaluationChange( period, before?.kind === 'evaluation' ? before.entries : [], after.entries, author, context );
	}
	return checkHubChange( before?.kind === 'hub' ? before.record : null, after.record, author, context );
}

/** A page that holds a record the published indexes list (what the views judge). */
export type RecordPageKind = PageKind & { kind: 'request' | 'coach' | 'hub' };

/** Every page the bot judges: the record pages, and the evaluation pages (entries, listed by publish). */
export type JudgedPageKind = PageKind & { kind: 'request' | 'coach' | 'hub' | 'evaluation' };

/** What judging needs of a revision: its id and its author ('' when hidden). */
export interface JudgedRevision {
	revid: number;
	user: string;
}

/** A revision to judge in a page's history, with what it holds (null: no record, or hidden). */
export interface HistoryStep<R extends JudgedRevision> {
	revision: R;
	content: Content | null;
}

/**
 * The roles a revision is judged with: one context for every revision (a view), or the roles as
 * they were when each revision was made (the bot: configuration, hub contacts and coaches as
 * accepted at the time of the revision).
 */
export type ContextFor<R> = PermissionContext | ( ( revision: R ) => PermissionContext );

export interface HistoryOutcome<R extends JudgedRevision> {
	/**
	 * The revisions accepted, oldest first, each with the record it changed (`before` is null for
	 * the revision that created the record).
	 */
	accepted: { revision: R; content: Content; before: Content | null }[];
	/**
	 * The revisions after the last accepted one that were not accepted, oldest first, with why.
	 * (A rejected change undone by a later accepted revision leaves nothing to review.)
	 */
	rejected: { revision: R; reason: Problem }[];
}

/** Each field of a record (and a request's feedback as one field), comparable as text. */
function fieldsOf( content: Content | null ): Map<string, string> {
	if ( content === null ) {
		return new Map();
	}
	if ( content.kind === 'evaluation' ) {
		return new Map( [ [ '\u0000entries', JSON.stringify( content.entries ) ] ] );
	}
	const fields = new Map( Object.entries( content.record ).map( ( [ k, v ] ) => [ k, JSON.stringify( v ) ] ) );
	if ( content.kind === 'request' ) {
		fields.set( '\u0000feedback', JSON.stringify( content.feedback ) );
	}
	return fields;
}

function sameFields( a: Map<string, string>, b: Map<string, string> ): boolean {
	return a.size === b.size && [ ...a ].every( ( [ k, v ] ) => b.get( k ) === v );
}

/**
 * Judges a page's revisions in order, oldest first, each change by the person who made it, so that
 * a change nobody allowed cannot be carried into the record by a later edit of someone who may edit
 * the page (e.g. a stranger declines a request, then an admin fixes a typo).
 *
 * - From the accepted record (`start`), or from nothing (`start` null: the page's first revision
 *   on; the first accepted revision must pass the rules for creating the record, by its author).
 * - A revision that leaves the record exactly as accepted is accepted, whoever made it (it changes
 *   nothing: a page move's null revision, a revert to the accepted record).
 * - Otherwise every field that differs from the accepted record is credited to the author of the
 *   revision that last set it (a field a revision leaves as its previous revision had it is
 *   carried, not made). A revision is accepted when its own author may make the whole change from
 *   the accepted record, and so may the author of every change it carries; it then becomes the
 *   accepted record. Otherwise it is rejected and the next revision is judged against the same
 *   accepted record. So a rejected change stays rejected however many edits follow, until someone
 *   undoes it, or someone allowed to make it makes it again in their own edit (e.g. undoes it,
 *   then redoes it). While nothing is accepted yet there is no change to carry: each revision is
 *   judged as a creation by its own author.
 * - A revision without a record (blanked, template removed, content hidden) changes nothing and
 *   carries nothing.
 *
 * @param pageKind What the page is
 * @param start The accepted record (of the revision before the first step), or null
 * @param steps The revisions after it, oldest first, without gaps
 * @param context The roles to judge each revision with
 * @return What was accepted and what was rejected
 */
export function judgeHistory<R extends JudgedRevision>( pageKind: PageKind, start: Content | null,
	steps: readonly HistoryStep<R>[], context: ContextFor<R> ): HistoryOutcome<R> {
	const contextOf = typeof context === 'function' ? context : () => context;
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
		if ( accepted === null || !sameFields( fields, acceptedFields ) ) {
			const roles = contextOf( revision );
			const own = judge( pageKind, accepted, content, revision.user, roles );
			if ( !own.allowed ) {
				reason = own.reason;
			} else if ( accepted !== null ) {
				for ( const carried of madeBy.values() ) {
					if ( carried.user !== revision.user &&
						!judge( pageKind, accepted, content, carried.user, roles ).allowed ) {
						reason = problem( null, 'capacitybuilding-bot-sync-carries-rejected', carried.revid, carried.user );
						break;
					}
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

/** An accepted change of a request's status: from ('' when the request was created), to, by whom. */
export interface AcceptedStatusChange {
	revid: number;
	from: string;
	to: string;
	user: string;
	timestamp: string;
	/** The revision's edit summary ('' when hidden or empty). */
	comment: string;
}

/**
 * The accepted status changes among a page's accepted revisions (a request's creation is one, from
 * ''), oldest first.
 *
 * @param accepted Accepted revisions, as judgeHistory returns them
 */
export function statusChangesOf<R extends JudgedRevision & { timestamp: string; comment?: string }>(
	accepted: HistoryOutcome<R>[ 'accepted' ] ): AcceptedStatusChange[] {
	const changes: AcceptedStatusChange[] = [];
	for ( const { revision, content, before } of accepted ) {
		if ( content.kind !== 'request' ) {
			continue;
		}
		const from = before?.kind === 'request' ? before.record.status : '';
		if ( from !== content.record.status ) {
			changes.push( { revid: revision.revid, from, to: content.record.status, user: revision.user,
				timestamp: revision.timestamp, comment: revision.comment ?? '' } );
		}
	}
	return changes;
}

/** A revision as a view reads it from the wiki. */
export interface ViewRevision {
	revid: number;
	/** '' when hidden. */
	user: string;
	timestamp: string;
	/** The edit summary ('' when hidden or empty). */
	comment?: string;
	/** The page's wikitext in that revision; null when hidden. */
	text: string | null;
}

/** A revision newer than the record a view shows, which the view must not present as the record. */
export interface PendingRevision {
	revid: number;
	user: string;
	timestamp: string;
	/**
	 * `rejected`: its author may not make its change (or it carries someone else's such change);
	 * `unreadable`: it holds no record the judge can read (template missing, content hidden).
	 */
	kind: 'rejected' | 'unreadable';
	reason: Problem;
}

export interface ViewInput {
	page: RecordPageKind;
	/**
	 * The last published accepted record of the page: its revision id and that revision's wikitext
	 * (a view reads the accepted revision itself, never a copy). null for a page the published
	 * index does not list yet: then `revisions` are the page's revisions from its first one.
	 */
	published: { revid: number; text: string } | null;
	/** The page's revisions after the published one, oldest first, without gaps. */
	revisions: readonly ViewRevision[];
	/** The roles to judge with (configuration, hub contacts and coaches as the view knows them). */
	context: PermissionContext;
	parse: ParseContext;
}

export interface ViewOutcome {
	/**
	 * The record to show: the last accepted revision (the published one when none after it is
	 * accepted), with what is wrong with its values; null when no revision is accepted at all.
	 */
	record: { revid: number; content: RecordContent; problems: Problem[] } | null;
	/** Whether the record shown is newer than the published one (accepted by the same rules). */
	newerThanPublished: boolean;
	/**
	 * Revisions after the record shown, oldest first, none of them accepted: the view says that a
	 * newer edit awaits checking (or was not accepted, and why). Rejected changes that a later
	 * accepted revision undid are not listed.
	 */
	pending: PendingRevision[];
	/** The accepted status changes among `revisions`, oldest first (the creation's when published is null). */
	statusChanges: AcceptedStatusChange[];
}

/**
 * What a view shows of a record page: the published accepted record judged forward through the
 * revisions made after it, with the same rules as the bot (judgeHistory). The view reads only the
 * revisions after the published one, never the whole history.
 *
 * @param input The page, its published record, the revisions after it, roles and parse context
 * @return The record to show, the revisions that await checking, the accepted status changes
 */
export function judgeView( input: ViewInput ): ViewOutcome {
	const parse = ( text: string | null ): ParsedRevision => text === null ?
		{ content: null, problems: [ problem( null, 'capacitybuilding-bot-sync-content-hidden' ) ] } :
		parseRevision( input.page.kind, text, input.parse );
	const published = input.published ? parse( input.published.text ) : null;
	const start = published?.content ?? null;
	const parsed = input.revisions.map( ( revision ) => ( { revision, parsed: parse( revision.text ) } ) );
	const outcome = judgeHistory( input.page, start, parsed.map( ( p ) => ( { revision: p.revision,
		content: p.parsed.content } ) ),
	input.context );
	const last = outcome.accepted[ outcome.accepted.length - 1 ];
	let record: ViewOutcome[ 'record' ] = null;
	if ( last ) {
		const problems = parsed.find( ( p ) => p.revision.revid === last.revision.revid )?.parsed.problems ?? [];
		// A record page's revisions hold its kind of record only (parseRevision by the page's kind).
		record = { revid: last.revision.revid, content: last.content as RecordContent, problems };
	} else if ( input.published && published?.content ) {
		record = { revid: input.published.revid, content: published.content as RecordContent,
			problems: published.problems };
	}
	const rejected = new Map( outcome.rejected.map( ( r ) => [ r.revision.revid, r.reason ] ) );
	const after = last ? parsed.findIndex( ( p ) => p.revision.revid === last.revision.revid ) + 1 : 0;
	const pending: PendingRevision[] = [];
	for ( const { revision, parsed: p } of parsed.slice( after ) ) {
		const reason = rejected.get( revision.revid );
		const unreadable = p.content === null ? p.problems[ 0 ] ?? problem( null, 'capacitybuilding-bot-sync-content-hidden' ) : null;
		if ( reason || unreadable ) {
			pending.push( { revid: revision.revid, user: revision.user, timestamp: revision.timestamp,
				kind: reason ? 'rejected' : 'unreadable', reason: ( reason ?? unreadable ) as Problem } );
		}
	}
	return { record, newerThanPublished: Boolean( last ), pending, statusChanges: statusChangesOf( outcome.accepted ) };
}
