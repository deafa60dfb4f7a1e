/**
 * `npm run bench -- directory-browser`: the coach directory in Debian's Chromium on the development
 * wiki, with 1,000 and 5,000 coaches (`--sizes 1000,5000` to choose): keystroke to paint (median
 * and p95, against the one-frame budget of 16 ms) and time to interactive on a warm cache.
 *
 * Seeding, for each size, under a base page of its own (`CB directory bench <N> <id>`, so the
 * default base and the tests never see these coaches): the profile pages by MediaWiki's importDump
 * (fast), the topics page, and the bot's indexes written by `capacity-bot publish` from a store
 * filled with the same profiles (the bot's own publishing, whatever index format it writes). The
 * browser is pointed at that base by rewriting the configuration page's `basePage` in the API
 * response as it arrives (the request itself goes to the wiki; everything else is unchanged, the
 * browser's caches included).
 *
 * Keystroke to paint: from the keydown event's timestamp (the input event's, for text entered
 * without a key of its own) to the first task after the next frame
 * (a message posted from requestAnimationFrame runs once that frame has been painted), for every
 * key typed and deleted in a few searches, one key every 150 ms.
 *
 * Main-thread CPU per keystroke: the page's main thread's own CPU time (from a Chromium trace)
 * between the keydown and that paint; unlike wall time, it leaves out waiting for a CPU, so it
 * stays meaningful on a busy machine.
 *
 * Time to interactive (warm cache: the third visit, modules from the browser's caches): from
 * navigation start until the list of cards has been painted and no task longer than 50 ms has run
 * after it; also printed: when the first cards were painted.
 *
 * `--base '<page>'` measures a base an earlier run seeded again, without seeding it.
 *
 * Wall-clock figures on a machine shared with other work include waiting for a CPU; the load
 * average is printed with them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import defaultTopics from '../../wiki/pages/Topics.json';
import { main as bot } from '../../bot/cli';
import { Store, type PageUpdate } from '../../bot/store';
import { CONFIG_PAGE } from '../../modules/core/config';
import type { IndexedCoach } from '../../modules/core/indexes';
import { COACH_SCHEMA } from '../../modules/core/model';
import { sitePages } from '../../modules/core/pages';
import { serialize } from '../../modules/core/wikitext/codec';
import { launchBrowser } from '../../tests/e2e/support/browser';
import { sampleCoaches, TYPED } from '../lib/benchCoaches';
import { DevWiki } from '../lib/devwiki';
import { devBotEnv, seedSamples } from '../lib/samples';

const FRAME_MS = 16;
const TTI_BUDGET_MS = 1000;
/** Between keys: more than a slow keystroke takes, so each is measured on its own. */
const KEY_DELAY_MS = 150;
const CARD = '.ext-capacitybuilding-directory__card';

function escapeXml( text: string ): string {
	return text.replace( /&/g, '&amp;' ).replace( /</g, '&lt;' ).replace( />/g, '&gt;' );
}

/** An XML dump of the profile pages (authored by the importer: only the pages' text matters here). */
function dump( coaches: readonly IndexedCoach[] ): string {
	const pages = coaches.map( ( coach ) => `<page><title>${ escapeXml( coach.page ) }</title><ns>0</ns><revision>` +
		`<timestamp>${ coach.updated }</timestamp><contributor><username>${ escapeXml( coach.user ) }</username></contributor>` +
		`<model>wikitext</model><format>text/x-wiki</format><text xml:space="preserve">${ escapeXml( serialize( COACH_SCHEMA, coach.profile ) ) }</text>` +
		'</revision></page>' );
	return `<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11" xml:lang="en">\n${ pages.join( '\n' ) }\n</mediawiki>\n`;
}

async function runBot( wiki: DevWiki, args: string[] ): Promise<{ code: number; lines: string[] }> {
	const lines: string[] = [];
	const code = await bot( args, { env: devBotEnv( wiki ), write: ( line ) => lines.push( line ) } );
	return { code, lines };
}

