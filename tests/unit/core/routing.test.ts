import fc from 'fast-check';
import { emptyRecord, HUB_SCHEMA, REQUEST_SCHEMA, type CapacityRequest, type Hub } from '../../../modules/core/model';
import { ROUTE_MAX_CANDIDATES, routeRequest, type Route, type RoutableHub } from '../../../modules/core/routing';

function request( fields: Partial<CapacityRequest> = {} ): CapacityRequest {
	return {
		...emptyRecord( REQUEST_SCHEMA ),
		title: 'Help with grants', requester: 'Asker', requesterType: 'group', region: 'LAC',
		topics: [ 'grant-writing' ], formats: [ 'coaching' ], languages: [ 'es' ], status: 'open',
		created: '2026-01-01T00:00:00Z', description: 'We would like help with our first grant.',
		...fields,
	};
}

function hub( key: string, fields: Partial<Hub> = {} ): RoutableHub {
	return { key, hub: { ...emptyRecord( HUB_SCHEMA ), name: key, contacts: [ 'Contact' ], ...fields } };
}

const regional = ( key: string, regions: string[], extra: Partial<Hub> = {} ): RoutableHub => hub( key, { kind: 'regional', regions, ...extra } );
const thematic = ( key: string, topics: string[], languages: string[], extra: Partial<Hub> = {} ): RoutableHub => hub( key, { kind: 'thematic', topics, languages, ...extra } );

const admins: Route = { hubs: [], queue: 'admins' };
const to = ( ...hubs: string[] ): Route => ( { hubs, queue: 'hubs' } );

