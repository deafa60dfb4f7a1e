/**
 * The coaches as the client shows them: accepted profiles only, never a profile page's current text
 * (docs/data-model.md, "Judging"). Shared by the directory and the request page's suggestions.
 *
 * From the bot's index `<base>/Coaches.json` (a manifest and its parts, core/indexes.ts): its
 * entries are the profiles the bot accepted. Profiles edited (or created) after the index was
 * generated are found in one request (recent changes since its `generated`), and judged from their
 * published revision with the core judge (their new revisions read batched by revision id:
 * judgedRecords.ts); an accepted newer version replaces the entry, anything else leaves the entry
 * as published. At most JUDGED_PER_VIEW are judged per view; the others keep their published
 * version and are counted in `awaiting`, as are those whose newer edits are not accepted.
 *
 * Without an index (the bot has not published one, or a part cannot be read), the profile pages
 * are read 50 at a time with their contributors (`prop=contributors`): a page that only its coach
 * and admins ever edited shows its latest revision, as judging its history would (the coach and
 * admins may make every change to it); any other page is judged from its first revision, at most
 * JUDGED_PER_VIEW per view (the others are counted in `awaiting` and not shown). A revision whose
 * author was hidden (revision deletion) is not counted among contributors, so on such a page this
 * shortcut can show a change the judge would not accept: the one limit of reading without an index.
 */
import { normalizeUsername, sameUser } from '../core/identifiers';
import type { CoachEntry, IndexedCoach, Manifest, RecordState } from '../core/indexes';
import type { RecordPageKind } from '../core/judge';
import type { CapacityConfig } from '../core/config';
import type { Problem } from '../core/messages';
import { COACH_SCHEMA, type CoachProfile } from '../core/model';
import { isAdmin } from '../core/permissions';
import { coachUser } from '../core/pages';
import { parsePage } from '../core/wikitext/codec';
import { validateCoach } from '../core/validation';
import { findRecentlyEdited, judgeEdited, loadJudgedRecord, type JudgedRecord, type RolesFor } from './judgedRecords';
import { namespaced, PAGE_BATCH } from './recordPages';
import { IndexPartError, loadConfig, loadManifest, loadParts } from './siteData';

/** Profiles judged at most per view (each may cost a request of its own). */
export const JUDGED_PER_VIEW = 20;

/** Why the pages were read instead of the index. */
export type StaleReason = 'missing';

export interface LoadedCoaches {
	coaches: IndexedCoach[];
	/** Null when the index was used; otherwise why it was not. */
	fallback: StaleReason | null;
	/** Profile pages that hold no readable `{{Capacity coach}}` (listed, not hidden). */
	unreadable: string[];
	/** Profiles whose newer edits are not shown: not accepted, or not judged in this view. */
	awaiting: number;
	/** Recent changes were not read to their end: more profiles may await checking. */
	awaitingIncomplete: boolean;
}

/** The codec's problems: the template itself is malformed (a prefix of message keys, not a message). */
const CODEC_PROBLEM = /^capacitybuilding-codec-/;

/** How the bot marks a record whose accepted revision has problems (bot/sync/results.ts). */
function stateOf( problems: readonly Problem[] ): RecordState {
	if ( problems.some( ( p ) => CODEC_PROBLEM.test( p.key ) ) ) {
		return 'malformed';
	}
	return problems.length ? 'invalid' : 'valid';
}

/** A coach entry for a judged profile (the published entry's counts kept when there is one). */
function judgedEntry( user: string, judged: JudgedRecord, published: CoachEntry | undefined ): CoachEntry | null {
	const record = judged.record;
	if ( !record || record.content.kind !== 'coach' ) {
		return null;
	}
	return {
		user, page: judged.title, revid: record.revid, updated: record.timestamp,
		problems: published?.problems ?? 0, state: stateOf( record.problems ),
		profile: record.content.record,
		// Unknown without the bot's index of requests; matching then treats the coach as free.
		activeRequests: published?.activeRequests ?? 0,
	};
}

