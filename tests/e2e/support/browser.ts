/**
 * Debian's Chromium driven by playwright-core. Never a downloaded browser: this machine (and CI)
 * cannot download one, and the tests must run on what Debian ships.
 */
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import fs from 'node:fs';

export const CHROMIUM_PATH = process.env.CAPACITY_CHROMIUM ?? '/usr/bin/chromium';

/** Flags that keep Chromium off the network (which is closed here) and away from first-run work. */
const FLAGS = [
	'--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
	'--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
	'--disable-dev-shm-usage',
];

/**
 * Headless Chromium sometimes never grants a tab an idle period: requestIdleCallback callbacks
 * then never run (we saw it in one of ten tabs, more often on a loaded machine, even for a
 * visible, focused tab). MediaWiki's loader runs modules taken from its localStorage module store
 * through requestIdleCallback, so such a tab would wait forever for modules it already has. This
 * hides the native function before any page script runs, so MediaWiki takes its own documented
 * setTimeout fallback (`mw.requestIdleCallbackInternal`, what it uses in browsers without the
 * API). The code under test is unchanged; only the browser's scheduling quirk is taken away.
 */
const IDLE_CALLBACK_FALLBACK = 'Object.defineProperty( window, \'requestIdleCallback\', { value: undefined, configurable: true, writable: true } );';

/**
 * Launches Chromium. Playwright gives every launch a fresh temporary user-data folder of its own
 * and removes it on close. Every context it opens (also those `newPage` opens) gets the
 * idle-callback fallback above.
 */
export async function launchBrowser(): Promise<Browser> {
	if ( !fs.existsSync( CHROMIUM_PATH ) ) {
		throw new Error( `Chromium is not installed at ${ CHROMIUM_PATH } (apt-get install chromium; npm test installs it when run as root)` );
	}
	const browser = await chromium.launch( { executablePath: CHROMIUM_PATH, headless: true, args: FLAGS } );
	const newContext = browser.newContext.bind( browser );
	browser.newContext = async ( options ) => {
		const context = await newContext( options );
		await context.addInitScript( IDLE_CALLBACK_FALLBACK );
		return context;
	};
	return browser;
}

/**
 * What a page's scripts report as going wrong (uncaught exceptions, `console.error`, which is
 * where Vue's and MediaWiki's error handlers write), kept for a failure message.
 *
 * @param page A page, watched from now on
 * @return The reports so far (the list grows)
 */
export function pageErrors( page: Page ): string[] {
	const errors: string[] = [];
	page.on( 'pageerror', ( error ) => errors.push( `uncaught: ${ error.message }` ) );
	page.on( 'console', ( message ) => {
		if ( message.type() === 'error' ) {
			errors.push( `console.error: ${ message.text() }` );
		}
	} );
	return errors;
}

/**
 * Waits for an element to be visible; when it does not come, the failure also says what the
 * page's scripts reported (pageErrors), so a failure seen only on a loaded CI machine can be read.
 *
 * @param locator What should appear
 * @param errors The page's reports (from pageErrors)
 */
export async function waitForOrExplain( locator: Locator, errors: readonly string[] ): Promise<void> {
	try {
		await locator.waitFor();
	} catch ( error ) {
		const page = locator.page();
		const found = await locator.count();
		const state = found ? `${ found } in the page, not visible` : 'not in the page';
		throw new Error( `${ ( error as Error ).message }\nPage: ${ page.url() } (element ${ state })\n` +
			`The page's scripts reported: ${ errors.length ? errors.join( '\n' ) : 'nothing' }` );
	}
}

/**
 * Activates a button from the keyboard (focus, then Enter), as a keyboard user does. For a button
 * below the fold on a phone screen: scrolling to it makes Vector change its layout (its table of
 * contents button and header react to the scroll a moment later), so a mouse click at the
 * position Playwright measured can land beside the button. The keyboard needs no position.
 *
 * @param button The button
 */
export async function activate( button: Locator ): Promise<void> {
	await button.focus();
	await button.press( 'Enter' );
}
