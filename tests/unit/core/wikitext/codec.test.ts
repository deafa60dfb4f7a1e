import fc from 'fast-check';
import { COACH_SCHEMA, FEEDBACK_SCHEMA, HUB_SCHEMA, LIST_KINDS, REQUEST_SCHEMA, type CapacityRequest, type RecordSchema } from '../../../../modules/core/model';
import { appendRecord, findTemplateCalls, parseAll, parsePage, replaceRecord, roundTripProblems, serialize } from '../../../../modules/core/wikitext/codec';
import { hasLoneSurrogate } from '../../../../modules/core/text';
import { anyString, asStored as stored, hostileString } from './hostile';

function wellFormed( record: unknown ): boolean {
	return Object.values( record as Record<string, unknown> ).every( ( v ) => ( Array.isArray( v ) ? v : [ v ] )
		.every( ( item ) => typeof item !== 'string' || !hasLoneSurrogate( item ) ) );
}

const sample: CapacityRequest = {
	title: 'Grant writing for a new user group',
	requester: 'Ada Lovelace',
	requesterType: 'group',
	organisation: 'Wikimedians of Somewhere',
	region: 'SSA',
	hub: '',
	topics: [ 'grant-writing', 'governance' ],
	formats: [ 'workshop' ],
	languages: [ 'fr', 'en' ], lang: '',
	neededBy: '2027-02-01',
	description: 'We are a new group and would like to learn how to write our first grant proposal.',
	status: 'open',
	holdReason: '',
	coach: [],
	offers: [],
	created: '2026-11-23T19:45:00Z',
};

const SAMPLE_BLOCK = `{{Capacity request
| title = Grant writing for a new user group
| requester = Ada Lovelace
| requester_type = group
| organisation = Wikimedians of Somewhere
| region = SSA
| hub =
| topics = grant-writing, governance
| formats = workshop
| languages = fr, en
| lang =
| needed_by = 2027-02-01
| description = We are a new group and would like to learn how to write our first grant proposal.
| status = open
| hold_reason =
| coach =
| offers =
| created = 2026-11-23T19:45:00Z
}}`;

function recordArbitrary<R>( schema: RecordSchema<R> ): fc.Arbitrary<R> {
	const value = fc.oneof( anyString, hostileString( 30 ) );
	const shape: Record<string, fc.Arbitrary<unknown>> = {};
	for ( const field of schema.fields ) {
		shape[ field.key ] = LIST_KINDS.includes( field.kind ) ?
			fc.array( value.filter( ( s ) => s !== '' ), { maxLength: 4 } ) :
			value;
	}
	return fc.record( shape ) as unknown as fc.Arbitrary<R>;
}

describe( 'serialize', () => {
	it( 'writes one parameter a line in schema order, empty ones included', () => {
		expect( serialize( REQUEST_SCHEMA, sample ) ).toBe( SAMPLE_BLOCK );
	} );

	it.each( [ REQUEST_SCHEMA, COACH_SCHEMA, HUB_SCHEMA, FEEDBACK_SCHEMA ] as RecordSchema<unknown>[] )(
		'reads back any $template record exactly as MediaWiki stores it, with no diagnostics unless it has a lone surrogate', ( schema ) => {
			fc.assert( fc.property( recordArbitrary( schema ), ( record ) => {
				const { parsed, diagnostics } = parsePage( serialize( schema, record ), schema );
				const lone = 'capacitybuilding-codec-lone-surrogate';
				expect( parsed?.record ).toEqual( stored( record ) );
				expect( diagnostics.filter( ( d ) => d.key !== lone ) ).toEqual( [] );
				expect( diagnostics.some( ( d ) => d.key === lone ) ).toBe( !wellFormed( record ) );
				expect( roundTripProblems( schema, record ).length > 0 ).toBe( !wellFormed( record ) );
			} ), { numRuns: 400 } );
		} );

	it( 'is stable: writing what was read gives the same text', () => {
		fc.assert( fc.property( recordArbitrary( REQUEST_SCHEMA ).map( stored ), ( record ) => {
			const text = serialize( REQUEST_SCHEMA, record );
			const again = parsePage( text, REQUEST_SCHEMA ).parsed?.record as CapacityRequest;
			return serialize( REQUEST_SCHEMA, again ) === text;
		} ), { numRuns: 300 } );
	} );

	it( 'handles a 10,000-character description', () => {
		const description = 'Ünïcödé | {{x}} ~~~~ '.repeat( 500 ).slice( 0, 10000 );
		const record = { ...sample, description };
		expect( parsePage( serialize( REQUEST_SCHEMA, record ), REQUEST_SCHEMA ).parsed?.record.description ).toBe( description );
	} );
} );

