/**
 * Who may do what (docs/data-model.md, "Who may do what"), as pure functions.
 *
 * The form asks `availableActions` which buttons to show; the bot asks `checkRequestChange`
 * whether a revision's change may be synced. Both come down to the same rules: a change is split
 * into moves (triage, offer, accept, start, …) and each move is checked against the author's roles.
 *
 *   move                      requester  assigned coach  hub contact  admin
 *   triage (set hub), decline                                 ✓          ✓
 *   offer (own name)          — any coach —
 *   accept an offer → matched     ✓                           ✓          ✓
 *   start → in-progress           ✓            ✓              ✓          ✓
 *   complete                      ✓            ✓              ✓          ✓
 *   withdraw                      ✓                                      ✓
 *   on hold / reopen              ✓            ✓              ✓          ✓
 *
 * Choices where the table is silent: editing a request's content is for the requester, hub contacts
 * and admins; a coach may withdraw their own offer; reassigning a coach is for hub contacts and
 * admins; changing who asked or when is for admins; reopening a finished request is for admins when
 * the status policy allows it. "Hub contact" means a contact of the request's hub, or of any hub
 * while the request has none. Bots listed in the configuration count as admins.
 */
import { FINAL_STATUSES, isOneOf, STATUSES, type CapacityRequest, type CoachProfile, type Evaluation, type Feedback, type FeedbackRole, type HoldReason, type Hub, type Status } from './model';
import type { CapacityConfig } from './config';
import { normalizeUsername, sameUser } from './identifiers';
import { problem, type MessageKey, type Problem } from './messages';

export type Move =
	| 'create' | 'edit' | 'edit-identity' | 'triage' | 'decline' | 'offer' | 'retract-offer' | 'remove-offer'
	| 'accept' | 'reassign' | 'start' | 'complete' | 'withdraw' | 'hold' | 'reopen' | 'reopen-closed';

/** `anyone` is every logged-in user (e.g. withdrawing one's own offer). */
export type Role = 'anyone' | 'requester' | 'assigned-coach' | 'coach' | 'hub-contact' | 'admin';

export interface PermissionContext {
	config: Pick<CapacityConfig, 'admins' | 'bots' | 'statusPolicy'> & Partial<Pick<CapacityConfig, 'evaluators'>>;
	/** Hubs by key, for their contacts. */
	hubs: ReadonlyMap<string, Pick<Hub, 'contacts'>>;
	/** Usernames that have a coach profile. */
	coaches: ReadonlySet<string>;
}

export type Decision =
	| { allowed: true; moves: Move[] }
	| { allowed: false; moves: Move[]; reason: Problem };

/** Who may make each move (offers are checked separately: they concern the author's own name). */
const ALLOWED: Record<Move, readonly Role[]> = {
	create: [ 'requester', 'admin' ],
	edit: [ 'requester', 'hub-contact', 'admin' ],
	'edit-identity': [ 'admin' ],
	triage: [ 'hub-contact', 'admin' ],
	decline: [ 'hub-contact', 'admin' ],
	offer: [ 'coach' ],
	'retract-offer': [ 'anyone' ],
	'remove-offer': [ 'admin' ],
	accept: [ 'requester', 'hub-contact', 'admin' ],
	reassign: [ 'hub-contact', 'admin' ],
	start: [ 'requester', 'assigned-coach', 'hub-contact', 'admin' ],
	complete: [ 'requester', 'assigned-coach', 'hub-contact', 'admin' ],
	withdraw: [ 'requester', 'admin' ],
	hold: [ 'requester', 'assigned-coach', 'hub-contact', 'admin' ],
	reopen: [ 'requester', 'assigned-coach', 'hub-contact', 'admin' ],
	'reopen-closed': [ 'admin' ],
};

