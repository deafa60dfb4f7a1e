import { REQUEST_SCHEMA, emptyRecord, type CapacityRequest } from '../../../../modules/core/model';
import { mergeRecords } from '../../../../modules/core/merge';
import { parsePage, serialize } from '../../../../modules/core/wikitext/codec';
import { requestTitle } from '../../../../modules/core/pages';
import { SaveFailure } from '../../../../modules/shared/apiErrors';
import { createRecordPage, editRecordPage, loadRecordPage, nextNumber, numbering, type LoadedRecordPage } from '../../../../modules/shared/recordSave';
import { createFakeWiki } from '../fakeWikiApi';

const BASE = 'Capacity building';
const titleFor = ( n: number ): string => requestTitle( BASE, n );

function request( overrides: Partial<CapacityRequest> = {} ): CapacityRequest {
	return {
		...emptyRecord( REQUEST_SCHEMA ),
		title: 'Help with | pipes }} and {{subst:x}}', requester: 'Ada', requesterType: 'individual', region: 'NWE',
		topics: [ 'governance' ], formats: [ 'workshop' ], languages: [ 'en' ],
		description: 'A description with ~~~~ and [[Category:X]] and <nowiki> in it.', status: 'open',
		created: '2026-12-01T10:00:00Z',
		...overrides,
	};
}

async function failureOf( promise: Promise<unknown> ): Promise<SaveFailure> {
	try {
		await promise;
	} catch ( error ) {
		if ( error instanceof SaveFailure ) {
			return error;
		}
		throw error;
	}
	throw new Error( 'expected the save to fail' );
}

