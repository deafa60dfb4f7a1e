/**
 * The request form in jsdom, against an in-memory wiki: every state a person can meet (empty,
 * invalid, preview, saving, each kind of failure, captcha, logged out, draft restore, edit mode).
 */
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { CdxSelect } from '@wikimedia/codex';
import RequestForm from '../../../../modules/requestForm/RequestForm.vue';
import LanguagePicker from '../../../../modules/shared/components/LanguagePicker.vue';
import TopicPicker from '../../../../modules/shared/components/TopicPicker.vue';
import { REQUEST_SCHEMA, type CapacityRequest } from '../../../../modules/core/model';
import { parsePage, serialize } from '../../../../modules/core/wikitext/codec';
import { installMw, qqx, type FakeMw } from '../mwMock';
import { clearStorage, seedDraft, storedDraft } from '../storedDrafts';
import { createHistoryWiki, type HistoryWiki } from '../historyWiki';
import defaultTopics from '../../../../wiki/pages/Topics.json';

jest.setTimeout( 30_000 );

const CONFIG = 'MediaWiki:Gadget-capacityBuilding-config.json';
/** Ada's user id. */
const ADA = 3;

let fakeMw: FakeMw & { cookie: { set: jest.Mock } };
let wiki: HistoryWiki;
let wrapper: VueWrapper | null = null;

async function settle(): Promise<void> {
	for ( let i = 0; i < 6; i++ ) {
		await new Promise( ( resolve ) => {
			setTimeout( resolve );
		} );
		await flushPromises();
	}
}

beforeEach( () => {
	fakeMw = Object.assign( installMw(), { cookie: { set: jest.fn() } } );
	fakeMw.user.getName.mockReturnValue( 'Ada' );
	fakeMw.user.isAnon.mockReturnValue( false );
	fakeMw.config.get.mockImplementation( ( key: string ) => key === 'wgUserId' && fakeMw.user.getName() ? ADA : null );
	clearStorage();
	wiki = createHistoryWiki();
	// What the edit mode's judging reads besides pages (hub pages when no index is published).
	( fakeMw as unknown as { Title: unknown } ).Title = class {
		public constructor( private readonly title: string ) {}

		public getNamespaceId(): number {
			return 0;
		}

		public getMain(): string {
			return this.title.replace( / /g, '_' );
		}
	};
	wiki.put( 'Capacity building/Topics.json', JSON.stringify( defaultTopics ) );
	wiki.put( CONFIG, JSON.stringify( { privateRoutes: [ { category: 'conflict', user: 'Trusted Person' } ], changeTag: 'capacity-building' } ) );
	wiki.tags = [ 'capacity-building' ];
} );

afterEach( () => {
	wrapper?.unmount();
	wrapper = null;
} );

async function mountForm( editTitle: string | null = null ): Promise<VueWrapper> {
	wrapper = mount( RequestForm, { props: { api: wiki.api, editTitle }, attachTo: document.body } );
	await settle();
	return wrapper;
}

function fieldOf( w: VueWrapper, key: string ): ReturnType<VueWrapper['find']> {
	return w.find( `#ext-capacitybuilding-request-form-${ key }` );
}

async function fillValid( w: VueWrapper, title = 'Help with grant writing' ): Promise<void> {
	await fieldOf( w, 'title' ).find( 'input' ).setValue( title );
	await fieldOf( w, 'requesterType' ).find( 'input[value="individual"]' ).setValue( true );
	w.findComponent( CdxSelect ).vm.$emit( 'update:selected', 'NWE' );
	w.findComponent( TopicPicker ).vm.$emit( 'update:modelValue', [ 'grant-writing' ] );
	await fieldOf( w, 'formats' ).find( 'input[value="workshop"]' ).setValue( true );
	w.findComponent( LanguagePicker ).vm.$emit( 'update:modelValue', [ 'fr' ] );
	await fieldOf( w, 'description' ).find( 'textarea' ).setValue( 'We need help writing our first grant report.' );
	await flushPromises();
}

async function submit( w: VueWrapper ): Promise<void> {
	await w.find( 'form' ).trigger( 'submit' );
	await settle();
}

function savedRequests(): CapacityRequest[] {
	return [ ...wiki.pages.entries() ].filter( ( [ title ] ) => title.includes( '/Requests/R' ) )
		.map( ( [ , page ] ) => parsePage( page.text, REQUEST_SCHEMA ).parsed?.record as CapacityRequest );
}