export const DENIED_MESSAGES: Record<Move, MessageKey> = {
	create: 'capacitybuilding-permission-denied-create',
	edit: 'capacitybuilding-permission-denied-edit',
	'edit-identity': 'capacitybuilding-permission-denied-edit-identity',
	triage: 'capacitybuilding-permission-denied-triage',
	decline: 'capacitybuilding-permission-denied-decline',
	offer: 'capacitybuilding-permission-denied-offer',
	'retract-offer': 'capacitybuilding-permission-denied-retract-offer',
	'remove-offer': 'capacitybuilding-permission-denied-remove-offer',
	accept: 'capacitybuilding-permission-denied-accept',
	reassign: 'capacitybuilding-permission-denied-reassign',
	start: 'capacitybuilding-permission-denied-start',
	complete: 'capacitybuilding-permission-denied-complete',
	withdraw: 'capacitybuilding-permission-denied-withdraw',
	hold: 'capacitybuilding-permission-denied-hold',
	reopen: 'capacitybuilding-permission-denied-reopen',
	'reopen-closed': 'capacitybuilding-permission-denied-reopen-closed',
};

const CONTENT_FIELDS = [
	'title', 'requesterType', 'organisation', 'region', 'topics', 'formats', 'languages', 'lang', 'neededBy', 'description',
] as const;

function isFinal( status: string ): boolean {
	return ( FINAL_STATUSES as readonly string[] ).includes( status );
}

function includesUser( list: readonly string[], user: string ): boolean {
	return list.some( ( name ) => sameUser( name, user ) );
}

export function isAdmin( user: string, context: PermissionContext ): boolean {
	return includesUser( context.config.admins, user ) || includesUser( context.config.bots, user );
}

export function isHubContact( user: string, hubKey: string, context: PermissionContext ): boolean {
	if ( hubKey === '' ) {
		return [ ...context.hubs.values() ].some( ( hub ) => includesUser( hub.contacts, user ) );
	}
	return includesUser( context.hubs.get( hubKey )?.contacts ?? [], user );
}

/** The roles a user has for a request (as it was before the change being checked). */
export function rolesFor( request: CapacityRequest, user: string, context: PermissionContext ): Set<Role> {
	const roles = new Set<Role>( [ 'anyone' ] );
	if ( sameUser( request.requester, user ) ) {
		roles.add( 'requester' );
	}
	if ( includesUser( request.coach, user ) ) {
		roles.add( 'assigned-coach' );
	}
	if ( [ ...context.coaches ].some( ( coach ) => sameUser( coach, user ) ) ) {
		roles.add( 'coach' );
	}
	if ( isHubContact( user, request.hub, context ) ) {
		roles.add( 'hub-contact' );
	}
	if ( isAdmin( user, context ) ) {
		roles.add( 'admin' );
	}
	return roles;
}

function same( a: unknown, b: unknown ): boolean {
	return JSON.stringify( a ) === JSON.stringify( b );
}

function normalizedSet( names: readonly string[] ): Set<string> {
	return new Set( names.map( normalizeUsername ) );
}

/** The move a status change is, or null when the lifecycle has no such move. */
function statusMove( from: string, to: string, after: CapacityRequest ): Move | null {
	if ( !isOneOf( STATUSES, to ) ) {
		return null;
	}
	if ( isFinal( from ) ) {
		return 'reopen-closed';
	}
	const target: Status = to;
	switch ( target ) {
		case 'declined':
			return 'decline';
		case 'withdrawn':
			return 'withdraw';
		case 'on-hold':
			return 'hold';
		default:
	}
	if ( from === 'on-hold' ) {
		return target === 'completed' ? null : 'reopen';
	}
	if ( from === 'open' && target === 'triaged' ) {
		return after.hub === '' ? null : 'triage';
	}
	if ( ( from === 'open' || from === 'triaged' ) && target === 'matched' ) {
		return 'accept';
	}
	if ( from === 'matched' && target === 'in-progress' ) {
		return 'start';
	}
	if ( from === 'in-progress' && target === 'completed' ) {
		return 'complete';
	}
	return null;
}

interface MoveCheck {
	move: Move;
	/** Extra condition on top of the roles (e.g. an offer must be the author's own). */
	denied?: Problem;
}

