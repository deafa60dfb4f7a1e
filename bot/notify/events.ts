/**
 * From the store's accepted state and the clock to notices: each request's situation (what was last
 * announced, the accepted status changes since), each kind's events (bot/notify/kinds.ts), and
 * where each notice goes and to whom. Pure: no wiki, no store.
 */
import type { CapacityConfig } from '../../modules/core/config';
import { isValidUsername, normalizeUsername } from '../../modules/core/identifiers';
import { NOTICE_KINDS, type NoticeKind } from '../../modules/core/notices';
import { normalizeTitle } from '../../modules/core/pages';
import { routeRequest } from '../../modules/core/routing';
import type { StatusChange, StoredCoach, StoredHub, StoredRequest } from '../store';
import { KINDS, kindEnabled, nameKey, type Channel, type NoticeData, type NoticeEvent, type RequestSituation, type Snapshot } from './kinds';

/** Echo notifies at most this many people mentioned in one edit ($wgEchoMaxMentionsCount). */
export const MAX_MENTIONS = 50;

/** A notice to record (pending) before anything is posted. */
export interface NoticeDraft {
	key: string;
	kind: NoticeKind;
	request: number;
	channel: Channel;
	/** The page it goes to. */
	target: string;
	/** Who it is for: mentioned in the post, or the owner of the user talk page. */
	recipients: string[];
	eventAt: string;
	data: NoticeData & { actor: string };
}

export interface DetectInput {
	base: string;
	requests: readonly StoredRequest[];
	/** The accepted status history of every request (any order). */
	history: readonly StatusChange[];
	coaches: readonly StoredCoach[];
	hubs: readonly StoredHub[];
	config: CapacityConfig;
	snapshots: ReadonlyMap<number, Snapshot>;
	/** Events before this moment are not announced (notifications started then). */
	since: string;
	now: Date;
}

export interface Detected {
	/** Every notice the events call for, including ones the ledger may already have (the caller drops those). */
	notices: NoticeDraft[];
	/** Snapshots that change (what is announced now). */
	snapshots: Snapshot[];
}

/** The programme's noticeboard: the configured page, else `<base>/Noticeboard`. */
export function programmeNoticeboard( base: string, config: CapacityConfig ): string {
	return config.notifications.noticeboard ? normalizeTitle( config.notifications.noticeboard ) : `${ normalizeTitle( base ) }/Noticeboard`;
}

export function userTalk( user: string ): string {
	return `User talk:${ normalizeUsername( user ) }`;
}

function snapshotOf( request: StoredRequest ): Snapshot {
	return {
		requestNumber: request.number, revid: request.revid, status: request.record.status, hub: request.record.hub,
		offers: request.record.offers.map( normalizeUsername ), coach: request.record.coach.map( normalizeUsername ),
	};
}

function sameSnapshot( a: Snapshot, b: Snapshot ): boolean {
	return JSON.stringify( a ) === JSON.stringify( b );
}

/**
 * Names once each, normalised, without the person who acted, and only names that can be accounts (a
 * record keeps what its page says, even an impossible name; a post never links to one).
 */
function recipientsOf( names: readonly string[], actor: string ): string[] {
	const out: string[] = [];
	for ( const name of names.map( normalizeUsername ) ) {
		if ( isValidUsername( name ) && name !== normalizeUsername( actor ) && !out.includes( name ) ) {
			out.push( name );
		}
	}
	return out;
}

/**
 * The noticeboards a request's digest lines go to: its hub's; for a request without a hub, those of
 * the hubs routing sends it to (core/routing.ts, as the index publishes it: each of them lists it
 * as "routed to you"), each with its contacts; otherwise (no hub covers it, or a hub has no
 * noticeboard) the programme's. Each board once.
 */
export function digestBoards( request: StoredRequest | null, hubs: ReadonlyMap<string, StoredHub>,
	input: Pick<DetectInput, 'base' | 'config'> ): { board: string; contacts: string[] | null }[] {
	const programme = programmeNoticeboard( input.base, input.config );
	const boardOf = ( hub: StoredHub | undefined ): string => ( hub?.record.noticeboard ?
		normalizeTitle( hub.record.noticeboard ) : programme );
	if ( !request || request.record.hub ) {
		return [ { board: boardOf( request ? hubs.get( request.record.hub ) : undefined ), contacts: null } ];
	}
	const routable = [ ...hubs.values() ].map( ( h ) => ( { key: h.key, hub: h.record } ) );
	const routed = routeRequest( request.record, routable );
	const boards: { board: string; contacts: string[] | null }[] = [];
	for ( const key of routed?.hubs ?? [] ) {
		const hub = hubs.get( key );
		const board = boardOf( hub );
		if ( !boards.some( ( b ) => b.board === board ) ) {
			boards.push( { board, contacts: board === programme ? null : hub?.record.contacts ?? [] } );
		}
	}
	return boards.length ? boards : [ { board: programme, contacts: null } ];
}