describe( 'routeRequest', () => {
	// Each row: what it shows, the request, the hubs, and the route (null: not routed).
	const table: [ string, CapacityRequest, RoutableHub[], Route | null ][] = [
		[ 'no hubs at all: the admins\' queue', request(), [], admins ],
		[ 'a regional hub of the request\'s region', request(), [ regional( 'Latin America', [ 'LAC' ] ) ], to( 'Latin America' ) ],
		[ 'a regional hub of another region covers nothing', request(), [ regional( 'Africa', [ 'SSA' ] ) ], admins ],
		[ 'several regional hubs of the region: key order', request(), [
			regional( 'Zeta', [ 'LAC' ] ), regional( 'Alpha', [ 'NA', 'LAC' ] ), regional( 'Mid', [ 'LAC' ] ),
		], to( 'Alpha', 'Mid', 'Zeta' ) ],
		[ 'a regional hub listing the request\'s topic comes before one that does not', request(), [
			regional( 'A', [ 'LAC' ] ), regional( 'B', [ 'LAC' ], { topics: [ 'grant-writing' ] } ),
		], to( 'B', 'A' ) ],
		[ 'a regional hub needs no shared language', request( { languages: [ 'pt' ] } ), [ regional( 'LAC hub', [ 'LAC' ], { languages: [ 'es' ] } ) ], to( 'LAC hub' ) ],
		[ 'a thematic hub by topic and language', request(), [ thematic( 'Grants', [ 'grant-writing' ], [ 'es', 'en' ] ) ], to( 'Grants' ) ],
		[ 'a thematic hub with the topic but no shared language covers nothing', request(), [ thematic( 'Grants', [ 'grant-writing' ], [ 'en' ] ) ], admins ],
		[ 'a thematic hub with the topic and no languages at all covers nothing', request(), [ thematic( 'Grants', [ 'grant-writing' ], [] ) ], admins ],
		[ 'a thematic hub with the language but another topic covers nothing', request(), [ thematic( 'Legal', [ 'legal' ], [ 'es' ] ) ], admins ],
		[ 'a thematic hub is not routed to by region', request(), [ thematic( 'Grants', [ 'legal' ], [ 'es' ], { regions: [ 'LAC' ] } ) ], admins ],
		[ 'a request accepting any language ("mul") takes a thematic hub by topic', request( { languages: [ 'mul' ] } ), [ thematic( 'Grants', [ 'grant-writing' ], [ 'en' ] ) ], to( 'Grants' ) ],
		[ 'a request listing no language takes a thematic hub by topic', request( { languages: [] } ), [ thematic( 'Grants', [ 'grant-writing' ], [ 'de' ] ) ], to( 'Grants' ) ],
		[ 'regional before thematic, whatever they share', request( { topics: [ 'grant-writing', 'legal' ] } ), [
			thematic( 'A thematic', [ 'grant-writing', 'legal' ], [ 'es' ] ), regional( 'Z regional', [ 'LAC' ] ),
		], to( 'Z regional', 'A thematic' ) ],
		[ 'thematic hubs: more shared topics, then more shared languages, then key', request( { topics: [ 't1', 't2' ], languages: [ 'es', 'pt' ] } ), [
			thematic( 'One topic two languages', [ 't1' ], [ 'es', 'pt' ] ),
			thematic( 'Two topics one language', [ 't1', 't2' ], [ 'es' ] ),
			thematic( 'B one topic one language', [ 't2' ], [ 'pt' ] ),
			thematic( 'A one topic one language', [ 't1' ], [ 'es' ] ),
		], to( 'Two topics one language', 'One topic two languages', 'A one topic one language', 'B one topic one language' ) ],
		[ 'ties by key in code unit order, not by locale', request(), [
			regional( 'b', [ 'LAC' ] ), regional( 'B', [ 'LAC' ] ), regional( 'Á', [ 'LAC' ] ), regional( 'A', [ 'LAC' ] ),
		], to( 'A', 'B', 'b', 'Á' ) ],
		[ 'Unicode names: keys kept as they are', request(), [
			regional( 'مركز أمريكا اللاتينية', [ 'LAC' ] ), regional( '拉丁美洲', [ 'LAC' ] ), regional( 'Hub 🌎', [ 'LAC' ] ),
		], to( 'Hub 🌎', 'مركز أمريكا اللاتينية', '拉丁美洲' ) ],
		[ 'codes compared without case, values trimmed', request( { region: ' lac ', languages: [ 'ES' ] } ), [
			regional( 'R', [ ' Lac' ] ), thematic( 'T', [ ' grant-writing ' ], [ 'es ' ] ),
		], to( 'R', 'T' ) ],
		[ 'topic keys compared exactly', request( { topics: [ 'Grant-Writing' ] } ), [ thematic( 'T', [ 'grant-writing' ], [ 'es' ] ) ], admins ],
		[ 'a kind in capitals still counts', request(), [ hub( 'R', { kind: ' Regional ', regions: [ 'LAC' ] } ) ], to( 'R' ) ],
		[ 'a hub without a kind, or with another kind, covers nothing', request(), [
			hub( 'No kind', { regions: [ 'LAC' ] } ), hub( 'Other kind', { kind: 'global', regions: [ 'LAC' ], topics: [ 'grant-writing' ], languages: [ 'es' ] } ),
		], admins ],
		[ 'a malformed hub is not routed to', request(), [ { ...regional( 'Broken', [ 'LAC' ] ), state: 'malformed' } ], admins ],
		[ 'an invalid hub still covers what it lists', request(), [ { ...regional( 'Invalid', [ 'LAC', 'Atlantis' ] ), state: 'invalid' } ], to( 'Invalid' ) ],
		[ 'absent and odd fields are read as empty', request(), [
			{ key: 'Null', hub: null }, { key: 'Array', hub: [ 'regional' ] }, { key: 'Text', hub: 'regional LAC' },
			{ key: 'No regions', hub: { kind: 'regional' } },
			{ key: 'Numbers', hub: { kind: 'regional', regions: [ 1, null, { LAC: true } ] } },
			{ key: 'Comma text', hub: { kind: 'regional', regions: 'NA, LAC' } },
		], to( 'Comma text' ) ],
		[ 'a hub key listed twice counts once (the first)', request(), [ regional( 'Twice', [ 'SSA' ] ), regional( 'Twice', [ 'LAC' ] ) ], admins ],
		[ 'hubs without a key are left out', request(), [ { key: '', hub: { kind: 'regional', regions: [ 'LAC' ] } } ], admins ],
		[ 'a request without a region takes no regional hub', request( { region: '' } ), [ regional( 'All', [ ...'SSA MENA SA ESEAP CEECA NWE LAC NA'.split( ' ' ) ] ) ], admins ],
		[ 'a request with an unknown region takes no regional hub', request( { region: 'Atlantis' } ), [ regional( 'R', [ 'LAC' ] ) ], admins ],
		[ 'odd text in the request: markup and RTL marks do not match', request( { region: 'LAC}}', topics: [ '[[grant-writing]]' ], languages: [ '\u200Fes' ] } ), [
			regional( 'R', [ 'LAC' ] ), thematic( 'T', [ 'grant-writing' ], [ 'es' ] ),
		], admins ],
		[ 'a request with a hub is not routed', request( { hub: 'Latin America' } ), [ regional( 'Latin America', [ 'LAC' ] ) ], null ],
		[ 'a request naming a hub that does not exist is not routed either', request( { hub: 'Gone' } ), [ regional( 'R', [ 'LAC' ] ) ], null ],
		[ 'a hub of only spaces is no hub', request( { hub: '  ' } ), [ regional( 'R', [ 'LAC' ] ) ], to( 'R' ) ],
		...( [ 'completed', 'declined', 'withdrawn' ] as const ).map( ( status ): [ string, CapacityRequest, RoutableHub[], Route | null ] => [
			`a request with the status ${ status } is not routed`, request( { status } ), [ regional( 'R', [ 'LAC' ] ) ], null,
		] ),
		...( [ 'triaged', 'matched', 'in-progress', 'on-hold', 'unknown' ] as const ).map( ( status ): [ string, CapacityRequest, RoutableHub[], Route | null ] => [
			`a request with the status ${ status } and no hub is routed`, request( { status } ), [ regional( 'R', [ 'LAC' ] ) ], to( 'R' ),
		] ),
		[ `at most ${ ROUTE_MAX_CANDIDATES } candidates, the best`, request(), Array.from( { length: 8 }, ( _, i ) => regional( `Hub ${ 8 - i }`, [ 'LAC' ] ) ),
			to( 'Hub 1', 'Hub 2', 'Hub 3', 'Hub 4', 'Hub 5' ) ],
	];

	it.each( table )( '%s', ( _, given, hubs, expected ) => {
		expect( routeRequest( given, hubs ) ).toEqual( expected );
	} );

	it( 'gives the same route whatever order the hubs come in', () => {
		const hubs = fc.array( fc.record( {
			key: fc.constantFrom( 'A', 'B', 'b', 'Ä', 'Hub 🌎', 'z' ),
			kind: fc.constantFrom( 'regional', 'thematic', '' ),
			regions: fc.subarray( [ 'LAC', 'NA', 'SSA' ] ),
			topics: fc.subarray( [ 't1', 't2', 't3' ] ),
			languages: fc.subarray( [ 'es', 'en', 'pt' ] ),
		} ), { maxLength: 10 } );
		fc.assert( fc.property( hubs, fc.nat(), ( list, seed ) => {
			// Unique keys: with duplicates the first one wins, which is order-dependent by design.
			const unique = list.filter( ( h, i ) => list.findIndex( ( other ) => other.key === h.key ) === i )
				.map( ( { key, ...fields } ) => hub( key, fields ) );
			const at = seed % ( unique.length || 1 );
			const shuffled = [ ...unique.slice( at ), ...unique.slice( 0, at ) ].reverse();
			const given = request( { topics: [ 't1', 't2' ], languages: [ 'es', 'pt' ] } );
			expect( routeRequest( given, shuffled ) ).toEqual( routeRequest( given, unique ) );
		} ) );
	} );
} );
