/**
 * The directory's search, filters and sorting, without any DOM: fast enough to run on every
 * keystroke over thousands of coaches (scripts/bench/directory.ts measures it against one frame).
 *
 * The speed comes from preparing each coach once (folded search text, sets of codes) so that a
 * keystroke costs one pass of substring and set lookups.
 */
import type { IndexedCoach } from '../core/indexes';
import { AVAILABILITIES, FORMATS, REGIONS, isOneOf } from '../core/model';
import { isAway } from '../core/matching';
import { withDescendants, type TopicIndex } from '../core/taxonomy';

export const SORTS = [ 'match', 'name', 'updated' ] as const;
export type Sort = typeof SORTS[ number ];

/** Filters that narrow the list; each is one value or '' for "any". */
export const FILTER_KEYS = [ 'topic', 'language', 'region', 'format', 'availability', 'hub' ] as const;
export type FilterKey = typeof FILTER_KEYS[ number ];

export interface DirectoryQuery extends Record<FilterKey, string> {
	/** Free text, searched in names and bios. */
	text: string;
	sort: Sort;
}

export const EMPTY_QUERY: Readonly<DirectoryQuery> = {
	text: '', topic: '', language: '', region: '', format: '', availability: '', hub: '', sort: 'match',
};

/** A coach made ready for fast filtering. */
export interface PreparedCoach {
	coach: IndexedCoach;
	name: string;
	bio: string;
	topics: ReadonlySet<string>;
	languages: ReadonlySet<string>;
	regions: ReadonlySet<string>;
	formats: ReadonlySet<string>;
	hubs: ReadonlySet<string>;
	away: boolean;
	/** Position in alphabetical order, computed once: numbers compare fast on every keystroke, collation does not. */
	nameRank: number;
}

/** Lowercase without diacritics, so "jose" finds "José" and "İstanbul" finds "istanbul". */
export function fold( text: string ): string {
	return text.normalize( 'NFD' ).replace( /\p{M}/gu, '' ).toLocaleLowerCase( 'en' );
}

export function prepareCoaches( coaches: readonly IndexedCoach[], today: string ): PreparedCoach[] {
	const collator = new Intl.Collator();
	const alphabetical = [ ...coaches ].sort( ( a, b ) => collator.compare( a.user, b.user ) );
	const rank = new Map( alphabetical.map( ( coach, i ) => [ coach, i ] ) );
	return coaches.map( ( coach ) => ( {
		nameRank: rank.get( coach ) ?? 0,
		coach,
		name: fold( coach.user ),
		bio: fold( coach.profile.bio ),
		topics: new Set( coach.profile.topics ),
		languages: new Set( coach.profile.languages ),
		regions: new Set( coach.profile.regions ),
		formats: new Set( coach.profile.formats ),
		hubs: new Set( coach.profile.hubs ),
		away: isAway( coach.profile, today ),
	} ) );
}

/** Whether any filter or search text narrows the list. */
export function isNarrowed( query: DirectoryQuery ): boolean {
	return query.text.trim() !== '' || FILTER_KEYS.some( ( key ) => query[ key ] !== '' );
}

interface Scored {
	entry: PreparedCoach;
	score: number;
}

/**
 * Coaches that pass every filter, sorted; away coaches always come after the others.
 *
 * @param coaches From prepareCoaches
 * @param query
 * @param topics The taxonomy's index: a topic filter includes its sub-topics
 */
export function filterCoaches(
	coaches: readonly PreparedCoach[], query: DirectoryQuery, topics: TopicIndex,
): PreparedCoach[] {
	const words = fold( query.text ).split( /\s+/ ).filter( Boolean );
	const topicKeys = query.topic ? withDescendants( topics, query.topic ) : [];
	if ( query.topic && !topicKeys.length ) {
		// A topic the taxonomy does not know (an old link): match it literally.
		topicKeys.push( query.topic );
	}
	const results: Scored[] = [];
	for ( const entry of coaches ) {
		if (
			( query.language && !entry.languages.has( query.language ) ) ||
			( query.region && !entry.regions.has( query.region ) ) ||
			( query.format && !entry.formats.has( query.format ) ) ||
			( query.hub && !entry.hubs.has( query.hub ) ) ||
			( query.availability && entry.coach.profile.availability !== query.availability )
		) {
			continue;
		}
		let score = 0;
		if ( topicKeys.length ) {
			if ( entry.topics.has( query.topic ) ) {
				score += 2;
			} else if ( topicKeys.some( ( key ) => entry.topics.has( key ) ) ) {
				score += 1;
			} else {
				continue;
			}
		}
		let found = true;
		for ( const word of words ) {
			if ( entry.name.startsWith( word ) ) {
				score += 3;
			} else if ( entry.name.includes( word ) ) {
				score += 2;
			} else if ( entry.bio.includes( word ) ) {
				score += 1;
			} else {
				found = false;
				break;
			}
		}
		if ( !found ) {
			continue;
		}
		if ( entry.coach.profile.availability === 'available' ) {
			score += 0.5;
		}
		results.push( { entry, score } );
	}
	const byName = ( a: Scored, b: Scored ): number => a.entry.nameRank - b.entry.nameRank;
	const newer = ( a: Scored, b: Scored ): number => {
		const [ x, y ] = [ a.entry.coach.updated, b.entry.coach.updated ];
		return x === y ? 0 : ( x < y ? 1 : -1 );
	};
	const order: Record<Sort, ( a: Scored, b: Scored ) => number> = {
		match: ( a, b ) => b.score - a.score || byName( a, b ),
		name: byName,
		updated: ( a, b ) => newer( a, b ) || byName( a, b ),
	};
	results.sort( ( a, b ) => Number( a.entry.away ) - Number( b.entry.away ) || order[ query.sort ]( a, b ) );
	return results.map( ( result ) => result.entry );
}

