/**
 * A translation reaches readers, on the route under test, and a changed translation reaches them
 * without a code deploy:
 * - extension route: MediaWiki reads the translation file like the extension's own i18n/ (the
 *   development wiki reads a test folder of translations beside it, scripts/devwiki/LocalSettings.dev.php);
 * - gadget route: `capacity-bot deploy --messages-only` publishes the translation; the messages
 *   gadget fetches it once for the reader's language and keeps it by version (no request on the
 *   next page view), and the gadgets' code pages are not edited.
 * The test translation is for a real language that i18n/ does not have yet.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Mwn } from 'mwn';
import { main } from '../../bot/cli';
import { loadMessageFiles } from '../../bot/i18n';
import { repoRoot } from '../../scripts/lib/paths';
import { botEnv, testRoute, testWiki } from '../support/wiki';
import { launchBrowser } from './support/browser';
import { botFor } from './support/pages';

const LANGUAGE = [ 'de', 'nl', 'sv', 'da', 'fi' ].find( ( code ) => !fs.existsSync( path.join( repoRoot, 'i18n', `${ code }.json` ) ) ) as string;
const PAGE = 'Capacity building/Coaches';
/** Shown by the coach directory (JavaScript), and by the page's wikitext (the templates' route). */
const SCRIPT_KEY = 'capacitybuilding-directory-search-label';
const PAGE_KEY = 'capacitybuilding-page-coaches-intro';

describe( 'a translation on the development wiki', () => {
	const wiki = testWiki();
	const gadgets = testRoute() === 'gadgets';
	const folder = path.join( wiki.stateDir, 'test-i18n' );
	let browser: Browser;
	let bot: Mwn;
	let version = 0;

	/** Publishes the test translation the way the route does. */
	async function translate( texts: Record<string, string> | null ): Promise<void> {
		if ( gadgets ) {
			const files = loadMessageFiles();
			const lines: string[] = [];
			const code = await main( [ 'deploy', '--messages-only', '--json' ], {
				env: botEnv( wiki ), write: ( line ) => lines.push( line ), messageFiles: texts ? { ...files, [ LANGUAGE ]: texts } : files,
			} );
			if ( code !== 0 ) {
				throw new Error( lines.join( '\n' ) );
			}
			return;
		}
		const file = path.join( folder, `${ LANGUAGE }.json` );
		if ( texts ) {
			fs.mkdirSync( folder, { recursive: true } );
			fs.writeFileSync( file, JSON.stringify( texts ) );
			// MediaWiki notices a changed file by its time, to the second.
			const later = new Date( Date.now() + 2000 * ++version );
			fs.utimesSync( file, later, later );
		} else {
			fs.rmSync( file, { force: true } );
		}
		// Until MediaWiki has read the file again (it checks the file's time on each request).
		const expected = texts?.[ SCRIPT_KEY ] ?? loadMessageFiles().en?.[ SCRIPT_KEY ];
		for ( let attempt = 0; attempt < 60; attempt++ ) {
			const response = await bot.request( { action: 'query', meta: 'allmessages', ammessages: SCRIPT_KEY, amlang: LANGUAGE } );
			if ( ( response.query?.allmessages as { content?: string }[] )?.[ 0 ]?.content === expected ) {
				return;
			}
			await new Promise( ( resolve ) => {
				setTimeout( resolve, 500 );
			} );
		}
		throw new Error( `MediaWiki did not take up ${ file }` );
	}

	/** Opens the page in a fresh browser (nothing cached) as a reader whose language is LANGUAGE. */
	async function read( existing?: Page ): Promise<{ page: Page; searchLabel: string; intro: string; fetches: number }> {
		// The page's wikitext is rendered once per language and kept: render it again. MediaWiki
		// compares a purge with the kept rendering to the second, so let the last second pass.
		await new Promise( ( resolve ) => {
			setTimeout( resolve, 1100 );
		} );
		await bot.request( { action: 'purge', titles: PAGE } );
		const page = existing ?? await ( await browser.newContext() ).newPage();
		let fetches = 0;
		page.on( 'request', ( request ) => {
			if ( decodeURIComponent( request.url() ).includes( `Gadget-capacityBuilding-i18n-${ LANGUAGE }.json` ) ) {
				fetches++;
			}
		} );
		await page.goto( wiki.pageUrl( PAGE, { uselang: LANGUAGE } ) );
		const label = page.locator( '.ext-capacitybuilding-directory label' ).first();
		await label.waitFor();
		return {
			page, fetches, searchLabel: await label.innerText(),
			intro: await page.locator( '#mw-content-text p' ).first().innerText(),
		};
	}

	beforeAll( async () => {
		[ browser, bot ] = await Promise.all( [ launchBrowser(), botFor( wiki ) ] );
	} );

	afterAll( async () => {
		await translate( null );
		if ( gadgets ) {
			// Deploy publishes the translations i18n/ has and never deletes: remove the test's pages.
			for ( const title of [ `MediaWiki:Capacitybuilding-page-coaches-intro/${ LANGUAGE }`, `MediaWiki:Gadget-capacityBuilding-i18n-${ LANGUAGE }.json` ] ) {
				await bot.delete( title, 'End-to-end test: remove the test translation' ).catch( () => undefined );
			}
		}
		await browser?.close();
	} );

	it( 'shows a reader the translation of their language, and a changed one without a code deploy', async () => {
		const codePages = async (): Promise<unknown> => ( await bot.request( {
			action: 'query', list: 'allpages', apnamespace: 8, apprefix: 'Gadget-capacityBuilding-', aplimit: 'max',
		} ) ).query?.allpages;
		const codeRevisions = async (): Promise<Record<string, number>> => {
			const titles = ( await codePages() as { title: string }[] ).map( ( p ) => p.title ).filter( ( t ) => /\.(js|css)$/.test( t ) );
			const response = titles.length ? await bot.request( { action: 'query', titles, prop: 'info' } ) : {};
			return Object.fromEntries( ( response.query?.pages as { title: string; lastrevid: number }[] | undefined ?? [] )
				.map( ( p ) => [ p.title, p.lastrevid ] ) );
		};
		const code = await codeRevisions();

		await translate( { [ SCRIPT_KEY ]: 'Trainer suchen (Test 1)', [ PAGE_KEY ]: 'Einleitung (Test 1), siehe [[$1|Liste]].' } );
		const first = await read();
		expect( first.searchLabel ).toBe( 'Trainer suchen (Test 1)' );
		expect( first.intro ).toBe( 'Einleitung (Test 1), siehe Liste.' );
		// As gadgets, fetched once; the next page view takes it from the browser's storage.
		expect( first.fetches ).toBe( gadgets ? 1 : 0 );
		const again = await read( first.page );
		expect( again.searchLabel ).toBe( 'Trainer suchen (Test 1)' );
		expect( again.fetches ).toBe( 0 );
		await first.page.context().close();

		await translate( { [ SCRIPT_KEY ]: 'Trainer suchen (Test 2)', [ PAGE_KEY ]: 'Einleitung (Test 2), siehe [[$1|Liste]].' } );
		const second = await read();
		expect( second.searchLabel ).toBe( 'Trainer suchen (Test 2)' );
		expect( second.intro ).toBe( 'Einleitung (Test 2), siehe Liste.' );
		await second.page.context().close();
		// No code page was edited (on the extension route there are none).
		expect( await codeRevisions() ).toEqual( code );

		// Without the translation, English again.
		await translate( null );
		const english = await read();
		expect( english.searchLabel ).toBe( loadMessageFiles().en?.[ SCRIPT_KEY ] );
		await english.page.context().close();
	} );
} );