/** Splits a change of a request into moves. */
function movesOf( before: CapacityRequest, after: CapacityRequest, author: string ): MoveCheck[] | Problem {
	const checks: MoveCheck[] = [];
	if ( before.status !== after.status ) {
		const move = statusMove( before.status, after.status, after );
		if ( move === null ) {
			return problem( 'status', 'capacitybuilding-permission-invalid-transition', before.status, after.status );
		}
		checks.push( { move } );
		if ( move === 'accept' ) {
			// The accepted coach must be one who offered.
			const offered = normalizedSet( before.offers );
			const stranger = after.coach.find( ( coach ) => !offered.has( normalizeUsername( coach ) ) );
			if ( stranger !== undefined ) {
				checks.push( { move, denied: problem( 'coach', 'capacitybuilding-permission-accept-without-offer', stranger ) } );
			} else if ( after.coach.length === 0 ) {
				checks.push( { move, denied: problem( 'coach', 'capacitybuilding-validation-coach-required' ) } );
			}
		}
	}
	// The hold reason is part of putting on hold (and reopening clears it).
	if ( ( before.holdReason ?? '' ) !== ( after.holdReason ?? '' ) && !checks.some( ( c ) => c.move === 'hold' || c.move === 'reopen' ) ) {
		checks.push( { move: 'hold' } );
	}
	if ( before.hub !== after.hub && !checks.some( ( c ) => c.move === 'triage' ) ) {
		checks.push( { move: 'triage' } );
	}
	// Sets compare as sorted lists (JSON.stringify of any Set is "{}").
	if ( !same( [ ...normalizedSet( before.coach ) ].sort(), [ ...normalizedSet( after.coach ) ].sort() ) &&
		!checks.some( ( c ) => c.move === 'accept' ) ) {
		checks.push( { move: 'reassign' } );
	}
	const beforeOffers = normalizedSet( before.offers );
	const afterOffers = normalizedSet( after.offers );
	for ( const name of afterOffers ) {
		if ( !beforeOffers.has( name ) ) {
			checks.push( sameUser( name, author ) ?
				{ move: 'offer' } :
				{ move: 'offer', denied: problem( 'offers', 'capacitybuilding-permission-offer-for-other', name ) } );
			if ( before.status !== 'open' && before.status !== 'triaged' ) {
				checks.push( { move: 'offer', denied: problem( 'offers', 'capacitybuilding-permission-offer-closed' ) } );
			}
		}
	}
	for ( const name of beforeOffers ) {
		if ( !afterOffers.has( name ) ) {
			checks.push( { move: sameUser( name, author ) ? 'retract-offer' : 'remove-offer' } );
		}
	}
	if ( CONTENT_FIELDS.some( ( field ) => !same( before[ field ], after[ field ] ) ) ) {
		checks.push( { move: 'edit' } );
	}
	if ( !sameUser( before.requester, after.requester ) || before.created !== after.created ) {
		checks.push( { move: 'edit-identity' } );
	}
	return checks;
}

function denial( moves: Move[], reason: Problem ): Decision {
	return { allowed: false, moves, reason };
}

/**
 * Whether `author` may change a request from `before` to `after` (`before` null: creating it).
 * Validation of the values is separate (validation.ts); this is about who may do what.
 */
export function checkRequestChange(
	before: CapacityRequest | null, after: CapacityRequest, author: string, context: PermissionContext,
): Decision {
	if ( before === null ) {
		const admin = isAdmin( author, context );
		if ( !admin && !sameUser( after.requester, author ) ) {
			return denial( [ 'create' ], problem( 'requester', 'capacitybuilding-permission-create-for-other' ) );
		}
		if ( after.status !== 'open' && !admin ) {
			return denial( [ 'create' ], problem( 'status', 'capacitybuilding-permission-create-not-open' ) );
		}
		if ( ( after.coach.length > 0 || after.offers.length > 0 ) && !admin ) {
			return denial( [ 'create' ], problem( 'coach', 'capacitybuilding-permission-create-with-coach' ) );
		}
		return { allowed: true, moves: [ 'create' ] };
	}
	const checks = movesOf( before, after, author );
	if ( !Array.isArray( checks ) ) {
		return denial( [], checks );
	}
	const moves = [ ...new Set( checks.map( ( c ) => c.move ) ) ];
	const roles = rolesFor( before, author, context );
	for ( const check of checks ) {
		if ( check.denied && !roles.has( 'admin' ) ) {
			return denial( moves, check.denied );
		}
		if ( !ALLOWED[ check.move ].some( ( role ) => roles.has( role ) ) ) {
			return denial( moves, problem( null, DENIED_MESSAGES[ check.move ] ) );
		}
		if ( check.move === 'reopen-closed' && !context.config.statusPolicy.adminsMayReopenClosed ) {
			return denial( moves, problem( 'status', 'capacitybuilding-permission-denied-reopen-closed' ) );
		}
	}
	return { allowed: true, moves };
}

