/**
 * The private route dialog in jsdom against a small fake API: what it says before anything is
 * typed, how it reaches an address and a role account, what it refuses, how it keeps what was typed
 * when sending fails, and that it never writes to the browser's storage.
 */
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import $ from 'jquery';
import type { PrivateRoute as Route } from '../../../../modules/core/privateRoutes';
import PrivateRoute from '../../../../modules/privateRoute/PrivateRoute.vue';
import { mailtoUrl, sendErrorKey } from '../../../../modules/privateRoute/send';
import { qqx } from '../mwMock';

type Params = Record<string, unknown>;

interface FakeApi {
	api: mw.Api;
	sent: Params[];
	/** The next send fails with this code. */
	failWith: string | null;
}

function fakeApi( user: { anon?: boolean; email?: string; rights?: string[] }, emailable: string[] ): FakeApi {
	const fake: FakeApi = { api: null as unknown as mw.Api, sent: [], failWith: null };
	const answer = ( value: unknown ): JQuery.Promise<unknown> => $.Deferred().resolve( value ).promise();
	fake.api = {
		get: ( params: Params ) => {
			if ( params.meta === 'userinfo' ) {
				return answer( { query: { userinfo: { rights: [ 'sendemail' ], ...user } } } );
			}
			const names = params.ususers as string[];
			return answer( { query: { users: names.map( ( name ) => ( { name, ...( emailable.includes( name ) ? { emailable: true } : {} ) } ) ) } } );
		},
		postWithToken: ( _token: string, params: Params ) => {
			if ( fake.failWith ) {
				const code = fake.failWith;
				fake.failWith = null;
				return $.Deferred().reject( code, { error: { code } } ).promise();
			}
			fake.sent.push( params );
			return answer( { emailuser: { result: 'Success' } } );
		},
	} as unknown as mw.Api;
	return fake;
}

const ROUTES: Route[] = [
	{ category: 'conflict', email: 'facilitation@example.org' },
	{ category: 'conduct', user: 'Conduct contact' },
	{ category: 'emergency', user: 'No mail' },
];

async function openDialog( fake: FakeApi, routes = ROUTES ): Promise<VueWrapper> {
	const wrapper = mount( PrivateRoute, { props: { api: fake.api, routes }, attachTo: document.body } );
	await wrapper.find( '.ext-capacitybuilding-private__open' ).trigger( 'click' );
	await flushPromises();
	return wrapper;
}

async function choose( wrapper: VueWrapper, category: string ): Promise<void> {
	await wrapper.find( `[data-category="${ category }"] input` ).setValue( true );
	await flushPromises();
	await flushPromises();
}

async function type( wrapper: VueWrapper, subject: string, text: string ): Promise<void> {
	await wrapper.find( '.ext-capacitybuilding-private__subject input' ).setValue( subject );
	await wrapper.find( '.ext-capacitybuilding-private__text textarea' ).setValue( text );
}

function sendButton( wrapper: VueWrapper ): ReturnType<VueWrapper[ 'find' ]> {
	return wrapper.find( '.cdx-dialog__footer__primary-action' );
}

let storageWrites: jest.SpyInstance;

beforeEach( () => {
	storageWrites = jest.spyOn( Storage.prototype, 'setItem' );
} );

afterEach( () => {
	storageWrites.mockRestore();
	document.body.innerHTML = '';
} );

/** No draft and nothing else: a message about a conflict must not stay on the computer. */
function expectNothingStored(): void {
	expect( storageWrites ).not.toHaveBeenCalled();
}

