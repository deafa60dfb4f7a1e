/**
 * Published content (bot/publish/content.ts, entries.ts) is a pure function of the store and of the
 * published manifests: the same snapshot gives byte-identical pages; entries are summaries marked
 * with their state, problems and cuts; values people typed never become markup on the wikitext
 * pages; a record that cannot be published is left out and reported; large indexes split into
 * bounded parts that a small change does not shift.
 */
import { Messages } from '../../../bot/i18n';
import { allPages, daysToMatch, partText, planPublication, reviewPage, type PreviousManifests, type StoreSnapshot } from '../../../bot/publish/content';
import { byteLength, mediaWikiJson } from '../../../bot/publish/json';
import {
	BIO_EXCERPT, DESCRIPTION_EXCERPT, INDEX_VERSION, PART_MAX_BYTES, readManifest, readPart,
	type CoachEntry, type HubEntry, type Manifest, type RequestEntry,
} from '../../../modules/core/indexes';
import type { CapacityRequest, CoachProfile } from '../../../modules/core/model';

const en = new Messages( 'en' );
const NONE: PreviousManifests = { requests: null, coaches: null, hubs: null };
const request: CapacityRequest = {
	title: '[[Category:Hijack]] {{subst:X}} ~~~~', requester: 'Alice', requesterType: 'individual', organisation: '', region: 'SSA',
	hub: '', topics: [ 'outreach' ], formats: [ 'workshop' ], languages: [ 'en' ], lang: '', neededBy: '',
	description: 'A description that is long enough.', status: 'matched', holdReason: '', coach: [ 'Carol', 'Bad]] [[Category:Injected' ], offers: [ 'Carol' ],
	created: '2026-11-01T00:00:00Z',
};
const carol: CoachProfile = {
	user: 'Carol', topics: [ 'outreach' ], languages: [ 'en' ], regions: [], formats: [ 'coaching' ], availability: 'available',
	awayUntil: '', maxRequests: '2', bio: 'b'.repeat( 1000 ), contact: 'talk', hubs: [],
};
const snapshot: StoreSnapshot = {
	requests: [ { number: 2, page: 'CB/Requests/R2', revid: 20, updated: '2026-11-05T00:00:00Z', record: request, feedback: [] } ],
	coaches: [
		{ user: 'Carol', page: 'CB/Coaches/Carol', revid: 30, updated: '2026-11-07T00:00:00Z', record: carol },
		{ user: 'Dan', page: 'CB/Coaches/Dan', revid: 31, updated: '2026-11-06T00:00:00Z', record: { ...carol, user: 'Dan', bio: 'Short.' } },
	],
	hubs: [ { key: 'Africa', page: 'CB/Hubs/Africa', revid: 40, updated: '2026-11-02T00:00:00Z', record: {
		name: 'Africa hub', kind: 'regional', regions: [ 'SSA' ], topics: [], languages: [ 'en' ], contacts: [ 'Hubert' ], noticeboard: '',
	} } ],
	problems: [
		{ page: 'CB/Requests/R2', revid: 21, kind: 'rejected', message: 'capacitybuilding-validation-invalid-choice', params: [ '[[Category:Bad]]' ], field: 'region', user: 'Mallory' },
		{ page: 'CB/Coaches/Dan', revid: 31, kind: 'malformed', message: 'capacitybuilding-codec-duplicate-template', params: [], field: '', user: 'Dan' },
		{ page: 'CB/Hubs/Africa', revid: 40, kind: 'invalid', message: 'capacitybuilding-validation-invalid-choice', params: [ 'x' ], field: 'kind', user: 'Hubert' },
		{ page: 'CB/Requests/R007', revid: 50, kind: 'misnamed', message: 'capacitybuilding-bot-sync-misnamed', params: [], field: '', user: 'Zed' },
	],
	history: [
		{ requestNumber: 2, from: '', to: 'open', user: 'Alice', at: '2026-11-01T00:00:00Z', revid: 19 },
		{ requestNumber: 2, from: 'triaged', to: 'matched', user: 'Hubert', at: '2026-11-03T12:00:00Z', revid: 20, comment: 'Matched with Carol' },
	],
};

