import { DEFAULT_CONFIG, defaultConfigJson, parseConfig } from '../../../modules/core/config';
import { coachPage, coachTitle, coachUser, hubKey, hubPage, hubTitle, requestNumber, requestTitle, sitePages } from '../../../modules/core/pages';

describe( 'parseConfig', () => {
	it( 'fills in defaults', () => {
		expect( parseConfig( {} ) ).toEqual( { config: DEFAULT_CONFIG, problems: [] } );
		expect( parseConfig( JSON.parse( defaultConfigJson() ) ).problems ).toEqual( [] );
	} );

	it( 'reads settings and normalises usernames', () => {
		const { config, problems } = parseConfig( { basePage: 'Capacity_building', admins: [ 'ada_Lovelace' ], statusPolicy: { staleAfterDays: 30 } } );
		expect( problems ).toEqual( [] );
		expect( config.basePage ).toBe( 'Capacity building' );
		expect( config.admins ).toEqual( [ 'Ada Lovelace' ] );
		expect( config.statusPolicy ).toEqual( { staleAfterDays: 30, adminsMayReopenClosed: true } );
	} );

	it( 'reports and defaults what is wrong, without failing', () => {
		const { config, problems } = parseConfig( { admins: 'Ada', bots: [ 'Bad/Name' ], colour: 'red', statusPolicy: { staleAfterDays: -1, x: 1 } } );
		expect( config ).toEqual( DEFAULT_CONFIG );
		expect( problems.map( ( p ) => [ p.key, ...p.params ] ) ).toEqual( [
			[ 'capacitybuilding-config-invalid-value', 'admins' ],
			[ 'capacitybuilding-config-invalid-value', 'bots' ],
			[ 'capacitybuilding-config-unknown-key', 'colour' ],
			[ 'capacitybuilding-config-invalid-value', 'statusPolicy.staleAfterDays' ],
			[ 'capacitybuilding-config-unknown-key', 'statusPolicy.x' ],
		] );
		expect( parseConfig( [] ).problems.map( ( p ) => p.key ) ).toEqual( [ 'capacitybuilding-config-not-object' ] );
	} );

	it( 'reads the notifications section setting by setting, keeping the rest when one is wrong', () => {
		const { config, problems } = parseConfig( { notifications: {
			kinds: { stale: false, offered: true, banana: true, matched: 'yes' },
			userTalk: [ 'matched', 'matched', 'declined' ], noticeboard: 'Project:Capacity_building/Noticeboard',
			mentions: false, deadlineDays: 0, followUpDays: 30, colour: 'red',
		} } );
		expect( config.notifications ).toEqual( { kinds: { stale: false, offered: true }, userTalk: [ 'matched', 'declined' ],
			noticeboard: 'Project:Capacity building/Noticeboard', mentions: false, deadlineDays: 14, followUpDays: 30 } );
		expect( parseConfig( { notifications: { followUpDays: -1 } } ).config.notifications.followUpDays ).toBe( 91 );
		expect( parseConfig( { notifications: { followUpDays: 1.5 } } ).problems.map( ( p ) => p.params[ 0 ] ) )
			.toEqual( [ 'notifications.followUpDays' ] );
		expect( problems.map( ( p ) => [ p.key, ...p.params ] ) ).toEqual( [
			[ 'capacitybuilding-config-unknown-key', 'notifications.kinds.banana' ],
			[ 'capacitybuilding-config-invalid-value', 'notifications.kinds.matched' ],
			[ 'capacitybuilding-config-invalid-value', 'notifications.deadlineDays' ],
			[ 'capacitybuilding-config-unknown-key', 'notifications.colour' ],
		] );
		expect( parseConfig( { notifications: { userTalk: [ 'nope' ] } } ).problems.map( ( p ) => p.params[ 0 ] ) )
			.toEqual( [ 'notifications.userTalk' ] );
		expect( parseConfig( { notifications: [] } ).config.notifications ).toEqual( DEFAULT_CONFIG.notifications );
		// Parsing never shares the defaults' objects with the result.
		parseConfig( { notifications: { kinds: { stale: false } } } );
		expect( DEFAULT_CONFIG.notifications.kinds ).toEqual( {} );
	} );
} );

describe( 'page titles', () => {
	it( 'builds and recognises request, coach and hub pages', () => {
		expect( requestTitle( 'Capacity_building', 12 ) ).toBe( 'Capacity building/Requests/R12' );
		expect( requestNumber( 'Capacity building', 'Capacity_building/Requests/R12' ) ).toBe( 12 );
		for ( const other of [ 'Capacity building/Requests/R0', 'Capacity building/Requests/R01', 'Capacity building/Requests/Index', 'Capacity building/Requests/R1/x', 'Other/Requests/R1' ] ) {
			expect( requestNumber( 'Capacity building', other ) ).toBeNull();
		}
		expect( coachTitle( 'Capacity building', 'grace_Hopper' ) ).toBe( 'Capacity building/Coaches/Grace Hopper' );
		expect( coachUser( 'Capacity building', 'Capacity building/Coaches/Grace Hopper' ) ).toBe( 'Grace Hopper' );
		expect( coachUser( 'Capacity building', 'Capacity building/Coaches/Index' ) ).toBeNull();
		expect( hubKey( 'Capacity building', hubTitle( 'Capacity building', 'ESEAP Hub' ) ) ).toBe( 'ESEAP Hub' );
		expect( sitePages( 'Capacity building' ).review ).toBe( 'Capacity building/Review' );
	} );

	it( 'finds a coach page\'s base page and coach from its title alone', () => {
		expect( coachPage( 'Capacity_building/Coaches/Ana' ) ).toEqual( { base: 'Capacity building', user: 'Ana' } );
		expect( coachPage( 'Project:Capacity building/Coaches/Ana María' ) ).toEqual( { base: 'Project:Capacity building', user: 'Ana María' } );
		expect( coachPage( 'A/Coaches/B/Coaches/Carol' ) ).toEqual( { base: 'A/Coaches/B', user: 'Carol' } );
		for ( const other of [ 'Capacity building/Coaches/Index', 'Capacity building/Coaches/Ana/Archive', 'Capacity building/Coaches/', 'Capacity building/Coaches', '/Coaches/Ana', 'Template:Capacity coach' ] ) {
			expect( coachPage( other ) ).toBeNull();
		}
	} );

	it( 'finds a hub page\'s base page and key from its title alone', () => {
		expect( hubPage( 'Capacity_building/Hubs/Africa_hub' ) ).toEqual( { base: 'Capacity building', key: 'Africa hub' } );
		expect( hubPage( 'A/Hubs/B/Hubs/ESEAP' ) ).toEqual( { base: 'A/Hubs/B', key: 'ESEAP' } );
		for ( const other of [ 'Capacity building/Hubs', 'Capacity building/Hubs/', 'Capacity building/Hubs/Africa/Noticeboard', '/Hubs/Africa', 'Capacity building/Hubs.json' ] ) {
			expect( hubPage( other ) ).toBeNull();
		}
	} );
} );
