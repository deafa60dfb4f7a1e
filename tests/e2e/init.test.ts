/**
 * The path every feature takes, in Debian's Chromium on the development wiki: a page with a marker
 * gets the init module, which loads the feature module, which mounts a Codex component; a page
 * without a marker loads no feature module at all.
 */
import type { Browser, Page } from 'playwright-core';
import type { Mwn } from 'mwn';
import en from '../../i18n/en.json';
import { launchBrowser } from './support/browser';
import { botFor, initScan, moduleState, settledState } from './support/pages';
import { isOurModule, moduleName, testWiki, uniqueTitle } from '../support/wiki';

const FEATURE_MODULE = moduleName( 'requestForm' );

describe( 'init module on the development wiki', () => {
	const wiki = testWiki();
	let browser: Browser;
	let bot: Mwn;
	let page: Page;

	beforeAll( async () => {
		[ browser, bot ] = await Promise.all( [ launchBrowser(), botFor( wiki ) ] );
	} );

	afterAll( async () => {
		await browser?.close();
	} );

	beforeEach( async () => {
		page = await browser.newPage();
	} );

	afterEach( async () => {
		await page.close();
	} );

	async function visit( text: string ): Promise<void> {
		const title = uniqueTitle( 'E2E init' );
		await bot.save( title, text, 'End-to-end test page' );
		const response = await page.goto( wiki.pageUrl( title ) );
		expect( response?.status() ).toBe( 200 );
	}

	it( 'loads the feature named by a marker and mounts its Codex component there', async () => {
		await visit( 'Before.\n<div class="ext-capacitybuilding-marker" data-capacitybuilding-feature="requestForm">Needs JavaScript.</div>\nAfter.' );
		expect( await initScan( page ) ).toEqual( [ 'requestForm' ] );
		expect( await settledState( page, FEATURE_MODULE ) ).toBe( 'ready' );
		const message = page.locator( '.ext-capacitybuilding-marker .ext-capacitybuilding-request-form__sensitive' );
		await message.waitFor();
		expect( await message.innerText() ).toContain( en[ 'capacitybuilding-requestform-sensitive' ] );
		// The no-JavaScript text is gone, the text around the marker is not.
		expect( await page.locator( '#mw-content-text' ).innerText() ).not.toContain( 'Needs JavaScript.' );
		expect( await page.locator( '#mw-content-text' ).innerText() ).toContain( 'After.' );
		// Codex's styles arrived with the module (the CodexModule's subset, or the gadget's full Codex).
		expect( await message.evaluate( ( el ) => getComputedStyle( el ).display ) ).toBe( 'flex' );
	} );

	it( 'loads no feature module on a page without a marker', async () => {
		await visit( 'An ordinary article with no capacity building content.' );
		expect( await initScan( page ) ).toEqual( [] );
		expect( await moduleState( page, moduleName( 'init' ) ) ).toBe( 'ready' );
		expect( await moduleState( page, FEATURE_MODULE ) ).toBe( 'registered' );
		expect( await page.locator( '.cdx-message' ).count() ).toBe( 0 );
		// Nothing else of ours ran: every feature, the shared code (and on the gadget route the
		// messages) stay registered; only init and the templates' small stylesheet are loaded.
		const names = ( await page.evaluate( () => mw.loader.getModuleNames() ) ).filter( isOurModule );
		const loaded: string[] = [];
		for ( const name of names ) {
			if ( await moduleState( page, name ) !== 'registered' ) {
				loaded.push( name );
			}
		}
		expect( loaded.sort() ).toEqual( [ moduleName( 'init' ), moduleName( 'styles' ) ].sort() );
	} );

	it( 'ignores a marker that names no known feature', async () => {
		await visit( '<div class="ext-capacitybuilding-marker" data-capacitybuilding-feature="jquery">x</div>' );
		expect( await initScan( page ) ).toEqual( [] );
		expect( await moduleState( page, FEATURE_MODULE ) ).toBe( 'registered' );
	} );
} );
