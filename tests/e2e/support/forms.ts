/**
 * Helpers for end-to-end tests of the forms: logging a browser in, filling Codex fields the way a
 * person does (typing, choosing from menus), and reading a saved record back through the API.
 */
import type { Mwn } from 'mwn';
import type { BrowserContext, Page } from 'playwright-core';
import type { RecordSchema } from '../../../modules/core/model';
import { parsePage } from '../../../modules/core/wikitext/codec';
import type { DevWiki } from '../../../scripts/lib/devwiki';

/** Logs the browser context in through Special:UserLogin, as a person would. */
export async function logIn( context: BrowserContext, wiki: DevWiki, username: string, password: string ): Promise<void> {
	const page = await context.newPage();
	await page.goto( wiki.pageUrl( 'Special:UserLogin' ) );
	await page.fill( '#wpName1', username );
	await page.fill( '#wpPassword1', password );
	await Promise.all( [ page.waitForNavigation(), page.click( '#wpLoginAttempt' ) ] );
	const name = await page.evaluate( () => mw.config.get( 'wgUserName' ) );
	await page.close();
	if ( name !== username ) {
		throw new Error( `login as ${ username } failed` );
	}
}

/** The wrapper of a request form field (CdxField) by record key. */
export function field( page: Page, key: string ): ReturnType<Page['locator']> {
	return page.locator( `#ext-capacitybuilding-request-form-${ key }` );
}

/**
 * Chooses from a Codex multiselect lookup by typing and picking a menu item: the one with that
 * label, or the first (the best match) when no label is given.
 */
export async function pick( page: Page, key: string, typed: string, label?: string ): Promise<void> {
	const input = field( page, key ).locator( 'input' ).first();
	await input.click();
	await input.fill( typed );
	if ( label ) {
		await field( page, key ).getByRole( 'option', { name: label } ).first().click();
		return;
	}
	// The option for a code shows the code last (under the name); the exact match comes first, and
	// waiting for an option ending with the code waits until the menu follows the typing.
	const escaped = typed.replace( /[.*+?^${}()|[\]\\]/g, '\\$&' );
	await field( page, key ).getByRole( 'option' ).filter( { hasText: new RegExp( `${ escaped }$` ) } ).first().click();
}

/** Chooses from a Codex select. */
export async function select( page: Page, key: string, label: string ): Promise<void> {
	await field( page, key ).locator( '.cdx-select-vue__handle' ).click();
	await field( page, key ).getByRole( 'option', { name: label, exact: true } ).click();
}

/** Waits until the form has loaded its data and shows its fields. */
export async function formReady( page: Page ): Promise<void> {
	// Generous: the machine may be loaded (this waits on real page loads, it measures nothing).
	await page.locator( '.ext-capacitybuilding-request-form__form' ).waitFor( { timeout: 120_000 } );
}

/** The record a page holds now, read through the API. */
export async function savedRecord<R>( bot: Mwn, title: string, schema: RecordSchema<R> ): Promise<{ record: R | null; text: string }> {
	const text = await bot.read( title ).then( ( page ) => page.revisions?.[ 0 ]?.content ?? '' );
	return { record: parsePage( text, schema ).parsed?.record ?? null, text };
}
