/**
 * The shared fake wiki (fakeWikiApi.ts) with page histories, for the views that judge: every save
 * is a revision with its author (`editor`), time and edit summary, and the fake answers what the
 * judging views read — a page's revisions from one on (`rvstartid`, `rvdir=newer`, `rvlimit` with
 * continuation, `prop=info`'s `lastrevid`), revisions by id (page revisions and the parts of
 * published indexes), recent changes with ids, and every page under a prefix with its latest
 * revision and contributors (`generator=allpages`). `publish` puts a published index in place (its
 * manifest a page, its parts revisions, as the bot writes them), and `requests` counts the API's
 * read requests.
 */
import $ from 'jquery';
import { entryKey, type EntryOf, type IndexName } from '../../../modules/core/indexes';
import { createFakeWiki, type FakeWiki } from './fakeWikiApi';
import { publishedIndex } from './indexFixtures';

export interface Revision {
	revid: number;
	parentid: number;
	user: string;
	timestamp: string;
	comment: string;
	/** null: hidden. */
	text: string | null;
}

export interface HistoryWiki extends FakeWiki {
	/** Who the next saves are made by (the fake API has no login); '' for a hidden username. */
	editor: string;
	/** The edit summary of the next saves made with `put`. */
	comment: string;
	/** Revisions by page title, oldest first. */
	history: Map<string, Revision[]>;
	/** Saves a page as `user`. */
	putAs( user: string, title: string, text: string, comment?: string ): Revision;
	/** Revisions of index parts, by id. */
	parts: Map<number, { title: string; json: unknown }>;
	/** Publishes an index as the bot does (the manifest a page, its parts revisions of their own). */
	publish<N extends IndexName>( base: string, index: N, entries: EntryOf[ N ][], options?: { generated?: string; perPart?: number } ): void;
	/** Every read request, in order. */
	requests: Record<string, unknown>[];
	/** The fake's revisions read with content at most per request (MediaWiki: 50). */
	contentLimit: number;
}

function normalize( title: string ): string {
	const spaced = title.replace( /_/g, ' ' ).trim();
	return spaced.charAt( 0 ).toUpperCase() + spaced.slice( 1 );
}

function list( value: unknown ): string[] {
	return Array.isArray( value ) ? value.map( String ) : String( value ?? '' ).split( '|' );
}

function apiRevision( revision: Revision ): Record<string, unknown> {
	return {
		revid: revision.revid, parentid: revision.parentid, timestamp: revision.timestamp,
		...( revision.user === '' ? { userhidden: true } : { user: revision.user } ),
		comment: revision.comment,
		slots: { main: revision.text === null ? { texthidden: true } : { content: revision.text } },
	};
}

