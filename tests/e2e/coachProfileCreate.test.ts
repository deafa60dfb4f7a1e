/**
 * Creating a coach profile, in Debian's Chromium on the development wiki: a fresh account follows
 * the directory's "Create your coach profile" link to its own missing profile page, fills in the
 * empty form and saves; the page then holds exactly that record and the coach is in the directory.
 * A logged-out visitor's typing survives logging in, a page created meanwhile is never
 * overwritten, and someone else's missing page says whose it is. Away dates are written out in the reader's language.
 */
import crypto from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Locator, Page } from 'playwright-core';
import type { Mwn } from 'mwn';
import en from '../../i18n/en.json';
import { COACH_SCHEMA, type CoachProfile } from '../../modules/core/model';
import { coachTitle } from '../../modules/core/pages';
import { parsePage } from '../../modules/core/wikitext/codec';
import { seedSamples } from '../../scripts/lib/samples';
import { launchBrowser } from './support/browser';
import { botFor } from './support/pages';
import { BASE, logIn, profile, saveProfile } from './support/coaches';
import { testWiki, uniqueTitle } from '../support/wiki';
import { layoutProblems, VIEWPORTS } from './support/layout';

/** Generous: the machine may be loaded (this waits on real page loads, it measures nothing). */
const LOAD = { timeout: 120_000 };

