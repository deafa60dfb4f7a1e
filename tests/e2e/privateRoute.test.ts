/**
 * "Talk to someone privately" (`{{Capacity private route}}`, next to the request form) in Debian's
 * Chromium on the development wiki, whose e-mail goes into a local folder: a message to a role
 * account arrives there exactly once (recipient, reply address, text) and leaves no trace in the
 * wiki's database, in the browser's storage or, after a sync, in the bot's store; an address opens
 * as a prefilled mailto: link; an account that cannot receive e-mail is reported and offers nothing;
 * the dialog works right to left on a phone with no serious or critical axe violation. And a request
 * put on hold while such a matter is handled shows only a neutral reason.
 */
/* eslint jest/no-standalone-expect: [ "error", { "additionalTestBlockFunctions": [ "itOnOneRoute" ] } ] */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Mwn } from 'mwn';
import en from '../../i18n/en.json';
import { CONFIG_PAGE, defaultConfigJson } from '../../modules/core/config';
import { REQUEST_SCHEMA } from '../../modules/core/model';
import { mailtoUrl } from '../../modules/privateRoute/send';
import { parsePage } from '../../modules/core/wikitext/codec';
import type { SentMail } from '../../scripts/lib/devwiki';
import { runBot, syncAndPublish } from '../support/bot';
import { testWiki } from '../support/wiki';
import { launchBrowser } from './support/browser';
import { layoutProblems, VIEWPORTS } from './support/layout';
import { botFor } from './support/pages';
import { BASE, PASSWORD, browseAs, openRequest, pageText, request, runId, saveHub, saveRequest } from './support/requestPages';
import { itOnOneRoute } from './support/routes';

jest.setTimeout( 300_000 );

