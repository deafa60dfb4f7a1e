import { mergeRecords } from '../../../modules/core/merge';
import { REQUEST_SCHEMA, emptyRecord } from '../../../modules/core/model';

const base = { ...emptyRecord( REQUEST_SCHEMA ), title: 'Old title', status: 'open', offers: [] as string[] };

describe( 'mergeRecords', () => {
	it( 'takes my changed fields and their other changes', () => {
		const mine = { ...base, title: 'New title' };
		const theirs = { ...base, offers: [ 'Bea' ] };
		expect( mergeRecords( REQUEST_SCHEMA, base, mine, theirs ) ).toEqual( { record: { ...base, title: 'New title', offers: [ 'Bea' ] }, conflicts: [] } );
	} );

	it( 'accepts the same change made on both sides', () => {
		const both = { ...base, status: 'withdrawn' };
		expect( mergeRecords( REQUEST_SCHEMA, base, both, both ).record ).toEqual( both );
	} );

	it( 'refuses when both changed a field differently', () => {
		expect( mergeRecords( REQUEST_SCHEMA, base, { ...base, status: 'withdrawn' }, { ...base, status: 'declined' } ) )
			.toEqual( { record: null, conflicts: [ 'status' ] } );
	} );
} );
