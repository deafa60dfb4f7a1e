/**
 * The feedback form's data: who is offered the form and in which mode, and how an entry is written
 * into the page (appended, or the author's own entry replaced in place, every other byte kept).
 */
import { DEFAULT_CONFIG } from '../../../../modules/core/config';
import type { CapacityRequest, Feedback } from '../../../../modules/core/model';
import { FEEDBACK_SCHEMA } from '../../../../modules/core/model';
import { parseAll, parsePage } from '../../../../modules/core/wikitext/codec';
import type { RequestContext, RequestState } from '../../../../modules/requestPage/data';
import { entryText, feedbackOffer, withEntry } from '../../../../modules/requestPage/feedback';

const request: CapacityRequest = {
	title: 'Workshop', requester: 'Rita', requesterType: 'individual', organisation: '', region: 'LAC', hub: '',
	topics: [], formats: [], languages: [], lang: '', neededBy: '', description: 'x', status: 'completed',
	holdReason: '', coach: [ 'Carla' ], offers: [], created: '2026-01-01T00:00:00Z',
};
const entry: Feedback = { user: 'Rita', role: 'requester', rating: '4', outcome: 'achieved', confidenceBefore: '2',
	confidenceAfter: '4', stage: '', used: '', comment: 'Thanks', learned: '', created: '2026-02-01T00:00:00Z' };
const completedAt = '2026-01-20T00:00:00Z';

function state( feedback: Feedback[], status = 'completed' ): RequestState {
	return {
		record: { ...request, status },
		history: { truncated: false, changes: [ { revid: 5, user: 'Carla', timestamp: completedAt, from: 'in-progress', to: status } ] },
		judged: { record: { content: { kind: 'request', record: request, feedback } } },
	} as unknown as RequestState;
}

const context = {
	config: DEFAULT_CONFIG,
	permissions: { config: DEFAULT_CONFIG, hubs: new Map(), coaches: new Set( [ 'Carla' ] ) },
} as unknown as RequestContext;

const DAY = 86_400_000;
const after = ( days: number ): Date => new Date( Date.parse( completedAt ) + days * DAY );

describe( 'feedbackOffer', () => {
	it( 'offers the requester and the coach the form on a completed request, a stranger none', () => {
		expect( feedbackOffer( state( [] ), 'Rita', context, after( 1 ) ) ).toEqual( { role: 'requester', stage: 'completion', own: null } );
		expect( feedbackOffer( state( [] ), 'Carla', context, after( 1 ) ) ).toEqual( { role: 'coach', stage: 'completion', own: null } );
		expect( feedbackOffer( state( [] ), 'Rand', context, after( 1 ) ) ).toBeNull();
		expect( feedbackOffer( state( [] ), '', context, after( 1 ) ) ).toBeNull();
		expect( feedbackOffer( state( [], 'in-progress' ), 'Rita', context, after( 1 ) ) ).toBeNull();
	} );

	it( 'edits the author\'s own entry, and turns to the follow-up for the requester once it is due', () => {
		expect( feedbackOffer( state( [ entry ] ), 'Rita', context, after( 1 ) )?.own ).toEqual( entry );
		expect( feedbackOffer( state( [ entry ] ), 'Carla', context, after( 1 ) )?.own ).toBeNull();
		expect( feedbackOffer( state( [ entry ] ), 'Rita', context, after( 90 ) )?.stage ).toBe( 'completion' );
		expect( feedbackOffer( state( [ entry ] ), 'Rita', context, after( 91 ) ) ).toEqual( { role: 'requester', stage: 'follow-up', own: null } );
		expect( feedbackOffer( state( [ entry ] ), 'Carla', context, after( 91 ) )?.stage ).toBe( 'completion' );
		const followUp = { ...entry, stage: 'follow-up', used: 'yes', created: '2026-05-01T00:00:00Z' };
		expect( feedbackOffer( state( [ entry, followUp ] ), 'Rita', context, after( 120 ) )?.own ).toEqual( followUp );
	} );
} );

describe( 'withEntry', () => {
	const page = '{{Capacity request|title=Workshop}}\n\nSome talk. ~~~~\n';

	it( 'appends a new entry and replaces only the author\'s own entry later', () => {
		const first = withEntry( page, entry, null );
		expect( first.startsWith( page.trimEnd() ) ).toBe( true );
		expect( parseAll( first, FEEDBACK_SCHEMA ).map( ( e ) => e.record ) ).toEqual( [ entry ] );
		const coach = { ...entry, user: 'Carla', role: 'coach', created: '2026-02-02T00:00:00Z' };
		const both = withEntry( first, coach, null );
		const edited = withEntry( both, { ...entry, rating: '5' }, entry );
		expect( parseAll( edited, FEEDBACK_SCHEMA ).map( ( e ) => [ e.record.user, e.record.rating ] ) ).toEqual( [ [ 'Rita', '5' ], [ 'Carla', '4' ] ] );
		expect( edited.replace( 'rating = 5', 'rating = 4' ) ).toBe( both );
	} );
} );

describe( 'entryText', () => {
	it( 'finds the entry\'s own call, also when another person\'s entry comes first', () => {
		const coach = { ...entry, user: 'Carla', role: 'coach', created: '2026-02-02T00:00:00Z' };
		const both = withEntry( withEntry( '{{Capacity request|title=Workshop}}\n', entry, null ), coach, null );
		expect( parsePage( entryText( both, coach ), FEEDBACK_SCHEMA ).parsed?.record ).toEqual( coach );
		expect( parsePage( entryText( both, entry ), FEEDBACK_SCHEMA ).parsed?.record ).toEqual( entry );
		expect( entryText( both, { ...coach, created: '2026-03-01T00:00:00Z' } ) ).toBe( '' );
	} );
} );
