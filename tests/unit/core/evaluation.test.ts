/**
 * Independent evaluation entries in the core: the schema and its validation, where the entries live
 * (page classification), the permission rule (only evaluators, in their own name, for the page's
 * quarter; only the author changes an entry) and judging an evaluation page's history.
 */
import { DEFAULT_CONFIG } from '../../../modules/core/config';
import { classify, judgeHistory, parseRevision, type Content } from '../../../modules/core/judge';
import { EVALUATION_SCHEMA, type Evaluation } from '../../../modules/core/model';
import { evaluationPeriod, evaluationTitle } from '../../../modules/core/pages';
import { checkEvaluationChange, type Decision, type PermissionContext } from '../../../modules/core/permissions';
import { validateEvaluation } from '../../../modules/core/validation';
import { serialize } from '../../../modules/core/wikitext/codec';

const base = 'Capacity building';
const context: PermissionContext = {
	config: { ...DEFAULT_CONFIG, admins: [ 'Boss' ], evaluators: [ 'Eva', 'Ed' ] },
	hubs: new Map( [ [ 'Africa', { contacts: [ 'Hubert' ] } ] ] ),
	coaches: new Set(),
};
const parseContext = { codec: {}, validation: { hubs: new Set( [ 'Africa' ] ) } };

const entry: Evaluation = {
	period: '2026-Q4', hub: 'Africa', evaluator: 'Eva', assessment: 'Good work.\nSlow matching.',
	findings: '', recommendations: 'More coaches in [[French]] {{lang}}', created: '2026-12-01T10:00:00Z',
};

describe( 'Capacity evaluation schema', () => {
	it( 'has the documented parameters, in order', () => {
		expect( EVALUATION_SCHEMA.template ).toBe( 'Capacity evaluation' );
		expect( EVALUATION_SCHEMA.fields.map( ( f ) => f.param ) ).toEqual(
			[ 'period', 'hub', 'evaluator', 'assessment', 'findings', 'recommendations', 'created' ] );
	} );

	it( 'accepts a complete entry and a programme-wide one (no hub)', () => {
		expect( validateEvaluation( entry, parseContext.validation ) ).toEqual( [] );
		expect( validateEvaluation( { ...entry, hub: '' }, parseContext.validation ) ).toEqual( [] );
	} );

	it( 'reports a period that is not a quarter, a missing assessment and an unknown hub', () => {
		const problems = validateEvaluation( { ...entry, period: '2026-13', assessment: '', hub: 'Mars' }, parseContext.validation );
		expect( problems.map( ( p ) => [ p.field, p.key ] ) ).toEqual( expect.arrayContaining( [
			[ 'period', 'capacitybuilding-validation-invalid-period' ],
			[ 'assessment', 'capacitybuilding-validation-required' ],
			[ 'hub', 'capacitybuilding-validation-unknown-hub' ],
		] ) );
	} );

	it( 'round-trips people\'s text through the codec exactly', () => {
		const parsed = parseRevision( 'evaluation', `Intro\n${ serialize( EVALUATION_SCHEMA, entry ) }\nMore`, parseContext );
		expect( parsed.content ).toEqual( { kind: 'evaluation', entries: [ entry ] } );
	} );

	it( 'reads a page without entries as an empty list', () => {
		expect( parseRevision( 'evaluation', 'Nothing yet', parseContext ).content ).toEqual( { kind: 'evaluation', entries: [] } );
	} );
} );

describe( 'evaluation pages', () => {
	it.each( [
		[ 'Capacity building/Evaluation/2026-Q4', { kind: 'evaluation', period: '2026-Q4' } ],
		[ 'Capacity_building/Evaluation/2026-Q1', { kind: 'evaluation', period: '2026-Q1' } ],
		[ 'Capacity building/Evaluation', { kind: 'other' } ],
		[ 'Capacity building/Evaluation/2026-Q5', { kind: 'other' } ],
		[ 'Capacity building/Evaluation/Data/capacity-building-v1-2026-Q4-requests.csv', { kind: 'other' } ],
		[ 'Capacity building/Learning', { kind: 'other' } ],
	] )( '%s is %j', ( title, kind ) => {
		expect( classify( base, title ) ).toEqual( kind );
	} );

	it( 'names the page of a quarter', () => {
		expect( evaluationTitle( 'Capacity_building', '2026-Q4' ) ).toBe( 'Capacity building/Evaluation/2026-Q4' );
		expect( evaluationPeriod( base, evaluationTitle( base, '2026-Q4' ) ) ).toBe( '2026-Q4' );
	} );
} );

