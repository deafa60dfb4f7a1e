import fc from 'fast-check';
import defaultTopics from '../../../../wiki/pages/Topics.json';
import type { IndexedCoach } from '../../../../modules/core/indexes';
import { COACH_SCHEMA, emptyRecord, type CoachProfile } from '../../../../modules/core/model';
import { indexTopics, type Taxonomy } from '../../../../modules/core/taxonomy';
import {
	DirectorySearch, EMPTY_QUERY, SORTS, filterCoaches, fold, isNarrowed, prepareCoaches, queryFromUrl, relaxations,
	sanitizeQuery, urlWithQuery, type DirectoryQuery, type PreparedCoach,
} from '../../../../modules/coachDirectory/filter';
import { withDescendants } from '../../../../modules/core/taxonomy';

const topics = indexTopics( defaultTopics as Taxonomy );

function coach( user: string, profile: Partial<CoachProfile> = {}, updated = '2026-01-01T00:00:00Z' ): IndexedCoach {
	return {
		user, page: `Capacity building/Coaches/${ user }`, revid: 1, updated, activeRequests: 0, problems: 0, state: 'valid',
		profile: {
			...emptyRecord( COACH_SCHEMA ), user, topics: [ 'governance' ], languages: [ 'en' ], formats: [ 'coaching' ],
			availability: 'available', maxRequests: '2', contact: 'talk', ...profile,
		},
	};
}

const coaches = prepareCoaches( [
	coach( 'José', { topics: [ 'grant-writing' ], languages: [ 'es', 'en' ], regions: [ 'LAC' ], bio: 'Workshops on grants.', hubs: [ 'Hub LAC' ] }, '2026-03-01T00:00:00Z' ),
	coach( 'Amina', { topics: [ 'conflict-resolution' ], languages: [ 'ar', 'fr' ], regions: [ 'MENA' ], formats: [ 'facilitation' ], bio: 'I facilitate.' }, '2026-05-01T00:00:00Z' ),
	coach( 'Bert', { topics: [ 'community' ], availability: 'limited', bio: 'Community building, José taught me grants.' }, '2026-02-01T00:00:00Z' ),
	coach( 'Zed', { topics: [ 'governance' ], availability: 'away', awayUntil: '2027-01-01' }, '2026-12-01T00:00:00Z' ),
], '2026-12-02' );

function names( query: Partial<DirectoryQuery> ): string[] {
	return filterCoaches( coaches, { ...EMPTY_QUERY, ...query }, topics ).map( ( entry ) => entry.coach.user );
}

describe( 'filterCoaches', () => {
	it.each( [
		[ 'nothing narrows: everyone, limited after available, away coaches last', {}, [ 'Amina', 'José', 'Bert', 'Zed' ] ],
		[ 'search ignores case and accents and ranks name hits above bio hits', { text: 'JOSE' }, [ 'José', 'Bert' ] ],
		[ 'every word must be found', { text: 'jose workshops' }, [ 'José' ] ],
		[ 'a topic area includes its sub-topics; the exact topic ranks first', { topic: 'community' }, [ 'Bert', 'Amina' ] ],
		[ 'a sub-topic does not include its area', { topic: 'conflict-resolution' }, [ 'Amina' ] ],
		[ 'language', { language: 'es' }, [ 'José' ] ],
		[ 'region', { region: 'MENA' }, [ 'Amina' ] ],
		[ 'format', { format: 'facilitation' }, [ 'Amina' ] ],
		[ 'availability', { availability: 'limited' }, [ 'Bert' ] ],
		[ 'hub', { hub: 'Hub LAC' }, [ 'José' ] ],
		[ 'filters combine', { language: 'en', topic: 'organisational' }, [ 'José', 'Zed' ] ],
		[ 'sort by name keeps away coaches last', { sort: 'name' }, [ 'Amina', 'Bert', 'José', 'Zed' ] ],
		[ 'sort by recently updated keeps away coaches last', { sort: 'updated' }, [ 'Amina', 'José', 'Bert', 'Zed' ] ],
		[ 'nothing found', { text: 'nobody' }, [] ],
	] as [ string, Partial<DirectoryQuery>, string[] ][] )( '%s', ( _name, query, expected ) => {
		expect( names( query ) ).toEqual( expected );
	} );

	it( 'treats an away coach whose return date has passed as available', () => {
		const [ back ] = prepareCoaches( [ coach( 'Back', { availability: 'away', awayUntil: '2026-11-01' } ) ], '2026-12-02' );
		expect( back?.away ).toBe( false );
	} );

	it( 'folds case and diacritics', () => {
		expect( fold( 'Ångström JOSÉ' ) ).toBe( 'angstrom jose' );
	} );
} );

