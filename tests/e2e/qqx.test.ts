/**
 * No string escapes translation: every screen of every feature, opened with `?uselang=qqx` (where
 * MediaWiki shows each message as its key), on the route under test, shows nothing a person reads
 * that is not a message key — apart from what people entered (titles, names, descriptions, the
 * topics a community wrote into Topics.json), what MediaWiki names (languages), dates and numbers.
 *
 * What is checked on each screen: the text of every mounted feature and of any open dialog, with
 * the placeholders, accessible names (aria-label), image texts and titles of their elements (not
 * of links: MediaWiki titles a link with the page it leads to).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Mwn } from 'mwn';
import { CONFIG_PAGE, defaultConfigJson } from '../../modules/core/config';
import { COACH_SCHEMA, HUB_SCHEMA, REQUEST_SCHEMA } from '../../modules/core/model';
import { coachTitle, sitePages } from '../../modules/core/pages';
import { parsePage } from '../../modules/core/wikitext/codec';
import { runBot, syncAndPublish } from '../support/bot';
import { testWiki } from '../support/wiki';
import { untranslated } from '../support/qqx';
import { launchBrowser } from './support/browser';
import { saveProfile, profile } from './support/coaches';
import { formReady } from './support/forms';
import { botFor } from './support/pages';
import { BASE, PASSWORD, browseAs, pageText, request, runId, saveHub, saveRequest } from './support/requestPages';

/** Everything a reader of the page gets from our features: visible text and the attributes that speak. */
function screenText( page: Page ): Promise<string> {
	return page.evaluate( () => {
		const roots = Array.from( document.querySelectorAll<HTMLElement>( '.ext-capacitybuilding-marker[data-capacitybuilding-mounted], .cdx-dialog' ) );
		const parts: string[] = [];
		for ( const root of roots ) {
			parts.push( root.innerText );
			for ( const element of Array.from( root.querySelectorAll( '[placeholder], [aria-label], [title], [alt]' ) ) ) {
				for ( const attribute of [ 'placeholder', 'aria-label', 'title', 'alt' ] ) {
					// A link's title is MediaWiki's: the page it leads to (or, for a page that does
					// not exist, its content-language note).
					const value = attribute === 'title' && element.tagName === 'A' ? null : element.getAttribute( attribute );
					if ( value ) {
						parts.push( value );
					}
				}
			}
		}
		return parts.join( '\n' );
	} );
}

/**
 * What people wrote into the coach profiles and hubs on the wiki (the directory lists every coach,
 * also those other tests made): names, bios, hub names.
 */
async function peoplesContent( bot: Mwn ): Promise<string[]> {
	const content: string[] = [];
	for ( const [ folder, read ] of [
		[ 'Coaches', ( text: string ) => {
			const coach = parsePage( text, COACH_SCHEMA ).parsed?.record;
			// Codes a person typed that name nothing the wiki knows are shown as typed.
			return coach ? [ coach.user, coach.bio, ...coach.hubs, ...coach.languages, ...coach.topics ] : [];
		} ],
		[ 'Hubs', ( text: string ) => {
			const hub = parsePage( text, HUB_SCHEMA ).parsed?.record;
			return hub ? [ hub.name, hub.noticeboard, ...hub.contacts ] : [];
		} ],
		// Requests other tests made may be listed as matching the coach.
		[ 'Requests', ( text: string ) => {
			const record = parsePage( text, REQUEST_SCHEMA ).parsed?.record;
			return record ? [ record.title, record.requester, record.organisation, record.hub ] : [];
		} ],
	] as const ) {
		const listed = await bot.request( { action: 'query', list: 'allpages', apprefix: `${ BASE }/${ folder }/`, apnamespace: 0, aplimit: 'max' } );
		const titles = ( listed.query?.allpages as { title: string }[] ).map( ( page ) => page.title );
		for ( let i = 0; i < titles.length; i += 50 ) {
			const response = await bot.request( { action: 'query', titles: titles.slice( i, i + 50 ), prop: 'revisions', rvprop: 'content', rvslots: 'main' } );
			for ( const page of response.query?.pages as { title: string; revisions?: { slots: { main: { content: string } } }[] }[] ) {
				content.push( page.title.split( '/' ).at( -1 ) as string, ...read( page.revisions?.[ 0 ]?.slots.main.content ?? '' ) );
			}
		}
	}
	return content;
}

/**
 * What people wrote as the bot accepted and published it (coaches' names and bios in
 * `<base>/Coaches.json`, hubs' names, contacts and noticeboards in `<base>/Hubs.json`): the
 * directory and the hubs overview show the accepted version, which a later edit of the page,
 * accepted or not, may have changed since.
 */
