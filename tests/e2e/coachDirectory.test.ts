/**
 * The coach directory in Debian's Chromium on the development wiki, with coach profile pages
 * seeded by the test: the fallback that reads profile pages when the bot has not published
 * Coaches.json, the index when it has (with the profiles edited since judged), filters kept in a
 * shareable URL, cards, "no match" suggestions, right-to-left layout and accessibility. Hostile
 * edits are in judgedViews.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import type { Mwn } from 'mwn';
import en from '../../i18n/en.json';
import { coachTitle } from '../../modules/core/pages';
import { seedSamples } from '../../scripts/lib/samples';
import { launchBrowser } from './support/browser';
import { botFor } from './support/pages';
import { BASE, deleteCoachesIndex, profile, saveProfile, writeCoachesIndex } from './support/coaches';
import { testWiki, uniqueTitle } from '../support/wiki';
import { layoutProblems, VIEWPORTS } from './support/layout';

const ARTIFACTS = path.join( __dirname, '..', '..', 'artifacts' );
const CARD = '.ext-capacitybuilding-directory__card';

describe( 'coach directory on the development wiki', () => {
	const wiki = testWiki();
	// Every coach of this run carries the token in its name, so searching for it isolates this run's coaches.
	const token = `Dir${ Date.now().toString( 36 ) }`;
	const users = { ana: `${ token } Ana`, amina: `${ token } Amina`, zed: `${ token } Zed` };
	/** A coach with the longest topic names, a long name and a long bio, for narrow screens. */
	const wordy = `${ token } Wilhelmina-Alexandrovna Papadopoulou-Oyelaran`;
	let browser: Browser;
	let bot: Mwn;
	let page: Page;
	let directoryTitle: string;

	beforeAll( async () => {
		await seedSamples( wiki );
		[ browser, bot ] = await Promise.all( [ launchBrowser(), botFor( wiki ) ] );
		await saveProfile( bot, profile( users.ana, { topics: [ 'grant-writing' ], languages: [ 'es', 'en' ], regions: [ 'LAC' ], bio: 'Talleres sobre subvenciones.' } ) );
		await saveProfile( bot, profile( users.amina, { topics: [ 'conflict-resolution' ], languages: [ 'ar', 'fr' ], regions: [ 'MENA' ], formats: [ 'facilitation' ] } ) );
		await saveProfile( bot, profile( users.zed, { availability: 'away', awayUntil: '2099-01-01' } ) );
		directoryTitle = uniqueTitle( 'E2E coach directory' );
		await bot.save( directoryTitle, '<div dir="auto">{{Capacity coach directory}}</div>', 'End-to-end test page' );
	} );

	afterAll( async () => {
		await browser?.close();
	} );

	beforeEach( async () => {
		// A context of its own per test (axe needs pages made this way).
		page = await ( await browser.newContext() ).newPage();
	} );

	afterEach( async () => {
		await page.context().close();
	} );

	async function openDirectory( query: Record<string, string> = {} ): Promise<void> {
		await page.goto( wiki.pageUrl( directoryTitle, query ) );
		await page.locator( '.ext-capacitybuilding-directory__status[role="status"]' ).waitFor();
	}

	function cardNames(): Promise<string[]> {
		return page.locator( '.ext-capacitybuilding-directory__card' ).evaluateAll( ( cards ) => cards.map( ( card ) => card.getAttribute( 'data-user' ) ?? '' ) );
	}

	/** A language's name as this wiki gives it (translated names need the CLDR extension, which it may lack). */
	async function languageName( code: string ): Promise<string> {
		const response = await bot.request( { action: 'query', meta: 'languageinfo', licode: code, liprop: 'name', uselang: 'en', formatversion: 2 } ) as
			{ query: { languageinfo: Record<string, { name: string }> } };
		return response.query.languageinfo[ code ]?.name ?? code;
	}

	async function chooseFilter( filter: string, label: string ): Promise<void> {
		await page.locator( `[data-filter="${ filter }"] .cdx-select-vue__handle` ).click();
		await page.locator( `[data-filter="${ filter }"] .cdx-menu-item`, { hasText: label } ).first().click();
	}

	it( 'reads the profile pages when Coaches.json is missing, and says so', async () => {
		await deleteCoachesIndex( bot );
		await openDirectory( { cbsearch: token } );
		expect( await page.locator( '.ext-capacitybuilding-directory__fallback' ).innerText() ).toContain( 'has not published the list of coaches' );
		// Away coaches last.
		expect( await cardNames() ).toEqual( [ users.amina, users.ana, users.zed ] );
		const zed = page.locator( `.ext-capacitybuilding-directory__card[data-user="${ users.zed }"]` );
		expect( await zed.locator( '.ext-capacitybuilding-coach-card__availability' ).innerText() ).toBe( 'Away until January 1, 2099' );
	} );

	it( 'filters, keeps the filters in a URL that survives reload, and opens a card', async () => {
		await openDirectory( { cbsearch: token } );
		const [ spanish, english ] = [ await languageName( 'es' ), await languageName( 'en' ) ];
		await chooseFilter( 'language', spanish );
		await page.waitForFunction( () => new URLSearchParams( location.search ).get( 'cblanguage' ) === 'es' );
		expect( await cardNames() ).toEqual( [ users.ana ] );
		const card = page.locator( `.ext-capacitybuilding-directory__card[data-user="${ users.ana }"]` );
		expect( await card.locator( '.ext-capacitybuilding-coach-card__topic' ).allInnerTexts() ).toEqual( [ 'Grant writing and reporting' ] );
		expect( await card.locator( '.ext-capacitybuilding-coach-card__languages' ).innerText() ).toBe( `${ spanish } and ${ english }` );
		expect( await card.locator( '.ext-capacitybuilding-coach-card__talk' ).getAttribute( 'href' ) ).toContain( 'User_talk:' );

		// The shared URL gives the same view to someone else.
		const shared = page.url();
		const other = await browser.newPage();
		await other.goto( shared );
		await other.locator( '.ext-capacitybuilding-directory__card' ).first().waitFor();
		expect( await other.locator( '.ext-capacitybuilding-directory__card' ).evaluateAll( ( cards ) => cards.map( ( c ) => c.getAttribute( 'data-user' ) ) ) ).toEqual( [ users.ana ] );
		expect( await other.locator( '[data-filter="language"] .cdx-select-vue__handle' ).innerText() ).toContain( spanish );
		await other.close();

		await Promise.all( [ page.waitForNavigation(), card.locator( '.ext-capacitybuilding-coach-card__name' ).click() ] );
		expect( decodeURIComponent( page.url() ).replace( /_/g, ' ' ) ).toContain( coachTitle( BASE, users.ana ) );
	} );

	it( 'includes sub-topics when a topic area is chosen', async () => {
		await openDirectory( { cbsearch: token, cbtopic: 'community' } );
		expect( await cardNames() ).toEqual( [ users.amina ] );
	} );

	it( 'explains an empty result and offers to relax a filter', async () => {
		await openDirectory( { cbsearch: token, cblanguage: 'es', cbregion: 'MENA' } );
		expect( await cardNames() ).toEqual( [] );
		expect( await page.locator( '.ext-capacitybuilding-directory__no-match' ).innerText() ).toContain( en[ 'capacitybuilding-directory-no-match' ] );
		await page.locator( '[data-relax="region"]' ).click();
		await page.waitForFunction( () => !new URLSearchParams( location.search ).has( 'cbregion' ) );
		expect( await cardNames() ).toEqual( [ users.ana ] );
	} );

	it( 'uses Coaches.json when it is current, and judges the profiles edited after it', async () => {
		const latest = await saveProfile( bot, profile( users.ana, { topics: [ 'grant-writing' ], languages: [ 'es', 'en' ], regions: [ 'LAC' ], bio: 'Talleres sobre subvenciones.' } ) );
		// A coach only the index knows proves the index was used.
		const indexOnly = `${ token } Indexonly`;
		const entry = {
			user: indexOnly, page: coachTitle( BASE, indexOnly ), revid: 1, updated: latest.timestamp,
			activeRequests: 0, problems: 0, state: 'valid' as const, profile: profile( indexOnly ),
		};
		await writeCoachesIndex( bot, '2999-01-01T00:00:00Z', [ entry ] );
		await openDirectory( { cbsearch: token } );
		expect( await page.locator( '.ext-capacitybuilding-directory__fallback' ).count() ).toBe( 0 );
		expect( await cardNames() ).toEqual( [ indexOnly ] );

		// An index older than the profiles: those edited since are judged (saved by an admin here: accepted) and shown with it.
		await writeCoachesIndex( bot, '2001-01-01T00:00:00Z', [ entry ] );
		await openDirectory( { cbsearch: token } );
		expect( await page.locator( '.ext-capacitybuilding-directory__fallback' ).count() ).toBe( 0 );
		expect( ( await cardNames() ).sort() ).toEqual( [ users.amina, users.ana, indexOnly, users.zed ].sort() );
		await deleteCoachesIndex( bot );
	} );

	it.each( [
		[ 'ar', 'desktop' ], [ 'ar', 'phone' ], [ 'he', 'desktop' ], [ 'he', 'phone' ],
	] as const )( 'in %s on a %s screen: mirrored right, nothing cut off or sticking out, no serious accessibility problem', async ( lang, screen ) => {
		await saveProfile( bot, profile( wordy, {
			topics: [ 'glam', 'safety-and-conduct', 'grant-writing' ], languages: [ 'ar', 'he', 'en' ], regions: [ 'MENA', 'CEECA' ],
			formats: [ 'workshop', 'facilitation', 'documentation' ],
			bio: 'Supercalifragilisticexpialidocious-workshops-for-Wikimedians-everywhere and a long story about partnerships. '.repeat( 6 ),
		} ) );
		await page.setViewportSize( VIEWPORTS[ screen ] );
		await openDirectory( { uselang: lang, cbsearch: token } );
		await page.locator( `${ CARD }[data-user="${ wordy }"]` ).waitFor();
		expect( await layoutProblems( page, '.ext-capacitybuilding-directory', { lang, dir: 'rtl' } ) ).toEqual( [] );
		fs.mkdirSync( ARTIFACTS, { recursive: true } );
		await page.screenshot( { path: path.join( ARTIFACTS, `coach-directory-${ lang }-${ screen }.png` ), fullPage: true } );
		const results = await new AxeBuilder( { page } ).include( '.ext-capacitybuilding-directory' ).analyze();
		const serious = results.violations.filter( ( v ) => v.impact === 'serious' || v.impact === 'critical' );
		expect( serious.map( ( v ) => `${ v.id }: ${ v.nodes.map( ( n ) => n.target.join( ' ' ) ).join( ', ' ) }` ) ).toEqual( [] );
	} );

	it( 'lays out right to left without horizontal overflow, and has no serious accessibility problem', async () => {
		await bot.save( `${ directoryTitle } RTL`, '<div dir="rtl" lang="ar">{{Capacity coach directory}}</div>', 'End-to-end test page' );
		await page.setViewportSize( { width: 400, height: 900 } );
		await page.goto( wiki.pageUrl( `${ directoryTitle } RTL`, { uselang: 'ar', cbsearch: token } ) );
		await page.locator( '.ext-capacitybuilding-directory__card' ).first().waitFor();
		const overflow = await page.locator( '.ext-capacitybuilding-directory' ).evaluate( ( el ) => el.scrollWidth - el.clientWidth );
		expect( overflow ).toBeLessThanOrEqual( 0 );
		expect( await page.locator( '.ext-capacitybuilding-directory' ).evaluate( ( el ) => getComputedStyle( el ).direction ) ).toBe( 'rtl' );
		fs.mkdirSync( ARTIFACTS, { recursive: true } );
		await page.screenshot( { path: path.join( ARTIFACTS, 'coach-directory-rtl.png' ), fullPage: true } );
		const results = await new AxeBuilder( { page } ).include( '.ext-capacitybuilding-directory' ).analyze();
		const serious = results.violations.filter( ( v ) => v.impact === 'serious' || v.impact === 'critical' );
		expect( serious.map( ( v ) => `${ v.id }: ${ v.nodes.map( ( n ) => n.target.join( ' ' ) ).join( ', ' ) }` ) ).toEqual( [] );
	} );
} );
