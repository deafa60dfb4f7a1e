/**
 * The independent evaluation's and the shared learning's pages (bot/publish/evaluation.ts,
 * bot/publish/learning.ts, bot/report/evaluations.ts): the open-data pages are the export files,
 * the evaluation page's block lists them and the accepted entries per quarter, each report page
 * shows its quarter's and hub's entries, the learning page groups the accepted notes by topic and
 * region; people's text never becomes markup; the same store gives the same pages.
 */
import { exportFiles, exportNames } from '../../../bot/export/files';
import { figuresOf } from '../../../bot/export/storeFigures';
import { Messages } from '../../../bot/i18n';
import { dataPage, dataTitle, evaluationDataPages, planEvaluationPage, type EvaluationSources } from '../../../bot/publish/evaluation';
import { learningNotes, learningPage } from '../../../bot/publish/learning';
import { parseQuarter, planReports } from '../../../bot/publish/reports';
import { mergeReport } from '../../../bot/report/markers';
import type { StoredEvaluation, StoredRequest } from '../../../bot/store';
import type { Period } from '../../../modules/core/figures';
import type { CapacityRequest, Evaluation, Feedback } from '../../../modules/core/model';

const en = new Messages( 'en' );
const Q3 = parseQuarter( '2026-Q3' ) as Period;
const Q4 = parseQuarter( '2026-Q4' ) as Period;
const hostile = '[[Category:X]] {{T}} ~~~~ <b>b</b> | ||';

function feedback( overrides: Partial<Feedback> ): Feedback {
	return { user: 'Rita', role: 'requester', rating: '4', outcome: 'achieved', confidenceBefore: '', confidenceAfter: '', stage: '',
		used: '', comment: 'Thanks', learned: '', created: '2026-08-10T10:00:00Z', ...overrides };
}

function request( number: number, overrides: Partial<CapacityRequest>, entries: Feedback[] ): StoredRequest {
	const record: CapacityRequest = {
		title: `Request ${ number }`, requester: 'Rita', requesterType: 'individual', organisation: '', region: 'SSA', hub: 'Africa',
		topics: [ 'outreach' ], formats: [ 'workshop' ], languages: [ 'en' ], lang: '', neededBy: '', description: 'A description.',
		status: 'completed', holdReason: '', coach: [ 'Carl' ], offers: [], created: '2026-08-01T10:00:00Z', ...overrides,
	};
	return { number, page: `CB/Requests/R${ number }`, revid: number, updated: '2026-09-01T00:00:00Z', record, feedback: entries };
}

const entry: Evaluation = { period: '2026-Q3', hub: 'Africa', evaluator: 'Eva', assessment: `Line one\n${ hostile }`,
	findings: '', recommendations: 'More coaches', created: '2026-10-01T10:00:00Z' };
const programme: Evaluation = { ...entry, hub: '', assessment: 'The whole programme', created: '2026-10-02T10:00:00Z' };
const evaluations: StoredEvaluation[] = [ { page: 'CB/Evaluation/2026-Q3', period: '2026-Q3', revid: 7, updated: '2026-10-02T10:00:00Z',
	entries: [ entry, programme ] } ];
const requests = [
	request( 1, {}, [ feedback( { learned: `Start small.\n${ hostile }` } ) ] ),
	request( 2, { region: 'NWE', topics: [ 'outreach', 'governance' ] }, [ feedback( { learned: 'Ask early', created: '2026-08-11T10:00:00Z' } ),
		feedback( { learned: '' } ) ] ),
];
const hubs = new Map( [ [ 'Africa', { page: 'CB/Hubs/Africa', name: 'Africa hub' } ] ] );
const sources: EvaluationSources = { requests, history: [], evaluations, hubs };

describe( 'open-data pages', () => {
	it( 'are the export files, one page each, named as the files are', () => {
		const pages = evaluationDataPages( 'CB', sources, [ Q3 ], en );
		const { figures, generated } = figuresOf( requests, [], Q3, null );
		const files = exportFiles( figures, generated, en );
		expect( pages.map( ( p ) => p.title ) ).toEqual( files.map( ( f ) => `CB/Evaluation/Data/${ f.name }` ) );
		const csv = pages.find( ( p ) => p.title.endsWith( '-requests.csv' ) );
		expect( csv?.contentModel ).toBe( 'text' );
		expect( csv?.text ).toBe( files[ 0 ]?.text.replace( /\r\n/g, '\n' ).replace( /\n$/, '' ) );
		const json = pages.find( ( p ) => p.title.endsWith( `${ exportNames( figures ).figures }` ) );
		expect( json ).toMatchObject( { contentModel: 'json', json: JSON.parse( files[ 2 ]?.text ?? '' ) } );
	} );

	it( 'keep a cell that holds a line break as the file has it', () => {
		expect( dataPage( 'CB', { name: 'x.csv', text: 'a,b\r\n"1\r\n2",3\r\n' } ).text ).toBe( 'a,b\n"1\n2",3' );
		expect( dataTitle( 'CB', 'x.csv' ) ).toBe( 'CB/Evaluation/Data/x.csv' );
	} );
} );