function coachRoles( config: Promise<{ config: CapacityConfig }> ): RolesFor {
	// A profile's changes are judged by the configuration alone (only its coach and admins may make them).
	return async () => ( { permissions: { config: ( await config ).config, hubs: new Map(), coaches: new Set() } } );
}

function coachKind( base: string ): ( title: string ) => RecordPageKind | null {
	return ( title ) => {
		const user = coachUser( base, title );
		return user === null ? null : { kind: 'coach', user };
	};
}

/**
 * The index's entries with the profiles edited since it was generated judged and merged in.
 */
async function fromIndex( api: mw.Api, base: string, manifest: Manifest, config: Promise<{ config: CapacityConfig }>,
	onFirst?: ( shown: IndexedCoach[] ) => void ): Promise<LoadedCoaches> {
	const first = manifest.parts[ 0 ];
	const [ entries, edited ] = await Promise.all( [
		loadParts( api, manifest, 'coaches', { onPart: ( part, partEntries ) => {
			// The index's first part, shown at once (published profiles are accepted ones).
			if ( onFirst && part === first && manifest.parts.length > 1 ) {
				onFirst( partEntries );
			}
		} } ),
		findRecentlyEdited( api, base, manifest.generated, coachKind( base ) ),
	] );
	const byUser = new Map( entries.map( ( entry ) => [ normalizeUsername( entry.user ), entry ] ) );
	const publishedOf = ( page: RecordPageKind ): number | null => page.kind === 'coach' ?
		byUser.get( normalizeUsername( page.user ) )?.revid ?? null : null;
	const judged = await judgeEdited( api, edited.pages, publishedOf, coachRoles( config ), JUDGED_PER_VIEW );
	let awaiting = judged.notJudged.length;
	for ( const record of judged.judged ) {
		if ( record.page.kind !== 'coach' ) {
			continue;
		}
		const user = normalizeUsername( record.page.user );
		if ( record.pending.length || record.unchecked ) {
			awaiting++;
		}
		const entry = judgedEntry( user, record, byUser.get( user ) );
		if ( entry && record.newerThanPublished ) {
			byUser.set( user, entry );
		}
	}
	const coaches = [ ...byUser.values() ].sort( ( a, b ) => a.user < b.user ? -1 : a.user > b.user ? 1 : 0 );
	return { coaches, fallback: null, unreadable: [], awaiting, awaitingIncomplete: edited.incomplete };
}

type ContributorsResponse = {
	query?: { pages?: {
		title: string;
		missing?: boolean;
		revisions?: { revid: number; timestamp: string; user?: string; slots?: { main?: { content?: string } } }[];
		contributors?: { name: string }[];
		anoncontributors?: number;
	}[]; };
	continue?: Record<string, string>;
};

interface PageFacts {
	title: string;
	latest: { revid: number; timestamp: string; user: string; text: string | null } | null;
	contributors: Set<string>;
	anonymous: number;
}

/**
 * Every profile page without an index: their latest revisions and contributors, 50 pages a request;
 * trusted pages shown from their latest revision, the others judged from their first (see above).
 */