describe( 'replaceRecord', () => {
	it( 'changes only the template block of a page', () => {
		fc.assert( fc.property( hostileString( 20 ), hostileString( 20 ), recordArbitrary( REQUEST_SCHEMA ), ( before, after, record ) => {
			const page = `${ before }\n${ SAMPLE_BLOCK }\n${ after }`;
			const { parsed } = parsePage( page, REQUEST_SCHEMA );
			const blockStart = before.length + 1;
			// Only when the block is really the page's template call (text before it can swallow it).
			fc.pre( parsed !== null && parsed.start === blockStart && parsed.end === blockStart + SAMPLE_BLOCK.length );
			const updated = replaceRecord( page, REQUEST_SCHEMA, record ) as string;
			return updated === `${ before }\n${ serialize( REQUEST_SCHEMA, record ) }\n${ after }`;
		} ), { numRuns: 300 } );
	} );

	it( 'keeps parameters it does not know', () => {
		const page = SAMPLE_BLOCK.replace( '}}', '| note = keep {{me}}\n}}' );
		const updated = replaceRecord( page, REQUEST_SCHEMA, { ...sample, status: 'triaged' } ) as string;
		expect( updated ).toContain( '| status = triaged' );
		expect( updated ).toContain( '| note = keep {{me}}\n}}' );
	} );

	it( 'returns null when the page has no record', () => {
		expect( replaceRecord( 'Just talk.', REQUEST_SCHEMA, sample ) ).toBeNull();
	} );
} );

