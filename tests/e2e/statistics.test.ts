/**
 * The statistics charts (`{{Capacity statistics}}` at the top of `<base>/Statistics`, which the
 * bot publishes) in Debian's Chromium on the development wiki, after the bot has synced and
 * published requests of a hub of this run: every chart has a title, an SVG screen readers announce
 * by its title and description, and a data table whose figures are the JSON's; the period and hub
 * filters change what is shown; right to left (the bars and the time axis mirrored) on a phone,
 * with no serious or critical axe violation.
 */
/* eslint jest/no-standalone-expect: [ "error", { "additionalTestBlockFunctions": [ "itOnOneRoute" ] } ] */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Mwn } from 'mwn';
import type { StatisticsIndex } from '../../modules/core/indexes';
import { sitePages } from '../../modules/core/pages';
import type { StatisticsView } from '../../modules/core/statisticsCharts';
import { runBot, syncAndPublish } from '../support/bot';
import { testWiki } from '../support/wiki';
import { launchBrowser } from './support/browser';
import { layoutProblems, VIEWPORTS } from './support/layout';
import { botFor } from './support/pages';
import { BASE, request, runId, saveHub, saveRequest } from './support/requestPages';
import { itOnOneRoute } from './support/routes';

const ROOT = '.ext-capacitybuilding-statistics';
const CHART = '.ext-capacitybuilding-statistics__chart';

