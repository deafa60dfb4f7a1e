import { statusHistory, type RevisionContent } from '../../../modules/core/history';
import { REQUEST_SCHEMA, type CapacityRequest } from '../../../modules/core/model';
import { serialize } from '../../../modules/core/wikitext/codec';

const base: CapacityRequest = {
	title: 'Grant writing for a new user group', requester: 'Ada', requesterType: 'group', organisation: '',
	region: 'SSA', hub: '', topics: [ 'grant-writing' ], formats: [ 'workshop' ], languages: [ 'fr' ], lang: '',
	neededBy: '', description: 'We would like to learn how to write a grant proposal.', status: 'open',
	coach: [], offers: [], created: '2026-11-23T19:45:00Z',
};

function page( status: string, talk = '' ): string {
	return `${ serialize( REQUEST_SCHEMA, { ...base, status } ) }\n\n${ talk }`;
}

function revision( revid: number, user: string, content: string | null ): RevisionContent {
	return { revid, parentid: revid - 1, user, timestamp: `2026-11-${ 10 + revid }T10:00:00Z`, content };
}

describe( 'statusHistory', () => {
	it( 'lists the creation and every status change, oldest first, whatever the input order', () => {
		const history = statusHistory( [
			revision( 4, 'Hub', page( 'matched' ) ),
			revision( 1, 'Ada', page( 'open' ) ),
			revision( 3, 'Coach', page( 'triaged', 'I can help. ~~~~' ) ),
			revision( 2, 'Hub', page( 'triaged' ) ),
		] );
		expect( history.unreadable ).toBe( 0 );
		expect( history.changes ).toEqual( [
			{ revid: 1, parentid: 0, user: 'Ada', timestamp: '2026-11-11T10:00:00Z', from: null, to: 'open' },
			{ revid: 2, parentid: 1, user: 'Hub', timestamp: '2026-11-12T10:00:00Z', from: 'open', to: 'triaged' },
			{ revid: 4, parentid: 3, user: 'Hub', timestamp: '2026-11-14T10:00:00Z', from: 'triaged', to: 'matched' },
		] );
	} );

	it( 'skips and counts revisions it cannot read, so a revert of vandalism is not a change', () => {
		const history = statusHistory( [
			revision( 1, 'Ada', page( 'open' ) ),
			revision( 2, 'Vandal', 'blanked' ),
			revision( 3, 'Hub', page( 'open' ) ),
			revision( 4, 'Suppressed', null ),
			revision( 5, 'Ada', page( 'on-hold' ) ),
		] );
		expect( history.unreadable ).toBe( 2 );
		expect( history.changes.map( ( c ) => [ c.from, c.to, c.user ] ) ).toEqual( [
			[ null, 'open', 'Ada' ], [ 'open', 'on-hold', 'Ada' ],
		] );
	} );

	it( 'keeps an unknown status as written', () => {
		const history = statusHistory( [ revision( 1, 'Ada', page( 'open' ) ), revision( 2, 'Bob', page( 'finished' ) ) ] );
		expect( history.changes.at( -1 ) ).toMatchObject( { from: 'open', to: 'finished' } );
	} );

	it( 'is empty for no revisions', () => {
		expect( statusHistory( [] ) ).toEqual( { changes: [], unreadable: 0 } );
	} );
} );
