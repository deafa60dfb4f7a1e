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

/** The search text as words, folded; every word must be found. */
function searchWords( text: string ): string[] {
	return fold( text ).split( /\s+/ ).filter( Boolean );
}

/** A query's narrowing filters (not its text, not its sort) as one string, to tell whether two queries share them. */
function filtersKey( query: DirectoryQuery ): string {
	return FILTER_KEYS.map( ( key ) => query[ key ] ).join( '\u0000' );
}

/** What a search found: how many, and the coaches in any range of the order. */
export interface SearchResults {
	readonly length: number;
	slice( start: number, end?: number ): PreparedCoach[];
}

/**
 * The directory's search over one list of prepared coaches, built once when the list arrives:
 * the orders the list can be shown in are computed up front, so a keystroke costs one pass over
 * the coaches that can still match and no sorting at all, in buffers allocated once (no garbage
 * to collect while someone types). Typing that only adds to the search text (the filters
 * unchanged) narrows the last answer: such a keystroke looks only at the coaches that matched the
 * previous one.
 *
 * Results: coaches that pass every filter, away coaches after the others; by score then name
 * ("match"), by name, or newest profile first then name ("updated").
 */
export class DirectorySearch {
	public readonly coaches: readonly PreparedCoach[];

	/** Coach positions (in `coaches`) in name order, coaches away last. */
	private readonly byName: Int32Array;

	/** Coach positions, newest profile first, then by name, coaches away last. */
	private readonly byUpdated: Int32Array;

	/** Score of each coach in the current search (valid where `seen` holds the current round). */
	private readonly scores: Float64Array;

	private readonly seen: Uint32Array;

	private round = 0;

	/** Two buffers of matches (positions in name order): the last search's, and the one being made. */
	private readonly buffers: [ Int32Array, Int32Array ];

	/** The last query's filters and folded text, and how many matches its buffer (`buffers[ 0 ]`) holds. */
	private last: { filters: string; text: string; count: number } | null = null;

	public constructor( coaches: readonly PreparedCoach[] ) {
		this.coaches = coaches;
		const positions = coaches.map( ( _, i ) => i );
		const away = ( i: number ): number => Number( ( coaches[ i ] as PreparedCoach ).away );
		const rank = ( i: number ): number => ( coaches[ i ] as PreparedCoach ).nameRank;
		const updated = ( i: number ): string => ( coaches[ i ] as PreparedCoach ).coach.updated;
		const newer = ( a: number, b: number ): number => {
			const [ x, y ] = [ updated( a ), updated( b ) ];
			return x === y ? 0 : ( x < y ? 1 : -1 );
		};
		this.byName = Int32Array.from( [ ...positions ].sort(
			( a, b ) => away( a ) - away( b ) || rank( a ) - rank( b ) ) );
		this.byUpdated = Int32Array.from( [ ...positions ].sort(
			( a, b ) => away( a ) - away( b ) || newer( a, b ) || rank( a ) - rank( b ) ) );
		this.scores = new Float64Array( coaches.length );
		this.seen = new Uint32Array( coaches.length );
		this.buffers = [ new Int32Array( coaches.length ), new Int32Array( coaches.length ) ];
	}

