/**
 * The one place where each kind of status update is defined: its event (what in the store's
 * accepted state, or the clock, makes one), who is told, where (channel), the messages it is
 * written with (heading, body or digest line, edit summary), whether it quotes the change's edit
 * summary as the reason, and whether it is on when the configuration page says nothing about it.
 *
 * Events come only from what the store has accepted: the accepted status history (each change with
 * its author, revision, time and edit summary), the accepted records compared with what was last
 * announced (offers, hub, coach), and the clock (stale requests, deadlines, coaches back from
 * being away). A rejected edit never reaches the store, so it never reaches a notice.
 */
import crypto from 'node:crypto';
import { followUpDue } from '../../modules/core/history';
import { isIsoDate, normalizeUsername } from '../../modules/core/identifiers';
import type { MessageKey } from '../../modules/core/messages';
import { NOTICE_KINDS, stalePeriods, type NoticeKind } from '../../modules/core/notices';
import type { CapacityConfig } from '../../modules/core/config';
import type { StatusChange, StoredCoach, StoredHub, StoredRequest } from '../store';

/** Where a notice goes. */
export type Channel = 'request' | 'talk' | 'digest';

/** What was last announced about a request. */
export interface Snapshot {
	requestNumber: number;
	revid: number;
	status: string;
	hub: string;
	offers: string[];
	coach: string[];
}

/** What the events of a request are computed from. */
export interface RequestSituation {
	request: StoredRequest;
	/** What was last announced; null for a request the bot sees for the first time. */
	snapshot: Snapshot | null;
	/**
	 * The accepted status changes not announced yet (after the snapshot's revision; all of them when
	 * there is none), oldest first.
	 */
	changes: StatusChange[];
	/** The request's creation (its first accepted revision), when the status history has it. */
	creation: StatusChange | null;
	/** The change that gave the request its current status (or its creation). */
	current: StatusChange | null;
	/** Whether the request was created since notifications started (its offers are then all news). */
	createdSince: boolean;
	config: CapacityConfig;
	now: Date;
}

export interface CoachSituation {
	coach: StoredCoach;
	config: CapacityConfig;
	now: Date;
}

/** An event: something that happened once, with what the texts about it need. */
export interface NoticeEvent {
	kind: NoticeKind;
	/** Unique and stable: the same event always gets the same key (revision ids survive page moves). */
	key: string;
	/** When it happened (ISO). */
	at: string;
	/** Who made it happen ('' for the clock). */
	actor: string;
	/** The request (0 for a coach's notice). */
	request: number;
	/** The revision it comes from (0 for the clock's): orders events of the same second. */
	revid: number;
	data: NoticeData;
}

/** What the messages of a notice are made from (stored with the notice, so a retry writes the same). */
export interface NoticeData {
	/** The revision the event comes from (0 for the clock's). */
	revid?: number;
	page?: string;
	title?: string;
	status?: string;
	hub?: string;
	/** The change's edit summary, quoted as its reason. */
	reason?: string;
	/** The coach who offered, or the coaches assigned. */
	coaches?: string[];
	neededBy?: string;
	/** Days a stale request has gone without a status change. */
	days?: number;
	/** A coach's "away until" date and profile page. */
	awayUntil?: string;
	profile?: string;
}

export interface KindMessages {
	/** Section heading (request page and user talk notices). */
	heading?: MessageKey;
	/** The post's text (request page and user talk notices). */
	body?: MessageKey;
	/** One line of a noticeboard digest. */
	line?: MessageKey;
	/** Edit summary (request page and user talk notices). */
	summary?: MessageKey;
}

interface KindCommon {
	/** On unless the configuration page switches it off. */
	defaultOn: boolean;
	/** Where it is posted (user talk copies come on top where configured or needed). */
	channel: Channel;
	/** Quotes the change's edit summary as the reason, when it has one. */
	reason: boolean;
	/**
	 * Who is told (the person who made the change is left out: they know).
	 *
	 * @param event The event
	 * @param request The request as accepted now (null for a coach's notice)
	 * @param hubs Hubs by key, for their contacts
	 * @param config The configuration in force
	 */
	recipients: ( event: NoticeEvent, request: StoredRequest | null, hubs: ReadonlyMap<string, StoredHub>,
		config: CapacityConfig ) => string[];
	messages: KindMessages;
}

/** A kind: about requests (its events come from a request's situation) or about coaches. */
export type KindDefinition = KindCommon & (
	| { scope: 'request'; events: ( situation: RequestSituation ) => NoticeEvent[] }
	| { scope: 'coach'; events: ( situation: CoachSituation ) => NoticeEvent[] }
);

const DAY = 86_400_000;

function sameNames( list: readonly string[] ): Set<string> {
	return new Set( list.map( normalizeUsername ) );
}