describe( 'the statistics charts, on the development wiki', () => {
	const wiki = testWiki();
	const id = runId();
	const hub = `Hub Stats ${ id }`;
	const contexts: BrowserContext[] = [];
	let browser: Browser;
	let bot: Mwn;
	let dir: string;
	let stats: StatisticsIndex;

	async function open( query: Record<string, string> = {} ): Promise<Page> {
		const context = await browser.newContext();
		context.setDefaultTimeout( 90_000 );
		contexts.push( context );
		const page = await context.newPage();
		await page.goto( wiki.pageUrl( sitePages( BASE ).statistics, query ) );
		await page.locator( `${ CHART }[data-chart="status"]` ).waitFor();
		return page;
	}

	async function choose( page: Page, filter: string, label: string ): Promise<void> {
		const field = page.locator( `.ext-capacitybuilding-statistics__filter[data-filter="${ filter }"]` );
		await field.locator( '.cdx-select-vue__handle' ).click();
		await field.getByRole( 'option', { name: label, exact: true } ).click();
	}

	function view( period: string, hubKey: string | null ): StatisticsView {
		const found = stats.charts?.views.find( ( v ) => v.period === period && v.hub === hubKey );
		if ( !found ) {
			throw new Error( `Statistics.json has no view ${ period } / ${ hubKey }` );
		}
		return found;
	}

	/** Each chart's table as its rows of cells (the label cell first). */
	async function tables( page: Page ): Promise<Record<string, string[][]>> {
		return page.locator( CHART ).evaluateAll( ( charts ) => Object.fromEntries( charts.map( ( chart ) => [
			chart.getAttribute( 'data-chart' ) ?? '',
			Array.from( chart.querySelectorAll( 'tbody tr' ) ).map( ( row ) => Array.from( row.children ).map( ( cell ) => ( cell.textContent ?? '' ).trim() ) ),
		] ) ) );
	}

	/** The figures each chart's table must show for a view, in order (labels are the reader's). */
	function expected( shown: StatisticsView ): Record<string, string[][]> {
		const values = ( counts: Record<string, number> ): string[][] => Object.values( counts ).map( ( v ) => [ String( v ) ] );
		const statuses = Object.keys( shown.byStatus );
		return {
			// Month, status, count: the statuses a month has, in the model's order.
			months: shown.byMonth.flatMap( ( m ) => statuses.filter( ( s ) => ( m.byStatus[ s ] ?? 0 ) > 0 )
				.map( ( s ) => [ m.month, String( m.byStatus[ s ] ) ] ) ),
			status: values( shown.byStatus ), region: values( shown.byRegion ), hub: values( shown.byHub ),
			topic: values( shown.byTopic ), language: values( shown.byLanguage ),
			match: shown.daysToMatch.buckets.map( ( b ) => [ String( b ) ] ),
		};
	}

	async function expectTables( page: Page, shown: StatisticsView ): Promise<void> {
		const found = await tables( page );
		for ( const [ chart, rows ] of Object.entries( expected( shown ) ) ) {
			// Labels are the reader's: compared are the month and the figures.
			const cells = ( found[ chart ] ?? [] ).map( ( row ) => ( chart === 'months' ? [ row[ 0 ] ?? '', row[ 2 ] ?? '' ] : row.slice( 1 ) ) );
			expect( { chart, cells } ).toEqual( { chart, cells: rows } );
		}
	}

	beforeAll( async () => {
		[ browser, bot ] = await Promise.all( [ launchBrowser(), botFor( wiki ) ] );
		const setup = await runBot( [ 'setup', '--json' ] );
		if ( setup.code !== 0 && setup.code !== 5 ) {
			throw new Error( `capacity-bot setup failed:\n${ setup.lines.join( '\n' ) }` );
		}
		await saveHub( bot, hub, [ `Hubcontact ${ id }` ] );
		for ( const [ created, region ] of [ [ '2026-07-15T10:00:00Z', 'SSA' ], [ '2026-08-20T10:00:00Z', 'LAC' ], [ '2026-11-02T10:00:00Z', 'LAC' ] ] as const ) {
			await saveRequest( bot, request( { requester: `Requester ${ id }`, hub, created, region, topics: [ 'governance', 'outreach' ] } ) );
		}
		dir = fs.mkdtempSync( path.join( os.tmpdir(), 'capacity-e2e-statistics-' ) );
		await syncAndPublish( BASE, path.join( dir, 'store.sqlite' ) );
		stats = JSON.parse( ( await bot.read( sitePages( BASE ).statisticsJson ) ).revisions?.[ 0 ]?.content ?? '{}' ) as StatisticsIndex;
	} );

	afterAll( async () => {
		for ( const context of contexts ) {
			await context.close();
		}
		await browser?.close();
		fs.rmSync( dir, { recursive: true, force: true } );
	} );

	it( 'draws every chart with a title, an accessible SVG and a table of the JSON\'s figures', async () => {
		const page = await open();
		const ids = await page.locator( CHART ).evaluateAll( ( charts ) => charts.map( ( c ) => c.getAttribute( 'data-chart' ) ) );
		expect( ids ).toEqual( [ 'months', 'status', 'region', 'hub', 'topic', 'language', 'match',
			...( stats.charts?.questions ?? [] ).map( ( q ) => `feedback-${ q.key }` ) ] );
		const problems = await page.locator( CHART ).evaluateAll( ( charts ) => charts.flatMap( ( chart ) => {
			const name = chart.getAttribute( 'data-chart' );
			const issues: string[] = [];
			const title = chart.querySelector( 'h3' );
			if ( !title?.textContent?.trim() || chart.getAttribute( 'aria-labelledby' ) !== title.id ) {
				issues.push( `${ name }: no title naming the chart` );
			}
			const svg = chart.querySelector( 'svg' );
			const description = chart.querySelector( '.ext-capacitybuilding-statistics__description' );
			if ( !description?.textContent?.trim() ) {
				issues.push( `${ name }: no description` );
			}
			if ( svg ) {
				const named = ( svg.getAttribute( 'aria-labelledby' ) ?? '' ).split( ' ' );
				if ( svg.getAttribute( 'role' ) !== 'img' || !named.includes( title?.id ?? '-' ) || !named.includes( description?.id ?? '-' ) ) {
					issues.push( `${ name }: the SVG is not an image named by its title and description` );
				}
				if ( !chart.querySelector( 'table caption' ) || !chart.querySelectorAll( 'table th[scope="col"]' ).length ) {
					issues.push( `${ name }: no data table with caption and column headers` );
				}
			} else if ( !name?.startsWith( 'feedback-' ) ) {
				issues.push( `${ name }: no chart drawn` );
			}
			return issues;
		} ) );
		expect( problems ).toEqual( [] );
		const all = view( 'all', null );
		expect( await page.locator( '.ext-capacitybuilding-statistics__received' ).innerText() ).toContain( String( all.received ) );
		await expectTables( page, all );
		// Each bar is as long as its value allows: the largest count has the longest bar.
		const widths = await page.locator( `${ CHART }[data-chart="status"] rect` ).evaluateAll( ( rects ) => rects.map( ( r ) => Number( r.getAttribute( 'width' ) ) ) );
		const counts = Object.values( all.byStatus );
		expect( widths.indexOf( Math.max( ...widths ) ) ).toBe( counts.indexOf( Math.max( ...counts ) ) );
		// The table opens from its accordion.
		await page.locator( `${ CHART }[data-chart="status"] summary` ).click();
		await expect( page.locator( `${ CHART }[data-chart="status"] table` ).isVisible() ).resolves.toBe( true );
	} );

	it( 'shows what the period and hub filters choose', async () => {
		const page = await open();
		await choose( page, 'hub', hub );
		const mine = view( 'all', hub );
		expect( mine.received ).toBe( 3 );
		await page.locator( '.ext-capacitybuilding-statistics__received' ).filter( { hasText: '3 requests' } ).waitFor();
		await expectTables( page, mine );
		expect( ( await tables( page ) ).months ).toEqual( [ [ '2026-07', 'Open', '1' ], [ '2026-08', 'Open', '1' ], [ '2026-11', 'Open', '1' ] ] );
		await choose( page, 'period', '2026-Q3' );
		await page.locator( '.ext-capacitybuilding-statistics__received' ).filter( { hasText: '2 requests' } ).waitFor();
		await expectTables( page, view( '2026-Q3', hub ) );
		expect( ( await tables( page ) ).region?.filter( ( row ) => row[ 1 ] !== '0' ) ).toEqual( [
			[ 'Sub-Saharan Africa', '1' ], [ 'Latin America and the Caribbean', '1' ] ] );
	} );

	itOnOneRoute( 'fits a 360 px screen left to right', async () => {
		const page = await open();
		await page.setViewportSize( VIEWPORTS.phone );
		await page.waitForFunction( ( selector ) => Number( document.querySelector( `${ selector } svg` )?.getAttribute( 'width' ) ) <= 360, CHART );
		expect( await layoutProblems( page, ROOT, { lang: 'en', dir: 'ltr' } ) ).toEqual( [] );
	} );

	it.each( [ 'ar', 'he' ] )( 'is mirrored right to left in %s on a phone, with no serious or critical accessibility violation', async ( lang ) => {
		const page = await open( { uselang: lang } );
		await page.setViewportSize( VIEWPORTS.phone );
		await page.waitForFunction( ( selector ) => Number( document.querySelector( `${ selector } svg` )?.getAttribute( 'width' ) ) <= 360, CHART );
		expect( await layoutProblems( page, ROOT, { lang, dir: 'rtl' } ) ).toEqual( [] );
		// Labels on the right of their bars; the oldest month on the right.
		const mirrored = await page.evaluate( ( selector ) => {
			const bar = document.querySelector( `${ selector }[data-chart="status"] g` );
			const label = Number( bar?.querySelector( 'text' )?.getAttribute( 'x' ) );
			const rect = bar?.querySelector( 'rect' );
			const months = Array.from( document.querySelectorAll( `${ selector }[data-chart="months"] g[data-key] rect` ) )
				.map( ( r ) => Number( r.getAttribute( 'x' ) ) );
			return { labelRight: label > Number( rect?.getAttribute( 'x' ) ) + Number( rect?.getAttribute( 'width' ) ),
				oldestRight: months.length < 2 || months[ 0 ]! > months[ months.length - 1 ]! };
		}, CHART );
		expect( mirrored ).toEqual( { labelRight: true, oldestRight: true } );
		const results = await new AxeBuilder( { page } ).include( ROOT ).analyze();
		expect( results.violations.filter( ( v ) => v.impact === 'serious' || v.impact === 'critical' )
			.map( ( v ) => `${ v.id }: ${ v.nodes.map( ( n ) => n.target.join( ' ' ) ).join( ', ' ) }` ) ).toEqual( [] );
	} );
} );