export function createHistoryWiki(): HistoryWiki {
	const base = createFakeWiki();
	const wiki = base as HistoryWiki;
	wiki.editor = 'Someone';
	wiki.comment = '';
	wiki.history = new Map();
	wiki.parts = new Map();
	wiki.requests = [];
	wiki.contentLimit = 50;
	const put = base.put.bind( base );
	wiki.put = ( title, text ) => {
		const page = put( title, text );
		const key = normalize( title );
		const revisions = wiki.history.get( key ) ?? [];
		// A save through the API keeps its edit summary.
		const edit = base.edits.at( -1 );
		const comment = edit && edit.text === text && typeof edit.summary === 'string' ? edit.summary : wiki.comment;
		revisions.push( { revid: page.revid, parentid: revisions.at( -1 )?.revid ?? 0, user: wiki.editor, timestamp: page.timestamp, comment, text } );
		wiki.history.set( key, revisions );
		return page;
	};
	wiki.putAs = ( user, title, text, comment = '' ) => {
		const [ editor, summary ] = [ wiki.editor, wiki.comment ];
		wiki.editor = user;
		wiki.comment = comment;
		wiki.put( title, text );
		wiki.editor = editor;
		wiki.comment = summary;
		return wiki.history.get( normalize( title ) )?.at( -1 ) as Revision;
	};
	wiki.publish = ( basePage, index, entries, options = {} ) => {
		const sorted = [ ...entries ].sort( ( a, b ) => {
			const [ x, y ] = [ entryKey( index, a ), entryKey( index, b ) ];
			return typeof x === 'number' && typeof y === 'number' ? x - y : String( x ) < String( y ) ? -1 : 1;
		} );
		const generated = options.generated ?? entries.map( ( e ) => e.updated ).sort().at( -1 ) ?? '';
		const published = publishedIndex( basePage, index, sorted, { generated, perPart: options.perPart } );
		published.revisions.forEach( ( revision, revid ) => wiki.parts.set( revid, revision ) );
		wiki.putAs( 'CapacityBot', published.manifestTitle, JSON.stringify( published.manifest ) );
	};

	const allRevisions = (): Map<number, { title: string; revision: Revision }> => {
		const byId = new Map<number, { title: string; revision: Revision }>();
		wiki.history.forEach( ( revisions, title ) => revisions.forEach( ( revision ) => byId.set( revision.revid, { title, revision } ) ) );
		return byId;
	};

	const answer = ( params: Record<string, unknown> ): unknown | undefined => {
		const props = list( params.prop );
		if ( params.list === 'users' ) {
			return { query: { users: list( params.ususers ).map( ( name ) => ( { name } ) ) } };
		}
		if ( params.revids !== undefined ) {
			const pages = new Map<string, { title: string; revisions: unknown[] }>();
			const byId = allRevisions();
			const bad: number[] = [];
			for ( const id of list( params.revids ).map( Number ) ) {
				const part = wiki.parts.get( id );
				const page = byId.get( id );
				const title = part?.title ?? page?.title;
				if ( !title ) {
					bad.push( id );
					continue;
				}
				const entry = pages.get( title ) ?? { title, revisions: [] };
				entry.revisions.push( part ? { revid: id, slots: { main: { content: JSON.stringify( part.json ) } } } :
					apiRevision( ( page as { revision: Revision } ).revision ) );
				pages.set( title, entry );
			}
			const badrevids = Object.fromEntries( bad.map( ( id ) => [ id, { revid: id, missing: true } ] ) );
			return { query: { pages: [ ...pages.values() ], ...( bad.length ? { badrevids } : {} ) } };
		}
		if ( typeof params.titles === 'string' && props.includes( 'revisions' ) && params.rvdir === 'newer' ) {
			const title = normalize( params.titles );
			const revisions = wiki.history.get( title );
			if ( !revisions || !base.pages.has( title ) ) {
				return { curtimestamp: '2026-12-31T00:00:00Z', query: { pages: [ { title, missing: true } ] } };
			}
			let from = 0;
			if ( params.rvstartid !== undefined ) {
				const start = allRevisions().get( Number( params.rvstartid ) );
				if ( !start ) {
					return { error: 'nosuchrevid' };
				}
				// As MediaWiki: from that revision's time (and id), whatever page it belongs to.
				from = revisions.findIndex( ( r ) => r.timestamp > start.revision.timestamp ||
					( r.timestamp === start.revision.timestamp && r.revid >= start.revision.revid ) );
				from = from < 0 ? revisions.length : from;
			}
			if ( params.rvcontinue !== undefined ) {
				from = Number( params.rvcontinue );
			}
			const limit = params.rvlimit === 'max' ? wiki.contentLimit : Number( params.rvlimit ?? 1 );
			const slice = revisions.slice( from, from + limit );
			return {
				curtimestamp: '2026-12-31T00:00:00Z',
				query: { pages: [ { title, lastrevid: revisions.at( -1 )?.revid, revisions: slice.map( apiRevision ) } ] },
				...( from + limit < revisions.length ? { continue: { rvcontinue: String( from + limit ), continue: '||' } } : {} ),
			};
		}
		if ( params.list === 'recentchanges' && list( params.rcprop ).includes( 'ids' ) ) {
			const changes: Record<string, unknown>[] = [];
			wiki.history.forEach( ( revisions, title ) => revisions.forEach( ( revision ) => changes.push( {
				// eslint-disable-next-line camelcase
				type: revision.parentid ? 'edit' : 'new', title, revid: revision.revid, old_revid: revision.parentid,
				timestamp: revision.timestamp,
			} ) ) );
			const since = String( params.rcend ?? '' );
			return { query: { recentchanges: changes.filter( ( c ) => String( c.timestamp ) >= since )
				.sort( ( a, b ) => Number( b.revid ) - Number( a.revid ) ).slice( 0, 500 ) } };
		}
		if ( params.generator === 'allpages' ) {
			const prefix = String( params.gapprefix );
			const titles = [ ...base.pages.keys() ].filter( ( title ) => title.startsWith( prefix ) ).sort();
			const offset = Number( params.gapcontinue ?? 0 );
			const limit = Number( params.gaplimit ?? 10 );
			const batch = titles.slice( offset, offset + limit );
			return {
				query: { pages: batch.map( ( title ) => {
					const revisions = wiki.history.get( title ) ?? [];
					const latest = revisions.at( -1 );
					const named = [ ...new Set( revisions.map( ( r ) => r.user ).filter( ( user ) => user !== '' && !/^\d+\.\d+\.\d+\.\d+$/.test( user ) ) ) ];
					return {
						title, revisions: latest ? [ apiRevision( latest ) ] : [],
						...( props.includes( 'contributors' ) ? {
							contributors: named.map( ( name ) => ( { name } ) ),
							anoncontributors: new Set( revisions.map( ( r ) => r.user ).filter( ( user ) => /^\d+\.\d+\.\d+\.\d+$/.test( user ) ) ).size,
						} : {} ),
					};
				} ) },
				...( offset + batch.length < titles.length ? { continue: { gapcontinue: String( offset + batch.length ), continue: 'gapcontinue||' } } : {} ),
			};
		}
		return undefined;
	};

	const get = base.api.get as jest.Mock;
	const original = get.getMockImplementation() as ( params: Record<string, unknown> ) => JQuery.Promise<unknown>;
	get.mockImplementation( ( params: Record<string, unknown> ) => {
		wiki.requests.push( params );
		const response = answer( params ) as { error?: string } | undefined;
		if ( response === undefined ) {
			return original( params );
		}
		const deferred = $.Deferred();
		setTimeout( () => {
			if ( response.error ) {
				deferred.reject( response.error, { errors: [ { code: response.error } ] } );
			} else {
				deferred.resolve( response );
			}
		} );
		return deferred.promise();
	} );
	return wiki;
}
