/**
 * What the client features read from the wiki besides the page they are on: the configuration,
 * the topics taxonomy, the bot's JSON indexes, and language names in the reader's language.
 * One request each (the indexes: see loadManifest and loadParts); every failure is returned (as a
 * message key for the caller to show), never swallowed.
 */
import type { UnknownApiParams } from 'types-mediawiki-api';
import { CONFIG_PAGE, DEFAULT_CONFIG, parseConfig, type CapacityConfig } from '../core/config';
import {
	entryKey, partFor, readManifest, readPart,
	type EntryOf, type IndexKey, type IndexName, type Manifest, type PartRef,
} from '../core/indexes';
import type { Problem } from '../core/messages';
import { HUB_SCHEMA, type Hub } from '../core/model';
import { coachUser, hubKey, sitePages } from '../core/pages';
import { namespaced, readRecordPages } from './recordPages';
import { indexTopics, localizeTopics, validateTaxonomy, type Taxonomy, type TopicIndex } from '../core/taxonomy';

type Revision = { revid: number; timestamp: string; slots: { main: { content: string } } };
type RevisionsResponse = { query: { pages: { missing?: boolean; revisions?: Revision[] }[] } };

export interface JsonPage {
	/** Parsed JSON, or undefined when the page does not exist. */
	json: unknown;
	revid: number;
	timestamp: string;
}

/** Reads a page's content as JSON in one request. Missing page: json undefined. Bad JSON: throws. */
export async function readJsonPage( api: mw.Api, title: string ): Promise<JsonPage> {
	const response = await api.get( {
		action: 'query', titles: title, prop: 'revisions', rvprop: [ 'content', 'ids', 'timestamp' ], rvslots: 'main',
		formatversion: 2,
	} ) as RevisionsResponse;
	const page = response.query.pages[ 0 ];
	const revision = page?.revisions?.[ 0 ];
	if ( !page || page.missing || !revision ) {
		return { json: undefined, revid: 0, timestamp: '' };
	}
	return { json: JSON.parse( revision.slots.main.content ), revid: revision.revid, timestamp: revision.timestamp };
}

/** The configuration page, with defaults for what is missing and the problems of what is wrong. */
export async function loadConfig( api: mw.Api ): Promise<{ config: CapacityConfig; problems: Problem[] }> {
	const page = await readJsonPage( api, CONFIG_PAGE );
	return page.json === undefined ? { config: DEFAULT_CONFIG, problems: [] } : parseConfig( page.json );
}

export interface LoadedTaxonomy {
	taxonomy: Taxonomy | null;
	index: TopicIndex;
	problems: Problem[];
}

/**
 * `<base>/Topics.json`; an invalid or missing page gives an empty taxonomy and its problems. The
 * default topics, named by messages, come labelled in the reader's language.
 */
export async function loadTaxonomy( api: mw.Api, base: string ): Promise<LoadedTaxonomy> {
	const page = await readJsonPage( api, sitePages( base ).topics );
	if ( page.json === undefined ) {
		const missing = { field: null, key: 'capacitybuilding-topics-missing' as const, params: [ sitePages( base ).topics ] };
		return { taxonomy: null, index: new Map(), problems: [ missing ] };
	}
	const { taxonomy: valid, problems } = validateTaxonomy( page.json );
	const taxonomy = valid && localizeTopics( valid, String( mw.config.get( 'wgUserLanguage' ) ),
		( key ) => mw.message( key ).exists() ? mw.message( key ).text() : null );
	return { taxonomy, index: taxonomy ? indexTopics( taxonomy ) : new Map(), problems };
}

const MANIFEST_TITLE: Record<IndexName, 'requestsJson' | 'coachesJson' | 'hubsJson'> = {
	requests: 'requestsJson', coaches: 'coachesJson', hubs: 'hubsJson',
};

/**
 * The manifest of one of the bot's indexes (`<base>/Requests.json`, `Coaches.json`, `Hubs.json`;
 * format in core/indexes.ts), in one request; null when missing or of another version.
 */
export async function loadManifest( api: mw.Api, base: string, index: IndexName ): Promise<Manifest | null> {
	return readManifest( ( await readJsonPage( api, sitePages( base )[ MANIFEST_TITLE[ index ] ] ) ).json, index );
}

