/**
 * The independent evaluation on the development wiki, through the bot's own commands (setup,
 * sync, publish, export): an evaluator's entry is accepted and shown on the evaluation page and on
 * the matching report beside the self-evaluation; a stranger's entry is rejected (on the review
 * page, not in the store); the published CSV page holds the documented columns and is the file
 * `capacity-bot export` writes; a second publish makes no edit and keeps every byte written outside
 * the bot's blocks; the shared learning page lists only accepted notes, shown exactly.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readPages } from '../../bot/edits';
import { COLUMNS, exportNames } from '../../bot/export/files';
import { Messages } from '../../bot/i18n';
import { dataTitle } from '../../bot/publish/evaluation';
import { reportTitle } from '../../bot/publish/reports';
import { Store } from '../../bot/store';
import type { WikiClient } from '../../bot/wiki';
import { CONFIG_PAGE, defaultConfigJson } from '../../modules/core/config';
import { parsePeriod, type Period } from '../../modules/core/figures';
import { EVALUATION_SCHEMA, FEEDBACK_SCHEMA, HUB_SCHEMA, REQUEST_SCHEMA, type Evaluation, type Feedback } from '../../modules/core/model';
import { evaluationTitle, sitePages } from '../../modules/core/pages';
import { serialize } from '../../modules/core/wikitext/codec';
import { botClient, runBot, type BotRun } from '../support/bot';
import { personSessions, testWiki, uniqueTitle } from '../support/wiki';

const PASSWORD = 'capacity-test-password-1';
const EVALUATOR = 'Eva Evaluator';
const STRANGER = 'Mallory Evaluation';
const REQUESTER = 'Rita Evaluation';
const COACH = 'Carl Evaluation';
const HUB = 'Evaluation hub';
const QUARTER = '2026-Q3';
const START = '<!-- capacity-bot-figures-start';
const END = '<!-- capacity-bot-figures-end -->';
const base = uniqueTitle( 'CB evaluation' );
const en = new Messages( 'en' );
const hostile = '\u200Fמה למדנו\u200E — e\u0301t\u00E9 🧭 [[Category:Evaluated]] {{Capacity status|open}} ~~~~ <b>bold</b>';
let dir: string;
let db: string;
let client: WikiClient;
const as = personSessions( PASSWORD, 'evaluation' );

async function bot( ...args: string[] ): Promise<BotRun> {
	const run = await runBot( [ ...args, '--json', '--db', db, ...( args[ 0 ] === 'export' ? [] : [ '--base', base ] ) ] );
	if ( run.code !== 0 && run.code !== 5 ) {
		throw new Error( `capacity-bot ${ args[ 0 ] } failed:\n${ run.lines.join( '\n' ) }` );
	}
	return run;
}

function publishLine( run: BotRun ): Record<string, unknown> | undefined {
	return run.records.find( ( r ) => String( r.message ).startsWith( 'Publish:' ) );
}

async function text( title: string ): Promise<string> {
	return ( await readPages( client, [ title ] ) ).get( title )?.text ?? '';
}

/** The page's HTML and categories as MediaWiki renders it. */
async function rendered( title: string ): Promise<{ html: string; categories: string[] }> {
	const parsed = await client.mwn.request( { action: 'parse', page: title, prop: 'text|categories', formatversion: 2 } );
	const p = parsed.parse as { text: string; categories: { category: string }[] };
	return { html: p.text, categories: p.categories.map( ( c ) => c.category ) };
}

function outside( page: string ): [ string, string ] {
	return [ page.slice( 0, page.indexOf( START ) ), page.slice( page.indexOf( END ) + END.length ) ];
}

const entry: Evaluation = {
	period: QUARTER, hub: HUB, evaluator: EVALUATOR, assessment: `Matching was slow.\nSecond line: ${ hostile }`,
	findings: 'Two requests, both in one region.', recommendations: '', created: '2026-10-02T10:00:00Z',
};
const programmeEntry: Evaluation = { ...entry, hub: '', assessment: 'The programme as a whole did well.', created: '2026-10-03T10:00:00Z' };
const strangerEntry: Evaluation = { ...entry, evaluator: STRANGER, assessment: 'A stranger says this was all bad.', created: '2026-10-04T10:00:00Z' };
const note = `Start with a small group.\n${ hostile }`;
const feedback = ( overrides: Partial<Feedback> ): Feedback => ( {
	user: REQUESTER, role: 'requester', rating: '5', outcome: 'achieved', confidenceBefore: '', confidenceAfter: '', stage: '',
	used: '', comment: 'Thank you.', learned: note, created: '2026-09-10T10:00:00Z', ...overrides,
} );
const evaluationPage = evaluationTitle( base, QUARTER );
const entriesText = `Entries of ${ QUARTER }.\n${ serialize( EVALUATION_SCHEMA, entry ) }\n${ serialize( EVALUATION_SCHEMA, programmeEntry ) }`;
const quarter = parsePeriod( QUARTER ) as Period;

