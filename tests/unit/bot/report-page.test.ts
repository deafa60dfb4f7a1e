/**
 * The self-evaluation report pages (bot/report/page.ts, bot/publish/reports.ts): which pages, their
 * figures equal `computeFigures`'s (the exports' figures), feedback suppressed as the rules say,
 * every word a message in the content language, and nothing a person typed becomes markup.
 */
import { main } from '../../../bot/cli';
import { Messages, loadMessageFiles } from '../../../bot/i18n';
import { defaultQuarters, mergeReports, parseQuarter, planReports, reportTitle } from '../../../bot/publish/reports';
import { reportFigures } from '../../../bot/report/page';
import type { StatusChange, StoredHub, StoredRequest } from '../../../bot/store';
import { computeFigures, type Period } from '../../../modules/core/figures';
import type { CapacityRequest, Feedback } from '../../../modules/core/model';

const Q1 = parseQuarter( '2026-Q1' ) as Period;
const english = new Messages( 'en' );

function request( number: number, overrides: Partial<CapacityRequest> = {}, feedback: Feedback[] = [] ): StoredRequest {
	const record: CapacityRequest = {
		title: `Request ${ number }`, requester: 'Requester', requesterType: 'group', organisation: '', region: 'ESEAP',
		hub: 'Asia hub', topics: [ 'governance' ], formats: [ 'workshop' ], languages: [ 'id' ], lang: '', neededBy: '',
		description: 'A description.', status: 'completed', holdReason: '', coach: [ 'Coach' ], offers: [ 'Coach' ],
		created: `2026-02-${ String( number ).padStart( 2, '0' ) }T10:00:00Z`, ...overrides,
	};
	return { number, page: `CB/Requests/R${ number }`, revid: number, updated: '2026-03-01T00:00:00Z', record, feedback };
}

function answers( n: number, rating: string, outcome: string ): Feedback[] {
	return Array.from( { length: n }, ( _x, i ) => ( { user: `P${ i }`, role: 'requester', rating, outcome, confidenceBefore: '', confidenceAfter: '', stage: '', used: '', comment: '', learned: '', created: '' } ) );
}

function hub( key: string, name: string ): StoredHub {
	return { key, page: `CB/Hubs/${ key }`, revid: 1, updated: '', record: { name } as StoredHub[ 'record' ] };
}

/** Twelve Asia hub requests with feedback (12 answers, "partly" chosen twice), one Africa hub request. */
function fixture(): { requests: StoredRequest[]; history: StatusChange[]; hubs: StoredHub[] } {
	const requests = Array.from( { length: 12 }, ( _x, i ) => request( i + 1, {}, answers( 1, '4', i < 2 ? 'partly' : 'achieved' ) ) );
	requests.push( request( 13, { region: 'SSA', hub: 'Africa hub', languages: [ 'sw' ], status: 'declined' }, answers( 3, '2', 'not-achieved' ) ) );
	requests.push( request( 14, { created: '2025-12-31T23:59:59Z' } ) );
	const history = requests.map( ( r ): StatusChange => ( { requestNumber: r.number, from: 'open', to: r.record.status === 'declined' ? 'declined' : 'matched',
		user: 'Hub contact', at: r.record.created.replace( 'T10', 'T22' ), revid: r.revid + 100 } ) );
	return { requests, history, hubs: [ hub( 'Asia hub', 'Asia hub' ), hub( 'Africa hub', 'Africa, the hub' ) ] };
}

/** The cells of the first row of the table under a heading. */
function firstRow( text: string, heading: string ): string[] {
	const from = text.indexOf( `== ${ heading } ==` );
	const row = text.slice( from ).split( '\n' ).find( ( line ) => line.startsWith( '| ' ) ) ?? '';
	return row.slice( 2 ).split( ' || ' );
}

