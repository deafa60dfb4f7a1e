import { flushPromises, mount } from '@vue/test-utils';
import defaultTopics from '../../../../wiki/pages/Topics.json';
import { COACH_SCHEMA, REQUEST_SCHEMA, emptyRecord, type CoachProfile as Profile } from '../../../../modules/core/model';
import { parsePage, serialize } from '../../../../modules/core/wikitext/codec';
import CoachProfile from '../../../../modules/coachProfile/CoachProfile.vue';
import TopicPicker from '../../../../modules/shared/components/TopicPicker.vue';
import { qqx } from '../mwMock';
import { clearStorage, seedDraft, storedDraft } from '../storedDrafts';
import { publishedIndex, revisionsAnswer } from '../indexFixtures';

function profile( user: string ): Profile {
	return {
		...emptyRecord( COACH_SCHEMA ), user, topics: [ 'grant-writing' ], languages: [ 'es' ], formats: [ 'coaching' ],
		availability: 'available', maxRequests: '2', contact: 'talk',
	};
}

const requests = publishedIndex( 'Capacity building', 'requests', [ 1, 2, 3 ].map( ( number ) => ( {
	number, page: `Capacity building/Requests/R${ number }`, revid: number, updated: '2026-12-01T00:00:00Z', feedback: 0, problems: 0,
	state: 'valid' as const, history: [],
	request: {
		...emptyRecord( REQUEST_SCHEMA ), title: `Request ${ number }`, topics: [ 'grant-writing' ], languages: [ number === 2 ? 'de' : 'es' ],
		formats: [ 'coaching' ], region: 'LAC', status: number === 3 ? 'matched' : 'open',
	},
} ) ), { generated: '2026-12-01T00:00:00Z', perPart: 2 } );

type Answer = { ok: unknown } | { fail: string };

/** What mw.Api hands back: a thenable whose failure carries the error code (a jQuery promise's `fail`). */
function respond( result: Answer ): unknown {
	return {
		then: ( done: ( value: unknown ) => void, fail: ( code: string, data: unknown ) => void ) => {
			if ( 'ok' in result ) {
				done( result.ok );
			} else {
				fail( result.fail, { errors: [ { code: result.fail, text: result.fail } ] } );
			}
		},
	};
}

function fakeApi( edits: ( ( params: Record<string, unknown> ) => Answer )[] = [] ): {
	api: mw.Api; calls: Record<string, unknown>[]; posts: Record<string, unknown>[]; pages: Record<string, string>;
} {
	const calls: Record<string, unknown>[] = [];
	const posts: Record<string, unknown>[] = [];
	const pages: Record<string, string> = {
		'Capacity building/Coaches/Ana': `Intro\n${ serialize( COACH_SCHEMA, profile( 'Ana' ) ) }`,
		'Capacity building/Topics.json': JSON.stringify( defaultTopics ),
		'Capacity building/Requests.json': JSON.stringify( requests.manifest ),
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
		} else if ( params.revids !== undefined ) {
			answer = revisionsAnswer( requests.revisions, params.revids );
		} else {
			const title = params.titles as string;
			// Each page's one revision, saved by the coach it belongs to (or an admin).
			const user = String( title ).startsWith( 'Capacity building/Coaches/' ) ? title.slice( 'Capacity building/Coaches/'.length ) : 'Admin';
			answer = title in pages ?
				{ curtimestamp: '2026-12-02T00:00:00Z', query: { pages: [ { title, lastrevid: 5, revisions: [ { revid: 5, user, timestamp: '2026-12-01T00:00:00Z', slots: { main: { content: pages[ title ] } } } ] } ] } } :
				{ query: { pages: [ { title, missing: true } ] } };
		}
		// mw.Api answers with a jQuery promise; a thenable with .then( done, fail ) is what the callers use.
		return Object.assign( Promise.resolve( answer ), { promise: () => Promise.resolve( answer ) } );
	} );
	const postWithEditToken = jest.fn( ( params: Record<string, unknown> ) => {
		posts.push( params );
		const next = edits.shift();
		return respond( next ? next( params ) : { fail: 'unexpected-edit' } );
	} );
	return { api: { get, postWithEditToken } as unknown as mw.Api, calls, posts, pages };
}

