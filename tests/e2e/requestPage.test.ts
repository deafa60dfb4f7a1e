/**
 * Request pages in Debian's Chromium on the development wiki: what each person sees and may do,
 * that each action is an edit of the template block only, edit conflicts, right-to-left layout,
 * keyboard use and accessibility.
 */
/* eslint jest/no-standalone-expect: [ "error", { "additionalTestBlockFunctions": [ "itOnOneRoute" ] } ] */
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Mwn } from 'mwn';
import { REQUEST_SCHEMA, type CapacityRequest } from '../../modules/core/model';
import { CONFIG_PAGE, defaultConfigJson } from '../../modules/core/config';
import { requestTitle } from '../../modules/core/pages';
import { parsePage, serialize } from '../../modules/core/wikitext/codec';
import en from '../../i18n/en.json';
import { repoRoot } from '../../scripts/lib/paths';
import { runBot, syncAndPublish } from '../support/bot';
import { moduleName, testWiki } from '../support/wiki';
import { layoutProblems, VIEWPORTS } from './support/layout';
import { itOnOneRoute } from './support/routes';
import { launchBrowser } from './support/browser';
import { formReady } from './support/forms';
import { botFor } from './support/pages';
import {
	BASE, DISCUSSION, PASSWORD, browseAs, offeredActions, openRequest, pageText, request, runId, saveCoach, saveHub, saveRequest, uniqueRequestNumber,
} from './support/requestPages';

