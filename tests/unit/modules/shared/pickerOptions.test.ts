import { indexTopics, validateTaxonomy } from '../../../../modules/core/taxonomy';
import { filterOptions, languageOptions, topicOptions } from '../../../../modules/shared/pickerOptions';

const taxonomy = validateTaxonomy( {
	version: 1,
	topics: [
		{ key: 'community', labels: { en: 'Community', fr: 'Communauté' }, children: [
			{ key: 'outreach', labels: { en: 'Outreach' } },
		] },
	],
} ).taxonomy!;

describe( 'picker options', () => {
	it( 'labels topics in the user’s language with their parent areas', () => {
		expect( topicOptions( indexTopics( taxonomy ), [ 'fr' ] ) ).toEqual( [
			{ value: 'community', label: 'Communauté' },
			{ value: 'outreach', label: 'Outreach', description: 'Communauté' },
		] );
	} );

	it( 'names languages and finds them by name, autonym or code', () => {
		const options = languageOptions( new Map( [
			[ 'fr', { name: 'French', autonym: 'français' } ],
			[ 'ar', { name: 'Arabic', autonym: 'العربية' } ],
		] ) );
		expect( options.map( ( o ) => o.value ) ).toEqual( [ 'ar', 'fr' ] );
		expect( filterOptions( options, 'franç' ).map( ( o ) => o.value ) ).toEqual( [ 'fr' ] );
		expect( filterOptions( options, 'AR' ).map( ( o ) => o.value ) ).toEqual( [ 'ar' ] );
		expect( filterOptions( options, 'العر' ).map( ( o ) => o.value ) ).toEqual( [ 'ar' ] );
		expect( filterOptions( options, 'zzz' ) ).toEqual( [] );
	} );

	it( 'puts label prefix matches before matches inside', () => {
		const options = [ { value: 'a', label: 'Outreach basics' }, { value: 'b', label: 'Reach out' } ];
		expect( filterOptions( options, 'reach' ).map( ( o ) => o.value ) ).toEqual( [ 'b', 'a' ] );
		expect( filterOptions( options, '', 1 ) ).toHaveLength( 1 );
	} );
} );
