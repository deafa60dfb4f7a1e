/**
 * Hostile editors against the views, on the development wiki in Debian's Chromium, with the bot's
 * setup, sync and publish run by the test (docs/data-model.md, "Judging"): a stranger's hand edit
 * of a request or of a coach profile — and a later allowed edit that carries it — is never shown as
 * the record on the request page, in its status history or on a directory card; the views say that
 * newer edits await checking, and why. The API requests of a request page view and of a directory's
 * first paint are counted and printed, with bounds that say what is not read.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Mwn } from 'mwn';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CONFIG_PAGE, defaultConfigJson } from '../../modules/core/config';
import { COACH_SCHEMA, HUB_SCHEMA, REQUEST_SCHEMA, type CapacityRequest } from '../../modules/core/model';
import { coachTitle, hubTitle, requestTitle, sitePages } from '../../modules/core/pages';
import { parsePage, serialize } from '../../modules/core/wikitext/codec';
import { runBot, syncAndPublish as runBotRound } from '../support/bot';
import { testWiki, uniqueTitle } from '../support/wiki';
import { launchBrowser } from './support/browser';
import { profile } from './support/coaches';
import { botFor, removeIndexes } from './support/pages';
import { browseAs, PASSWORD, request, runId, uniqueRequestNumber } from './support/requestPages';

/** One API request a page made, by its parameters. */
type ApiCall = Record<string, string>;

/** Records the API requests a browser page makes (GET parameters or POST form fields). */
function recordApiCalls( page: Page ): ApiCall[] {
	const calls: ApiCall[] = [];
	page.on( 'request', ( sent ) => {
		const url = new URL( sent.url() );
		if ( !url.pathname.endsWith( '/api.php' ) ) {
			return;
		}
		const params = new URLSearchParams( sent.method() === 'POST' ? sent.postData() ?? '' : url.search );
		calls.push( Object.fromEntries( params ) );
	} );
	return calls;
}

/** A short description of an API request, for the printed list. */
function describeCall( call: ApiCall ): string {
	const what = [ call.action, call.list, call.meta, call.prop, call.generator && `generator=${ call.generator }` ].filter( Boolean ).join( ' ' );
	const target = call.titles ?? ( call.revids ? `revids ${ call.revids }` : call.ususers ?? '' );
	const from = call.rvstartid ? ` from revision ${ call.rvstartid }` : '';
	return `${ what } ${ target }${ from }`.trim();
}