/** Where an event's notices go: the kind's channel, plus user talk copies where configured or needed. */
export function route( event: NoticeEvent, request: StoredRequest | null, hubs: ReadonlyMap<string, StoredHub>,
	input: Pick<DetectInput, 'base' | 'config'> ): NoticeDraft[] {
	const kind = KINDS[ event.kind ];
	const { config } = input;
	const people = recipientsOf( kind.recipients( event, request, hubs, config ), event.actor );
	const data = { ...event.data, actor: event.actor, revid: event.revid };
	const draft = ( key: string, channel: Channel, target: string, recipients: string[] ): NoticeDraft => ( {
		key, kind: event.kind, request: event.request, channel, target, recipients, eventAt: event.at, data,
	} );
	const talkCopies = ( names: readonly string[] ): NoticeDraft[] => names.map( ( name ) => draft(
		`${ event.key }-talk-${ nameKey( name ) }`, 'talk', userTalk( name ), [ name ] ) );
	const configuredTalk = config.notifications.userTalk.includes( event.kind );
	switch ( kind.channel ) {
		case 'talk':
			return people.map( ( name ) => draft( people.length === 1 ? event.key : `${ event.key }-talk-${ nameKey( name ) }`, 'talk',
				userTalk( name ), [ name ] ) );
		case 'digest': {
			const drafts: NoticeDraft[] = [];
			const everyone = new Set<string>();
			const unreached = new Set<string>();
			for ( const [ index, { board, contacts } ] of digestBoards( request, hubs, input ).entries() ) {
				// A hub the request is only routed to is told through its own contacts.
				const told = contacts ? recipientsOf( contacts, event.actor ) : people;
				told.forEach( ( name ) => everyone.add( name ) );
				told.slice( MAX_MENTIONS ).forEach( ( name ) => unreached.add( name ) );
				drafts.push( draft( index === 0 ? event.key : `${ event.key }-board-${ nameKey( board ) }`, 'digest', board,
					told.slice( 0, MAX_MENTIONS ) ) );
			}
			return [ ...drafts, ...talkCopies( [ ...( configuredTalk ? everyone : unreached ) ] ) ];
		}
		case 'request': {
			if ( !request ) {
				return [];
			}
			// The request page reaches people by mentioning them, when it is a discussion page and
			// for up to MAX_MENTIONS people; everyone else is told on their user talk page.
			const mentioned = config.notifications.mentions ? people.slice( 0, MAX_MENTIONS ) : [];
			const unreached = people.filter( ( name ) => !mentioned.includes( name ) );
			return [ draft( event.key, 'request', request.page, mentioned ),
				...talkCopies( configuredTalk ? people : unreached ) ];
		}
	}
}

/** The notices every event since `since` calls for, and what each request's snapshot becomes. */
export function detect( input: DetectInput ): Detected {
	const { config, now, since } = input;
	const hubs = new Map( input.hubs.map( ( h ) => [ h.key, h ] ) );
	const history = new Map<number, StatusChange[]>();
	for ( const change of input.history ) {
		history.set( change.requestNumber, [ ...( history.get( change.requestNumber ) ?? [] ), change ] );
	}
	const enabled = NOTICE_KINDS.filter( ( kind ) => kindEnabled( kind, config ) );
	const events: { event: NoticeEvent; request: StoredRequest | null }[] = [];
	const snapshots: Snapshot[] = [];
	for ( const request of input.requests ) {
		const changes = [ ...( history.get( request.number ) ?? [] ) ].sort( ( a, b ) => a.revid - b.revid );
		const snapshot = input.snapshots.get( request.number ) ?? null;
		const creation = changes.find( ( c ) => c.from === '' ) ?? null;
		const created = creation?.at ?? request.record.created;
		const situation: RequestSituation = {
			request, snapshot, creation, current: changes[ changes.length - 1 ] ?? null,
			changes: changes.filter( ( c ) => c.from !== '' && ( !snapshot || c.revid > snapshot.revid ) ),
			createdSince: created >= since, config, now,
		};
		for ( const kind of enabled ) {
			const definition = KINDS[ kind ];
			if ( definition.scope === 'request' ) {
				events.push( ...definition.events( situation ).map( ( event ) => ( { event, request } ) ) );
			}
		}
		const next = snapshotOf( request );
		if ( !snapshot || !sameSnapshot( snapshot, next ) ) {
			snapshots.push( next );
		}
	}
	for ( const coach of input.coaches ) {
		for ( const kind of enabled ) {
			const definition = KINDS[ kind ];
			if ( definition.scope === 'coach' ) {
				const found = definition.events( { coach, config, now } );
				events.push( ...found.map( ( event ) => ( { event, request: null } ) ) );
			}
		}
	}
	const notices = events.filter( ( { event } ) => event.at >= since )
		.flatMap( ( { event, request } ) => route( event, request, hubs, input ) );
	return { notices, snapshots };
}