describe( 'the private route, on the development wiki', () => {
	const wiki = testWiki();
	const id = runId();
	const people = {
		sender: `Psender ${ id }`,
		conduct: `Pconduct ${ id }`,
		unreachable: `Pnomail ${ id }`,
		hubContact: `Phub ${ id }`,
	};
	const address = { sender: `sender-${ id }@example.org`, conduct: `conduct-${ id }@example.org`, conflict: `facilitation-${ id }@example.org` };
	const title = `${ BASE }/Private route ${ id }`;
	const contexts: BrowserContext[] = [];
	let browser: Browser;
	let bot: Mwn;
	let originalConfig = '';
	/** The unique phrase of the message the first test sends ('' until it did). */
	let sentPhrase = '';

	/** The form page with the dialog open, as `user`, in `lang`. */
	async function openDialog( user: string | null, query: Record<string, string> = {} ): Promise<Page> {
		const context = await browseAs( browser, wiki, user );
		contexts.push( context );
		const page = await context.newPage();
		await page.goto( wiki.pageUrl( title, query ) );
		await page.locator( '.ext-capacitybuilding-private__open' ).click();
		await page.locator( '.ext-capacitybuilding-private__dialog' ).waitFor();
		return page;
	}

	async function choose( page: Page, category: string ): Promise<void> {
		await page.locator( `.ext-capacitybuilding-private__choice [data-category="${ category }"] input` ).check();
		await page.locator( '.ext-capacitybuilding-private__reader' ).waitFor();
		await page.locator( '.ext-capacitybuilding-private__checking' ).waitFor( { state: 'detached' } );
	}

	async function type( page: Page, subject: string, text: string ): Promise<void> {
		await page.locator( '.ext-capacitybuilding-private__subject input' ).fill( subject );
		await page.locator( '.ext-capacitybuilding-private__text textarea' ).fill( text );
	}

	/** Every file of a folder (a database and its journal files) that contains `phrase`. */
	function filesContaining( dir: string, phrase: string ): string[] {
		const needle = Buffer.from( phrase, 'utf8' );
		return fs.readdirSync( dir, { recursive: true, encoding: 'utf8' } )
			.map( ( name ) => path.join( dir, name ) )
			.filter( ( file ) => fs.statSync( file ).isFile() && fs.readFileSync( file ).includes( needle ) );
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
		// The sender and the role account have confirmed addresses; the unreachable account has none.
		wiki.setEmail( people.sender, address.sender );
		wiki.setEmail( people.conduct, address.conduct );
		originalConfig = await pageText( bot, CONFIG_PAGE );
		const config = JSON.parse( originalConfig || defaultConfigJson() ) as Record<string, unknown>;
		delete config.privateContacts;
		await bot.save( CONFIG_PAGE, JSON.stringify( { ...config, privateRoutes: [
			{ category: 'conflict', email: address.conflict },
			{ category: 'conduct', user: people.conduct },
			{ category: 'emergency', user: people.unreachable },
		] }, null, '\t' ) + '\n', 'End-to-end test configuration' );
		await bot.save( title, '{{Capacity request form}}', 'End-to-end test page' );
	} );

	afterAll( async () => {
		for ( const context of contexts ) {
			await context.close();
		}
		await browser?.close();
		if ( bot && originalConfig ) {
			await bot.save( CONFIG_PAGE, originalConfig, 'End-to-end test: configuration restored' );
		}
	} );

	it( 'sends exactly one e-mail to the role account, saying first who reads it and what they see', async () => {
		const page = await openDialog( people.sender );
		// Next to the request form, before it.
		expect( await page.locator( '.ext-capacitybuilding-private-route + [data-capacitybuilding-feature="requestForm"]' ).count() ).toBe( 1 );
		expect( await page.locator( '.ext-capacitybuilding-private__choice [data-category]' ).evaluateAll(
			( items ) => items.map( ( item ) => item.getAttribute( 'data-category' ) ) ) ).toEqual( [ 'conflict', 'conduct', 'emergency' ] );
		await choose( page, 'conduct' );
		const reader = await page.locator( '.ext-capacitybuilding-private__reader' ).innerText();
		expect( reader ).toContain( en[ 'capacitybuilding-private-conduct-reader' ].replace( '$1', people.conduct ) );
		expect( reader ).toContain( en[ 'capacitybuilding-privateroute-visible-account' ].replace( '$1', people.conduct ) );
		sentPhrase = `quiet-heron-${ id }`;
		await type( page, `A conduct matter ${ id }`, `Something happened at our meetup. Phrase: ${ sentPhrase }` );
		const before = wiki.sentMail().length;
		await page.locator( '.ext-capacitybuilding-private__dialog .cdx-dialog__footer__primary-action' ).click();
		await page.locator( '.ext-capacitybuilding-private__sent' ).waitFor();
		expect( await page.locator( '.ext-capacitybuilding-private__sent' ).innerText() ).toContain( people.conduct );
		const mails = wiki.sentMail().filter( ( sent ) => JSON.stringify( sent.body ).includes( sentPhrase ) );
		expect( mails ).toHaveLength( 1 );
		expect( wiki.sentMail() ).toHaveLength( before + 1 );
		const mail = mails[ 0 ] as SentMail;
		expect( mail.to.map( ( to ) => to.address ) ).toEqual( [ address.conduct ] );
		expect( mail.subject ).toBe( `A conduct matter ${ id }` );
		// The person's address is what the role account sees and replies to.
		expect( mail.headers[ 'Reply-To' ] ).toContain( address.sender );
		expect( mail.headers[ 'Reply-To' ] ).toContain( people.sender );
		// Nothing of it stays in the browser: no draft, nothing in any storage.
		const stored = await page.evaluate( () => JSON.stringify( [ { ...localStorage }, { ...sessionStorage } ] ) );
		expect( stored ).not.toContain( sentPhrase );
		expect( await page.locator( '.ext-capacitybuilding-private__text textarea' ).inputValue() ).toBe( '' );
	} );

	itOnOneRoute( 'leaves no trace of the message in the wiki\'s database or, after a sync, in the bot\'s store', async () => {
		expect( sentPhrase ).not.toBe( '' );
		// The phrase is in the mail folder (so the search below can find it) and nowhere else.
		expect( filesContaining( wiki.mailDir, sentPhrase ) ).toHaveLength( 1 );
		expect( filesContaining( path.join( wiki.stateDir, 'db' ), sentPhrase ) ).toEqual( [] );
		const dir = fs.mkdtempSync( path.join( os.tmpdir(), 'capacity-private-' ) );
		try {
			await syncAndPublish( BASE, path.join( dir, 'store.sqlite' ) );
			expect( fs.readdirSync( dir ).length ).toBeGreaterThan( 0 );
			expect( filesContaining( dir, sentPhrase ) ).toEqual( [] );
			// The published indexes are pages too: the database again, after publishing.
			expect( filesContaining( path.join( wiki.stateDir, 'db' ), sentPhrase ) ).toEqual( [] );
		} finally {
			fs.rmSync( dir, { recursive: true, force: true } );
		}
	} );

	it( 'opens an address as a prefilled mailto: link, and sends nothing itself', async () => {
		const page = await openDialog( null );
		await choose( page, 'conflict' );
		expect( await page.locator( '.ext-capacitybuilding-private__reader' ).innerText() )
			.toContain( en[ 'capacitybuilding-privateroute-visible-mailto' ].replace( '$1', address.conflict ) );
		const subject = 'Our chapter & the board: a conflict?';
		const text = `Two of us disagree.\nCan someone help? ${ id }`;
		await type( page, subject, text );
		const link = page.locator( '.ext-capacitybuilding-private__mailto' );
		expect( await link.getAttribute( 'href' ) ).toBe( mailtoUrl( address.conflict, subject, text ) );
		expect( await link.getAttribute( 'href' ) ).toBe( `mailto:${ address.conflict }?subject=Our%20chapter%20%26%20the%20board%3A%20a%20conflict%3F&body=Two%20of%20us%20disagree.%0D%0ACan%20someone%20help%3F%20${ id }` );
		// Writing to an address is the person's own e-mail program's job: no send button here.
		expect( await page.locator( '.cdx-dialog__footer__primary-action' ).count() ).toBe( 0 );
	} );

	it( 'says clearly when a role account cannot receive e-mail, and offers nothing to send', async () => {
		const page = await openDialog( people.sender );
		await choose( page, 'emergency' );
		expect( await page.locator( '.ext-capacitybuilding-private__blocker' ).innerText() )
			.toBe( en[ 'capacitybuilding-privateroute-not-emailable' ].replace( '$1', people.unreachable ) );
		expect( await page.locator( '.ext-capacitybuilding-private__text' ).count() ).toBe( 0 );
		expect( await page.locator( '.cdx-dialog__footer__primary-action' ).count() ).toBe( 0 );
		// Someone logged out is told to log in before writing through the wiki.
		const anonymous = await openDialog( null );
		await choose( anonymous, 'conduct' );
		expect( await anonymous.locator( '.ext-capacitybuilding-private__blocker' ).innerText() )
			.toBe( en[ 'capacitybuilding-privateroute-login' ].replace( '$1', people.conduct ) );
	} );

	it( 'lays the dialog out right to left on a phone, with no serious or critical accessibility violation', async () => {
		const page = await openDialog( people.sender, { uselang: 'he' } );
		await page.setViewportSize( VIEWPORTS.phone );
		await choose( page, 'conduct' );
		expect( await layoutProblems( page, '.ext-capacitybuilding-private', { lang: 'he', dir: 'rtl' } ) ).toEqual( [] );
		const results = await new AxeBuilder( { page } ).include( '.ext-capacitybuilding-private__dialog' ).analyze();
		expect( results.violations.filter( ( v ) => v.impact === 'serious' || v.impact === 'critical' )
			.map( ( v ) => `${ v.id }: ${ v.nodes.map( ( n ) => n.target.join( ' ' ) ).join( ', ' ) }` ) ).toEqual( [] );
	} );

	itOnOneRoute( 'puts a request on hold with a neutral reason that says nothing more, also without JavaScript', async () => {
		const hub = `Private hub ${ id }`;
		await saveHub( bot, hub, [ people.hubContact ] );
		const requestTitle = await saveRequest( bot, request( { requester: people.sender, hub, status: 'triaged' } ) );
		// The page offers actions on what the bot accepted and published.
		const store = fs.mkdtempSync( path.join( os.tmpdir(), 'capacity-private-hold-' ) );
		await syncAndPublish( BASE, path.join( store, 'store.sqlite' ) );
		fs.rmSync( store, { recursive: true, force: true } );
		const context = await browseAs( browser, wiki, people.hubContact );
		contexts.push( context );
		const page = await openRequest( context, wiki, requestTitle );
		await page.locator( '.ext-capacitybuilding-request-actions [data-action="hold"]' ).click();
		const dialog = page.locator( '.ext-capacitybuilding-request-actions__confirm' );
		await dialog.locator( '.ext-capacitybuilding-request-actions__hold-reason .cdx-select-vue__handle' ).click();
		await dialog.getByRole( 'option', { name: en[ 'capacitybuilding-hold-reason-paused' ], exact: true } ).click();
		await dialog.locator( '.cdx-dialog__footer__primary-action' ).click();
		await page.locator( '.ext-capacitybuilding-request-page__fact[data-fact="holdReason"]' ).waitFor();
		expect( await page.locator( '.ext-capacitybuilding-request-page__fact[data-fact="holdReason"] dd' ).innerText() )
			.toBe( en[ 'capacitybuilding-hold-reason-paused' ] );
		const saved = parsePage( await pageText( bot, requestTitle ), REQUEST_SCHEMA ).parsed?.record;
		expect( saved ).toMatchObject( { status: 'on-hold', holdReason: 'paused' } );
		// Without JavaScript, the template shows the same neutral label next to the status.
		const parsed = await bot.request( { action: 'parse', page: requestTitle, prop: 'text', formatversion: 2 } );
		expect( parsed.parse?.text ).toContain( `<span class="ext-capacitybuilding-record__hold-reason">${ en[ 'capacitybuilding-hold-reason-paused' ] }</span>` );
	} );
} );