describe( 'createRecordPage', () => {
	it( 'creates the page create-only with the summary, the record exact, and the tag when active', async () => {
		const wiki = createFakeWiki();
		wiki.tags = [ 'capacity-building' ];
		const saved = await createRecordPage( {
			api: wiki.api, schema: REQUEST_SCHEMA, record: request(), titleFor, firstNumber: 1,
			summary: '(summary)', changeTag: 'capacity-building',
		} );
		expect( saved.title ).toBe( 'Capacity building/Requests/R1' );
		expect( saved.number ).toBe( 1 );
		expect( wiki.edits[ 0 ] ).toMatchObject( { createonly: true, summary: '(summary)', tags: 'capacity-building', assert: 'user' } );
		const text = wiki.pages.get( saved.title )?.text ?? '';
		expect( parsePage( text, REQUEST_SCHEMA ).parsed?.record ).toEqual( request() );
	} );

	it( 'leaves out a change tag the wiki does not have', async () => {
		const wiki = createFakeWiki();
		await createRecordPage( { api: wiki.api, schema: REQUEST_SCHEMA, record: request(), titleFor, firstNumber: 1, summary: 's', changeTag: 'missing-tag' } );
		expect( wiki.edits[ 0 ]?.tags ).toBeUndefined();
	} );

	it( 'moves on to the next number when one is taken, never overwriting', async () => {
		const wiki = createFakeWiki();
		wiki.put( titleFor( 4 ), 'someone else' );
		wiki.put( titleFor( 5 ), 'someone else too' );
		const saved = await createRecordPage( {
			api: wiki.api, schema: REQUEST_SCHEMA, record: request(), titleFor, firstNumber: 4, summary: 's', random: () => 0,
		} );
		expect( saved.number ).toBe( 6 );
		expect( wiki.pages.get( titleFor( 4 ) )?.text ).toBe( 'someone else' );
		// Taken numbers seen in one read are skipped without a save.
		expect( wiki.edits.map( ( e ) => e.title ) ).toEqual( [ titleFor( 4 ), titleFor( 6 ) ] );
		expect( saved.attempts ).toBe( 2 );
	} );

	it( 'skips a number whose title is create-protected, and one it cannot create', async () => {
		const wiki = createFakeWiki();
		wiki.protectedTitles.add( titleFor( 7 ) );
		wiki.protectedTitles.add( titleFor( 8 ) );
		const saved = await createRecordPage( {
			api: wiki.api, schema: REQUEST_SCHEMA, record: request(), titleFor, firstNumber: 7, summary: 's', random: () => 0,
		} );
		expect( saved.number ).toBe( 9 );
		expect( wiki.edits.map( ( e ) => e.title ) ).toEqual( [ titleFor( 7 ), titleFor( 9 ) ] );
	} );

	it( 'gives up with the reason when no number nearby can be created', async () => {
		const wiki = createFakeWiki();
		for ( let n = 1; n <= 300; n++ ) {
			wiki.protectedTitles.add( titleFor( n ) );
		}
		const failure = await failureOf( createRecordPage( { api: wiki.api, schema: REQUEST_SCHEMA, record: request(), titleFor, firstNumber: 1, summary: 's' } ) );
		expect( failure.error.code ).toBe( 'protectedpage' );
		expect( wiki.edits ).toHaveLength( 1 );
	} );

	it( 'spreads a burst over fresh numbers: about two saves each, no number twice, nothing overwritten', async () => {
		const wiki = createFakeWiki();
		wiki.put( titleFor( 41 ), 'the highest before the burst' );
		const saves = Array.from( { length: 20 }, ( _, i ) => createRecordPage( {
			api: wiki.api, schema: REQUEST_SCHEMA, record: request( { title: `Burst request ${ i }` } ), titleFor, firstNumber: 42, summary: 's',
		} ) );
		const saved = await Promise.all( saves );
		expect( new Set( saved.map( ( s ) => s.number ) ).size ).toBe( 20 );
		expect( wiki.edits.length ).toBe( saved.reduce( ( sum, s ) => sum + s.attempts, 0 ) );
		// Everyone starts at 42 at the very same moment: 20 saves for one winner, then the others
		// spread (walking up one by one would cost 210 saves).
		expect( wiki.edits.length / 20 ).toBeLessThanOrEqual( 2.5 );
		expect( wiki.pages.get( titleFor( 41 ) )?.text ).toBe( 'the highest before the burst' );
		for ( const s of saved ) {
			expect( parsePage( wiki.pages.get( s.title )?.text ?? '', REQUEST_SCHEMA ).parsed?.record.title ).toBe( s.record.title );
		}
	} );

	it( 'spreads the first attempt when numbers were created in the last minute', async () => {
		const wiki = createFakeWiki();
		const saved = await createRecordPage( {
			api: wiki.api, schema: REQUEST_SCHEMA, record: request(), titleFor, firstNumber: 10, recentlyCreated: 3, summary: 's', random: () => 0.99,
		} );
		// One of the first 2 × 3 + 2 free numbers.
		expect( saved.number ).toBe( 17 );
		expect( saved.attempts ).toBe( 1 );
	} );

	it( 'gives distinct numbers to saves started at once', async () => {
		const wiki = createFakeWiki();
		const saves = Array.from( { length: 10 }, ( _, i ) => createRecordPage( {
			api: wiki.api, schema: REQUEST_SCHEMA, record: request( { title: `Request number ${ i }` } ), titleFor, firstNumber: 1, summary: 's',
		} ) );
		const numbers = ( await Promise.all( saves ) ).map( ( s ) => s.number );
		expect( new Set( numbers ).size ).toBe( 10 );
		const titles = [ ...wiki.pages.values() ].map( ( p ) => parsePage( p.text, REQUEST_SCHEMA ).parsed?.record.title ).sort();
		expect( titles ).toEqual( Array.from( { length: 10 }, ( _, i ) => `Request number ${ i }` ).sort() );
	} );

	it( 'refuses to save a value that would not read back exactly', async () => {
		const wiki = createFakeWiki();
		// An empty list item cannot be written: it would read back as no item.
		const failure = await failureOf( createRecordPage( {
			api: wiki.api, schema: REQUEST_SCHEMA, record: request( { coach: [ '' ] } ), titleFor, firstNumber: 1, summary: 's',
		} ) );
		expect( failure.error ).toMatchObject( { code: 'roundtrip', key: 'capacitybuilding-codec-round-trip', params: [ 'coach' ] } );
		expect( wiki.edits ).toEqual( [] );
	} );

	it( 'passes API errors on with their explanation', async () => {
		const wiki = createFakeWiki();
		wiki.fail( 'abusefilter-disallowed', { errors: [ { code: 'abusefilter-disallowed', html: '<b>Filter 1 says no</b>' } ] } );
		const failure = await failureOf( createRecordPage( { api: wiki.api, schema: REQUEST_SCHEMA, record: request(), titleFor, firstNumber: 1, summary: 's' } ) );
		expect( failure.error ).toMatchObject( { code: 'abusefilter-disallowed', html: '<b>Filter 1 says no</b>', recovery: 'edit' } );
	} );

	it( 'reports a captcha and sends the answer on the next attempt', async () => {
		const wiki = createFakeWiki();
		wiki.failResult( { result: 'Failure', captcha: { type: 'simple', mime: 'text/plain', id: '42', question: '2 + 3' } } );
		const failure = await failureOf( createRecordPage( { api: wiki.api, schema: REQUEST_SCHEMA, record: request(), titleFor, firstNumber: 1, summary: 's' } ) );
		expect( failure.error ).toMatchObject( { recovery: 'captcha', captcha: { id: '42', question: '2 + 3' } } );
		await createRecordPage( { api: wiki.api, schema: REQUEST_SCHEMA, record: request(), titleFor, firstNumber: 1, summary: 's', captcha: { id: '42', word: '5' } } );
		expect( wiki.edits[ 1 ] ).toMatchObject( { captchaid: '42', captchaword: '5' } );
	} );
} );