function json<T>( pages: { title: string; json?: unknown }[], title: string ): T {
	const page = pages.find( ( p ) => p.title === title );
	if ( !page ) {
		throw new Error( `no page ${ title }` );
	}
	return page.json as T;
}

function manyRequests( n: number, description = 'd'.repeat( 180 ) ): StoreSnapshot {
	return {
		...snapshot,
		requests: Array.from( { length: n }, ( _, i ) => ( {
			number: i + 1, page: `CB/Requests/R${ i + 1 }`, revid: 1000 + i, updated: '2026-11-05T00:00:00Z',
			record: { ...request, title: `Request number ${ i + 1 } about a workshop`, description, coach: [ 'Carol' ] }, feedback: [],
		} ) ),
		history: [],
		problems: [],
	};
}

/** A publication's pages after a publish, as the next one reads its manifests. */
function published( pages: { title: string; json?: unknown }[] ): PreviousManifests {
	const get = ( title: string ): unknown => pages.find( ( p ) => p.title === title )?.json;
	return {
		requests: readManifest( get( 'CB/Requests.json' ), 'requests' ),
		coaches: readManifest( get( 'CB/Coaches.json' ), 'coaches' ),
		hubs: readManifest( get( 'CB/Hubs.json' ), 'hubs' ),
	};
}

