/**
 * The feedback form on a completed request, in Debian's Chromium on the development wiki
 * (issue 15, docs/data-model.md "Feedback"): the requester and the assigned coach each leave
 * feedback through the form, signed to them; a stranger gets no form; the requester edits their
 * entry in place; the form lays out right to left on a phone; and a stranger's hand-written entry
 * is rejected by the bot and counts nowhere in what it publishes.
 */
/* eslint jest/no-standalone-expect: [ "error", { "additionalTestBlockFunctions": [ "itOnOneRoute" ] } ] */
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Mwn } from 'mwn';
import { FEEDBACK_SCHEMA, REQUEST_SCHEMA, type CapacityRequest, type Feedback } from '../../modules/core/model';
import { FEEDBACK_ANCHOR, requestTitle, sitePages } from '../../modules/core/pages';
import type { Manifest, RequestEntry, StatisticsIndex as Statistics } from '../../modules/core/indexes';
import { parseAll, serialize, type ParsedRecord } from '../../modules/core/wikitext/codec';
import en from '../../i18n/en.json';
import { runBot, syncAndPublish } from '../support/bot';
import { testWiki } from '../support/wiki';
import { launchBrowser } from './support/browser';
import { layoutProblems, VIEWPORTS } from './support/layout';
import { botFor } from './support/pages';
import {
	BASE, DISCUSSION, PASSWORD, browseAs, openRequest, pageText, request, runId, saveCoach, saveHub, uniqueRequestNumber,
} from './support/requestPages';
import { itOnOneRoute } from './support/routes';

/** What a person answers on the form: the radio labels to pick and the texts to type. */
interface Answers {
	rating: string;
	outcome: 'achieved' | 'partly' | 'not-achieved' | 'too-early';
	confidenceBefore: string;
	confidenceAfter: string;
	comment: string;
	learned: string;
}

/** The label of a 1–5 option as the form shows it (the ends carry their meaning). */
/**
 * The form, by its anchor: its class is also the class of each `{{Capacity feedback}}` entry the
 * page shows (wiki/templates), so the class alone would find the entries too.
 */
const FORM = `#${ FEEDBACK_ANCHOR }`;

function scaleLabel( value: string, low: string, high: string ): string {
	return value === '1' ? low : value === '5' ? high : value;
}

