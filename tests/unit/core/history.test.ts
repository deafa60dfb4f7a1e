import { acceptedHistory, followUpDue } from '../../../modules/core/history';

describe( 'acceptedHistory', () => {
	it( 'is the published history followed by the accepted changes judged since, each once, oldest first', () => {
		const history = acceptedHistory( [
			{ from: '', to: 'open', user: 'Ada', at: '2026-11-11T10:00:00Z', revid: 1 },
			{ from: 'open', to: 'triaged', user: 'Hub', at: '2026-11-12T10:00:00Z', revid: 2, comment: 'Routed' },
		], [
			{ revid: 5, from: 'on-hold', to: 'triaged', user: 'Ada', timestamp: '2026-11-15T10:00:00Z', comment: '' },
			{ revid: 4, from: 'triaged', to: 'on-hold', user: 'Ada', timestamp: '2026-11-14T10:00:00Z', comment: 'Board meets in May' },
			// Published and judged again (a view judging from an older revision): counted once.
			{ revid: 2, from: 'open', to: 'triaged', user: 'Hub', timestamp: '2026-11-12T10:00:00Z', comment: 'Routed' },
		] );
		expect( history ).toEqual( { truncated: false, changes: [
			{ revid: 1, from: null, to: 'open', user: 'Ada', timestamp: '2026-11-11T10:00:00Z' },
			{ revid: 2, from: 'open', to: 'triaged', user: 'Hub', timestamp: '2026-11-12T10:00:00Z', comment: 'Routed' },
			{ revid: 4, from: 'triaged', to: 'on-hold', user: 'Ada', timestamp: '2026-11-14T10:00:00Z', comment: 'Board meets in May' },
			{ revid: 5, from: 'on-hold', to: 'triaged', user: 'Ada', timestamp: '2026-11-15T10:00:00Z' },
		] } );
	} );

	it( 'says when the published history was cut to its latest changes', () => {
		expect( acceptedHistory( [ { from: 'open', to: 'triaged', user: 'Hub', at: '2026-11-12T10:00:00Z', revid: 2 } ], [], true ).truncated ).toBe( true );
	} );
} );

describe( 'followUpDue', () => {
	it( 'is the period after the change that completed the request, while it is completed', () => {
		const completed = [ { to: 'in-progress', at: '2026-01-01T00:00:00Z' }, { to: 'completed', at: '2026-01-10T10:00:00Z' } ];
		expect( followUpDue( completed, 91 ) ).toBe( '2026-04-11T10:00:00Z' );
		expect( followUpDue( completed, 0 ) ).toBe( '2026-01-10T10:00:00Z' );
		expect( followUpDue( [ ...completed, { to: 'in-progress', at: '2026-02-01T00:00:00Z' } ], 91 ) ).toBeNull();
		expect( followUpDue( [], 91 ) ).toBeNull();
		expect( followUpDue( [ { to: 'completed', at: 'yesterday' } ], 91 ) ).toBeNull();
	} );
} );
