/**
 * Helpers for end-to-end tests: pages on the development wiki, and waiting on ResourceLoader in
 * the browser (never on timers).
 */
import { Mwn } from 'mwn';
import type { Page } from 'playwright-core';
import { sitePages } from '../../../modules/core/pages';
import type { DevWiki } from '../../../scripts/lib/devwiki';
import { moduleName } from '../../support/wiki';

export async function botFor( wiki: DevWiki ): Promise<Mwn> {
	const { api, bot } = wiki.credentials();
	return Mwn.init( {
		apiUrl: api,
		username: bot.username,
		password: bot.password,
		userAgent: 'CapacityBuilding-tests/0.1 (end-to-end tests)',
		silent: true,
	} );
}

/**
 * Resolves once the init module has scanned the page's content, with the features it started
 * loading. The hook remembers its last call, so this works whether the scan already happened.
 */
export async function initScan( page: Page ): Promise<string[]> {
	await page.waitForFunction( () => typeof mw !== 'undefined' && !!mw.loader );
	return page.evaluate( ( init ) => new Promise<string[]>( ( resolve ) => {
		mw.loader.using( init ).then( () => {
			mw.hook( 'capacityBuilding.init.scanned' ).add( ( features: string[] ) => resolve( features ) );
		} );
	} ), moduleName( 'init' ) );
}

export function moduleState( page: Page, name: string ): Promise<string | null> {
	return page.evaluate( ( module ) => mw.loader.getState( module ), name );
}

/** Waits until ResourceLoader has finished with a module, and returns its final state. */
export async function settledState( page: Page, name: string ): Promise<string | null> {
	const handle = await page.waitForFunction( ( module ) => {
		const state = mw.loader.getState( module );
		return [ 'ready', 'error', 'missing' ].includes( state ?? '' ) ? state : false;
	}, name );
	return handle.jsonValue() as Promise<string | null>;
}

/** Deletes the bot's published index manifests under a base page (Requests.json, Coaches.json, Hubs.json), where they exist. */
export async function removeIndexes( bot: Mwn, base: string ): Promise<void> {
	const pages = sitePages( base );
	for ( const manifest of [ pages.requestsJson, pages.coachesJson, pages.hubsJson ] ) {
		const found = await bot.request( { action: 'query', titles: manifest, formatversion: 2 } ) as { query: { pages: { missing?: boolean }[] } };
		if ( !found.query.pages[ 0 ]?.missing ) {
			await bot.delete( manifest, 'End-to-end test: clean up the published indexes' );
		}
	}
}
