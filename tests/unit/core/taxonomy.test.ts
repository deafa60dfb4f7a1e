import Ajv2020 from 'ajv/dist/2020';
import fc from 'fast-check';
import schema from '../../../modules/core/schemas/topics.schema.json';
import defaultTopics from '../../../wiki/pages/Topics.json';
import en from '../../../i18n/en.json';
import fr from '../../../i18n/fr.json';
import pt from '../../../i18n/pt.json';
import { indexTopics, localizeTopics, topicLabel, topicRelation, validateTaxonomy, withDescendants, type Taxonomy } from '../../../modules/core/taxonomy';
import { TOPIC_MESSAGES } from '../../../modules/core/topicMessages';

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
		// Every default topic is named by its message, translated like every other message.
		for ( const { topic } of index.values() ) {
			expect( { key: topic.key, message: topic.message, labels: topic.labels } )
				.toEqual( { key: topic.key, message: `capacitybuilding-topic-${ topic.key }`, labels: undefined } );
			expect( en[ topic.message as keyof typeof en ] ).toEqual( expect.any( String ) );
		}
		expect( [ ...index.values() ].map( ( { topic } ) => topic.message ) ).toEqual( TOPIC_MESSAGES );
	} );
} );

describe( 'labels and relations', () => {
	const index = indexTopics( defaultTopics as Taxonomy );

	it( 'names a default topic by its message in the reader\'s language, and an added one by its labels', () => {
		const files = { en, fr, pt } as unknown as Record<string, Record<string, string>>;
		const reading = ( language: string, fallbacks: string[] ): ReturnType<typeof indexTopics> => indexTopics( localizeTopics(
			defaultTopics as Taxonomy, language, ( key ) => [ language, ...fallbacks ].map( ( code ) => files[ code ]?.[ key ] ).find( Boolean ) ?? null ) );
		const governance = ( language: string, fallbacks: string[] ): string => {
			const topic = reading( language, fallbacks ).get( 'governance' )?.topic ?? { key: '?' };
			return topicLabel( topic, [ language, ...fallbacks ] );
		};
		expect( governance( 'pt-br', [ 'pt', 'en' ] ) ).toBe( pt[ 'capacitybuilding-topic-governance' ] );
		expect( governance( 'fr', [ 'en' ] ) ).toBe( fr[ 'capacitybuilding-topic-governance' ] );
		expect( governance( 'de-at', [ 'de', 'en' ] ) ).toBe( en[ 'capacitybuilding-topic-governance' ] );
		// Without its message (not shipped), the key.
		expect( topicLabel( index.get( 'governance' )?.topic ?? { key: '?' }, [ 'en' ] ) ).toBe( 'governance' );
		// A topic a community added keeps its labels, falling back through the chain to English.
		const added = { key: 'wiki-loves-x', labels: { en: 'Wiki Loves X', pt: 'Wiki Ama X' } };
		expect( topicLabel( added, [ 'pt-br', 'pt', 'en' ] ) ).toBe( 'Wiki Ama X' );
		expect( topicLabel( added, [ 'de' ] ) ).toBe( 'Wiki Loves X' );
		expect( topicLabel( { key: 'x', labels: {} }, [ 'fr' ] ) ).toBe( 'x' );
		// A label written on the page for the reader's language wins over the message.
		const customised = localizeTopics( { version: 1, topics: [ { key: 'governance', message: 'capacitybuilding-topic-governance', labels: { fr: 'Gouvernance (local)' } } ] },
			'fr', () => 'from the message' );
		expect( topicLabel( customised.topics[ 0 ] as Taxonomy[ 'topics' ][ number ], [ 'fr', 'en' ] ) ).toBe( 'Gouvernance (local)' );
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
				{ key: 'named', message: 'capacitybuilding-topic-governance', labels: { fr: 'Gouvernance' } },
				{ key: 'misnamed', message: 'capacitybuilding-desc' },
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
			[ 'capacitybuilding-topics-unknown-message', 'topics[4].message', 'capacitybuilding-desc' ],
		] );
	} );

	it( 'agrees with the JSON Schema on generated documents', () => {
		// Uniqueness of keys is beyond JSON Schema; generated keys are unique by construction.
		let counter = 0;
		const key = fc.oneof( fc.constant( null ), fc.constantFrom( 'ok', 'Bad', '-x', 'a-b', '' ) ).map( ( k ) => k === null ? `k${ counter++ }` : `${ k }${ k === 'Bad' || k === '-x' || k === '' ? '' : counter++ }` );
		const labels = fc.dictionary( fc.constantFrom( 'en', 'fr', 'pt-br', 'EN', 'x' ), fc.constantFrom( 'Label', '', '  ', 'x'.repeat( 101 ), '😀'.repeat( 100 ) ) );
		const message = fc.constantFrom( 'capacitybuilding-topic-governance', 'capacitybuilding-topic-nope', 'capacitybuilding-desc', 5 );
		const leaf = fc.record( { key, labels, message, qid: fc.constantFrom( 'Q1', 'Q0', 'q5', 'Q12345' ) }, { requiredKeys: [ 'key' ] } );
		const mid = fc.record( { key, labels, message, children: fc.array( leaf, { maxLength: 2 } ) }, { requiredKeys: [ 'key' ] } );
		const root = fc.record( { key, labels, message, children: fc.array( mid, { maxLength: 2 } ) }, { requiredKeys: [ 'key' ] } );
		const doc = fc.record( { version: fc.constantFrom( 1, 2 ), topics: fc.array( root, { maxLength: 3 } ) } );
		fc.assert( fc.property( doc, ( json ) => validateTaxonomy( json ).problems.length === 0 === schemaAccepts( json ) ), { numRuns: 2000 } );
	} );
} );