async function fromPages( api: mw.Api, base: string, config: CapacityConfig ): Promise<LoadedCoaches> {
	const { namespace, prefix } = namespaced( base );
	const facts = new Map<string, PageFacts>();
	let next: Record<string, string> | undefined = {};
	while ( next ) {
		const response: ContributorsResponse = await api.get( {
			action: 'query', generator: 'allpages', gapnamespace: namespace, gapprefix: `${ prefix }/Coaches/`,
			gaplimit: PAGE_BATCH, gapfilterredir: 'nonredirects', prop: [ 'revisions', 'contributors' ],
			rvprop: [ 'ids', 'timestamp', 'user', 'content' ], rvslots: 'main', pclimit: 'max', formatversion: 2, ...next,
		} ) as ContributorsResponse;
		for ( const page of response.query?.pages ?? [] ) {
			const known = facts.get( page.title ) ??
				{ title: page.title, latest: null, contributors: new Set<string>(), anonymous: 0 };
			const revision = page.revisions?.[ 0 ];
			if ( revision ) {
				known.latest = { revid: revision.revid, timestamp: revision.timestamp, user: revision.user ?? '',
					text: revision.slots?.main?.content ?? null };
			}
			( page.contributors ?? [] ).forEach( ( contributor ) => known.contributors.add( contributor.name ) );
			known.anonymous = Math.max( known.anonymous, page.anoncontributors ?? 0 );
			facts.set( page.title, known );
		}
		next = response.continue;
	}
	const coaches: IndexedCoach[] = [];
	const unreadable: string[] = [];
	const toJudge: { title: string; user: string }[] = [];
	for ( const page of facts.values() ) {
		const user = coachUser( base, page.title );
		if ( user === null || !page.latest ) {
			continue;
		}
		const allowed = ( name: string ): boolean => sameUser( name, user ) ||
			isAdmin( name, { config, hubs: new Map(), coaches: new Set() } );
		const parsed = page.latest.text === null ? null : parsePage( page.latest.text, COACH_SCHEMA );
		const profile: CoachProfile | undefined = parsed?.parsed?.record;
		if ( !profile ) {
			unreadable.push( page.title );
			continue;
		}
		const trusted = page.anonymous === 0 && page.latest.user !== '' && allowed( page.latest.user ) &&
			[ ...page.contributors ].every( allowed ) && sameUser( profile.user, user );
		if ( !trusted ) {
			toJudge.push( { title: page.title, user } );
			continue;
		}
		const problems = [ ...( parsed?.diagnostics ?? [] ), ...validateCoach( profile, {} ) ];
		coaches.push( {
			user, page: page.title, revid: page.latest.revid, updated: page.latest.timestamp, profile,
			// What the bot would report is unknown here; what is wrong with the values is not.
			problems: 0, state: stateOf( problems ), activeRequests: 0,
		} );
	}
	const judged = await Promise.all( toJudge.slice( 0, JUDGED_PER_VIEW ).map( ( page ) => loadJudgedRecord( api,
		{ title: page.title, page: { kind: 'coach', user: page.user }, published: null },
		coachRoles( Promise.resolve( { config } ) ) ) ) );
	let awaiting = Math.max( 0, toJudge.length - JUDGED_PER_VIEW );
	judged.forEach( ( record, i ) => {
		const user = ( toJudge[ i ] as { user: string } ).user;
		const entry = record ? judgedEntry( user, record, undefined ) : null;
		if ( entry ) {
			coaches.push( entry );
		}
		if ( record && ( record.pending.length || record.unchecked ) ) {
			awaiting++;
		}
	} );
	coaches.sort( ( a, b ) => a.user.localeCompare( b.user ) );
	// Only profile pages count: the bot's human-readable Coaches/Index and sub-pages hold no profile.
	return { coaches, fallback: 'missing', unreadable, awaiting, awaitingIncomplete: false };
}

/**
 * The coaches, accepted ones only: from the index and the profiles judged since, or, without an
 * index, from the pages (see above).
 *
 * @param api
 * @param base The base page
 * @param onFirst Called with the coaches of the index's first part as soon as they are read (the
 *  index has more parts to come): a view can show them at once
 * @param config The configuration, when the caller has read it already
 */
export async function loadCoaches( api: mw.Api, base: string, onFirst?: ( coaches: IndexedCoach[] ) => void,
	config?: CapacityConfig ): Promise<LoadedCoaches> {
	const configRead = config ? Promise.resolve( { config } ) : loadConfig( api );
	const manifest = await loadManifest( api, base, 'coaches' );
	if ( manifest ) {
		try {
			return await fromIndex( api, base, manifest, configRead, onFirst );
		} catch ( error ) {
			if ( !( error instanceof IndexPartError ) ) {
				throw error;
			}
		}
	}
	return fromPages( api, base, ( await configRead ).config );
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