describe( 'PrivateRoute', () => {
	it( 'says where to turn instead when the wiki has no private routes', () => {
		const wrapper = mount( PrivateRoute, { props: { api: fakeApi( {}, [] ).api, routes: [] } } );
		expect( wrapper.find( '.ext-capacitybuilding-private__none' ).text() ).toBe( qqx( 'capacitybuilding-privateroute-none' ) );
		expect( wrapper.find( '.ext-capacitybuilding-private__open' ).exists() ).toBe( false );
	} );

	it( 'offers every route by category, and says who reads it before anything is typed', async () => {
		const wrapper = await openDialog( fakeApi( { email: 'me@example.org' }, [ 'Conduct contact' ] ) );
		expect( wrapper.findAll( '[data-category]' ).map( ( item ) => item.text() ) ).toEqual( [
			`${ qqx( 'capacitybuilding-private-conflict' ) } ${ qqx( 'capacitybuilding-private-conflict-purpose' ) }`,
			`${ qqx( 'capacitybuilding-private-conduct' ) } ${ qqx( 'capacitybuilding-private-conduct-purpose' ) }`,
			`${ qqx( 'capacitybuilding-private-emergency' ) } ${ qqx( 'capacitybuilding-private-emergency-purpose' ) }`,
		] );
		await choose( wrapper, 'conduct' );
		const reader = wrapper.find( '.ext-capacitybuilding-private__reader' ).text();
		expect( reader ).toContain( qqx( 'capacitybuilding-private-conduct-reader', 'Conduct contact' ) );
		expect( reader ).toContain( qqx( 'capacitybuilding-privateroute-visible-account', 'Conduct contact' ) );
		expect( reader ).toContain( qqx( 'capacitybuilding-privateroute-not-kept' ) );
	} );

	it( 'builds the mailto: link from what is typed, and sends nothing itself', async () => {
		const fake = fakeApi( { anon: true }, [] );
		const wrapper = await openDialog( fake );
		await choose( wrapper, 'conflict' );
		expect( wrapper.find( '.ext-capacitybuilding-private__reader' ).text() )
			.toContain( qqx( 'capacitybuilding-privateroute-visible-mailto', 'facilitation@example.org' ) );
		await type( wrapper, 'Help & advice?', 'Line one\nLine two' );
		expect( wrapper.find( '.ext-capacitybuilding-private__mailto' ).attributes( 'href' ) )
			.toBe( 'mailto:facilitation@example.org?subject=Help%20%26%20advice%3F&body=Line%20one%0D%0ALine%20two' );
		expect( sendButton( wrapper ).exists() ).toBe( false );
		expect( fake.sent ).toEqual( [] );
		expectNothingStored();
	} );

	it( 'sends to the role account with the user\'s token, then empties the fields', async () => {
		const fake = fakeApi( { email: 'me@example.org' }, [ 'Conduct contact' ] );
		const wrapper = await openDialog( fake );
		await choose( wrapper, 'conduct' );
		await type( wrapper, 'A matter', 'What happened.' );
		await sendButton( wrapper ).trigger( 'click' );
		await flushPromises();
		expect( fake.sent ).toEqual( [ { action: 'emailuser', target: 'Conduct contact', subject: 'A matter', text: 'What happened.', formatversion: 2 } ] );
		expect( wrapper.find( '.ext-capacitybuilding-private__sent' ).text() ).toBe( qqx( 'capacitybuilding-privateroute-sent', 'Conduct contact' ) );
		expect( ( wrapper.find( '.ext-capacitybuilding-private__text textarea' ).element as HTMLTextAreaElement ).value ).toBe( '' );
		expectNothingStored();
	} );

	it.each( [
		[ 'ratelimited', 'capacitybuilding-privateroute-error-ratelimited' ],
		[ 'blockedemailuser', 'capacitybuilding-privateroute-error-blocked' ],
		[ 'mailnologin', 'capacitybuilding-privateroute-no-own-email' ],
		[ 'somethingelse', 'capacitybuilding-privateroute-error-unknown' ],
	] )( 'explains a failure (%s) and keeps what was typed', async ( code, key ) => {
		const fake = fakeApi( { email: 'me@example.org' }, [ 'Conduct contact' ] );
		const wrapper = await openDialog( fake );
		await choose( wrapper, 'conduct' );
		await type( wrapper, 'A matter', 'What happened.' );
		fake.failWith = code;
		await sendButton( wrapper ).trigger( 'click' );
		await flushPromises();
		expect( wrapper.find( '.ext-capacitybuilding-private__error' ).text() ).toBe( qqx( key, 'Conduct contact', code ) );
		expect( ( wrapper.find( '.ext-capacitybuilding-private__subject input' ).element as HTMLInputElement ).value ).toBe( 'A matter' );
		expect( ( wrapper.find( '.ext-capacitybuilding-private__text textarea' ).element as HTMLTextAreaElement ).value ).toBe( 'What happened.' );
		expect( fake.sent ).toEqual( [] );
		expectNothingStored();
	} );

	it( 'asks for a subject and a message before sending', async () => {
		const fake = fakeApi( { email: 'me@example.org' }, [ 'Conduct contact' ] );
		const wrapper = await openDialog( fake );
		await choose( wrapper, 'conduct' );
		await type( wrapper, 'A matter', '   ' );
		await sendButton( wrapper ).trigger( 'click' );
		await flushPromises();
		expect( wrapper.find( '.ext-capacitybuilding-private__error' ).text() ).toBe( qqx( 'capacitybuilding-privateroute-empty' ) );
		expect( fake.sent ).toEqual( [] );
	} );

	it.each( [
		[ 'the account cannot receive e-mail', { email: 'me@example.org' }, 'emergency', 'capacitybuilding-privateroute-not-emailable', 'No mail' ],
		[ 'the user is logged out', { anon: true }, 'conduct', 'capacitybuilding-privateroute-login', 'Conduct contact' ],
		[ 'the user has no address', { email: '' }, 'conduct', 'capacitybuilding-privateroute-no-own-email', 'Conduct contact' ],
		[ 'the user may not send e-mail', { email: 'me@example.org', rights: [] }, 'conduct', 'capacitybuilding-privateroute-cannot-send', 'Conduct contact' ],
	] )( 'offers nothing to send when %s', async ( _name, user, category, key, account ) => {
		const wrapper = await openDialog( fakeApi( user, [ 'Conduct contact' ] ) );
		await choose( wrapper, category );
		expect( wrapper.find( '.ext-capacitybuilding-private__blocker' ).text() ).toBe( qqx( key, account ) );
		expect( wrapper.find( '.ext-capacitybuilding-private__text' ).exists() ).toBe( false );
		expect( sendButton( wrapper ).exists() ).toBe( false );
	} );
} );

describe( 'send helpers', () => {
	it( 'encodes a mailto: link per RFC 6068', () => {
		expect( mailtoUrl( 'a+b@example.org', 'x=1&y', '50% sure\r\nyes' ) ).toBe( 'mailto:a%2Bb@example.org?subject=x%3D1%26y&body=50%25%20sure%0D%0Ayes' );
	} );

	it.each( [
		[ 'actionthrottledtext', 'capacitybuilding-privateroute-error-ratelimited' ],
		[ 'blocked', 'capacitybuilding-privateroute-error-blocked' ],
		[ 'nowikiemail', 'capacitybuilding-privateroute-not-emailable' ],
		[ 'usermaildisabled', 'capacitybuilding-privateroute-cannot-send' ],
		[ 'badtoken', 'capacitybuilding-privateroute-login' ],
		[ 'http', 'capacitybuilding-privateroute-error-unknown' ],
	] )( '%s → %s', ( code, key ) => {
		expect( sendErrorKey( code ) ).toBe( key );
	} );
} );