	/**
	 * Scores the candidates that pass every filter (recorded in `scores` for this round) and
	 * writes their positions into `out`, in candidate order.
	 *
	 * @param candidates Positions, in name order
	 * @param size How many of `candidates` to look at
	 * @param query
	 * @param topics The taxonomy's index: a topic filter includes its sub-topics
	 * @param out Where the matches go (may be null: only counted)
	 * @return How many matched
	 */
	private match(
		candidates: Int32Array, size: number, query: DirectoryQuery, topics: TopicIndex, out: Int32Array | null,
	): number {
		const words = searchWords( query.text );
		const topicKeys = query.topic ? withDescendants( topics, query.topic ) : [];
		if ( query.topic && !topicKeys.length ) {
			// A topic the taxonomy does not know (an old link): match it literally.
			topicKeys.push( query.topic );
		}
		const { language, region, format, hub, availability, topic } = query;
		const round = ++this.round;
		let count = 0;
		for ( let i = 0; i < size; i++ ) {
			const position = candidates[ i ] as number;
			const entry = this.coaches[ position ] as PreparedCoach;
			if (
				( language && !entry.languages.has( language ) ) ||
				( region && !entry.regions.has( region ) ) ||
				( format && !entry.formats.has( format ) ) ||
				( hub && !entry.hubs.has( hub ) ) ||
				( availability && entry.coach.profile.availability !== availability )
			) {
				continue;
			}
			let score = 0;
			if ( topicKeys.length ) {
				if ( entry.topics.has( topic ) ) {
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
			this.scores[ position ] = score;
			this.seen[ position ] = round;
			if ( out ) {
				out[ count ] = position;
			}
			count++;
		}
		return count;
	}

	/** How many coaches a query matches (nothing remembered for the next keystroke). */
	public count( query: DirectoryQuery, topics: TopicIndex ): number {
		return this.match( this.byName, this.byName.length, query, topics, null );
	}

	/**
	 * The coaches a query matches, in the order it asks for.
	 *
	 * @param query
	 * @param topics The taxonomy's index
	 * @return The matches, read a slice at a time (a keystroke builds no list of every match)
	 */
	public search( query: DirectoryQuery, topics: TopicIndex ): SearchResults {
		const filters = filtersKey( query );
		const text = fold( query.text );
		const narrows = this.last !== null && this.last.filters === filters && text.startsWith( this.last.text );
		const [ previous, next ] = this.buffers;
		const count = narrows && this.last ?
			this.match( previous, this.last.count, query, topics, next ) :
			this.match( this.byName, this.byName.length, query, topics, next );
		// The new matches become the last ones.
		this.buffers.reverse();
		this.last = { filters, text, count };
		const round = this.round;
		const matched = next;
		const coaches = this.coaches;
		const order = ( start: number, end: number ): number[] => {
			if ( query.sort === 'name' ) {
				return Array.from( matched.subarray( start, Math.min( end, count ) ) );
			}
			if ( query.sort === 'updated' ) {
				return this.pick( this.byUpdated, round, start, end );
			}
			return this.byScore( matched, count, round, start, end );
		};
		return {
			length: count,
			slice: ( start, end = count ) => round === this.round ?
				order( start, end ).map( ( position ) => coaches[ position ] as PreparedCoach ) :
				// An older answer, read after a newer search: search again (rare).
				this.search( query, topics ).slice( start, end ),
		};
	}

	/** The matches of `round` among `order`, from the start-th to before the end-th. */
	private pick( order: Int32Array, round: number, start: number, end: number ): number[] {
		const picked: number[] = [];
		let seen = 0;
		for ( let i = 0; i < order.length && seen < end; i++ ) {
			const position = order[ i ] as number;
			if ( this.seen[ position ] === round ) {
				if ( seen >= start ) {
					picked.push( position );
				}
				seen++;
			}
		}
		return picked;
	}

	/**
	 * Matches by score, best first, in name order within a score, away coaches last: the
	 * start-th to before the end-th of that order, without sorting the matches.
	 */
	private byScore( matched: Int32Array, count: number, round: number, start: number, end: number ): number[] {
		// Bucket keys: the key rises as the score falls; away coaches' keys come after all others.
		const key = ( position: number ): number => {
			const score = this.scores[ position ] as number;
			return ( this.coaches[ position ] as PreparedCoach ).away ? 1000 - score : -score;
		};
		const keys = new Set<number>();
		for ( let i = 0; i < count; i++ ) {
			keys.add( key( matched[ i ] as number ) );
		}
		const picked: number[] = [];
		let seen = 0;
		for ( const bucket of Array.from( keys ).sort( ( a, b ) => a - b ) ) {
			for ( let i = 0; i < count && seen < end; i++ ) {
				const position = matched[ i ] as number;
				if ( this.seen[ position ] === round && key( position ) === bucket ) {
					if ( seen >= start ) {
						picked.push( position );
					}
					seen++;
				}
			}
			if ( seen >= end ) {
				break;
			}
		}
		return picked;
	}
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
	return new DirectorySearch( coaches ).search( query, topics ).slice( 0 );
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
	coaches: readonly PreparedCoach[] | DirectorySearch, query: DirectoryQuery, topics: TopicIndex,
): Relaxation[] {
	const search = coaches instanceof DirectorySearch ? coaches : new DirectorySearch( coaches );
	const candidates: ( FilterKey | 'text' )[] = [ ...( query.text.trim() ? [ 'text' as const ] : [] ), ...FILTER_KEYS.filter( ( key ) => query[ key ] !== '' ) ];
	return candidates
		.map( ( clear ) => ( { clear, count: search.count( { ...query, [ clear ]: '' }, topics ) } ) )
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
