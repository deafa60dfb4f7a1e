/**
 * Published content (bot/publish/content.ts) is a pure function of the store: the same snapshot
 * gives byte-identical pages, `generated` is the newest revision's timestamp, and values people
 * typed never become markup on the wikitext pages.
 */
import { Messages } from '../../../bot/i18n';
import { buildIndexes, daysToMatch, publishedPages, reviewPage, type StoreSnapshot } from '../../../bot/publish/content';
import type { CapacityRequest } from '../../../modules/core/model';

const en = new Messages( 'en' );
const request: CapacityRequest = {
	title: '[[Category:Hijack]] {{subst:X}} ~~~~', requester: 'Alice', requesterType: 'individual', organisation: '', region: 'SSA',
	hub: '', topics: [ 'outreach' ], formats: [ 'workshop' ], languages: [ 'en' ], lang: '', neededBy: '',
	description: 'A description that is long enough.', status: 'matched', coach: [ 'Carol' ], offers: [ 'Carol' ], created: '2026-11-01T00:00:00Z',
};
const snapshot: StoreSnapshot = {
	requests: [ { number: 2, page: 'CB/Requests/R2', revid: 20, updated: '2026-11-05T00:00:00Z', record: request, feedback: [] } ],
	coaches: [ {
		user: 'Carol', page: 'CB/Coaches/Carol', revid: 30, updated: '2026-11-07T00:00:00Z',
		record: { user: 'Carol', topics: [ 'outreach' ], languages: [ 'en' ], regions: [], formats: [ 'coaching' ], availability: 'available', awayUntil: '', maxRequests: '2', bio: '', contact: 'talk', hubs: [] },
	} ],
	hubs: [],
	problems: [ { page: 'CB/Requests/R2', revid: 21, kind: 'invalid', message: 'capacitybuilding-validation-invalid-choice', params: [ '[[Category:Bad]]' ], field: 'region', user: 'Mallory' } ],
	history: [ { requestNumber: 2, from: 'triaged', to: 'matched', user: 'Hubert', at: '2026-11-03T12:00:00Z', revid: 20 } ],
};

describe( 'published content', () => {
	it( 'is the same for the same store, and dated by the newest revision', () => {
		expect( publishedPages( 'CB', snapshot, en ) ).toEqual( publishedPages( 'CB', structuredClone( snapshot ), en ) );
		const { requests, coaches, statistics } = buildIndexes( 'CB', snapshot );
		expect( [ requests.generated, coaches.generated, statistics.generated ] ).toEqual( Array( 3 ).fill( '2026-11-07T00:00:00Z' ) );
		expect( requests.requests[ 0 ] ).toMatchObject( { number: 2, problems: 1 } );
		expect( coaches.coaches[ 0 ]?.activeRequests ).toBe( 1 );
		expect( statistics.requests.medianDaysToMatch ).toBe( 2.5 );
	} );

	it( 'counts days to the first match from the status history', () => {
		expect( daysToMatch( snapshot.requests, snapshot.history ) ).toEqual( [ 2.5 ] );
		expect( daysToMatch( snapshot.requests, [] ) ).toEqual( [] );
	} );

	it( 'shows typed values literally on wikitext pages', () => {
		const pages = publishedPages( 'CB', snapshot, en );
		const index = pages.find( ( p ) => p.title === 'CB/Requests/Index' )?.text ?? '';
		expect( index ).toContain( '<nowiki>[[Category:Hijack]] {{subst:X}} ~~~~</nowiki>' );
		const review = reviewPage( snapshot.problems, en );
		expect( review ).toContain( '<nowiki>[[Category:Bad]]</nowiki>' );
		expect( review ).toContain( '[[Special:Diff/21|21]]' );
		for ( const page of pages.filter( ( p ) => p.contentModel === 'wikitext' ) ) {
			expect( { title: page.title, trailingSpace: /[ \t]$/m.test( page.text ) } ).toEqual( { title: page.title, trailingSpace: false } );
		}
	} );

	it( 'says so when there is nothing to review', () => {
		expect( reviewPage( [], en ) ).toContain( en.text( 'capacitybuilding-bot-review-none' ) );
	} );
} );