/** The kind of notice an accepted status change is, or null (a creation, or a move with no notice). */
export function statusNoticeKind( from: string, to: string ): NoticeKind | null {
	if ( from === '' || from === to ) {
		return null;
	}
	switch ( to ) {
		case 'declined':
			return 'declined';
		case 'withdrawn':
			return 'withdrawn';
		case 'on-hold':
			return 'on-hold';
		default:
	}
	if ( from === 'on-hold' || from === 'completed' || from === 'declined' || from === 'withdrawn' ) {
		return 'reopened';
	}
	switch ( to ) {
		case 'triaged':
			return 'triaged';
		case 'matched':
			return 'matched';
		case 'in-progress':
			return 'started';
		case 'completed':
			return 'completed';
		case 'open':
			return 'reopened';
		default:
			return null;
	}
}

function requestData( situation: RequestSituation ): NoticeData {
	const { request } = situation;
	return { page: request.page, title: request.record.title, status: request.record.status, hub: request.record.hub };
}

/** The events of a kind that comes from the accepted status history. */
function fromStatusHistory( kind: NoticeKind ) {
	return ( situation: RequestSituation ): NoticeEvent[] => situation.changes
		.filter( ( change ) => statusNoticeKind( change.from, change.to ) === kind )
		.map( ( change ) => ( {
			kind, key: `${ kind }-${ change.revid }`, at: change.at, actor: change.user, request: situation.request.number, revid: change.revid,
			data: { ...requestData( situation ), status: change.to, reason: change.comment ?? '',
				coaches: [ ...situation.request.record.coach ] },
		} ) );
}

/** The requester and the assigned coaches. */
function requesterAndCoach( _event: NoticeEvent, request: StoredRequest | null ): string[] {
	return request ? [ request.record.requester, ...request.record.coach ] : [];
}

/** The contacts of the request's hub, else the programme's admins. */
function hubContactsOrAdmins( _event: NoticeEvent, request: StoredRequest | null, hubs: ReadonlyMap<string, StoredHub>,
	config: CapacityConfig ): string[] {
	const contacts = request?.record.hub ? hubs.get( request.record.hub )?.record.contacts ?? [] : [];
	return contacts.length ? contacts : config.admins;
}

/** The status a request is still looking for a coach in. */
function seekingCoach( request: StoredRequest ): boolean {
	return request.record.status === 'open' || request.record.status === 'triaged';
}

/** Midnight UTC of a date, as an ISO timestamp. */
function startOf( date: string, plusDays = 0 ): string {
	return new Date( Date.parse( `${ date }T00:00:00Z` ) + plusDays * DAY ).toISOString().replace( /\.\d{3}Z$/, 'Z' );
}

function iso( ms: number ): string {
	return new Date( ms ).toISOString().replace( /\.\d{3}Z$/, 'Z' );
}

/** Stable, ASCII-only key part for a username or a title (keys go into HTML comments and edit summaries). */
export function nameKey( name: string ): string {
	return crypto.createHash( 'sha256' ).update( normalizeUsername( name ) ).digest( 'hex' ).slice( 0, 10 );
}