/** The actions a request page offers, each a precise change of the record. */
export type RequestAction =
	| { type: 'offer' }
	| { type: 'retract-offer' }
	| { type: 'accept'; coach: string }
	| { type: 'start' }
	| { type: 'complete' }
	| { type: 'withdraw' }
	| { type: 'hold'; reason?: HoldReason }
	| { type: 'reopen' }
	| { type: 'triage'; hub: string }
	| { type: 'decline' };

/** The record after an action by `user`. */
export function applyAction( request: CapacityRequest, action: RequestAction, user: string ): CapacityRequest {
	const next: CapacityRequest = { ...request, coach: [ ...request.coach ], offers: [ ...request.offers ] };
	switch ( action.type ) {
		case 'offer':
			if ( !includesUser( next.offers, user ) ) {
				next.offers.push( normalizeUsername( user ) );
			}
			break;
		case 'retract-offer':
			next.offers = next.offers.filter( ( name ) => !sameUser( name, user ) );
			break;
		case 'accept':
			next.coach = [ normalizeUsername( action.coach ) ];
			next.status = 'matched';
			break;
		case 'start':
			next.status = 'in-progress';
			break;
		case 'complete':
			next.status = 'completed';
			break;
		case 'withdraw':
			next.status = 'withdrawn';
			break;
		case 'hold':
			next.status = 'on-hold';
			if ( action.reason || next.holdReason ) {
				next.holdReason = action.reason ?? '';
			}
			break;
		case 'reopen':
			next.status = next.coach.length ? 'matched' : next.hub ? 'triaged' : 'open';
			break;
		case 'triage':
			next.hub = action.hub;
			if ( next.status === 'open' ) {
				next.status = 'triaged';
			}
			break;
		case 'decline':
			next.status = 'declined';
			break;
	}
	// A hold reason belongs to the hold: leaving it (reopening, withdrawing…) clears it.
	if ( next.status !== 'on-hold' && next.holdReason ) {
		next.holdReason = '';
	}
	return next;
}

/**
 * The actions `user` may take on a request now: exactly those whose change checkRequestChange
 * allows, so the page never offers what the bot would reject.
 *
 * @param request The request as it is
 * @param user The current user
 * @param context Configuration, hubs and coaches
 * @param hubKeys Hubs a request can be triaged to
 */
export function availableActions(
	request: CapacityRequest, user: string, context: PermissionContext, hubKeys: readonly string[] = [],
): RequestAction[] {
	const candidates: RequestAction[] = [
		{ type: 'offer' }, { type: 'retract-offer' },
		...request.offers.map( ( coach ) => ( { type: 'accept' as const, coach } ) ),
		{ type: 'start' }, { type: 'complete' }, { type: 'withdraw' }, { type: 'hold' }, { type: 'reopen' },
		...hubKeys.filter( ( hub ) => hub !== request.hub ).map( ( hub ) => ( { type: 'triage' as const, hub } ) ),
		{ type: 'decline' },
	];
	return candidates.filter( ( action ) => {
		const next = applyAction( request, action, user );
		return !same( next, request ) && checkRequestChange( request, next, user, context ).allowed;
	} );
}

/**
 * Whether `user`'s roles on a request allow a move, for moves that are not a single action (such
 * as "edit": the page offers "Edit request" only to those who may change the request's content).
 */
