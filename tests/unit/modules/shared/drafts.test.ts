import { createDraftStore, warnOnLeave } from '../../../../modules/shared/drafts';
import { installMw } from '../mwMock';

describe( 'drafts', () => {
	beforeEach( () => {
		installMw();
		jest.useFakeTimers();
	} );
	afterEach( () => {
		jest.useRealTimers();
	} );

	it( 'writes after a pause in typing, once', () => {
		const store = createDraftStore<{ text: string }>( { form: 'f', context: 'new', user: 'Ada', debounceMs: 300 } );
		store.save( { text: 'a' } );
		store.save( { text: 'ab' } );
		expect( store.load() ).toBeNull();
		jest.advanceTimersByTime( 300 );
		expect( store.load() ).toMatchObject( { value: { text: 'ab' }, fromLoggedOut: false } );
		expect( ( mw as unknown as ReturnType<typeof installMw> ).storage.setObject ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'keeps drafts per user and context', () => {
		const ada = createDraftStore<string>( { form: 'f', context: 'new', user: 'Ada' } );
		ada.save( 'mine' );
		ada.flush();
		expect( createDraftStore<string>( { form: 'f', context: 'new', user: 'Bea' } ).load() ).toBeNull();
		expect( createDraftStore<string>( { form: 'f', context: 'R1', user: 'Ada' } ).load() ).toBeNull();
	} );

	it( 'offers a logged-out draft again after logging in, and clears both on success', () => {
		const anonymous = createDraftStore<string>( { form: 'f', context: 'new', user: null } );
		anonymous.save( 'typed before login' );
		anonymous.flush();
		const loggedIn = createDraftStore<string>( { form: 'f', context: 'new', user: 'Ada' } );
		expect( loggedIn.load() ).toMatchObject( { value: 'typed before login', fromLoggedOut: true } );
		loggedIn.clear();
		expect( loggedIn.load() ).toBeNull();
		expect( anonymous.load() ).toBeNull();
	} );

	it( 'a cleared store does not write a pending draft later', () => {
		const store = createDraftStore<string>( { form: 'f', context: 'new', user: 'Ada' } );
		store.save( 'x' );
		store.clear();
		jest.runAllTimers();
		expect( store.load() ).toBeNull();
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