describe( 'the evaluation page', () => {
	const planned = planEvaluationPage( 'CB', sources, [ Q3, Q4 ], en );

	it( 'lists the data pages newest quarter first, with the reports, and how to rerun them', () => {
		const names = exportNames( { period: Q3, hub: null } );
		expect( planned.content ).toContain( `[[:CB/Evaluation/Data/${ names.requests }|${ names.requests }]]` );
		expect( planned.content.indexOf( '| 2026-Q4 ||' ) ).toBeLessThan( planned.content.indexOf( '| 2026-Q3 ||' ) );
		expect( planned.content ).toContain( '[[:CB/Reports/2026-Q3|2026-Q3]]' );
		expect( planned.content ).toContain( '<code>capacity-bot export --period 2026-Q4 --out exports</code>' );
	} );

	it( 'shows the accepted entries of each quarter, people\'s text inside nowiki', () => {
		expect( planned.content ).toContain( '=== 2026-Q3 ===' );
		expect( planned.content ).toContain( '[[:CB/Hubs/Africa|Africa hub]]' );
		expect( planned.content ).toContain( en.text( 'capacitybuilding-evaluation-programme' ) );
		expect( planned.content ).toContain( '<nowiki>Line one\n[[Category:X]] {{T}} ~~~~ &lt;b>b&lt;/b> | ||</nowiki>' );
		expect( planned.content.replace( /<nowiki>[^]*?<\/nowiki>/g, '' ) ).not.toMatch( /Category:X|\{\{T\}\}|~~~~/ );
	} );

	it( 'says so when there is nothing yet', () => {
		const empty = planEvaluationPage( 'CB', { ...sources, evaluations: [] }, [], en ).content;
		expect( empty ).toContain( en.text( 'capacitybuilding-bot-evaluation-no-data' ) );
		expect( empty ).toContain( en.text( 'capacitybuilding-bot-evaluation-no-entries' ) );
	} );

	it( 'is the same for the same store, so a second publish changes nothing', () => {
		const first = mergeReport( null, planned.content, planned.reflection );
		const again = mergeReport( first.text, planEvaluationPage( 'CB', sources, [ Q3, Q4 ], en ).content, planned.reflection );
		expect( again.text ).toBe( first.text );
		expect( evaluationDataPages( 'CB', sources, [ Q3 ], en ) ).toEqual( evaluationDataPages( 'CB', sources, [ Q3 ], en ) );
	} );
} );

describe( 'the report pages', () => {
	const reports = planReports( 'CB', { requests, history: [], hubs: [ { key: 'Africa', page: 'CB/Hubs/Africa', revid: 1, updated: '',
		record: { name: 'Africa hub' } as never } ], evaluations }, [ Q3 ], en );
	const heading = `== ${ en.text( 'capacitybuilding-bot-report-heading-evaluation' ) } ==`;

	it( 'show the hub\'s entries on the hub\'s report and the programme\'s on the programme\'s', () => {
		const [ programmeReport, hubReport ] = reports.map( ( r ) => r.content.split( heading )[ 1 ] ?? '' );
		expect( hubReport ).toContain( 'Line one' );
		expect( hubReport ).not.toContain( 'The whole programme' );
		expect( programmeReport ).toContain( 'The whole programme' );
		expect( programmeReport ).not.toContain( 'Line one' );
	} );

	it( 'say where evaluators write when no entry is accepted', () => {
		const other = planReports( 'CB', { requests, history: [], hubs: [], evaluations }, [ Q4 ], en );
		expect( other[ 0 ]?.content ).toContain( en.text( 'capacitybuilding-bot-report-no-evaluation', 'CB/Evaluation/2026-Q4' ) );
	} );
} );

describe( 'the learning page', () => {
	const page = learningPage( 'CB', requests, en );

	it( 'lists the notes, not the feedback without one, by topic and by region', () => {
		expect( learningNotes( requests ).map( ( n ) => [ n.request.number, n.entry.learned.slice( 0, 5 ) ] ) )
			.toEqual( [ [ 1, 'Start' ], [ 2, 'Ask e' ] ] );
		expect( page.title ).toBe( 'CB/Learning' );
		const byTopic = page.text.split( `== ${ en.text( 'capacitybuilding-bot-learning-heading-region' ) } ==` )[ 0 ] ?? '';
		expect( byTopic.indexOf( '=== governance ===' ) ).toBeLessThan( byTopic.indexOf( '=== outreach ===' ) );
		expect( page.text ).toContain( `=== ${ en.text( 'capacitybuilding-region-nwe' ) } ===` );
		expect( page.text ).toContain( '[[:CB/Requests/R1|R1]]' );
		expect( page.text ).toContain( '{| class="wikitable sortable"' );
	} );

	it( 'shows each note exactly, never as markup, and links the wiki\'s search of the request pages', () => {
		expect( page.text ).toContain( '<nowiki>Start small.\n[[Category:X]] {{T}} ~~~~ &lt;b>b&lt;/b> | ||</nowiki>' );
		expect( page.text.replace( /<nowiki>[^]*?<\/nowiki>/g, '' ) ).not.toMatch( /Category:X|\{\{T\}\}|~~~~/ );
		expect( page.text ).toContain( '[{{fullurl:Special:Search|prefix=CB%2FRequests%2F&fulltext=1}} ' );
	} );

	it( 'says so when there is no note', () => {
		expect( learningPage( 'CB', [], en ).text ).toContain( en.text( 'capacitybuilding-bot-learning-none' ) );
	} );
} );