describe( 'RequestForm', () => {
	it( 'empty: shows every field and the private route for sensitive matters', async () => {
		const w = await mountForm();
		for ( const key of [ 'title', 'requesterType', 'organisation', 'region', 'topics', 'formats', 'languages', 'neededBy', 'description' ] ) {
			expect( fieldOf( w, key ).exists() ).toBe( true );
		}
		const sensitive = w.find( '.ext-capacitybuilding-request-form__sensitive' );
		expect( sensitive.text() ).toContain( qqx( 'capacitybuilding-requestform-sensitive' ) );
		// The way to turn privately is the private route right above the form, named here.
		expect( sensitive.text() ).toContain( qqx( 'capacitybuilding-requestform-sensitive-private' ) );
		expect( sensitive.find( 'a' ).exists() ).toBe( false );
		expect( w.find( '.cdx-message--error' ).exists() ).toBe( false );
		expect( w.find( '.ext-capacitybuilding-request-form__login' ).exists() ).toBe( false );
	} );

	it( 'invalid: shows the core’s messages on their fields, focuses the first, saves nothing', async () => {
		const w = await mountForm();
		await fieldOf( w, 'description' ).find( 'textarea' ).setValue( 'too short' );
		await fieldOf( w, 'requesterType' ).find( 'input[value="group"]' ).setValue( true );
		await submit( w );
		expect( fieldOf( w, 'title' ).text() ).toContain( qqx( 'capacitybuilding-validation-required' ) );
		expect( fieldOf( w, 'organisation' ).text() ).toContain( qqx( 'capacitybuilding-validation-organisation-required' ) );
		expect( fieldOf( w, 'description' ).text() ).toContain( qqx( 'capacitybuilding-validation-too-short', 20 ) );
		expect( fieldOf( w, 'neededBy' ).find( '.cdx-message--error' ).exists() ).toBe( false );
		expect( document.activeElement ).toBe( fieldOf( w, 'title' ).find( 'input' ).element );
		expect( wiki.edits ).toEqual( [] );
		// Errors follow the typing once shown.
		await fieldOf( w, 'title' ).find( 'input' ).setValue( 'A fine title' );
		expect( fieldOf( w, 'title' ).find( '.cdx-message--error' ).exists() ).toBe( false );
	} );

	it( 'invalid: shows several problems of one field as a list, each whole', async () => {
		const w = await mountForm();
		// Two topics the taxonomy does not have: two problems with the topics.
		w.findComponent( TopicPicker ).vm.$emit( 'update:modelValue', [ 'no-such-topic', 'nor-this-one' ] );
		await submit( w );
		const items = fieldOf( w, 'topics' ).findAll( '.ext-capacitybuilding-field-problems li' ).map( ( li ) => li.text() );
		expect( items ).toEqual( [ qqx( 'capacitybuilding-validation-unknown-topic', 'no-such-topic' ), qqx( 'capacitybuilding-validation-unknown-topic', 'nor-this-one' ) ] );
		// One problem stays the field's own message.
		expect( fieldOf( w, 'description' ).findAll( '.ext-capacitybuilding-field-problems' ) ).toHaveLength( 0 );
		expect( fieldOf( w, 'description' ).find( '.cdx-message--error' ).text() ).toBe( qqx( 'capacitybuilding-validation-required' ) );
	} );

	it( 'preview: renders the generated wikitext through the parser', async () => {
		const w = await mountForm();
		await fillValid( w, 'Preview | me' );
		const previewButton = w.findAll( 'button' ).find( ( b ) => b.text() === qqx( 'capacitybuilding-requestform-preview' ) );
		await previewButton?.trigger( 'click' );
		await settle();
		expect( w.find( '.ext-capacitybuilding-preview__content pre' ).text() ).toContain( '| title = <nowiki>Preview | me</nowiki>' );
		expect( wiki.edits ).toEqual( [] );
	} );

	it( 'saving: creates the next request with summary and tag, then opens it with a notice', async () => {
		wiki.put( 'Capacity building/Requests/R7', serialize( REQUEST_SCHEMA, { ...parsePage( '', REQUEST_SCHEMA ).parsed?.record } as CapacityRequest ) );
		const w = await mountForm();
		await fillValid( w );
		const pending = w.find( 'form' ).trigger( 'submit' );
		await pending;
		// While the save runs: the buttons are disabled and progress is shown.
		const buttons = w.find( '.ext-capacitybuilding-request-form__buttons' ).findAll( 'button' );
		expect( buttons.map( ( b ) => b.attributes( 'disabled' ) ) ).toEqual( [ '', '' ] );
		expect( w.find( '.cdx-progress-bar' ).exists() ).toBe( true );
		await settle();
		const saved = parsePage( wiki.pages.get( 'Capacity building/Requests/R8' )?.text ?? '', REQUEST_SCHEMA ).parsed?.record;
		expect( saved ).toMatchObject( { title: 'Help with grant writing', requester: 'Ada', status: 'open', topics: [ 'grant-writing' ], languages: [ 'fr' ] } );
		expect( wiki.pages.has( 'Capacity building/Requests/R8' ) ).toBe( true );
		expect( wiki.edits.at( -1 ) ).toMatchObject( {
			title: 'Capacity building/Requests/R8', createonly: true, tags: 'capacity-building',
			summary: qqx( 'capacitybuilding-requestform-summary-create', 'Help with grant writing' ),
		} );
		expect( fakeMw.cookie.set ).toHaveBeenCalledWith( `PostEditRevision${ wiki.pages.get( 'Capacity building/Requests/R8' )?.revid }`, 'created', { expires: 1200 } );
		expect( storedDraft( ADA, 'requestForm', 'new' ) ).toBeNull();
		// The requester follows new topics on the request page, where the bot posts its updates.
		expect( wiki.subscriptions ).toEqual( [ 'p-topics-0:Capacity_building/Requests/R8' ] );
		expect( w.find( '.ext-capacitybuilding-request-form__unsubscribed' ).exists() ).toBe( false );
	} );

	it( 'language for updates: starts at the interface language, can be changed, and is saved', async () => {
		fakeMw.config.get.mockImplementation( ( key: string ) => key === 'wgUserId' ? ADA : key === 'wgUserLanguage' ? 'fr' : null );
		const w = await mountForm();
		const select = w.findAllComponents( CdxSelect ).find( ( c ) => c.element.closest( '#ext-capacitybuilding-request-form-lang' ) );
		expect( select?.props( 'selected' ) ).toBe( 'fr' );
		expect( ( select?.props( 'menuItems' ) as { value: string }[] ).map( ( i ) => i.value ).sort() ).toEqual( [ 'ar', 'en', 'fr' ] );
		await fillValid( w );
		await submit( w );
		expect( savedRequests()[ 0 ]?.lang ).toBe( 'fr' );
		const w2 = await mountForm();
		const select2 = w2.findAllComponents( CdxSelect ).find( ( c ) => c.element.closest( '#ext-capacitybuilding-request-form-lang' ) );
		select2?.vm.$emit( 'update:selected', 'ar' );
		await fillValid( w2, 'Another request for help' );
		await submit( w2 );
		expect( savedRequests().map( ( r ) => r.lang ).sort() ).toEqual( [ 'ar', 'fr' ] );
	} );

	it( 'subscribing fails: the request is saved, and the form says so with a way to try again or go on', async () => {
		const w = await mountForm();
		await fillValid( w );
		wiki.failSubscription( 'http', { xhr: { status: 0 } } );
		await submit( w );
		expect( savedRequests() ).toHaveLength( 1 );
		const opened = (): boolean => fakeMw.util.getUrl.mock.calls.some( ( call ) => call[ 0 ] === 'Capacity building/Requests/R1' );
		const warning = w.find( '.ext-capacitybuilding-request-form__unsubscribed' );
		expect( warning.attributes( 'data-code' ) ).toBe( 'http' );
		expect( warning.text() ).toContain( qqx( 'capacitybuilding-requestform-subscribe-failed', 'Capacity building/Requests/R1' ) );
		expect( warning.text() ).toContain( '(capacitybuilding-save-error-network)' );
		// Nothing to submit twice, and the new request is not left behind.
		expect( w.find( 'form' ).exists() ).toBe( false );
		expect( opened() ).toBe( false );
		await warning.findAll( 'button' ).find( ( b ) => b.text() === qqx( 'capacitybuilding-requestform-subscribe-retry' ) )?.trigger( 'click' );
		await settle();
		expect( wiki.subscriptions ).toEqual( [ 'p-topics-0:Capacity_building/Requests/R1' ] );
		expect( opened() ).toBe( true );
		expect( savedRequests() ).toHaveLength( 1 );
	} );

	it.each( [
		[ 'abusefilter-disallowed', 'capacitybuilding-save-error-abusefilter-disallowed' ],
		[ 'abusefilter-warning', 'capacitybuilding-save-error-abusefilter-warning' ],
		[ 'spamblacklist', 'capacitybuilding-save-error-spamblacklist' ],
		[ 'blocked', 'capacitybuilding-save-error-blocked' ],
		[ 'protectedpage', 'capacitybuilding-save-error-protected' ],
		[ 'cascadeprotected', 'capacitybuilding-save-error-protected' ],
		[ 'ratelimited', 'capacitybuilding-save-error-ratelimited' ],
		[ 'badtoken', 'capacitybuilding-save-error-session' ],
		[ 'readonly', 'capacitybuilding-save-error-readonly' ],
		[ 'http', 'capacitybuilding-save-error-network' ],
		[ 'something-new', 'capacitybuilding-save-error-unknown' ],
	] )( 'error %s: explained, and nothing typed is lost', async ( code, key ) => {
		const w = await mountForm();
		await fillValid( w );
		wiki.fail( code, code === 'http' ? { xhr: { status: 0 } } : { errors: [ { code, html: `<p class="wiki-says">The wiki says ${ code }</p>` } ] } );
		if ( code === 'protectedpage' || code === 'cascadeprotected' ) {
			// A protected number is skipped for a free one: the save fails only when no number nearby can be created.
			for ( let n = 1; n <= 400; n++ ) {
				wiki.protectedTitles.add( `Capacity building/Requests/R${ n }` );
			}
		}
		await submit( w );
		// (Reading which numbers are free takes a few more answers.)
		await settle();
		const error = w.find( '.ext-capacitybuilding-save-error' );
		expect( error.attributes( 'data-code' ) ).toBe( code );
		expect( error.text() ).toContain( `(${ key }` );
		// What the wiki said is shown as it rendered it (transport and session failures have no such text).
		expect( error.find( '.wiki-says' ).exists() ? error.find( '.wiki-says' ).text() : 'none' )
			.toBe( [ 'http', 'badtoken' ].includes( code ) ? 'none' : `The wiki says ${ code }` );
		expect( ( fieldOf( w, 'title' ).find( 'input' ).element as HTMLInputElement ).value ).toBe( 'Help with grant writing' );
		expect( savedRequests() ).toEqual( [] );
	} );

	it( 'network failure: the retry button saves', async () => {
		const w = await mountForm();
		await fillValid( w );
		wiki.fail( 'http', { xhr: { status: 0 } } );
		await submit( w );
		const retry = w.find( '.ext-capacitybuilding-save-error' ).findAll( 'button' ).find( ( b ) => b.text() === qqx( 'capacitybuilding-save-retry' ) );
		await retry?.trigger( 'click' );
		await settle();
		expect( savedRequests() ).toHaveLength( 1 );
	} );

	it( 'captcha: shows the question and saves with the answer', async () => {
		const w = await mountForm();
		await fillValid( w );
		wiki.failResult( { result: 'Failure', captcha: { type: 'question', mime: 'text/html', id: '77', question: 'Which colour is the sky?' } } );
		await submit( w );
		const error = w.find( '.ext-capacitybuilding-save-error' );
		expect( error.text() ).toContain( 'Which colour is the sky?' );
		await error.find( 'input' ).setValue( 'blue' );
		await error.findAll( 'button' ).find( ( b ) => b.text() === qqx( 'capacitybuilding-save-retry' ) )?.trigger( 'click' );
		await settle();
		expect( wiki.edits.at( -1 ) ).toMatchObject( { captchaid: '77', captchaword: 'blue' } );
		expect( savedRequests() ).toHaveLength( 1 );
	} );

	it( 'logged out: may fill in, is asked to log in, keeps the draft', async () => {
		fakeMw.user.getName.mockReturnValue( null );
		const w = await mountForm();
		expect( w.find( '.ext-capacitybuilding-request-form__login a' ).attributes( 'href' ) ).toContain( 'Special%3AUserLogin' );
		await fillValid( w );
		await submit( w );
		expect( w.find( '.ext-capacitybuilding-save-error' ).attributes( 'data-code' ) ).toBe( 'mustbeloggedin' );
		expect( wiki.edits ).toEqual( [] );
		// Kept in this tab only, as a logged-out draft.
		expect( storedDraft( 0, 'requestForm', 'new' ) ).toMatchObject( { value: { title: 'Help with grant writing' } } );
		expect( window.localStorage.length ).toBe( 0 );
	} );

	it( 'draft restore: offers a stored draft, restores or discards it', async () => {
		seedDraft( ADA, 'requestForm', 'new', { title: 'From the draft', topics: [ 'governance' ], bogus: 1 } );
		let w = await mountForm();
		const prompt = w.find( '.ext-capacitybuilding-request-form__draft' );
		expect( prompt.exists() ).toBe( true );
		await prompt.findAll( 'button' ).find( ( b ) => b.text() === qqx( 'capacitybuilding-requestform-draft-restore' ) )?.trigger( 'click' );
		expect( ( fieldOf( w, 'title' ).find( 'input' ).element as HTMLInputElement ).value ).toBe( 'From the draft' );
		expect( w.findComponent( TopicPicker ).props( 'modelValue' ) ).toEqual( [ 'governance' ] );
		w.unmount();
		w = await mountForm();
		await w.find( '.ext-capacitybuilding-request-form__draft' ).findAll( 'button' )
			.find( ( b ) => b.text() === qqx( 'capacitybuilding-requestform-draft-discard' ) )?.trigger( 'click' );
		expect( storedDraft( ADA, 'requestForm', 'new' ) ).toBeNull();
		expect( ( fieldOf( w, 'title' ).find( 'input' ).element as HTMLInputElement ).value ).toBe( '' );
	} );

	it( 'edit mode: loads the page’s values and changes only the template block', async () => {
		const record: CapacityRequest = {
			title: 'Existing request', requester: 'Ada', requesterType: 'individual', organisation: '', region: 'SA', hub: 'South Asia hub',
			topics: [ 'governance' ], formats: [ 'coaching' ], languages: [ 'en' ], lang: '', neededBy: '', description: 'An existing description that is long enough.',
			status: 'triaged', holdReason: '', coach: [], offers: [ 'Bea' ], created: '2026-11-01T00:00:00Z',
		};
		const text = `Intro\n${ serialize( REQUEST_SCHEMA, record ) }\n\n== Talk ==\nHi ~~~~\n`;
		const saved = wiki.putAs( 'Ada', 'Capacity building/Requests/R3', text );
		// The bot accepted it as it is.
		wiki.publish( 'Capacity building', 'requests', [ {
			number: 3, page: 'Capacity building/Requests/R3', revid: saved.revid, updated: saved.timestamp, problems: 0, state: 'valid',
			request: record, feedback: 0, history: [ { from: '', to: 'open', user: 'Ada', at: saved.timestamp, revid: saved.revid } ],
		} ] );
		const w = await mountForm( 'Capacity building/Requests/R3' );
		expect( ( fieldOf( w, 'title' ).find( 'input' ).element as HTMLInputElement ).value ).toBe( 'Existing request' );
		await fieldOf( w, 'title' ).find( 'input' ).setValue( 'Edited request' );
		await submit( w );
		const changed = { ...record, title: 'Edited request' };
		expect( wiki.pages.get( 'Capacity building/Requests/R3' )?.text ).toBe( `Intro\n${ serialize( REQUEST_SCHEMA, changed ) }\n\n== Talk ==\nHi ~~~~\n` );
		expect( wiki.edits.at( -1 ) ).toMatchObject( { nocreate: true, summary: qqx( 'capacitybuilding-requestform-summary-edit', 'Edited request' ) } );
		expect( fakeMw.cookie.set ).toHaveBeenCalledWith( expect.stringMatching( /^PostEditRevision\d+$/ ), 'saved', { expires: 1200 } );
	} );

	it( 'edit mode: starts from the accepted request, never from a newer edit that was not accepted', async () => {
		const record: CapacityRequest = {
			title: 'Existing request', requester: 'Ada', requesterType: 'individual', organisation: '', region: 'SA', hub: '',
			topics: [ 'governance' ], formats: [ 'coaching' ], languages: [ 'en' ], lang: '', neededBy: '', description: 'An existing description that is long enough.',
			status: 'open', holdReason: '', coach: [], offers: [], created: '2026-11-01T00:00:00Z',
		};
		const title = 'Capacity building/Requests/R5';
		wiki.putAs( 'Ada', title, serialize( REQUEST_SCHEMA, record ) );
		const stranger = wiki.putAs( 'Stranger', title, serialize( REQUEST_SCHEMA, { ...record, description: 'A stranger wrote this description.' } ) );
		const w = await mountForm( title );
		expect( ( fieldOf( w, 'description' ).find( 'textarea' ).element as HTMLTextAreaElement ).value ).toBe( record.description );
		await fieldOf( w, 'title' ).find( 'input' ).setValue( 'Edited request' );
		await submit( w );
		// Saved on top of the stranger's revision, with the accepted description.
		expect( wiki.edits.at( -1 ) ).toMatchObject( { baserevid: stranger.revid } );
		expect( parsePage( wiki.pages.get( title )?.text ?? '', REQUEST_SCHEMA ).parsed?.record ).toEqual( { ...record, title: 'Edited request' } );
	} );

	it( 'edit mode: a page without a request is explained', async () => {
		wiki.put( 'Capacity building/Requests/R4', 'No template here.' );
		const w = await mountForm( 'Capacity building/Requests/R4' );
		expect( w.text() ).toContain( qqx( 'capacitybuilding-requestform-edit-missing', 'Capacity building/Requests/R4' ) );
		expect( w.find( 'form' ).exists() ).toBe( false );
	} );
} );