/** A part could not be read as its manifest names it (deleted, hidden, or not a part). */
export class IndexPartError extends Error {}

/** Part revisions a request asks for: MediaWiki's limit of ids, and well under its 8 MiB result size. */
const PARTS_PER_REQUEST = 50;
const BYTES_PER_REQUEST = 6 * 1024 * 1024;

type PartsResponse = {
	query?: {
		pages?: { title: string; revisions?: { revid: number; slots?: { main?: { content?: string } } }[] }[];
		badrevids?: unknown;
	};
	continue?: Record<string, string>;
};

/** Parts in groups for one request each: the first part alone (so it arrives first), then as many as fit. */
function partGroups( parts: readonly PartRef[] ): PartRef[][] {
	const groups: PartRef[][] = [];
	let group: PartRef[] = [];
	let bytes = 0;
	parts.forEach( ( part, i ) => {
		const full = group.length >= PARTS_PER_REQUEST || bytes + part.bytes > BYTES_PER_REQUEST;
		if ( group.length && ( i === 1 || full ) ) {
			groups.push( group );
			group = [];
			bytes = 0;
		}
		group.push( part );
		bytes += part.bytes;
	} );
	if ( group.length ) {
		groups.push( group );
	}
	return groups;
}

/**
 * Entries of an index, read from the part revisions its manifest names (so they are the snapshot
 * the manifest describes, whatever happened to the part pages since): the first part in a request
 * of its own, the others up to 50 (or 6 MiB) a request, all requests at once. `onPart` is called as
 * each part arrives, so a view can show the first entries before the rest.
 *
 * @param api
 * @param manifest
 * @param index Which index the manifest is of
 * @param options
 * @param options.parts Only these parts (default: all)
 * @param options.onPart Called for each part as it is read
 * @return The entries, in key order
 * @throws {IndexPartError} when a part is missing or not a part of this index
 */
export async function loadParts<N extends IndexName>( api: mw.Api, manifest: Manifest, index: N, options: {
	parts?: readonly PartRef[];
	onPart?: ( part: PartRef, entries: EntryOf[ N ][] ) => void;
} = {} ): Promise<EntryOf[ N ][]> {
	const parts = options.parts ?? manifest.parts;
	const read = new Map<number, EntryOf[ N ][]>();
	await Promise.all( partGroups( parts ).map( async ( group ) => {
		const contents = new Map<number, { title: string; content: string }>();
		let next: Record<string, string> | undefined = {};
		while ( next ) {
			const response = await api.get( {
				action: 'query', revids: group.map( ( part ) => part.revid ), prop: 'revisions', rvprop: [ 'ids', 'content' ],
				rvslots: 'main', formatversion: 2, ...next,
			} ) as PartsResponse;
			for ( const page of response.query?.pages ?? [] ) {
				for ( const revision of page.revisions ?? [] ) {
					const content = revision.slots?.main?.content;
					if ( content !== undefined ) {
						contents.set( revision.revid, { title: page.title, content } );
					}
				}
			}
			next = response.continue;
		}
		for ( const part of group ) {
			const found = contents.get( part.revid );
			let entries: EntryOf[ N ][] | null = null;
			try {
				entries = found && found.title === part.page ? readPart( JSON.parse( found.content ), index ) : null;
			} catch {
				entries = null;
			}
			if ( !entries ) {
				throw new IndexPartError( part.page );
			}
			read.set( part.id, entries );
			options.onPart?.( part, entries );
		}
	} ) );
	return parts.flatMap( ( part ) => read.get( part.id ) ?? [] );
}

/** An index: its manifest and every entry; null when missing, of another version, or a part is unreadable. */
export async function loadIndex<N extends IndexName>( api: mw.Api, base: string,
	index: N ): Promise<{ manifest: Manifest; entries: EntryOf[ N ][] } | null> {
	const manifest = await loadManifest( api, base, index );
	if ( !manifest ) {
		return null;
	}
	try {
		return { manifest, entries: await loadParts( api, manifest, index ) };
	} catch ( error ) {
		if ( error instanceof IndexPartError ) {
			return null;
		}
		throw error;
	}
}

