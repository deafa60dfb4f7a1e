/**
 * The hub page (modules/hubProfile): the hub as the judge has it (a stranger's hand edit is never
 * shown as the hub, nor put in the form), the form only for the hub's accepted contacts and admins,
 * and on a missing hub page the create form only for those who may create a hub, refusing before
 * saving a hub its contact creator is not listed in, and never overwriting a page created meanwhile.
 */
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import defaultTopics from '../../../../wiki/pages/Topics.json';
import { HUB_SCHEMA, type Hub } from '../../../../modules/core/model';
import { hubTitle } from '../../../../modules/core/pages';
import { parsePage, serialize } from '../../../../modules/core/wikitext/codec';
import HubProfile from '../../../../modules/hubProfile/HubProfile.vue';
import { createHistoryWiki, type HistoryWiki } from '../historyWiki';
import { qqx } from '../mwMock';

const BASE = 'Capacity building';
const KEY = 'Sahel';
const TITLE = hubTitle( BASE, KEY );

function hub( fields: Partial<Hub> = {} ): Hub {
	return { name: 'Sahel hub', kind: 'regional', regions: [ 'SSA' ], topics: [], languages: [ 'fr' ], contacts: [ 'Hana' ], noticeboard: '', ...fields };
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

async function settle(): Promise<void> {
	for ( let i = 0; i < 30; i++ ) {
		await new Promise( ( resolve ) => {
			setTimeout( resolve );
		} );
		await flushPromises();
	}
}

async function show( user: string, title = TITLE, missing = false ): Promise<VueWrapper> {
	template.textContent = `Rendering of: ${ wiki.pages.get( title )?.text }`;
	const key = title.slice( `${ BASE }/Hubs/`.length );
	const wrapper = mount( HubProfile, { props: { api: wiki.api, title, base: BASE, hubKey: key, user, missing,
		replaces: missing ? null : template } } );
	await settle();
	return wrapper;
}

/** Publishes the hubs index with the pages' latest revisions as accepted (as the bot does after judging them). */
function publish( keys: string[] = [ KEY ] ): void {
	wiki.publish( BASE, 'hubs', keys.map( ( key ) => {
		const title = hubTitle( BASE, key );
		const latest = wiki.history.get( title )?.at( -1 );
		return { key, page: title, revid: latest?.revid ?? 0, updated: latest?.timestamp ?? '', problems: 0, state: 'valid' as const,
			hub: parsePage( latest?.text ?? '', HUB_SCHEMA ).parsed?.record as Hub };
	} ) );
}

describe( 'HubProfile', () => {
	it( 'shows every reader the accepted hub in place of a stranger\'s edit, says it was not accepted, and gives the stranger no form', async () => {
		wiki.putAs( 'Adam', TITLE, serialize( HUB_SCHEMA, hub() ) );
		publish();
		const stranger = wiki.putAs( 'Mallory', TITLE, serialize( HUB_SCHEMA, hub( { name: 'Taken over', contacts: [ 'Mallory' ] } ) ) );
		for ( const user of [ '', 'Mallory' ] ) {
			const wrapper = await show( user );
			expect( template.hidden ).toBe( true );
			expect( wrapper.find( '.ext-capacitybuilding-hub-profile-view h2' ).text() ).toBe( 'Sahel hub' );
			expect( wrapper.find( '[data-fact="contacts"]' ).text() ).toContain( 'Hana' );
			expect( wrapper.text() ).not.toContain( 'Taken over' );
			const item = wrapper.find( '.ext-capacitybuilding-pending__item' );
			expect( item.attributes( 'data-revid' ) ).toBe( String( stranger.revid ) );
			expect( item.text() ).toContain( qqx( 'capacitybuilding-permission-hub-edit' ) );
			expect( wrapper.find( '.ext-capacitybuilding-hub-profile__not-contact' ).text() ).toBe( qqx( 'capacitybuilding-hubprofile-not-contact' ) );
			expect( wrapper.find( '.ext-capacitybuilding-hub-profile__edit' ).exists() ).toBe( false );
			wrapper.unmount();
		}
	} );

	it( 'gives a contact the form, starting from the accepted hub and saved on top of the latest revision', async () => {
		wiki.putAs( 'Adam', TITLE, serialize( HUB_SCHEMA, hub() ) );
		publish();
		const stranger = wiki.putAs( 'Mallory', TITLE, serialize( HUB_SCHEMA, hub( { name: 'Taken over', contacts: [ 'Mallory' ] } ) ) );
		wiki.editor = 'Hana';
		const wrapper = await show( 'Hana' );
		await wrapper.find( '.ext-capacitybuilding-hub-profile__edit' ).trigger( 'click' );
		expect( ( wrapper.find( '[data-field="name"] input' ).element as HTMLInputElement ).value ).toBe( 'Sahel hub' );
		expect( ( wrapper.find( '[data-field="contacts"] textarea' ).element as HTMLTextAreaElement ).value ).toBe( 'Hana' );
		await wrapper.find( '[data-field="contacts"] textarea' ).setValue( 'Hana\n\n  Omar \n' );
		await wrapper.find( 'form' ).trigger( 'submit' );
		await settle();
		expect( wiki.edits.at( -1 ) ).toMatchObject( { title: TITLE, baserevid: stranger.revid } );
		expect( parsePage( wiki.pages.get( TITLE )?.text ?? '', HUB_SCHEMA ).parsed?.record ).toEqual( hub( { contacts: [ 'Hana', 'Omar' ] } ) );
	} );

	it( 'gives a contact of an accepted hub the create form on a missing hub page, and refuses a hub that does not list them', async () => {
		wiki.putAs( 'Adam', TITLE, serialize( HUB_SCHEMA, hub() ) );
		publish();
		const title = hubTitle( BASE, 'Andes' );
		wiki.editor = 'Hana';
		const wrapper = await show( 'Hana', title, true );
		expect( wrapper.find( '.ext-capacitybuilding-hub-profile__create-intro' ).text() ).toBe( qqx( 'capacitybuilding-hubprofile-create-intro', 'Andes' ) );
		expect( ( wrapper.find( '[data-field="name"] input' ).element as HTMLInputElement ).value ).toBe( 'Andes' );
		await wrapper.find( '[data-field="kind"] input[value="regional"]' ).setValue( true );
		await wrapper.find( '[data-field="contacts"] textarea' ).setValue( 'Omar' );
		await wrapper.find( 'form' ).trigger( 'submit' );
		await settle();
		expect( wrapper.find( '[data-field="contacts"]' ).text() ).toContain( qqx( 'capacitybuilding-permission-hub-create-not-contact' ) );
		expect( wiki.pages.has( title ) ).toBe( false );

		await wrapper.find( '[data-field="contacts"] textarea' ).setValue( 'Hana\nOmar' );
		await wrapper.find( 'form' ).trigger( 'submit' );
		await settle();
		expect( wiki.edits.at( -1 ) ).toMatchObject( { title, createonly: true } );
		expect( parsePage( wiki.pages.get( title )?.text ?? '', HUB_SCHEMA ).parsed?.record ).toEqual(
			{ name: 'Andes', kind: 'regional', regions: [], topics: [], languages: [], contacts: [ 'Hana', 'Omar' ], noticeboard: '' } );
	} );

	it( 'never overwrites a hub page created meanwhile: it is loaded, explained, and the typing kept', async () => {
		wiki.putAs( 'Adam', TITLE, serialize( HUB_SCHEMA, hub() ) );
		publish();
		const title = hubTitle( BASE, 'Andes' );
		const wrapper = await show( 'Adam', title, true );
		await wrapper.find( '[data-field="kind"] input[value="thematic"]' ).setValue( true );
		await wrapper.find( '[data-field="contacts"] textarea' ).setValue( 'Omar' );
		wiki.putAs( 'Adam', title, serialize( HUB_SCHEMA, hub( { name: 'Andes, made meanwhile', contacts: [ 'Hana' ] } ) ) );
		wiki.editor = 'Adam';
		await wrapper.find( 'form' ).trigger( 'submit' );
		await settle();
		expect( wrapper.find( '.ext-capacitybuilding-hub-profile-form__exists' ).text() ).toBe( qqx( 'capacitybuilding-hubprofile-created-meanwhile' ) );
		expect( ( wrapper.find( '[data-field="contacts"] textarea' ).element as HTMLTextAreaElement ).value ).toBe( 'Omar' );
		expect( parsePage( wiki.pages.get( title )?.text ?? '', HUB_SCHEMA ).parsed?.record?.name ).toBe( 'Andes, made meanwhile' );
	} );

	it( 'tells a stranger and a logged-out reader who may create a missing hub, with no form', async () => {
		wiki.putAs( 'Adam', TITLE, serialize( HUB_SCHEMA, hub() ) );
		publish();
		for ( const user of [ '', 'Mallory' ] ) {
			const wrapper = await show( user, hubTitle( BASE, 'Andes' ), true );
			expect( wrapper.find( '.ext-capacitybuilding-hub-profile__not-contact' ).text() )
				.toBe( qqx( 'capacitybuilding-hubprofile-not-contact-missing', 'Andes' ) );
			expect( wrapper.find( 'form' ).exists() ).toBe( false );
			wrapper.unmount();
		}
	} );
} );
