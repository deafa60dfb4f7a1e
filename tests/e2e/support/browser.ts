/**
 * Debian's Chromium driven by playwright-core. Never a downloaded browser: this machine (and CI)
 * cannot download one, and the tests must run on what Debian ships.
 */
import { chromium, type Browser } from 'playwright-core';
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