export const KINDS: Record<NoticeKind, KindDefinition> = {
	submitted: {
		defaultOn: true,
		scope: 'request',
		channel: 'digest',
		reason: false,
		events: ( situation: RequestSituation ) => {
			if ( situation.snapshot || !situation.createdSince ) {
				return [];
			}
			const { request, creation } = situation;
			return [ {
				kind: 'submitted', key: `submitted-${ creation?.revid ?? `R${ request.number }` }`,
				at: creation?.at ?? request.record.created, actor: request.record.requester, request: request.number,
				revid: creation?.revid ?? 0,
				data: requestData( situation ),
			} ];
		},
		recipients: hubContactsOrAdmins,
		messages: { line: 'capacitybuilding-notice-submitted-line' },
	},
	triaged: {
		defaultOn: true,
		scope: 'request',
		channel: 'request',
		reason: false,
		events: ( situation: RequestSituation ) => {
			const events = fromStatusHistory( 'triaged' )( situation );
			const { snapshot, request } = situation;
			// Routed to another hub without a change of status: the requester hears of it too.
			if ( !events.length && snapshot && request.record.hub !== '' && request.record.hub !== snapshot.hub &&
				!situation.changes.some( ( c ) => c.to === 'triaged' ) ) {
				events.push( { kind: 'triaged', key: `triaged-${ request.revid }`, at: request.updated, actor: '',
					request: request.number, revid: request.revid, data: requestData( situation ) } );
			}
			return events;
		},
		recipients: ( _event, request ) => request ? [ request.record.requester ] : [],
		messages: { heading: 'capacitybuilding-notice-triaged-heading', body: 'capacitybuilding-notice-triaged-body',
			summary: 'capacitybuilding-notice-triaged-summary' },
	},
	offered: {
		defaultOn: true,
		scope: 'request',
		channel: 'request',
		reason: false,
		events: ( situation: RequestSituation ) => {
			const { snapshot, request } = situation;
			if ( !snapshot && !situation.createdSince ) {
				return [];
			}
			const before = sameNames( snapshot?.offers ?? [] );
			const added = request.record.offers.filter( ( name ) => !before.has( normalizeUsername( name ) ) );
			return added.map( ( name ) => ( {
				kind: 'offered' as const, key: `offered-${ request.revid }-${ nameKey( name ) }`, at: request.updated,
				actor: normalizeUsername( name ), request: request.number, revid: request.revid,
				data: { ...requestData( situation ), coaches: [ normalizeUsername( name ) ] },
			} ) );
		},
		recipients: ( _event, request ) => request ? [ request.record.requester ] : [],
		messages: { heading: 'capacitybuilding-notice-offered-heading', body: 'capacitybuilding-notice-offered-body',
			summary: 'capacitybuilding-notice-offered-summary' },
	},
	matched: {
		defaultOn: true,
		scope: 'request',
		channel: 'request',
		reason: false,
		events: ( situation: RequestSituation ) => {
			const events = fromStatusHistory( 'matched' )( situation );
			const { snapshot, request } = situation;
			// Another coach assigned without a change of status (a hub contact reassigning).
			const before = sameNames( snapshot?.coach ?? [] );
			const added = request.record.coach.filter( ( name ) => !before.has( normalizeUsername( name ) ) );
			if ( !events.length && snapshot && added.length && !situation.changes.some( ( c ) => c.to === 'matched' ) ) {
				events.push( { kind: 'matched', key: `matched-${ request.revid }`, at: request.updated, actor: '',
					request: request.number, revid: request.revid,
					data: { ...requestData( situation ), coaches: added.map( normalizeUsername ) } } );
			}
			return events;
		},
		recipients: requesterAndCoach,
		messages: { heading: 'capacitybuilding-notice-matched-heading', body: 'capacitybuilding-notice-matched-body',
			summary: 'capacitybuilding-notice-matched-summary' },
	},
	started: {
		defaultOn: true,
		scope: 'request',
		channel: 'request',
		reason: true,
		events: fromStatusHistory( 'started' ),
		recipients: requesterAndCoach,
		messages: { heading: 'capacitybuilding-notice-started-heading', body: 'capacitybuilding-notice-started-body',
			summary: 'capacitybuilding-notice-started-summary' },
	},
	completed: {
		defaultOn: true,
		scope: 'request',
		channel: 'request',
		reason: true,
		events: fromStatusHistory( 'completed' ),
		recipients: requesterAndCoach,
		messages: { heading: 'capacitybuilding-notice-completed-heading', body: 'capacitybuilding-notice-completed-body',
			summary: 'capacitybuilding-notice-completed-summary' },
	},
	declined: {
		defaultOn: true,
		scope: 'request',
		channel: 'request',
		reason: true,
		events: fromStatusHistory( 'declined' ),
		recipients: requesterAndCoach,
		messages: { heading: 'capacitybuilding-notice-declined-heading', body: 'capacitybuilding-notice-declined-body',
			summary: 'capacitybuilding-notice-declined-summary' },
	},
	withdrawn: {
		defaultOn: true,
		scope: 'request',
		channel: 'request',
		reason: true,
		events: fromStatusHistory( 'withdrawn' ),
		recipients: requesterAndCoach,
		messages: { heading: 'capacitybuilding-notice-withdrawn-heading', body: 'capacitybuilding-notice-withdrawn-body',
			summary: 'capacitybuilding-notice-withdrawn-summary' },
	},
	'on-hold': {
		defaultOn: true,
		scope: 'request',
		channel: 'request',
		reason: true,
		events: fromStatusHistory( 'on-hold' ),
		recipients: requesterAndCoach,
		messages: { heading: 'capacitybuilding-notice-on-hold-heading', body: 'capacitybuilding-notice-on-hold-body',
			summary: 'capacitybuilding-notice-on-hold-summary' },
	},
	reopened: {
		defaultOn: true,
		scope: 'request',
		channel: 'request',
		reason: true,
		events: fromStatusHistory( 'reopened' ),
		recipients: requesterAndCoach,
		messages: { heading: 'capacitybuilding-notice-reopened-heading', body: 'capacitybuilding-notice-reopened-body',
			summary: 'capacitybuilding-notice-reopened-summary' },
	},
	stale: {
		defaultOn: true,
		scope: 'request',
		channel: 'digest',
		reason: false,
		events: ( situation: RequestSituation ) => {
			const { request, current, config, now } = situation;
			const since = current?.at ?? request.record.created;
			const period = config.statusPolicy.staleAfterDays * DAY;
			// Once per stale period: period 1 after staleAfterDays without a status change, 2 after twice that…
			// (the rule the views mark stale requests by: core/notices.ts).
			const periods = stalePeriods( request.record.status, since, config.statusPolicy.staleAfterDays, now );
			if ( periods < 1 ) {
				return [];
			}
			return [ {
				kind: 'stale', key: `stale-${ current?.revid ?? `R${ request.number }` }-${ periods }`,
				at: iso( Date.parse( since ) + periods * period ), actor: '', request: request.number, revid: 0,
				data: { ...requestData( situation ),
					days: Math.floor( ( now.getTime() - Date.parse( since ) ) / DAY ) },
			} ];
		},
		recipients: hubContactsOrAdmins,
		messages: { line: 'capacitybuilding-notice-stale-line' },
	},
	deadline: {
		defaultOn: true,
		scope: 'request',
		channel: 'digest',
		reason: false,
		events: ( situation: RequestSituation ) => {
			const { request, creation, config, now } = situation;
			const neededBy = request.record.neededBy;
			if ( !seekingCoach( request ) || request.record.coach.length || !isIsoDate( neededBy ) ) {
				return [];
			}
			const today = iso( now.getTime() ).slice( 0, 10 );
			const opens = startOf( neededBy, -config.notifications.deadlineDays );
			if ( today > neededBy || iso( now.getTime() ) < opens ) {
				return [];
			}
			const created = creation?.at ?? request.record.created;
			return [ {
				kind: 'deadline', key: `deadline-${ creation?.revid ?? `R${ request.number }` }-${ neededBy }`,
				at: created > opens ? created : opens, actor: '', request: request.number, revid: 0,
				data: { ...requestData( situation ), neededBy },
			} ];
		},
		recipients: hubContactsOrAdmins,
		messages: { line: 'capacitybuilding-notice-deadline-line' },
	},
	'follow-up': {
		defaultOn: true,
		scope: 'request',
		channel: 'request',
		reason: false,
		events: ( situation: RequestSituation ) => {
			const { request, current, config, now } = situation;
			const due = followUpDue( current ? [ current ] : [], config.notifications.followUpDays );
			// Not before it is due, and not once the requester has answered it.
			const answered = request.feedback.some( ( entry ) => entry.stage === 'follow-up' &&
				normalizeUsername( entry.user ) === normalizeUsername( request.record.requester ) );
			if ( current === null || due === null || iso( now.getTime() ) < due || answered ) {
				return [];
			}
			return [ {
				kind: 'follow-up', key: `follow-up-${ current.revid }`, at: due, actor: '', request: request.number, revid: 0,
				data: requestData( situation ),
			} ];
		},
		recipients: ( _event, request ) => request ? [ request.record.requester ] : [],
		messages: { heading: 'capacitybuilding-notice-follow-up-heading', body: 'capacitybuilding-notice-follow-up-body',
			summary: 'capacitybuilding-notice-follow-up-summary' },
	},
	'away-ended': {
		defaultOn: true,
		scope: 'coach',
		channel: 'talk',
		reason: false,
		events: ( situation: CoachSituation ) => {
			const { coach, now } = situation;
			const until = coach.record.awayUntil;
			if ( coach.record.availability !== 'away' || !isIsoDate( until ) ) {
				return [];
			}
			const passed = startOf( until, 1 );
			if ( iso( now.getTime() ) < passed ) {
				return [];
			}
			return [ {
				kind: 'away-ended', key: `away-${ nameKey( coach.user ) }-${ until }`, at: passed, actor: '', request: 0, revid: 0,
				data: { awayUntil: until, profile: coach.page, coaches: [ coach.user ] },
			} ];
		},
		recipients: ( event ) => event.data.coaches ?? [],
		messages: { heading: 'capacitybuilding-notice-away-ended-heading', body: 'capacitybuilding-notice-away-ended-body',
			summary: 'capacitybuilding-notice-away-ended-summary' },
	},
};

/** Whether a kind is on: the configuration page's switch, else the kind's default. */
export function kindEnabled( kind: NoticeKind, config: CapacityConfig ): boolean {
	return config.notifications.kinds[ kind ] ?? KINDS[ kind ].defaultOn;
}

/** Every kind with its default switch, as setup writes them on a fresh configuration page. */
export function defaultSwitches(): Record<NoticeKind, boolean> {
	const switches = NOTICE_KINDS.map( ( kind ) => [ kind, KINDS[ kind ].defaultOn ] );
	return Object.fromEntries( switches ) as Record<NoticeKind, boolean>;
}
