/**
 * The coach profile page in Debian's Chromium on the development wiki: its owner edits it through
 * the form (only the template block changes, bad input is refused and kept), anyone else is told
 * it is not theirs, the owner sees the open requests that match them, and the form works right to
 * left without serious accessibility problems.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import type { Mwn } from 'mwn';
import en from '../../i18n/en.json';
import { COACH_SCHEMA, REQUEST_SCHEMA, emptyRecord } from '../../modules/core/model';
import { coachTitle, requestTitle } from '../../modules/core/pages';
import { parsePage, serialize } from '../../modules/core/wikitext/codec';
import { seedSamples } from '../../scripts/lib/samples';
import { activate, launchBrowser, pageErrors, waitForOrExplain } from './support/browser';
import { botFor, removeIndexes } from './support/pages';
import { BASE, logIn, profile, saveProfile } from './support/coaches';
import { syncAndPublish } from '../support/bot';
import { testWiki } from '../support/wiki';
import { layoutProblems, VIEWPORTS } from './support/layout';

const ARTIFACTS = path.join( __dirname, '..', '..', 'artifacts' );

describe( 'coach profile page on the development wiki', () => {
	const wiki = testWiki();
	const token = `Prof${ Date.now().toString( 36 ) }`;
	const owner = `${ token } Coach`;
	const stranger = `${ token } Stranger`;
	const password = `pw-${ crypto.randomBytes( 12 ).toString( 'hex' ) }`;
	const before = 'Text the coach wrote above the profile.\n\n';
	const after = '\n\n== Notes ==\nBelow the profile, untouched.';
	const title = coachTitle( BASE, owner );
	const requestNumber = 800000 + Math.floor( Math.random() * 100000 );
	let browser: Browser;
	let bot: Mwn;
	let page: Page;
	/** What the current page's scripts reported (for failure messages). */
	let errors: string[];

	async function pageText(): Promise<{ text: string; revid: number; user: string }> {
		const response = await bot.request( {
			action: 'query', titles: title, prop: 'revisions', rvprop: [ 'content', 'ids', 'user' ], rvslots: 'main', formatversion: 2,
		} ) as { query: { pages: { revisions: { revid: number; user: string; slots: { main: { content: string } } }[] }[] } };
		const revision = response.query.pages[ 0 ]?.revisions[ 0 ];
		return { text: revision?.slots.main.content ?? '', revid: revision?.revid ?? 0, user: revision?.user ?? '' };
	}

	beforeAll( async () => {
		await seedSamples( wiki );
		wiki.ensureUser( owner, password );
		wiki.ensureUser( stranger, password );
		[ browser, bot ] = await Promise.all( [ launchBrowser(), botFor( wiki ) ] );
		await saveProfile( bot, profile( owner, { topics: [ 'grant-writing' ], languages: [ 'es', 'en' ], regions: [ 'LAC' ], bio: 'Old bio.' } ), before, after );
		const request = {
			...emptyRecord( REQUEST_SCHEMA ), title: `${ token } grant help`, requester: stranger, requesterType: 'individual', region: 'LAC',
			topics: [ 'grant-writing' ], formats: [ 'coaching' ], languages: [ 'es' ], description: 'We need help writing our first grant report.',
			status: 'open', created: '2026-12-01T10:00:00Z',
		};
		await bot.save( requestTitle( BASE, requestNumber ), serialize( REQUEST_SCHEMA, request ), 'End-to-end test: request' );
	} );

	afterAll( async () => {
		await browser?.close();
		// Other tests expect no index at the base page unless they publish one.
		await removeIndexes( bot, BASE );
	} );

	beforeEach( async () => {
		page = await ( await browser.newContext() ).newPage();
		errors = pageErrors( page );
	} );

	afterEach( async () => {
		await page.context().close();
	} );

	/** A language's name as this wiki gives it (translated names need the CLDR extension, which it may lack). */
	async function languageName( code: string ): Promise<string> {
		const response = await bot.request( { action: 'query', meta: 'languageinfo', licode: code, liprop: 'name', uselang: 'en', formatversion: 2 } ) as
			{ query: { languageinfo: Record<string, { name: string }> } };
		return response.query.languageinfo[ code ]?.name ?? code;
	}

	async function openProfile( query: Record<string, string> = {} ): Promise<void> {
		await page.goto( wiki.pageUrl( title, query ) );
		await page.locator( '.ext-capacitybuilding-coach-profile' ).waitFor();
	}

	it( 'tells someone else that only the coach edits the profile', async () => {
		await logIn( page, wiki, stranger, password );
		await openProfile();
		const notice = page.locator( '.ext-capacitybuilding-coach-profile__not-owner' );
		expect( await notice.innerText() ).toContain( `This is the coach profile of ${ owner }` );
		expect( await page.locator( '.ext-capacitybuilding-coach-profile__edit' ).count() ).toBe( 0 );
		// The template's own rendering stays for readers.
		expect( await page.locator( '.ext-capacitybuilding-record__description' ).innerText() ).toBe( 'Old bio.' );
	} );

	it( 'shows the coach the open requests that match them, with reasons', async () => {
		// Only accepted requests are matched: the bot publishes them.
		const store = fs.mkdtempSync( path.join( os.tmpdir(), 'capacity-profile-' ) );
		await syncAndPublish( BASE, path.join( store, 'store.sqlite' ) );
		fs.rmSync( store, { recursive: true, force: true } );
		await logIn( page, wiki, owner, password );
		await openProfile();
		const item = page.locator( `.ext-capacitybuilding-matching-requests [data-request="${ requestNumber }"]` );
		await item.waitFor();
		expect( await item.locator( 'a' ).innerText() ).toBe( `${ token } grant help` );
		expect( await item.locator( 'li' ).allInnerTexts() ).toContain( 'Coaches the request\'s topic: Grant writing and reporting.' );
	} );

	it( 'refuses bad input with a translated error and keeps what was typed', async () => {
		await logIn( page, wiki, owner, password );
		await openProfile();
		const { revid } = await pageText();
		await page.locator( '.ext-capacitybuilding-coach-profile__edit' ).click();
		// Email is not offered: this account accepts no email.
		expect( await page.locator( '[data-field="contact"] input[type="radio"]' ).count() ).toBe( 1 );
		const max = page.locator( '[data-field="maxRequests"] input' );
		await max.fill( '50' );
		await page.locator( '.ext-capacitybuilding-coach-profile-form__save' ).click();
		expect( await page.locator( '[data-field="maxRequests"] .cdx-message--error' ).innerText() ).toBe( en[ 'capacitybuilding-validation-out-of-range' ].replace( '$1', '1' ).replace( '$2', '20' ) );
		expect( await max.inputValue() ).toBe( '50' );
		expect( ( await pageText() ).revid ).toBe( revid );
	} );

	it( 'lets its owner edit it, changing only the template block', async () => {
		await logIn( page, wiki, owner, password );
		await openProfile();
		await page.locator( '.ext-capacitybuilding-coach-profile__edit' ).click();
		const bio = 'New bio with | pipes, }} braces and [[Category:Nope]] kept as text.';
		await page.locator( '[data-field="bio"] textarea' ).fill( bio );
		await page.locator( '[data-field="maxRequests"] input' ).fill( '4' );
		await page.locator( '[data-field="regions"] label', { hasText: 'North America' } ).click();
		await page.locator( '.ext-capacitybuilding-coach-profile-form__preview' ).click();
		await page.locator( '.ext-capacitybuilding-preview__content .ext-capacitybuilding-record__description' ).waitFor();
		expect( await page.locator( '.ext-capacitybuilding-preview__content .ext-capacitybuilding-record__description' ).innerText() ).toBe( bio );
		await Promise.all( [
			page.waitForNavigation(),
			page.locator( '.ext-capacitybuilding-coach-profile-form__save' ).click(),
		] );
		await page.locator( '.ext-capacitybuilding-coach-profile__saved' ).waitFor();
		const saved = await pageText();
		expect( saved.user ).toBe( owner );
		expect( saved.text.startsWith( before ) ).toBe( true );
		expect( saved.text.endsWith( after ) ).toBe( true );
		const record = parsePage( saved.text, COACH_SCHEMA ).parsed?.record;
		expect( record ).toEqual( { ...profile( owner, { topics: [ 'grant-writing' ], languages: [ 'es', 'en' ], regions: [ 'LAC', 'NA' ] } ), bio, maxRequests: '4' } );
		expect( await page.locator( '.ext-capacitybuilding-record__description' ).innerText() ).toBe( bio );
		expect( await page.locator( '#catlinks' ).innerText() ).not.toContain( 'Nope' );
	} );

	it( 'shows every reader the profile with names, not codes', async () => {
		for ( const user of [ stranger, null ] ) {
			if ( user ) {
				await logIn( page, wiki, user, password );
			}
			await openProfile();
			const view = page.locator( '.ext-capacitybuilding-coach-profile-view' );
			await view.waitFor();
			expect( await view.locator( '[data-fact="topics"] dd' ).innerText() ).toBe( 'Grant writing and reporting' );
			expect( await view.locator( '[data-fact="languages"] dd' ).innerText() ).toBe( `${ await languageName( 'es' ) } and ${ await languageName( 'en' ) }` );
			// (An earlier test may have added a region.)
			expect( await view.locator( '[data-fact="regions"] dd' ).innerText() ).toMatch( /^Latin America and the Caribbean( and North America)?$/ );
			expect( await view.locator( '[data-fact="formats"] dd' ).innerText() ).toBe( 'Coaching' );
			// The template's codes are gone from the page.
			expect( await page.locator( '.ext-capacitybuilding-record__table' ).count() ).toBe( 0 );
			await page.context().clearCookies();
		}
	} );

	it( 'tells its owner why a protected profile cannot be edited, instead of a form that fails', async () => {
		const locked = `${ token } Locked`;
		wiki.ensureUser( locked, password );
		await saveProfile( bot, profile( locked ) );
		wiki.php( 'protect', '--reason', 'End-to-end test: a protected profile', coachTitle( BASE, locked ) );
		await logIn( page, wiki, locked, password );
		await page.goto( wiki.pageUrl( coachTitle( BASE, locked ) ) );
		const notice = page.locator( '.ext-capacitybuilding-coach-profile__locked' );
		await notice.waitFor();
		expect( await notice.innerText() ).toContain( en[ 'capacitybuilding-coachprofile-locked' ] );
		expect( await notice.locator( '.ext-capacitybuilding-coach-profile__locked-reason' ).innerText() ).toMatch( /protected/i );
		expect( await page.locator( '.ext-capacitybuilding-coach-profile__edit' ).count() ).toBe( 0 );
	} );

	it.each( [
		[ 'ar', 'desktop' ], [ 'ar', 'phone' ], [ 'he', 'desktop' ], [ 'he', 'phone' ],
	] as const )( 'in %s on a %s screen, read by anyone and edited by its owner: mirrored right, nothing cut off, no serious accessibility problem', async ( lang, screen ) => {
		await page.setViewportSize( VIEWPORTS[ screen ] );
		await openProfile( { uselang: lang } );
		await page.locator( '.ext-capacitybuilding-coach-profile-view' ).waitFor();
		expect( await layoutProblems( page, '.ext-capacitybuilding-coach-profile', { lang, dir: 'rtl' } ) ).toEqual( [] );
		await logIn( page, wiki, owner, password );
		await openProfile( { uselang: lang } );
		await page.locator( '.ext-capacitybuilding-coach-profile-view' ).waitFor();
		await activate( page.locator( '.ext-capacitybuilding-coach-profile__edit' ) );
		await waitForOrExplain( page.locator( '.ext-capacitybuilding-coach-profile-form' ), errors );
		// Chips with the longest topic names (typed as keys, which match in every language), chosen
		// with the keyboard (see activate: the field is below the fold on a phone).
		for ( const typed of [ 'glam', 'safety-and-conduct' ] ) {
			const input = page.locator( '[data-field="topics"] input' ).first();
			await input.focus();
			await input.fill( typed );
			await page.locator( '[data-field="topics"] [role="option"]' ).first().waitFor();
			await input.press( 'ArrowDown' );
			await input.press( 'Enter' );
		}
		expect( await page.locator( '[data-field="topics"] .cdx-input-chip' ).count() ).toBeGreaterThanOrEqual( 3 );
		await page.locator( 'h1' ).click();
		expect( await layoutProblems( page, '.ext-capacitybuilding-coach-profile', { lang, dir: 'rtl' } ) ).toEqual( [] );
		fs.mkdirSync( ARTIFACTS, { recursive: true } );
		await page.screenshot( { path: path.join( ARTIFACTS, `coach-profile-${ lang }-${ screen }.png` ), fullPage: true } );
		const results = await new AxeBuilder( { page } ).include( '.ext-capacitybuilding-coach-profile' ).analyze();
		const serious = results.violations.filter( ( v ) => v.impact === 'serious' || v.impact === 'critical' );
		expect( serious.map( ( v ) => `${ v.id }: ${ v.nodes.map( ( n ) => n.target.join( ' ' ) ).join( ', ' ) }` ) ).toEqual( [] );
	} );

	it( 'works right to left without horizontal overflow and has no serious accessibility problem', async () => {
		await logIn( page, wiki, owner, password );
		await page.setViewportSize( { width: 400, height: 900 } );
		await openProfile( { uselang: 'ar' } );
		await activate( page.locator( '.ext-capacitybuilding-coach-profile__edit' ) );
		await waitForOrExplain( page.locator( '.ext-capacitybuilding-coach-profile-form' ), errors );
		const overflow = await page.locator( '.ext-capacitybuilding-coach-profile' ).evaluate( ( el ) => el.scrollWidth - el.clientWidth );
		expect( overflow ).toBeLessThanOrEqual( 0 );
		fs.mkdirSync( ARTIFACTS, { recursive: true } );
		await page.screenshot( { path: path.join( ARTIFACTS, 'coach-profile-rtl.png' ), fullPage: true } );
		// No exclusions: where Codex's own markup is at fault, the pickers fix it (LookupMultiselect.vue).
		const results = await new AxeBuilder( { page } ).include( '.ext-capacitybuilding-coach-profile' ).analyze();
		const serious = results.violations.filter( ( v ) => v.impact === 'serious' || v.impact === 'critical' );
		expect( serious.map( ( v ) => `${ v.id }: ${ v.nodes.map( ( n ) => n.target.join( ' ' ) ).join( ', ' ) }` ) ).toEqual( [] );
	} );
} );
