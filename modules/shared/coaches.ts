/**
 * Where the coaches come from on the client: the bot's index `<base>/Coaches.json` (a manifest and
 * its parts, core/indexes.ts) when it is there and up to date, otherwise the profile pages
 * themselves, read through the API 50 at a time (so the directory and the suggestions work before
 * the bot has ever run). Shared by the directory, the request page's suggestions and the profile form.
 */
import type { IndexedCoach } from '../core/indexes';
import { COACH_SCHEMA } from '../core/model';
import { coachUser } from '../core/pages';
import { namespaced, readRecordPages, PAGE_BATCH } from './recordPages';
import { IndexPartError, loadManifest, loadParts } from './siteData';

/** Why the pages were read instead of the index. */
export type StaleReason = 'missing' | 'outdated';

export interface LoadedCoaches {
	coaches: IndexedCoach[];
	/** Null when the index was used; otherwise why it was not. */
	fallback: StaleReason | null;
	/** Profile pages that hold no readable `{{Capacity coach}}` (listed, not hidden). */
	unreadable: string[];
}

type RecentChange = { title: string; timestamp: string };
type RecentChangesResponse = { query: { recentchanges: RecentChange[] }; continue?: Record<string, string> };

/**
 * Whether a coach profile (or, with `isRecordPage`, another record page) was edited after an index
 * was generated: the recent changes of the base page's namespace since then, most often one request.
 */
export async function editedSince(
	api: mw.Api, base: string, since: string,
	isRecordPage: ( title: string ) => boolean = ( title ) => coachUser( base, title ) !== null,
): Promise<boolean> {
	const { namespace } = namespaced( base );
	let cont: Record<string, string> | undefined;
	do {
		const response = await api.get( {
			action: 'query', list: 'recentchanges', rcnamespace: namespace, rcend: since, rcdir: 'older',
			rctype: [ 'edit', 'new' ], rcprop: [ 'title', 'timestamp' ], rclimit: 'max', formatversion: 2,
			... cont,
		} ) as RecentChangesResponse;
		const changes = response.query.recentchanges.filter( ( change ) => change.timestamp > since );
		if ( changes.some( ( change ) => isRecordPage( change.title ) ) ) {
			return true;
		}
		cont = response.continue;
	} while ( cont );
	return false;
}

/** Every profile page under `<base>/Coaches/`, 50 per request, parsed with the core codec. */
export async function readProfilePages(
	api: mw.Api, base: string,
): Promise<{ coaches: IndexedCoach[]; unreadable: string[] }> {
	const { records, unreadable } = await readRecordPages( api, base, 'Coaches', COACH_SCHEMA );
	const coaches: IndexedCoach[] = [];
	for ( const { title, revid, timestamp, record, malformed } of records ) {
		const user = coachUser( base, title );
		if ( user !== null ) {
			coaches.push( {
				user, page: title, revid, updated: timestamp, profile: record,
				// What the bot would report is unknown here; a malformed template is not.
				problems: 0, state: malformed ? 'malformed' : 'valid',
				// Unknown without the bot's index of requests; matching then treats every coach as free.
				activeRequests: 0,
			} );
		}
	}
	coaches.sort( ( a, b ) => a.user.localeCompare( b.user ) );
	// Only profile pages count: the bot's human-readable Coaches/Index and sub-pages hold no profile.
	return { coaches, unreadable: unreadable.filter( ( title ) => coachUser( base, title ) !== null ) };
}

/**
 * The coaches, from the index when it is present and current, otherwise from the pages.
 *
 * @param api
 * @param base The base page
 * @param onFirst Called with the coaches of the index's first part as soon as they are read and
 *  known to be current (the index has more parts to come): a view can show them at once
 */
export async function loadCoaches( api: mw.Api, base: string,
	onFirst?: ( coaches: IndexedCoach[] ) => void ): Promise<LoadedCoaches> {
	const manifest = await loadManifest( api, base, 'coaches' );
	let fallback: StaleReason | null = manifest ? null : 'missing';
	let indexed: IndexedCoach[] | null = null;
	if ( manifest ) {
		const outdated = editedSince( api, base, manifest.generated );
		const first = manifest.parts[ 0 ];
		try {
			[ indexed ] = await Promise.all( [
				loadParts( api, manifest, 'coaches', { onPart: ( part, entries ) => {
					if ( onFirst && part === first && manifest.parts.length > 1 ) {
						outdated.then( ( stale ) => stale || onFirst( entries ), () => undefined );
					}
				} } ),
				outdated,
			] );
		} catch ( error ) {
			if ( !( error instanceof IndexPartError ) ) {
				throw error;
			}
			fallback = 'missing';
		}
		if ( !fallback && await outdated ) {
			fallback = 'outdated';
		}
	}
	if ( indexed && !fallback ) {
		return { coaches: indexed, fallback: null, unreadable: [] };
	}
	const pages = await readProfilePages( api, base );
	if ( indexed ) {
		// Keep the bot's count of active requests, which pages alone do not tell.
		const load = new Map( indexed.map( ( coach ) => [ coach.user, coach.activeRequests ] ) );
		pages.coaches.forEach( ( coach ) => {
			coach.activeRequests = load.get( coach.user ) ?? 0;
		} );
	}
	return { ...pages, fallback };
}

type UsersResponse = { query: { users: { name: string; emailable?: boolean; missing?: boolean }[] } };

/** Which of these users accept email through Special:EmailUser, 50 names per request. */
export async function emailableUsers( api: mw.Api, users: readonly string[] ): Promise<Set<string>> {
	const emailable = new Set<string>();
	for ( let i = 0; i < users.length; i += PAGE_BATCH ) {
		const response = await api.get( {
			action: 'query', list: 'users', ususers: users.slice( i, i + PAGE_BATCH ), usprop: 'emailable', formatversion: 2,
		} ) as UsersResponse;
		response.query.users.filter( ( user ) => user.emailable ).forEach( ( user ) => emailable.add( user.name ) );
	}
	return emailable;
}