describe( 'numbering', () => {
	it( 'reads the highest number and how many were created in the last minute from the newest pages, in one request when it can', async () => {
		const wiki = createFakeWiki();
		wiki.put( titleFor( 7 ), 'x' );
		wiki.put( titleFor( 12 ), 'x' );
		wiki.put( `${ BASE }/Requests/R12/Archive`, 'x' );
		expect( await numbering( wiki.api, titleFor ) ).toEqual( { next: 13, recentlyCreated: 0 } );
		// Two more made through the API now: the last minute's.
		await createRecordPage( { api: wiki.api, schema: REQUEST_SCHEMA, record: request(), titleFor, firstNumber: 13, summary: 's' } );
		await createRecordPage( { api: wiki.api, schema: REQUEST_SCHEMA, record: request(), titleFor, firstNumber: 14, summary: 's' } );
		const calls = ( wiki.api.get as jest.Mock ).mock.calls.length;
		expect( await numbering( wiki.api, titleFor ) ).toEqual( { next: 15, recentlyCreated: 2 } );
		// The probe of the title's namespace, and the recent changes; nothing saved.
		const edits = wiki.edits.length;
		expect( ( wiki.api.get as jest.Mock ).mock.calls.length - calls ).toBe( 2 );
		expect( wiki.edits ).toHaveLength( edits );
	} );

	it( 'lists every page when no recent new page is a numbered one', async () => {
		const wiki = createFakeWiki();
		wiki.put( titleFor( 3 ), 'x' );
		wiki.created.length = 0;
		expect( await numbering( wiki.api, titleFor ) ).toEqual( { next: 4, recentlyCreated: 0 } );
	} );
} );

describe( 'nextNumber', () => {
	it( 'is one after the highest numbered page, ignoring other pages under the prefix', async () => {
		const wiki = createFakeWiki();
		expect( await nextNumber( wiki.api, titleFor ) ).toBe( 1 );
		wiki.put( titleFor( 2 ), 'x' );
		wiki.put( titleFor( 10 ), 'x' );
		wiki.put( `${ BASE }/Requests/Rx`, 'x' );
		wiki.put( `${ BASE }/Requests/R10/Archive`, 'x' );
		expect( await nextNumber( wiki.api, titleFor ) ).toBe( 11 );
	} );
} );

