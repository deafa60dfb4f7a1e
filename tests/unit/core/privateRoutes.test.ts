import { parseConfig } from '../../../modules/core/config';
import { isEmailAddress, parseRoute, routedCategories, routesFor, type PrivateRoute } from '../../../modules/core/privateRoutes';

describe( 'parseRoute', () => {
	const ok: [ string, unknown, PrivateRoute ][] = [
		[ 'an address', { category: 'conflict', email: 'facilitation@example.org' }, { category: 'conflict', email: 'facilitation@example.org' } ],
		[ 'an address with spaces around it', { category: 'emergency', email: ' emergency@wikimedia.org ' }, { category: 'emergency', email: 'emergency@wikimedia.org' } ],
		[ 'a role account, normalised', { category: 'conduct', user: 'u4C_contact' }, { category: 'conduct', user: 'U4C contact' } ],
	];
	it.each( ok )( 'reads %s', ( _name, json, route ) => {
		expect( parseRoute( json, 'privateRoutes[0]' ) ).toEqual( route );
	} );

	const wrong: [ string, unknown, string, ( string | number )[] ][] = [
		[ 'not an object', 'facilitation@example.org', 'capacitybuilding-config-invalid-value', [ 'privateRoutes[0]' ] ],
		[ 'a list', [], 'capacitybuilding-config-invalid-value', [ 'privateRoutes[0]' ] ],
		[ 'an unknown key', { category: 'conflict', email: 'a@example.org', label: 'Mediators' }, 'capacitybuilding-config-unknown-key', [ 'privateRoutes[0].label' ] ],
		[ 'an unknown category', { category: 'mediation', email: 'a@example.org' }, 'capacitybuilding-config-route-category', [ 'privateRoutes[0].category', 'conflict, conduct, emergency' ] ],
		[ 'no category', { email: 'a@example.org' }, 'capacitybuilding-config-route-category', [ 'privateRoutes[0].category', 'conflict, conduct, emergency' ] ],
		[ 'no destination', { category: 'conflict' }, 'capacitybuilding-config-route-destination', [ 'privateRoutes[0]' ] ],
		[ 'two destinations', { category: 'conflict', email: 'a@example.org', user: 'Ada' }, 'capacitybuilding-config-route-destination', [ 'privateRoutes[0]' ] ],
		[ 'an address with a display name', { category: 'conflict', email: 'Ada <a@example.org>' }, 'capacitybuilding-config-route-email', [ 'privateRoutes[0].email' ] ],
		[ 'two addresses', { category: 'conflict', email: 'a@example.org,b@example.org' }, 'capacitybuilding-config-route-email', [ 'privateRoutes[0].email' ] ],
		[ 'an address that is a number', { category: 'conflict', email: 5 }, 'capacitybuilding-config-route-email', [ 'privateRoutes[0].email' ] ],
		[ 'an invalid username', { category: 'conduct', user: 'Bad/Name' }, 'capacitybuilding-config-route-user', [ 'privateRoutes[0].user' ] ],
		[ 'an empty username', { category: 'conduct', user: '' }, 'capacitybuilding-config-route-user', [ 'privateRoutes[0].user' ] ],
	];
	it.each( wrong )( 'reports %s', ( _name, json, key, params ) => {
		expect( parseRoute( json, 'privateRoutes[0]' ) ).toEqual( { field: 'privateRoutes[0]', key, params } );
	} );
} );

describe( 'isEmailAddress', () => {
	it.each( [
		[ 'a@example.org', true ], [ 'first.last+tag@sub.example.org', true ], [ 'a@example', false ], [ 'a@@example.org', false ],
		[ 'a b@example.org', false ], [ 'a@example.org?cc=b@example.org', false ], [ '', false ], [ `${ 'a'.repeat( 250 ) }@example.org`, false ],
	] )( '%s → %s', ( value, expected ) => {
		expect( isEmailAddress( value ) ).toBe( expected );
	} );
} );

describe( 'private routes in the configuration', () => {
	it( 'keeps the good routes and reports each wrong one', () => {
		const { config, problems } = parseConfig( { privateRoutes: [
			{ category: 'conflict', email: 'facilitation@example.org' },
			{ category: 'conduct', email: 'not an address' },
			{ category: 'conduct', user: 'Conduct contact' },
		] } );
		expect( config.privateRoutes ).toEqual( [
			{ category: 'conflict', email: 'facilitation@example.org' },
			{ category: 'conduct', user: 'Conduct contact' },
		] );
		expect( problems.map( ( p ) => [ p.key, ...p.params ] ) ).toEqual( [ [ 'capacitybuilding-config-route-email', 'privateRoutes[1].email' ] ] );
		expect( parseConfig( { privateRoutes: {} } ).problems.map( ( p ) => [ p.key, ...p.params ] ) )
			.toEqual( [ [ 'capacitybuilding-config-invalid-value', 'privateRoutes' ] ] );
	} );

	it( 'reads the old privateContacts as conflict routes to those accounts, asking to move them', () => {
		const { config, problems } = parseConfig( { privateContacts: [ 'trusted_Person', 'Bad/Name' ] } );
		expect( config.privateRoutes ).toEqual( [ { category: 'conflict', user: 'Trusted Person' } ] );
		expect( problems.map( ( p ) => [ p.key, ...p.params ] ) ).toEqual( [
			[ 'capacitybuilding-config-private-contacts-moved' ],
			[ 'capacitybuilding-config-route-user', 'privateContacts[1].user' ],
		] );
	} );
} );

describe( 'routing a category', () => {
	const routes: PrivateRoute[] = [
		{ category: 'emergency', email: 'emergency@example.org' },
		{ category: 'conflict', user: 'Facilitator A' },
		{ category: 'conflict', email: 'facilitation@example.org' },
	];
	it.each( [
		[ 'conflict', [ routes[ 1 ], routes[ 2 ] ] ],
		[ 'conduct', [] ],
		[ 'emergency', [ routes[ 0 ] ] ],
	] as const )( '%s goes to the routes configured for it, in their order', ( category, expected ) => {
		expect( routesFor( routes, category ) ).toEqual( expected );
	} );

	it( 'offers only categories with a route, in their fixed order', () => {
		expect( routedCategories( routes ) ).toEqual( [ 'conflict', 'emergency' ] );
		expect( routedCategories( [] ) ).toEqual( [] );
	} );
} );