/**
 * The directory's rules written the plain way (every coach scored, then one comparison sort), to
 * check the fast search against.
 */
function reference( all: readonly PreparedCoach[], query: DirectoryQuery ): string[] {
	const words = fold( query.text ).split( /\s+/ ).filter( Boolean );
	const keys = query.topic ? withDescendants( topics, query.topic ) : [];
	const scored: { entry: PreparedCoach; score: number }[] = [];
	for ( const entry of all ) {
		const profile = entry.coach.profile;
		if ( ( query.language && !profile.languages.includes( query.language ) ) || ( query.region && !profile.regions.includes( query.region ) ) ||
			( query.format && !profile.formats.includes( query.format ) ) || ( query.hub && !profile.hubs.includes( query.hub ) ) ||
			( query.availability && profile.availability !== query.availability ) ) {
			continue;
		}
		let score = 0;
		if ( query.topic ) {
			if ( profile.topics.includes( query.topic ) ) {
				score += 2;
			} else if ( ( keys.length ? keys : [ query.topic ] ).some( ( key ) => profile.topics.includes( key ) ) ) {
				score += 1;
			} else {
				continue;
			}
		}
		const points = words.map( ( word ) => entry.name.startsWith( word ) ? 3 : entry.name.includes( word ) ? 2 : entry.bio.includes( word ) ? 1 : 0 );
		if ( points.includes( 0 ) ) {
			continue;
		}
		score += points.reduce( ( a: number, b: number ) => a + b, 0 ) + ( profile.availability === 'available' ? 0.5 : 0 );
		scored.push( { entry, score } );
	}
	type Scored = { entry: PreparedCoach; score: number };
	const name = ( a: Scored, b: Scored ): number => a.entry.nameRank - b.entry.nameRank;
	const newer = ( a: Scored, b: Scored ): number => b.entry.coach.updated.localeCompare( a.entry.coach.updated );
	const order = {
		match: ( a: Scored, b: Scored ) => b.score - a.score || name( a, b ),
		name,
		updated: ( a: Scored, b: Scored ) => newer( a, b ) || name( a, b ),
	}[ query.sort ];
	return scored.sort( ( a, b ) => Number( a.entry.away ) - Number( b.entry.away ) || order( a, b ) ).map( ( s ) => s.entry.coach.user );
}

