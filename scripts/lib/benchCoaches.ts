/**
 * Generated coach profiles for the directory benchmarks (scripts/bench/directory.ts in Node,
 * scripts/bench/directory-browser.ts in Chromium): deterministic, so every run measures the same
 * data, with the spread of topics, languages, regions and names a real directory has.
 */
import defaultTopics from '../../wiki/pages/Topics.json';
import type { IndexedCoach } from '../../modules/core/indexes';
import { AVAILABILITIES, FORMATS, REGIONS } from '../../modules/core/model';
import { indexTopics, type Taxonomy } from '../../modules/core/taxonomy';

const LANGUAGES = [ 'en', 'es', 'fr', 'pt', 'ar', 'de', 'hi', 'sw', 'id', 'ru', 'zh', 'ja', 'bn', 'yo', 'uk' ];
const WORDS = [ 'grants', 'governance', 'workshops', 'volunteers', 'wikidata', 'editathons', 'outreach', 'strategy', 'partnerships', 'training', 'evaluation', 'conflict', 'community', 'libraries', 'museums' ];
const NAMES = [ 'Ana', 'José', 'Amina', 'Oluwaseun', 'Mei', 'Priya', 'Lukas', 'Fatima' ];

/** A small deterministic generator. */
function random( seed: number ): () => number {
	let state = seed;
	return () => {
		state = ( state * 1664525 + 1013904223 ) % 4294967296;
		return state / 4294967296;
	};
}

/**
 * @param count How many coaches
 * @param base The base page their profile pages are under
 */
export function sampleCoaches( count: number, base = 'Capacity building' ): IndexedCoach[] {
	const next = random( 42 );
	const pick = <T>( values: readonly T[], n: number ): T[] => {
		const chosen = new Set<T>();
		while ( chosen.size < n ) {
			chosen.add( values[ Math.floor( next() * values.length ) ] as T );
		}
		return [ ...chosen ];
	};
	const topicKeys = [ ...indexTopics( defaultTopics as Taxonomy ).keys() ];
	return Array.from( { length: count }, ( _, i ) => {
		const user = `Coach ${ i } ${ pick( NAMES, 1 )[ 0 ] }`;
		return {
			user,
			page: `${ base }/Coaches/${ user }`,
			revid: i + 1,
			problems: 0,
			state: 'valid' as const,
			updated: `2026-${ String( 1 + Math.floor( next() * 11 ) ).padStart( 2, '0' ) }-${ String( 1 + Math.floor( next() * 28 ) ).padStart( 2, '0' ) }T12:00:00Z`,
			activeRequests: Math.floor( next() * 3 ),
			profile: {
				user,
				topics: pick( topicKeys, 1 + Math.floor( next() * 5 ) ),
				languages: pick( LANGUAGES, 1 + Math.floor( next() * 3 ) ),
				regions: pick( REGIONS, 1 + Math.floor( next() * 2 ) ),
				formats: pick( FORMATS, 1 + Math.floor( next() * 3 ) ),
				availability: pick( AVAILABILITIES, 1 )[ 0 ] as string,
				awayUntil: '',
				maxRequests: '3',
				bio: `I help with ${ pick( WORDS, 6 ).join( ', ' ) } and more, in person and online.`,
				contact: 'talk',
				hubs: pick( [ 'Hub A', 'Hub B', 'Hub C', 'Hub D' ], 1 ),
			},
		};
	} );
}

/** What the benchmarks type: searches a person might make, letter by letter. */
export const TYPED = [ 'governance workshops', 'josé', 'oluwaseun wikidata', 'zzz no such coach' ];