/**
 * One entry of an index by its key (request number, username, hub key) in two requests: the
 * manifest (unless given) and the one part that holds the key. Null when the index does not list it.
 */
export async function loadIndexEntry<N extends IndexName>( api: mw.Api, base: string, index: N, key: IndexKey,
	manifest?: Manifest | null ): Promise<EntryOf[ N ] | null> {
	const known = manifest === undefined ? await loadManifest( api, base, index ) : manifest;
	const part = known ? partFor( known, key ) : null;
	if ( !known || !part ) {
		return null;
	}
	const entries = await loadParts( api, known, index, { parts: [ part ] } );
	return entries.find( ( entry ) => entryKey( index, entry ) === key ) ?? null;
}

export interface LanguageName {
	/** In the reader's language. */
	name: string;
	/** In the language itself. */
	autonym: string;
}

type LanguageInfoResponse = {
	query: { languageinfo: Record<string, LanguageName & { code: string }> };
	continue?: { licontinue: string };
};

/**
 * Names of languages as MediaWiki gives them, in the reader's language (`meta=languageinfo`):
 * code → { name, autonym }.
 */
export async function loadLanguageNames( api: mw.Api, uselang: string ): Promise<Map<string, LanguageName>> {
	const names = new Map<string, LanguageName>();
	let licontinue: string | undefined;
	do {
		const response = await api.get( {
			action: 'query', meta: 'languageinfo', liprop: [ 'code', 'name', 'autonym' ], uselang, formatversion: 2,
			...( licontinue ? { licontinue } : {} ),
		} ) as LanguageInfoResponse;
		for ( const info of Object.values( response.query.languageinfo ) ) {
			names.set( info.code, { name: info.name, autonym: info.autonym } );
		}
		licontinue = response.continue?.licontinue;
	} while ( licontinue );
	return names;
}

/** The reader's language and its fallbacks, ending in English. */
export function languageChain(): string[] {
	const chain = mw.language.getFallbackLanguageChain();
	return chain.includes( 'en' ) ? chain : [ ...chain, 'en' ];
}

/** Runs a query to its end, following `continue`, and returns every response. */
async function queryAll<T extends { continue?: Record<string, string> }>(
	api: mw.Api, params: UnknownApiParams,
): Promise<T[]> {
	const responses: T[] = [];
	let next: Record<string, string> | undefined = {};
	while ( next ) {
		const response = await api.get( { ...params, ...next } ) as T;
		responses.push( response );
		next = response.continue;
	}
	return responses;
}

/**
 * Every hub (pages `<base>/Hubs/<key>`), read 50 pages a request, by key. Pages without a readable
 * `{{Capacity hub}}` are left out and named in `unreadable`.
 */
export async function loadHubs( api: mw.Api, base: string ): Promise<{ hubs: Map<string, Hub>; unreadable: string[] }> {
	const { records, unreadable } = await readRecordPages( api, base, 'Hubs', HUB_SCHEMA );
	const hubs = new Map<string, Hub>();
	for ( const { title, record } of records ) {
		const key = hubKey( base, title );
		if ( key !== null ) {
			hubs.set( key, record );
		}
	}
	return { hubs, unreadable: unreadable.filter( ( title ) => hubKey( base, title ) !== null ) };
}

/** Usernames that have a coach profile page (`<base>/Coaches/<Username>`). */
export async function loadCoachUsers( api: mw.Api, base: string ): Promise<Set<string>> {
	const { namespace, prefix } = namespaced( base );
	type Response = { query?: { allpages?: { title: string }[] }; continue?: Record<string, string> };
	const responses = await queryAll<Response>( api, {
		action: 'query', list: 'allpages', apnamespace: namespace, apprefix: `${ prefix }/Coaches/`, aplimit: 'max', formatversion: 2,
	} );
	const users = new Set<string>();
	for ( const page of responses.flatMap( ( response ) => response.query?.allpages ?? [] ) ) {
		const user = coachUser( base, page.title );
		if ( user !== null ) {
			users.add( user );
		}
	}
	return users;
}