describe( 'feedback on a completed request, on the development wiki', () => {
	const wiki = testWiki();
	const id = runId();
	const people = {
		requester: `Fbrq ${ id }`,
		coach: `Fbcoach ${ id }`,
		hubContact: `Fbhub ${ id }`,
		stranger: `Fbstranger ${ id }`,
	};
	const hub = `Hub feedback ${ id }`;
	const number = uniqueRequestNumber();
	const title = requestTitle( BASE, number );
	const done: Partial<CapacityRequest> = { requester: people.requester, hub, offers: [ people.coach ], coach: [ people.coach ] };
	const store = fs.mkdtempSync( path.join( os.tmpdir(), 'capacity-feedback-' ) );
	const answers: Record<'requester' | 'coach', Answers> = {
		requester: {
			rating: '5', outcome: 'achieved', confidenceBefore: '2', confidenceAfter: '4',
			comment: 'Our first edit-a-thon went well | thanks to the coach.',
			learned: 'Start with a short training session before the event, not during it.',
		},
		coach: {
			rating: '4', outcome: 'partly', confidenceBefore: '3', confidenceAfter: '4',
			comment: 'A motivated group; the venue was the hard part.',
			learned: 'Book the venue before announcing the date.',
		},
	};
	let browser: Browser;
	let bot: Mwn;
	const sessions = new Map<string, Mwn>();
	const contexts = new Map<string, BrowserContext>();
	const pages: Page[] = [];
	/** Statistics.json as published before any feedback was written. */
	let baseline: Statistics;

	async function as( user: string ): Promise<Mwn> {
		let session = sessions.get( user );
		if ( !session ) {
			session = await Mwn.init( {
				apiUrl: wiki.credentials().api, username: user, password: PASSWORD,
				userAgent: 'CapacityBuilding-tests (feedback)', silent: true, suppressAPIWarnings: true,
			} );
			sessions.set( user, session );
		}
		return session;
	}

	/** Saves the request page as `user`, the template block as given and the discussion after it. */
	async function step( user: string, record: Partial<CapacityRequest>, summary: string ): Promise<void> {
		await ( await as( user ) ).save( title, serialize( REQUEST_SCHEMA, request( record ) ) + DISCUSSION, summary );
	}

	async function open( user: string, query: Record<string, string> = {} ): Promise<Page> {
		let context = contexts.get( user );
		if ( !context ) {
			context = await browseAs( browser, wiki, user );
			contexts.set( user, context );
		}
		const page = await openRequest( context, wiki, title, query );
		pages.push( page );
		return page;
	}

	function entries( text: string ): ParsedRecord<Feedback>[] {
		return parseAll( text, FEEDBACK_SCHEMA );
	}

	async function readJson<T>( page: string ): Promise<T> {
		return JSON.parse( await pageText( bot, page ) ) as T;
	}

	/** The review page and its subpages (the bot splits a long list), as one text. */
	async function reviewText(): Promise<string> {
		const review = sitePages( BASE ).review;
		const listed = await bot.request( { action: 'query', list: 'allpages', apprefix: `${ review }/`, aplimit: 'max', formatversion: 2 } ) as
			{ query: { allpages: { title: string }[] } };
		const texts = await Promise.all( [ review, ...listed.query.allpages.map( ( p ) => p.title ) ].map( ( t ) => pageText( bot, t ) ) );
		return texts.join( '\n' );
	}

	/** Picks the answers on the form and saves it; resolves once the page says it is saved. */
	async function fillAndSave( page: Page, given: Answers ): Promise<void> {
		const form = page.locator( FORM );
		const choose = ( question: string, label: string ): Promise<void> => form.locator( `[data-question="${ question }"]` )
			.getByLabel( label, { exact: true } ).check();
		await choose( 'rating', scaleLabel( given.rating, en[ 'capacitybuilding-feedback-form-rating-low' ], en[ 'capacitybuilding-feedback-form-rating-high' ] ) );
		await choose( 'outcome', en[ `capacitybuilding-feedback-outcome-${ given.outcome }` ] );
		await choose( 'confidenceBefore', scaleLabel( given.confidenceBefore, en[ 'capacitybuilding-feedback-form-confidence-low' ], en[ 'capacitybuilding-feedback-form-confidence-high' ] ) );
		await choose( 'confidenceAfter', scaleLabel( given.confidenceAfter, en[ 'capacitybuilding-feedback-form-confidence-low' ], en[ 'capacitybuilding-feedback-form-confidence-high' ] ) );
		await form.locator( '[data-question="comment"] textarea' ).fill( given.comment );
		await form.locator( '[data-question="learned"] textarea' ).fill( given.learned );
		await form.locator( '.ext-capacitybuilding-feedback__submit' ).click();
		// Saved, or an error the form shows: either ends the wait, and a failure says which.
		const outcome = page.locator( `.ext-capacitybuilding-request-page__notice, ${ FORM } .cdx-message--error` ).first();
		await outcome.waitFor();
		expect( [ await outcome.getAttribute( 'data-notice' ), ( await outcome.innerText() ).trim() ] )
			.toEqual( [ 'feedback-saved', en[ 'capacitybuilding-feedback-form-saved' ] ] );
	}

	function expected( user: string, role: 'requester' | 'coach', given: Answers ): Record<string, unknown> {
		return { user, role, ...given, stage: '', used: '', created: expect.stringMatching( /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/ ) };
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
		await saveHub( bot, hub, [ people.hubContact ] );
		await saveCoach( bot, people.coach );
		// Completed in allowed steps, each by the person whose step it is.
		await step( people.requester, { requester: people.requester }, 'New request' );
		await step( people.hubContact, { requester: people.requester, hub, status: 'triaged' }, 'Routed to our hub' );
		await step( people.coach, { requester: people.requester, hub, status: 'triaged', offers: [ people.coach ] }, 'I can help' );
		await step( people.requester, { ...done, status: 'matched' }, 'Accepted' );
		await step( people.coach, { ...done, status: 'in-progress' }, 'Started' );
		await step( people.coach, { ...done, status: 'completed' }, 'Completed' );
		// Views judge with the roles the bot published (the hub's contacts): publish ours. The same
		// store is used again later, so that sync is incremental.
		await syncAndPublish( BASE, path.join( store, 'store.sqlite' ) );
		baseline = await readJson<Statistics>( sitePages( BASE ).statisticsJson );
	} );

	afterEach( async () => {
		for ( const page of pages.splice( 0 ) ) {
			await page.close();
		}
	} );

	afterAll( async () => {
		for ( const context of contexts.values() ) {
			await context.close();
		}
		await browser?.close();
		fs.rmSync( store, { recursive: true, force: true } );
	} );

	it( 'lets the requester and the coach each leave feedback, signed to them, and shows a stranger no form', async () => {
		const before = await pageText( bot, title );
		for ( const [ user, role ] of [ [ people.requester, 'requester' ], [ people.coach, 'coach' ] ] as const ) {
			const page = await open( user );
			const form = page.locator( FORM );
			await form.waitFor();
			expect( [ user, await form.getAttribute( 'data-stage' ) ] ).toEqual( [ user, 'completion' ] );
			// It says plainly that feedback is public, before anything is typed.
			expect( ( await form.locator( '.ext-capacitybuilding-feedback__public' ).innerText() ).trim() )
				.toBe( en[ 'capacitybuilding-feedback-form-public' ].replace( /\{\{GENDER:\$1\|(\w+)\}\}/g, '$1' ) );
			expect( await form.locator( '.ext-capacitybuilding-feedback__editing' ).count() ).toBe( 0 );
			expect( ( await form.locator( '.ext-capacitybuilding-feedback__submit' ).innerText() ).trim() ).toBe( en[ 'capacitybuilding-feedback-form-submit' ] );
			await fillAndSave( page, answers[ role ] );
			// Saved as an edit by its author, with the translated summary.
			const latest = await bot.request( { action: 'query', prop: 'revisions', titles: title, rvprop: 'user|comment', rvlimit: 1, formatversion: 2 } );
			expect( latest.query?.pages[ 0 ].revisions[ 0 ] ).toMatchObject( { user, comment: en[ 'capacitybuilding-feedback-summary-add' ] } );
			// The form now edits their entry.
			await form.locator( '.ext-capacitybuilding-feedback__editing' ).waitFor();
		}
		const text = await pageText( bot, title );
		expect( entries( text ).map( ( entry ) => entry.record ) ).toEqual( [
			expected( people.requester, 'requester', answers.requester ),
			expected( people.coach, 'coach', answers.coach ),
		] );
		// Appended: everything that was on the page is still there, unchanged.
		expect( text.startsWith( before ) ).toBe( true );

		// A logged-in person with no role on the request: the page loads its actions, but no form.
		const strangers = await open( people.stranger );
		await strangers.locator( '.ext-capacitybuilding-request-actions' ).first().waitFor();
		expect( ( await strangers.locator( '.ext-capacitybuilding-request-page__status' ).innerText() ).trim() ).toBe( 'Completed' );
		expect( await strangers.locator( FORM ).count() ).toBe( 0 );
	}, 600_000 );

	it( 'lets the requester edit their entry in place, leaving the coach’s byte for byte', async () => {
		const before = await pageText( bot, title );
		const [ requesterBefore, coachBefore ] = entries( before );
		expect( requesterBefore?.record.user ).toBe( people.requester );

		const page = await open( people.requester );
		const form = page.locator( FORM );
		await form.locator( '.ext-capacitybuilding-feedback__editing' ).waitFor();
		// The form holds what they answered.
		expect( await form.locator( '[data-question="rating"]' ).getByLabel( en[ 'capacitybuilding-feedback-form-rating-high' ], { exact: true } ).isChecked() ).toBe( true );
		expect( await form.locator( '[data-question="comment"] textarea' ).inputValue() ).toBe( answers.requester.comment );
		expect( ( await form.locator( '.ext-capacitybuilding-feedback__submit' ).innerText() ).trim() ).toBe( en[ 'capacitybuilding-feedback-form-update' ] );

		const changed: Answers = { ...answers.requester, rating: '3', outcome: 'too-early', comment: 'On second thought: too early to tell.' };
		await fillAndSave( page, changed );
		const after = await pageText( bot, title );
		const [ requesterAfter, coachAfter ] = entries( after );
		expect( entries( after ) ).toHaveLength( 2 );
		expect( requesterAfter?.record ).toEqual( { ...requesterBefore?.record, ...changed } );
		// In place: the text before the entry is as it was, and so is everything after it.
		expect( after.slice( 0, requesterAfter?.start ) ).toBe( before.slice( 0, requesterBefore?.start ) );
		expect( after.slice( requesterAfter?.end ) ).toBe( before.slice( requesterBefore?.end ) );
		expect( after.slice( coachAfter?.start, coachAfter?.end ) ).toBe( before.slice( coachBefore?.start, coachBefore?.end ) );
		const latest = await bot.request( { action: 'query', prop: 'revisions', titles: title, rvprop: 'user|comment', rvlimit: 1, formatversion: 2 } );
		expect( latest.query?.pages[ 0 ].revisions[ 0 ] ).toMatchObject( { user: people.requester, comment: en[ 'capacitybuilding-feedback-summary-edit' ] } );
		answers.requester = changed;
	}, 300_000 );

	it.each( [
		[ 'he', 'requester' ], [ 'ar', 'coach' ],
	] as const )( 'in %s on a phone, the %s’s form is mirrored, nothing cut off or sticking out, and passes axe', async ( lang, role ) => {
		const page = await open( people[ role ], { uselang: lang } );
		await page.setViewportSize( VIEWPORTS.phone );
		const form = page.locator( FORM );
		await form.waitFor();
		expect( await form.evaluate( ( el ) => getComputedStyle( el ).direction ) ).toBe( 'rtl' );
		expect( await layoutProblems( page, '.ext-capacitybuilding-request-page', { lang, dir: 'rtl' } ) ).toEqual( [] );
		const results = await new AxeBuilder( { page } ).include( FORM ).analyze();
		const serious = results.violations.filter( ( v ) => v.impact === 'serious' || v.impact === 'critical' )
			.map( ( v ) => `${ v.id }: ${ v.nodes.map( ( n ) => n.target.join( ' ' ) ).join( ', ' ) }` );
		expect( serious ).toEqual( [] );
	}, 300_000 );

	itOnOneRoute( 'rejects a stranger’s hand-written feedback: listed for review, counted nowhere', async () => {
		const site = sitePages( BASE );
		expect( await reviewText() ).not.toContain( `[[:${ title }]]` );
		const handWritten = ( user: string, role: Feedback[ 'role' ] ): string => serialize( FEEDBACK_SCHEMA, {
			user, role, rating: '1', outcome: 'not-achieved', confidenceBefore: '5', confidenceAfter: '1', stage: '', used: '',
			comment: 'Hand-written.', learned: '', created: '2026-12-01T10:00:00Z',
		} );
		const text = await pageText( bot, title );
		await ( await as( people.stranger ) ).save( title,
			`${ text }\n\n${ handWritten( people.stranger, 'participant' ) }\n\n${ handWritten( people.requester, 'requester' ) }`, 'My feedback' );

		await syncAndPublish( BASE, path.join( store, 'store.sqlite' ) );
		expect( await reviewText() ).toContain( `[[:${ title }]]` );
		// Published: the two accepted entries only (the stranger's ratings and outcome count nowhere).
		const statistics = await readJson<Statistics>( site.statisticsJson );
		const outcomes = ( stats: Statistics ): Record<string, number> => stats.feedback.byOutcome;
		expect( statistics.feedback.entries - baseline.feedback.entries ).toBe( 2 );
		expect( {
			achieved: ( outcomes( statistics ).achieved ?? 0 ) - ( outcomes( baseline ).achieved ?? 0 ),
			partly: ( outcomes( statistics ).partly ?? 0 ) - ( outcomes( baseline ).partly ?? 0 ),
			'not-achieved': ( outcomes( statistics )[ 'not-achieved' ] ?? 0 ) - ( outcomes( baseline )[ 'not-achieved' ] ?? 0 ),
			'too-early': ( outcomes( statistics )[ 'too-early' ] ?? 0 ) - ( outcomes( baseline )[ 'too-early' ] ?? 0 ),
		} ).toEqual( {
			achieved: answers.requester.outcome === 'achieved' ? 1 : 0, partly: 1, 'not-achieved': 0,
			'too-early': answers.requester.outcome === 'too-early' ? 1 : 0,
		} );
		// The request's own entry in Requests.json: two feedback entries, the coach's revision of the
		// page before the stranger's (the stranger's revision is not published).
		const manifest = await readJson<Manifest>( site.requestsJson );
		const published: RequestEntry[] = [];
		for ( const part of manifest.parts ) {
			published.push( ...( await readJson<{ entries: RequestEntry[] }>( part.page ) ).entries );
		}
		const ours = published.find( ( entry ) => entry.number === number );
		expect( ours ).toMatchObject( { number, feedback: 2, request: { status: 'completed' } } );
	}, 600_000 );
} );