describe( 'parsePage on hand-edited pages', () => {
	it( 'finds the template however its name is written', () => {
		for ( const opening of [ '{{Capacity request', '{{capacity request', '{{Template:Capacity_request', '{{ template : Capacity  request ', '{{Capacity request<!-- c -->' ] ) {
			const page = SAMPLE_BLOCK.replace( '{{Capacity request', opening );
			expect( parsePage( page, REQUEST_SCHEMA ).parsed?.record ).toEqual( sample );
		}
	} );

	it( 'reads parameters in any order, with any spacing and comments', () => {
		const page = '{{Capacity request|status=open <!-- moved -->|title=   Grant writing for a new user group\n' +
			'|created=2026-11-23T19:45:00Z|requester=Ada Lovelace|requester_type=group|organisation=Wikimedians of Somewhere' +
			'|region=SSA|topics=grant-writing,governance|formats=workshop|languages=fr , en|needed_by=2027-02-01' +
			'|description=We are a new group and would like to learn how to write our first grant proposal.}}';
		const { parsed, diagnostics } = parsePage( page, REQUEST_SCHEMA );
		expect( diagnostics ).toEqual( [] );
		expect( parsed?.record ).toEqual( sample );
	} );

	it( 'reports unknown, duplicated and unnamed parameters, and markup', () => {
		const page = SAMPLE_BLOCK.replace( '| status = open', '| status = open\n| Status = x\n| status = triaged\n| stauts = y\n| [[positional]]\n| organisation = {{PAGENAME}}' );
		const { parsed, diagnostics } = parsePage( page, REQUEST_SCHEMA );
		expect( parsed?.record.status ).toBe( 'triaged' );
		expect( parsed?.record.organisation ).toBe( '{{PAGENAME}}' );
		expect( parsed?.extras ).toEqual( [ { name: 'Status', source: 'x' }, { name: 'stauts', source: 'y' } ] );
		expect( diagnostics.map( ( d ) => [ d.key, ...d.params ] ) ).toEqual( [
			[ 'capacitybuilding-codec-unknown-parameter', 'Status' ],
			[ 'capacitybuilding-codec-duplicate-parameter', 'status' ],
			[ 'capacitybuilding-codec-unknown-parameter', 'stauts' ],
			[ 'capacitybuilding-codec-positional-parameter', 1 ],
			[ 'capacitybuilding-codec-duplicate-parameter', 'organisation' ],
			[ 'capacitybuilding-codec-markup', 'organisation' ],
		] );
	} );

	it( 'reads the record among discussion, tables, galleries and quoted examples', () => {
		const page = [
			'<nowiki>{{Capacity request|title=quoted example}}</nowiki>',
			'<pre>{{Capacity request|title=also quoted}}</pre>',
			'<!-- {{Capacity request|title=commented out}} -->',
			'<includeonly>{{Capacity request|title=not on this page}}</includeonly>',
			SAMPLE_BLOCK,
			'== Discussion ==',
			'{| class="wikitable"\n| a || b\n|}',
			'<gallery>\nFile:A.jpg|caption with | pipes {{x}}\n</gallery>',
			'[[File:B.jpg|thumb|A caption with a {{tl|template}}]]',
			'Thanks! [[User:Ada Lovelace|Ada]] ([[User talk:Ada Lovelace|talk]]) 19:45, 23 November 2026 (UTC)',
		].join( '\n' );
		const { parsed, diagnostics } = parsePage( page, REQUEST_SCHEMA );
		expect( diagnostics ).toEqual( [] );
		expect( parsed?.record ).toEqual( sample );
	} );

	it( 'reports a missing template and uses the first of several', () => {
		expect( parsePage( 'Nothing here', REQUEST_SCHEMA ).diagnostics.map( ( d ) => d.key ) ).toEqual( [ 'capacitybuilding-codec-missing-template' ] );
		const twice = `${ SAMPLE_BLOCK }\n${ SAMPLE_BLOCK.replace( 'status = open', 'status = completed' ) }`;
		const { parsed, diagnostics } = parsePage( twice, REQUEST_SCHEMA );
		expect( parsed?.record.status ).toBe( 'open' );
		expect( diagnostics.map( ( d ) => [ d.key, ...d.params ] ) ).toEqual( [ [ 'capacitybuilding-codec-duplicate-template', 'Capacity request', 2 ] ] );
	} );

	it( 'ignores other templates, parser functions and pages with the same words', () => {
		expect( findTemplateCalls( '{{Capacity request form}}{{:Capacity request}}{{#if:x|{{Capacity request}}}}{{User:Capacity request}}', 'Capacity request' ) ).toEqual( [] );
	} );
} );

describe( 'feedback entries', () => {
	it( 'appends entries and reads them all back in order', () => {
		const first = { user: 'Ada Lovelace', role: 'requester', rating: '5', outcome: 'achieved', confidenceBefore: '', confidenceAfter: '', stage: '', used: '', comment: 'Great | thanks ~~~~', learned: '', created: '2027-03-01T10:00:00Z' };
		const second = { ...first, user: 'Grace Hopper', role: 'coach', rating: '', outcome: 'too-early', confidenceBefore: '', confidenceAfter: '', stage: '', used: '', comment: 'Line one\nLine two' };
		let page = appendRecord( SAMPLE_BLOCK, FEEDBACK_SCHEMA, first );
		page = appendRecord( `${ page }\nA reply. ~~~~\n`, FEEDBACK_SCHEMA, second );
		expect( page.startsWith( SAMPLE_BLOCK ) ).toBe( true );
		expect( parseAll( page, FEEDBACK_SCHEMA ).map( ( p ) => p.record ) ).toEqual( [ first, second ] );
		expect( parsePage( page, REQUEST_SCHEMA ).parsed?.record ).toEqual( sample );
	} );
} );