beforeAll( async () => {
	dir = fs.mkdtempSync( path.join( os.tmpdir(), 'capacity-evaluation-' ) );
	db = `sqlite:${ path.join( dir, 'store.sqlite' ) }`;
	const wiki = testWiki();
	for ( const user of [ EVALUATOR, STRANGER, REQUESTER, COACH ] ) {
		wiki.ensureUser( user, PASSWORD );
	}
	const setup = await runBot( [ 'setup', '--json' ] );
	if ( setup.code !== 0 && setup.code !== 5 ) {
		throw new Error( `setup failed: ${ setup.lines.join( '\n' ) }` );
	}
	client = await botClient();
	// Evaluators come from the configuration page: add ours and keep everything else.
	const current = ( await readPages( client, [ CONFIG_PAGE ] ) ).get( CONFIG_PAGE );
	const config = JSON.parse( current?.exists ? current.text : defaultConfigJson() ) as { evaluators?: string[] };
	config.evaluators = [ ...new Set( [ ...( config.evaluators ?? [] ), EVALUATOR ] ) ];
	await client.mwn.save( CONFIG_PAGE, `${ JSON.stringify( config, null, '\t' ) }\n`, 'Evaluation test configuration' );
	await client.mwn.save( `${ base }/Hubs/${ HUB }`, serialize( HUB_SCHEMA, {
		name: 'The evaluation hub', kind: 'regional', regions: [ 'SSA' ], topics: [], languages: [ 'en' ], contacts: [ COACH ], noticeboard: '',
	} ), 'test' );
	// A completed request (the bot account is trusted like an admin), with the requester's feedback.
	const request = serialize( REQUEST_SCHEMA, {
		title: 'A request for the evaluation', requester: REQUESTER, requesterType: 'individual', organisation: '',
		region: 'SSA', hub: HUB, topics: [ 'outreach' ], formats: [ 'workshop' ], languages: [ 'en' ], lang: '', neededBy: '',
		description: 'We would like to run a first editing workshop in our town.', status: 'completed', holdReason: '', coach: [ COACH ], offers: [],
		created: '2026-08-01T10:00:00Z',
	} );
	const page = `${ base }/Requests/R1`;
	await client.mwn.save( page, request, 'test' );
	await ( await as( REQUESTER ) ).save( page, `${ request }\n${ serialize( FEEDBACK_SCHEMA, feedback( {} ) ) }`, 'feedback' );
	// A stranger writes a note in the requester's name: not accepted.
	await ( await as( STRANGER ) ).save( page, `${ request }\n${ serialize( FEEDBACK_SCHEMA, feedback( {} ) ) }\n${
		serialize( FEEDBACK_SCHEMA, feedback( { learned: 'A forged note from a stranger.', created: '2026-09-11T10:00:00Z' } ) ) }`, 'forged' );
	// The evaluator writes two entries; a stranger adds one in their own name.
	await ( await as( EVALUATOR ) ).save( evaluationPage, entriesText, 'evaluation' );
	await ( await as( STRANGER ) ).save( evaluationPage, `${ entriesText }\n${ serialize( EVALUATION_SCHEMA, strangerEntry ) }`, 'not an evaluator' );
	await bot( 'sync' );
} );

afterAll( () => {
	fs.rmSync( dir, { recursive: true, force: true } );
} );

it( 'accepts the evaluator\'s entries and rejects the stranger\'s: the store holds only the evaluator\'s', async () => {
	const store = await Store.open( db );
	try {
		const evaluations = await store.evaluations();
		// As MediaWiki stores every text: in NFC.
		const nfc = ( value: Evaluation ): Evaluation => JSON.parse( JSON.stringify( value ).normalize( 'NFC' ) ) as Evaluation;
		expect( evaluations.map( ( e ) => [ e.page, e.period, e.entries ] ) ).toEqual( [ [ evaluationPage, QUARTER,
			[ nfc( entry ), nfc( programmeEntry ) ] ] ] );
		const problems = ( await store.problems() ).filter( ( p ) => p.page === evaluationPage );
		expect( problems ).toEqual( [ expect.objectContaining( { kind: 'rejected', user: STRANGER,
			message: 'capacitybuilding-permission-evaluation-not-evaluator' } ) ] );
	} finally {
		await store.close();
	}
} );

