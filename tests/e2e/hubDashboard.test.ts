/**
 * A hub's dashboard (under the profile on `<base>/Hubs/<key>`) and the programme admins' queue
 * (`<base>/Queue`), in Debian's Chromium on the development wiki, with the bot's setup, sync and
 * publish run by the test: new requests in the hub's region appear in its queue as routed; its
 * contact takes one on from the dashboard (the request page's record changes by the contact's edit,
 * and the bot accepts it); a request left alone past the stale period is marked stale (the
 * browser's clock moved forward); the figures shown are the published Statistics.json's; someone
 * who is not a contact sees the queue without actions; a request no hub covers is in the admins'
 * queue; right to left on a phone with no serious or critical axe violation.
 */
/* eslint jest/no-standalone-expect: [ "error", { "additionalTestBlockFunctions": [ "itOnOneRoute" ] } ] */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Mwn } from 'mwn';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { CONFIG_PAGE } from '../../modules/core/config';
import type { HubFigures, RequestEntry } from '../../modules/core/indexes';
import { COACH_SCHEMA, HUB_SCHEMA, REQUEST_SCHEMA, type CapacityRequest } from '../../modules/core/model';
import { coachTitle, hubTitle, requestTitle, sitePages } from '../../modules/core/pages';
import { parsePage, serialize } from '../../modules/core/wikitext/codec';
import { runBot, syncAndPublish } from '../support/bot';
import { testWiki, uniqueTitle } from '../support/wiki';
import { launchBrowser } from './support/browser';
import { layoutProblems, VIEWPORTS } from './support/layout';
import { botFor } from './support/pages';
import { browseAs, PASSWORD, request, runId, uniqueRequestNumber } from './support/requestPages';
import { itOnOneRoute } from './support/routes';

const DAY = 86_400_000;

