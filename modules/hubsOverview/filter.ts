/**
 * "Which hub is mine?" on the hubs overview: which hubs list a region, a topic or a language, in
 * the order the overview shows them. Pure (no DOM, no mw); only the overview uses it.
 *
 * A hub matches when it lists every value asked for (none asked: every hub). Region and language
 * codes are compared without regard to case, topic keys exactly, values trimmed, as routing does
 * (core/routing.ts). Order: regional hubs, then thematic ones, then hubs of another kind; within
 * each, by name in the reader's language's collation, then by key (so the order is total).
 */
import type { Hub } from '../core/model';

/**
 * Keys by UTF-16 code units, as the indexes order them (core/indexes.ts compareKeys, not imported
 * so that this feature does not pull the whole index module into the shared module).
 */
function compareKeys( a: string, b: string ): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

export interface HubQuery {
	region: string;
	topic: string;
	language: string;
}

export const ANY: HubQuery = { region: '', topic: '', language: '' };

function trimmed( values: readonly string[] | undefined ): string[] {
	return Array.isArray( values ) ? values.filter( ( v ) => typeof v === 'string' ).map( ( v ) => v.trim() ) : [];
}

/** Whether a hub lists every value the query asks for. */
export function hubMatches( hub: Hub, query: HubQuery ): boolean {
	const region = query.region.trim().toUpperCase();
	const language = query.language.trim().toLowerCase();
	const topic = query.topic.trim();
	return ( region === '' || trimmed( hub.regions ).some( ( r ) => r.toUpperCase() === region ) ) &&
		( topic === '' || trimmed( hub.topics ).includes( topic ) ) &&
		( language === '' || trimmed( hub.languages ).some( ( l ) => l.toLowerCase() === language ) );
}

function kindRank( hub: Hub ): number {
	const kind = typeof hub.kind === 'string' ? hub.kind.trim().toLowerCase() : '';
	return kind === 'regional' ? 0 : kind === 'thematic' ? 1 : 2;
}

/**
 * The keys of the hubs that match, in the overview's order.
 *
 * @param hubs Accepted hubs by key
 * @param query
 * @param collator Compares names in the reader's language
 */
export function matchingHubs( hubs: ReadonlyMap<string, Hub>, query: HubQuery,
	collator: Pick<Intl.Collator, 'compare'> = new Intl.Collator() ): string[] {
	const name = ( key: string ): string => {
		const value = hubs.get( key )?.name;
		return typeof value === 'string' && value.trim() !== '' ? value.trim() : key;
	};
	return [ ...hubs.keys() ]
		.filter( ( key ) => hubMatches( hubs.get( key ) as Hub, query ) )
		.sort( ( a, b ) => kindRank( hubs.get( a ) as Hub ) - kindRank( hubs.get( b ) as Hub ) ||
			collator.compare( name( a ), name( b ) ) || compareKeys( a, b ) );
}

/** The distinct values of a list field over every hub (trimmed, first spelling kept), for the filters. */
export function listedValues( hubs: ReadonlyMap<string, Hub>, field: 'regions' | 'topics' | 'languages' ): string[] {
	const seen = new Map<string, string>();
	for ( const hub of hubs.values() ) {
		for ( const value of trimmed( hub[ field ] ) ) {
			const folded = field === 'topics' ? value : value.toLowerCase();
			if ( value !== '' && !seen.has( folded ) ) {
				seen.set( folded, value );
			}
		}
	}
	return [ ...seen.values() ];
}