describe( 'which report pages', () => {
	it( 'are one for the programme and one per hub, for each quarter, the hubs in key order', () => {
		const titles = planReports( 'CB', fixture(), [ Q1, parseQuarter( '2025-Q4' ) as Period ], english ).map( ( r ) => r.title );
		expect( titles ).toEqual( [
			'CB/Reports/2026-Q1', 'CB/Reports/2026-Q1/Africa hub', 'CB/Reports/2026-Q1/Asia hub',
			'CB/Reports/2025-Q4', 'CB/Reports/2025-Q4/Africa hub', 'CB/Reports/2025-Q4/Asia hub',
		] );
		expect( reportTitle( 'capacity_building', '2026-Q1', null ) ).toBe( 'Capacity building/Reports/2026-Q1' );
	} );

	it( 'default to the current and the previous quarter, across a year', () => {
		expect( defaultQuarters( new Date( '2026-02-10T00:00:00Z' ) ).map( ( q ) => q.label ) ).toEqual( [ '2026-Q1', '2025-Q4' ] );
		expect( defaultQuarters( new Date( '2026-12-31T23:59:59Z' ) ).map( ( q ) => q.label ) ).toEqual( [ '2026-Q4', '2026-Q3' ] );
		expect( parseQuarter( '2026' ) ).toBeNull();
		expect( parseQuarter( '2026-Q5' ) ).toBeNull();
	} );

	it( 'are refused on the command line, with exit code 2, when they are not quarters', async () => {
		for ( const value of [ '2026', '2026-Q5', '2026-Q1,spring', '' ] ) {
			const lines: string[] = [];
			expect( await main( [ 'publish', '--report-quarters', value ], { env: {}, write: ( line ) => lines.push( line ) } ) ).toBe( 2 );
			expect( lines.join( '\n' ) ).toContain( 'quarters such as 2026-Q1, comma-separated, or none' );
		}
	} );
} );

describe( 'the figures of a report', () => {
	const data = fixture();
	const [ programme, africa, asia ] = mergeReports( planReports( 'CB', data, [ Q1 ], english ), new Map() ).pages.map( ( p ) => p.text );

	it( 'are computeFigures\'s for the quarter and the hub', () => {
		const figures = computeFigures( data.requests.map( ( r ) => ( { number: r.number, request: r.record, feedback: r.feedback } ) ), data.history, Q1, 'Asia hub' );
		expect( figures.all.requests.received ).toBe( 12 );
		expect( firstRow( asia ?? '', 'Requests' ) ).toEqual( [ 'All requests', '12', '12 (100%)', '0 (0%)', '0 (0%)',
			`${ figures.all.requests.daysToTriage.median } (12 requests)`, '0.5 (12 requests)', '–' ] );
		expect( asia ).toContain( 'Self-evaluation of the hub [[:CB/Hubs/Asia hub|Asia hub]] for 2026-Q1 (January 1, 2026 to March 31, 2026): 12 requests received.' );
		expect( firstRow( programme ?? '', 'Requests' ).slice( 0, 4 ) ).toEqual( [ 'All requests', '13', '12 (92.3%)', '1 (7.7%)' ] );
		expect( africa ).toContain( 'one request received' );
	} );

	it( 'show feedback under the suppression rules: ranges for rare answers, nothing for small groups', () => {
		// Asia hub: 12 answers; "partly" chosen twice is a range, never "2".
		expect( firstRow( asia ?? '', 'Feedback' ) ).toEqual( [ 'All requests', '12', '4', '12', '10 (83.3%)', '1 to 4 (8.3% to 33.4%)', '0 (0%)', '0 (0%)',
			// The fixture answers neither confidence nor the follow-up: those questions show no figure.
			'colspan="2" | fewer than 10 answers', 'colspan="2" | fewer than 10 answers', 'colspan="4" | fewer than 10 answers' ] );
		// Africa hub: 3 answers: no figure at all, not even how many.
		expect( firstRow( africa ?? '', 'Feedback' ).slice( 1 ) ).toEqual( [ 'colspan="2" | fewer than 10 answers', 'colspan="5" | fewer than 10 answers',
			'colspan="2" | fewer than 10 answers', 'colspan="2" | fewer than 10 answers', 'colspan="4" | fewer than 10 answers' ] );
		expect( africa ).not.toMatch( /\|\| 3 \|\|/ );
	} );

	it( 'are grouped by region, language and topic, and by hub on the programme\'s report only', () => {
		expect( programme ).toContain( '=== By hub ===' );
		expect( programme ).toContain( '| [[:CB/Hubs/Africa hub|Africa, the hub]] || 1 ||' );
		expect( asia ).not.toContain( '=== By hub ===' );
		expect( programme ).toContain( '| Sub-Saharan Africa || 1 ||' );
		expect( programme ).toContain( '| sw || 1 ||' );
		expect( programme ).toContain( '* [[:CB/Reports/2026-Q1/Asia hub|Asia hub]]' );
	} );

	it( 'change nothing when built again from the same store', () => {
		const again = mergeReports( planReports( 'CB', data, [ Q1 ], english ), new Map() ).pages.map( ( p ) => p.text );
		expect( again ).toEqual( [ programme, africa, asia ] );
	} );
} );

