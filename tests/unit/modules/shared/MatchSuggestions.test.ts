import { mount } from '@vue/test-utils';
import defaultTopics from '../../../../wiki/pages/Topics.json';
import { COACH_SCHEMA, emptyRecord, type CoachProfile } from '../../../../modules/core/model';
import { rankCoaches, type MatchableCoach } from '../../../../modules/core/matching';
import { indexTopics, localizeTopics, type Taxonomy } from '../../../../modules/core/taxonomy';
import en from '../../../../i18n/en.json';
import MatchSuggestions from '../../../../modules/shared/MatchSuggestions.vue';
import { codeNamer, reasonText } from '../../../../modules/shared/matchReasons';
import { qqx } from '../mwMock';

// The default topics in English, as an English reader's modules label them.
const topics = indexTopics( localizeTopics( defaultTopics as Taxonomy, 'en', ( key ) => ( en as unknown as Record<string, string> )[ key ] ?? null ) );
const languageNames = new Map( [ [ 'es', { name: 'Spanish', autonym: 'español' } ], [ 'fr', { name: 'French', autonym: 'français' } ] ] );

beforeEach( () => {
	const fake = mw as unknown as Record<string, unknown>;
	// MediaWiki's list joining, in English.
	fake.language = { listToText: ( items: string[] ) => items.length < 2 ? items.join( '' ) : `${ items.slice( 0, -1 ).join( ', ' ) } and ${ items[ items.length - 1 ] }` };
	fake.util = { getUrl: ( title: string ) => `/wiki/${ title.replace( / /g, '_' ) }` };
} );

function coach( user: string, profile: Partial<CoachProfile>, activeRequests: number, page?: string ): MatchableCoach & { page?: string } {
	return {
		user, activeRequests, page,
		profile: { ...emptyRecord( COACH_SCHEMA ), user, topics: [ 'grant-writing' ], languages: [ 'es' ], formats: [ 'coaching' ], availability: 'available', maxRequests: '2', contact: 'talk', ...profile },
	};
}

const name = codeNamer( topics, languageNames, [ 'en' ] );

describe( 'reason texts', () => {
	it( 'makes each reason one sentence about the coach: the coach (for GENDER), the named list and its length', () => {
		expect( reasonText( { key: 'capacitybuilding-match-reason-languages', list: { kind: 'language', values: [ 'es', 'fr', 'xx' ] }, params: [], effect: 'plus' }, name, 'Ana' ) )
			.toBe( qqx( 'capacitybuilding-match-reason-languages', 'Ana', 'Spanish, French and xx', 3 ) );
		expect( reasonText( { key: 'capacitybuilding-match-reason-topics', list: { kind: 'topic', values: [ 'grant-writing' ] }, params: [], effect: 'plus' }, name, 'Ana' ) )
			.toBe( qqx( 'capacitybuilding-match-reason-topics', 'Ana', 'Grant writing and reporting', 1 ) );
		expect( reasonText( { key: 'capacitybuilding-match-reason-region', list: { kind: 'region', values: [ 'LAC' ] }, params: [], effect: 'plus' }, name, 'Ana' ) )
			.toBe( qqx( 'capacitybuilding-match-reason-region', 'Ana', qqx( 'capacitybuilding-region-lac' ), 1 ) );
		expect( reasonText( { key: 'capacitybuilding-match-reason-full', params: [ 2 ], effect: 'minus' }, name, 'Ana' ) )
			.toBe( qqx( 'capacitybuilding-match-reason-full', 'Ana', 2 ) );
	} );
} );

describe( 'MatchSuggestions', () => {
	const request = { topics: [ 'grant-writing' ], languages: [ 'es' ], region: 'LAC', formats: [ 'coaching' ] };

	it( 'lists suggestions best first with reasons for and against, a profile link and the caller\'s actions', () => {
		const matches = rankCoaches( request, [
			coach( 'Away', { availability: 'away' }, 0 ),
			coach( 'Ana', { regions: [ 'LAC' ] }, 0, 'Capacity building/Coaches/Ana' ),
		], topics );
		const wrapper = mount( MatchSuggestions, {
			props: { matches, name },
			slots: { actions: '<template #actions="{ match }"><button class="invite">{{ match.coach.user }}</button></template>' },
		} );
		const items = wrapper.findAll( '.ext-capacitybuilding-match-suggestions__item' );
		expect( items.map( ( item ) => item.attributes( 'data-user' ) ) ).toEqual( [ 'Ana', 'Away' ] );
		expect( items[ 0 ]?.find( 'a' ).attributes( 'href' ) ).toBe( '/wiki/Capacity_building/Coaches/Ana' );
		expect( items[ 1 ]?.find( 'a' ).attributes( 'href' ) ).toBe( '/wiki/User:Away' );
		// Each reason is a sentence of its own, an item of a list.
		const anaReasons = items[ 0 ]?.findAll( '.ext-capacitybuilding-match-suggestions__reasons li' ).map( ( li ) => li.text() );
		expect( anaReasons ).toEqual( expect.arrayContaining( [
			qqx( 'capacitybuilding-match-reason-languages', 'Ana', 'Spanish', 1 ),
			qqx( 'capacitybuilding-match-reason-topics', 'Ana', 'Grant writing and reporting', 1 ),
		] ) );
		expect( items[ 1 ]?.findAll( '.ext-capacitybuilding-match-suggestions__reasons--against li' ).map( ( li ) => li.text() ) )
			.toEqual( [ qqx( 'capacitybuilding-match-reason-away', 'Away' ) ] );
		expect( items[ 1 ]?.classes() ).toContain( 'ext-capacitybuilding-match-suggestions__item--unavailable' );
		expect( wrapper.findAll( 'button.invite' ).map( ( b ) => b.text() ) ).toEqual( [ 'Ana', 'Away' ] );
	} );

	it( 'says so when nobody matches', () => {
		const wrapper = mount( MatchSuggestions, { props: { matches: [], name } } );
		expect( wrapper.text() ).toBe( qqx( 'capacitybuilding-match-none' ) );
	} );
} );