describe( 'creating a coach profile on the development wiki', () => {
	const wiki = testWiki();
	const token = `New${ Date.now().toString( 36 ) }`;
	const newcomer = `${ token } Newcomer`;
	const latecomer = `${ token } Latecomer`;
	const racer = `${ token } Racer`;
	const stranger = `${ token } Stranger`;
	const away = `${ token } Away`;
	const password = `pw-${ crypto.randomBytes( 12 ).toString( 'hex' ) }`;
	let browser: Browser;
	let bot: Mwn;
	let page: Page;
	let directoryTitle: string;

	async function pageText( title: string ): Promise<{ text: string; user: string; missing: boolean }> {
		const response = await bot.request( {
			action: 'query', titles: title, prop: 'revisions', rvprop: [ 'content', 'user' ], rvslots: 'main', formatversion: 2,
		} ) as { query: { pages: { missing?: boolean; revisions?: { user: string; slots: { main: { content: string } } }[] }[] } };
		const found = response.query.pages[ 0 ];
		const revision = found?.revisions?.[ 0 ];
		return { text: revision?.slots.main.content ?? '', user: revision?.user ?? '', missing: !!found?.missing };
	}

	beforeAll( async () => {
		await seedSamples( wiki );
		for ( const user of [ newcomer, latecomer, racer, stranger ] ) {
			wiki.ensureUser( user, password );
		}
		[ browser, bot ] = await Promise.all( [ launchBrowser(), botFor( wiki ) ] );
		await saveProfile( bot, profile( away, { availability: 'away', awayUntil: '2099-03-05' } ) );
		directoryTitle = uniqueTitle( 'E2E coach directory create' );
		await bot.save( directoryTitle, '{{Capacity coach directory}}', 'End-to-end test page' );
	} );

	afterAll( async () => {
		await browser?.close();
	} );

	beforeEach( async () => {
		// Tall enough to show the whole form unscrolled: once scrolled, Vector's sticky header (for
		// logged-in users) covers the top of the page, where a lookup's menu item may land.
		page = await ( await browser.newContext( { viewport: { width: 1280, height: 2400 } } ) ).newPage();
	} );

	afterEach( async () => {
		await page.context().close();
	} );

	function profileField( key: string ): Locator {
		return page.locator( `.ext-capacitybuilding-coach-profile-form [data-field="${ key }"]` );
	}

	/** Chooses from one of the form's multiselect lookups by typing, as a person does. */
	async function pick( key: string, typed: string, option: string | RegExp ): Promise<void> {
		const input = profileField( key ).locator( 'input' ).first();
		await input.click();
		await input.fill( typed );
		await profileField( key ).getByRole( 'option' ).filter( { hasText: option } ).first().click();
		// A multiselect keeps its menu open for more choices; closed, it uncovers the fields below.
		await input.press( 'Escape' );
	}

	async function openDirectory( query: Record<string, string> = {} ): Promise<void> {
		await page.goto( wiki.pageUrl( directoryTitle, query ) );
		await page.locator( '.ext-capacitybuilding-directory__status[role="status"]' ).waitFor( LOAD );
	}

	it( 'lets a new coach create their profile from the directory, which then lists them', async () => {
		const title = coachTitle( BASE, newcomer );
		await logIn( page, wiki, newcomer, password );
		await openDirectory( { cbsearch: token } );
		const own = page.locator( '.ext-capacitybuilding-directory__own a' );
		expect( await own.getAttribute( 'data-own' ) ).toBe( 'create' );
		expect( await own.innerText() ).toBe( en[ 'capacitybuilding-directory-create-profile' ] );
		await Promise.all( [ page.waitForNavigation(), own.click() ] );

		// The coach's own page, which does not exist yet: MediaWiki's notice and the empty form.
		expect( await page.evaluate( () => [ mw.config.get( 'wgArticleId' ), mw.config.get( 'wgPageName' ) ] ) )
			.toEqual( [ 0, title.replace( / /g, '_' ) ] );
		await page.locator( '.ext-capacitybuilding-coach-profile-form' ).waitFor( LOAD );
		expect( await page.locator( '.ext-capacitybuilding-coach-profile__create-intro' ).innerText() )
			.toBe( en[ 'capacitybuilding-coachprofile-create-intro' ].replace( '{{GENDER:$1|$1}}', newcomer ) );

		const bio = 'Talleres de subvenciones | con }} y [[Category:Nope]] como texto.';
		await pick( 'topics', 'grant', 'Grant writing and reporting' );
		await pick( 'languages', 'es', /es$/ );
		await profileField( 'regions' ).locator( 'label', { hasText: 'Latin America' } ).click();
		await profileField( 'formats' ).locator( 'label', { hasText: 'Workshop' } ).click();
		await profileField( 'maxRequests' ).locator( 'input' ).fill( '3' );
		await profileField( 'bio' ).locator( 'textarea' ).fill( bio );
		await Promise.all( [
			page.waitForNavigation(),
			page.locator( '.ext-capacitybuilding-coach-profile-form__save' ).click(),
		] );
		await page.locator( '.ext-capacitybuilding-coach-profile__saved' ).waitFor( LOAD );

		const saved = await pageText( title );
		expect( saved.missing ).toBe( false );
		expect( saved.user ).toBe( newcomer );
		const expected: CoachProfile = {
			...profile( newcomer, { topics: [ 'grant-writing' ], languages: [ 'es' ], regions: [ 'LAC' ], formats: [ 'workshop' ] } ),
			maxRequests: '3', bio,
		};
		expect( parsePage( saved.text, COACH_SCHEMA ).parsed?.record ).toEqual( expected );
		expect( await page.locator( '.ext-capacitybuilding-record__description' ).innerText() ).toBe( bio );
		expect( await page.locator( '#catlinks' ).innerText() ).not.toContain( 'Nope' );

		// The directory lists the new coach (its index predates the profile, so it reads the pages).
		await openDirectory( { cbsearch: token } );
		const card = page.locator( `.ext-capacitybuilding-directory__card[data-user="${ newcomer }"]` );
		await card.waitFor( LOAD );
		expect( await card.locator( '.ext-capacitybuilding-coach-card__bio' ).innerText() ).toBe( bio );
		expect( await page.locator( '.ext-capacitybuilding-directory__own a' ).getAttribute( 'data-own' ) ).toBe( 'open' );
	} );

	it( 'keeps what a logged-out visitor typed through logging in, and creates the profile then', async () => {
		const title = coachTitle( BASE, latecomer );
		await page.goto( wiki.pageUrl( title ) );
		await page.locator( '.ext-capacitybuilding-coach-profile-form' ).waitFor( LOAD );
		const bio = 'Typed before logging in.';
		await profileField( 'bio' ).locator( 'textarea' ).fill( bio );
		await profileField( 'maxRequests' ).locator( 'input' ).fill( '2' );
		// Saving while logged out sends nothing and says why.
		await pick( 'topics', 'grant', 'Grant writing and reporting' );
		await pick( 'languages', 'es', /es$/ );
		await profileField( 'formats' ).locator( 'label', { hasText: 'Coaching' } ).click();
		await page.locator( '.ext-capacitybuilding-coach-profile-form__save' ).click();
		expect( await page.locator( '.ext-capacitybuilding-save-error' ).getAttribute( 'data-code' ) ).toBe( 'mustbeloggedin' );
		expect( ( await pageText( title ) ).missing ).toBe( true );

		await Promise.all( [
			page.waitForURL( /Special(:|%3A)UserLogin/ ),
			page.locator( '.ext-capacitybuilding-coach-profile-form__login a' ).click(),
		] );
		await page.fill( '#wpName1', latecomer );
		await page.fill( '#wpPassword1', password );
		await Promise.all( [ page.waitForNavigation(), page.click( '#wpLoginAttempt' ) ] );
		await page.locator( '.ext-capacitybuilding-coach-profile-form' ).waitFor( LOAD );
		expect( await page.evaluate( () => mw.config.get( 'wgUserName' ) ) ).toBe( latecomer );
		expect( await profileField( 'bio' ).locator( 'textarea' ).inputValue() ).toBe( bio );
		await Promise.all( [
			page.waitForNavigation(),
			page.locator( '.ext-capacitybuilding-coach-profile-form__save' ).click(),
		] );
		await page.locator( '.ext-capacitybuilding-coach-profile__saved' ).waitFor( LOAD );
		expect( parsePage( ( await pageText( title ) ).text, COACH_SCHEMA ).parsed?.record ).toEqual(
			{ ...profile( latecomer, { topics: [ 'grant-writing' ], languages: [ 'es' ] } ), bio } );
	} );

	it( 'never overwrites a profile page created meanwhile: it is loaded, explained, and the typing kept', async () => {
		const title = coachTitle( BASE, racer );
		await logIn( page, wiki, racer, password );
		await page.goto( wiki.pageUrl( title ) );
		await page.locator( '.ext-capacitybuilding-coach-profile-form' ).waitFor( LOAD );
		const bio = 'What I typed while the page was being created.';
		await pick( 'topics', 'grant', 'Grant writing and reporting' );
		await pick( 'languages', 'es', /es$/ );
		await profileField( 'formats' ).locator( 'label', { hasText: 'Coaching' } ).click();
		await profileField( 'maxRequests' ).locator( 'input' ).fill( '2' );
		await profileField( 'bio' ).locator( 'textarea' ).fill( bio );
		// Meanwhile, in another window, the page is created.
		await saveProfile( bot, profile( racer, { bio: 'Created in another window.' } ), 'Intro written meanwhile.\n' );

		await page.locator( '.ext-capacitybuilding-coach-profile-form__save' ).click();
		const explained = page.locator( '.ext-capacitybuilding-coach-profile-form__exists' );
		await explained.waitFor( LOAD );
		expect( await explained.innerText() ).toBe( en[ 'capacitybuilding-coachprofile-created-meanwhile' ] );
		expect( await profileField( 'bio' ).locator( 'textarea' ).inputValue() ).toBe( bio );
		expect( parsePage( ( await pageText( title ) ).text, COACH_SCHEMA ).parsed?.record?.bio ).toBe( 'Created in another window.' );

		// Saving again edits the page that now exists: only its template block changes.
		await Promise.all( [
			page.waitForNavigation(),
			page.locator( '.ext-capacitybuilding-coach-profile-form__save' ).click(),
		] );
		await page.locator( '.ext-capacitybuilding-coach-profile__saved' ).waitFor( LOAD );
		const saved = await pageText( title );
		expect( saved.text.startsWith( 'Intro written meanwhile.\n' ) ).toBe( true );
		expect( parsePage( saved.text, COACH_SCHEMA ).parsed?.record ).toEqual(
			{ ...profile( racer, { topics: [ 'grant-writing' ], languages: [ 'es' ] } ), bio } );
	} );

	it( 'lays the create view out right to left without overflow, and has no serious accessibility problem', async () => {
		await page.setViewportSize( { width: 400, height: 2400 } );
		await page.goto( wiki.pageUrl( coachTitle( BASE, `${ token } Rtl` ), { uselang: 'ar' } ) );
		const view = page.locator( '.ext-capacitybuilding-coach-profile' );
		await page.locator( '.ext-capacitybuilding-coach-profile-form' ).waitFor( LOAD );
		expect( await page.evaluate( () => document.documentElement.dir ) ).toBe( 'rtl' );
		expect( await view.evaluate( ( el ) => el.scrollWidth - el.clientWidth ) ).toBeLessThanOrEqual( 0 );
		// No exclusions: where Codex's own markup is at fault, the pickers fix it (LookupMultiselect.vue).
		const results = await new AxeBuilder( { page } ).include( '.ext-capacitybuilding-coach-profile' ).analyze();
		const serious = results.violations.filter( ( v ) => v.impact === 'serious' || v.impact === 'critical' );
		expect( serious.map( ( v ) => `${ v.id }: ${ v.nodes.map( ( n ) => n.target.join( ' ' ) ).join( ', ' ) }` ) ).toEqual( [] );
	} );

	it.each( [
		[ 'ar', 'desktop' ], [ 'ar', 'phone' ], [ 'he', 'desktop' ], [ 'he', 'phone' ],
	] as const )( 'lays the create view out in %s on a %s screen: mirrored right, nothing cut off, errors and chips included', async ( lang, screen ) => {
		await page.setViewportSize( VIEWPORTS[ screen ] );
		await page.goto( wiki.pageUrl( coachTitle( BASE, `${ token } Rtl ${ lang }` ), { uselang: lang } ) );
		await page.locator( '.ext-capacitybuilding-coach-profile-form' ).waitFor( LOAD );
		// The errors of an empty form, then a chip with a long topic name (typed as its key).
		await page.locator( '.ext-capacitybuilding-coach-profile-form__save' ).click();
		await page.locator( '.ext-capacitybuilding-coach-profile-form__problems' ).waitFor();
		const input = profileField( 'topics' ).locator( 'input' ).first();
		await input.click();
		await input.fill( 'glam' );
		await profileField( 'topics' ).getByRole( 'option' ).first().click();
		await page.locator( 'h1' ).click();
		expect( await layoutProblems( page, '.ext-capacitybuilding-coach-profile', { lang, dir: 'rtl' } ) ).toEqual( [] );
		const results = await new AxeBuilder( { page } ).include( '.ext-capacitybuilding-coach-profile' ).analyze();
		const serious = results.violations.filter( ( v ) => v.impact === 'serious' || v.impact === 'critical' );
		expect( serious.map( ( v ) => `${ v.id }: ${ v.nodes.map( ( n ) => n.target.join( ' ' ) ).join( ', ' ) }` ) ).toEqual( [] );
	} );

	it( 'tells someone else whose missing profile page it is, and offers their own', async () => {
		const title = coachTitle( BASE, `${ token } Nobody` );
		await logIn( page, wiki, stranger, password );
		await page.goto( wiki.pageUrl( title ) );
		const notice = page.locator( '.ext-capacitybuilding-coach-profile__not-owner' );
		await notice.waitFor( LOAD );
		expect( await notice.innerText() ).toContain( `${ token } Nobody has no coach profile yet` );
		expect( await page.locator( '.ext-capacitybuilding-coach-profile-form' ).count() ).toBe( 0 );
		expect( await page.locator( '.ext-capacitybuilding-coach-profile__own' ).getAttribute( 'href' ) )
			.toBe( await page.evaluate( ( own ) => mw.util.getUrl( own ), coachTitle( BASE, stranger ) ) );
	} );

	it( 'writes an away coach\'s return date in the reader\'s language', async () => {
		await openDirectory( { cbsearch: away, uselang: 'de' } );
		const availability = page.locator( `.ext-capacitybuilding-directory__card[data-user="${ away }"] .ext-capacitybuilding-coach-card__availability` );
		await availability.waitFor( LOAD );
		expect( await availability.innerText() ).toContain( '5. März 2099' );
		await openDirectory( { cbsearch: away, uselang: 'en' } );
		expect( await availability.innerText() ).toBe( en[ 'capacitybuilding-directory-away-until' ].replace( '$1', 'March 5, 2099' ) );
	} );
} );
