/**
 * The bot's split indexes (format version 2, modules/core/indexes.ts) as fixtures for client tests:
 * a manifest and its parts, each part a revision the fake APIs answer `revids=` queries with.
 */
import { entryKey, INDEX_VERSION, type EntryOf, type IndexName, type Manifest, type Part } from '../../../modules/core/indexes';
import { sitePages } from '../../../modules/core/pages';

export interface PublishedIndex {
	manifestTitle: string;
	manifest: Manifest;
	/** Part revisions by id: the page and its JSON. */
	revisions: Map<number, { title: string; json: Part }>;
}

const TITLES: Record<IndexName, 'requestsJson' | 'coachesJson' | 'hubsJson'> = { requests: 'requestsJson', coaches: 'coachesJson', hubs: 'hubsJson' };

let nextRevid = 5000;

export function publishedIndex<N extends IndexName>( base: string, index: N, entries: EntryOf[ N ][], options: {
	generated: string; perPart?: number;
} ): PublishedIndex {
	const manifestTitle = sitePages( base )[ TITLES[ index ] ];
	const perPart = options.perPart ?? 1000;
	const revisions = new Map<number, { title: string; json: Part }>();
	const manifest: Manifest = { version: INDEX_VERSION, index, base, generated: options.generated, count: entries.length, parts: [] };
	for ( let i = 0; i < entries.length; i += perPart ) {
		const slice = entries.slice( i, i + perPart );
		const id = manifest.parts.length + 1;
		const revid = ++nextRevid;
		const title = `${ manifestTitle }/${ id }`;
		const json = { version: INDEX_VERSION, index, id, entries: slice } as Part;
		revisions.set( revid, { title, json } );
		manifest.parts.push( {
			id, page: title, revid, first: entryKey( index, slice[ 0 ] as EntryOf[ N ] ), last: entryKey( index, slice[ slice.length - 1 ] as EntryOf[ N ] ),
			count: slice.length, bytes: JSON.stringify( json ).length,
			...( index === 'requests' ? { statuses: slice.reduce( ( counts: Record<string, number>, entry ) => {
				const status = ( entry as EntryOf[ 'requests' ] ).request.status;
				counts[ status ] = ( counts[ status ] ?? 0 ) + 1;
				return counts;
			}, {} ) } : {} ),
		} );
	}
	return { manifestTitle, manifest, revisions };
}

/** The answer to `action=query&revids=…&prop=revisions` for these part revisions (unknown ids: badrevids). */
export function revisionsAnswer( revisions: ReadonlyMap<number, { title: string; json: unknown }>, revids: unknown ): unknown {
	const ids = ( Array.isArray( revids ) ? revids : String( revids ).split( '|' ) ).map( Number );
	const pages = new Map<string, { title: string; revisions: unknown[] }>();
	const bad: number[] = [];
	for ( const id of ids ) {
		const found = revisions.get( id );
		if ( !found ) {
			bad.push( id );
			continue;
		}
		const page = pages.get( found.title ) ?? { title: found.title, revisions: [] };
		page.revisions.push( { revid: id, slots: { main: { content: JSON.stringify( found.json ) } } } );
		pages.set( found.title, page );
	}
	const badrevids = Object.fromEntries( bad.map( ( id ) => [ id, { revid: id, missing: true } ] ) );
	return { query: { pages: [ ...pages.values() ], ...( bad.length ? { badrevids } : {} ) } };
}