const stored = new Map<string, unknown>();
/** The user id the page is viewed as (mw.config's wgUserId; 0 when logged out). */
let userId = 5;

beforeEach( () => {
	const fake = mw as unknown as Record<string, unknown>;
	fake.language = { listToText: ( items: string[] ) => items.join( ' + ' ), getFallbackLanguageChain: () => [ 'en' ] };
	stored.clear();
	fake.storage = {
		session: { get: () => null, set: jest.fn(), remove: jest.fn() },
		getObject: ( key: string ) => stored.get( key ) ?? null,
		setObject: jest.fn( ( key: string, value: unknown ) => stored.set( key, value ) ),
		remove: jest.fn( ( key: string ) => stored.delete( key ) ),
	};
	fake.util = { getUrl: ( title: string, query?: Record<string, string> ) => `/wiki/${ title.replace( / /g, '_' ) }${ query ? `?${ new URLSearchParams( query ).toString() }` : '' }` };
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
	// Logged in as Carla (user id 5) unless a test logs out.
	userId = 5;
	clearStorage();
	( mw.config.get as jest.Mock ).mockImplementation( ( key: string ) => ( { wgUserLanguage: 'en', wgUserId: userId || null } as Record<string, unknown> )[ key ] ?? null );
} );

describe( 'CoachProfile', () => {
	it( 'tells a logged-in stranger whose profile it is, shows it with names, and loads nothing for editing', async () => {
		const { api, calls } = fakeApi();
		const template = document.createElement( 'div' );
		template.innerHTML = '<table><tr><td>grant-writing</td><td>es</td></tr></table>';
		const wrapper = mount( CoachProfile, { props: {
			api, title: 'Capacity building/Coaches/Ana', base: 'Capacity building', owner: 'Ana', user: 'Bob', replaces: template, today: '2026-12-02',
		} } );
		expect( wrapper.find( '.ext-capacitybuilding-coach-profile__not-owner' ).text() ).toBe( qqx( 'capacitybuilding-coachprofile-not-owner', 'Ana' ) );
		expect( wrapper.find( '.ext-capacitybuilding-coach-profile__edit' ).exists() ).toBe( false );
		await settle();
		// Names, not codes, in place of the template's rendering.
		expect( wrapper.find( '[data-fact="topics"] dd' ).text() ).toBe( qqx( 'capacitybuilding-topic-grant-writing' ) );
		expect( wrapper.find( '[data-fact="languages"] dd' ).text() ).toBe( 'Spanish' );
		expect( wrapper.find( '[data-fact="formats"] dd' ).text() ).toBe( qqx( 'capacitybuilding-format-coaching' ) );
		expect( wrapper.find( '[data-fact="contact"] a' ).attributes( 'href' ) ).toBe( '/wiki/User_talk:Ana' );
		expect( template.hidden ).toBe( true );
		expect( template.children ).toHaveLength( 0 );
		// The page, the topics and the language names; nothing an editor needs.
		// The profile as the judge has it (the coaches index, here not published; the page's revisions; the
		// configuration), the topics and the language names; nothing an editor needs.
		expect( calls.map( ( c ) => c.titles ?? c.meta ).sort() ).toEqual( [
			'Capacity building/Coaches.json', 'Capacity building/Coaches/Ana', 'Capacity building/Topics.json', 'MediaWiki:Gadget-capacityBuilding-config.json', 'languageinfo',
		] );
	} );

	it( 'keeps the template’s rendering when the profile cannot be loaded', async () => {
		const { api } = fakeApi();
		( api.get as jest.Mock ).mockImplementation( () => Promise.reject( 'http' ) );
		const template = document.createElement( 'div' );
		template.innerHTML = '<table></table>';
		const wrapper = mount( CoachProfile, { props: { api, title: 'Capacity building/Coaches/Ana', base: 'Capacity building', owner: 'Ana', user: '', replaces: template } } );
		await settle();
		expect( template.hidden ).toBe( false );
		expect( template.children ).toHaveLength( 1 );
		expect( wrapper.find( '.ext-capacitybuilding-coach-profile-view' ).exists() ).toBe( false );
	} );

	it( 'tells the owner why a page they cannot edit cannot be edited, instead of offering the form', async () => {
		const { api } = fakeApi();
		const get = api.get as jest.Mock;
		const original = get.getMockImplementation() as ( params: Record<string, unknown> ) => unknown;
		get.mockImplementation( ( params: Record<string, unknown> ) => params.intestactions === 'edit' ?
			Object.assign( Promise.resolve( { query: { pages: [ { actions: { edit: [ { code: 'protectedpage', html: '<b class="why">Protected.</b>' } ] } } ] } } ), {} ) :
			original( params ) );
		const wrapper = mount( CoachProfile, { props: { api, title: 'Capacity building/Coaches/Ana', base: 'Capacity building', owner: 'Ana', user: 'Ana' } } );
		await settle();
		expect( wrapper.find( '.ext-capacitybuilding-coach-profile__edit' ).exists() ).toBe( false );
		expect( wrapper.find( '.ext-capacitybuilding-coach-profile__locked' ).text() ).toContain( qqx( 'capacitybuilding-coachprofile-locked' ) );
		expect( wrapper.find( '.ext-capacitybuilding-coach-profile__locked .why' ).text() ).toBe( 'Protected.' );
	} );

	it( 'asks a logged-out reader to log in if the profile is theirs', () => {
		const { api } = fakeApi();
		const wrapper = mount( CoachProfile, { props: { api, title: 'Capacity building/Coaches/Ana', base: 'Capacity building', owner: 'Ana', user: '' } } );
		expect( wrapper.find( '.ext-capacitybuilding-coach-profile__not-owner' ).text() ).toBe( qqx( 'capacitybuilding-coachprofile-not-owner-anon', 'Ana' ) );
	} );

	it( 'offers its owner the form and the open requests that match, without email when not emailable', async () => {
		const { api, calls } = fakeApi();
		const wrapper = mount( CoachProfile, { props: { api, title: 'Capacity building/Coaches/Ana', base: 'Capacity building', owner: 'Ana', user: 'Ana' } } );
		await settle();
		// R2 needs German, R3 already has a coach.
		expect( wrapper.findAll( '.ext-capacitybuilding-matching-requests [data-request]' ).map( ( li ) => li.attributes( 'data-request' ) ) ).toEqual( [ '1' ] );
		// Only the part whose requests seek a coach is read (R3's part holds none).
		expect( calls.filter( ( c ) => c.revids !== undefined ).map( ( c ) => c.revids ) ).toEqual( [ [ requests.manifest.parts[ 0 ]?.revid ] ] );
		await wrapper.find( '.ext-capacitybuilding-coach-profile__edit' ).trigger( 'click' );
		expect( wrapper.findAll( '[data-field="contact"] input[type="radio"]' ) ).toHaveLength( 1 );
		expect( wrapper.find( '[data-field="contact"]' ).text() ).toContain( qqx( 'capacitybuilding-coachprofile-email-unavailable' ) );
	} );

	it( 'explains a profile page that does not exist yet is someone else\'s, and links to the reader\'s own', async () => {
		const { api, posts } = fakeApi();
		const wrapper = mount( CoachProfile, { props: { api, title: 'Capacity building/Coaches/Ana', base: 'Capacity building', owner: 'Ana', user: 'Bob', missing: true } } );
		await settle();
		expect( wrapper.find( '.ext-capacitybuilding-coach-profile__not-owner' ).text() ).toBe( qqx( 'capacitybuilding-coachprofile-not-owner-missing', 'Ana' ) );
		expect( wrapper.find( '.ext-capacitybuilding-coach-profile__own' ).attributes( 'href' ) ).toBe( '/wiki/Capacity_building/Coaches/Bob' );
		expect( wrapper.find( 'form' ).exists() ).toBe( false );
		expect( posts ).toEqual( [] );
	} );

	it( 'shows nothing on a missing page that is not under the configured base page', async () => {
		const { api } = fakeApi();
		const wrapper = mount( CoachProfile, { props: { api, title: 'Elsewhere/Coaches/Ana', base: 'Elsewhere', owner: 'Ana', user: 'Ana', missing: true } } );
		await settle();
		expect( wrapper.html() ).toBe( '<!--v-if-->' );
	} );
} );

