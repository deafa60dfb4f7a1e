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
 * Launches Chromium. Playwright gives every launch a fresh temporary user-data folder of its own
 * and removes it on close.
 */
export async function launchBrowser(): Promise<Browser> {
	if ( !fs.existsSync( CHROMIUM_PATH ) ) {
		throw new Error( `Chromium is not installed at ${ CHROMIUM_PATH } (apt-get install chromium; npm test installs it when run as root)` );
	}
	return chromium.launch( { executablePath: CHROMIUM_PATH, headless: true, args: FLAGS } );
}
