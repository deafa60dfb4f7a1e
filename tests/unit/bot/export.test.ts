/**
 * The open-data export files (bot/export/): on a fixture with small groups, suppressed cells are
 * suppressed, the CSV tables have the documented columns, their figures are the figures module's,
 * and CSV is RFC 4180 and safe to open in a spreadsheet.
 */
/* eslint-disable camelcase -- the CSV tables' column names are snake_case */
import fs from 'node:fs';
import path from 'node:path';
import { csvCell, csvText } from '../../../bot/export/csv';
import { COLUMNS, exportFiles, exportNames, type Dictionary } from '../../../bot/export/files';
import { Messages } from '../../../bot/i18n';
import { computeFigures, parsePeriod, type FeedbackAnswers, type FigureChange, type FigureRequest } from '../../../modules/core/figures';
import type { CapacityRequest } from '../../../modules/core/model';

/** RFC 4180, read back: the test's own reader, independent of the writer. */
function parseCsv( text: string ): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	for ( let i = 0; i < text.length; i++ ) {
		const c = text[ i ] as string;
		if ( quoted ) {
			if ( c === '"' && text[ i + 1 ] === '"' ) {
				cell += '"';
				i++;
			} else if ( c === '"' ) {
				quoted = false;
			} else {
				cell += c;
			}
		} else if ( c === '"' ) {
			quoted = true;
		} else if ( c === ',' ) {
			row.push( cell );
			cell = '';
		} else if ( c === '\r' && text[ i + 1 ] === '\n' ) {
			row.push( cell );
			rows.push( row );
			[ row, cell ] = [ [], '' ];
			i++;
		} else {
			cell += c;
		}
	}
	expect( [ row, cell ] ).toEqual( [ [], '' ] );
	return rows;
}

function records( text: string ): Record<string, string>[] {
	const [ header, ...rows ] = parseCsv( text );
	return rows.map( ( row ) => Object.fromEntries( ( header as string[] ).map( ( name, i ) => [ name, row[ i ] as string ] ) ) );
}

const base: CapacityRequest = {
	title: 'Help', requester: 'Rita', requesterType: 'individual', organisation: '', region: 'LAC', hub: 'Hub A',
	topics: [ 'governance' ], formats: [ 'coaching' ], languages: [ 'es' ], lang: '', neededBy: '', description: 'x',
	status: 'completed', holdReason: '', coach: [], offers: [], created: '2026-02-01T00:00:00Z',
};

function answers( rating: string, outcome: string, n: number ): FeedbackAnswers[] {
	return Array.from( { length: n }, () => ( { rating, outcome } ) );
}

/** LAC: 12 answers (an outcome chosen twice: a range); SSA: 3 answers (suppressed); a hostile topic key. */
const requests: FigureRequest[] = [
	{ number: 1, request: base, feedback: [ ...answers( '5', 'achieved', 10 ), ...answers( '3', 'partly', 2 ) ] },
	{ number: 2, request: { ...base, region: 'SSA', status: 'declined', topics: [ '=HYPERLINK("x","y")' ], languages: [ 'fr', 'en' ] },
		feedback: answers( '4', 'too-early', 3 ) },
	{ number: 3, request: { ...base, status: 'open', created: '2026-03-01T00:00:00Z' }, feedback: [] },
];
const history: FigureChange[] = [
	{ requestNumber: 1, to: 'open', at: '2026-02-01T00:00:00Z' },
	{ requestNumber: 1, to: 'matched', at: '2026-02-03T00:00:00Z' },
	{ requestNumber: 1, to: 'completed', at: '2026-02-11T00:00:00Z' },
	{ requestNumber: 2, to: 'declined', at: '2026-02-01T12:00:00Z' },
];