export function mayMove( request: CapacityRequest, move: Move, user: string, context: PermissionContext ): boolean {
	if ( user === '' ) {
		return false;
	}
	const roles = rolesFor( request, user, context );
	return ALLOWED[ move ].some( ( role ) => roles.has( role ) );
}

/** A coach profile is owned: only its coach (or an admin) may change it. */
export function checkCoachChange(
	pageUser: string, before: CoachProfile | null, after: CoachProfile, author: string, context: PermissionContext,
): Decision {
	const moves: Move[] = [ before === null ? 'create' : 'edit' ];
	if ( !sameUser( after.user, pageUser ) ) {
		return denial( moves, problem( 'user', 'capacitybuilding-permission-coach-user-mismatch', after.user, pageUser ) );
	}
	if ( !sameUser( pageUser, author ) && !isAdmin( author, context ) ) {
		return denial( moves, problem( null, 'capacitybuilding-permission-coach-not-owner', pageUser ) );
	}
	return { allowed: true, moves };
}

/**
 * Who may create a hub, and who may change one.
 *
 * Creating: a programme admin (who may set a hub up for others, e.g. the bot's samples), or a
 * contact of an existing accepted hub (someone the programme already trusts with triage), and then
 * only when the new hub lists them among its contacts. A hub's contacts may triage any request that
 * has no hub yet (isHubContact), so letting anyone else create a hub would let them make themselves
 * a hub contact; and a contact's hub must not be one run only by people who never agreed to it.
 *
 * Changing: the hub's contacts as accepted before the change (not as the change lists them), and admins.
 */
export function checkHubChange( before: Hub | null, after: Hub, author: string, context: PermissionContext ): Decision {
	const admin = isAdmin( author, context );
	if ( before !== null ) {
		return admin || includesUser( before.contacts, author ) ? { allowed: true, moves: [ 'edit' ] } :
			denial( [ 'edit' ], problem( null, 'capacitybuilding-permission-hub-edit' ) );
	}
	if ( admin ) {
		return { allowed: true, moves: [ 'create' ] };
	}
	if ( !isHubContact( author, '', context ) ) {
		return denial( [ 'create' ], problem( null, 'capacitybuilding-permission-hub-create' ) );
	}
	if ( !includesUser( after.contacts, author ) ) {
		return denial( [ 'create' ], problem( 'contacts', 'capacitybuilding-permission-hub-create-not-contact' ) );
	}
	return { allowed: true, moves: [ 'create' ] };
}

function feedbackKey( entry: Feedback ): string {
	return `${ normalizeUsername( entry.user ) }\u0000${ entry.created }`;
}

/**
 * Whether `user` holds a feedback role on a request. Requester, assigned coach and a contact of the
 * request's hub can be checked against the record; "participant" and "other" cannot (the record
 * names no participants), so they are never held.
 */
export function holdsFeedbackRole(
	request: CapacityRequest, user: string, role: string, context: PermissionContext,
): boolean {
	switch ( role ) {
		case 'requester':
			return sameUser( request.requester, user );
		case 'coach':
			return includesUser( request.coach, user );
		case 'hub-contact':
			return request.hub !== '' && isHubContact( user, request.hub, context );
		default:
			return false;
	}
}

/** The role the feedback form signs `user`'s entry with, or null when they may give none. */
export function feedbackRoleFor(
	request: CapacityRequest, user: string, context: PermissionContext,
): FeedbackRole | null {
	if ( user === '' || request.status !== 'completed' ) {
		return null;
	}
	return ( [ 'requester', 'coach' ] as const ).find( ( role ) => holdsFeedbackRole( request, user, role, context ) ) ?? null;
}

/** Why a new or changed entry cannot be accepted on this request, or null. */
function entryProblem( request: CapacityRequest, entry: Feedback, context: PermissionContext ): Problem | null {
	if ( request.status !== 'completed' ) {
		return problem( null, 'capacitybuilding-permission-feedback-not-completed' );
	}
	if ( !holdsFeedbackRole( request, entry.user, entry.role, context ) ) {
		return problem( 'role', 'capacitybuilding-permission-feedback-role', entry.user );
	}
	if ( entry.stage === 'follow-up' && entry.role !== 'requester' ) {
		return problem( 'stage', 'capacitybuilding-permission-feedback-follow-up-requester' );
	}
	return null;
}