describe( 'views that judge, against hostile editors, on the development wiki', () => {
	const wiki = testWiki();
	const id = runId();
	const people = {
		requester: `Jrq ${ id }`,
		coach: `Jcoach ${ id }`,
		hubContact: `Jhub ${ id }`,
		stranger: `Jstranger ${ id }`,
		ana: `Jana ${ id }`,
		omar: `Jomar ${ id }`,
	};
	const dir = fs.mkdtempSync( path.join( os.tmpdir(), 'capacity-judged-' ) );
	const sessions = new Map<string, Mwn>();
	let browser: Browser;
	let bot: Mwn;
	const contexts: BrowserContext[] = [];

	async function as( user: string ): Promise<Mwn> {
		let session = sessions.get( user );
		if ( !session ) {
			session = await Mwn.init( {
				apiUrl: wiki.credentials().api, username: user, password: PASSWORD,
				userAgent: 'CapacityBuilding-tests (judged views)', silent: true, suppressAPIWarnings: true,
			} );
			sessions.set( user, session );
		}
		return session;
	}

	/** Saves a page as a person, by hand, with an edit summary; returns the new revision's id. */
	async function edit( user: string, title: string, text: string, summary: string ): Promise<number> {
		const response = await ( await as( user ) ).save( title, text, summary ) as { newrevid?: number };
		return response.newrevid ?? 0;
	}

	/** Runs the bot's sync then publish for a base page, with a store of its own. */
	function syncAndPublish( base: string, store: string ): Promise<void> {
		return runBotRound( base, path.join( dir, store ) );
	}

	async function open( user: string | null, title: string, ready: string, query: Record<string, string> = {} ): Promise<{ page: Page; calls: ApiCall[] }> {
		const context = await browseAs( browser, wiki, user );
		contexts.push( context );
		const page = await context.newPage();
		const calls = recordApiCalls( page );
		await page.goto( wiki.pageUrl( title, query ) );
		await page.locator( ready ).first().waitFor();
		return { page, calls };
	}

	beforeAll( async () => {
		[ browser, bot ] = await Promise.all( [ launchBrowser(), botFor( wiki ) ] );
		const setup = await runBot( [ 'setup', '--json' ] );
		if ( setup.code !== 0 && setup.code !== 5 ) {
			throw new Error( `capacity-bot setup failed:\n${ setup.lines.join( '\n' ) }` );
		}
		for ( const name of Object.values( people ) ) {
			wiki.ensureUser( name, PASSWORD );
		}
	} );

	afterAll( async () => {
		for ( const context of contexts ) {
			await context.close();
		}
		await browser?.close();
		fs.rmSync( dir, { recursive: true, force: true } );
	} );

	describe( 'a request page', () => {
		const base = uniqueTitle( 'E2E judged' );
		const hub = `Hub ${ id }`;
		const number = uniqueRequestNumber();
		const title = requestTitle( base, number );
		const accepted: CapacityRequest = request( { requester: people.requester, hub, status: 'triaged', offers: [ people.coach ] } );
		let publishedRevid = 0;
		let strangerRevid = 0;

		function record( text: string ): CapacityRequest {
			return parsePage( text, REQUEST_SCHEMA ).parsed?.record as CapacityRequest;
		}

		beforeAll( async () => {
			await bot.save( hubTitle( base, hub ), serialize( HUB_SCHEMA, {
				name: hub, kind: 'regional', regions: [ 'LAC' ], topics: [], languages: [ 'es' ], contacts: [ people.hubContact ], noticeboard: '',
			} ), 'End-to-end test hub' );
			await edit( people.coach, coachTitle( base, people.coach ), serialize( COACH_SCHEMA, profile( people.coach, { languages: [ 'es' ] } ) ), 'My profile' );
			// Created by its requester, triaged by the hub's contact, offered on by a coach: all allowed.
			await edit( people.requester, title, serialize( REQUEST_SCHEMA, { ...accepted, hub: '', status: 'open', offers: [] } ), 'New request' );
			await edit( people.hubContact, title, serialize( REQUEST_SCHEMA, { ...accepted, offers: [] } ), 'Routed to our hub' );
			publishedRevid = await edit( people.coach, title, serialize( REQUEST_SCHEMA, accepted ), 'I can help' );
			await syncAndPublish( base, 'request.sqlite' );
			// Then, by hand: a stranger declines the request and rewrites its description…
			strangerRevid = await edit( people.stranger, title, serialize( REQUEST_SCHEMA, {
				...accepted, status: 'declined', description: 'Declined: send your money to the stranger instead.',
			} ), 'Declined by a stranger' );
			// … and the hub contact's later edit (a new date), which they may make, keeps what the stranger
			// did (the hub contact may decline too, but did not): laundering.
			await edit( people.hubContact, title, serialize( REQUEST_SCHEMA, {
				...accepted, status: 'declined', description: 'Declined: send your money to the stranger instead.', neededBy: '2027-04-01',
			} ), 'New date' );
		} );

		it( 'shows the accepted request and its accepted history, and says which newer edits await checking and why', async () => {
			const { page, calls } = await open( null, title, '.ext-capacitybuilding-request-history__item' );
			expect( ( await page.locator( '.ext-capacitybuilding-request-page__status' ).innerText() ).trim() ).toBe( 'Triaged' );
			expect( await page.locator( '.ext-capacitybuilding-request-page__description' ).innerText() ).toBe( accepted.description );
			expect( await page.locator( '[data-fact="neededBy"] dd' ).innerText() ).toContain( '2027' );
			expect( await page.locator( '[data-fact="neededBy"] dd' ).innerText() ).not.toContain( 'April' );
			// The status history is the accepted one: no "declined" in it.
			expect( await page.locator( '.ext-capacitybuilding-request-history__change' ).allInnerTexts() ).toEqual( [
				'Status changed from Open to Triaged', 'Created as Open',
			] );
			await page.locator( '.ext-capacitybuilding-pending' ).waitFor();
			const items = page.locator( '.ext-capacitybuilding-pending__item' );
			expect( await items.count() ).toBe( 2 );
			expect( await items.nth( 0 ).innerText() ).toContain( 'Only a hub contact or an admin can decline a request.' );
			expect( await items.nth( 0 ).innerText() ).toContain( people.stranger );
			expect( await items.nth( 0 ).locator( '.ext-capacitybuilding-pending__diff' ).getAttribute( 'href' ) ).toContain( `oldid=${ strangerRevid }` );
			expect( await items.nth( 1 ).innerText() ).toContain( people.hubContact );
			expect( await items.nth( 1 ).innerText() ).toContain( `keeps a change made in revision ${ strangerRevid } by ${ people.stranger }` );
			expect( await page.locator( '.ext-capacitybuilding-pending__intro' ).innerText() ).toContain( '2 newer edits of this page await checking' );
			expect( await page.locator( '.ext-capacitybuilding-pending__review' ).getAttribute( 'href' ) ).toContain( 'Review' );

			await page.waitForLoadState( 'networkidle' );
			console.log( `A request page view (logged out) made ${ calls.length } API requests:\n${ calls.map( describeCall ).join( '\n' ) }` );
			// The page's revisions: one request, from the published revision on (never the whole history).
			const histories = calls.filter( ( call ) => call.prop?.includes( 'revisions' ) && call.titles === title );
			expect( histories ).toEqual( [ expect.objectContaining( { rvstartid: String( publishedRevid ), rvdir: 'newer' } ) ] );
			// No page listing: hubs and coaches come from their published indexes.
			expect( calls.filter( ( call ) => call.generator === 'allpages' || call.list === 'allpages' ) ).toEqual( [] );
			expect( calls.length ).toBeLessThanOrEqual( 15 );
		} );

		it( 'takes an action on the accepted request, judged before saving, which the bot then accepts too', async () => {
			const { page } = await open( people.requester, title, '.ext-capacitybuilding-request-page__header' );
			await page.locator( '.ext-capacitybuilding-pending__actions' ).waitFor();
			await page.locator( '.ext-capacitybuilding-request-actions [data-action="accept"]' ).first().click();
			const notice = page.locator( '.ext-capacitybuilding-request-page__notice' );
			await notice.waitFor();
			expect( await notice.getAttribute( 'data-notice' ) ).toBe( 'saved' );
			expect( ( await page.locator( '.ext-capacitybuilding-request-page__status' ).innerText() ).trim() ).toBe( 'Matched' );
			expect( await page.locator( '.ext-capacitybuilding-pending' ).count() ).toBe( 0 );
			// On the page: the accepted request with the action; the stranger's changes are gone.
			const text = ( await bot.read( title ) ).revisions?.[ 0 ]?.content ?? '';
			expect( record( text ) ).toEqual( { ...accepted, status: 'matched', coach: [ people.coach ] } );

			// The bot judges the same: its index, the page and the history agree.
			await syncAndPublish( base, 'request.sqlite' );
			const again = await open( null, title, '.ext-capacitybuilding-request-page__header' );
			expect( ( await again.page.locator( '.ext-capacitybuilding-request-page__status' ).innerText() ).trim() ).toBe( 'Matched' );
			expect( await again.page.locator( '.ext-capacitybuilding-pending' ).count() ).toBe( 0 );
			expect( await again.page.locator( '.ext-capacitybuilding-request-history__change' ).allInnerTexts() ).toEqual( [
				'Status changed from Triaged to Matched', 'Status changed from Open to Triaged', 'Created as Open',
			] );
			const histories = again.calls.filter( ( call ) => call.prop?.includes( 'revisions' ) && call.titles === title );
			expect( histories ).toHaveLength( 1 );
		} );
	} );

	describe( 'a coach profile page', () => {
		const base = uniqueTitle( 'E2E judged profiles' );
		const title = coachTitle( base, people.ana );

		beforeAll( async () => {
			await edit( people.ana, title, serialize( COACH_SCHEMA, profile( people.ana, { bio: 'Ana\'s own words.' } ) ), 'My profile' );
			await syncAndPublish( base, 'profile.sqlite' );
			await edit( people.stranger, title, serialize( COACH_SCHEMA, profile( people.ana, { bio: 'Hire the stranger instead.' } ) ), 'Fixed' );
		} );

		it( 'never shows a stranger\'s edit of a profile as the coach\'s, and says a newer edit awaits checking', async () => {
			const { page } = await open( null, title, '.ext-capacitybuilding-coach-profile' );
			await page.waitForLoadState( 'networkidle' );
			expect( await page.locator( '.ext-capacitybuilding-record__description' ).innerText() ).toBe( 'Ana\'s own words.' );
			expect( await page.locator( '.ext-capacitybuilding-pending__item' ).count() ).toBe( 1 );
			expect( await page.locator( '.ext-capacitybuilding-pending__item' ).innerText() ).toContain( `Only ${ people.ana } or an admin can change this coach profile.` );
		} );

		it( 'gives the coach a form that starts from their accepted profile', async () => {
			const { page } = await open( people.ana, title, '.ext-capacitybuilding-coach-profile__edit' );
			await page.locator( '.ext-capacitybuilding-coach-profile__edit' ).click();
			expect( await page.locator( '[data-field="bio"] textarea' ).inputValue() ).toBe( 'Ana\'s own words.' );
		} );
	} );

	describe( 'the coach directory', () => {
		// The directory lists the coaches of the configured base page.
		const base = 'Capacity building';
		const token = `Jdir${ Date.now().toString( 36 ) }`;
		const ana = `${ token } Ana`;
		const omar = `${ token } Omar`;
		const stranger = people.stranger;
		let directoryTitle = '';

		beforeAll( async () => {
			for ( const user of [ ana, omar ] ) {
				wiki.ensureUser( user, PASSWORD );
			}
			const config = JSON.parse( ( await bot.read( CONFIG_PAGE ) ).revisions?.[ 0 ]?.content || defaultConfigJson() ) as { basePage?: string };
			if ( ( config.basePage ?? base ) !== base ) {
				throw new Error( `The configured base page is ${ config.basePage }, not ${ base }` );
			}
			await edit( ana, coachTitle( base, ana ), serialize( COACH_SCHEMA, profile( ana, { bio: 'Ana\'s own words.' } ) ), 'My profile' );
			await edit( omar, coachTitle( base, omar ), serialize( COACH_SCHEMA, profile( omar, { bio: 'Omar\'s own words.' } ) ), 'My profile' );
			await syncAndPublish( base, 'directory.sqlite' );
			// After the publish: a stranger rewrites Ana's bio, Ana's next edit keeps it, Omar updates his own.
			await edit( stranger, coachTitle( base, ana ), serialize( COACH_SCHEMA, profile( ana, { bio: 'Hire the stranger instead.' } ) ), 'Fixed' );
			await edit( ana, coachTitle( base, ana ), serialize( COACH_SCHEMA, profile( ana, { bio: 'Hire the stranger instead.', languages: [ 'en', 'fr' ] } ) ), 'Languages' );
			await edit( omar, coachTitle( base, omar ), serialize( COACH_SCHEMA, profile( omar, { bio: 'Omar, updated.' } ) ), 'Update' );
			directoryTitle = uniqueTitle( 'E2E judged directory' );
			await bot.save( directoryTitle, '{{Capacity coach directory}}', 'End-to-end test page' );
		} );

		afterAll( async () => {
			// Other tests expect no index at the configured base page unless they publish one.
			await removeIndexes( bot, base );
		} );

		it( 'never shows a stranger\'s edit of a profile on a card, nor an allowed edit carrying it; shows allowed edits at once', async () => {
			const { page, calls } = await open( null, directoryTitle, '.ext-capacitybuilding-directory__card', { cbsearch: token } );
			const firstPaint = calls.length;
			await page.locator( '.ext-capacitybuilding-directory__status[role="status"]' ).waitFor();
			const bio = ( user: string ): Promise<string> => page.locator( `.ext-capacitybuilding-directory__card[data-user="${ user }"] .ext-capacitybuilding-coach-card__bio` ).innerText();
			expect( await bio( ana ) ).toBe( 'Ana\'s own words.' );
			expect( await bio( omar ) ).toBe( 'Omar, updated.' );
			expect( await page.locator( '.ext-capacitybuilding-directory__fallback' ).count() ).toBe( 0 );
			await page.locator( '.ext-capacitybuilding-directory__awaiting' ).waitFor();
			expect( Number( await page.locator( '.ext-capacitybuilding-directory__awaiting' ).getAttribute( 'data-awaiting' ) ) ).toBeGreaterThanOrEqual( 1 );

			await page.waitForLoadState( 'networkidle' );
			console.log( `The directory made ${ firstPaint } API requests before its first cards, ${ calls.length } in all:\n${ calls.map( describeCall ).join( '\n' ) }` );
			// No profile page is read as a page or a history: recent changes once, new revisions by id.
			expect( calls.filter( ( call ) => call.generator === 'allpages' || call.list === 'allpages' ) ).toEqual( [] );
			expect( calls.filter( ( call ) => call.rvdir === 'newer' ) ).toEqual( [] );
			expect( calls.filter( ( call ) => call.list === 'recentchanges' ) ).toHaveLength( 1 );
			const coachesJson = sitePages( base ).coachesJson;
			expect( calls.filter( ( call ) => call.titles === coachesJson ) ).toHaveLength( 1 );
			expect( firstPaint ).toBeLessThanOrEqual( 8 );
		} );
	} );
} );
