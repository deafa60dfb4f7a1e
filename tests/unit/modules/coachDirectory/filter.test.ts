import defaultTopics from '../../../../wiki/pages/Topics.json';
import type { IndexedCoach } from '../../../../modules/core/indexes';
import { COACH_SCHEMA, emptyRecord, type CoachProfile } from '../../../../modules/core/model';
import { indexTopics, type Taxonomy } from '../../../../modules/core/taxonomy';
import {
	EMPTY_QUERY, filterCoaches, fold, isNarrowed, prepareCoaches, queryFromUrl, relaxations, sanitizeQuery, urlWithQuery,
	type DirectoryQuery,
} from '../../../../modules/coachDirectory/filter';

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
