import { emptyRecord, HUB_SCHEMA, type Hub } from '../../../../modules/core/model';
import { ANY, hubMatches, listedValues, matchingHubs, type HubQuery } from '../../../../modules/hubsOverview/filter';

function hub( fields: Partial<Hub> ): Hub {
	return { ...emptyRecord( HUB_SCHEMA ), contacts: [ 'Contact' ], ...fields };
}

const hubs = new Map<string, Hub>( [
	[ 'Zulu', hub( { name: 'Zulu hub', kind: 'regional', regions: [ 'SSA' ], languages: [ 'zu', 'en' ] } ) ],
	[ 'Grants', hub( { name: 'Grants', kind: 'thematic', topics: [ 'grant-writing' ], languages: [ 'en', 'fr' ] } ) ],
	[ 'Africa', hub( { name: 'Afrique', kind: 'regional', regions: [ 'SSA', 'MENA' ], topics: [ 'grant-writing' ], languages: [ 'fr' ] } ) ],
	[ 'Odd', hub( { name: '', kind: 'global', regions: [ ' ssa ' ] } ) ],
	[ 'Broken', { name: 'Broken', kind: 'regional' } as unknown as Hub ],
] );

describe( 'which hub is mine', () => {
	// Each row: the question, and the hubs listed in order.
	const table: [ string, Partial<HubQuery>, string[] ][] = [
		[ 'nothing asked: every hub, regional first, by name', {}, [ 'Africa', 'Broken', 'Zulu', 'Grants', 'Odd' ] ],
		[ 'a region', { region: 'SSA' }, [ 'Africa', 'Zulu', 'Odd' ] ],
		[ 'a region in other case', { region: 'mena' }, [ 'Africa' ] ],
		[ 'a topic', { topic: 'grant-writing' }, [ 'Africa', 'Grants' ] ],
		[ 'a topic exactly', { topic: 'Grant-writing' }, [] ],
		[ 'a language', { language: 'EN' }, [ 'Zulu', 'Grants' ] ],
		[ 'every value asked for', { region: 'SSA', language: 'fr' }, [ 'Africa' ] ],
		[ 'nothing covers it', { region: 'NA' }, [] ],
	];
	it.each( table )( '%s', ( _, asked, expected ) => {
		expect( matchingHubs( hubs, { ...ANY, ...asked }, new Intl.Collator( 'en' ) ) ).toEqual( expected );
	} );

	it( 'reads absent fields as empty', () => {
		expect( hubMatches( { name: 'x' } as unknown as Hub, { ...ANY, region: 'SSA' } ) ).toBe( false );
		expect( hubMatches( { name: 'x' } as unknown as Hub, ANY ) ).toBe( true );
	} );

	it( 'offers each listed value once, first spelling kept', () => {
		expect( listedValues( hubs, 'regions' ) ).toEqual( [ 'SSA', 'MENA' ] );
		expect( listedValues( hubs, 'languages' ) ).toEqual( [ 'zu', 'en', 'fr' ] );
		expect( listedValues( hubs, 'topics' ) ).toEqual( [ 'grant-writing' ] );
	} );
} );