it( 'shows the accepted entries on the evaluation page and beside the self-evaluation, and the stranger\'s on the review page', async () => {
	await bot( 'publish', '--report-quarters', QUARTER );
	const page = await text( sitePages( base ).evaluation );
	expect( page.startsWith( START ) ).toBe( true );
	expect( page ).toContain( `[[:${ reportTitle( base, QUARTER, null ) }|${ QUARTER }]]` );
	expect( page ).toContain( `[[${ evaluationPage }]]` );
	expect( page ).toContain( 'Matching was slow.' );
	expect( page ).toContain( 'The programme as a whole did well.' );
	expect( page ).not.toContain( 'A stranger says' );
	const html = ( await rendered( sitePages( base ).evaluation ) );
	expect( html.categories ).toEqual( [] );
	expect( html.html ).toContain( '[[Category:Evaluated]] {{Capacity status|open}} ~~~~ &lt;b&gt;bold&lt;/b&gt;' );

	const hubReport = await text( reportTitle( base, QUARTER, HUB ) );
	const [ , afterHeading ] = hubReport.split( `== ${ en.text( 'capacitybuilding-bot-report-heading-evaluation' ) } ==` );
	expect( afterHeading ).toContain( 'Matching was slow.' );
	expect( afterHeading ).not.toContain( 'The programme as a whole' );
	const programmeReport = await text( reportTitle( base, QUARTER, null ) );
	expect( programmeReport ).toContain( 'The programme as a whole did well.' );
	expect( programmeReport.indexOf( 'The programme as a whole' ) ).toBeLessThan( programmeReport.indexOf( END ) );

	// The entries' own page renders them without JavaScript, people's text as text.
	const entries = await rendered( evaluationPage );
	expect( entries.html ).toContain( 'ext-capacitybuilding-evaluation__assessment' );
	expect( entries.html ).toContain( 'Matching was slow.' );
	expect( entries.categories ).toEqual( [] );

	const review = await text( sitePages( base ).review );
	expect( review ).toContain( `[[:${ evaluationPage }]]` );
} );

it( 'publishes the CSV exactly as capacity-bot export writes it, with the documented columns', async () => {
	const out = path.join( dir, 'exports' );
	await bot( 'export', '--period', QUARTER, '--out', out );
	const names = exportNames( { period: quarter, hub: null } );
	const file = fs.readFileSync( path.join( out, names.requests ), 'utf8' );
	const published = await text( dataTitle( base, names.requests ) );
	expect( published.split( '\n' )[ 0 ] ).toBe( COLUMNS.requests.map( ( c ) => c.name ).join( ',' ) );
	expect( published ).toBe( file.replace( /\r\n/g, '\n' ).replace( /\n$/, '' ) );
	const json = JSON.parse( await text( dataTitle( base, names.figures ) ) ) as unknown;
	expect( json ).toEqual( JSON.parse( fs.readFileSync( path.join( out, names.figures ), 'utf8' ) ) );
	const pages = await readPages( client, [ dataTitle( base, names.requests ), dataTitle( base, names.figures ) ] );
	expect( [ ...pages.values() ].map( ( p ) => p.contentModel ) ).toEqual( [ 'text', 'json' ] );
} );

it( 'lists only accepted notes on the learning page, exactly as written', async () => {
	const learning = sitePages( base ).learning;
	const page = await text( learning );
	expect( page ).toContain( `[[:${ base }/Requests/R1|R1]]` );
	expect( page ).not.toContain( 'forged note' );
	const html = await rendered( learning );
	expect( html.categories ).toEqual( [] );
	expect( html.html ).toContain( 'Start with a small group.' );
	expect( html.html ).toContain( '[[Category:Evaluated]] {{Capacity status|open}} ~~~~ &lt;b&gt;bold&lt;/b&gt;' );
	expect( html.html ).toContain( 'class="wikitable sortable' );
} );

it( 'makes no edit on a second publish and keeps every byte written outside the bot\'s blocks', async () => {
	const title = sitePages( base ).evaluation;
	const written = `Above, by people: ${ hostile }\n\n${ await text( title ) }\n\nBelow, by people: ${ hostile }\n`;
	await ( await as( EVALUATOR ) ).save( title, written, 'Discussion' );
	const before = outside( await text( title ) );
	const again = await bot( 'publish', '--report-quarters', QUARTER );
	expect( publishLine( again ) ).toMatchObject( { edits: 0, editRequests: 0 } );
	// A new entry (the evaluator also takes the stranger's out: a change that was not accepted stays
	// rejected, and is carried by every later edit, until someone undoes it): the block changes, the rest stays.
	const later = serialize( EVALUATION_SCHEMA, { ...programmeEntry, assessment: 'A later word.', created: '2026-10-05T10:00:00Z' } );
	await ( await as( EVALUATOR ) ).save( evaluationPage, `${ entriesText }\n${ later }`, 'another entry' );
	await bot( 'sync' );
	await bot( 'publish', '--report-quarters', QUARTER );
	const after = await text( title );
	expect( after ).toContain( 'A later word.' );
	const [ above, below ] = outside( after );
	expect( Buffer.from( above ) ).toEqual( Buffer.from( before[ 0 ] ) );
	expect( Buffer.from( below ) ).toEqual( Buffer.from( before[ 1 ] ) );
	expect( publishLine( await bot( 'publish', '--report-quarters', QUARTER ) ) ).toMatchObject( { edits: 0, editRequests: 0 } );
} );