describe( 'request pages on the development wiki', () => {
	const wiki = testWiki();
	const id = runId();
	// One person per role; names are unique to this run.
	const people = {
		requester: `Rq ${ id }`,
		coach: `Coach ${ id }`,
		otherCoach: `Coach two ${ id }`,
		hubContact: `Hubcontact ${ id }`,
		admin: `Progadmin ${ id }`,
		other: `Reader ${ id }`,
	};
	const hub = `Hub ${ id }`;
	const otherHub = `Hub other ${ id }`;
	let browser: Browser;
	let bot: Mwn;
	const contexts = new Map<string | null, BrowserContext>();

	async function as( user: string | null ): Promise<BrowserContext> {
		let context = contexts.get( user );
		if ( !context ) {
			context = await browseAs( browser, wiki, user );
			contexts.set( user, context );
		}
		return context;
	}

	function record( text: string ): CapacityRequest {
		const parsed = parsePage( text, REQUEST_SCHEMA ).parsed;
		if ( !parsed ) {
			throw new Error( `No request template in:\n${ text }` );
		}
		return parsed.record;
	}

	/** Page text with the template block cut out: what an action must leave alone. */
	function outsideBlock( text: string ): string {
		const parsed = parsePage( text, REQUEST_SCHEMA ).parsed;
		return parsed ? text.slice( 0, parsed.start ) + text.slice( parsed.end ) : text;
	}

	beforeAll( async () => {
		[ browser, bot ] = await Promise.all( [ launchBrowser(), botFor( wiki ) ] );
		const setup = await runBot( [ 'setup', '--json' ] );
		if ( setup.code !== 0 ) {
			throw new Error( `capacity-bot setup failed:\n${ setup.lines.join( '\n' ) }` );
		}
		for ( const name of Object.values( people ) ) {
			wiki.ensureUser( name, PASSWORD );
		}
		// Admins come from the configuration page: add ours and keep everything else (the bots that
		// other tests rely on, earlier runs' admins).
		const current = await pageText( bot, CONFIG_PAGE );
		const config = JSON.parse( current || defaultConfigJson() ) as { admins?: string[] };
		config.admins = [ ...new Set( [ ...( config.admins ?? [] ), people.admin ] ) ];
		await bot.save( CONFIG_PAGE, JSON.stringify( config, null, '\t' ) + '\n', 'End-to-end test configuration' );
		await saveHub( bot, hub, [ people.hubContact ] );
		await saveHub( bot, otherHub, [ `Nobody ${ id }` ] );
		await saveCoach( bot, people.coach );
		await saveCoach( bot, people.otherCoach );
		// Views judge with the roles the bot published (the hubs' contacts, who has a profile): publish ours.
		const store = fs.mkdtempSync( path.join( os.tmpdir(), 'capacity-request-page-' ) );
		await syncAndPublish( BASE, path.join( store, 'store.sqlite' ) );
		fs.rmSync( store, { recursive: true, force: true } );
	} );

	afterAll( async () => {
		for ( const context of contexts.values() ) {
			await context.close();
		}
		await browser?.close();
	} );

	const pages: Page[] = [];
	afterEach( async () => {
		for ( const page of pages.splice( 0 ) ) {
			await page.close();
		}
	} );

	async function open( user: string | null, title: string, query: Record<string, string> = {} ): Promise<Page> {
		const page = await openRequest( await as( user ), wiki, title, query );
		pages.push( page );
		return page;
	}

	async function notice( page: Page ): Promise<{ kind: string | null; text: string }> {
		const box = page.locator( '.ext-capacitybuilding-request-page__notice' );
		await box.waitFor();
		return { kind: await box.getAttribute( 'data-notice' ), text: ( await box.innerText() ).trim() };
	}

	it( 'shows the status, the key facts and the status history with links to the revisions', async () => {
		const title = await saveRequest( bot, request( { requester: people.requester, topics: [ 'governance', 'community' ] } ) );
		const text = await pageText( bot, title );
		await bot.save( title, text.replace( '| status = open', '| status = on-hold' ), 'Put on hold by hand' );
		const page = await open( null, title );
		expect( ( await page.locator( '.ext-capacitybuilding-request-page__status' ).innerText() ).trim() ).toBe( 'On hold' );
		expect( await page.locator( '.ext-capacitybuilding-request-page__title' ).innerText() ).toBe( 'Help with our first edit-a-thon' );
		expect( await page.locator( '[data-fact="requester"] dd' ).innerText() ).toBe( people.requester );
		expect( await page.locator( '[data-fact="region"] dd' ).innerText() ).toBe( 'Latin America and the Caribbean' );
		// Topics by their labels in the taxonomy (Topics.json as the bot's setup installed it), not their keys.
		expect( await page.locator( '[data-fact="topics"] dd' ).innerText() ).toBe( 'Governance and board skills, Community building' );
		const items = page.locator( '.ext-capacitybuilding-request-history__item' );
		expect( await items.count() ).toBe( 2 );
		expect( await items.nth( 0 ).locator( '.ext-capacitybuilding-request-history__change' ).innerText() ).toBe( 'Status changed from Open to On hold' );
		expect( await items.nth( 1 ).locator( '.ext-capacitybuilding-request-history__change' ).innerText() ).toBe( 'Created as Open' );
		const revisions = await bot.request( { action: 'query', prop: 'revisions', titles: title, rvprop: 'ids', rvlimit: 2, formatversion: 2 } );
		const latest = revisions.query?.pages[ 0 ].revisions[ 0 ].revid as number;
		expect( await items.nth( 0 ).locator( '.ext-capacitybuilding-request-history__revision' ).getAttribute( 'href' ) ).toContain( `oldid=${ latest }` );
		// Logged out: no actions, an invitation to log in.
		expect( await offeredActions( page ) ).toEqual( [] );
		expect( await page.locator( '.ext-capacitybuilding-request-actions__none' ).innerText() ).toContain( 'Log in' );
	} );

	itOnOneRoute( 'offers each person exactly the actions the permissions table gives them', async () => {
		const title = await saveRequest( bot, request( { requester: people.requester, hub, status: 'triaged', offers: [ people.coach ] } ) );
		const expected: Record<string, string[]> = {
			[ people.requester ]: [ 'accept', 'hold', 'withdraw' ],
			[ people.coach ]: [ 'retract-offer' ],
			[ people.otherCoach ]: [ 'offer' ],
			[ people.hubContact ]: [ 'accept', 'decline', 'hold', 'triage' ],
			[ people.admin ]: [ 'accept', 'decline', 'hold', 'triage', 'withdraw' ],
			[ people.other ]: [],
		};
		for ( const [ user, actions ] of Object.entries( expected ) ) {
			const page = await open( user, title );
			expect( [ user, await offeredActions( page ) ] ).toEqual( [ user, actions ] );
			// "Edit request" for those who may change the request's content.
			const mayEdit = [ people.requester, people.hubContact, people.admin ].includes( user );
			expect( [ user, await page.locator( '.ext-capacitybuilding-request-page__edit-button' ).count() ] ).toEqual( [ user, mayEdit ? 1 : 0 ] );
		}
	// Six logins and page views: a generous budget for a busy machine (speed is not measured here).
	}, 600_000 );

	/** Confirms in the dialog that declining, withdrawing and putting on hold open, with a reason or none. */
	async function confirm( page: Page, reason = '' ): Promise<void> {
		const dialog = page.locator( '.ext-capacitybuilding-request-actions__confirm' );
		await dialog.locator( '.cdx-dialog__footer__primary-action' ).waitFor();
		if ( reason ) {
			await dialog.locator( 'textarea' ).fill( reason );
		}
		await dialog.locator( '.cdx-dialog__footer__primary-action' ).click();
	}

	/** Opens the request as `user`, takes the action by its button and returns the saved page text. */
	async function act( user: string, title: string, action: string, reason = '' ): Promise<{ page: Page; text: string }> {
		const page = await open( user, title );
		await page.locator( `.ext-capacitybuilding-request-actions__buttons [data-action="${ action }"]` ).first().click();
		if ( [ 'decline', 'withdraw', 'hold' ].includes( action ) ) {
			await confirm( page, reason );
		}
		const shown = await notice( page );
		expect( [ action, shown.kind ] ).toEqual( [ action, 'saved' ] );
		return { page, text: await pageText( bot, title ) };
	}

	it( 'walks a request through its life, each action an edit of the template block only', async () => {
		const title = await saveRequest( bot, request( { requester: people.requester } ) );
		const before = await pageText( bot, title );

		// A hub contact routes it, with the keyboard only.
		const routing = await open( people.hubContact, title );
		await routing.locator( '.ext-capacitybuilding-request-actions__triage .cdx-select-vue__handle' ).focus();
		await routing.keyboard.press( 'Enter' );
		const option = routing.locator( '.cdx-menu-item', { hasText: hub } ).first();
		await option.waitFor();
		for ( let presses = 0; !( await option.getAttribute( 'class' ) ?? '' ).includes( 'cdx-menu-item--highlighted' ); presses++ ) {
			if ( presses > 20 ) {
				throw new Error( `The hub was never highlighted: ${ await routing.locator( '.ext-capacitybuilding-request-actions__triage' ).innerHTML() }` );
			}
			await routing.keyboard.press( 'ArrowDown' );
		}
		await routing.keyboard.press( 'Enter' );
		await routing.locator( '[data-action="triage"]' ).focus();
		await routing.keyboard.press( 'Enter' );
		expect( ( await notice( routing ) ).kind ).toBe( 'saved' );
		let text = await pageText( bot, title );
		expect( record( text ) ).toMatchObject( { hub, status: 'triaged' } );
		expect( outsideBlock( text ) ).toBe( outsideBlock( before ) );
		expect( text.endsWith( DISCUSSION.trimEnd() ) ).toBe( true );

		// Two coaches offer; one takes the offer back.
		( { text } = await act( people.coach, title, 'offer' ) );
		( { text } = await act( people.otherCoach, title, 'offer' ) );
		expect( record( text ).offers ).toEqual( [ people.coach, people.otherCoach ] );
		( { text } = await act( people.otherCoach, title, 'retract-offer' ) );
		expect( record( text ).offers ).toEqual( [ people.coach ] );

		// The requester accepts; the coach starts; the requester puts it on hold; the coach reopens; the hub contact completes.
		( { text } = await act( people.requester, title, 'accept' ) );
		expect( record( text ) ).toMatchObject( { status: 'matched', coach: [ people.coach ] } );
		( { text } = await act( people.coach, title, 'start' ) );
		expect( record( text ).status ).toBe( 'in-progress' );
		( { text } = await act( people.requester, title, 'hold' ) );
		expect( record( text ).status ).toBe( 'on-hold' );
		( { text } = await act( people.coach, title, 'reopen' ) );
		expect( record( text ).status ).toBe( 'matched' );
		( { text } = await act( people.coach, title, 'start' ) );
		const { page, text: completed } = await act( people.hubContact, title, 'complete' );
		expect( record( completed ).status ).toBe( 'completed' );
		expect( outsideBlock( completed ) ).toBe( outsideBlock( before ) );
		// The page shows the new state and the whole history.
		expect( ( await page.locator( '.ext-capacitybuilding-request-page__status' ).innerText() ).trim() ).toBe( 'Completed' );
		expect( await page.locator( '.ext-capacitybuilding-request-history__item' ).count() ).toBe( 8 );
		// Edit summaries are the translated ones, in the user's name.
		const history = await bot.request( { action: 'query', prop: 'revisions', titles: title, rvprop: 'user|comment', rvlimit: 1, formatversion: 2 } );
		expect( history.query?.pages[ 0 ].revisions[ 0 ] ).toMatchObject( { user: people.hubContact, comment: 'Marking this request as completed' } );
	// Twelve page views and eleven saves: a generous budget for a busy machine (speed is not measured here).
	}, 600_000 );

	it( 'subscribes a coach who offers to new topics on the request page, where the bot posts its updates', async () => {
		const title = await saveRequest( bot, request( { requester: people.requester, hub, status: 'triaged' } ) );
		const { page } = await act( people.otherCoach, title, 'offer' );
		const item = `p-topics-0:${ title.replace( / /g, '_' ) }`;
		const state = await page.evaluate( async ( name ) => {
			const response = await new mw.Api().get( { action: 'discussiontoolsgetsubscriptions', commentname: name, formatversion: 2 } );
			return ( response as { subscriptions: Record<string, number> } ).subscriptions[ name ] ?? 0;
		}, item );
		expect( state ).toBe( 1 );
		expect( await page.locator( '.ext-capacitybuilding-request-page__unsubscribed' ).count() ).toBe( 0 );
	} );

	it( 'lets the requester withdraw and an admin decline', async () => {
		const withdrawn = await saveRequest( bot, request( { requester: people.requester } ) );
		expect( record( ( await act( people.requester, withdrawn, 'withdraw' ) ).text ).status ).toBe( 'withdrawn' );
		const declined = await saveRequest( bot, request( { requester: people.requester, hub } ) );
		expect( record( ( await act( people.admin, declined, 'decline' ) ).text ).status ).toBe( 'declined' );
	} );

	it( 'asks before declining, withdrawing or putting on hold, and puts the reason into the edit summary and the history', async () => {
		const title = await saveRequest( bot, request( { requester: people.requester, hub } ) );
		// Cancelled: nothing saved.
		const page = await open( people.hubContact, title );
		const before = await pageText( bot, title );
		await page.locator( '.ext-capacitybuilding-request-actions__buttons [data-action="decline"]' ).click();
		const dialog = page.locator( '.ext-capacitybuilding-request-actions__confirm' );
		await dialog.locator( '.cdx-dialog__footer__default-action' ).waitFor();
		expect( await dialog.innerText() ).toContain( en[ 'capacitybuilding-requestpage-confirm-decline-title' ] );
		// The open dialog has no serious accessibility problem either.
		const results = await new AxeBuilder( { page } ).include( '.ext-capacitybuilding-request-page' ).analyze();
		expect( results.violations.filter( ( v ) => v.impact === 'serious' || v.impact === 'critical' ).map( ( v ) => v.id ) ).toEqual( [] );
		await dialog.locator( '.cdx-dialog__footer__default-action' ).click();
		await dialog.locator( '.cdx-dialog__footer' ).waitFor( { state: 'detached' } );
		expect( await pageText( bot, title ) ).toBe( before );

		const reason = 'A duplicate of another request | handled there';
		const { page: done, text } = await act( people.hubContact, title, 'decline', reason );
		expect( record( text ).status ).toBe( 'declined' );
		const summary = en[ 'capacitybuilding-requestpage-summary-decline-reason' ].replace( '$1', reason );
		const latest = await bot.request( { action: 'query', prop: 'revisions', titles: title, rvprop: 'user|comment', rvlimit: 1, formatversion: 2 } );
		expect( latest.query?.pages[ 0 ].revisions[ 0 ] ).toMatchObject( { user: people.hubContact, comment: summary } );
		// The status history says why.
		const newest = done.locator( '.ext-capacitybuilding-request-history__item' ).first();
		expect( await newest.locator( '.ext-capacitybuilding-request-history__comment' ).innerText() )
			.toBe( en[ 'capacitybuilding-requestpage-history-comment' ].replace( '$1', summary ) );
	} );

	itOnOneRoute( 'names the request’s languages as MediaWiki does, for every reader', async () => {
		const title = await saveRequest( bot, request( { requester: people.requester, languages: [ 'he', 'sw' ] } ) );
		const names = await bot.request( { action: 'query', meta: 'languageinfo', licode: 'he|sw', liprop: 'name', uselang: 'en', formatversion: 2 } );
		const expected = [ 'he', 'sw' ].map( ( code ) => names.query?.languageinfo[ code ]?.name as string ).join( ', ' );
		for ( const user of [ null, people.other ] ) {
			const page = await open( user, title );
			expect( await page.locator( '[data-fact="languages"] dd' ).innerText() ).toBe( expected );
		}
	} );

	it( 'says why a protected request cannot be changed, instead of offering buttons that fail', async () => {
		const title = await saveRequest( bot, request( { requester: people.requester, hub, status: 'triaged', offers: [ people.coach ] } ) );
		wiki.php( 'protect', '--reason', 'End-to-end test: a protected request', title );
		const page = await open( people.requester, title );
		const locked = page.locator( '.ext-capacitybuilding-request-page__locked' );
		await locked.waitFor();
		expect( await locked.innerText() ).toContain( en[ 'capacitybuilding-requestpage-locked' ] );
		expect( await locked.locator( '.ext-capacitybuilding-request-page__locked-reason' ).innerText() ).toMatch( /protected/i );
		expect( await offeredActions( page ) ).toEqual( [] );
		expect( await page.locator( '.ext-capacitybuilding-request-page__edit-button' ).count() ).toBe( 0 );
	} );

	itOnOneRoute( 'explains that an action no longer applies when someone else changed the status meanwhile', async () => {
		const title = await saveRequest( bot, request( { requester: people.requester, hub, status: 'triaged', offers: [ people.coach ] } ) );
		const page = await open( people.requester, title );
		// Another edit lands between loading the page and clicking.
		const text = await pageText( bot, title );
		await bot.save( title, text.replace( '| status = triaged', '| status = declined' ), 'Declined meanwhile' );
		await page.locator( '[data-action="accept"]' ).click();
		const shown = await notice( page );
		expect( shown.kind ).toBe( 'stale' );
		expect( shown.text ).toContain( 'Declined' );
		expect( record( await pageText( bot, title ) ) ).toMatchObject( { status: 'declined', coach: [] } );
		// The page now shows the current state, with no action left for the requester.
		expect( ( await page.locator( '.ext-capacitybuilding-request-page__status' ).innerText() ).trim() ).toBe( 'Declined' );
		expect( await offeredActions( page ) ).toEqual( [] );
	} );

	itOnOneRoute( 're-applies an action on top of a conflicting edit when it still applies', async () => {
		const title = await saveRequest( bot, request( { requester: people.requester, hub, status: 'triaged' } ) );
		const page = await open( people.otherCoach, title );
		// Another coach offers meanwhile (in their own name: an edit the judge accepts): the same line of the block changes.
		const text = await pageText( bot, title );
		const coach = await Mwn.init( {
			apiUrl: wiki.credentials().api, username: people.coach, password: PASSWORD, userAgent: 'CapacityBuilding-tests (request pages)', silent: true,
		} );
		await coach.save( title, text.replace( '| offers =', `| offers = ${ people.coach }` ), 'Offered meanwhile' );
		await page.locator( '[data-action="offer"]' ).click();
		expect( ( await notice( page ) ).kind ).toBe( 'reapplied' );
		const saved = await pageText( bot, title );
		expect( record( saved ).offers ).toEqual( [ people.coach, people.otherCoach ] );
		expect( outsideBlock( saved ) ).toBe( outsideBlock( text ) );
	} );

	it( 'mirrors the layout in right-to-left languages without horizontal overflow', async () => {
		const title = await saveRequest( bot, request( {
			requester: people.requester, hub, status: 'triaged', offers: [ people.coach ],
			title: 'طلب مساعدة في تنظيم أول ماراثون تحرير', description: 'نحن مجموعة جديدة ونحتاج إلى المساعدة في تنظيم ورشة عمل.',
		} ) );
		// Topic labels in the reader's language; Topics.json has no Hebrew, so Hebrew falls back to English.
		const topicLabels: Record<string, string> = { ar: 'الحوكمة ومهارات مجلس الإدارة', he: 'Governance and board skills' };
		for ( const lang of [ 'ar', 'he' ] ) {
			const page = await open( people.hubContact, title, { uselang: lang } );
			expect( [ lang, await page.locator( '[data-fact="topics"] dd' ).innerText() ] ).toEqual( [ lang, topicLabels[ lang ] ] );
			await page.setViewportSize( { width: 800, height: 1000 } );
			const root = page.locator( '.ext-capacitybuilding-request-page' );
			expect( await root.evaluate( ( el ) => getComputedStyle( el ).direction ) ).toBe( 'rtl' );
			// The status chip sits at the inline start (the right) of the header in RTL.
			const header = await page.locator( '.ext-capacitybuilding-request-page__header' ).boundingBox();
			const titleBox = await page.locator( '.ext-capacitybuilding-request-page__title' ).boundingBox();
			const chip = await page.locator( '.ext-capacitybuilding-request-page__status' ).boundingBox();
			expect( header && titleBox && chip ).toBeTruthy();
			expect( ( chip?.x ?? 0 ) ).toBeLessThan( titleBox?.x ?? 0 );
			expect( ( titleBox?.x ?? 0 ) + ( titleBox?.width ?? 0 ) ).toBeGreaterThan( ( header?.x ?? 0 ) + ( header?.width ?? 0 ) - 2 );
			expect( await page.evaluate( () => document.documentElement.scrollWidth <= document.documentElement.clientWidth ) ).toBe( true );
			const dir = path.join( repoRoot, 'artifacts' );
			fs.mkdirSync( dir, { recursive: true } );
			await page.screenshot( { path: path.join( dir, `request-page-rtl-${ lang }.png` ), fullPage: true } );
		}
	} );

	it.each( [
		[ 'ar', 'desktop' ], [ 'ar', 'phone' ], [ 'he', 'desktop' ], [ 'he', 'phone' ],
	] as const )( 'in %s on a %s screen: mirrored right, nothing cut off or sticking out, the dialog too', async ( lang, screen ) => {
		const title = await saveRequest( bot, request( {
			requester: people.requester, hub, status: 'triaged', offers: [ people.coach ], topics: [ 'glam', 'safety-and-conduct' ],
			title: 'طلب مساعدة في تنظيم أول ماراثون تحرير مع شركاء من المؤسسات الثقافية', organisation: 'Wikimedians of a very long place name',
			description: 'نحن مجموعة جديدة ونحتاج إلى المساعدة في تنظيم ورشة عمل. Supercalifragilisticexpialidocious-workshops-everywhere.',
		} ) );
		const page = await open( people.hubContact, title, { uselang: lang } );
		await page.setViewportSize( VIEWPORTS[ screen ] );
		expect( await layoutProblems( page, '.ext-capacitybuilding-request-page', { lang, dir: 'rtl' } ) ).toEqual( [] );
		await page.locator( '.ext-capacitybuilding-request-actions__buttons [data-action="hold"]' ).click();
		await page.locator( '.ext-capacitybuilding-request-actions__confirm .cdx-dialog__footer__primary-action' ).waitFor();
		expect( await layoutProblems( page, '.ext-capacitybuilding-request-page', { lang, dir: 'rtl' } ) ).toEqual( [] );
		const dir = path.join( repoRoot, 'artifacts' );
		fs.mkdirSync( dir, { recursive: true } );
		await page.screenshot( { path: path.join( dir, `request-page-${ lang }-${ screen }.png` ), fullPage: true } );
	} );

	it( 'has no serious or critical accessibility violations', async () => {
		const title = await saveRequest( bot, request( { requester: people.requester, hub, status: 'triaged', offers: [ people.coach ] } ) );
		for ( const user of [ people.hubContact, null ] ) {
			const page = await open( user, title );
			const results = await new AxeBuilder( { page } ).include( '.ext-capacitybuilding-request-page' ).analyze();
			const serious = results.violations.filter( ( v ) => v.impact === 'serious' || v.impact === 'critical' )
				.map( ( v ) => `${ v.id }: ${ v.nodes.map( ( n ) => n.target.join( ' ' ) ).join( ', ' ) }` );
			expect( serious ).toEqual( [] );
		}
	} );

	it( 'suggests matching coaches to a hub contact, who invites one on their talk page', async () => {
		// A language only this run uses, so coaches of earlier runs do not compete.
		const language = `qaa-${ id }`.slice( 0, 12 );
		const suggested = `Coach three ${ id }`;
		wiki.ensureUser( suggested, PASSWORD );
		await bot.save( `Capacity building/Coaches/${ suggested }`, `{{Capacity coach\n| user = ${ suggested }\n| topics = governance\n| languages = ${ language }\n| formats = workshop\n| availability = available\n| max_requests = 3\n| contact = talk\n}}`, 'End-to-end test coach' );
		const title = await saveRequest( bot, request( { requester: people.requester, hub, status: 'triaged', languages: [ language ] } ) );
		const page = await open( people.hubContact, title );
		const items = page.locator( '.ext-capacitybuilding-match-suggestions__item' );
		await items.first().waitFor();
		expect( await items.evaluateAll( ( elements ) => elements.map( ( e ) => e.getAttribute( 'data-user' ) ) ) ).toEqual( [ suggested ] );
		await page.locator( '.ext-capacitybuilding-request-suggestions__invite' ).click();
		await page.locator( '.ext-capacitybuilding-request-suggestions__invited' ).waitFor();
		const talk = await pageText( bot, `User talk:${ suggested }` );
		expect( talk ).toContain( `== Invitation to help with [[${ title }]] ==` );
		expect( talk ).toContain( `[[User:${ people.hubContact }|` );
		// Not for the requester.
		const requesterView = await open( people.requester, title );
		expect( await requesterView.locator( '.ext-capacitybuilding-request-suggestions' ).count() ).toBe( 0 );
	} );

	it( 'opens the request form for this request from "Edit request", and saving changes only the template block', async () => {
		const original = request( { requester: people.requester } );
		const block = serialize( REQUEST_SCHEMA, original );
		const title = requestTitle( BASE, uniqueRequestNumber() );
		await bot.save( title, `<!-- kept comment -->\n${ block }${ DISCUSSION }`, 'End-to-end test request' );
		// The page as the wiki stored it (it drops trailing whitespace).
		const before = await pageText( bot, title );
		expect( before ).toContain( block );

		const page = await open( people.requester, title );
		await page.locator( '.ext-capacitybuilding-request-page__edit-button' ).click();
		const form = page.locator( '.ext-capacitybuilding-request-page__edit-form' );
		await formReady( page );
		expect( await form.getAttribute( 'data-capacitybuilding-edit' ) ).toBe( title );
		expect( await page.evaluate( ( name ) => mw.loader.getState( name ), moduleName( 'requestForm' ) ) ).toBe( 'ready' );
		// The form holds the request's current values.
		const titleInput = form.locator( '#ext-capacitybuilding-request-form-title input' );
		expect( await titleInput.inputValue() ).toBe( original.title );

		const changed = 'A clearer title | with a pipe';
		await titleInput.fill( changed );
		// Saving goes back to the request page (the same address), now showing the change.
		await Promise.all( [
			page.waitForNavigation(),
			form.getByRole( 'button', { name: en[ 'capacitybuilding-requestform-save-edit' ] } ).click(),
		] );
		await page.locator( '.ext-capacitybuilding-request-page__header' ).waitFor();
		expect( await page.locator( '.ext-capacitybuilding-request-page__title' ).innerText() ).toBe( changed );

		const saved = await pageText( bot, title );
		const expected = { ...original, title: changed };
		expect( record( saved ) ).toEqual( expected );
		// Every byte outside the template block is as it was.
		expect( saved ).toBe( before.replace( block, () => serialize( REQUEST_SCHEMA, expected ) ) );
		const latest = await bot.request( { action: 'query', prop: 'revisions', titles: title, rvprop: 'user|comment', rvlimit: 1, formatversion: 2 } );
		expect( latest.query?.pages[ 0 ].revisions[ 0 ] ).toMatchObject( {
			user: people.requester, comment: `Editing capacity building request: ${ changed }`,
		} );
	} );
} );
