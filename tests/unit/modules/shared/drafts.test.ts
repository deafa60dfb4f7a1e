/**
 * Drafts belong to one account: kept per account (localStorage) or, logged out, per tab
 * (sessionStorage); a logged-out draft is carried into the first login in its tab; a page view as
 * anyone else (a logout) ends an account's drafts; nothing is ever offered to another account.
 */
import { createDraftStore, warnOnLeave } from '../../../../modules/shared/drafts';
import { settleDrafts } from '../../../../modules/shared/draftStorage';
import { installMw, type FakeMw } from '../mwMock';

const HOUR = 60 * 60 * 1000;

describe( 'drafts', () => {
	let fakeMw: FakeMw;
	/** The page view: who is logged in (0: nobody) and which special page it is. */
	let viewer: { id: number; special: string | null };

	function viewAs( id: number, special: string | null = null ): void {
		viewer = { id, special };
	}

	/** What the browser keeps, by storage. */
	function kept(): { local: Record<string, unknown>; session: Record<string, unknown> } {
		const dump = ( storage: Storage ): Record<string, unknown> => Object.fromEntries(
			Array.from( { length: storage.length }, ( _, i ) => storage.key( i ) as string )
				.map( ( key ) => [ key, JSON.parse( storage.getItem( key ) as string ) as unknown ] ) );
		return { local: dump( window.localStorage ), session: dump( window.sessionStorage ) };
	}

	function typed( id: number, value: string, form = 'f', context = 'new' ): void {
		viewAs( id );
		const store = createDraftStore<string>( { form, context } );
		store.save( value );
		store.flush();
	}

	function offered( id: number, form = 'f', context = 'new', special: string | null = null ): string | null {
		viewAs( id, special );
		return createDraftStore<string>( { form, context } ).load()?.value ?? null;
	}

	beforeEach( () => {
		fakeMw = installMw();
		viewAs( 0 );
		fakeMw.config.get.mockImplementation( ( key: string ) => ( {
			wgUserId: viewer.id || null,
			wgCanonicalSpecialPageName: viewer.special ?? false,
		} as Record<string, unknown> )[ key ] ?? null );
		window.localStorage.clear();
		window.sessionStorage.clear();
		jest.useFakeTimers();
		jest.setSystemTime( new Date( '2026-12-01T10:00:00Z' ) );
	} );
	afterEach( () => {
		jest.useRealTimers();
	} );

	it( 'writes after a pause in typing, once, under the account\'s user id', () => {
		viewAs( 7 );
		const store = createDraftStore<{ text: string }>( { form: 'f', context: 'new', debounceMs: 300 } );
		const setItem = jest.spyOn( Storage.prototype, 'setItem' );
		store.save( { text: 'a' } );
		store.save( { text: 'ab' } );
		expect( store.load() ).toBeNull();
		jest.advanceTimersByTime( 300 );
		expect( store.load() ).toEqual( { value: { text: 'ab' }, saved: '2026-12-01T10:00:00.300Z' } );
		expect( setItem ).toHaveBeenCalledTimes( 1 );
		setItem.mockRestore();
		expect( kept() ).toEqual( {
			local: { 'capacityBuilding-draft:7:f:new': { value: { text: 'ab' }, saved: '2026-12-01T10:00:00.300Z' } },
			session: {},
		} );
	} );

	it( 'keeps drafts per context, and never offers one to another account', () => {
		typed( 7, 'mine' );
		expect( offered( 7, 'f', 'R1' ) ).toBeNull();
		expect( offered( 7 ) ).toBe( 'mine' );
		// Another account logs in on this browser: nothing is offered, and the draft is gone.
		expect( offered( 8 ) ).toBeNull();
		expect( kept() ).toEqual( { local: {}, session: {} } );
		expect( offered( 7 ) ).toBeNull();
	} );

	it( 'keeps a logged-out draft in its tab only, and carries it into the first login there', () => {
		typed( 0, 'typed before login' );
		expect( kept().local ).toEqual( {} );
		expect( Object.keys( kept().session ) ).toEqual( [ 'capacityBuilding-draft:0:f:new' ] );
		expect( offered( 0 ) ).toBe( 'typed before login' );
		// The first login in this tab takes it over: from now on it is that account's draft.
		expect( offered( 7 ) ).toBe( 'typed before login' );
		expect( Object.keys( kept().local ) ).toEqual( [ 'capacityBuilding-draft:7:f:new' ] );
		expect( kept().session ).toEqual( {} );
		// Not offered to a later login by someone else.
		expect( offered( 8 ) ).toBeNull();
	} );

	it( 'carries a logged-out draft into a login only within an hour of its last change', () => {
		typed( 0, 'old' );
		jest.setSystemTime( Date.now() + HOUR + 1000 );
		expect( offered( 0 ) ).toBe( 'old' );
		expect( offered( 7 ) ).toBeNull();
		expect( kept() ).toEqual( { local: {}, session: {} } );
	} );

	it( 'lets an account\'s newer draft win over a logged-out one carried in', () => {
		typed( 0, 'logged out' );
		viewAs( 7 );
		settleDrafts( 0, false );
		window.localStorage.setItem( 'capacityBuilding-draft:7:f:new', JSON.stringify( { value: 'newer', saved: '2026-12-01T11:00:00Z' } ) );
		expect( offered( 7 ) ).toBe( 'newer' );
	} );

	it( 'forgets an account\'s drafts on logout (the Special:UserLogout page view)', () => {
		typed( 7, 'mine' );
		typed( 7, 'other page', 'f', 'R1' );
		expect( offered( 0, 'f', 'new', 'Userlogout' ) ).toBeNull();
		expect( kept() ).toEqual( { local: {}, session: {} } );
		expect( offered( 7 ) ).toBeNull();
	} );

	it( 'keeps an account\'s draft in the tab over a logged-out page view (an expired session), for that account only', () => {
		typed( 7, 'mine' );
		// Logged out without passing Special:UserLogout (e.g. the session expired): out of localStorage,
		// kept in this tab, not offered while logged out.
		expect( offered( 0 ) ).toBeNull();
		expect( kept().local ).toEqual( {} );
		expect( Object.keys( kept().session ) ).toEqual( [ 'capacityBuilding-draft:7:f:new' ] );
		// Back as the same account: it is theirs again.
		expect( offered( 7 ) ).toBe( 'mine' );
		expect( kept().session ).toEqual( {} );
		// The same, but another account logs in: gone.
		expect( offered( 0 ) ).toBeNull();
		expect( offered( 8 ) ).toBeNull();
		expect( kept() ).toEqual( { local: {}, session: {} } );
		// And a logout page view in that tab removes what the tab kept.
		typed( 7, 'again' );
		expect( offered( 0 ) ).toBeNull();
		expect( offered( 0, 'f', 'new', 'Userlogout' ) ).toBeNull();
		expect( kept() ).toEqual( { local: {}, session: {} } );
	} );

	it( 'drops an account\'s draft after 30 days and a logged-out one after a day', () => {
		typed( 7, 'mine' );
		jest.setSystemTime( Date.now() + 30 * 24 * HOUR + 1000 );
		expect( offered( 7 ) ).toBeNull();
		typed( 0, 'logged out' );
		jest.setSystemTime( Date.now() + 24 * HOUR + 1000 );
		expect( offered( 0 ) ).toBeNull();
		expect( kept() ).toEqual( { local: {}, session: {} } );
	} );

	it( 'removes drafts in the older format (by user name, logged-out ones in localStorage for 30 days)', () => {
		window.localStorage.setItem( 'capacityBuilding-draft:requestForm:new:#anonymous', JSON.stringify( { value: 'x', saved: '2026-12-01T09:00:00Z' } ) );
		window.localStorage.setItem( '_EXPIRY_capacityBuilding-draft:requestForm:new:#anonymous', '1800000000' );
		window.localStorage.setItem( 'capacityBuilding-draft:requestForm:new:Ada', JSON.stringify( { value: 'y', saved: '2026-12-01T09:00:00Z' } ) );
		window.localStorage.setItem( 'unrelated', '"kept"' );
		settleDrafts( 7, false );
		expect( kept() ).toEqual( { local: { unrelated: 'kept' }, session: {} } );
	} );

	it( 'works without storage (disabled by the browser): nothing is kept, nothing fails', () => {
		const local = jest.spyOn( window, 'localStorage', 'get' ).mockImplementation( () => {
			throw new DOMException( 'denied', 'SecurityError' );
		} );
		try {
			viewAs( 7 );
			const store = createDraftStore<string>( { form: 'f', context: 'new' } );
			store.save( 'x' );
			store.flush();
			expect( store.load() ).toBeNull();
			expect( () => settleDrafts( 0, true ) ).not.toThrow();
		} finally {
			local.mockRestore();
		}
	} );

	it( 'a cleared store does not write a pending draft later', () => {
		viewAs( 7 );
		const store = createDraftStore<string>( { form: 'f', context: 'new' } );
		store.save( 'x' );
		store.clear();
		jest.runAllTimers();
		expect( store.load() ).toBeNull();
		expect( kept() ).toEqual( { local: {}, session: {} } );
	} );

	it( 'warns before leaving only while there are unsaved changes', () => {
		let dirty = true;
		const release = warnOnLeave( () => dirty );
		const event = new Event( 'beforeunload', { cancelable: true } );
		window.dispatchEvent( event );
		expect( event.defaultPrevented ).toBe( true );
		dirty = false;
		const clean = new Event( 'beforeunload', { cancelable: true } );
		window.dispatchEvent( clean );
		expect( clean.defaultPrevented ).toBe( false );
		dirty = true;
		release();
		const released = new Event( 'beforeunload', { cancelable: true } );
		window.dispatchEvent( released );
		expect( released.defaultPrevented ).toBe( false );
	} );
} );
