/**
 * A hub's dashboard figures (core/indexes.ts hubFigures, computed with figures.ts) and the stale rule
 * the views and the bot's notices share (core/notices.ts stalePeriods).
 */
import { computeFigures, type FigureChange, type FigureRequest } from '../../../modules/core/figures';
import { hubFigures } from '../../../modules/core/statistics';
import { stalePeriods } from '../../../modules/core/notices';

function request( number: number, hub: string, status: string, created: string ): FigureRequest {
	return { number, feedback: [], request: { created, status, region: 'SSA', hub, topics: [], languages: [] } };
}

describe( 'hub figures', () => {
	const requests = [
		request( 1, 'Africa', 'completed', '2026-01-01T00:00:00Z' ),
		request( 2, 'Africa', 'matched', '2026-01-01T00:00:00Z' ),
		request( 3, 'Africa', 'triaged', '2026-01-01T00:00:00Z' ),
		request( 4, 'Africa', 'declined', '2026-01-01T00:00:00Z' ),
		request( 5, 'Elsewhere', 'open', '2026-01-01T00:00:00Z' ),
		request( 6, 'Typed by hand', 'open', '2026-01-01T00:00:00Z' ),
	];
	const history: FigureChange[] = [
		{ requestNumber: 1, to: 'triaged', at: '2026-01-02T00:00:00Z' },
		{ requestNumber: 1, to: 'matched', at: '2026-01-05T00:00:00Z' },
		{ requestNumber: 1, to: 'completed', at: '2026-02-01T00:00:00Z' },
		{ requestNumber: 2, to: 'triaged', at: '2026-01-04T00:00:00Z' },
		{ requestNumber: 2, to: 'matched', at: '2026-01-11T00:00:00Z' },
		{ requestNumber: 3, to: 'triaged', at: '2026-01-11T00:00:00Z' },
		{ requestNumber: 4, to: 'declined', at: '2026-01-03T00:00:00Z' },
	];

	it( 'gives each existing hub its open requests, medians and completion rate, as the reports compute them', () => {
		const figures = hubFigures( [ 'Elsewhere', 'Africa', 'Quiet' ], requests, history );
		expect( Object.keys( figures ) ).toEqual( [ 'Africa', 'Elsewhere', 'Quiet' ] );
		// Triage after 1, 3, 10 and 2 days: median 2.5; matched after 4 and 10: median 7; 1 of 4 completed.
		expect( figures.Africa ).toEqual( { open: 2, received: 4, medianDaysToTriage: 2.5, medianDaysToMatch: 7, completionRate: 0.25 } );
		const report = computeFigures( requests, history, { label: 'all', start: null, end: null }, 'Africa' ).all.requests;
		expect( [ figures.Africa?.medianDaysToTriage, figures.Africa?.medianDaysToMatch, figures.Africa?.completionRate ] )
			.toEqual( [ report.daysToTriage.median, report.daysToMatch.median, report.completionRate ] );
		expect( figures.Elsewhere ).toEqual( { open: 1, received: 1, medianDaysToTriage: null, medianDaysToMatch: null, completionRate: 0 } );
		expect( figures.Quiet ).toEqual( { open: 0, received: 0, medianDaysToTriage: null, medianDaysToMatch: null, completionRate: null } );
		// A hub name typed into a request is no hub: not listed.
		expect( figures[ 'Typed by hand' ] ).toBeUndefined();
	} );
} );

describe( 'the stale rule', () => {
	const since = '2026-01-01T00:00:00Z';
	const at = ( days: number ): Date => new Date( Date.parse( since ) + days * 86_400_000 );
	it.each( [
		[ 'open, just short of the period', 'open', 59.9, 0 ],
		[ 'open, one period', 'open', 60, 1 ],
		[ 'triaged, two periods', 'triaged', 125, 2 ],
		[ 'matched: never stale', 'matched', 300, 0 ],
		[ 'on hold: never stale', 'on-hold', 300, 0 ],
	] )( '%s', ( _, status, days, periods ) => {
		expect( stalePeriods( status as string, since, 60, at( days as number ) ) ).toBe( periods );
	} );
	it( 'is 0 for an unreadable time or period', () => {
		expect( stalePeriods( 'open', 'yesterday', 60, at( 100 ) ) ).toBe( 0 );
		expect( stalePeriods( 'open', since, 0, at( 100 ) ) ).toBe( 0 );
	} );
} );
