import $ from 'jquery';
import { installMw, qqx, type FakeMw } from '../mwMock';

/** Loads a fresh copy of the init module, which registers its hook handler on load. */
function loadInit(): void {
	jest.isolateModules( () => {
		require( '../../../../modules/init/index' );
	} );
}

function marker( feature: string ): HTMLElement {
	const el = document.createElement( 'div' );
	el.className = 'ext-capacitybuilding-marker';
	el.dataset.capacitybuildingFeature = feature;
	el.textContent = 'no-JavaScript fallback';
	document.body.append( el );
	return el;
}

function flush(): Promise<void> {
	return new Promise( ( resolve ) => {
		setTimeout( resolve, 0 );
	} );
}

describe( 'init module', () => {
	let fake: FakeMw;
	let mount: jest.Mock;

	beforeEach( () => {
		document.body.innerHTML = '';
		fake = installMw();
		mount = jest.fn();
		fake.loader.getState.mockImplementation( ( name: string ) => name === 'ext.capacityBuilding.requestForm' ? 'registered' : null );
		fake.loader.using.mockImplementation( () => Promise.resolve( () => ( { mount } ) ) );
		loadInit();
	} );

	function fireContent(): unknown[] {
		mw.hook( 'wikipage.content' ).fire( $( document.body ) );
		const fired = fake.hooksFired.get( 'capacityBuilding.init.scanned' ) ?? [];
		return fired.at( -1 )?.[ 0 ] as unknown[];
	}

	it( 'loads nothing on a page without markers', async () => {
		document.body.innerHTML = '<p>Just an article.</p>';
		expect( fireContent() ).toEqual( [] );
		await flush();
		expect( fake.loader.using ).not.toHaveBeenCalled();
	} );

	it( 'loads a feature once and mounts it on each of its markers', async () => {
		const first = marker( 'requestForm' );
		const second = marker( 'requestForm' );
		expect( fireContent() ).toEqual( [ 'requestForm' ] );
		await flush();
		expect( fake.loader.using ).toHaveBeenCalledTimes( 1 );
		expect( fake.loader.using ).toHaveBeenCalledWith( 'ext.capacityBuilding.requestForm' );
		expect( mount.mock.calls ).toEqual( [ [ first ], [ second ] ] );
	} );

	it( 'falls back to the gadget module when the extension is not installed', async () => {
		fake.loader.getState.mockImplementation( ( name: string ) => name === 'ext.gadget.capacityBuilding-requestForm' ? 'registered' : null );
		marker( 'requestForm' );
		fireContent();
		await flush();
		expect( fake.loader.using ).toHaveBeenCalledWith( 'ext.gadget.capacityBuilding-requestForm' );
	} );

	it( 'ignores markers naming anything but a known feature', async () => {
		marker( 'jquery.ui' );
		marker( '' );
		expect( fireContent() ).toEqual( [] );
		await flush();
		expect( fake.loader.using ).not.toHaveBeenCalled();
	} );

	it( 'does not mount a marker twice when content is announced again', async () => {
		marker( 'requestForm' );
		fireContent();
		expect( fireContent() ).toEqual( [] );
		await flush();
		expect( mount ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'shows a translated error where the feature should be when no module provides it', async () => {
		fake.loader.getState.mockReturnValue( null );
		const el = marker( 'requestForm' );
		fireContent();
		await flush();
		expect( el.querySelector( '[role="alert"]' )?.textContent ).toBe( qqx( 'capacitybuilding-init-error-unavailable', 'requestForm' ) );
		expect( fake.loader.using ).not.toHaveBeenCalled();
	} );

	it( 'shows a translated error and logs when the module fails to load', async () => {
		const failure = new Error( 'network down' );
		fake.loader.using.mockImplementation( () => Promise.reject( failure ) );
		const el = marker( 'requestForm' );
		fireContent();
		await flush();
		expect( el.querySelector( '[role="alert"]' )?.textContent ).toBe( qqx( 'capacitybuilding-init-error-load', 'requestForm' ) );
		expect( fake.log.error ).toHaveBeenCalledWith( failure );
		// The no-JavaScript content stays, below the error.
		expect( el.textContent ).toContain( 'no-JavaScript fallback' );
	} );

	describe( 'on the gadget route', () => {
		const GADGET = 'ext.gadget.capacityBuilding-requestForm';
		const MESSAGES = 'ext.gadget.capacityBuilding-i18n';
		let settle: () => void;

		beforeEach( () => {
			const ready = new Promise<void>( ( resolve ) => {
				settle = resolve;
			} );
			fake.loader.getState.mockImplementation( ( name: string ) => [ GADGET, MESSAGES ].includes( name ) ? 'registered' : null );
			fake.loader.using.mockImplementation( () => Promise.resolve(
				( required: string ) => required === MESSAGES ? { ready } : { mount } ) );
		} );

		it( 'mounts a feature only once the reader\'s translations are in', async () => {
			const el = marker( 'requestForm' );
			fireContent();
			await flush();
			expect( fake.loader.using ).toHaveBeenCalledWith( GADGET );
			expect( fake.loader.using ).toHaveBeenCalledWith( MESSAGES );
			expect( mount ).not.toHaveBeenCalled();
			settle();
			await flush();
			expect( mount.mock.calls ).toEqual( [ [ el ] ] );
		} );

		it( 'shows its errors once the translations are in', async () => {
			fake.loader.using.mockImplementation( ( name: string | string[] ) => name === MESSAGES ?
				Promise.resolve( () => ( { ready: Promise.resolve() } ) ) : Promise.reject( new Error( 'gone' ) ) );
			const el = marker( 'requestForm' );
			fireContent();
			await flush();
			expect( el.querySelector( '[role="alert"]' )?.textContent ).toBe( qqx( 'capacitybuilding-init-error-load', 'requestForm' ) );
		} );
	} );

	describe( 'a coach profile page that does not exist yet', () => {
		function view( config: Record<string, unknown> ): HTMLElement {
			const values: Record<string, unknown> = { wgPageName: 'Capacity_building/Coaches/New_coach', wgNamespaceNumber: 0, wgArticleId: 0, wgAction: 'view', ...config };
			fake.config.get.mockImplementation( ( key: string ) => values[ key ] ?? null );
			fake.loader.getState.mockImplementation( ( name: string ) => name === 'ext.capacityBuilding.coachProfile' ? 'registered' : null );
			document.body.innerHTML = '<div id="mw-content-text"><div class="noarticletext">There is currently no text in this page.</div></div>';
			return document.getElementById( 'mw-content-text' ) as HTMLElement;
		}

		function fireOn( root: HTMLElement ): unknown[] {
			mw.hook( 'wikipage.content' ).fire( $( root ) );
			return fake.hooksFired.get( 'capacityBuilding.init.scanned' )?.at( -1 )?.[ 0 ] as unknown[];
		}

		it( 'gets a coachProfile marker, so the form that creates the profile loads', async () => {
			const content = view( {} );
			expect( fireOn( content ) ).toEqual( [ 'coachProfile' ] );
			await flush();
			expect( fake.loader.using ).toHaveBeenCalledWith( 'ext.capacityBuilding.coachProfile' );
			const added = content.firstElementChild as HTMLElement;
			expect( added.dataset.capacitybuildingFeature ).toBe( 'coachProfile' );
			expect( mount.mock.calls ).toEqual( [ [ added ] ] );
			// Announced again: still one marker, mounted once.
			expect( fireOn( content ) ).toEqual( [] );
			expect( content.querySelectorAll( '.ext-capacitybuilding-marker' ) ).toHaveLength( 1 );
		} );

		it.each( [
			[ 'an existing page', { wgArticleId: 12 } ],
			[ 'a special page', { wgPageName: 'Special:PrefixIndex/Capacity_building/Coaches/Ana', wgNamespaceNumber: -1 } ],
			[ 'the editor', { wgAction: 'edit' } ],
			[ 'a page that is not a profile page', { wgPageName: 'Capacity_building/Coaches/Index' } ],
			[ 'an unrelated missing page', { wgPageName: 'Some_article' } ],
		] )( 'leaves %s alone', async ( _name, config ) => {
			const content = view( config );
			expect( fireOn( content ) ).toEqual( [] );
			await flush();
			expect( fake.loader.using ).not.toHaveBeenCalled();
			expect( content.querySelector( '.ext-capacitybuilding-marker' ) ).toBeNull();
		} );

		it( 'gives a hub page that does not exist yet a hubProfile marker, so the form that creates the hub loads', async () => {
			const content = view( { wgPageName: 'Capacity_building/Hubs/New_hub' } );
			fake.loader.getState.mockImplementation( ( name: string ) => name === 'ext.capacityBuilding.hubProfile' ? 'registered' : null );
			expect( fireOn( content ) ).toEqual( [ 'hubProfile' ] );
			await flush();
			expect( fake.loader.using ).toHaveBeenCalledWith( 'ext.capacityBuilding.hubProfile' );
			expect( ( content.firstElementChild as HTMLElement ).dataset.capacitybuildingFeature ).toBe( 'hubProfile' );
		} );

		it.each( [
			[ 'the hubs overview', 'Capacity_building/Hubs' ],
			[ 'a subpage of a hub', 'Capacity_building/Hubs/Africa/Noticeboard' ],
		] )( 'leaves %s alone', ( _name, wgPageName ) => {
			expect( fireOn( view( { wgPageName } ) ) ).toEqual( [] );
		} );

		it( 'adds nothing to other content announced on that page (a preview)', () => {
			view( {} );
			const other = document.createElement( 'div' );
			document.body.append( other );
			expect( fireOn( other ) ).toEqual( [] );
			expect( other.querySelector( '.ext-capacitybuilding-marker' ) ).toBeNull();
		} );
	} );
} );