/**
 * Feedback on a request (docs/data-model.md, "Feedback"): a new entry is accepted only when its
 * author is the person it names, that person holds the role it names on the request (`request`,
 * as it is after the change) and the request is completed; a follow-up is the requester's. Its
 * author (or an admin) may edit it later, under the same conditions; nobody else may change or
 * remove it. Entries left as they were are not judged again (a reopened request keeps them).
 */
export function checkFeedbackChange(
	request: CapacityRequest, before: readonly Feedback[], after: readonly Feedback[], author: string,
	context: PermissionContext,
): Decision {
	const admin = isAdmin( author, context );
	const previous = new Map( before.map( ( entry ) => [ feedbackKey( entry ), entry ] ) );
	const current = new Map( after.map( ( entry ) => [ feedbackKey( entry ), entry ] ) );
	for ( const [ key, entry ] of current ) {
		const old = previous.get( key );
		if ( old !== undefined && same( old, entry ) ) {
			continue;
		}
		// Only the person named writes a new entry; an admin may correct an existing one.
		if ( !sameUser( entry.user, author ) && !( admin && old !== undefined ) ) {
			return denial( [ 'edit' ], problem( null, 'capacitybuilding-permission-feedback-other', entry.user ) );
		}
		const reason = entryProblem( request, entry, context );
		if ( reason !== null ) {
			return denial( [ 'edit' ], reason );
		}
	}
	for ( const [ key, entry ] of previous ) {
		if ( !current.has( key ) && !sameUser( entry.user, author ) && !admin ) {
			return denial( [ 'edit' ], problem( null, 'capacitybuilding-permission-feedback-other', entry.user ) );
		}
	}
	return { allowed: true, moves: [ 'edit' ] };
}

function evaluationKey( entry: Evaluation ): string {
	return `${ normalizeUsername( entry.evaluator ) }\u0000${ entry.created }`;
}

/**
 * Independent evaluation entries (on `<base>/Evaluation/<period>`): only a person listed in
 * `config.evaluators` may add one, in their own name, for the page's period; only its author may
 * change it. Removing an entry is for its author, or an admin (who may not write or change one:
 * the evaluation stays the evaluators' own).
 *
 * @param period The period of the page the entries are on
 * @param before The page's accepted entries
 * @param after The entries of the revision being judged
 * @param author The revision's author
 * @param context Configuration (evaluators, admins)
 */
export function checkEvaluationChange( period: string, before: readonly Evaluation[], after: readonly Evaluation[],
	author: string, context: PermissionContext ): Decision {
	const previous = new Map( before.map( ( entry ) => [ evaluationKey( entry ), entry ] ) );
	const current = new Map( after.map( ( entry ) => [ evaluationKey( entry ), entry ] ) );
	for ( const [ key, entry ] of current ) {
		const old = previous.get( key );
		if ( old !== undefined && same( old, entry ) ) {
			continue;
		}
		if ( !sameUser( entry.evaluator, author ) ) {
			return denial( [ 'edit' ], problem( null, 'capacitybuilding-permission-evaluation-other', entry.evaluator ) );
		}
		if ( !includesUser( context.config.evaluators ?? [], author ) ) {
			return denial( [ 'edit' ], problem( null, 'capacitybuilding-permission-evaluation-not-evaluator' ) );
		}
		if ( entry.period !== period ) {
			return denial( [ 'edit' ], problem( 'period', 'capacitybuilding-permission-evaluation-period', entry.period, period ) );
		}
	}
	for ( const [ key, entry ] of previous ) {
		if ( !current.has( key ) && !sameUser( entry.evaluator, author ) && !isAdmin( author, context ) ) {
			return denial( [ 'edit' ], problem( null, 'capacitybuilding-permission-evaluation-other', entry.evaluator ) );
		}
	}
	return { allowed: true, moves: [ 'edit' ] };
}