describe( 'DirectorySearch', () => {
	const arbitraryCoach = fc.record( {
		name: fc.constantFrom( 'Ana', 'José', 'Amina', 'Anabel', 'Bert', 'Zoë', 'Mei' ),
		bio: fc.constantFrom( '', 'grants and governance', 'Workshops on grants.', 'ana teaches wikidata' ),
		topics: fc.subarray( [ 'governance', 'community', 'conflict-resolution', 'grant-writing' ] ),
		languages: fc.subarray( [ 'en', 'es', 'ar' ] ),
		availability: fc.constantFrom( 'available', 'limited', 'away' ),
		updated: fc.constantFrom( '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z', '2026-03-01T00:00:00Z' ),
	} );
	const arbitraryQuery = fc.record( {
		text: fc.constantFrom( '', 'a', 'an', 'ana', 'ana g', 'ana gr', 'jose', 'z', 'grants', 'xyz' ),
		topic: fc.constantFrom( '', 'community', 'governance' ),
		language: fc.constantFrom( '', 'en', 'ar' ),
		availability: fc.constantFrom( '', 'limited' ),
		sort: fc.constantFrom( ...SORTS ),
	} );

	it( 'answers every query in a sequence exactly as the plain rules do, narrowing or not', () => {
		const lists = fc.array( arbitraryCoach, { maxLength: 25 } );
		fc.assert( fc.property( lists, fc.array( arbitraryQuery, { minLength: 1, maxLength: 12 } ), ( made, queries ) => {
			const prepared = prepareCoaches( made.map( ( c, i ) => coach( `${ c.name } ${ i }`, {
				bio: c.bio, topics: c.topics, languages: c.languages, availability: c.availability, awayUntil: '',
			}, c.updated ) ), '2026-12-02' );
			const search = new DirectorySearch( prepared );
			for ( const partial of queries ) {
				const query = { ...EMPTY_QUERY, ...partial };
				const expected = reference( prepared, query );
				const found = search.search( query, topics );
				expect( found.length ).toBe( expected.length );
				expect( found.slice( 0 ).map( ( e ) => e.coach.user ) ).toEqual( expected );
				expect( found.slice( 2, 5 ).map( ( e ) => e.coach.user ) ).toEqual( expected.slice( 2, 5 ) );
			}
		} ), { numRuns: 200 } );
	} );

	it( 'gives the same answers while typing narrows the last one as when it starts over', () => {
		const search = new DirectorySearch( coaches );
		for ( const text of [ 'j', 'jo', 'jos', 'jo', 'b', 'bert', '' ] ) {
			expect( search.search( { ...EMPTY_QUERY, text }, topics ).slice( 0 ).map( ( e ) => e.coach.user ) ).toEqual( names( { text } ) );
		}
	} );

	it( 'answers an older result read after a newer search correctly', () => {
		const search = new DirectorySearch( coaches );
		const older = search.search( { ...EMPTY_QUERY, text: 'jose' }, topics );
		search.search( { ...EMPTY_QUERY, language: 'ar' }, topics );
		expect( older.slice( 0 ).map( ( e ) => e.coach.user ) ).toEqual( [ 'José', 'Bert' ] );
	} );
} );

describe( 'no-match suggestions', () => {
	it( 'offers each filter that, cleared alone, gives results, most results first', () => {
		const query = { ...EMPTY_QUERY, language: 'es', region: 'MENA', text: 'a' };
		expect( filterCoaches( coaches, query, topics ) ).toEqual( [] );
		expect( relaxations( coaches, query, topics ) ).toEqual( [
			{ clear: 'language', count: 1 },
			{ clear: 'region', count: 1 },
		] );
	} );

	it( 'offers nothing when no single filter helps', () => {
		expect( relaxations( coaches, { ...EMPTY_QUERY, language: 'es', region: 'MENA', text: 'nobody' }, topics ) ).toEqual( [] );
	} );
} );

describe( 'URL state', () => {
	it( 'writes only what differs from the defaults and keeps other parameters', () => {
		const query = { ...EMPTY_QUERY, text: 'grants & more', topic: 'community', sort: 'name' as const };
		const search = urlWithQuery( '?title=Capacity_building/Coaches&cbregion=LAC', query );
		expect( search ).toBe( '?title=Capacity_building%2FCoaches&cbsearch=grants+%26+more&cbtopic=community&cbsort=name' );
		expect( queryFromUrl( search ) ).toEqual( query );
		expect( urlWithQuery( '?title=X', EMPTY_QUERY ) ).toBe( '?title=X' );
		expect( urlWithQuery( '', EMPTY_QUERY ) ).toBe( '' );
	} );

	it( 'ignores values a filter cannot have (hand-edited links)', () => {
		expect( queryFromUrl( '?cbregion=Mars&cbformat=juggling&cbsort=random&cbtopic=Not%20a%20key&cblanguage=es&cbavailability=limited' ) )
			.toEqual( { ...EMPTY_QUERY, language: 'es', availability: 'limited' } );
		expect( sanitizeQuery( { text: 'x'.repeat( 500 ) } ).text ).toHaveLength( 200 );
	} );

	it( 'knows whether anything narrows the list', () => {
		expect( isNarrowed( EMPTY_QUERY ) ).toBe( false );
		expect( isNarrowed( { ...EMPTY_QUERY, sort: 'name' } ) ).toBe( false );
		expect( isNarrowed( { ...EMPTY_QUERY, text: ' ' } ) ).toBe( false );
		expect( isNarrowed( { ...EMPTY_QUERY, hub: 'Hub LAC' } ) ).toBe( true );
	} );
} );
