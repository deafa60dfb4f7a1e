/**
 * The no-JavaScript statistics page (bot/publish/statisticsPage.ts): the charts' marker at its top,
 * and every figure of Statistics.json in a table under its heading, with values people typed kept
 * as text.
 */
import { Messages } from '../../../bot/i18n';
import { buildStatisticsIndex, type StoreSnapshot } from '../../../bot/publish/content';
import { STATISTICS_MARKER, statisticsPage } from '../../../bot/publish/statisticsPage';
import type { CapacityRequest, Feedback } from '../../../modules/core/model';
import { expectedParts, missingFigures } from '../../support/statisticsPage';

const en = new Messages( 'en' );
const base: CapacityRequest = {
	title: 'A request', requester: 'Alice', requesterType: 'individual', organisation: '', region: 'SSA',
	hub: 'Africa', topics: [ 'outreach' ], formats: [ 'workshop' ], languages: [ 'en' ], lang: '', neededBy: '',
	description: 'A description that is long enough.', status: 'completed', holdReason: '', coach: [ 'Carol' ], offers: [ 'Carol' ],
	created: '2026-11-01T00:00:00Z',
};

function feedback( i: number ): Feedback {
	return { user: `U${ i }`, role: 'requester', rating: String( 1 + ( i % 5 ) ), outcome: i % 3 ? 'achieved' : 'partly',
		confidenceBefore: '', confidenceAfter: '', stage: '', used: '', comment: '', learned: '', created: '2026-12-01T00:00:00Z' };
}

const snapshot: StoreSnapshot = {
	requests: Array.from( { length: 14 }, ( _x, i ) => ( {
		number: i + 1, page: `CB/Requests/R${ i + 1 }`, revid: 100 + i, updated: '2026-12-01T00:00:00Z',
		record: { ...base, created: `2026-${ i < 7 ? '08' : '11' }-0${ 1 + ( i % 9 ) }T00:00:00Z`,
			hub: i % 2 ? 'Africa' : '[[Category:Hijack]] hub', topics: i === 3 ? [ '{{subst:X}}' ] : [ 'outreach' ],
			status: i % 4 ? 'completed' : 'declined' },
		feedback: i % 4 ? [ feedback( i ) ] : [],
	} ) ),
	coaches: [],
	hubs: [],
	problems: [],
	history: Array.from( { length: 14 }, ( _x, i ) => ( {
		requestNumber: i + 1, from: 'triaged', to: 'matched', user: 'Hubert', at: `2026-12-0${ 1 + ( i % 9 ) }T00:00:00Z`, revid: 100 + i,
	} ) ),
};

describe( 'statisticsPage', () => {
	const stats = buildStatisticsIndex( 'CB', snapshot );
	const page = statisticsPage( stats, en );

	it( 'starts with the charts\' marker', () => {
		expect( page.startsWith( `${ STATISTICS_MARKER }\n` ) ).toBe( true );
	} );

	it( 'carries every figure of the JSON, each under its heading', () => {
		expect( stats.charts?.views.length ).toBeGreaterThan( 3 );
		expect( missingFigures( page, stats, en ) ).toEqual( [] );
		expect( expectedParts( stats, en ).flatMap( ( p ) => p.rows ).length ).toBeGreaterThan( 100 );
	} );

	it( 'notices a figure that is missing or wrong', () => {
		const view = stats.charts!.views[ 1 ]!;
		const wrong = { ...stats, charts: { ...stats.charts!, views: [ { ...view, byStatus: { ...view.byStatus, completed: 999 } } ] } };
		expect( missingFigures( page, wrong, en ) ).toEqual( [ expect.stringContaining( 'Completed || 999' ) ] );
		expect( missingFigures( page.replace( /^=== .*Hub Africa.*$/m, '=== Elsewhere ===' ), stats, en ).length ).toBeGreaterThan( 0 );
	} );

	it( 'keeps values people typed as text', () => {
		const markup = page.replace( /<nowiki>.*?<\/nowiki>/g, '' );
		expect( page ).toContain( '[[Category:Hijack]]' );
		expect( markup ).not.toContain( '[[Category:Hijack]]' );
		expect( markup ).not.toContain( 'subst:X' );
	} );

	it( 'gives ranges and suppression as the figures do', () => {
		expect( page ).toContain( `| ${ en.text( 'capacitybuilding-feedback-outcome-partly' ) } || ${ en.text( 'capacitybuilding-statistics-range', 1, 4 ) }` );
		expect( page ).toContain( en.text( 'capacitybuilding-statistics-suppressed' ) );
	} );
} );