describe( 'the words of a report', () => {
	it( 'all come from messages (none of the text is built in the code)', () => {
		const files = loadMessageFiles();
		const keys = Object.fromEntries( Object.keys( files.en ?? {} ).map( ( key ) => [ key, `⟦${ key }⟧` ] ) );
		const marked = new Messages( 'x-keys', { ...files, 'x-keys': keys } );
		const text = mergeReports( planReports( 'CB', fixture(), [ Q1 ], marked ), new Map() ).pages.map( ( p ) => p.text ).join( '\n' );
		const rest = text.replace( /⟦[a-z-]+⟧/g, ' ' ).replace( /<!-- capacity-bot-figures-(start [0-9a-f]{16}|end) -->/g, ' ' )
			.replace( /class="wikitable sortable"|colspan="\d+"/g, ' ' ).replace( /\[\[:CB\/(Hubs|Reports\/2026-Q1)\/[^|]+\|/g, ' ' ).replace( /<\/?nowiki>/g, ' ' );
		// What is left: numbers, wiki syntax, and the data (language codes, topic keys, hub names).
		expect( new Set( rest.match( /\p{L}+/gu ) ) ).toEqual( new Set( [ 'id', 'sw', 'governance', 'Asia', 'hub', 'Africa', 'the' ] ) );
	} );

	it( 'format numbers for the content language', () => {
		const german = new Messages( 'de' );
		const text = reportFigures( computeFigures( fixture().requests.map( ( r ) => ( { number: r.number, request: r.record, feedback: r.feedback } ) ),
			fixture().history, Q1, null ), { hub: null, hubs: new Map(), hubReports: [] }, german );
		expect( text ).toContain( '92,3' );
		expect( text ).toContain( '1. Januar 2026' );
	} );

	it( 'never turn what a person typed into markup', () => {
		const data = fixture();
		data.hubs = [ hub( 'Asia hub', 'Hub ]] [[Category:Spam]] {{Delete}} ~~~~ <!-- x' ) ];
		data.requests[ 0 ]!.record.topics = [ '{{subst:Evil}}', '[[Category:Topic]]' ];
		const pages = mergeReports( planReports( 'CB', data, [ Q1 ], english ), new Map() ).pages;
		for ( const { text } of pages ) {
			expect( text.replace( /<nowiki>[^<]*<\/nowiki>/g, '' ) ).not.toMatch( /Category:|\{\{|~~~|Evil|Delete/ );
		}
		// The block is still found (a "<!--" someone typed is not taken for a comment around it).
		const current = new Map( pages.map( ( p ) => [ p.title, {
			title: p.title, exists: true, text: p.text, contentModel: 'wikitext', revid: 5, timestamp: '', user: '', sha1: '' } ] ) );
		expect( mergeReports( planReports( 'CB', data, [ Q1 ], english ), current ) ).toEqual( { pages, problems: [] } );
	} );
} );

describe( 'a damaged page among others', () => {
	it( 'is one problem on the review page, and the other pages are still written', () => {
		const planned = planReports( 'CB', fixture(), [ Q1 ], english );
		const damaged = { title: 'CB/Reports/2026-Q1/Asia hub', exists: true, text: 'Our reflection only.', contentModel: 'wikitext', revid: 7, timestamp: '', user: '', sha1: '' };
		const result = mergeReports( planned, new Map( [ [ damaged.title, damaged ] ] ) );
		expect( result.pages.map( ( p ) => p.title ) ).toEqual( [ 'CB/Reports/2026-Q1', 'CB/Reports/2026-Q1/Africa hub' ] );
		expect( result.problems ).toEqual( [ { page: damaged.title, revid: 7, message: 'capacitybuilding-bot-report-problem-missing', params: [] } ] );
		expect( result.pages.every( ( p ) => p.summary === 'capacitybuilding-bot-summary-report' ) ).toBe( true );
	} );
} );
