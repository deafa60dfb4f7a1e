/**
 * Seeding request pages, hubs, coaches and people on the development wiki for end-to-end tests of
 * request pages, and browsing as one of those people.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Mwn } from 'mwn';
import { REQUEST_SCHEMA, type CapacityRequest } from '../../../modules/core/model';
import { coachTitle, hubTitle, requestTitle } from '../../../modules/core/pages';
import { serialize } from '../../../modules/core/wikitext/codec';
import type { DevWiki } from '../../../scripts/lib/devwiki';

export const BASE = 'Capacity building';
export const PASSWORD = 'e2e-request-page-password';

/** A run-unique suffix, so reruns and parallel runs never share people, hubs or request numbers. */
export function runId(): string {
	return `${ Date.now().toString( 36 ) }${ Math.random().toString( 36 ).slice( 2, 6 ) }`;
}

/** A request number no other run uses (request pages must be R<n>). */
export function uniqueRequestNumber(): number {
	return 100000000 + Math.floor( Math.random() * 800000000 );
}

export function request( overrides: Partial<CapacityRequest> ): CapacityRequest {
	return {
		title: 'Help with our first edit-a-thon', requester: '', requesterType: 'group', organisation: 'Wikimedians of Testland',
		region: 'LAC', hub: '', topics: [ 'governance' ], formats: [ 'workshop' ], languages: [ 'es', 'en' ], lang: '', neededBy: '2027-03-01',
		description: 'We are planning our first edit-a-thon and would like help with the programme.', status: 'open',
		holdReason: '', coach: [], offers: [], created: '2026-11-20T10:00:00Z', ...overrides,
	};
}

/** The text after the template block, kept to check that actions touch only the block. */
export const DISCUSSION = '\n\n== Discussion ==\nIs a workshop in March possible? --[[User:Someone|Someone]] 10:00, 21 November 2026 (UTC)\n';

export async function saveRequest( bot: Mwn, record: CapacityRequest, number = uniqueRequestNumber() ): Promise<string> {
	const title = requestTitle( BASE, number );
	await bot.save( title, serialize( REQUEST_SCHEMA, record ) + DISCUSSION, 'End-to-end test request' );
	return title;
}

export async function saveHub( bot: Mwn, key: string, contacts: string[] ): Promise<void> {
	await bot.save( hubTitle( BASE, key ), `{{Capacity hub\n| name = ${ key }\n| kind = regional\n| regions = LAC\n| contacts = ${ contacts.join( ', ' ) }\n}}`, 'End-to-end test hub' );
}

export async function saveCoach( bot: Mwn, user: string ): Promise<void> {
	await bot.save( coachTitle( BASE, user ), `{{Capacity coach\n| user = ${ user }\n| topics = governance\n| languages = es\n| formats = workshop\n| availability = available\n| max_requests = 3\n| contact = talk\n}}`, 'End-to-end test coach' );
}

export async function pageText( bot: Mwn, title: string ): Promise<string> {
	const page = await bot.read( title );
	return page.revisions?.[ 0 ]?.content ?? '';
}

/** A browser context logged in as `user` (null: logged out). */
export async function browseAs( browser: Browser, wiki: DevWiki, user: string | null ): Promise<BrowserContext> {
	const context = await browser.newContext();
	// The machine running the tests may be slow and busy; waiting longer only delays a real failure.
	context.setDefaultTimeout( 90_000 );
	if ( user !== null ) {
		const page = await context.newPage();
		await page.goto( wiki.pageUrl( 'Special:UserLogin' ) );
		await page.fill( '#wpName1', user );
		await page.fill( '#wpPassword1', PASSWORD );
		await Promise.all( [ page.waitForURL( ( url ) => !url.searchParams.has( 'title' ) || !url.toString().includes( 'UserLogin' ) ), page.click( '#wpLoginAttempt' ) ] );
		await page.close();
	}
	return context;
}

/** Opens a request page and waits until the request page feature has loaded its data. */
export async function openRequest( context: BrowserContext, wiki: DevWiki, title: string, query: Record<string, string> = {} ): Promise<Page> {
	const page = await context.newPage();
	await page.goto( wiki.pageUrl( title, query ) );
	await page.locator( '.ext-capacitybuilding-request-page__header, .ext-capacitybuilding-request-page__load-error' ).first().waitFor();
	return page;
}

/** The actions offered on the page, as their data-action names. */
export async function offeredActions( page: Page ): Promise<string[]> {
	const names = await page.locator( '.ext-capacitybuilding-request-actions [data-action]' ).evaluateAll(
		( elements ) => elements.map( ( element ) => element.getAttribute( 'data-action' ) ?? '' ) );
	return names.sort();
}