async function seed( wiki: DevWiki, base: string, coaches: IndexedCoach[] ): Promise<void> {
	const started = Date.now();
	const file = path.join( os.tmpdir(), `capacity-bench-directory-${ process.pid }.xml` );
	fs.writeFileSync( file, dump( coaches ) );
	try {
		wiki.php( 'importDump', '--no-updates', file );
	} finally {
		fs.rmSync( file, { force: true } );
	}
	const { Mwn } = await import( 'mwn' );
	const { api, bot: account } = wiki.credentials();
	const client = await Mwn.init( {
		apiUrl: api, username: account.username, password: account.password,
		userAgent: 'CapacityBuilding-bench (npm run bench)', silent: true, suppressAPIWarnings: true,
	} );
	await client.request( {
		action: 'edit', title: sitePages( base ).topics, text: JSON.stringify( defaultTopics ), contentmodel: 'json',
		summary: 'Benchmark: topics', token: client.csrfToken,
	} );
	await client.save( `${ base }/Directory`, '{{Capacity coach directory}}', 'Benchmark: directory page' );

	// The bot publishes its indexes from a store holding the same profiles.
	const dir = fs.mkdtempSync( path.join( os.tmpdir(), 'capacity-bench-directory-' ) );
	try {
		const db = `sqlite:${ path.join( dir, 'store.sqlite' ) }`;
		const store = await Store.open( db );
		const updates: PageUpdate[] = coaches.map( ( coach ) => ( {
			page: coach.page, action: 'coach', problems: [],
			value: {
				page: coach.page, revid: coach.revid, updated: coach.updated, user: coach.user, record: coach.profile,
			},
		} ) );
		const newest = coaches.map( ( coach ) => coach.updated ).sort().at( -1 ) ?? '';
		await store.apply( { updates, statusChanges: [], cursor: { timestamp: newest, rcid: 0 }, config: '{}', full: true, finished: new Date().toISOString() } );
		await store.close();
		const published = await runBot( wiki, [ 'publish', '--base', base, '--db', db, '--quiet' ] );
		if ( published.code !== 0 ) {
			console.log( `  capacity-bot publish ended with exit code ${ published.code }: the directory reads what the bot could publish` );
			published.lines.slice( -5 ).forEach( ( line ) => console.log( `    ${ line }` ) );
		}
	} finally {
		fs.rmSync( dir, { recursive: true, force: true } );
	}
	console.log( `  seeded ${ coaches.length } profile pages and the bot's indexes under [[${ base }]] in ${ ( ( Date.now() - started ) / 1000 ).toFixed( 1 ) } s` );
}

/** Runs in the page before its scripts: records the first painted cards, long tasks and keystrokes. */
const INSTRUMENT = `( () => {
	const bench = window.capacityBench = { listPainted: null, longTaskEnds: [], keystrokes: [] };
	const afterPaint = ( done ) => requestAnimationFrame( () => {
		const channel = new MessageChannel();
		channel.port1.onmessage = () => done( performance.now() );
		channel.port2.postMessage( null );
	} );
	new PerformanceObserver( ( list ) => {
		list.getEntries().forEach( ( entry ) => bench.longTaskEnds.push( entry.startTime + entry.duration ) );
	} ).observe( { type: 'longtask', buffered: true } );
	const observer = new MutationObserver( () => {
		if ( document.querySelector( '${ CARD }' ) ) {
			observer.disconnect();
			afterPaint( ( time ) => { bench.listPainted = time; } );
		}
	} );
	observer.observe( document, { childList: true, subtree: true } );
	let keyTime = null;
	addEventListener( 'keydown', ( event ) => {
		keyTime = event.timeStamp;
		performance.mark( 'capacity-bench-key' );
	}, true );
	addEventListener( 'input', ( event ) => {
		// Text typed without a key of its own (an accented letter entered as text) starts at its input event.
		const start = keyTime ?? event.timeStamp;
		keyTime = null;
		const text = event.target.value;
		afterPaint( ( time ) => {
			bench.keystrokes.push( { ms: time - start, text } );
			performance.mark( 'capacity-bench-painted' );
		} );
	}, true );
} )();`;

interface Figures {
	listPainted: number;
	interactive: number;
	keystrokes: number[];
	/** CPU time of the page's main thread per keystroke, ms. */
	cpu: number[];
	shown: string;
}

interface TraceEvent {
	name: string;
	ph: string;
	ts: number;
	dur?: number;
	tdur?: number;
	tid: number;
	args?: { name?: string };
}

/**
 * The page's main-thread CPU time (thread time, which leaves out waiting for a CPU) between each
 * keydown and the paint that followed it, from a Chromium trace with the marks INSTRUMENT sets.
 *
 * @param trace
 */
function cpuPerKeystroke( trace: Buffer ): number[] {
	const events = ( JSON.parse( trace.toString() ) as { traceEvents: TraceEvent[] } ).traceEvents;
	const keys = events.filter( ( e ) => e.name === 'capacity-bench-key' );
	const painted = events.filter( ( e ) => e.name === 'capacity-bench-painted' );
	const main = keys[ 0 ]?.tid;
	const tasks = events.filter( ( e ) => e.name === 'RunTask' && e.ph === 'X' && e.tid === main );
	const result: number[] = [];
	for ( const key of keys ) {
		const end = painted.find( ( mark ) => mark.ts > key.ts );
		if ( !end ) {
			continue;
		}
		const cpu = tasks.filter( ( task ) => task.ts <= end.ts && task.ts + ( task.dur ?? 0 ) >= key.ts )
			.reduce( ( sum, task ) => sum + ( task.tdur ?? 0 ), 0 );
		result.push( cpu / 1000 );
	}
	return result;
}

