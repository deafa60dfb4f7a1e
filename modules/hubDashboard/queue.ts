/**
 * A dashboard's intake queue, from the published request index (pure: no wiki).
 *
 * - a hub's queue: the requests triaged to the hub (their accepted `hub`) and those routing sends
 *   to it (the index entry's `route` names it among its candidates: "routed to you");
 * - the programme admins' queue: the requests no hub covers (`route.queue` is `admins`).
 *
 * Closed requests (a final status) are not in a queue. Each item is marked stale by the rule the
 * bot's notices use (core/notices.ts stalePeriods, from the last accepted status change) and
 * unassigned when it has no coach. The route is read defensively: the index is a wiki page.
 */
import type { RequestEntry } from '../core/indexes';
import { FINAL_STATUSES, STATUSES } from '../core/model';
import { stalePeriods } from '../core/notices';

/** Whose queue: one hub's (by key) or the programme admins'. */
export type QueueScope = { kind: 'hub'; key: string } | { kind: 'admins' };

export interface QueueItem {
	entry: RequestEntry;
	/** Routed to this hub, not triaged to it yet. */
	routed: boolean;
	/** Gone a stale period or more without a status change. */
	stale: boolean;
	/** No coach assigned. */
	unassigned: boolean;
	/** Whole days since the request was created (null when its creation time is unreadable). */
	ageDays: number | null;
}

export interface QueueGroup {
	status: string;
	items: QueueItem[];
}

const DAY_MS = 86_400_000;

/** The candidate hubs of an entry's published route ([] when there is none or it is not readable). */
export function routedHubs( entry: RequestEntry ): string[] {
	const hubs = entry.route && Array.isArray( entry.route.hubs ) ? entry.route.hubs : [];
	return hubs.filter( ( hub ): hub is string => typeof hub === 'string' && hub !== '' );
}

/** Whether a request is in a queue, and how: `triaged` (its hub), `routed`, or null. */
export function placeIn( entry: RequestEntry, scope: QueueScope ): 'triaged' | 'routed' | null {
	const request = entry.request;
	if ( ( FINAL_STATUSES as readonly string[] ).includes( request.status ) ) {
		return null;
	}
	const hub = String( request.hub ?? '' ).trim();
	if ( scope.kind === 'admins' ) {
		return hub === '' && entry.route?.queue === 'admins' ? 'routed' : null;
	}
	if ( hub !== '' ) {
		return hub === scope.key ? 'triaged' : null;
	}
	return routedHubs( entry ).includes( scope.key ) ? 'routed' : null;
}

/**
 * The queue's items, grouped by status in the model's order (statuses no one knows last), oldest
 * request first within a group.
 *
 * @param entries Request index entries
 * @param scope Whose queue
 * @param staleAfterDays The configuration's stale period
 * @param now
 */
export function buildQueue( entries: readonly RequestEntry[], scope: QueueScope, staleAfterDays: number,
	now: Date ): QueueGroup[] {
	const groups = new Map<string, QueueItem[]>();
	for ( const entry of entries ) {
		const place = placeIn( entry, scope );
		if ( place === null ) {
			continue;
		}
		const { request } = entry;
		const history = Array.isArray( entry.history ) ? entry.history : [];
		const since = history[ history.length - 1 ]?.at ?? request.created;
		const created = Date.parse( request.created );
		const item: QueueItem = {
			entry, routed: place === 'routed',
			stale: stalePeriods( request.status, since, staleAfterDays, now ) > 0,
			unassigned: !Array.isArray( request.coach ) || request.coach.length === 0,
			ageDays: Number.isNaN( created ) ? null : Math.max( 0, Math.floor( ( now.getTime() - created ) / DAY_MS ) ),
		};
		groups.set( request.status, [ ...( groups.get( request.status ) ?? [] ), item ] );
	}
	const rank = ( status: string ): number => {
		const at = ( STATUSES as readonly string[] ).indexOf( status );
		return at === -1 ? STATUSES.length : at;
	};
	return [ ...groups ].sort( ( a, b ) => rank( a[ 0 ] ) - rank( b[ 0 ] ) || ( a[ 0 ] < b[ 0 ] ? -1 : 1 ) )
		.map( ( [ status, items ] ) => ( {
			status, items: items.sort( ( a, b ) => a.entry.number - b.entry.number ),
		} ) );
}

/** The figures of one hub in a published Statistics.json, read defensively; null when absent. */
export function publishedHubFigures( statistics: unknown, key: string ): Record<'open' | 'medianDaysToTriage' |
	'medianDaysToMatch' | 'completionRate', number | null> | null {
	const hubs = typeof statistics === 'object' && statistics !== null ? ( statistics as { hubs?: unknown } ).hubs : undefined;
	const figures = typeof hubs === 'object' && hubs !== null ? ( hubs as Record<string, unknown> )[ key ] : undefined;
	if ( typeof figures !== 'object' || figures === null ) {
		return null;
	}
	const value = ( name: string ): number | null => {
		const v = ( figures as Record<string, unknown> )[ name ];
		return typeof v === 'number' && Number.isFinite( v ) ? v : null;
	};
	return { open: value( 'open' ), medianDaysToTriage: value( 'medianDaysToTriage' ),
		medianDaysToMatch: value( 'medianDaysToMatch' ), completionRate: value( 'completionRate' ) };
}
