/**
 * Drafts belong to one account, in Debian's Chromium on the development wiki, in one browser
 * shared by two people: what A typed is never offered to B, and A's draft is gone from the
 * browser once A has logged out. A logged-out draft is carried into the login that follows in
 * the same tab, and belongs to that account from then on.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Mwn } from 'mwn';
import { runBot } from '../support/bot';
import { moduleName, testRoute, testWiki, uniqueTitle } from '../support/wiki';
import { launchBrowser } from './support/browser';
import { field, formReady } from './support/forms';
import { botFor } from './support/pages';
import { PASSWORD, runId } from './support/requestPages';

const DRAFT_PROMPT = '.ext-capacitybuilding-request-form__draft';

/** Every draft the browser keeps for this page's origin: storage, key, value. */
function keptDrafts( page: Page ): Promise<{ storage: string; key: string; value: unknown }[]> {
	return page.evaluate( () => ( [ 'localStorage', 'sessionStorage' ] as const ).flatMap( ( kind ) => {
		const storage = window[ kind ];
		return Array.from( { length: storage.length }, ( _, i ) => storage.key( i ) as string )
			.filter( ( key ) => key.includes( 'capacityBuilding-draft' ) )
			.map( ( key ) => ( { storage: kind, key, value: ( JSON.parse( storage.getItem( key ) as string ) as { value: unknown } ).value } ) );
	} ) );
}

