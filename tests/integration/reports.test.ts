/**
 * Self-evaluation reports on the development wiki, through the bot's own commands (setup, sync,
 * publish): a hub writes its reflection by hand on its report page, new figures come in, and the
 * bot's next publish rewrites the figures and keeps every byte of the reflection; a publish with
 * nothing new makes no edit; the figures are `computeFigures`'s; a page whose markers an editor
 * damaged, or that a long reflection made larger than the bot writes, is reported on the review
 * page and left as it is, and the other pages are still written.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readPages } from '../../bot/edits';
import { Messages } from '../../bot/i18n';
import { PAGE_LIMIT_BYTES } from '../../bot/publish/publish';
import { planReports, reportTitle } from '../../bot/publish/reports';
import { figuresBlock } from '../../bot/report/markers';
import { Store } from '../../bot/store';
import type { WikiClient } from '../../bot/wiki';
import { parsePeriod, type Period } from '../../modules/core/figures';
import { HUB_SCHEMA, REQUEST_SCHEMA, type CapacityRequest } from '../../modules/core/model';
import { sitePages } from '../../modules/core/pages';
import { serialize } from '../../modules/core/wikitext/codec';
import { botClient, runBot, type BotRun } from '../support/bot';
import { personSessions, testWiki, uniqueTitle } from '../support/wiki';

const PASSWORD = 'capacity-test-password-1';
const REQUESTER = 'Rita Reports';
const CONTACT = 'Hub Contact Reports';
const HUB = 'Reflection hub Ünï';
const QUARTER = '2026-Q3';
const START = '<!-- capacity-bot-figures-start';
const END = '<!-- capacity-bot-figures-end -->';
const base = uniqueTitle( 'CB reports' );
const en = new Messages( 'en' );
let dir: string;
let db: string;
let client: WikiClient;

const as = personSessions( PASSWORD, 'reports' );

function request( overrides: Partial<CapacityRequest> ): CapacityRequest {
	return {
		title: 'A request for the reports', requester: REQUESTER, requesterType: 'group', organisation: '',
		region: 'SSA', hub: HUB, topics: [ 'outreach' ], formats: [ 'workshop' ], languages: [ 'en', 'sw' ], lang: '', neededBy: '',
		description: 'We would like to run a first editing workshop in our town.', status: 'open', holdReason: '', coach: [], offers: [],
		created: '2026-08-01T10:00:00Z', ...overrides,
	};
}

async function bot( ...args: string[] ): Promise<BotRun> {
	const run = await runBot( [ ...args, '--json', '--db', db, '--base', base ] );
	if ( run.code !== 0 && run.code !== 5 ) {
		throw new Error( `capacity-bot ${ args[ 0 ] } failed:\n${ run.lines.join( '\n' ) }` );
	}
	return run;
}

function publishLine( run: BotRun ): Record<string, unknown> | undefined {
	return run.records.find( ( r ) => String( r.message ).startsWith( 'Publish:' ) );
}

async function text( title: string ): Promise<{ text: string; revid: number }> {
	const page = ( await readPages( client, [ title ] ) ).get( title );
	return { text: page?.text ?? '', revid: page?.revid ?? 0 };
}

/** The page without the bot's block: what people own. */
function outside( page: string ): [ string, string ] {
	return [ page.slice( 0, page.indexOf( START ) ), page.slice( page.indexOf( END ) + END.length ) ];
}

/** The report blocks the store's figures give now (the figures of `computeFigures`). */
async function expectedBlocks(): Promise<Map<string, string>> {
	const store = await Store.open( db );
	try {
		const sources = { requests: await store.requests(), history: await store.statusHistory(), hubs: await store.hubs() };
		const planned = planReports( base, sources, [ parsePeriod( QUARTER ) as Period ], en );
		return new Map( planned.map( ( r ) => [ r.title, figuresBlock( r.content ) ] ) );
	} finally {
		await store.close();
	}
}