describe( 'editRecordPage', () => {
	const discussion = '\n\n== Discussion ==\nHello ~~~~ {{Capacity request}} is mentioned here.\n';

	async function pageWith( wiki: ReturnType<typeof createFakeWiki>, record: CapacityRequest ): Promise<LoadedRecordPage<CapacityRequest>> {
		wiki.put( titleFor( 1 ), `<!-- top -->\n${ serialize( REQUEST_SCHEMA, record, [ { name: 'extra', source: 'kept' } ] ) }${ discussion }` );
		const page = await loadRecordPage( wiki.api, titleFor( 1 ), REQUEST_SCHEMA );
		if ( !page ) {
			throw new Error( 'page not loaded' );
		}
		return page;
	}

	it( 'changes only the template block, with the base revision', async () => {
		const wiki = createFakeWiki();
		const page = await pageWith( wiki, request() );
		const outcome = await editRecordPage( {
			api: wiki.api, schema: REQUEST_SCHEMA, page, summary: 's',
			transform: ( current ) => ( { ...current, status: 'withdrawn' } ),
		} );
		expect( outcome.kind ).toBe( 'saved' );
		expect( wiki.edits[ 0 ] ).toMatchObject( {
			baserevid: page.revid, starttimestamp: page.startTimestamp, nocreate: true,
		} );
		// No basetimestamp: with it, MediaWiki lets a save overwrite an edit made in the base revision's second.
		expect( wiki.edits[ 0 ] ).not.toHaveProperty( 'basetimestamp' );
		const text = wiki.pages.get( titleFor( 1 ) )?.text ?? '';
		expect( text ).toBe( `<!-- top -->\n${ serialize( REQUEST_SCHEMA, request( { status: 'withdrawn' } ), [ { name: 'extra', source: 'kept' } ] ) }${ discussion }` );
	} );

	it( 'makes no edit when nothing changes', async () => {
		const wiki = createFakeWiki();
		const page = await pageWith( wiki, request() );
		const outcome = await editRecordPage( { api: wiki.api, schema: REQUEST_SCHEMA, page, summary: 's', transform: ( r ) => r } );
		expect( outcome.kind ).toBe( 'unchanged' );
		expect( wiki.edits ).toEqual( [] );
	} );

	it( 're-applies the change to the newer version after an edit conflict', async () => {
		const wiki = createFakeWiki();
		const page = await pageWith( wiki, request() );
		// Someone adds an offer after the user loaded the page.
		wiki.put( titleFor( 1 ), wiki.pages.get( titleFor( 1 ) )?.text.replace( '| offers =', '| offers = Bea' ) ?? '' );
		const base = page.record as CapacityRequest;
		const mine = { ...base, title: 'A better title for it' };
		const outcome = await editRecordPage( {
			api: wiki.api, schema: REQUEST_SCHEMA, page, summary: 's',
			transform: ( current ) => mergeRecords( REQUEST_SCHEMA, base, mine, current ).record,
		} );
		expect( outcome.kind ).toBe( 'saved' );
		expect( wiki.edits ).toHaveLength( 2 );
		const saved = parsePage( wiki.pages.get( titleFor( 1 ) )?.text ?? '', REQUEST_SCHEMA ).parsed?.record;
		expect( saved ).toMatchObject( { title: 'A better title for it', offers: [ 'Bea' ] } );
	} );

	it( 'returns a conflict when the change no longer applies', async () => {
		const wiki = createFakeWiki();
		const page = await pageWith( wiki, request() );
		wiki.put( titleFor( 1 ), wiki.pages.get( titleFor( 1 ) )?.text.replace( '| status = open', '| status = declined' ) ?? '' );
		const outcome = await editRecordPage( {
			api: wiki.api, schema: REQUEST_SCHEMA, page, summary: 's',
			transform: ( current ) => current.status === 'open' ? { ...current, status: 'withdrawn' } : null,
		} );
		expect( outcome.kind ).toBe( 'conflict' );
		expect( outcome.kind === 'conflict' && outcome.current.record?.status ).toBe( 'declined' );
	} );

	it( 'fails clearly when the page lost its template', async () => {
		const wiki = createFakeWiki();
		wiki.put( titleFor( 1 ), 'Just talk.' );
		const page = await loadRecordPage( wiki.api, titleFor( 1 ), REQUEST_SCHEMA );
		const failure = await failureOf( editRecordPage( { api: wiki.api, schema: REQUEST_SCHEMA, page: page!, summary: 's', transform: ( r ) => r } ) );
		expect( failure.error.key ).toBe( 'capacitybuilding-save-error-no-template' );
	} );

	it( 'loads nothing for a missing page', async () => {
		expect( await loadRecordPage( createFakeWiki().api, 'Nope', REQUEST_SCHEMA ) ).toBeNull();
	} );
} );