/** A profile's values as the form would hold them after the coach filled it in. */
const filled = { topics: [ 'grant-writing' ], languages: [ 'es' ], formats: [ 'coaching' ], maxRequests: '3', bio: 'Te ayudo | con }} informes.' };

async function settle(): Promise<void> {
	for ( let i = 0; i < 20; i++ ) {
		await flushPromises();
	}
}

describe( 'creating a profile', () => {
	const title = 'Capacity building/Coaches/Carla';
	const props = { title, base: 'Capacity building', owner: 'Carla', missing: true };

	it( 'opens the empty form on the owner\'s missing page and creates the page create-only', async () => {
		const { api, posts } = fakeApi( [ () => ( { ok: { edit: { result: 'Success', newrevid: 9, title } } } ) ] );
		// What the coach typed before logging in, kept as a logged-out draft.
		seedDraft( 0, 'coachProfile', title, { ...profile( 'Carla' ), ...filled } );
		const wrapper = mount( CoachProfile, { props: { ...props, api, user: 'Carla' } } );
		await settle();
		expect( wrapper.find( '.ext-capacitybuilding-coach-profile__create-intro' ).text() ).toBe( qqx( 'capacitybuilding-coachprofile-create-intro', 'Carla' ) );
		expect( wrapper.find( '.ext-capacitybuilding-coach-profile-form__login' ).exists() ).toBe( false );
		expect( wrapper.find( '.ext-capacitybuilding-matching-requests' ).exists() ).toBe( false );
		expect( ( wrapper.find( '[data-field="bio"] textarea' ).element as HTMLTextAreaElement ).value ).toBe( filled.bio );
		await wrapper.find( 'form' ).trigger( 'submit' );
		await settle();
		expect( posts ).toHaveLength( 1 );
		expect( posts[ 0 ] ).toMatchObject( { action: 'edit', title, createonly: true, assert: 'user', summary: qqx( 'capacitybuilding-coachprofile-summary-create' ) } );
		expect( posts[ 0 ]?.nocreate ).toBeUndefined();
		expect( parsePage( String( posts[ 0 ]?.text ), COACH_SCHEMA ).parsed?.record ).toEqual( { ...profile( 'Carla' ), ...filled } );
		// The page reloads to show the new profile and says it was saved; the draft is used up.
		expect( mw.storage.session.set ).toHaveBeenCalledWith( 'capacityBuilding-coachProfile-saved', title );
		expect( storedDraft( 0, 'coachProfile', title ) ).toBeNull();
		expect( storedDraft( 5, 'coachProfile', title ) ).toBeNull();
	} );

	it( 'starts from the core\'s new profile: the coach\'s name, available, talk page', async () => {
		const { api } = fakeApi();
		const wrapper = mount( CoachProfile, { props: { ...props, api, user: 'Carla' } } );
		await settle();
		expect( ( wrapper.find( '[data-field="availability"] input:checked' ).element as HTMLInputElement ).value ).toBe( 'available' );
		expect( ( wrapper.find( '[data-field="contact"] input:checked' ).element as HTMLInputElement ).value ).toBe( 'talk' );
		// Nothing typed yet: saving shows what is missing and sends nothing.
		await wrapper.find( 'form' ).trigger( 'submit' );
		await settle();
		expect( wrapper.find( '.ext-capacitybuilding-coach-profile-form__problems' ).exists() ).toBe( true );
		expect( wrapper.find( '[data-field="topics"] .cdx-message--error' ).exists() ).toBe( true );
		// Several problems with one field are a list, each problem whole.
		wrapper.findComponent( TopicPicker ).vm.$emit( 'update:modelValue', [ 'no-such-topic', 'nor-this-one' ] );
		await settle();
		expect( wrapper.findAll( '[data-field="topics"] .ext-capacitybuilding-field-problems li' ).map( ( li ) => li.text() ) ).toEqual( [
			qqx( 'capacitybuilding-validation-unknown-topic', 'no-such-topic' ), qqx( 'capacitybuilding-validation-unknown-topic', 'nor-this-one' ),
		] );
	} );

	it( 'lets a logged-out visitor fill it in, keeps the draft and sends them to log in and back', async () => {
		const { api, posts } = fakeApi();
		userId = 0;
		seedDraft( 0, 'coachProfile', title, { ...profile( 'Carla' ), ...filled } );
		const wrapper = mount( CoachProfile, { props: { ...props, api, user: '' } } );
		await settle();
		const login = wrapper.find( '.ext-capacitybuilding-coach-profile-form__login a' );
		expect( login.attributes( 'href' ) ).toBe( `/wiki/Special:UserLogin?returnto=${ encodeURIComponent( title ).replace( /%20/g, '+' ) }` );
		await wrapper.find( '[data-field="bio"] textarea' ).setValue( 'Changed while logged out.' );
		await wrapper.find( 'form' ).trigger( 'submit' );
		await settle();
		expect( posts ).toEqual( [] );
		expect( wrapper.find( '.ext-capacitybuilding-save-error' ).attributes( 'data-code' ) ).toBe( 'mustbeloggedin' );
		await login.trigger( 'click' );
		expect( storedDraft( 0, 'coachProfile', title ) ).toMatchObject( { value: { bio: 'Changed while logged out.', topics: filled.topics } } );
	} );

	it( 'loads a page someone created meanwhile, explains, keeps what was typed, and then edits that page', async () => {
		const theirs = serialize( COACH_SCHEMA, { ...profile( 'Carla' ), bio: 'Written by someone else.' } );
		const fake = fakeApi( [
			() => {
				fake.pages[ title ] = `Intro\n${ theirs }`;
				return { fail: 'articleexists' };
			},
			() => ( { ok: { edit: { result: 'Success', newrevid: 11, title } } } ),
		] );
		seedDraft( 5, 'coachProfile', title, { ...profile( 'Carla' ), ...filled } );
		const wrapper = mount( CoachProfile, { props: { ...props, api: fake.api, user: 'Carla' } } );
		await settle();
		await wrapper.find( 'form' ).trigger( 'submit' );
		await settle();
		expect( wrapper.find( '.ext-capacitybuilding-coach-profile-form__exists' ).text() ).toBe( qqx( 'capacitybuilding-coachprofile-created-meanwhile' ) );
		expect( ( wrapper.find( '[data-field="bio"] textarea' ).element as HTMLTextAreaElement ).value ).toBe( filled.bio );
		expect( wrapper.find( '.ext-capacitybuilding-save-error' ).exists() ).toBe( false );
		await wrapper.find( 'form' ).trigger( 'submit' );
		await settle();
		expect( fake.posts ).toHaveLength( 2 );
		expect( fake.posts[ 1 ] ).toMatchObject( { title, nocreate: true, baserevid: 5 } );
		const text = String( fake.posts[ 1 ]?.text );
		expect( text.startsWith( 'Intro\n' ) ).toBe( true );
		expect( parsePage( text, COACH_SCHEMA ).parsed?.record ).toEqual( { ...profile( 'Carla' ), ...filled } );
	} );
} );