describe( 'a hub\'s dashboard and the admins\' queue, on the development wiki', () => {
	const wiki = testWiki();
	const id = runId();
	const base = uniqueTitle( 'E2E dashboard' );
	const hub = `Hub Andes ${ id }`;
	const people = { requester: `Drq ${ id }`, contact: `Dhub ${ id }`, other: `Dother ${ id }`, coach: `Dcoach ${ id }` };
	const numbers = { takeOn: uniqueRequestNumber(), leftAlone: uniqueRequestNumber(), uncovered: uniqueRequestNumber() };
	const titles = {
		takeOn: requestTitle( base, numbers.takeOn ), leftAlone: requestTitle( base, numbers.leftAlone ),
		uncovered: requestTitle( base, numbers.uncovered ),
	};
	const dir = fs.mkdtempSync( path.join( os.tmpdir(), 'capacity-dashboard-e2e-' ) );
	const store = path.join( dir, 'store.sqlite' );
	const contexts: BrowserContext[] = [];
	let browser: Browser;
	let bot: Mwn;

	async function open( user: string | null, title: string, options: { query?: Record<string, string>; now?: Date } = {} ): Promise<Page> {
		const context = await browseAs( browser, wiki, user );
		contexts.push( context );
		const page = await context.newPage();
		if ( options.now ) {
			await page.clock.setFixedTime( options.now );
		}
		await page.goto( wiki.pageUrl( title, options.query ?? {} ) );
		await page.locator( '.ext-capacitybuilding-hub-dashboard__queue, .ext-capacitybuilding-hub-dashboard__error' ).first().waitFor();
		return page;
	}

	const item = ( page: Page, number: number ): Locator => page.locator( `.ext-capacitybuilding-hub-dashboard__item[data-request="${ number }"]` );

	async function latest( title: string ): Promise<{ revid: number; user: string; record: CapacityRequest | undefined }> {
		const read = await bot.read( title, { rvprop: [ 'content', 'ids', 'user' ] } );
		const revision = read.revisions?.[ 0 ];
		return { revid: revision?.revid ?? 0, user: revision?.user ?? '', record: parsePage( revision?.content ?? '', REQUEST_SCHEMA ).parsed?.record };
	}

	async function json( title: string ): Promise<unknown> {
		return JSON.parse( ( await bot.read( title ) ).revisions?.[ 0 ]?.content ?? 'null' );
	}

	/** A request's entry in the published index (every part is small here). */
	async function published( number: number ): Promise<RequestEntry | undefined> {
		const manifest = await json( sitePages( base ).requestsJson ) as { parts: { page: string }[] };
		for ( const part of manifest.parts ) {
			const entries = ( await json( part.page ) as { entries: RequestEntry[] } ).entries;
			const found = entries.find( ( entry ) => entry.number === number );
			if ( found ) {
				return found;
			}
		}
		return undefined;
	}

	async function shownFigures( page: Page ): Promise<Record<string, string>> {
		return page.locator( '.ext-capacitybuilding-hub-dashboard__fact' ).evaluateAll( ( facts ) => Object.fromEntries(
			facts.map( ( fact ) => [ fact.getAttribute( 'data-figure' ) ?? '', fact.getAttribute( 'data-value' ) ?? '' ] ) ) );
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
		await bot.save( hubTitle( base, hub ), serialize( HUB_SCHEMA, {
			name: hub, kind: 'regional', regions: [ 'LAC' ], topics: [], languages: [ 'es' ], contacts: [ people.contact ], noticeboard: '',
		} ), 'End-to-end test hub' );
		// Another hub, to hand requests over to.
		await bot.save( hubTitle( base, `Hub GLAM ${ id }` ), serialize( HUB_SCHEMA, {
			name: `Hub GLAM ${ id }`, kind: 'thematic', regions: [], topics: [ 'glam' ], languages: [ 'en' ], contacts: [ `Dglam ${ id }` ], noticeboard: '',
		} ), 'End-to-end test hub' );
		await bot.save( coachTitle( base, people.coach ), serialize( COACH_SCHEMA, {
			user: people.coach, topics: [ 'governance' ], languages: [ 'es' ], regions: [ 'LAC' ], formats: [ 'workshop' ], availability: 'available',
			awayUntil: '', maxRequests: '3', bio: 'Trainer.', contact: 'talk', hubs: [ hub ],
		} ), 'End-to-end test coach' );
		const now = new Date().toISOString().replace( /\.\d{3}Z$/, 'Z' );
		await bot.save( titles.takeOn, serialize( REQUEST_SCHEMA, request( { requester: people.requester, title: 'Take this one on', created: now } ) ), 'End-to-end test request' );
		await bot.save( titles.leftAlone, serialize( REQUEST_SCHEMA, request( { requester: people.requester, title: 'Left alone', created: now } ) ), 'End-to-end test request' );
		await bot.save( titles.uncovered, serialize( REQUEST_SCHEMA, request( { requester: people.requester, region: 'NA', title: 'Nobody covers this', created: now } ) ), 'End-to-end test request' );
		await bot.save( `${ base }/Queue`, '{{Capacity admins queue}}', 'End-to-end test admins\' queue' );
		await syncAndPublish( base, store );
	} );

	afterAll( async () => {
		for ( const context of contexts ) {
			await context.close();
		}
		await browser?.close();
		fs.rmSync( dir, { recursive: true, force: true } );
	} );

	it( 'lists the new requests of the hub\'s region as routed to it, with age, needed-by, marks and its coaches', async () => {
		const page = await open( people.contact, hubTitle( base, hub ) );
		const openGroup = page.locator( '.ext-capacitybuilding-hub-dashboard__group[data-status="open"]' );
		await item( page, numbers.takeOn ).waitFor();
		expect( await openGroup.locator( 'h4' ).innerText() ).toBe( 'Open (2 requests)' );
		const routed = item( page, numbers.takeOn );
		expect( await routed.getAttribute( 'data-routed' ) ).toBe( 'true' );
		expect( await routed.locator( '[data-mark="routed"]' ).innerText() ).toBe( 'Routed to you' );
		expect( await routed.locator( '[data-mark="unassigned"]' ).innerText() ).toBe( 'No coach' );
		// New: not stale.
		expect( await routed.locator( '[data-mark="stale"]' ).count() ).toBe( 0 );
		expect( await routed.locator( '[data-fact="age"]' ).innerText() ).toBe( 'Created today' );
		expect( await routed.locator( '[data-fact="neededBy"]' ).innerText() ).toContain( '2027' );
		// Not this hub's: the request nobody covers.
		expect( await item( page, numbers.uncovered ).count() ).toBe( 0 );
		expect( await page.locator( `.ext-capacitybuilding-hub-dashboard__coaches [data-coach="${ people.coach }"]` ).count() ).toBe( 1 );
		// The contact may take it on, hand it over or decline it.
		expect( await routed.locator( '[data-action]' ).evaluateAll( ( buttons ) => buttons.map( ( b ) => b.getAttribute( 'data-action' ) ) ) )
			.toEqual( [ 'take-on', 'hand-over', 'decline' ] );
	} );

	it( 'lets the contact take a request on: their edit of the request page, which the bot accepts; the figures are the published ones', async () => {
		const page = await open( people.contact, hubTitle( base, hub ) );
		await item( page, numbers.takeOn ).locator( '[data-action="take-on"]' ).click();
		const notice = page.locator( '.ext-capacitybuilding-hub-dashboard__notice' );
		await notice.waitFor();
		expect( await notice.getAttribute( 'data-notice' ) ).toBe( 'saved' );
		expect( await notice.getAttribute( 'data-request' ) ).toBe( String( numbers.takeOn ) );
		// It moved: triaged, no longer "routed to you".
		const moved = page.locator( `.ext-capacitybuilding-hub-dashboard__group[data-status="triaged"] .ext-capacitybuilding-hub-dashboard__item[data-request="${ numbers.takeOn }"]` );
		expect( await moved.count() ).toBe( 1 );
		expect( await moved.getAttribute( 'data-routed' ) ).toBeNull();
		const edit = await latest( titles.takeOn );
		expect( edit.user ).toBe( people.contact );
		expect( edit.record ).toMatchObject( { hub, status: 'triaged' } );

		await syncAndPublish( base, store );
		// Accepted: the index names the contact's revision, with the hub, and routes it no more.
		const entry = await published( numbers.takeOn );
		expect( entry ).toMatchObject( { revid: edit.revid, request: { hub, status: 'triaged' } } );
		expect( entry?.route ).toBeUndefined();
		const statistics = await json( sitePages( base ).statisticsJson ) as { hubs?: Record<string, HubFigures> };
		const figures = statistics.hubs?.[ hub ];
		expect( figures ).toMatchObject( { open: 1, received: 1, completionRate: 0 } );
		expect( typeof figures?.medianDaysToTriage ).toBe( 'number' );

		const again = await open( people.contact, hubTitle( base, hub ) );
		await again.locator( '.ext-capacitybuilding-hub-dashboard__fact' ).first().waitFor();
		const shown = await shownFigures( again );
		expect( shown ).toEqual( {
			open: String( figures?.open ), medianDaysToTriage: String( figures?.medianDaysToTriage ),
			medianDaysToMatch: '', completionRate: String( figures?.completionRate ),
		} );
		expect( await again.locator( '[data-figure="open"] dd' ).innerText() ).toBe( '1' );
		expect( await again.locator( '[data-figure="medianDaysToMatch"] dd' ).innerText() ).toBe( 'Not known yet' );
		expect( await again.locator( '[data-figure="completionRate"] dd' ).innerText() ).toBe( '0%' );
	} );

	itOnOneRoute( 'marks a request left alone past the stale period as stale', async () => {
		const config = await json( CONFIG_PAGE ) as { statusPolicy?: { staleAfterDays?: number } } | null;
		const days = config?.statusPolicy?.staleAfterDays ?? 60;
		const before = await open( people.contact, hubTitle( base, hub ), { now: new Date( Date.now() + ( days - 1 ) * DAY ) } );
		await item( before, numbers.leftAlone ).waitFor();
		expect( await item( before, numbers.leftAlone ).getAttribute( 'data-stale' ) ).toBeNull();
		const after = await open( people.contact, hubTitle( base, hub ), { now: new Date( Date.now() + ( days + 1 ) * DAY ) } );
		const stale = item( after, numbers.leftAlone );
		await stale.waitFor();
		expect( await stale.getAttribute( 'data-stale' ) ).toBe( 'true' );
		expect( await stale.locator( '[data-mark="stale"]' ).innerText() ).toBe( 'Stale' );
		// Triaged requests go stale too (the same rule as the stale notices).
		expect( await item( after, numbers.takeOn ).getAttribute( 'data-stale' ) ).toBe( 'true' );
	} );

	itOnOneRoute( 'shows someone who is not a contact the queue without actions, and the uncovered request in the admins\' queue', async () => {
		for ( const user of [ people.other, null ] ) {
			const page = await open( user, hubTitle( base, hub ) );
			await item( page, numbers.leftAlone ).waitFor();
			expect( await page.locator( '.ext-capacitybuilding-hub-dashboard__actions' ).count() ).toBe( 0 );
		}
		const queue = await open( people.other, `${ base }/Queue` );
		const uncovered = item( queue, numbers.uncovered );
		await uncovered.waitFor();
		expect( await uncovered.locator( '[data-mark="routed"]' ).innerText() ).toBe( 'No hub covers it' );
		expect( await item( queue, numbers.leftAlone ).count() ).toBe( 0 );
	} );

	it( 'lays the dashboard out right to left on a phone, with no serious or critical accessibility violation', async () => {
		const page = await open( people.contact, hubTitle( base, hub ), { query: { uselang: 'ar' } } );
		await page.setViewportSize( VIEWPORTS.phone );
		await item( page, numbers.leftAlone ).locator( '[data-action="take-on"]' ).waitFor();
		expect( await layoutProblems( page, '.ext-capacitybuilding-hub-dashboard', { lang: 'ar', dir: 'rtl' } ) ).toEqual( [] );
		const results = await new AxeBuilder( { page } ).include( '.ext-capacitybuilding-hub-dashboard' ).analyze();
		expect( results.violations.filter( ( v ) => v.impact === 'serious' || v.impact === 'critical' )
			.map( ( v ) => `${ v.id }: ${ v.nodes.map( ( n ) => n.target.join( ' ' ) ).join( ', ' ) }` ) ).toEqual( [] );
	} );
} );