async function publishedContent( bot: Mwn ): Promise<string[]> {
	const content: string[] = [];
	for ( const index of [ 'Coaches', 'Hubs' ] ) {
		const manifest = JSON.parse( await pageText( bot, `${ BASE }/${ index }.json` ) || '{"parts":[]}' ) as { parts: { page: string }[] };
		for ( const part of manifest.parts ) {
			JSON.stringify( JSON.parse( await pageText( bot, part.page ) || '{}' ), ( key, value: unknown ) => {
				if ( [ 'user', 'bio', 'name', 'noticeboard' ].includes( key ) && typeof value === 'string' ) {
					content.push( value );
				} else if ( key === 'contacts' && Array.isArray( value ) ) {
					content.push( ...value.filter( ( contact ): contact is string => typeof contact === 'string' ) );
				}
				return value;
			} );
		}
	}
	return content;
}

describe( 'every screen in qqx', () => {
	const wiki = testWiki();
	const id = runId();
	const people = { requester: `Qqxrequester ${ id }`, coach: `Qqxcoach ${ id }`, hubContact: `Qqxhub ${ id }`, other: `Qqxreader ${ id }` };
	const hub = `Qqx hub ${ id }`;
	let browser: Browser;
	let bot: Mwn;
	let requestPage: string;
	/** People's content and MediaWiki's names, which are not messages. */
	const allowed: string[] = [];
	const contexts = new Map<string | null, BrowserContext>();
	const found: { screen: string; text: string[] }[] = [];

	async function as( user: string | null ): Promise<Page> {
		let context = contexts.get( user );
		if ( !context ) {
			context = await browseAs( browser, wiki, user );
			contexts.set( user, context );
		}
		return context.newPage();
	}

	/** Records what a screen shows that is not a message. */
	async function check( page: Page, screen: string ): Promise<void> {
		found.push( { screen, text: untranslated( await screenText( page ), allowed ) } );
	}

	async function visit( user: string | null, title: string, ready: string, query: Record<string, string> = {} ): Promise<Page> {
		const page = await as( user );
		await page.goto( wiki.pageUrl( title, { ...query, uselang: 'qqx' } ) );
		await page.locator( ready ).first().waitFor();
		return page;
	}

	beforeAll( async () => {
		[ browser, bot ] = await Promise.all( [ launchBrowser(), botFor( wiki ) ] );
		const setup = await runBot( [ 'setup', '--json' ] );
		if ( ![ 0, 5 ].includes( setup.code ) ) {
			throw new Error( setup.lines.join( '\n' ) );
		}
		for ( const name of Object.values( people ) ) {
			wiki.ensureUser( name, PASSWORD );
		}
		const config = JSON.parse( await pageText( bot, CONFIG_PAGE ) || defaultConfigJson() ) as Record<string, unknown>;
		await bot.save( CONFIG_PAGE, JSON.stringify( { ...config, privateRoutes: [ { category: 'conflict', email: 'qqx@example.org' } ] }, null, '\t' ) + '\n', 'End-to-end test configuration' ).catch( () => undefined );
		await saveHub( bot, hub, [ people.hubContact ] );
		const record = request( { requester: people.requester, hub, status: 'triaged', region: 'LAC', topics: [ 'governance' ], languages: [ 'es' ] } );
		requestPage = await saveRequest( bot, record );
		await saveProfile( bot, profile( people.coach, { topics: [ 'governance' ], languages: [ 'es' ], regions: [ 'LAC' ], bio: `Bio of ${ id }` } ) );
		// The views show what the bot accepted and published (the matching requests, judged records).
		const store = fs.mkdtempSync( path.join( os.tmpdir(), 'capacity-qqx-' ) );
		await syncAndPublish( BASE, path.join( store, 'store.sqlite' ) );
		fs.rmSync( store, { recursive: true, force: true } );
		// What people entered and what MediaWiki names.
		allowed.push( ...await peoplesContent( bot ), ...await publishedContent( bot ), wiki.credentials().bot.username.replace( /@.*$/, '' ) );
		allowed.push( ...Object.values( people ), hub, record.title, record.description, record.organisation, `Bio of ${ id }`,
			'qqx@example.org', requestPage, requestPage.split( '/' ).at( -1 ) as string, BASE );
		const topics = JSON.parse( await pageText( bot, sitePages( BASE ).topics ) ) as unknown;
		JSON.stringify( topics, ( key, value: unknown ) => {
			if ( key === 'labels' && value && typeof value === 'object' ) {
				allowed.push( ...Object.values( value as Record<string, string> ) );
			}
			return value;
		} );
		const info = await bot.request( { action: 'query', meta: 'languageinfo', liprop: [ 'name', 'autonym' ], licode: '*', uselang: 'qqx' } );
		for ( const language of Object.values( info.query?.languageinfo as Record<string, { name: string; autonym: string }> ) ) {
			allowed.push( language.name, language.autonym );
		}
	} );

	afterAll( async () => {
		for ( const context of contexts.values() ) {
			await context.close();
		}
		await browser?.close();
	} );

	it( 'shows only message keys on every screen, besides people\'s content, names, dates and numbers', async () => {
		// The request form, logged out and logged in, empty and with its errors.
		const formPage = `${ BASE }/Request support`;
		await check( await visit( null, formPage, '.ext-capacitybuilding-request-form' ), 'request form, logged out' );
		const form = await visit( people.requester, formPage, '.ext-capacitybuilding-request-form__form' );
		await formReady( form );
		await check( form, 'request form' );
		await form.locator( 'button[type="submit"], .ext-capacitybuilding-request-form__submit' ).first().click();
		await form.locator( '.cdx-field .cdx-message--error, .cdx-message--error' ).first().waitFor();
		await check( form, 'request form with errors' );

		// The request page, as each person, with its actions and suggestions, and its edit form.
		for ( const user of [ null, people.requester, people.hubContact, people.other ] ) {
			const page = await visit( user, requestPage, '.ext-capacitybuilding-request-page__header' );
			await check( page, `request page as ${ user ?? 'a logged-out reader' }` );
			if ( user === people.hubContact ) {
				await page.locator( '.ext-capacitybuilding-request-suggestions' ).waitFor();
				await page.locator( '.ext-capacitybuilding-match-suggestions__item, .ext-capacitybuilding-match-suggestions__empty' ).first().waitFor();
				await check( page, 'request page with suggested coaches' );
				const decline = page.locator( '.ext-capacitybuilding-request-actions [data-action="decline"]' );
				if ( await decline.count() ) {
					await decline.click();
					// Actions that ask first open a dialog.
					await page.waitForTimeout( 500 );
					await check( page, 'request page, asking before declining' );
				}
			}
			if ( user === people.requester ) {
				await page.locator( '.ext-capacitybuilding-request-page__edit-button' ).click();
				await formReady( page );
				await check( page, 'request page, editing the request' );
			}
		}

		// The coach directory, with coaches and with nothing found.
		const directory = await visit( people.other, `${ BASE }/Coaches`, '.ext-capacitybuilding-directory' );
		await directory.locator( '.ext-capacitybuilding-coach-card, .ext-capacitybuilding-directory__empty' ).first().waitFor();
		await check( directory, 'coach directory' );
		// Nothing found, with the filters it offers to relax.
		const none = await visit( people.other, `${ BASE }/Coaches`, '.ext-capacitybuilding-directory__no-match',
			{ cbsearch: people.coach, cblanguage: 'es', cbregion: 'MENA' } );
		await check( none, 'coach directory, nothing found' );

		// A coach profile, as its coach (with the requests that match, and the edit form) and as someone else.
		const profilePage = coachTitle( BASE, people.coach );
		const own = await visit( people.coach, profilePage, '.ext-capacitybuilding-coach-profile' );
		await own.locator( '.ext-capacitybuilding-matching-requests li, .ext-capacitybuilding-matching-requests__none' ).first().waitFor();
		await check( own, 'coach profile, its coach' );
		await own.locator( '.ext-capacitybuilding-coach-profile button' ).first().click();
		await own.locator( '.ext-capacitybuilding-coach-profile-form' ).waitFor();
		await check( own, 'coach profile, editing' );
		// Ready once the profile is shown by name in place of the template's codes.
		await check( await visit( people.other, profilePage, '.ext-capacitybuilding-coach-profile-view' ), 'coach profile, someone else' );

		// The hubs overview (every hub the bot published, from every test).
		// (On a page of its own: setup leaves an existing <base>/Hubs as the community wrote it.)
		const overview = `${ BASE }/Hubs overview qqx ${ id }`;
		await bot.save( overview, '{{Capacity hubs overview}}', 'End-to-end test page' );
		await check( await visit( people.other, overview, '.ext-capacitybuilding-hubs__hub' ), 'hubs overview' );

		// A coach profile that does not exist yet: its coach is offered the form, others are told whose it is.
		const missing = coachTitle( BASE, people.other );
		await check( await visit( people.other, missing, '.ext-capacitybuilding-coach-profile' ), 'new coach profile, its coach' );
		await check( await visit( people.requester, missing, '.ext-capacitybuilding-coach-profile' ), 'new coach profile, someone else' );

		expect( found.filter( ( screen ) => screen.text.length ) ).toEqual( [] );
		expect( found.length ).toBeGreaterThanOrEqual( 15 );
	} );
} );
