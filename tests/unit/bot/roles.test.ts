/**
 * The roles at the time of each revision (bot/sync/roles.ts): the configuration, hub contacts and
 * coaches accepted before a revision, by revision id.
 */
import { RoleTimeline } from '../../../bot/sync/roles';

describe( 'RoleTimeline', () => {
	const timeline = new RoleTimeline(
		[ { revid: 10, at: '', text: '{"admins":["Boss"]}' }, { revid: 50, at: '', text: '{"admins":["Boss","Oscar"]}' },
			{ revid: 70, at: '', text: 'not JSON' } ],
		[ { page: 'B/Hubs/H', key: 'H', revid: 20, contacts: [ 'Hubert' ] }, { page: 'B/Hubs/H', key: 'H', revid: 60, contacts: [ 'Mallory' ] } ],
		new Map( [ [ 'Carol', 30 ] ] ),
	);

	it( 'gives the roles accepted before a revision', () => {
		expect( timeline.at( 5 ).permissions.config.admins ).toEqual( [] );
		expect( timeline.at( 15 ).permissions.config.admins ).toEqual( [ 'Boss' ] );
		expect( timeline.at( 15 ).hubKeys.has( 'H' ) ).toBe( false );
		expect( timeline.at( 25 ).permissions.hubs.get( 'H' )?.contacts ).toEqual( [ 'Hubert' ] );
		expect( timeline.at( 25 ).permissions.coaches.has( 'Carol' ) ).toBe( false );
		expect( timeline.at( 31 ).permissions.coaches.has( 'Carol' ) ).toBe( true );
		expect( timeline.at( 55 ).permissions.config.admins ).toEqual( [ 'Boss', 'Oscar' ] );
		expect( timeline.at( 65 ).permissions.hubs.get( 'H' )?.contacts ).toEqual( [ 'Mallory' ] );
		// An unreadable configuration counts as the defaults, as the tools read it.
		expect( timeline.at( 75 ).permissions.config.admins ).toEqual( [] );
	} );

	it( 'follows a sync\'s changes: a hub judged again, a coach gone', () => {
		const t = new RoleTimeline( [], [ { page: 'B/Hubs/H', key: 'H', revid: 20, contacts: [ 'Hubert' ] } ], new Map( [ [ 'Carol', 30 ] ] ) );
		t.setHub( 'B/Hubs/H', [] );
		t.setCoach( 'Carol', null );
		t.addHub( [ { page: 'B/Hubs/K', key: 'K', revid: 40, contacts: [ 'Kim' ] } ] );
		expect( [ ...t.at( 100 ).hubKeys ] ).toEqual( [ 'K' ] );
		expect( t.at( 100 ).permissions.coaches.size ).toBe( 0 );
	} );
} );
