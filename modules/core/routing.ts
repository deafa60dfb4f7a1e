/**
 * Routing: which hubs could take on a request that has no hub yet (docs/data-model.md, "Routing").
 * Pure and isomorphic; the bot publishes the result in the request's index entry (`route`), and
 * only a person's edit (a hub contact's triage) ever sets the request's `hub`.
 *
 * Who covers a request:
 * - a **regional** hub covers it when the hub lists the request's region;
 * - a **thematic** hub covers it when the hub lists one of the request's topics *and* a language
 *   matches: the hub lists one of the request's languages, or the request accepts any language
 *   (it lists ANY_LANGUAGE, "mul", or no language at all — as matching does).
 * Region codes are compared without regard to case, language codes too (BCP 47 codes are
 * case-insensitive); topic keys exactly. Values are trimmed first.
 *
 * Tie rule (a total order, so the result never depends on the order hubs were read in): regional
 * hubs before thematic ones; then the hub that lists more of the request's topics; then more of
 * its languages; then the hub key in UTF-16 code unit order (compareKeys: never by locale, so
 * every reader and the bot agree).
 *
 * Requests that are not routed: those with a hub (even one that does not exist: that is for
 * people to sort out) and those in a final status (completed, declined, withdrawn). A request no
 * hub covers goes to the programme admins' queue (`queue: 'admins'`).
 *
 * Hub records are read defensively, since they hold what their page says: a hub whose accepted
 * revision is malformed, whose kind is neither value, or whose fields are absent or not what the
 * model says (a string where a list belongs…) covers nothing by the fields it lacks. A hub key
 * listed twice counts once (the first).
 */
import { compareKeys } from './indexes';
import { ANY_LANGUAGE, FINAL_STATUSES, type CapacityRequest } from './model';

/** At most this many candidates are published for one request (the best ones), so entries stay small. */
export const ROUTE_MAX_CANDIDATES = 5;

/** A hub as routing sees it: its key and its record as read (possibly incomplete or malformed). */
export interface RoutableHub {
	key: string;
	hub: unknown;
	/** The accepted revision's state in the index; a malformed hub is not routed to. */
	state?: string;
}

/** Where a request without a hub should go. */
export interface Route {
	/** Candidate hub keys, best first (at most ROUTE_MAX_CANDIDATES). */
	hubs: string[];
	/** `hubs`: some hub covers the request; `admins`: none does, so it is in the programme admins' queue. */
	queue: 'hubs' | 'admins';
}

interface Candidate {
	key: string;
	regional: boolean;
	topics: number;
	languages: number;
}

/** A list field of a record as trimmed strings ([] when absent or not a list of strings). */
function listOf( record: Record<string, unknown>, field: string ): string[] {
	const value = record[ field ];
	if ( typeof value === 'string' ) {
		// A comma list where a list belongs: read as the template would.
		return value.split( ',' ).map( ( item ) => item.trim() ).filter( Boolean );
	}
	return Array.isArray( value ) ?
		value.filter( ( item ): item is string => typeof item === 'string' ).map( ( item ) => item.trim() ).filter( Boolean ) :
		[];
}

function count( wanted: ReadonlySet<string>, offered: readonly string[] ): number {
	return new Set( offered.filter( ( item ) => wanted.has( item ) ) ).size;
}

/**
 * The route of a request: null when it is not to be routed (it has a hub, or is closed); otherwise
 * the hubs that cover it, best first, or the programme admins' queue when none does.
 *
 * @param request The request's accepted record
 * @param hubs The accepted hubs
 */
export function routeRequest( request: CapacityRequest, hubs: readonly RoutableHub[] ): Route | null {
	if ( String( request.hub ?? '' ).trim() !== '' || ( FINAL_STATUSES as readonly string[] ).includes( request.status ) ) {
		return null;
	}
	const region = String( request.region ?? '' ).trim().toUpperCase();
	const topics = new Set( listOf( request as unknown as Record<string, unknown>, 'topics' ) );
	const requested = listOf( request as unknown as Record<string, unknown>, 'languages' ).map( ( code ) => code.toLowerCase() );
	const languages = new Set( requested.filter( ( code ) => code !== ANY_LANGUAGE ) );
	const anyLanguage = requested.length === 0 || requested.includes( ANY_LANGUAGE );

	const seen = new Set<string>();
	const candidates: Candidate[] = [];
	for ( const { key, hub, state } of hubs ) {
		if ( typeof key !== 'string' || key === '' || seen.has( key ) ) {
			continue;
		}
		seen.add( key );
		if ( state === 'malformed' || typeof hub !== 'object' || hub === null || Array.isArray( hub ) ) {
			continue;
		}
		const record = hub as Record<string, unknown>;
		const kind = typeof record.kind === 'string' ? record.kind.trim().toLowerCase() : '';
		const sharedTopics = count( topics, listOf( record, 'topics' ) );
		const sharedLanguages = count( languages, listOf( record, 'languages' ).map( ( code ) => code.toLowerCase() ) );
		if ( kind === 'regional' ) {
			if ( region !== '' && listOf( record, 'regions' ).some( ( item ) => item.toUpperCase() === region ) ) {
				candidates.push( { key, regional: true, topics: sharedTopics, languages: sharedLanguages } );
			}
		} else if ( kind === 'thematic' && sharedTopics > 0 && ( sharedLanguages > 0 || anyLanguage ) ) {
			candidates.push( { key, regional: false, topics: sharedTopics, languages: sharedLanguages } );
		}
	}
	candidates.sort( ( a, b ) => Number( b.regional ) - Number( a.regional ) || b.topics - a.topics ||
		b.languages - a.languages || compareKeys( a.key, b.key ) );
	const keys = candidates.slice( 0, ROUTE_MAX_CANDIDATES ).map( ( candidate ) => candidate.key );
	return { hubs: keys, queue: keys.length ? 'hubs' : 'admins' };
}
