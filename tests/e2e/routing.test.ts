/**
 * Routing on a real request page, in Debian's Chromium on the development wiki, with the bot's
 * setup, sync and publish run by the test (docs/data-model.md, "Routing"): a request in a hub's
 * region shows that hub as suggested; its contact finds it chosen for the triage action and routes
 * the request with one click (the person's edit, never the bot's); a request no hub covers says it
 * is in the programme admins' queue. The suggestion is laid out right to left on a phone and passes
 * axe.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { HUB_SCHEMA, REQUEST_SCHEMA, type CapacityRequest } from '../../modules/core/model';
import { hubTitle, requestTitle } from '../../modules/core/pages';
import { parsePage, serialize } from '../../modules/core/wikitext/codec';
import { runBot, syncAndPublish } from '../support/bot';
import { testWiki, uniqueTitle } from '../support/wiki';
import { launchBrowser } from './support/browser';
import { layoutProblems, VIEWPORTS } from './support/layout';
import { botFor } from './support/pages';
import { browseAs, openRequest, PASSWORD, request, runId, uniqueRequestNumber } from './support/requestPages';

describe( 'the suggested hub on a request page, on the development wiki', () => {
	const wiki = testWiki();
	const id = runId();
	const base = uniqueTitle( 'E2E routing' );
	const hub = `Hub América Latina ${ id }`;
	const people = { requester: `Rrq ${ id }`, hubContact: `Rhub ${ id }` };
	const routed = requestTitle( base, uniqueRequestNumber() );
	const uncovered = requestTitle( base, uniqueRequestNumber() );
	const dir = fs.mkdtempSync( path.join( os.tmpdir(), 'capacity-routing-e2e-' ) );
	const contexts: BrowserContext[] = [];
	let browser: Browser;

	async function open( user: string | null, title: string, query: Record<string, string> = {} ): Promise<Page> {
		const context = await browseAs( browser, wiki, user );
		contexts.push( context );
		return openRequest( context, wiki, title, query );
	}

	async function recordOf( title: string ): Promise<CapacityRequest | undefined> {
		const bot = await botFor( wiki );
		return parsePage( ( await bot.read( title ) ).revisions?.[ 0 ]?.content ?? '', REQUEST_SCHEMA ).parsed?.record;
	}

	beforeAll( async () => {
		const bot = await botFor( wiki );
		browser = await launchBrowser();
		const setup = await runBot( [ 'setup', '--json' ] );
		if ( setup.code !== 0 && setup.code !== 5 ) {
			throw new Error( `capacity-bot setup failed:\n${ setup.lines.join( '\n' ) }` );
		}
		for ( const name of Object.values( people ) ) {
			wiki.ensureUser( name, PASSWORD );
		}
		await bot.save( hubTitle( base, hub ), serialize( HUB_SCHEMA, {
			name: hub, kind: 'regional', regions: [ 'LAC' ], topics: [], languages: [ 'es' ], contacts: [ people.hubContact ], noticeboard: '',
		} ), 'End-to-end test hub' );
		await bot.save( routed, serialize( REQUEST_SCHEMA, request( { requester: people.requester, region: 'LAC' } ) ), 'End-to-end test request' );
		await bot.save( uncovered, serialize( REQUEST_SCHEMA, request( { requester: people.requester, region: 'NA', title: 'Nobody covers this one' } ) ), 'End-to-end test request' );
		await syncAndPublish( base, path.join( dir, 'store.sqlite' ) );
	} );

	afterAll( async () => {
		for ( const context of contexts ) {
			await context.close();
		}
		await browser?.close();
		fs.rmSync( dir, { recursive: true, force: true } );
	} );

	// Before the contact routes the request: the suggestion, its confirmation and the chosen hub on screen.
	it.each( [ 'ar', 'he' ] )( 'lays the suggestion out right to left in %s on a phone, with no serious or critical accessibility violation', async ( lang ) => {
		const page = await open( people.hubContact, routed, { uselang: lang } );
		await page.setViewportSize( VIEWPORTS.phone );
		await page.locator( '.ext-capacitybuilding-request-page__route-confirm' ).waitFor();
		expect( await layoutProblems( page, '.ext-capacitybuilding-request-page', { lang, dir: 'rtl' } ) ).toEqual( [] );
		const results = await new AxeBuilder( { page } ).include( '.ext-capacitybuilding-request-page' ).analyze();
		expect( results.violations.filter( ( v ) => v.impact === 'serious' || v.impact === 'critical' )
			.map( ( v ) => `${ v.id }: ${ v.nodes.map( ( n ) => n.target.join( ' ' ) ).join( ', ' ) }` ) ).toEqual( [] );
	} );

	it( 'shows the hub of the request\'s region as suggested, and its contact confirms it with the triage action', async () => {
		const reader = await open( null, routed );
		const box = reader.locator( '.ext-capacitybuilding-request-page__route' );
		await box.waitFor();
		expect( await box.getAttribute( 'data-route' ) ).toBe( 'hubs' );
		expect( await box.innerText() ).toContain( `This request has no hub yet. Suggested hub: ${ hub }` );
		// A reader who cannot route it is not told to.
		expect( await box.locator( '.ext-capacitybuilding-request-page__route-confirm' ).count() ).toBe( 0 );

		const contact = await open( people.hubContact, routed );
		const confirmLine = contact.locator( '.ext-capacitybuilding-request-page__route-confirm' );
		await confirmLine.waitFor();
		expect( await confirmLine.innerText() ).toContain( `To confirm the suggested hub ${ hub }, route the request to it below` );
		const triage = contact.locator( '.ext-capacitybuilding-request-actions__triage' );
		expect( await triage.locator( '.cdx-select-vue__handle' ).innerText() ).toContain( hub );
		await triage.locator( '[data-action="triage"]' ).click();
		const notice = contact.locator( '.ext-capacitybuilding-request-page__notice' );
		await notice.waitFor();
		expect( await notice.getAttribute( 'data-notice' ) ).toBe( 'saved' );
		expect( ( await contact.locator( '.ext-capacitybuilding-request-page__status' ).innerText() ).trim() ).toBe( 'Triaged' );
		expect( await contact.locator( '.ext-capacitybuilding-request-page__route' ).count() ).toBe( 0 );
		// The contact's edit set the hub; the bot only ever suggested it.
		expect( await recordOf( routed ) ).toMatchObject( { hub, status: 'triaged' } );
	} );

	it( 'says a request no hub covers is in the programme admins\' queue', async () => {
		const page = await open( people.hubContact, uncovered );
		const box = page.locator( '.ext-capacitybuilding-request-page__route' );
		await box.waitFor();
		expect( await box.getAttribute( 'data-route' ) ).toBe( 'admins' );
		expect( await box.innerText() ).toContain( 'it is in the programme admins\' queue' );
		expect( await page.locator( '.ext-capacitybuilding-request-page__route-confirm' ).count() ).toBe( 0 );
		expect( await recordOf( uncovered ) ).toMatchObject( { hub: '', status: 'open' } );
	} );
} );