const hubReport = reportTitle( base, QUARTER, HUB );
const programmeReport = reportTitle( base, QUARTER, null );
const reports = [ '--report-quarters', QUARTER ];

beforeAll( async () => {
	dir = fs.mkdtempSync( path.join( os.tmpdir(), 'capacity-reports-' ) );
	db = `sqlite:${ path.join( dir, 'store.sqlite' ) }`;
	const wiki = testWiki();
	wiki.ensureUser( REQUESTER, PASSWORD );
	wiki.ensureUser( CONTACT, PASSWORD );
	const setup = await runBot( [ 'setup', '--json' ] );
	if ( setup.code !== 0 && setup.code !== 5 ) {
		throw new Error( `setup failed: ${ setup.lines.join( '\n' ) }` );
	}
	client = await botClient();
	await client.mwn.save( `${ base }/Hubs/${ HUB }`, serialize( HUB_SCHEMA, {
		name: 'The reflection hub', kind: 'regional', regions: [ 'SSA' ], topics: [], languages: [ 'en' ], contacts: [ CONTACT ], noticeboard: '',
	} ), 'test' );
	const requester = await as( REQUESTER );
	await requester.save( `${ base }/Requests/R1`, serialize( REQUEST_SCHEMA, request( {} ) ), 'test' );
	await requester.save( `${ base }/Requests/R2`, serialize( REQUEST_SCHEMA, request( { created: '2026-08-05T10:00:00Z', region: 'NWE' } ) ), 'test' );
	await bot( 'sync' );
} );

afterAll( () => {
	fs.rmSync( dir, { recursive: true, force: true } );
} );

it( 'creates a report per hub and one for the programme, with the figures of computeFigures', async () => {
	const run = await bot( 'publish', ...reports );
	expect( run.code ).toBe( 0 );
	const expected = await expectedBlocks();
	expect( [ ...expected.keys() ] ).toEqual( [ programmeReport, hubReport ] );
	for ( const [ title, block ] of expected ) {
		const page = ( await text( title ) ).text;
		expect( page.startsWith( `${ block }\n\n== ${ en.text( 'capacitybuilding-bot-report-heading-reflection' ) } ==\n` ) ).toBe( true );
	}
	expect( ( await text( hubReport ) ).text ).toContain( 'Self-evaluation of the hub [[' );
	expect( ( await text( hubReport ) ).text ).toContain( '|The reflection hub]] for 2026-Q3 (July 1, 2026 to September 30, 2026): 2 requests received.' );
	expect( ( await text( programmeReport ) ).text ).toContain( `* [[:${ hubReport }|The reflection hub]]` );
} );

it( 'keeps every byte of the reflection a hub wrote when the figures change, and edits nothing on a rerun', async () => {
	const contact = await as( CONTACT );
	const created = ( await text( hubReport ) ).text;
	const odd = '\u200Fמה למדנו\u200E — e\u0301t\u00E9 🧭👩🏽‍🔬 <!-- a note --> <nowiki>{{not a template}}</nowiki> [[Category:Reflections]] ~~~~';
	const written = `Our summary above the figures.\n\n${ created }\nWhat went well: ${ odd }\n\n=== What we will change ===\n* More workshops in Swahili.\n`;
	await contact.save( hubReport, written, 'Our reflection' );
	const reflection = outside( ( await text( hubReport ) ).text );
	expect( reflection[ 0 ] ).toBe( 'Our summary above the figures.\n\n' );

	// New figures: the requester withdraws a request.
	await ( await as( REQUESTER ) ).save( `${ base }/Requests/R2`, serialize( REQUEST_SCHEMA,
		request( { created: '2026-08-05T10:00:00Z', region: 'NWE', status: 'withdrawn' } ) ), 'withdrawn' );
	await bot( 'sync' );
	const run = await bot( 'publish', ...reports );
	expect( run.code ).toBe( 0 );
	const expected = await expectedBlocks();
	const after = ( await text( hubReport ) ).text;
	expect( after ).toContain( expected.get( hubReport ) );
	expect( after ).toContain( '1 (50%)' );
	const [ above, below ] = outside( after );
	expect( Buffer.from( above ) ).toEqual( Buffer.from( reflection[ 0 ] ) );
	expect( Buffer.from( below ) ).toEqual( Buffer.from( reflection[ 1 ] ) );
	expect( ( await text( programmeReport ) ).text ).toContain( expected.get( programmeReport ) );

	const again = await bot( 'publish', ...reports );
	expect( publishLine( again ) ).toMatchObject( { edits: 0, editRequests: 0 } );
} );

