import { flushPromises, mount } from '@vue/test-utils';
import defaultTopics from '../../../../wiki/pages/Topics.json';
import { COACH_SCHEMA, REQUEST_SCHEMA, emptyRecord, type CoachProfile as Profile } from '../../../../modules/core/model';
import { serialize } from '../../../../modules/core/wikitext/codec';
import CoachProfile from '../../../../modules/coachProfile/CoachProfile.vue';
import { profileBase } from '../../../../modules/coachProfile/index';
import { qqx } from '../mwMock';

function profile( user: string ): Profile {
	return {
		...emptyRecord( COACH_SCHEMA ), user, topics: [ 'grant-writing' ], languages: [ 'es' ], formats: [ 'coaching' ],
		availability: 'available', maxRequests: '2', contact: 'talk',
	};
}

const requests = {
	version: 1, generated: '2026-12-01T00:00:00Z', base: 'Capacity building', hubs: [],
	requests: [ 1, 2, 3 ].map( ( number ) => ( {
		number, page: `Capacity building/Requests/R${ number }`, revid: number, updated: '2026-12-01T00:00:00Z', feedback: [], problems: 0,
		request: {
			...emptyRecord( REQUEST_SCHEMA ), title: `Request ${ number }`, topics: [ 'grant-writing' ], languages: [ number === 2 ? 'de' : 'es' ],
			formats: [ 'coaching' ], region: 'LAC', status: number === 3 ? 'matched' : 'open',
		},
	} ) ),
};

function fakeApi(): { api: mw.Api; calls: Record<string, unknown>[] } {
	const calls: Record<string, unknown>[] = [];
	const pages: Record<string, string> = {
		'Capacity building/Coaches/Ana': `Intro\n${ serialize( COACH_SCHEMA, profile( 'Ana' ) ) }`,
		'Capacity building/Topics.json': JSON.stringify( defaultTopics ),
		'Capacity building/Requests.json': JSON.stringify( requests ),
	};
	const get = jest.fn( ( params: Record<string, unknown> ) => {
		calls.push( params );
		let answer: unknown;
		if ( params.meta === 'languageinfo' ) {
			answer = { query: { languageinfo: { es: { code: 'es', name: 'Spanish', autonym: 'español' } } } };
		} else if ( params.list === 'users' ) {
			answer = { query: { users: [ { name: 'Ana' } ] } };
		} else if ( params.list === 'recentchanges' ) {
			answer = { query: { recentchanges: [] } };
		} else {
			const title = params.titles as string;
			answer = title in pages ?
				{ curtimestamp: '2026-12-02T00:00:00Z', query: { pages: [ { title, revisions: [ { revid: 5, timestamp: '2026-12-01T00:00:00Z', slots: { main: { content: pages[ title ] } } } ] } ] } } :
				{ query: { pages: [ { title, missing: true } ] } };
		}
		// mw.Api answers with a jQuery promise; a thenable with .then( done, fail ) is what the callers use.
		return Object.assign( Promise.resolve( answer ), { promise: () => Promise.resolve( answer ) } );
	} );
	return { api: { get } as unknown as mw.Api, calls };
}

beforeEach( () => {
	const fake = mw as unknown as Record<string, unknown>;
	fake.language = { listToText: ( items: string[] ) => items.join( ' + ' ), getFallbackLanguageChain: () => [ 'en' ] };
	fake.util = { getUrl: ( title: string ) => `/wiki/${ title.replace( / /g, '_' ) }` };
	fake.storage = { session: { get: () => null, set: jest.fn(), remove: jest.fn() }, getObject: () => null, setObject: jest.fn(), remove: jest.fn() };
	fake.Title = class {
		private readonly text: string;

		public constructor( text: string ) {
			this.text = text;
		}

		public getNamespaceId(): number {
			return 0;
		}

		public getMain(): string {
			return this.text.replace( / /g, '_' );
		}
	};
	( mw.config.get as jest.Mock ).mockImplementation( ( key: string ) => key === 'wgUserLanguage' ? 'en' : null );
} );

describe( 'profile pages', () => {
	it( 'knows which titles are profile pages', () => {
		expect( profileBase( 'Capacity building/Coaches/Ana' ) ).toBe( 'Capacity building' );
		expect( profileBase( 'Project:Capacity building/Coaches/Ana María' ) ).toBe( 'Project:Capacity building' );
		expect( profileBase( 'Capacity building/Coaches/Index' ) ).toBeNull();
		expect( profileBase( 'Capacity building/Coaches/Ana/Archive' ) ).toBeNull();
		expect( profileBase( 'Template:Capacity coach' ) ).toBeNull();
	} );
} );

describe( 'CoachProfile', () => {
	it( 'tells a logged-in stranger whose profile it is and loads nothing', () => {
		const { api, calls } = fakeApi();
		const wrapper = mount( CoachProfile, { props: { api, title: 'Capacity building/Coaches/Ana', base: 'Capacity building', owner: 'Ana', user: 'Bob' } } );
		expect( wrapper.find( '.ext-capacitybuilding-coach-profile__not-owner' ).text() ).toBe( qqx( 'capacitybuilding-coachprofile-not-owner', 'Ana' ) );
		expect( wrapper.find( '.ext-capacitybuilding-coach-profile__edit' ).exists() ).toBe( false );
		expect( calls ).toEqual( [] );
	} );

	it( 'asks a logged-out reader to log in if the profile is theirs', () => {
		const { api } = fakeApi();
		const wrapper = mount( CoachProfile, { props: { api, title: 'Capacity building/Coaches/Ana', base: 'Capacity building', owner: 'Ana', user: '' } } );
		expect( wrapper.find( '.ext-capacitybuilding-coach-profile__not-owner' ).text() ).toBe( qqx( 'capacitybuilding-coachprofile-not-owner-anon', 'Ana' ) );
	} );

	it( 'offers its owner the form and the open requests that match, without email when not emailable', async () => {
		const { api } = fakeApi();
		const wrapper = mount( CoachProfile, { props: { api, title: 'Capacity building/Coaches/Ana', base: 'Capacity building', owner: 'Ana', user: 'Ana' } } );
		for ( let i = 0; i < 6; i++ ) {
			await flushPromises();
		}
		// R2 needs German, R3 already has a coach.
		expect( wrapper.findAll( '.ext-capacitybuilding-matching-requests [data-request]' ).map( ( li ) => li.attributes( 'data-request' ) ) ).toEqual( [ '1' ] );
		await wrapper.find( '.ext-capacitybuilding-coach-profile__edit' ).trigger( 'click' );
		expect( wrapper.findAll( '[data-field="contact"] input[type="radio"]' ) ).toHaveLength( 1 );
		expect( wrapper.find( '[data-field="contact"]' ).text() ).toContain( qqx( 'capacitybuilding-coachprofile-email-unavailable' ) );
	} );
} );