describe( 'published content', () => {
	it( 'is the same for the same store, and dated by the newest revision of each index', () => {
		const pages = allPages( planPublication( 'CB', snapshot, NONE, en ) );
		expect( pages ).toEqual( allPages( planPublication( 'CB', structuredClone( snapshot ), NONE, en ) ) );
		expect( json<Manifest>( pages, 'CB/Requests.json' ).generated ).toBe( '2026-11-05T00:00:00Z' );
		expect( json<Manifest>( pages, 'CB/Coaches.json' ).generated ).toBe( '2026-11-07T00:00:00Z' );
		expect( json<Manifest>( pages, 'CB/Hubs.json' ).generated ).toBe( '2026-11-02T00:00:00Z' );
		expect( json<{ generated: string }>( pages, 'CB/Statistics.json' ).generated ).toBe( '2026-11-07T00:00:00Z' );
		expect( pages.map( ( p ) => p.title ) ).toEqual( [
			'CB/Requests.json/1', 'CB/Coaches.json/1', 'CB/Hubs.json/1', 'CB/Statistics.json', 'CB/Requests/Index', 'CB/Coaches/Index',
			'CB/Statistics', 'CB/Requests.json', 'CB/Coaches.json', 'CB/Hubs.json', 'CB/Review',
		] );
	} );

	it( 'lists parts in manifests with their revisions, and parts carry nothing global', () => {
		const plan = planPublication( 'CB', snapshot, NONE, en );
		const pages = allPages( plan, new Map( [ [ 'CB/Requests.json/1', 77 ] ] ) );
		expect( json<Manifest>( pages, 'CB/Requests.json' ) ).toEqual( {
			version: INDEX_VERSION, index: 'requests', base: 'CB', generated: '2026-11-05T00:00:00Z', count: 1,
			parts: [ { id: 1, page: 'CB/Requests.json/1', revid: 77, first: 2, last: 2, count: 1, bytes: expect.any( Number ), statuses: { matched: 1 } } ],
		} );
		const part = json<Record<string, unknown>>( pages, 'CB/Requests.json/1' );
		expect( Object.keys( part ) ).toEqual( [ 'version', 'index', 'id', 'entries' ] );
		expect( json<Manifest>( pages, 'CB/Requests.json' ).parts[ 0 ]?.bytes ).toBe( byteLength( pages.find( ( p ) => p.title === 'CB/Requests.json/1' )?.text ?? '' ) );
	} );

	it( 'summarises records: state, problems, cut values, the accepted history with its comments', () => {
		const pages = allPages( planPublication( 'CB', snapshot, NONE, en ) );
		const [ entry ] = readPart( json( pages, 'CB/Requests.json/1' ), 'requests' ) as RequestEntry[];
		expect( entry ).toMatchObject( { number: 2, page: 'CB/Requests/R2', revid: 20, problems: 1, state: 'valid', feedback: 0 } );
		expect( entry?.history ).toEqual( [
			{ from: '', to: 'open', user: 'Alice', at: '2026-11-01T00:00:00Z', revid: 19 },
			{ from: 'triaged', to: 'matched', user: 'Hubert', at: '2026-11-03T12:00:00Z', revid: 20, comment: 'Matched with Carol' },
		] );
		expect( entry?.cut ).toBeUndefined();
		const coaches = readPart( json( pages, 'CB/Coaches.json/1' ), 'coaches' ) as CoachEntry[];
		expect( coaches.map( ( c ) => [ c.user, c.state, c.problems, c.activeRequests, c.cut ] ) ).toEqual( [
			[ 'Carol', 'valid', 0, 1, [ 'bio' ] ], [ 'Dan', 'malformed', 1, 0, undefined ],
		] );
		expect( coaches[ 0 ]?.profile.bio ).toBe( 'b'.repeat( BIO_EXCERPT ) );
		const [ hub ] = readPart( json( pages, 'CB/Hubs.json/1' ), 'hubs' ) as HubEntry[];
		expect( hub ).toMatchObject( { key: 'Africa', state: 'invalid', problems: 1 } );
	} );

	it( 'routes requests without a hub: candidate hubs as published, or the programme admins\' queue; others carry no route', () => {
		const stored = snapshot.requests[ 0 ] as StoreSnapshot[ 'requests' ][ number ];
		const hubStored = snapshot.hubs[ 0 ] as StoreSnapshot[ 'hubs' ][ number ];
		const routed: StoreSnapshot = {
			...snapshot,
			requests: [
				// SSA, no hub: the (invalid but readable) regional hub Africa.
				stored,
				{ ...stored, number: 3, page: 'CB/Requests/R3', record: { ...request, region: 'NA' } },
				{ ...stored, number: 4, page: 'CB/Requests/R4', record: { ...request, hub: 'Africa' } },
				{ ...stored, number: 5, page: 'CB/Requests/R5', record: { ...request, status: 'declined' } },
				// Thematic by topic and language: a hub in NFD is published (and routed to) in NFC.
				{ ...stored, number: 6, page: 'CB/Requests/R6', record: { ...request, region: 'LAC', languages: [ 'es' ] } },
			],
			hubs: [
				hubStored,
				{ ...hubStored, key: 'Difusio\u0301n', page: 'CB/Hubs/Difusio\u0301n', revid: 41, record: { ...hubStored.record, kind: 'thematic', regions: [], topics: [ 'outreach' ], languages: [ 'es' ] } },
				// Not valid Unicode: left out of Hubs.json, so never a candidate.
				{ ...hubStored, key: 'Broken', page: 'CB/Hubs/Broken', revid: 42, record: { ...hubStored.record, name: 'x\uD800', regions: [ 'NA' ] } },
			],
		};
		const plan = planPublication( 'CB', routed, NONE, en );
		const pages = allPages( plan );
		const entries = readPart( json( pages, 'CB/Requests.json/1' ), 'requests' ) as RequestEntry[];
		expect( entries.map( ( e ) => [ e.number, e.route ] ) ).toEqual( [
			[ 2, { hubs: [ 'Africa' ], queue: 'hubs' } ],
			[ 3, { hubs: [], queue: 'admins' } ],
			[ 4, undefined ],
			[ 5, undefined ],
			[ 6, { hubs: [ 'Difusi\u00F3n' ], queue: 'hubs' } ],
		] );
		expect( ( readPart( json( pages, 'CB/Hubs.json/1' ), 'hubs' ) as HubEntry[] ).map( ( h ) => h.key ) ).toEqual( [ 'Africa', 'Difusi\u00F3n' ] );
		// The route follows the history in the entry, before `cut`; the hub's problem still comes after the requests'.
		expect( Object.keys( entries[ 0 ] ?? {} ) ).toEqual( [ 'number', 'page', 'revid', 'updated', 'problems', 'state', 'request', 'feedback', 'history', 'route' ] );
		expect( plan.problems.map( ( p ) => p.page ) ).toEqual( [ 'CB/Hubs/Broken' ] );
		// Routing never writes a hub into the request: the entry's record is the page's.
		expect( entries.map( ( e ) => e.request.hub ) ).toEqual( [ '', '', 'Africa', '', '' ] );
	} );

	it( 'keeps parts bounded and stable with routes: a new hub no request falls under rewrites no part of requests', () => {
		const before = allPages( planPublication( 'CB', manyRequests( 3000 ), NONE, en ) );
		expect( ( readPart( json( before, 'CB/Requests.json/1' ), 'requests' ) as RequestEntry[] )[ 0 ]?.route ).toEqual( { hubs: [ 'Africa' ], queue: 'hubs' } );
		const more = manyRequests( 3000 );
		const africa = more.hubs[ 0 ] as StoreSnapshot[ 'hubs' ][ number ];
		more.hubs = [ ...more.hubs, { ...africa, key: 'Pacific', page: 'CB/Hubs/Pacific', revid: 43, record: { ...africa.record, regions: [ 'ESEAP' ] } } ];
		const after = allPages( planPublication( 'CB', more, published( before ), en ) );
		const differ = after.filter( ( page ) => before.find( ( p ) => p.title === page.title )?.text !== page.text ).map( ( p ) => p.title );
		expect( differ.filter( ( t ) => t.startsWith( 'CB/Requests' ) ) ).toEqual( [] );
		// A hub that covers them all changes every request's route, but no boundary moves and every part stays bounded.
		more.hubs = [ ...more.hubs, { ...africa, key: 'Also Africa', page: 'CB/Hubs/Also Africa', revid: 44 } ];
		const covered = allPages( planPublication( 'CB', more, published( before ), en ) );
		const parts = ( pages: typeof before ): unknown => json<Manifest>( pages, 'CB/Requests.json' ).parts.map( ( p ) => [ p.id, p.first, p.last ] );
		expect( parts( covered ) ).toEqual( parts( before ) );
		expect( ( readPart( json( covered, 'CB/Requests.json/1' ), 'requests' ) as RequestEntry[] )[ 0 ]?.route ).toEqual( { hubs: [ 'Africa', 'Also Africa' ], queue: 'hubs' } );
		expect( Math.max( ...covered.map( ( p ) => byteLength( p.text ) ) ) ).toBeLessThanOrEqual( PART_MAX_BYTES + 4096 );
	} );

	it( 'cuts long descriptions to an excerpt, and shortens (and reports) a record too large for an entry', () => {
		const big = { ...snapshot, requests: [ { ...snapshot.requests[ 0 ] as StoreSnapshot[ 'requests' ][ number ],
			record: { ...request, description: 'é'.repeat( 20000 ), topics: Array.from( { length: 3000 }, ( _, i ) => `topic-${ i }` ) } } ] };
		const plan = planPublication( 'CB', big, NONE, en );
		const [ entry ] = readPart( json( allPages( plan ), 'CB/Requests.json/1' ), 'requests' ) as RequestEntry[];
		expect( entry?.request.description ).toBe( 'é'.repeat( DESCRIPTION_EXCERPT ) );
		expect( entry?.cut ).toEqual( [ 'description', 'topics' ] );
		expect( plan.problems.map( ( p ) => [ p.page, p.message ] ) ).toEqual( [ [ 'CB/Requests/R2', 'capacitybuilding-bot-publish-problem-shortened' ] ] );
	} );

	it( 'leaves out a record whose text is not valid Unicode, and lists it on the review page', () => {
		const bad = { ...snapshot, coaches: [ ...snapshot.coaches, {
			user: 'Eve', page: 'CB/Coaches/Eve', revid: 60, updated: '2026-11-08T00:00:00Z', record: { ...carol, user: 'Eve', bio: 'x\uD800y' },
		} ] };
		const plan = planPublication( 'CB', bad, NONE, en );
		const pages = allPages( plan );
		expect( ( readPart( json( pages, 'CB/Coaches.json/1' ), 'coaches' ) as CoachEntry[] ).map( ( c ) => c.user ) ).toEqual( [ 'Carol', 'Dan' ] );
		expect( plan.problems ).toEqual( [ { page: 'CB/Coaches/Eve', revid: 60, message: 'capacitybuilding-bot-publish-problem-encoding', params: [ 'bio' ] } ] );
		const review = pages.find( ( p ) => p.title === 'CB/Review' )?.text ?? '';
		expect( review ).toContain( '[[:CB/Coaches/Eve]]' );
		expect( review ).toContain( en.text( 'capacitybuilding-bot-review-kind-publish' ) );
		expect( pages.every( ( p ) => !/[\uD800-\uDFFF]/.test( p.text.replace( /[\uD800-\uDBFF][\uDC00-\uDFFF]/g, '' ) ) ) ).toBe( true );
	} );

	it( 'counts days to the first match from the status history', () => {
		expect( daysToMatch( snapshot.requests, snapshot.history ) ).toEqual( [ 2.5 ] );
		expect( daysToMatch( snapshot.requests, [] ) ).toEqual( [] );
	} );

	it( 'shows typed values literally on wikitext pages, and links only valid usernames', () => {
		const pages = allPages( planPublication( 'CB', snapshot, NONE, en ) );
		const index = pages.find( ( p ) => p.title === 'CB/Requests/Index' )?.text ?? '';
		expect( index ).toContain( '<nowiki>[[Category:Hijack]] {{subst:X}} ~~~~</nowiki>' );
		expect( index ).toContain( '[[User:Carol|Carol]], <nowiki>Bad]] [[Category:Injected</nowiki>' );
		const review = pages.find( ( p ) => p.title === 'CB/Review' )?.text ?? '';
		expect( review ).toContain( '<nowiki>[[Category:Bad]]</nowiki>' );
		expect( review ).toContain( '[[Special:Diff/21|21]]' );
		expect( review ).toContain( '[[:CB/Requests/R007]]' );
		for ( const page of pages.filter( ( p ) => p.contentModel === 'wikitext' ) ) {
			expect( { title: page.title, trailingSpace: /[ \t]$/m.test( page.text ) } ).toEqual( { title: page.title, trailingSpace: false } );
		}
	} );

	it( 'says so when there is nothing to review', () => {
		expect( reviewPage( [], en ) ).toContain( en.text( 'capacitybuilding-bot-review-none' ) );
	} );

	it( 'splits a large index into bounded parts, and the lists into subpages that follow them', () => {
		const big = manyRequests( 3000, 'd'.repeat( 180 ) );
		const pages = allPages( planPublication( 'CB', big, NONE, en ) );
		const manifest = json<Manifest>( pages, 'CB/Requests.json' );
		expect( manifest.parts.length ).toBeGreaterThan( 1 );
		expect( manifest.parts.map( ( p ) => p.id ) ).toEqual( manifest.parts.map( ( _, i ) => i + 1 ) );
		expect( manifest.parts.reduce( ( sum, p ) => sum + p.count, 0 ) ).toBe( 3000 );
		expect( Math.max( ...pages.map( ( p ) => byteLength( p.text ) ) ) ).toBeLessThanOrEqual( PART_MAX_BYTES + 4096 );
		const list = pages.find( ( p ) => p.title === 'CB/Requests/Index' )?.text ?? '';
		for ( const part of manifest.parts ) {
			expect( list ).toContain( `[[CB/Requests/Index/${ part.id }|` );
			const sub = pages.find( ( p ) => p.title === `CB/Requests/Index/${ part.id }` )?.text ?? '';
			expect( sub ).toContain( `[[:CB/Requests/R${ part.first }|R${ part.first }]]` );
			expect( sub ).toContain( `[[:CB/Requests/R${ part.last }|R${ part.last }]]` );
		}
	} );

	it( 'rewrites only the part of a changed record, and keeps the numbers of the others', () => {
		const before = allPages( planPublication( 'CB', manyRequests( 3000 ), NONE, en ) );
		const changed = manyRequests( 3000 );
		const record = changed.requests[ 1500 ] as StoreSnapshot[ 'requests' ][ number ];
		record.record = { ...record.record, title: 'A new title for this request' };
		record.revid = 99999;
		const after = allPages( planPublication( 'CB', changed, published( before ), en ) );
		const differ = after.filter( ( page ) => before.find( ( p ) => p.title === page.title )?.text !== page.text ).map( ( p ) => p.title );
		expect( differ ).toEqual( [ expect.stringMatching( /^CB\/Requests\.json\/\d+$/ ), expect.stringMatching( /^CB\/Requests\/Index\/\d+$/ ), 'CB/Requests.json' ] );
		// A new request at the end touches the last part only.
		const grown = manyRequests( 3001 );
		const added = grown.requests[ 3000 ] as StoreSnapshot[ 'requests' ][ number ];
		// Open, no coach yet: the coaches' load does not change.
		added.record = { ...added.record, status: 'open', coach: [] };
		const next = allPages( planPublication( 'CB', grown, published( before ), en ) );
		const touched = next.filter( ( page ) => before.find( ( p ) => p.title === page.title )?.text !== page.text ).map( ( p ) => p.title );
		const last = json<Manifest>( before, 'CB/Requests.json' ).parts.at( -1 )?.id;
		expect( touched ).toEqual( expect.arrayContaining( [ `CB/Requests.json/${ last }`, `CB/Requests/Index/${ last }`, 'CB/Requests.json', 'CB/Requests/Index' ] ) );
		expect( touched.filter( ( t ) => /\/\d+$/.test( t ) ) ).toEqual( [ `CB/Requests.json/${ last }`, `CB/Requests/Index/${ last }` ] );
	} );

	it( 'splits the review page by part when it no longer fits in one page', () => {
		const big = manyRequests( 3000 );
		big.problems = big.requests.flatMap( ( r ) => [ 1, 2, 3 ].map( ( i ) => ( {
			page: r.page, revid: r.revid, kind: 'invalid' as const, message: 'capacitybuilding-validation-invalid-choice', params: [ `value ${ i } ${ 'v'.repeat( 50 ) }` ], field: 'region', user: 'Alice',
		} ) ) );
		const plan = planPublication( 'CB', big, NONE, en );
		const { pages } = plan.review( [ { page: 'CB/Requests.json/1', revid: 0, message: 'capacitybuilding-bot-publish-problem-not-saved', params: [ 'x' ] } ] );
		expect( pages.length ).toBeGreaterThan( 2 );
		expect( pages[ 0 ]?.title ).toBe( 'CB/Review' );
		expect( pages[ 0 ]?.text ).toContain( '[[:CB/Requests.json/1]]' );
		expect( pages.slice( 1 ).every( ( p ) => /^CB\/Review\/Requests\/\d+$/.test( p.title ) ) ).toBe( true );
		expect( Math.max( ...pages.map( ( p ) => byteLength( p.text ) ) ) ).toBeLessThanOrEqual( PART_MAX_BYTES + 4096 );
		expect( pages.slice( 1 ).map( ( p ) => ( p.text.match( /\n\|-\n/g ) ?? [] ).length ).reduce( ( a, b ) => a + b, 0 ) ).toBe( 9000 );
	} );
} );

describe( 'part text', () => {
	it( 'is exactly the JSON text MediaWiki stores for the part', () => {
		const pages = allPages( planPublication( 'CB', manyRequests( 50, 'x<\u2028é\u0301'.repeat( 50 ) ), NONE, en ) );
		const parts = pages.filter( ( p ) => /\.json\/\d+$/.test( p.title ) );
		expect( parts.length ).toBeGreaterThan( 1 );
		for ( const part of parts ) {
			expect( part.text ).toBe( mediaWikiJson( part.json ) );
		}
		expect( partText( { version: INDEX_VERSION, index: 'hubs', id: 3, entries: [] } ) ).toBe( mediaWikiJson( { version: INDEX_VERSION, index: 'hubs', id: 3, entries: [] } ) );
	} );
} );
