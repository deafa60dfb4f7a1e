/**
 * Hub pages, in Debian's Chromium on the development wiki, with the bot's setup, sync and publish
 * run by the test (docs/data-model.md, "Hubs"): a contact of an existing hub creates a new hub
 * through the form on its missing page, and the bot accepts it; a non-contact's hand edit of a hub
 * page (an API edit as that user) is rejected by the bot, and the page shows the accepted profile,
 * not theirs, with their edit listed as not accepted; a stranger and a logged-out reader get no
 * form, on an existing hub page or a missing one; the view and the form are laid out right to left
 * on a phone and pass axe with no serious or critical violation.
 *
 * Creating a hub on its missing page needs the configured base page, so the test uses the default
 * one (it removes that base page's published indexes before and after, as other tests of it do).
 */
/* eslint jest/no-standalone-expect: [ "error", { "additionalTestBlockFunctions": [ "itOnOneRoute" ] } ] */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { Mwn } from 'mwn';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import en from '../../i18n/en.json';
import { Store } from '../../bot/store';
import { HUB_SCHEMA, type Hub } from '../../modules/core/model';
import { hubTitle } from '../../modules/core/pages';
import { parsePage, serialize } from '../../modules/core/wikitext/codec';
import { runBot, syncAndPublish } from '../support/bot';
import { testWiki } from '../support/wiki';
import { launchBrowser } from './support/browser';
import { layoutProblems, VIEWPORTS } from './support/layout';
import { botFor, removeIndexes } from './support/pages';
import { BASE, browseAs, PASSWORD, runId } from './support/requestPages';
import { itOnOneRoute } from './support/routes';

/** Generous: the machine may be loaded (this waits on real page loads, it measures nothing). */
const LOAD = { timeout: 120_000 };

