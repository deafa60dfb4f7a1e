/**
 * The coach profile page shows the profile as the judge has it (shared/judgedPages.ts): a
 * stranger's hand edit of someone's profile is never shown as theirs, nor put in their form.
 */
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import defaultTopics from '../../../../wiki/pages/Topics.json';
import { COACH_SCHEMA, emptyRecord, type CoachProfile as Profile } from '../../../../modules/core/model';
import { coachTitle } from '../../../../modules/core/pages';
import { parsePage, serialize } from '../../../../modules/core/wikitext/codec';
import CoachProfile from '../../../../modules/coachProfile/CoachProfile.vue';
import { createHistoryWiki, type HistoryWiki } from '../historyWiki';
import { qqx } from '../mwMock';

const BASE = 'Capacity building';
const TITLE = coachTitle( BASE, 'Ana' );

function profile( fields: Partial<Profile> = {} ): Profile {
	return {
		...emptyRecord( COACH_SCHEMA ), user: 'Ana', topics: [ 'grant-writing' ], languages: [ 'fr' ], formats: [ 'coaching' ],
		availability: 'available', maxRequests: '2', contact: 'talk', bio: 'Ana\'s own words.', ...fields,
	};
}

let wiki: HistoryWiki;
/** The template's rendering of the page's current text, as the page view has it. */
let template: HTMLElement;

beforeEach( () => {
	const fake = mw as unknown as Record<string, unknown>;
	fake.language = { listToText: ( items: string[] ) => items.join( ' + ' ), getFallbackLanguageChain: () => [ 'en' ] };
	fake.storage = { session: { get: () => null, set: jest.fn(), remove: jest.fn() }, getObject: () => null, setObject: jest.fn(), remove: jest.fn() };
	fake.Title = class {
		public constructor( private readonly text: string ) {}

		public getNamespaceId(): number {
			return 0;
		}

		public getMain(): string {
			return this.text.replace( / /g, '_' );
		}
	};
	( mw.config.get as jest.Mock ).mockImplementation( ( key: string ) => ( { wgUserLanguage: 'en', wgUserId: 5 } as Record<string, unknown> )[ key ] ?? null );
	wiki = createHistoryWiki();
	wiki.putAs( 'Adam', 'MediaWiki:Gadget-capacityBuilding-config.json', JSON.stringify( { admins: [ 'Adam' ] } ) );
	wiki.putAs( 'Adam', `${ BASE }/Topics.json`, JSON.stringify( defaultTopics ) );
	template = document.createElement( 'div' );
	template.className = 'ext-capacitybuilding-marker';
} );

async function show( user: string ): Promise<VueWrapper> {
	template.textContent = `Rendering of: ${ wiki.pages.get( TITLE )?.text }`;
	const wrapper = mount( CoachProfile, { props: { api: wiki.api, title: TITLE, base: BASE, owner: 'Ana', user, replaces: template } } );
	for ( let i = 0; i < 30; i++ ) {
		await new Promise( ( resolve ) => {
			setTimeout( resolve );
		} );
		await flushPromises();
	}
	return wrapper;
}

function publish(): void {
	const latest = wiki.history.get( TITLE )?.at( -1 );
	wiki.publish( BASE, 'coaches', [ { user: 'Ana', page: TITLE, revid: latest?.revid ?? 0, updated: latest?.timestamp ?? '', problems: 0,
		state: 'valid', activeRequests: 0, profile: profile() } ] );
}

describe( 'CoachProfile as the judge has it', () => {
	it( 'shows every reader the accepted profile in place of a stranger\'s edit, and says a newer edit awaits checking', async () => {
		wiki.putAs( 'Ana', TITLE, serialize( COACH_SCHEMA, profile() ) );
		publish();
		const stranger = wiki.putAs( 'Stranger', TITLE, serialize( COACH_SCHEMA, profile( { bio: 'Hire the stranger instead.' } ) ) );
		const wrapper = await show( 'Bob' );
		// The page's rendering of the stranger's text gave way to the accepted profile.
		expect( template.hidden ).toBe( true );
		expect( template.textContent ).toBe( '' );
		expect( wrapper.find( '.ext-capacitybuilding-coach-profile-view__bio' ).text() ).toBe( 'Ana\'s own words.' );
		const item = wrapper.find( '.ext-capacitybuilding-pending__item' );
		expect( item.attributes( 'data-revid' ) ).toBe( String( stranger.revid ) );
		expect( item.text() ).toContain( qqx( 'capacitybuilding-permission-coach-not-owner', 'Ana' ) );
	} );

	it( 'shows the coach\'s own edits made since the index was published at once', async () => {
		wiki.putAs( 'Ana', TITLE, serialize( COACH_SCHEMA, profile() ) );
		publish();
		wiki.putAs( 'Ana', TITLE, serialize( COACH_SCHEMA, profile( { bio: 'Ana, updated.' } ) ) );
		const wrapper = await show( '' );
		expect( wrapper.find( '.ext-capacitybuilding-coach-profile-view__bio' ).text() ).toBe( 'Ana, updated.' );
		expect( wrapper.find( '.ext-capacitybuilding-pending' ).exists() ).toBe( false );
	} );

	it( 'gives the owner a form that starts from the accepted profile, saved on top of the latest revision', async () => {
		wiki.putAs( 'Ana', TITLE, serialize( COACH_SCHEMA, profile() ) );
		publish();
		const stranger = wiki.putAs( 'Stranger', TITLE, serialize( COACH_SCHEMA, profile( { bio: 'Hire the stranger instead.' } ) ) );
		wiki.editor = 'Ana';
		const wrapper = await show( 'Ana' );
		await wrapper.find( '.ext-capacitybuilding-coach-profile__edit' ).trigger( 'click' );
		const bio = wrapper.find( '[data-field="bio"] textarea' );
		expect( ( bio.element as HTMLTextAreaElement ).value ).toBe( 'Ana\'s own words.' );
		await wrapper.find( '[data-field="maxRequests"] input' ).setValue( '3' );
		await wrapper.find( 'form' ).trigger( 'submit' );
		for ( let i = 0; i < 20; i++ ) {
			await new Promise( ( resolve ) => {
				setTimeout( resolve );
			} );
			await flushPromises();
		}
		expect( wiki.edits.at( -1 ) ).toMatchObject( { title: TITLE, baserevid: stranger.revid } );
		expect( parsePage( wiki.pages.get( TITLE )?.text ?? '', COACH_SCHEMA ).parsed?.record ).toEqual( profile( { maxRequests: '3' } ) );
	} );

	it( 'shows nothing of a profile page someone else made in the coach\'s name, and lets the coach write their own over it', async () => {
		const fake = wiki.putAs( 'Stranger', TITLE, serialize( COACH_SCHEMA, profile( { bio: 'Fake Ana.' } ) ) );
		const wrapper = await show( 'Ana' );
		expect( template.hidden ).toBe( true );
		expect( template.textContent ).toBe( '' );
		expect( wrapper.find( '.ext-capacitybuilding-coach-profile-view' ).exists() ).toBe( false );
		expect( wrapper.find( '.ext-capacitybuilding-pending__item' ).attributes( 'data-revid' ) ).toBe( String( fake.revid ) );
		await wrapper.find( '.ext-capacitybuilding-coach-profile__edit' ).trigger( 'click' );
		expect( ( wrapper.find( '[data-field="bio"] textarea' ).element as HTMLTextAreaElement ).value ).toBe( '' );
	} );
} );