function percentile( values: number[], p: number ): number {
	const sorted = [ ...values ].sort( ( a, b ) => a - b );
	return sorted[ Math.min( sorted.length - 1, Math.ceil( p * sorted.length ) - 1 ) ] as number;
}

async function openDirectory( page: Page, url: string ): Promise<{ listPainted: number; interactive: number }> {
	await page.goto( url );
	await page.locator( CARD ).first().waitFor( { timeout: 600_000 } );
	await page.waitForFunction( 'window.capacityBench.listPainted !== null' );
	// Long tasks right after the first paint (data still being prepared) delay interactivity.
	await page.waitForTimeout( 2000 );
	return page.evaluate( `( () => {
		const bench = window.capacityBench;
		const after = bench.longTaskEnds.filter( ( end ) => end > bench.listPainted );
		return { listPainted: bench.listPainted, interactive: Math.max( bench.listPainted, ...after ) };
	} )()` ) as Promise<{ listPainted: number; interactive: number }>;
}

/**
 * Rewrites the configuration page's `basePage` in the API responses that read it, through the
 * DevTools protocol's Fetch domain for that one request (Playwright's own routing would switch the
 * browser's HTTP cache off, and the warm-cache figures need it).
 *
 * @param page
 * @param base
 */
async function pointAtBase( page: Page, base: string ): Promise<void> {
	const cdp = await page.context().newCDPSession( page );
	cdp.on( 'Fetch.requestPaused', ( event: { requestId: string; responseStatusCode?: number; responseHeaders?: { name: string; value: string }[] } ) => {
		( async () => {
			const { body, base64Encoded } = await cdp.send( 'Fetch.getResponseBody', { requestId: event.requestId } );
			const json = JSON.parse( base64Encoded ? Buffer.from( body, 'base64' ).toString( 'utf8' ) : body ) as
				{ query?: { pages?: { revisions?: { slots: { main: { content: string } } }[] }[] } };
			const slot = json.query?.pages?.[ 0 ]?.revisions?.[ 0 ]?.slots.main;
			if ( slot ) {
				slot.content = JSON.stringify( { ...JSON.parse( slot.content ), basePage: base } );
			}
			await cdp.send( 'Fetch.fulfillRequest', {
				requestId: event.requestId, responseCode: event.responseStatusCode ?? 200,
				responseHeaders: ( event.responseHeaders ?? [] ).filter( ( header ) => !/^content-(length|encoding)$/i.test( header.name ) ),
				body: Buffer.from( JSON.stringify( json ) ).toString( 'base64' ),
			} );
		} )().catch( ( error: unknown ) => console.error( error ) );
	} );
	await cdp.send( 'Fetch.enable', { patterns: [ {
		// The title's colon may come encoded or not.
		urlPattern: `*api.php*titles=${ CONFIG_PAGE.replace( ':', '*' ) }*`, requestStage: 'Response',
	} ] } );
}

async function measure( browser: Browser, wiki: DevWiki, base: string ): Promise<Figures> {
	const context = await browser.newContext( { viewport: { width: 1280, height: 900 } } );
	context.setDefaultTimeout( 120_000 );
	await context.addInitScript( INSTRUMENT );
	const page = await context.newPage();
	await pointAtBase( page, base );
	const url = wiki.pageUrl( `${ base }/Directory` );
	// The first visits fill the caches (the first one's module requests may differ from later
	// ones'); the third is the warm one measured.
	await openDirectory( page, url );
	await openDirectory( page, url );
	const { listPainted, interactive } = await openDirectory( page, url );
	const shown = await page.locator( '.ext-capacitybuilding-directory__status[role="status"]' ).innerText();
	const search = page.locator( '.ext-capacitybuilding-directory__search input' );
	await search.click();
	await browser.startTracing( page, { categories: [ 'blink.user_timing', 'disabled-by-default-devtools.timeline' ] } );
	for ( const text of TYPED ) {
		await page.keyboard.type( text, { delay: KEY_DELAY_MS } );
		await page.waitForTimeout( KEY_DELAY_MS );
		for ( let i = 0; i < text.length; i++ ) {
			await page.keyboard.press( 'Backspace' );
			await page.waitForTimeout( KEY_DELAY_MS );
		}
	}
	await page.waitForTimeout( 500 );
	const cpu = cpuPerKeystroke( await browser.stopTracing() );
	const keystrokes = await page.evaluate( 'window.capacityBench.keystrokes' ) as { ms: number; text: string }[];
	const slowest = [ ...keystrokes ].sort( ( a, b ) => b.ms - a.ms ).slice( 0, 3 );
	console.log( `  slowest keystrokes: ${ slowest.map( ( k ) => `"${ k.text }" ${ k.ms.toFixed( 0 ) } ms` ).join( ', ' ) }` );
	await context.close();
	return { listPainted, interactive, keystrokes: keystrokes.map( ( k ) => k.ms ), cpu, shown };
}