describe( 'hub pages on the development wiki', () => {
	const wiki = testWiki();
	const id = runId();
	const people = { contact: `Hcontact ${ id }`, colleague: `Hcolleague ${ id }`, stranger: `Hstranger ${ id }` };
	const existing: Hub = {
		name: `Hub Sahel ${ id }`, kind: 'regional', regions: [ 'SSA' ], topics: [], languages: [ 'fr' ],
		contacts: [ people.contact ], noticeboard: `${ BASE }/Hubs/Sahel ${ id }/Noticeboard`,
	};
	const existingTitle = hubTitle( BASE, `Sahel ${ id }` );
	const dir = fs.mkdtempSync( path.join( os.tmpdir(), 'capacity-hubprofile-e2e-' ) );
	const store = path.join( dir, 'store.sqlite' );
	const contexts: BrowserContext[] = [];
	let browser: Browser;

	async function open( user: string | null, title: string, query: Record<string, string> = {} ): Promise<Page> {
		const context = await browseAs( browser, wiki, user );
		contexts.push( context );
		const page = await context.newPage();
		await page.goto( wiki.pageUrl( title, query ) );
		return page;
	}

	/** The hub a page holds now (its latest revision). */
	async function hubOn( title: string ): Promise<{ record: Hub | undefined; user: string }> {
		const response = await ( await botFor( wiki ) ).request( {
			action: 'query', titles: title, prop: 'revisions', rvprop: [ 'content', 'user' ], rvslots: 'main', formatversion: 2,
		} ) as { query: { pages: { revisions?: { user: string; slots: { main: { content: string } } }[] }[] } };
		const revision = response.query.pages[ 0 ]?.revisions?.[ 0 ];
		return { record: parsePage( revision?.slots.main.content ?? '', HUB_SCHEMA ).parsed?.record, user: revision?.user ?? '' };
	}

	async function stored(): Promise<{ hubs: Map<string, Hub>; problems: Map<string, string[]> }> {
		const opened = await Store.open( `sqlite:${ store }` );
		try {
			const problems = new Map<string, string[]>();
			for ( const p of await opened.problems() ) {
				problems.set( p.page, [ ...problems.get( p.page ) ?? [], `${ p.kind } ${ p.message }` ] );
			}
			return { hubs: new Map( ( await opened.hubs() ).map( ( h ) => [ h.key, h.record ] ) ), problems };
		} finally {
			await opened.close();
		}
	}

	async function seriousViolations( page: Page ): Promise<string[]> {
		// No exclusions: where Codex's own markup is at fault, the shared components fix it.
		const results = await new AxeBuilder( { page } ).include( '.ext-capacitybuilding-hub-profile' ).analyze();
		return results.violations.filter( ( v ) => v.impact === 'serious' || v.impact === 'critical' )
			.map( ( v ) => `${ v.id }: ${ v.nodes.map( ( n ) => n.target.join( ' ' ) ).join( ', ' ) }` );
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
		await removeIndexes( bot, BASE );
		// The bot counts as a programme admin (setup lists it among the bots): it may set a hub up for others.
		await bot.save( existingTitle, serialize( HUB_SCHEMA, existing ), 'End-to-end test hub' );
		await syncAndPublish( BASE, store );
	} );

	afterAll( async () => {
		for ( const context of contexts ) {
			await context.close();
		}
		await browser?.close();
		await removeIndexes( await botFor( wiki ), BASE );
		fs.rmSync( dir, { recursive: true, force: true } );
	} );

	it( 'lets a contact of an existing hub create a new hub through the form, which the bot accepts', async () => {
		const key = `Andes ${ id }`;
		const title = hubTitle( BASE, key );
		const page = await open( people.contact, title );
		const form = page.locator( '.ext-capacitybuilding-hub-profile-form' );
		await form.waitFor( LOAD );
		expect( await page.locator( '.ext-capacitybuilding-hub-profile__create-intro' ).innerText() )
			.toBe( en[ 'capacitybuilding-hubprofile-create-intro' ].replace( '$1', key ) );
		const field = ( fieldKey: string ): ReturnType<Page[ 'locator' ]> => form.locator( `[data-field="${ fieldKey }"]` );
		// Named after its page, with its creator as its first contact.
		expect( await field( 'name' ).locator( 'input' ).inputValue() ).toBe( key );
		expect( await field( 'contacts' ).locator( 'textarea' ).inputValue() ).toBe( people.contact );

		// Saving without oneself among the contacts is refused before anything is sent, and says why.
		await field( 'contacts' ).locator( 'textarea' ).fill( people.colleague );
		await field( 'kind' ).locator( 'label', { hasText: en[ 'capacitybuilding-hub-kind-regional' ] } ).click();
		await form.locator( '.ext-capacitybuilding-hub-profile-form__save' ).click();
		expect( await field( 'contacts' ).innerText() ).toContain( en[ 'capacitybuilding-permission-hub-create-not-contact' ] );
		expect( ( await hubOn( title ) ).record ).toBeUndefined();

		const name = `Hub Andes | {{x}} ${ id }`;
		await field( 'name' ).locator( 'input' ).fill( name );
		await field( 'regions' ).locator( 'label', { hasText: en[ 'capacitybuilding-region-lac' ] } ).click();
		await field( 'contacts' ).locator( 'textarea' ).fill( `${ people.contact }\n\n${ people.colleague }\n` );
		await field( 'noticeboard' ).locator( 'input' ).fill( `${ title }/Noticeboard` );
		await Promise.all( [ page.waitForNavigation(), form.locator( '.ext-capacitybuilding-hub-profile-form__save' ).click() ] );
		await page.locator( '.ext-capacitybuilding-hub-profile__saved' ).waitFor( LOAD );

		const expected: Hub = {
			name, kind: 'regional', regions: [ 'LAC' ], topics: [], languages: [],
			contacts: [ people.contact, people.colleague ], noticeboard: `${ title }/Noticeboard`,
		};
		expect( await hubOn( title ) ).toEqual( { record: expected, user: people.contact } );
		// The page shows the new hub (judged by the view as the bot will), with names, and the contacts as links.
		const view = page.locator( '.ext-capacitybuilding-hub-profile-view' );
		expect( await view.locator( 'h2' ).innerText() ).toBe( name );
		expect( await view.locator( '[data-fact="regions"] dd' ).innerText() ).toBe( en[ 'capacitybuilding-region-lac' ] );
		expect( await view.locator( '[data-fact="contacts"] a' ).allInnerTexts() ).toEqual( [ people.contact, people.colleague ] );
		expect( await page.locator( '.ext-capacitybuilding-pending' ).count() ).toBe( 0 );

		await syncAndPublish( BASE, store );
		const after = await stored();
		expect( after.hubs.get( key ) ).toEqual( expected );
		expect( after.problems.get( title ) ).toBeUndefined();
	} );

	itOnOneRoute( 'rejects a non-contact\'s hand edit: the bot lists it, and the page shows the accepted profile, not theirs', async () => {
		const stranger = await Mwn.init( {
			apiUrl: wiki.credentials().api, username: people.stranger, password: PASSWORD,
			userAgent: 'CapacityBuilding-tests (hub profile e2e)', silent: true,
		} );
		const theirs = { ...existing, name: `Taken over ${ id }`, contacts: [ people.stranger ] };
		await stranger.save( existingTitle, serialize( HUB_SCHEMA, theirs ), 'My hub now' );
		await syncAndPublish( BASE, store );
		const after = await stored();
		expect( after.hubs.get( `Sahel ${ id }` ) ).toEqual( existing );
		expect( after.problems.get( existingTitle ) ).toEqual( [ 'rejected capacitybuilding-permission-hub-edit' ] );

		for ( const user of [ null, people.stranger, people.contact ] ) {
			const page = await open( user, existingTitle );
			const view = page.locator( '.ext-capacitybuilding-hub-profile-view' );
			await view.waitFor( LOAD );
			expect( await view.locator( 'h2' ).innerText() ).toBe( existing.name );
			expect( await view.locator( '[data-fact="contacts"] a' ).allInnerTexts() ).toEqual( [ people.contact ] );
			expect( await page.locator( '#mw-content-text' ).innerText() ).not.toContain( theirs.name );
			const pending = page.locator( '.ext-capacitybuilding-pending__item' );
			expect( await pending.getAttribute( 'data-kind' ) ).toBe( 'rejected' );
			expect( await pending.innerText() ).toContain( people.stranger );
			if ( user === people.contact ) {
				// The contact edits the accepted hub, never the stranger's version.
				await page.locator( '.ext-capacitybuilding-hub-profile__edit' ).click();
				expect( await page.locator( '[data-field="name"] input' ).inputValue() ).toBe( existing.name );
			} else {
				expect( await page.locator( '.ext-capacitybuilding-hub-profile__not-contact' ).innerText() )
					.toBe( en[ 'capacitybuilding-hubprofile-not-contact' ] );
				expect( await page.locator( '.ext-capacitybuilding-hub-profile__edit, .ext-capacitybuilding-hub-profile-form' ).count() ).toBe( 0 );
			}
		}
	} );

	it( 'shows no form to a stranger or a logged-out reader on a missing hub page, and says who may create it', async () => {
		const key = `Nowhere ${ id }`;
		for ( const user of [ null, people.stranger ] ) {
			const page = await open( user, hubTitle( BASE, key ) );
			const notice = page.locator( '.ext-capacitybuilding-hub-profile__not-contact' );
			await notice.waitFor( LOAD );
			expect( await notice.innerText() ).toBe( en[ 'capacitybuilding-hubprofile-not-contact-missing' ].replace( '$1', key ) );
			expect( await page.locator( '.ext-capacitybuilding-hub-profile-form' ).count() ).toBe( 0 );
		}
	} );

	it.each( [ 'ar', 'he' ] )( 'lays the hub page and its form out right to left in %s on a phone, with no serious or critical accessibility violation', async ( lang ) => {
		const page = await open( people.contact, existingTitle, { uselang: lang } );
		await page.setViewportSize( VIEWPORTS.phone );
		await page.locator( '.ext-capacitybuilding-hub-profile-view' ).waitFor( LOAD );
		await page.locator( '.ext-capacitybuilding-hub-profile__edit' ).waitFor( LOAD );
		expect( await layoutProblems( page, '.ext-capacitybuilding-hub-profile', { lang, dir: 'rtl' } ) ).toEqual( [] );
		expect( await seriousViolations( page ) ).toEqual( [] );

		// The form, with its errors shown: an emptied name.
		await page.locator( '.ext-capacitybuilding-hub-profile__edit' ).click();
		await page.locator( '[data-field="name"] input' ).fill( '' );
		await page.locator( '.ext-capacitybuilding-hub-profile-form__save' ).click();
		await page.locator( '.ext-capacitybuilding-hub-profile-form__problems' ).waitFor();
		expect( await layoutProblems( page, '.ext-capacitybuilding-hub-profile', { lang, dir: 'rtl' } ) ).toEqual( [] );
		expect( await seriousViolations( page ) ).toEqual( [] );
	} );
} );