describe( 'drafts on the development wiki', () => {
	const wiki = testWiki();
	const id = runId();
	const ada = `Drafter A ${ id }`;
	const bea = `Drafter B ${ id }`;
	let browser: Browser;
	let bot: Mwn;
	let formPage: string;
	let context: BrowserContext;
	let page: Page;

	beforeAll( async () => {
		[ browser, bot ] = await Promise.all( [ launchBrowser(), botFor( wiki ) ] );
		const setup = await runBot( [ 'setup', '--json' ] );
		if ( setup.code !== 0 ) {
			throw new Error( `capacity-bot setup failed:\n${ setup.lines.join( '\n' ) }` );
		}
		wiki.ensureUser( ada, PASSWORD );
		wiki.ensureUser( bea, PASSWORD );
		formPage = uniqueTitle( 'E2E drafts' );
		await bot.save( formPage, 'Ask for support below.\n\n{{Capacity request form}}', 'End-to-end test page' );
	} );

	beforeEach( async () => {
		// One browser profile for the whole test: a computer two people share.
		context = await browser.newContext();
		context.setDefaultTimeout( 90_000 );
		page = await context.newPage();
	} );

	afterEach( async () => {
		await context.close();
	} );

	afterAll( async () => {
		await browser?.close();
	} );

	/** Logs in through Special:UserLogin in this tab, coming back to `returnTo`. */
	async function logIn( user: string, returnTo: string ): Promise<void> {
		await page.goto( wiki.pageUrl( 'Special:UserLogin', { returnto: returnTo } ) );
		await page.fill( '#wpName1', user );
		await page.fill( '#wpPassword1', PASSWORD );
		await Promise.all( [ page.waitForURL( ( url ) => !url.toString().includes( 'UserLogin' ) ), page.click( '#wpLoginAttempt' ) ] );
		expect( await page.evaluate( () => mw.config.get( 'wgUserName' ) ) ).toBe( user );
	}

	/** Logs out with the skin's own logout link (which posts action=logout, then shows Special:UserLogout). */
	async function logOut(): Promise<void> {
		await Promise.all( [
			page.waitForURL( ( url ) => url.toString().includes( 'UserLogout' ) ),
			// The link sits in a closed user menu: send the click it would get.
			page.locator( '#pt-logout a' ).dispatchEvent( 'click' ),
		] );
		await page.waitForFunction( () => typeof mw !== 'undefined' && mw.config.get( 'wgUserName' ) === null );
		if ( testRoute() === 'gadgets' ) {
			// As gadgets, the loader runs only where the tools can be (the base page's namespace),
			// not on Special:UserLogout: the next page view there settles the drafts, always before
			// a form could offer one (see afterLogout).
			await page.goto( wiki.pageUrl( 'Main Page' ) );
		}
		// The init module has run on this page view.
		await page.waitForFunction( ( init ) => mw.loader.getState( init ) === 'ready', moduleName( 'init' ) );
	}

	/**
	 * What the browser keeps of `owner`'s drafts right after they logged out: nothing; on the
	 * gadget route, where the logout page does not run the tools, the draft at most stays in this
	 * tab's sessionStorage (as after an expired session) until the tab is closed or someone logs in.
	 */
	function afterLogout( owner: unknown ): unknown[] {
		return testRoute() === 'gadgets' ?
			[ expect.objectContaining( { storage: 'sessionStorage', key: `capacityBuilding-draft:${ String( owner ) }:requestForm:new` } ) ] : [];
	}

	async function openForm(): Promise<void> {
		await page.goto( wiki.pageUrl( formPage ) );
		await formReady( page );
	}

	/** Types a title and waits until the form has written its draft. */
	async function typeTitle( title: string ): Promise<void> {
		await field( page, 'title' ).locator( 'input' ).fill( title );
		await page.waitForFunction( ( typed ) => [ window.localStorage, window.sessionStorage ].some( ( storage ) => Array.from(
			{ length: storage.length }, ( _, i ) => storage.getItem( storage.key( i ) as string ) ?? '' ).some( ( value ) => value.includes( typed ) ) ), title );
	}

	it( 'never offers A\'s draft to B, and A\'s draft is gone once A has logged out', async () => {
		await logIn( ada, formPage );
		const adaId = await page.evaluate( () => mw.config.get( 'wgUserId' ) );
		await openForm();
		await typeTitle( 'Private plans of A' );
		expect( await keptDrafts( page ) ).toEqual( [
			{ storage: 'localStorage', key: `capacityBuilding-draft:${ adaId }:requestForm:new`, value: expect.objectContaining( { title: 'Private plans of A' } ) },
		] );
		// A comes back to the form: their draft is offered.
		await openForm();
		await page.locator( DRAFT_PROMPT ).waitFor();

		await logOut();
		expect( await keptDrafts( page ) ).toEqual( afterLogout( adaId ) );

		await logIn( bea, formPage );
		await formReady( page );
		expect( await page.locator( DRAFT_PROMPT ).count() ).toBe( 0 );
		expect( await field( page, 'title' ).locator( 'input' ).inputValue() ).toBe( '' );
		expect( await keptDrafts( page ) ).toEqual( [] );
	} );

	it( 'carries a logged-out draft into the login that follows in the same tab, for that account only', async () => {
		await openForm();
		await typeTitle( 'Typed before logging in' );
		// Logged out: kept in this tab only.
		expect( ( await keptDrafts( page ) ).map( ( draft ) => [ draft.storage, draft.key ] ) ).toEqual( [
			[ 'sessionStorage', 'capacityBuilding-draft:0:requestForm:new' ],
		] );
		// Another tab of the same browser does not see it.
		const other = await context.newPage();
		await other.goto( wiki.pageUrl( formPage ) );
		await formReady( other );
		expect( await other.locator( DRAFT_PROMPT ).count() ).toBe( 0 );
		await other.close();

		await logIn( bea, formPage );
		const beaId = await page.evaluate( () => mw.config.get( 'wgUserId' ) );
		await formReady( page );
		await page.locator( DRAFT_PROMPT ).waitFor();
		expect( ( await keptDrafts( page ) ).map( ( draft ) => [ draft.storage, draft.key ] ) ).toEqual( [
			[ 'localStorage', `capacityBuilding-draft:${ beaId }:requestForm:new` ],
		] );
		await page.locator( DRAFT_PROMPT ).getByRole( 'button' ).first().click();
		expect( await field( page, 'title' ).locator( 'input' ).inputValue() ).toBe( 'Typed before logging in' );

		// It is B's now: after B logs out and A logs in, A is offered nothing.
		await logOut();
		expect( await keptDrafts( page ) ).toEqual( afterLogout( beaId ) );
		await logIn( ada, formPage );
		await formReady( page );
		expect( await page.locator( DRAFT_PROMPT ).count() ).toBe( 0 );
	} );
} );
