/**
 * The shared module on the development wiki, in Debian's Chromium: the code of modules/core and
 * modules/shared reaches the browser once, in `ext.capacityBuilding.shared` (on the gadget route
 * `ext.gadget.capacityBuilding-shared`), however many features a page runs. A request page that opens its edit form runs two features (requestPage, then
 * requestForm); before the shared module existed each carried its own copy of the core.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Mwn } from 'mwn';
import { runBot } from '../support/bot';
import { isOurModule, moduleName, testRoute, testWiki, uniqueTitle } from '../support/wiki';
import { launchBrowser } from './support/browser';
import { formReady } from './support/forms';
import { botFor, initScan, settledState } from './support/pages';
import { PASSWORD, browseAs, request, runId, saveRequest } from './support/requestPages';

const SHARED = moduleName( 'shared' );
/** On the gadget route, the messages gadget runs too (without the core). */
const MESSAGES: Record<string, boolean> = testRoute() === 'gadgets' ? { [ moduleName( 'i18n' ) ]: false } : {};
/** A string only the core's wikitext codec has (a message key it reports problems with). */
const CORE_MARKER = 'capacitybuilding-codec-markup';

/** Every ResourceLoader request this page makes for CapacityBuilding modules, as module lists. */
function recordModuleRequests( page: Page ): string[][] {
	const requests: string[][] = [];
	page.on( 'request', ( sent ) => {
		const url = new URL( sent.url() );
		const modules = url.pathname.endsWith( '/load.php' ) ? url.searchParams.get( 'modules' ) : null;
		if ( modules && url.searchParams.get( 'only' ) !== 'styles' ) {
			requests.push( expandModules( modules ).filter( isOurModule ) );
		}
	} );
	return requests;
}

/**
 * ResourceLoader's packed module list: `a.b.c,d|e.f` means a.b.c, a.b.d and e.f (names sharing a
 * prefix up to their last dot are grouped).
 *
 * @param packed The `modules` parameter of a load.php request
 */
function expandModules( packed: string ): string[] {
	return packed.split( '|' ).flatMap( ( group ) => {
		const [ first, ...rest ] = group.split( ',' ) as [ string, ...string[] ];
		const dot = first.lastIndexOf( '.' );
		const prefix = dot === -1 ? '' : first.slice( 0, dot + 1 );
		return [ first, ...rest.map( ( suffix ) => prefix + suffix ) ];
	} );
}

/**
 * The CapacityBuilding modules ResourceLoader has run on the page, with whether each one's code
 * contains the core marker (read from the loader's registry: the package files it executed).
 */
function loadedModules( page: Page, marker: string ): Promise<Record<string, boolean>> {
	return page.evaluate( ( [ needle, prefix ]: [ string, string ] ) => {
		const registry = ( mw.loader as unknown as { moduleRegistry: Record<string, { state: string; script?: unknown }> } ).moduleRegistry;
		const result: Record<string, boolean> = {};
		for ( const name of Object.keys( registry ) ) {
			const entry = registry[ name ];
			// Styles-only modules (the templates' stylesheet) have no script.
			if ( !name.startsWith( prefix ) || entry?.state !== 'ready' || !entry.script ) {
				continue;
			}
			const script = entry.script as { files?: Record<string, unknown> } | ( () => void );
			const files = typeof script === 'object' && script.files ? Object.values( script.files ) : [ script ];
			result[ name ] = files.some( ( file ) => String( file ).includes( needle ) );
		}
		return result;
	}, [ marker, moduleName( '' ) ] as [ string, string ] );
}

describe( 'the shared module on the development wiki', () => {
	const wiki = testWiki();
	const requester = `Shared ${ runId() }`;
	let browser: Browser;
	let bot: Mwn;
	let context: BrowserContext;

	beforeAll( async () => {
		[ browser, bot ] = await Promise.all( [ launchBrowser(), botFor( wiki ) ] );
		const setup = await runBot( [ 'setup', '--json' ] );
		if ( setup.code !== 0 ) {
			throw new Error( `capacity-bot setup failed:\n${ setup.lines.join( '\n' ) }` );
		}
		wiki.ensureUser( requester, PASSWORD );
		context = await browseAs( browser, wiki, requester );
	} );

	afterAll( async () => {
		await context?.close();
		await browser?.close();
	} );

	it( 'loads the core once on a request page that opens its edit form, and both features work', async () => {
		const title = await saveRequest( bot, request( { requester } ) );
		// A fresh context: nothing in ResourceLoader's module store yet, so every module comes over the network.
		const fresh = await browseAs( browser, wiki, requester );
		try {
			const page = await fresh.newPage();
			const requests = recordModuleRequests( page );
			await page.goto( wiki.pageUrl( title ) );
			await page.locator( '.ext-capacitybuilding-request-page__header' ).waitFor();
			await page.locator( '.ext-capacitybuilding-request-page__edit-button' ).click();
			await formReady( page );
			expect( await settledState( page, moduleName( 'requestForm' ) ) ).toBe( 'ready' );

			// Four modules ran: init, the two features and the shared module; only the shared module has the core.
			expect( await loadedModules( page, CORE_MARKER ) ).toEqual( {
				[ moduleName( 'init' ) ]: false,
				[ SHARED ]: true,
				[ moduleName( 'requestPage' ) ]: false,
				[ moduleName( 'requestForm' ) ]: false,
				...MESSAGES,
			} );
			// The shared module was fetched once, with the first feature, and not again with the form.
			const fetched = requests.flat();
			expect( fetched.filter( ( name ) => name === SHARED ) ).toHaveLength( 1 );
			expect( fetched.filter( ( name ) => name === moduleName( 'requestForm' ) ) ).toHaveLength( 1 );
			const formRequest = requests.find( ( names ) => names.includes( moduleName( 'requestForm' ) ) );
			expect( formRequest ).not.toContain( SHARED );
			// The form holds the request's values: the feature works on the shared code.
			expect( await page.locator( '#ext-capacitybuilding-request-form-title input' ).inputValue() )
				.toBe( request( {} ).title );
		} finally {
			await fresh.close();
		}
	} );

	it( 'mounts two features on one page with one shared module', async () => {
		const title = uniqueTitle( 'E2E shared' );
		await bot.save( title, [
			'<div class="ext-capacitybuilding-marker" data-capacitybuilding-feature="requestForm">Needs JavaScript.</div>',
			'<div class="ext-capacitybuilding-marker" data-capacitybuilding-feature="coachDirectory">Needs JavaScript too.</div>',
		].join( '\n' ), 'End-to-end test page' );
		const page = await context.newPage();
		try {
			await page.goto( wiki.pageUrl( title ) );
			expect( ( await initScan( page ) ).sort() ).toEqual( [ 'coachDirectory', 'requestForm' ] );
			await formReady( page );
			await page.locator( '.ext-capacitybuilding-directory' ).first().waitFor();
			expect( await loadedModules( page, CORE_MARKER ) ).toEqual( {
				[ moduleName( 'init' ) ]: false,
				[ SHARED ]: true,
				[ moduleName( 'requestForm' ) ]: false,
				[ moduleName( 'coachDirectory' ) ]: false,
				...MESSAGES,
			} );
			expect( await page.locator( '#mw-content-text' ).innerText() ).not.toContain( 'Needs JavaScript' );
		} finally {
			await page.close();
		}
	} );
} );