export interface Relaxation {
	/** The filter (or 'text') to clear. */
	clear: FilterKey | 'text';
	/** How many coaches the list would then show. */
	count: number;
}

/**
 * For an empty result: which single filter to clear to get results, most results first
 * ("no match" suggestions such as "remove the language filter: 12 coaches").
 */
export function relaxations(
	coaches: readonly PreparedCoach[], query: DirectoryQuery, topics: TopicIndex,
): Relaxation[] {
	const candidates: ( FilterKey | 'text' )[] = [ ...( query.text.trim() ? [ 'text' as const ] : [] ), ...FILTER_KEYS.filter( ( key ) => query[ key ] !== '' ) ];
	return candidates
		.map( ( clear ) => ( { clear, count: filterCoaches( coaches, { ...query, [ clear ]: '' }, topics ).length } ) )
		.filter( ( relaxation ) => relaxation.count > 0 )
		.sort( ( a, b ) => b.count - a.count );
}

/** Accepts only values a filter can have (links can be edited by hand); unknown values become ''. */
export function sanitizeQuery( raw: Partial<Record<keyof DirectoryQuery, string>> ): DirectoryQuery {
	const value = ( key: keyof DirectoryQuery ): string => ( raw[ key ] ?? '' ).trim();
	const sort = value( 'sort' );
	return {
		text: ( raw.text ?? '' ).slice( 0, 200 ),
		topic: /^[a-z0-9-]{1,64}$/.test( value( 'topic' ) ) ? value( 'topic' ) : '',
		language: /^[a-z]{2,3}(?:-[a-z0-9]{1,12})*$/.test( value( 'language' ) ) ? value( 'language' ) : '',
		region: isOneOf( REGIONS, value( 'region' ) ) ? value( 'region' ) : '',
		format: isOneOf( FORMATS, value( 'format' ) ) ? value( 'format' ) : '',
		availability: isOneOf( AVAILABILITIES, value( 'availability' ) ) ? value( 'availability' ) : '',
		hub: value( 'hub' ).slice( 0, 255 ),
		sort: isOneOf( SORTS, sort ) ? sort : 'match',
	};
}

/** URL parameter of each part of the query (prefixed, so they never clash with MediaWiki's own). */
export const URL_PARAMS: Readonly<Record<keyof DirectoryQuery, string>> = {
	text: 'cbsearch', topic: 'cbtopic', language: 'cblanguage', region: 'cbregion', format: 'cbformat',
	availability: 'cbavailability', hub: 'cbhub', sort: 'cbsort',
};

/** The query a URL's search part (`?title=…&cbtopic=…`) describes. */
export function queryFromUrl( search: string ): DirectoryQuery {
	const params = new URLSearchParams( search );
	const raw: Partial<Record<keyof DirectoryQuery, string>> = {};
	for ( const [ key, param ] of Object.entries( URL_PARAMS ) as [ keyof DirectoryQuery, string ][] ) {
		const found = params.get( param );
		if ( found !== null ) {
			raw[ key ] = found;
		}
	}
	return sanitizeQuery( raw );
}

/**
 * The URL's search part with the query written in, every other parameter kept; parts at their
 * default are left out so that the plain page's URL stays plain.
 */
export function urlWithQuery( search: string, query: DirectoryQuery ): string {
	const params = new URLSearchParams( search );
	for ( const [ key, param ] of Object.entries( URL_PARAMS ) as [ keyof DirectoryQuery, string ][] ) {
		if ( query[ key ] === EMPTY_QUERY[ key ] ) {
			params.delete( param );
		} else {
			params.set( param, query[ key ] );
		}
	}
	const text = params.toString();
	return text ? `?${ text }` : '';
}