describe( 'export files', () => {
	const messages = new Messages( 'en' );
	const figures = computeFigures( requests, history, parsePeriod( '2026-Q1' )! );
	const files = exportFiles( figures, '2026-03-01T00:00:00Z', messages );
	const byName = new Map( files.map( ( f ) => [ f.name, f.text ] ) );
	const names = exportNames( figures );

	it( 'are versioned and named by period and hub', () => {
		expect( files.map( ( f ) => f.name ) ).toEqual( [
			'capacity-building-v1-2026-Q1-requests.csv', 'capacity-building-v1-2026-Q1-feedback.csv', 'capacity-building-v1-2026-Q1.json',
			'capacity-building-v1-2026-Q1-dictionary.json', 'capacity-building-v1-2026-Q1-dictionary.csv',
		] );
		const hub = computeFigures( requests, history, parsePeriod( 'all' )!, 'Hub A / "Ø"' );
		expect( exportNames( hub ).figures ).toBe( 'capacity-building-v1-all-hub-Hub_A_Ø_.json' );
	} );

	it( 'have the documented columns, in the data dictionary and in docs/exports.md', () => {
		const dictionary = JSON.parse( byName.get( names.dictionaryJson )! ) as Dictionary;
		const docs = fs.readFileSync( path.join( __dirname, '../../../docs/exports.md' ), 'utf8' );
		for ( const [ file, columns ] of [ [ names.requests, COLUMNS.requests ], [ names.feedback, COLUMNS.feedback ] ] as const ) {
			const header = parseCsv( byName.get( file )! )[ 0 ];
			expect( header ).toEqual( columns.map( ( c ) => c.name ) );
			expect( dictionary.files.find( ( f ) => f.name === file )?.columns.map( ( c ) => c.name ) ).toEqual( header );
			for ( const name of header! ) {
				expect( docs ).toContain( `| \`${ name }\` |` );
			}
		}
		expect( dictionary.files.flatMap( ( f ) => f.columns ).every( ( c ) => c.description !== '' && !c.description.includes( '⧼' ) ) ).toBe( true );
		expect( dictionary.rules ).toMatchObject( { minAnswers: 10, minOptionCount: 5 } );
		expect( records( byName.get( names.dictionaryCsv )! ) ).toHaveLength( COLUMNS.requests.length + COLUMNS.feedback.length );
	} );

	it( 'hold the figures module\'s figures, in JSON and in the CSV tables', () => {
		expect( JSON.parse( byName.get( names.figures )! ) ).toEqual( { generated: '2026-03-01T00:00:00Z', figures } );
		const rows = records( byName.get( names.requests )! );
		expect( rows[ 0 ] ).toEqual( {
			dimension: 'all', group: '', received: '3', completed: '1', declined: '1', withdrawn: '0',
			completion_rate: '0.333', decline_rate: '0.333', withdrawal_rate: '0',
			reached_triage: '2', median_days_to_triage: String( figures.all.requests.daysToTriage.median ),
			reached_match: '1', median_days_to_match: '2', reached_completion: '1', median_days_to_complete: '10',
		} );
		expect( rows.map( ( r ) => `${ r.dimension }:${ r.group }` ) ).toEqual( [ 'all:', 'region:LAC', 'region:SSA',
			'language:en', 'language:es', 'language:fr', 'topic:\'=HYPERLINK("x","y")', 'topic:governance', 'hub:Hub A' ] );
		for ( const row of rows.slice( 1 ) ) {
			const group = figures.by[ row.dimension as 'region' ].find( ( g ) => g.key === ( row.group ?? '' ).replace( /^'/, '' ) );
			expect( Number( row.received ) ).toBe( group?.figures.requests.received );
		}
	} );

	it( 'suppress the cells of small groups', () => {
		const rows = records( byName.get( names.feedback )! );
		const of = ( dimension: string, group: string, question: string ): Record<string, string>[] => rows.filter(
			( r ) => r.dimension === dimension && r.group === group && r.question === question );
		// SSA has 3 answers: one row per question, and no figure in it.
		expect( of( 'region', 'SSA', 'rating' ) ).toEqual( [ {
			dimension: 'region', group: 'SSA', question: 'rating', answers: '', average: '', option: '', count: '', count_low: '',
			count_high: '', share: '', share_low: '', share_high: '', suppression: 'too-few-answers',
		} ] );
		// LAC has 12: "partly", chosen twice, is a range; "achieved" is exact.
		const outcome = of( 'region', 'LAC', 'outcome' );
		expect( outcome.map( ( r ) => [ r.option, r.count, r.count_low, r.count_high, r.share, r.share_low, r.share_high, r.suppression ] ) ).toEqual( [
			[ 'achieved', '10', '', '', '0.833', '', '', '' ],
			[ 'partly', '', '1', '4', '', '0.083', '0.334', 'range' ],
			[ 'not-achieved', '0', '', '', '0', '', '', '' ],
			[ 'too-early', '0', '', '', '0', '', '', '' ],
		] );
		expect( of( 'region', 'LAC', 'rating' )[ 0 ] ).toMatchObject( { answers: '12', average: '4.67' } );
		// The whole programme has 15 answers: "too-early" (3) is a range there too.
		expect( of( 'all', '', 'outcome' ).find( ( r ) => r.option === 'too-early' ) ).toMatchObject( { count: '', suppression: 'range' } );
		// No exact count below 5 anywhere but 0.
		expect( rows.filter( ( r ) => r.count !== '' && Number( r.count ) > 0 && Number( r.count ) < 5 ) ).toEqual( [] );
		expect( rows.filter( ( r ) => r.answers !== '' && Number( r.answers ) < 10 ) ).toEqual( [] );
	} );

	it( 'are the same bytes for the same figures', () => {
		expect( exportFiles( computeFigures( requests, history, parsePeriod( '2026-Q1' )! ), '2026-03-01T00:00:00Z', messages ) ).toEqual( files );
	} );
} );

describe( 'CSV', () => {
	it.each( [
		[ 'plain', 'plain' ],
		[ 'a,b', '"a,b"' ],
		[ 'say "hi"', '"say ""hi"""' ],
		[ 'two\nlines', '"two\nlines"' ],
		[ '=1+1', '\'=1+1' ],
		[ '+1', '\'+1' ],
		[ '-1', '\'-1' ],
		[ '@SUM(A1)', '\'@SUM(A1)' ],
		[ '\tx', '\'\tx' ],
		[ '=A1,"x"', '"\'=A1,""x"""' ],
		[ 'ünïcødé ✓', 'ünïcødé ✓' ],
	] )( 'writes the text %p as %p', ( value, cell ) => {
		expect( csvCell( value ) ).toBe( cell );
	} );

	it( 'writes numbers as numbers, null as an empty cell, and ends every line with CRLF', () => {
		expect( csvText( [ 'a', 'b', 'c' ], [ [ 0.5, null, -1 ], [ 'x', 0, '' ] ] ) ).toBe( 'a,b,c\r\n0.5,,-1\r\nx,0,\r\n' );
	} );
} );