describe( 'checkEvaluationChange', () => {
	const check = ( before: Evaluation[], after: Evaluation[], author: string, period = '2026-Q4' ): Decision => checkEvaluationChange(
		period, before, after, author, context );

	it( 'lets an evaluator add an entry in their own name', () => {
		expect( check( [], [ entry ], 'Eva' ).allowed ).toBe( true );
	} );

	it( 'refuses an entry by someone who is not an evaluator, even in their own name', () => {
		const decision = check( [], [ { ...entry, evaluator: 'Mallory' } ], 'Mallory' );
		expect( decision ).toMatchObject( { allowed: false, reason: { key: 'capacitybuilding-permission-evaluation-not-evaluator' } } );
	} );

	it( 'refuses an admin writing an entry (admins are not evaluators)', () => {
		expect( check( [], [ { ...entry, evaluator: 'Boss' } ], 'Boss' ).allowed ).toBe( false );
	} );

	it( 'refuses an entry in another evaluator\'s name', () => {
		expect( check( [], [ entry ], 'Ed' ) ).toMatchObject( { allowed: false, reason: { key: 'capacitybuilding-permission-evaluation-other', params: [ 'Eva' ] } } );
	} );

	it( 'refuses an entry for another quarter than the page\'s', () => {
		expect( check( [], [ entry ], 'Eva', '2026-Q3' ) ).toMatchObject( { allowed: false, reason: { key: 'capacitybuilding-permission-evaluation-period', params: [ '2026-Q4', '2026-Q3' ] } } );
	} );

	it( 'lets only the author change an entry; others may leave it as it is', () => {
		const changed = { ...entry, assessment: 'Changed' };
		expect( check( [ entry ], [ changed ], 'Eva' ).allowed ).toBe( true );
		expect( check( [ entry ], [ changed ], 'Ed' ).allowed ).toBe( false );
		expect( check( [ entry ], [ changed ], 'Boss' ).allowed ).toBe( false );
		expect( check( [ entry ], [ entry, { ...entry, evaluator: 'Ed', created: '2026-12-02T10:00:00Z' } ], 'Ed' ).allowed ).toBe( true );
	} );

	it( 'lets the author or an admin remove an entry, nobody else', () => {
		expect( check( [ entry ], [], 'Eva' ).allowed ).toBe( true );
		expect( check( [ entry ], [], 'Boss' ).allowed ).toBe( true );
		expect( check( [ entry ], [], 'Ed' ).allowed ).toBe( false );
	} );
} );

describe( 'judging an evaluation page', () => {
	const page = { kind: 'evaluation' as const, period: '2026-Q4' };
	const content = ( ...entries: Evaluation[] ): Content => ( { kind: 'evaluation', entries } );

	it( 'accepts the evaluator\'s entry and rejects a stranger\'s later one, keeping the accepted record', () => {
		const stranger = { ...entry, evaluator: 'Mallory', created: '2026-12-03T10:00:00Z' };
		const outcome = judgeHistory( page, null, [
			{ revision: { revid: 1, user: 'Eva' }, content: content( entry ) },
			{ revision: { revid: 2, user: 'Mallory' }, content: content( entry, stranger ) },
		], context );
		expect( outcome.accepted.map( ( a ) => a.revision.revid ) ).toEqual( [ 1 ] );
		expect( outcome.rejected ).toEqual( [ { revision: { revid: 2, user: 'Mallory' },
			reason: expect.objectContaining( { key: 'capacitybuilding-permission-evaluation-not-evaluator' } ) } ] );
	} );

	it( 'judges each revision with the evaluators of its time', () => {
		const outcome = judgeHistory( page, null, [ { revision: { revid: 1, user: 'Eva' }, content: content( entry ) } ],
			() => ( { ...context, config: { ...context.config, evaluators: [] } } ) );
		expect( outcome.accepted ).toEqual( [] );
	} );
} );
