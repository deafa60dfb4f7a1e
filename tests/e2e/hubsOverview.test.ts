/**
 * The hubs overview (`{{Capacity hubs overview}}`) in Debian's Chromium on the development wiki:
 * every hub with what it covers and whom to contact, "which hub is mine?" by region, topic and
 * language, right to left on a phone, and no serious or critical axe violation. Hubs are read from
 * their pages (the test removes the default base page's published indexes first, as other tests
 * of that base page do).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Mwn } from 'mwn';
import { HUB_SCHEMA } from '../../modules/core/model';
import { hubTitle } from '../../modules/core/pages';
import { serialize } from '../../modules/core/wikitext/codec';
import { runBot } from '../support/bot';
import { testWiki } from '../support/wiki';
import { launchBrowser } from './support/browser';
import { layoutProblems, VIEWPORTS } from './support/layout';
import { botFor, removeIndexes } from './support/pages';
import { BASE, runId } from './support/requestPages';

describe( 'the hubs overview, on the development wiki', () => {
	const wiki = testWiki();
	const id = runId();
	const maghreb = `Hub Maghreb ${ id }`;
	const glam = `Hub GLAM ${ id }`;
	const contacts = { maghreb: `Ocontact ${ id }`, glam: `Ocurator ${ id }` };
	const title = `${ BASE }/Hubs overview ${ id }`;
	const contexts: BrowserContext[] = [];
	let browser: Browser;
	let bot: Mwn;

	async function open( query: Record<string, string> = {} ): Promise<Page> {
		const context = await browser.newContext();
		context.setDefaultTimeout( 90_000 );
		contexts.push( context );
		const page = await context.newPage();
		await page.goto( wiki.pageUrl( title, query ) );
		await page.locator( `.ext-capacitybuilding-hubs__hub[data-hub="${ glam }"]` ).waitFor();
		return page;
	}

	async function choose( page: Page, filter: string, label: string ): Promise<void> {
		const field = page.locator( `.ext-capacitybuilding-hubs__filter[data-filter="${ filter }"]` );
		await field.locator( '.cdx-select-vue__handle' ).click();
		await field.getByRole( 'option', { name: label, exact: true } ).click();
	}

	/** Language names as MediaWiki gives them in English (autonyms on a wiki without CLDR). */
	async function languageName( code: string ): Promise<string> {
		const names = await bot.request( { action: 'query', meta: 'languageinfo', licode: code, liprop: 'name', uselang: 'en', formatversion: 2 } );
		return names.query?.languageinfo[ code ]?.name as string;
	}

	async function listed( page: Page ): Promise<string[]> {
		return page.locator( '.ext-capacitybuilding-hubs__hub' ).evaluateAll( ( items ) => items.map( ( item ) => item.getAttribute( 'data-hub' ) ?? '' ) );
	}

	beforeAll( async () => {
		[ browser, bot ] = await Promise.all( [ launchBrowser(), botFor( wiki ) ] );
		const setup = await runBot( [ 'setup', '--json' ] );
		if ( setup.code !== 0 && setup.code !== 5 ) {
			throw new Error( `capacity-bot setup failed:\n${ setup.lines.join( '\n' ) }` );
		}
		await removeIndexes( bot, BASE );
		await bot.save( hubTitle( BASE, maghreb ), serialize( HUB_SCHEMA, {
			name: maghreb, kind: 'regional', regions: [ 'MENA' ], topics: [], languages: [ 'ar', 'fr' ], contacts: [ contacts.maghreb ],
			noticeboard: `${ BASE }/Hubs/${ maghreb }/Noticeboard`,
		} ), 'End-to-end test hub' );
		await bot.save( hubTitle( BASE, glam ), serialize( HUB_SCHEMA, {
			name: glam, kind: 'thematic', regions: [], topics: [ 'glam' ], languages: [ 'sw' ], contacts: [ contacts.glam ], noticeboard: '',
		} ), 'End-to-end test hub' );
		await bot.save( title, '{{Capacity hubs overview}}', 'End-to-end test page' );
	} );

	afterAll( async () => {
		for ( const context of contexts ) {
			await context.close();
		}
		await browser?.close();
	} );

	it( 'lists every hub with what it covers and whom to contact', async () => {
		const page = await open();
		const hub = page.locator( `.ext-capacitybuilding-hubs__hub[data-hub="${ maghreb }"]` );
		expect( ( await hub.locator( 'h4' ).innerText() ).trim() ).toBe( maghreb );
		expect( await hub.locator( '.cdx-info-chip' ).innerText() ).toContain( 'Regional hub' );
		expect( await hub.locator( '[data-fact="regions"] dd' ).innerText() ).toBe( 'Middle East and North Africa' );
		expect( await hub.locator( '[data-fact="languages"] dd' ).innerText() ).toBe( `${ await languageName( 'ar' ) }, ${ await languageName( 'fr' ) }` );
		expect( await hub.locator( '[data-fact="contacts"] a' ).allInnerTexts() ).toEqual( [ contacts.maghreb ] );
		expect( await hub.locator( '[data-fact="contacts"] a' ).getAttribute( 'href' ) ).toContain( 'User:' );
		expect( await hub.locator( 'h4 a' ).getAttribute( 'href' ) ).toContain( 'Hubs/' );
		const thematic = page.locator( `.ext-capacitybuilding-hubs__hub[data-hub="${ glam }"]` );
		expect( await thematic.locator( '[data-fact="topics"] dd' ).innerText() ).toBe( 'Partnerships with cultural institutions (GLAM)' );
		// Regional hubs first.
		const order = await listed( page );
		expect( order.indexOf( maghreb ) ).toBeLessThan( order.indexOf( glam ) );
	} );

	it( 'answers "which hub is mine?" by region, topic and language', async () => {
		const page = await open();
		await choose( page, 'region', 'Middle East and North Africa' );
		await page.locator( `.ext-capacitybuilding-hubs__hub[data-hub="${ glam }"]` ).waitFor( { state: 'detached' } );
		expect( await listed( page ) ).toContain( maghreb );
		expect( await page.locator( '.ext-capacitybuilding-hubs__count' ).innerText() ).toMatch( /covers? what you chose/ );
		await choose( page, 'region', 'Any' );
		await choose( page, 'topic', 'Partnerships with cultural institutions (GLAM)' );
		await choose( page, 'language', await languageName( 'sw' ) );
		expect( await listed( page ) ).toContain( glam );
		expect( await listed( page ) ).not.toContain( maghreb );
		await choose( page, 'region', 'Middle East and North Africa' );
		expect( await listed( page ) ).not.toContain( glam );
	} );

	it.each( [ 'ar', 'he' ] )( 'is laid out right to left in %s on a phone, with no serious or critical accessibility violation', async ( lang ) => {
		const page = await open( { uselang: lang } );
		await page.setViewportSize( VIEWPORTS.phone );
		expect( await layoutProblems( page, '.ext-capacitybuilding-hubs', { lang, dir: 'rtl' } ) ).toEqual( [] );
		const results = await new AxeBuilder( { page } ).include( '.ext-capacitybuilding-hubs' ).analyze();
		expect( results.violations.filter( ( v ) => v.impact === 'serious' || v.impact === 'critical' )
			.map( ( v ) => `${ v.id }: ${ v.nodes.map( ( n ) => n.target.join( ' ' ) ).join( ', ' ) }` ) ).toEqual( [] );
	} );
} );