it( 'reports a page whose markers an editor removed, leaves it as it is, and still writes the others', async () => {
	const contact = await as( CONTACT );
	const damaged = ( await text( hubReport ) ).text.replace( END, '' );
	await contact.save( hubReport, damaged, 'Removed a marker' );
	const before = await text( hubReport );
	// New figures for both pages: the other request is withdrawn too.
	await ( await as( REQUESTER ) ).save( `${ base }/Requests/R1`, serialize( REQUEST_SCHEMA, request( { status: 'withdrawn' } ) ), 'withdrawn' );
	await bot( 'sync' );
	const run = await bot( 'publish', ...reports );
	expect( run.code ).toBe( 5 );
	const outcomes = publishLine( run )?.outcomes as Record<string, string>;
	expect( [ outcomes[ hubReport ], outcomes[ programmeReport ] ] ).toEqual( [ 'skipped', 'edited' ] );
	expect( await text( hubReport ) ).toEqual( before );
	expect( ( await text( programmeReport ) ).text ).toContain( ( await expectedBlocks() ).get( programmeReport ) );
	const review = ( await text( sitePages( base ).review ) ).text;
	expect( review ).toContain( `[[:${ hubReport }]]` );
	expect( review ).toContain( en.text( 'capacitybuilding-bot-report-problem-missing' ) );

	// Repaired by hand (the marker put back): the next publish updates the figures and clears the problem.
	await contact.save( hubReport, before.text.replace( '\n\n\n== Reflection', `\n${ END }\n\n== Reflection` ), 'Put the marker back' );
	const repaired = await bot( 'publish', ...reports );
	expect( repaired.code ).toBe( 0 );
	expect( ( await text( hubReport ) ).text ).toContain( ( await expectedBlocks() ).get( hubReport ) );
	expect( ( await text( sitePages( base ).review ) ).text ).not.toContain( `[[:${ hubReport }]]` );
} );

it( 'leaves a page the reflection made larger than the bot writes as it is, and says so', async () => {
	const contact = await as( CONTACT );
	const line = 'A long reflection, written over many lines, with ünïcödé. 🧭\n';
	const long = `${ ( await text( hubReport ) ).text }\n${ line.repeat( Math.ceil( 1.05 * PAGE_LIMIT_BYTES / Buffer.byteLength( line ) ) ) }`;
	await contact.save( hubReport, long, 'A very long reflection' );
	const before = await text( hubReport );
	expect( Buffer.byteLength( before.text ) ).toBeGreaterThan( PAGE_LIMIT_BYTES );
	// New figures: a third request.
	await ( await as( REQUESTER ) ).save( `${ base }/Requests/R3`, serialize( REQUEST_SCHEMA, request( { created: '2026-09-01T10:00:00Z' } ) ), 'test' );
	await bot( 'sync' );
	const run = await bot( 'publish', ...reports );
	expect( run.code ).toBe( 5 );
	expect( ( publishLine( run )?.outcomes as Record<string, string> )[ hubReport ] ).toBe( 'skipped' );
	expect( await text( hubReport ) ).toEqual( before );
	expect( ( await text( sitePages( base ).review ) ).text ).toContain( `[[:${ hubReport }]]` );
	expect( ( await text( programmeReport ) ).text ).toContain( '3 requests received' );
} );