export async function bench( args: string[] ): Promise<void> {
	const sizesArg = args.indexOf( '--sizes' );
	const sizes = sizesArg >= 0 ? ( args[ sizesArg + 1 ] ?? '' ).split( ',' ).map( Number ).filter( ( x ) => x > 0 ) : [ 1000, 5000 ];
	const wiki = new DevWiki();
	const started = await wiki.start();
	let browser: Browser | null = null;
	try {
		await seedSamples( wiki );
		browser = await launchBrowser();
		const run = Date.now().toString( 36 );
		const rows: string[] = [];
		// `--base <page>`: measure a base seeded by an earlier run again, without seeding.
		const baseArg = args.indexOf( '--base' );
		const reused = baseArg >= 0 ? args[ baseArg + 1 ] ?? '' : '';
		for ( const n of reused ? [ Number( /bench (\d+)/.exec( reused )?.[ 1 ] ?? 0 ) ] : sizes ) {
			const base = reused || `CB directory bench ${ n } ${ run }`;
			console.log( `\n${ n } coaches` );
			if ( !reused ) {
				await seed( wiki, base, sampleCoaches( n, base ) );
			}
			const figures = await measure( browser, wiki, base );
			const median = percentile( figures.keystrokes, 0.5 );
			const p95 = percentile( figures.keystrokes, 0.95 );
			const verdict = ( ms: number, budget: number ): string => ms <= budget ? 'within' : 'OVER';
			console.log( `  directory says: ${ figures.shown.replace( /\s+/g, ' ' ).trim() }` );
			console.log( `  keystroke to paint (${ figures.keystrokes.length } keystrokes): median ${ median.toFixed( 1 ) } ms (${ verdict( median, FRAME_MS ) } the ${ FRAME_MS } ms budget), ` +
				`p95 ${ p95.toFixed( 1 ) } ms (${ verdict( p95, FRAME_MS ) }), worst ${ Math.max( ...figures.keystrokes ).toFixed( 1 ) } ms` );
			const cpuMedian = percentile( figures.cpu, 0.5 );
			const cpuP95 = percentile( figures.cpu, 0.95 );
			console.log( `  main-thread CPU per keystroke: median ${ cpuMedian.toFixed( 1 ) } ms, p95 ${ cpuP95.toFixed( 1 ) } ms (${ verdict( cpuP95, FRAME_MS ) } the budget)` );
			console.log( `  time to interactive, warm cache: ${ figures.interactive.toFixed( 0 ) } ms (${ verdict( figures.interactive, TTI_BUDGET_MS ) } the ${ TTI_BUDGET_MS } ms budget); ` +
				`first cards painted at ${ figures.listPainted.toFixed( 0 ) } ms` );
			rows.push( `  ${ String( n ).padStart( 5 ) } coaches: keystroke to paint median ${ median.toFixed( 1 ) } ms, p95 ${ p95.toFixed( 1 ) } ms (budget ${ FRAME_MS } ms); ` +
				`main-thread CPU median ${ cpuMedian.toFixed( 1 ) } ms, p95 ${ cpuP95.toFixed( 1 ) } ms; ` +
				`time to interactive ${ figures.interactive.toFixed( 0 ) } ms (budget ${ TTI_BUDGET_MS } ms)` );
		}
		const load = os.loadavg()[ 0 ] as number;
		console.log( `\nSummary (Chromium ${ browser.version() }, load average ${ load.toFixed( 1 ) } on ${ os.cpus().length } CPUs):` );
		rows.forEach( ( row ) => console.log( row ) );
		if ( load > os.cpus().length ) {
			console.log( 'The machine is busier than it has CPUs: wall-clock figures include waiting for a CPU.' );
		}
	} finally {
		await browser?.close();
		if ( started ) {
			await wiki.stop();
		}
	}
}
