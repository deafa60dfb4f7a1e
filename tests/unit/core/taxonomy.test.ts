import Ajv2020 from 'ajv/dist/2020';
import fc from 'fast-check';
import schema from '../../../modules/core/schemas/topics.schema.json';
import defaultTopics from '../../../wiki/pages/Topics.json';
import { indexTopics, topicLabel, topicRelation, validateTaxonomy, withDescendants, type Taxonomy } from '../../../modules/core/taxonomy';

const ajv = new Ajv2020( { allErrors: true } );
const schemaAccepts = ajv.compile( schema );

describe( 'the default taxonomy', () => {
	it( 'is valid by the runtime check and by the JSON Schema', () => {
		expect( validateTaxonomy( defaultTopics ).problems ).toEqual( [] );
		expect( schemaAccepts( defaultTopics ) ).toBe( true );
	} );

	it( 'has the root areas and the movement sub-topics the programme needs', () => {
		const taxonomy = defaultTopics as Taxonomy;
		expect( taxonomy.topics.map( ( t ) => t.key ) ).toEqual( [ 'organisational', 'communication', 'learning', 'community', 'social', 'strategic', 'technology' ] );
		const index = indexTopics( taxonomy );
		for ( const key of [ 'governance', 'conflict-resolution', 'grant-writing', 'partnerships', 'volunteer-management', 'event-organising', 'outreach-and-education', 'fundraising', 'technical-skills', 'evaluation' ] ) {
			expect( index.has( key ) ).toBe( true );
		}
		for ( const { topic } of index.values() ) {
			expect( Object.keys( topic.labels ).sort() ).toEqual( [ 'ar', 'en', 'es', 'fr', 'pt' ] );
		}
	} );
} );

describe( 'labels and relations', () => {
	const index = indexTopics( defaultTopics as Taxonomy );
	const governance = index.get( 'governance' )?.topic;

	it( 'falls back through the language chain to English, then to the key', () => {
		if ( !governance ) {
			throw new Error( 'no governance topic' );
		}
		expect( topicLabel( governance, [ 'pt-br', 'pt', 'en' ] ) ).toBe( 'Governança e competências de conselho' );
		expect( topicLabel( governance, [ 'de-at', 'de' ] ) ).toBe( 'Governance and board skills' );
		expect( topicLabel( { key: 'x', labels: {} }, [ 'fr' ] ) ).toBe( 'x' );
	} );

	it( 'selects sub-topics with their area and knows how topics relate', () => {
		expect( withDescendants( index, 'community' ) ).toEqual( [ 'community', 'volunteer-management', 'conflict-resolution', 'event-organising', 'outreach-and-education', 'onboarding-newcomers', 'safety-and-conduct' ] );
		expect( withDescendants( index, 'nothing' ) ).toEqual( [] );
		expect( topicRelation( index, 'governance', 'governance' ) ).toBe( 'same' );
		expect( topicRelation( index, 'governance', 'organisational' ) ).toBe( 'parent' );
		expect( topicRelation( index, 'organisational', 'governance' ) ).toBe( 'child' );
		expect( topicRelation( index, 'governance', 'fundraising' ) ).toBe( 'sibling' );
		expect( topicRelation( index, 'governance', 'social-media' ) ).toBe( 'unrelated' );
	} );
} );

describe( 'validateTaxonomy', () => {
	it( 'reports each problem with its place in the JSON', () => {
		const { taxonomy, problems } = validateTaxonomy( {
			version: 2,
			extra: true,
			topics: [
				{ key: 'Bad Key', labels: { en: 'x' } },
				{ key: 'dup', labels: { fr: 'sans anglais' } },
				{ key: 'dup', qid: 'X1', labels: { en: 'y', 'not a code': 'z' }, children: [ { key: 'c', labels: { en: 'c' }, children: [ { key: 'd', labels: { en: 'd' }, children: [] } ] } ] },
			],
		} );
		expect( taxonomy ).toBeNull();
		expect( problems.map( ( p ) => [ p.key, ...p.params ] ) ).toEqual( [
			[ 'capacitybuilding-topics-version', 'version' ],
			[ 'capacitybuilding-topics-unknown-property', 'extra' ],
			[ 'capacitybuilding-topics-invalid-key', 'topics[0].key' ],
			[ 'capacitybuilding-topics-missing-english', 'topics[1].labels' ],
			[ 'capacitybuilding-topics-duplicate-key', 'topics[2].key', 'dup' ],
			[ 'capacitybuilding-topics-invalid-qid', 'topics[2].qid' ],
			[ 'capacitybuilding-topics-invalid-label', 'topics[2].labels.not a code' ],
			[ 'capacitybuilding-topics-too-deep', 'topics[2].children[0].children[0].children', 3 ],
		] );
	} );

	it( 'agrees with the JSON Schema on generated documents', () => {
		// Uniqueness of keys is beyond JSON Schema; generated keys are unique by construction.
		let counter = 0;
		const key = fc.oneof( fc.constant( null ), fc.constantFrom( 'ok', 'Bad', '-x', 'a-b', '' ) ).map( ( k ) => k === null ? `k${ counter++ }` : `${ k }${ k === 'Bad' || k === '-x' || k === '' ? '' : counter++ }` );
		const labels = fc.dictionary( fc.constantFrom( 'en', 'fr', 'pt-br', 'EN', 'x' ), fc.constantFrom( 'Label', '', '  ', 'x'.repeat( 101 ), '😀'.repeat( 100 ) ) );
		const leaf = fc.record( { key, labels, qid: fc.constantFrom( 'Q1', 'Q0', 'q5', 'Q12345' ) }, { requiredKeys: [ 'key', 'labels' ] } );
		const mid = fc.record( { key, labels, children: fc.array( leaf, { maxLength: 2 } ) }, { requiredKeys: [ 'key', 'labels' ] } );
		const root = fc.record( { key, labels, children: fc.array( mid, { maxLength: 2 } ) }, { requiredKeys: [ 'key', 'labels' ] } );
		const doc = fc.record( { version: fc.constantFrom( 1, 2 ), topics: fc.array( root, { maxLength: 3 } ) } );
		fc.assert( fc.property( doc, ( json ) => validateTaxonomy( json ).problems.length === 0 === schemaAccepts( json ) ), { numRuns: 2000 } );
	} );
} );
