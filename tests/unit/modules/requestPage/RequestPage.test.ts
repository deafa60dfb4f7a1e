import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { FEEDBACK_SCHEMA, REQUEST_SCHEMA, type CapacityRequest } from '../../../../modules/core/model';
import { hubTitle } from '../../../../modules/core/pages';
import { parsePage, serialize } from '../../../../modules/core/wikitext/codec';
import RequestPage from '../../../../modules/requestPage/RequestPage.vue';
import { qqx } from '../mwMock';
import { BASE, DISCUSSION, SAMPLE, TITLE, createRequestWiki, requestText, type RequestWiki } from './requestWiki';

let wiki: RequestWiki;

beforeEach( () => {
	wiki = createRequestWiki();
} );

/** Lets the fake API's answers (given on timers) and Vue's updates run until `done` holds. */
async function until( done: () => boolean ): Promise<void> {
	for ( let i = 0; i < 200 && !done(); i++ ) {
		await new Promise( ( resolve ) => {
			setTimeout( resolve, 0 );
		} );
		await flushPromises();
	}
	if ( !done() ) {
		throw new Error( 'The request page did not get there' );
	}
}

/**
 * Mounts the request page for `user`. A request the test has not saved yet is saved by its
 * requester and published as accepted (as the bot would after accepting its history); the next
 * saves through the API are made as `user`.
 */
async function show( user: string, request: CapacityRequest = SAMPLE ): Promise<VueWrapper> {
	if ( !wiki.pages.has( TITLE ) ) {
		wiki.putRequest( request, request.requester );
		wiki.publishAll();
	}
	wiki.editor = user;
	const wrapper = mount( RequestPage, { props: { api: wiki.api, title: TITLE, base: BASE, user, today: '2026-12-02' }, attachTo: document.body } );
	await until( () => !wrapper.find( '.cdx-progress-bar' ).exists() );
	return wrapper;
}

function actions( wrapper: VueWrapper ): string[] {
	return wrapper.findAll( '[data-action]' ).map( ( button ) => button.attributes( 'data-action' ) ?? '' ).sort();
}

function record(): CapacityRequest {
	const parsed = parsePage( wiki.text(), REQUEST_SCHEMA ).parsed;
	if ( !parsed ) {
		throw new Error( 'no request on the page' );
	}
	return parsed.record;
}

/** Confirms in the dialog that declining, withdrawing and putting on hold open, with a reason or none. */
async function confirm( wrapper: VueWrapper, reason = '' ): Promise<void> {
	await until( () => wrapper.find( '.ext-capacitybuilding-request-actions__confirm .cdx-dialog__footer__primary-action' ).exists() );
	if ( reason ) {
		await wrapper.find( '.ext-capacitybuilding-request-actions__reason textarea' ).setValue( reason );
	}
	await wrapper.find( '.ext-capacitybuilding-request-actions__confirm .cdx-dialog__footer__primary-action' ).trigger( 'click' );
}

async function click( wrapper: VueWrapper, action: string, reason = '' ): Promise<string | undefined> {
	await wrapper.find( `.ext-capacitybuilding-request-actions__buttons [data-action="${ action }"]` ).trigger( 'click' );
	if ( [ 'decline', 'withdraw', 'hold' ].includes( action ) ) {
		await confirm( wrapper, reason );
	}
	await until( () => wrapper.find( '.ext-capacitybuilding-request-page__notice, .ext-capacitybuilding-save-error' ).exists() );
	const notice = wrapper.find( '.ext-capacitybuilding-request-page__notice' );
	return notice.exists() ? notice.attributes( 'data-notice' ) : undefined;
}

describe( 'RequestPage: display', () => {
	it( 'names languages as MediaWiki does, in the reader’s language', async () => {
		const wrapper = await show( '', { ...SAMPLE, languages: [ 'fr', 'ar', 'xx-unknown' ] } );
		expect( wrapper.find( '[data-fact="languages"] dd' ).text() ).toBe( [ 'French', 'Arabic', 'xx-unknown' ].join( qqx( 'comma-separator' ) ) );
		expect( wiki.api.get ).toHaveBeenCalledWith( expect.objectContaining( { meta: 'languageinfo', uselang: 'en' } ) );
	} );

	it( 'shows the status chip, the key facts and the status history, newest first', async () => {
		wiki.putRequest( { ...SAMPLE, status: 'open', offers: [] }, 'Rita' );
		wiki.editor = 'Hana';
		wiki.put( TITLE, requestText( { ...SAMPLE, status: 'triaged', offers: [] } ) );
		wiki.editor = 'Omar';
		wiki.put( TITLE, requestText( SAMPLE ) );
		const wrapper = await show( '' );
		expect( wrapper.find( '.ext-capacitybuilding-request-page__status' ).text() ).toBe( qqx( 'capacitybuilding-status-triaged' ) );
		expect( wrapper.find( '.ext-capacitybuilding-request-page__title' ).text() ).toBe( SAMPLE.title );
		expect( wrapper.find( '[data-fact="requester"] dd' ).text() ).toBe( 'Rita' );
		expect( wrapper.find( '[data-fact="region"] dd' ).text() ).toBe( qqx( 'capacitybuilding-region-lac' ) );
		expect( wrapper.find( '[data-fact="offers"] dd' ).text() ).toBe( 'Omar' );
		// Empty facts are left out.
		expect( wrapper.find( '[data-fact="coach"]' ).exists() ).toBe( false );
		const items = wrapper.findAll( '.ext-capacitybuilding-request-history__item' );
		expect( items.map( ( item ) => item.find( '.ext-capacitybuilding-request-history__change' ).text() ) ).toEqual( [
			qqx( 'capacitybuilding-requestpage-history-change', qqx( 'capacitybuilding-status-open' ), qqx( 'capacitybuilding-status-triaged' ) ),
			qqx( 'capacitybuilding-requestpage-history-created', qqx( 'capacitybuilding-status-open' ) ),
		] );
		const revisions = wiki.history.get( TITLE ) ?? [];
		expect( items[ 0 ]?.find( '.ext-capacitybuilding-request-history__user' ).text() ).toBe( 'Hana' );
		expect( items[ 0 ]?.find( '.ext-capacitybuilding-request-history__revision' ).attributes( 'href' ) ).toContain( `oldid=${ revisions[ 1 ]?.revid }` );
		expect( items[ 0 ]?.find( '.ext-capacitybuilding-request-history__diff' ).attributes( 'href' ) ).toContain( 'diff=prev' );
		// The creation has no diff.
		expect( items[ 1 ]?.find( '.ext-capacitybuilding-request-history__diff' ).exists() ).toBe( false );
	} );

	it( 'names no one for a hidden username in the history', async () => {
		wiki.putRequest( { ...SAMPLE, status: 'open' }, 'Rita' );
		wiki.publishAll( { [ TITLE ]: [ { from: '', to: 'open', user: '', at: '2026-11-01T10:00:00Z', revid: 1 } ] } );
		const wrapper = await show( '' );
		const newest = wrapper.find( '.ext-capacitybuilding-request-history__item' );
		expect( newest.find( 'a.ext-capacitybuilding-request-history__user' ).exists() ).toBe( false );
		expect( newest.find( '.ext-capacitybuilding-request-history__user' ).text() ).toBe( qqx( 'capacitybuilding-requestpage-history-user-hidden' ) );
	} );

	it( 'shows neither a blanked page nor an edit by a hidden author as the request, and says they await checking', async () => {
		wiki.putRequest( { ...SAMPLE, status: 'open', offers: [] }, 'Rita' );
		wiki.publishAll();
		const blank = wiki.putAs( 'Vandal', TITLE, 'blanked' );
		const hidden = wiki.putAs( '', TITLE, requestText( SAMPLE ) );
		const wrapper = await show( '' );
		expect( wrapper.find( '.ext-capacitybuilding-request-page__status' ).text() ).toBe( qqx( 'capacitybuilding-status-open' ) );
		const items = wrapper.findAll( '.ext-capacitybuilding-pending__item' );
		expect( items.map( ( item ) => [ Number( item.attributes( 'data-revid' ) ), item.attributes( 'data-kind' ) ] ) ).toEqual( [
			[ blank.revid, 'unreadable' ], [ hidden.revid, 'rejected' ],
		] );
		expect( items[ 1 ]?.find( '.ext-capacitybuilding-pending__what' ).text() ).toContain( qqx( 'capacitybuilding-bot-sync-author-hidden' ) );
		expect( items[ 1 ]?.find( '.ext-capacitybuilding-pending__what' ).text() ).toContain( qqx( 'capacitybuilding-judged-pending-user-hidden' ) );
		expect( wrapper.findAll( '.ext-capacitybuilding-request-history__item' ) ).toHaveLength( 1 );
	} );

	it( 'says so when the page has no request template, and offers nothing', async () => {
		wiki.putAs( 'Rita', TITLE, 'Someone blanked this.' );
		const wrapper = await show( 'Rita' );
		expect( wrapper.find( '.ext-capacitybuilding-request-page__load-error' ).text() )
			.toBe( qqx( 'capacitybuilding-requestpage-error-no-template', TITLE ) );
		expect( actions( wrapper ) ).toEqual( [] );
	} );

	it( 'shows the template\'s problems (an unknown parameter) as warnings', async () => {
		wiki.putAs( 'Rita', TITLE, requestText( SAMPLE ).replace( '}}', '| colour = blue\n}}' ) );
		wiki.publishAll();
		const wrapper = await show( '' );
		expect( wrapper.find( '.ext-capacitybuilding-request-page__problem' ).text() )
			.toBe( qqx( 'capacitybuilding-codec-unknown-parameter', 'colour' ) );
	} );

	describe( 'topics', () => {
		const chain = mw.language.getFallbackLanguageChain as jest.Mock;
		afterEach( () => {
			chain.mockImplementation( () => [ 'en' ] );
		} );

		it( 'names them by their labels in the reader\'s language, falling back as the core does', async () => {
			chain.mockImplementation( () => [ 'pt-br', 'pt' ] );
			wiki.put( `${ BASE }/Topics.json`, JSON.stringify( { version: 1, topics: [
				{ key: 'organisational', labels: { en: 'Organisational development', pt: 'Desenvolvimento organizacional' }, children: [
					{ key: 'governance', labels: { en: 'Governance', 'pt-br': 'Governança', pt: 'Governação' } },
					{ key: 'fundraising', labels: { en: 'Fundraising' } },
				] },
			] } ) );
			const wrapper = await show( '', { ...SAMPLE, topics: [ 'governance', 'organisational', 'fundraising', 'no-such-topic' ] } );
			// pt-br before pt; pt before English; English when nothing closer; a key the taxonomy lacks stays a key.
			expect( wrapper.find( '[data-fact="topics"] dd' ).text() ).toBe(
				[ 'Governança', 'Desenvolvimento organizacional', 'Fundraising', 'no-such-topic' ].join( qqx( 'comma-separator' ) ) );
			expect( wrapper.find( '.ext-capacitybuilding-request-page__problem' ).exists() ).toBe( false );
		} );

		it( 'shows keys, and says why, when the wiki has no taxonomy', async () => {
			wiki.pages.delete( `${ BASE }/Topics.json` );
			const wrapper = await show( '' );
			expect( wrapper.find( '[data-fact="topics"] dd' ).text() ).toBe( 'governance' );
			expect( wrapper.find( '.ext-capacitybuilding-request-page__problem' ).text() )
				.toBe( qqx( 'capacitybuilding-topics-missing', `${ BASE }/Topics.json` ) );
		} );
	} );
} );

describe( 'RequestPage: which actions show for whom', () => {
	const matched = { ...SAMPLE, status: 'matched', coach: [ 'Carla' ], offers: [ 'Carla', 'Omar' ] };
	it.each( [
		[ 'requester', 'Rita', SAMPLE, [ 'accept', 'hold', 'withdraw' ], true ],
		[ 'coach who offered', 'Omar', SAMPLE, [ 'retract-offer' ], false ],
		[ 'another coach', 'Otto', SAMPLE, [ 'offer' ], false ],
		[ 'hub contact', 'Hana', SAMPLE, [ 'accept', 'decline', 'hold', 'triage' ], true ],
		[ 'contact of another hub', 'Bruno', SAMPLE, [], false ],
		[ 'admin', 'Adam', SAMPLE, [ 'accept', 'decline', 'hold', 'triage', 'withdraw' ], true ],
		[ 'someone else', 'Rand', SAMPLE, [], false ],
		[ 'assigned coach of a matched request', 'Carla', matched, [ 'hold', 'retract-offer', 'start' ], false ],
	] as const )( '%s', async ( _role, user, request, expected, mayEdit ) => {
		const wrapper = await show( user, request );
		expect( actions( wrapper ) ).toEqual( expected );
		expect( wrapper.find( '.ext-capacitybuilding-request-page__edit-button' ).exists() ).toBe( mayEdit );
		// "Nothing you can do" shows exactly when there is no action.
		expect( wrapper.find( '.ext-capacitybuilding-request-actions__none' ).exists() ).toBe( expected.length === 0 );
	} );

	it( 'offers nothing to a logged-out reader, and says to log in', async () => {
		const wrapper = await show( '' );
		expect( actions( wrapper ) ).toEqual( [] );
		expect( wrapper.find( '.ext-capacitybuilding-request-actions__none' ).text() ).toBe( qqx( 'capacitybuilding-requestpage-actions-login' ) );
	} );
} );

describe( 'RequestPage: actions are edits of the template block', () => {
	it.each( [
		[ 'offer', 'Otto', SAMPLE, { offers: [ 'Omar', 'Otto' ] } ],
		[ 'retract-offer', 'Omar', SAMPLE, { offers: [] } ],
		[ 'accept', 'Rita', SAMPLE, { status: 'matched', coach: [ 'Omar' ] } ],
		[ 'start', 'Carla', { ...SAMPLE, status: 'matched', coach: [ 'Carla' ] }, { status: 'in-progress' } ],
		[ 'complete', 'Rita', { ...SAMPLE, status: 'in-progress', coach: [ 'Carla' ] }, { status: 'completed' } ],
		[ 'withdraw', 'Rita', SAMPLE, { status: 'withdrawn' } ],
		[ 'hold', 'Hana', SAMPLE, { status: 'on-hold' } ],
		[ 'reopen', 'Rita', { ...SAMPLE, status: 'on-hold' }, { status: 'triaged' } ],
		[ 'decline', 'Adam', SAMPLE, { status: 'declined' } ],
	] as [ string, string, CapacityRequest, Partial<CapacityRequest> ][] )( '%s', async ( action, user, request, change ) => {
		const wrapper = await show( user, request );
		const before = wiki.pages.get( TITLE );
		expect( await click( wrapper, action ) ).toBe( 'saved' );
		const edit = wiki.edits[ 0 ] ?? {};
		expect( edit ).toMatchObject( { title: TITLE, baserevid: before?.revid, nocreate: true, assert: 'user' } );
		expect( edit.summary ).toMatch( /^\(capacitybuilding-requestpage-summary-/ );
		expect( record() ).toEqual( { ...request, ...change } );
		expect( wiki.text().endsWith( DISCUSSION ) ).toBe( true );
		// The page now shows the saved state.
		expect( wrapper.find( '.ext-capacitybuilding-request-page__status' ).text() )
			.toBe( qqx( `capacitybuilding-status-${ record().status }` ) );
	} );

	it.each( [
		[ 'decline', 'Adam', 'declined' ], [ 'withdraw', 'Rita', 'withdrawn' ], [ 'hold', 'Hana', 'on-hold' ],
	] )( '%s asks first, saves nothing when cancelled, and puts the reason into the summary and the history', async ( action, user, status ) => {
		const wrapper = await show( user );
		await wrapper.find( `.ext-capacitybuilding-request-actions__buttons [data-action="${ action }"]` ).trigger( 'click' );
		await until( () => wrapper.find( '.ext-capacitybuilding-request-actions__confirm .cdx-dialog__footer__default-action' ).exists() );
		expect( wrapper.find( '.ext-capacitybuilding-request-actions__confirm' ).text() ).toContain( qqx( `capacitybuilding-requestpage-confirm-${ action }-title` ) );
		await wrapper.find( '.ext-capacitybuilding-request-actions__confirm .cdx-dialog__footer__default-action' ).trigger( 'click' );
		await flushPromises();
		expect( wiki.edits ).toEqual( [] );
		expect( wrapper.find( '.ext-capacitybuilding-request-actions__confirm .cdx-dialog__footer' ).exists() ).toBe( false );

		expect( await click( wrapper, action, 'Duplicate of\nR12,  handled there' ) ).toBe( 'saved' );
		expect( record().status ).toBe( status );
		// One line, in the translated summary made for a reason.
		const summary = qqx( `capacitybuilding-requestpage-summary-${ action }-reason`, 'Duplicate of R12, handled there' );
		expect( wiki.edits[ 0 ]?.summary ).toBe( summary );
		await until( () => wrapper.find( '.ext-capacitybuilding-request-history__comment' ).exists() );
		expect( wrapper.find( '.ext-capacitybuilding-request-history__item .ext-capacitybuilding-request-history__comment' ).text() )
			.toBe( qqx( 'capacitybuilding-requestpage-history-comment', summary ) );
	} );

	it( 'routes to the hub chosen in the selector', async () => {
		const wrapper = await show( 'Hana', { ...SAMPLE, hub: '', status: 'open', offers: [] } );
		const triage = wrapper.find( '.ext-capacitybuilding-request-actions__triage [data-action="triage"]' );
		expect( triage.attributes( 'disabled' ) ).toBeDefined();
		wrapper.findComponent( { name: 'CdxSelect' } ).vm.$emit( 'update:selected', 'Hub B' );
		await flushPromises();
		await triage.trigger( 'click' );
		await until( () => wrapper.find( '.ext-capacitybuilding-request-page__notice' ).exists() );
		expect( record() ).toMatchObject( { hub: 'Hub B', status: 'triaged' } );
		expect( wiki.edits[ 0 ]?.summary ).toBe( qqx( 'capacitybuilding-requestpage-summary-triage', 'Hub B' ) );
	} );
} );

describe( 'RequestPage: the suggested hubs of a request without a hub', () => {
	const UNROUTED: CapacityRequest = { ...SAMPLE, hub: '', status: 'open', offers: [] };

	/** Two hubs that cover UNROUTED: a regional one (contact Lucía) and a thematic one (contact Gabriel). */
	function coveringHubs(): void {
		wiki.putAs( 'Adam', hubTitle( BASE, 'Hub Gobernanza' ), '{{Capacity hub\n| name = Hub Gobernanza\n| kind = thematic\n' +
			'| topics = governance\n| languages = es\n| contacts = Gabriel\n}}' );
		wiki.putAs( 'Adam', hubTitle( BASE, 'Hub América Latina' ), '{{Capacity hub\n| name = Hub América Latina\n| kind = regional\n' +
			'| regions = LAC\n| contacts = Lucía\n}}' );
	}

	function route( wrapper: VueWrapper ): { queue?: string; text: string; confirm: string | null } {
		const box = wrapper.find( '.ext-capacitybuilding-request-page__route' );
		const confirmLine = box.find( '.ext-capacitybuilding-request-page__route-confirm' );
		return { queue: box.attributes( 'data-route' ), text: box.find( 'p' ).text(), confirm: confirmLine.exists() ? confirmLine.text() : null };
	}

	function selectedHub( wrapper: VueWrapper ): unknown {
		return wrapper.findComponent( { name: 'CdxSelect' } ).props( 'selected' );
	}

	it( 'names the published candidates, best first; a contact of one finds it chosen for the triage action, which confirms it', async () => {
		coveringHubs();
		const wrapper = await show( 'Lucía', UNROUTED );
		const names = [ 'Hub América Latina', 'Hub Gobernanza' ].join( qqx( 'comma-separator' ) );
		expect( route( wrapper ) ).toEqual( {
			queue: 'hubs',
			text: qqx( 'capacitybuilding-requestpage-route-hubs', names, 2 ),
			confirm: qqx( 'capacitybuilding-requestpage-route-confirm', 'Hub América Latina' ),
		} );
		expect( selectedHub( wrapper ) ).toBe( 'Hub América Latina' );
		const triage = wrapper.find( '.ext-capacitybuilding-request-actions__triage [data-action="triage"]' );
		expect( triage.attributes( 'disabled' ) ).toBeUndefined();
		await triage.trigger( 'click' );
		await until( () => wrapper.find( '.ext-capacitybuilding-request-page__notice' ).exists() );
		// The person's edit, not the bot's, sets the hub; then the page suggests nothing more.
		expect( record() ).toEqual( { ...UNROUTED, hub: 'Hub América Latina', status: 'triaged' } );
		expect( wiki.edits[ 0 ]?.summary ).toBe( qqx( 'capacitybuilding-requestpage-summary-triage', 'Hub América Latina' ) );
		expect( wrapper.find( '.ext-capacitybuilding-request-page__route' ).exists() ).toBe( false );
		expect( selectedHub( wrapper ) ).toBeNull();
	} );

	it( 'chooses the suggested hub of the reader\'s own, not the first one, and the first one for an admin', async () => {
		coveringHubs();
		const gabriel = await show( 'Gabriel', UNROUTED );
		expect( selectedHub( gabriel ) ).toBe( 'Hub Gobernanza' );
		expect( route( gabriel ).confirm ).toBe( qqx( 'capacitybuilding-requestpage-route-confirm', 'Hub Gobernanza' ) );
		gabriel.unmount();
		const adam = await show( 'Adam', UNROUTED );
		expect( selectedHub( adam ) ).toBe( 'Hub América Latina' );
	} );

	it( 'shows the suggestion to everyone, but chooses nothing for a contact of another hub, and confirms nothing for a reader', async () => {
		coveringHubs();
		const hana = await show( 'Hana', UNROUTED );
		expect( route( hana ) ).toMatchObject( { queue: 'hubs', confirm: null } );
		// Hana (Hub A) may still route it anywhere, starting from nothing chosen.
		expect( hana.find( '.ext-capacitybuilding-request-actions__triage' ).exists() ).toBe( true );
		expect( selectedHub( hana ) ).toBeNull();
		hana.unmount();
		const reader = await show( '', UNROUTED );
		expect( route( reader ) ).toMatchObject( { queue: 'hubs', confirm: null } );
		reader.unmount();
		wiki = createRequestWiki();
		coveringHubs();
		expect( route( await show( '', { ...UNROUTED, region: 'SSA' } ) ).text ).toBe( qqx( 'capacitybuilding-requestpage-route-hubs', 'Hub Gobernanza', 1 ) );
	} );

	it( 'says a request no hub covers is in the programme admins\' queue, and chooses nothing', async () => {
		const wrapper = await show( 'Adam', { ...UNROUTED, region: 'NA', topics: [ 'photography' ] } );
		expect( route( wrapper ) ).toEqual( { queue: 'admins', text: qqx( 'capacitybuilding-requestpage-route-admins' ), confirm: null } );
		expect( selectedHub( wrapper ) ).toBeNull();
	} );

	it( 'suggests nothing for a request with a hub, nor once an accepted edit since the index gave it one', async () => {
		coveringHubs();
		expect( ( await show( 'Lucía', SAMPLE ) ).find( '.ext-capacitybuilding-request-page__route' ).exists() ).toBe( false );
		wiki = createRequestWiki();
		coveringHubs();
		wiki.putRequest( UNROUTED, 'Rita' );
		wiki.publishAll();
		// Hana, a hub contact, routes it by hand after the index was published: the judge accepts it.
		wiki.putAs( 'Hana', TITLE, requestText( { ...UNROUTED, hub: 'Hub A', status: 'triaged' } ) );
		const wrapper = await show( 'Lucía' );
		expect( wrapper.find( '.ext-capacitybuilding-request-page__status' ).text() ).toBe( qqx( 'capacitybuilding-status-triaged' ) );
		expect( wrapper.find( '.ext-capacitybuilding-request-page__route' ).exists() ).toBe( false );
	} );

	it.each( [
		[ 'region', { region: 'NA' } ],
		[ 'topics', { topics: [ 'governance', 'photography' ] } ],
		[ 'languages', { languages: [ 'es', 'pt' ] } ],
		[ 'status (withdrawn)', { status: 'withdrawn' } ],
	] as [ string, Partial<CapacityRequest> ][] )( 'suggests nothing once an accepted edit since the index changed the %s', async ( _, change ) => {
		coveringHubs();
		wiki.putRequest( UNROUTED, 'Rita' );
		wiki.publishAll();
		// The requester's own edit, accepted: the published route no longer says where the request shown goes.
		wiki.putAs( 'Rita', TITLE, requestText( { ...UNROUTED, ...change } ) );
		const wrapper = await show( 'Lucía' );
		// Accepted: nothing awaits checking.
		expect( wrapper.find( '.ext-capacitybuilding-pending' ).exists() ).toBe( false );
		expect( wrapper.find( '.ext-capacitybuilding-request-page__route' ).exists() ).toBe( false );
	} );

	it( 'still suggests after an accepted edit that routing does not read', async () => {
		coveringHubs();
		wiki.putRequest( UNROUTED, 'Rita' );
		wiki.publishAll();
		wiki.putAs( 'Rita', TITLE, requestText( { ...UNROUTED, neededBy: '2027-05-01', description: `${ UNROUTED.description } More.` } ) );
		const wrapper = await show( 'Lucía' );
		expect( wrapper.find( '.ext-capacitybuilding-request-page__route' ).attributes( 'data-route' ) ).toBe( 'hubs' );
	} );

	it( 'reads the route from the entry it already reads: the same API requests as without a route', async () => {
		const requestsOf = async ( routes: boolean ): Promise<unknown[]> => {
			wiki = createRequestWiki();
			coveringHubs();
			wiki.putRequest( UNROUTED, 'Rita' );
			wiki.publishAll( {}, { routes } );
			wiki.requests.length = 0;
			const wrapper = await show( 'Lucía' );
			expect( wrapper.find( '.ext-capacitybuilding-request-page__route' ).exists() ).toBe( routes );
			wrapper.unmount();
			// Revision ids differ between the two wikis; everything else must not.
			return wiki.requests.map( ( params ) => JSON.stringify( params ).replace( /\d{3,}/g, 'N' ) );
		};
		const without = await requestsOf( false );
		expect( await requestsOf( true ) ).toEqual( without );
	} );
} );

describe( 'RequestPage: following the request', () => {
	it.each( [
		[ 'offer', 'Otto', true ],
		[ 'accept', 'Rita', true ],
		[ 'hold', 'Hana', false ],
	] )( '%s subscribes whoever does it to new topics on the page: %s', async ( action, user, follows ) => {
		const wrapper = await show( user );
		expect( await click( wrapper, action ) ).toBe( 'saved' );
		expect( wiki.subscriptions ).toEqual( follows ? [ `p-topics-0:${ TITLE.replace( / /g, '_' ) }` ] : [] );
		expect( wrapper.find( '.ext-capacitybuilding-request-page__unsubscribed' ).exists() ).toBe( false );
	} );

	it( 'says so when subscribing fails; the offer is saved', async () => {
		const wrapper = await show( 'Otto' );
		wiki.failSubscription( 'ratelimited' );
		expect( await click( wrapper, 'offer' ) ).toBe( 'saved' );
		expect( record().offers ).toEqual( [ 'Omar', 'Otto' ] );
		const warning = wrapper.find( '.ext-capacitybuilding-request-page__unsubscribed' );
		expect( warning.attributes( 'data-code' ) ).toBe( 'ratelimited' );
		expect( warning.text() ).toContain( qqx( 'capacitybuilding-requestpage-subscribe-failed' ) );
		expect( warning.text() ).toContain( qqx( 'capacitybuilding-save-error-ratelimited' ) );
	} );
} );

describe( 'RequestPage: a page the user cannot edit', () => {
	it( 'says why, in the wiki’s words, instead of offering buttons whose saves would fail', async () => {
		wiki.protectedPages.set( TITLE, '<p class="wiki-says">This page has been protected.</p>' );
		const wrapper = await show( 'Rita' );
		expect( actions( wrapper ) ).toEqual( [] );
		expect( wrapper.find( '.ext-capacitybuilding-request-page__edit-button' ).exists() ).toBe( false );
		const locked = wrapper.find( '.ext-capacitybuilding-request-page__locked' );
		expect( locked.text() ).toContain( qqx( 'capacitybuilding-requestpage-locked' ) );
		expect( locked.find( '.wiki-says' ).text() ).toBe( 'This page has been protected.' );
	} );

	it( 'offers the buttons when the page can be edited', async () => {
		const wrapper = await show( 'Rita' );
		expect( actions( wrapper ) ).toEqual( [ 'accept', 'hold', 'withdraw' ] );
		expect( wrapper.find( '.ext-capacitybuilding-request-page__locked' ).exists() ).toBe( false );
	} );
} );

describe( 'RequestPage: edit conflicts and errors', () => {
	it( 're-applies an action on top of another edit when it still applies', async () => {
		const wrapper = await show( 'Otto' );
		wiki.beforeEdit = () => {
			wiki.beforeEdit = null;
			wiki.putAs( 'Carla', TITLE, requestText( { ...SAMPLE, offers: [ 'Omar', 'Carla' ] } ) );
		};
		expect( await click( wrapper, 'offer' ) ).toBe( 'reapplied' );
		expect( record().offers ).toEqual( [ 'Omar', 'Carla', 'Otto' ] );
		expect( wiki.edits.map( ( edit ) => edit.baserevid ) ).toEqual( [ expect.any( Number ), wiki.history.get( TITLE )?.at( -2 )?.revid ] );
	} );

	it( 'explains, and saves nothing, when someone else changed the status so the action no longer applies', async () => {
		const wrapper = await show( 'Rita' );
		wiki.beforeEdit = () => {
			wiki.beforeEdit = null;
			wiki.putAs( 'Hana', TITLE, requestText( { ...SAMPLE, status: 'declined' } ) );
		};
		expect( await click( wrapper, 'accept' ) ).toBe( 'stale' );
		expect( wrapper.find( '.ext-capacitybuilding-request-page__notice' ).text() ).toBe( qqx(
			'capacitybuilding-requestpage-conflict-stale',
			qqx( 'capacitybuilding-requestpage-action-accept', 'Omar' ), qqx( 'capacitybuilding-status-declined' ) ) );
		expect( wiki.edits ).toHaveLength( 1 );
		expect( record().status ).toBe( 'declined' );
		expect( wrapper.find( '.ext-capacitybuilding-request-page__status' ).text() ).toBe( qqx( 'capacitybuilding-status-declined' ) );
		expect( actions( wrapper ) ).toEqual( [] );
	} );

	it( 'shows a refused save with the shared error message and keeps the page as it was', async () => {
		const wrapper = await show( 'Rita' );
		const before = wiki.text();
		wiki.fail( 'blocked' );
		await click( wrapper, 'withdraw' );
		expect( wrapper.find( '.ext-capacitybuilding-save-error' ).attributes( 'data-code' ) ).toBe( 'blocked' );
		expect( wiki.text() ).toBe( before );
		expect( wrapper.find( '.ext-capacitybuilding-request-page__status' ).text() ).toBe( qqx( 'capacitybuilding-status-triaged' ) );
	} );

	it( 'tries the same action again after a network failure', async () => {
		const wrapper = await show( 'Rita' );
		wiki.fail( 'http', { xhr: { status: 0 } } );
		await click( wrapper, 'hold' );
		expect( wrapper.find( '.ext-capacitybuilding-save-error' ).attributes( 'data-code' ) ).toBe( 'http' );
		await wrapper.find( '.ext-capacitybuilding-save-error__actions button' ).trigger( 'click' );
		await until( () => wrapper.find( '.ext-capacitybuilding-request-page__notice' ).exists() );
		expect( record().status ).toBe( 'on-hold' );
		expect( wrapper.find( '.ext-capacitybuilding-save-error' ).exists() ).toBe( false );
	} );
} );

describe( 'RequestPage: edit request', () => {
	it( 'loads the request form and mounts it in edit mode for this page', async () => {
		const formMount = jest.fn();
		( mw.loader.getState as jest.Mock ).mockImplementation( ( name: string ) => name === 'ext.capacityBuilding.requestForm' ? 'registered' : null );
		( mw.loader.using as jest.Mock ).mockImplementation( () => Promise.resolve( () => ( { mount: formMount } ) ) );
		const wrapper = await show( 'Rita' );
		await wrapper.find( '.ext-capacitybuilding-request-page__edit-button' ).trigger( 'click' );
		await until( () => formMount.mock.calls.length > 0 );
		expect( mw.loader.using ).toHaveBeenCalledWith( 'ext.capacityBuilding.requestForm' );
		const container = formMount.mock.calls[ 0 ][ 0 ] as HTMLElement;
		expect( container.dataset.capacitybuildingEdit ).toBe( TITLE );
		expect( wrapper.find( '.ext-capacitybuilding-request-page__edit-button' ).exists() ).toBe( false );
	} );

	it( 'says so when the form cannot be loaded', async () => {
		( mw.loader.getState as jest.Mock ).mockImplementation( ( name: string ) => name === 'ext.capacityBuilding.requestForm' ? 'registered' : null );
		( mw.loader.using as jest.Mock ).mockImplementation( () => Promise.reject( new Error( 'load failed' ) ) );
		const wrapper = await show( 'Rita' );
		await wrapper.find( '.ext-capacitybuilding-request-page__edit-button' ).trigger( 'click' );
		await until( () => wrapper.find( '.ext-capacitybuilding-request-page__notice' ).exists() );
		expect( wrapper.find( '.ext-capacitybuilding-request-page__notice' ).text() ).toBe( qqx( 'capacitybuilding-requestpage-error-form' ) );
		expect( mw.log.error ).toHaveBeenCalled();
	} );
} );

describe( 'RequestPage: suggested coaches', () => {
	it( 'suggests matching coaches to a hub contact, and invites one on their talk page', async () => {
		const wrapper = await show( 'Hana' );
		await until( () => wrapper.find( '.ext-capacitybuilding-match-suggestions' ).exists() );
		// Omar already offered and Otto coaches something else: only Carla is suggested.
		const suggested = wrapper.findAll( '.ext-capacitybuilding-match-suggestions__item' ).map( ( item ) => item.attributes( 'data-user' ) );
		expect( suggested ).toEqual( [ 'Carla' ] );
		expect( wrapper.find( '.ext-capacitybuilding-match-suggestions__reasons' ).text() ).toContain( 'Governance' );
		await wrapper.find( '.ext-capacitybuilding-request-suggestions__invite' ).trigger( 'click' );
		await until( () => wrapper.find( '.ext-capacitybuilding-request-suggestions__invited' ).exists() );
		expect( wiki.edits ).toEqual( [ expect.objectContaining( {
			title: 'User talk:Carla', section: 'new',
			sectiontitle: qqx( 'capacitybuilding-requestpage-invite-subject', TITLE ),
			text: `${ qqx( 'capacitybuilding-requestpage-invite-body', 'Carla', TITLE, 'Hana' ) } ~~~~`,
			summary: qqx( 'capacitybuilding-requestpage-invite-summary', TITLE ),
		} ) ] );
		// The request itself is untouched.
		expect( record() ).toEqual( SAMPLE );
	} );

	it( 'shows a failed invitation with the shared error message', async () => {
		const wrapper = await show( 'Adam' );
		await until( () => wrapper.find( '.ext-capacitybuilding-request-suggestions__invite' ).exists() );
		wiki.fail( 'protectedpage' );
		await wrapper.find( '.ext-capacitybuilding-request-suggestions__invite' ).trigger( 'click' );
		await until( () => wrapper.find( '.ext-capacitybuilding-save-error' ).exists() );
		expect( wrapper.find( '.ext-capacitybuilding-save-error' ).attributes( 'data-code' ) ).toBe( 'protectedpage' );
		expect( wrapper.find( '.ext-capacitybuilding-request-suggestions__invited' ).exists() ).toBe( false );
	} );

	it.each( [ [ 'the requester', 'Rita' ], [ 'a coach', 'Otto' ], [ 'a logged-out reader', '' ] ] )( 'are not shown to %s', async ( _who, user ) => {
		const wrapper = await show( user );
		expect( wrapper.find( '.ext-capacitybuilding-request-suggestions' ).exists() ).toBe( false );
	} );
} );

describe( 'RequestPage: the request as the judge has it', () => {
	function statusShown( wrapper: VueWrapper ): string {
		return wrapper.find( '.ext-capacitybuilding-request-page__status' ).text();
	}

	function historyShown( wrapper: VueWrapper ): string[] {
		return wrapper.findAll( '.ext-capacitybuilding-request-history__change' ).map( ( item ) => item.text() );
	}

	it( 'never shows a stranger\'s decline, nor puts it in the status history, and says an edit awaits checking, why, with its diff', async () => {
		wiki.putRequest( SAMPLE, 'Rita' );
		wiki.publishAll();
		const stranger = wiki.putAs( 'Stranger', TITLE, requestText( { ...SAMPLE, status: 'declined' } ), 'Declining this' );
		const wrapper = await show( '' );
		expect( statusShown( wrapper ) ).toBe( qqx( 'capacitybuilding-status-triaged' ) );
		expect( historyShown( wrapper ) ).toEqual( [ qqx( 'capacitybuilding-requestpage-history-created', qqx( 'capacitybuilding-status-triaged' ) ) ] );
		const pending = wrapper.find( '.ext-capacitybuilding-pending' );
		expect( pending.attributes( 'data-pending' ) ).toBe( '1' );
		expect( pending.find( '.ext-capacitybuilding-pending__intro' ).text() ).toBe( qqx( 'capacitybuilding-judged-pending-intro', 1 ) );
		const item = pending.find( '.ext-capacitybuilding-pending__item' );
		expect( item.attributes( 'data-kind' ) ).toBe( 'rejected' );
		expect( item.find( '.ext-capacitybuilding-pending__what' ).text() ).toMatch( new RegExp( `^\\(capacitybuilding-judged-pending-rejected: Stranger, .+, ${
			qqx( 'capacitybuilding-permission-denied-decline' ).replace( /[()]/g, '\\$&' ) }\\)$` ) );
		expect( item.find( '.ext-capacitybuilding-pending__diff' ).attributes( 'href' ) ).toContain( `oldid=${ stranger.revid }` );
		expect( pending.find( '.ext-capacitybuilding-pending__review' ).attributes( 'href' ) ).toBe( '/wiki/Capacity_building%2FReview' );
	} );

	it( 'never shows a stranger\'s description, nor an allowed edit that carries it (laundering)', async () => {
		wiki.putRequest( SAMPLE, 'Rita' );
		wiki.publishAll();
		wiki.putAs( 'Stranger', TITLE, requestText( { ...SAMPLE, description: 'Send money to the stranger, please.' } ) );
		// An admin fixes the title afterwards: their edit keeps the stranger's description.
		wiki.putAs( 'Adam', TITLE, requestText( { ...SAMPLE, title: 'Help with a wikithon!', description: 'Send money to the stranger, please.' } ) );
		const wrapper = await show( '' );
		expect( wrapper.find( '.ext-capacitybuilding-request-page__description' ).text() ).toBe( SAMPLE.description );
		expect( wrapper.find( '.ext-capacitybuilding-request-page__title' ).text() ).toBe( SAMPLE.title );
		const items = wrapper.findAll( '.ext-capacitybuilding-pending__item' );
		expect( items ).toHaveLength( 2 );
		expect( items[ 1 ]?.find( '.ext-capacitybuilding-pending__what' ).text() ).toContain( 'capacitybuilding-bot-sync-carries-rejected' );
	} );

	it( 'shows allowed edits made since the index was published, and adds their status changes to the published history', async () => {
		wiki.putRequest( { ...SAMPLE, status: 'open', offers: [] }, 'Rita' );
		wiki.publishAll();
		wiki.putAs( 'Hana', TITLE, requestText( { ...SAMPLE, offers: [] } ), 'Routed to Hub A' );
		const hold = wiki.putAs( 'Rita', TITLE, requestText( { ...SAMPLE, offers: [], status: 'on-hold' } ), 'Until our board meets' );
		const wrapper = await show( '' );
		expect( statusShown( wrapper ) ).toBe( qqx( 'capacitybuilding-status-on-hold' ) );
		expect( wrapper.find( '.ext-capacitybuilding-pending' ).exists() ).toBe( false );
		expect( historyShown( wrapper ) ).toEqual( [
			qqx( 'capacitybuilding-requestpage-history-change', qqx( 'capacitybuilding-status-triaged' ), qqx( 'capacitybuilding-status-on-hold' ) ),
			qqx( 'capacitybuilding-requestpage-history-change', qqx( 'capacitybuilding-status-open' ), qqx( 'capacitybuilding-status-triaged' ) ),
			qqx( 'capacitybuilding-requestpage-history-created', qqx( 'capacitybuilding-status-open' ) ),
		] );
		const newest = wrapper.find( '.ext-capacitybuilding-request-history__item' );
		expect( newest.find( '.ext-capacitybuilding-request-history__revision' ).attributes( 'href' ) ).toContain( `oldid=${ hold.revid }` );
	} );

	it( 'reads only the revisions after the published one, and neither hub pages nor coach pages once the indexes are published', async () => {
		wiki.putRequest( { ...SAMPLE, status: 'open', offers: [] }, 'Rita' );
		for ( let i = 0; i < 60; i++ ) {
			wiki.putAs( 'Rita', TITLE, requestText( { ...SAMPLE, status: 'open', offers: [], description: `${ SAMPLE.description } (${ i })` } ) );
		}
		wiki.publishAll();
		const published = wiki.history.get( TITLE )?.at( -1 )?.revid;
		wiki.putAs( 'Hana', TITLE, requestText( { ...SAMPLE, offers: [], description: `${ SAMPLE.description } (59)` } ) );
		wiki.requests.length = 0;
		const wrapper = await show( 'Otto' );
		expect( statusShown( wrapper ) ).toBe( qqx( 'capacitybuilding-status-triaged' ) );
		const histories = wiki.requests.filter( ( r ) => r.rvdir === 'newer' );
		expect( histories ).toEqual( [ expect.objectContaining( { titles: TITLE, rvstartid: published } ) ] );
		expect( wiki.requests.filter( ( r ) => r.generator === 'allpages' || r.list === 'allpages' ) ).toEqual( [] );
		// Otto is a coach (in the published index), so he may offer.
		expect( actions( wrapper ) ).toEqual( [ 'offer' ] );
	} );

	it( 'takes an action on the accepted request when a newer edit is not accepted: it says so, and sets the stranger\'s change back', async () => {
		wiki.putRequest( SAMPLE, 'Rita' );
		wiki.publishAll();
		const stranger = wiki.putAs( 'Stranger', TITLE, requestText( { ...SAMPLE, status: 'declined', description: 'Changed by a stranger.' } ) );
		const wrapper = await show( 'Rita' );
		expect( actions( wrapper ) ).toEqual( [ 'accept', 'hold', 'withdraw' ] );
		expect( wrapper.find( '.ext-capacitybuilding-pending__actions' ).text() ).toBe( qqx( 'capacitybuilding-judged-actions-note' ) );
		expect( await click( wrapper, 'hold' ) ).toBe( 'saved' );
		// Saved on top of the latest revision, with the accepted values and the action.
		expect( wiki.edits[ 0 ] ).toMatchObject( { baserevid: stranger.revid } );
		expect( record() ).toEqual( { ...SAMPLE, status: 'on-hold' } );
		expect( statusShown( wrapper ) ).toBe( qqx( 'capacitybuilding-status-on-hold' ) );
		expect( wrapper.find( '.ext-capacitybuilding-pending' ).exists() ).toBe( false );
		expect( historyShown( wrapper )[ 0 ] ).toBe( qqx( 'capacitybuilding-requestpage-history-change',
			qqx( 'capacitybuilding-status-triaged' ), qqx( 'capacitybuilding-status-on-hold' ) ) );
	} );

	it( 'refuses to save an action that would carry a change that was not accepted, and says why', async () => {
		const feedback = ( comment: string ): string => serialize( FEEDBACK_SCHEMA, {
			user: 'Fay', role: 'participant', rating: '5', outcome: 'achieved', confidenceBefore: '', confidenceAfter: '', stage: '', used: '',
			comment, learned: '', created: '2026-11-10T10:00:00Z',
		} );
		wiki.putAs( 'Rita', TITLE, requestText( SAMPLE ) + feedback( 'Very helpful.' ) );
		wiki.publishAll();
		// A stranger rewrites Fay's feedback (outside the request's template block).
		wiki.putAs( 'Stranger', TITLE, requestText( SAMPLE ) + feedback( 'Useless.' ) );
		const wrapper = await show( 'Rita' );
		expect( wrapper.findAll( '.ext-capacitybuilding-pending__item' ) ).toHaveLength( 1 );
		const before = wiki.text();
		await click( wrapper, 'hold' );
		const error = wrapper.find( '.ext-capacitybuilding-save-error' );
		expect( error.attributes( 'data-code' ) ).toBe( 'notaccepted' );
		expect( error.text() ).toContain( 'capacitybuilding-save-error-not-accepted' );
		// Rita's save would change Fay's feedback from what was accepted: not hers to change.
		expect( error.text() ).toContain( qqx( 'capacitybuilding-permission-feedback-other', 'Fay' ) );
		expect( wiki.edits ).toHaveLength( 0 );
		expect( wiki.text() ).toBe( before );
	} );

	it( 'offers no action on a page with more new revisions than one request reads, and says later edits await checking', async () => {
		wiki.contentLimit = 5;
		wiki.putRequest( SAMPLE, 'Rita' );
		wiki.publishAll();
		for ( let i = 0; i < 6; i++ ) {
			wiki.putAs( 'Rita', TITLE, requestText( { ...SAMPLE, description: `${ SAMPLE.description } (${ i })` } ) );
		}
		const wrapper = await show( 'Rita' );
		expect( wrapper.find( '.ext-capacitybuilding-pending__unchecked' ).text() ).toBe( qqx( 'capacitybuilding-judged-unchecked' ) );
		// The four revisions read after the published one are judged (and accepted); the rest await checking.
		expect( wrapper.find( '.ext-capacitybuilding-request-page__description' ).text() ).toBe( `${ SAMPLE.description } (3)` );
		expect( actions( wrapper ) ).toEqual( [] );
		expect( wrapper.find( '.ext-capacitybuilding-request-page__edit-button' ).exists() ).toBe( false );
	} );

	it( 'judges a request the index does not list yet from its first revision: one created in someone else\'s name is not shown', async () => {
		wiki.publishAll();
		wiki.putAs( 'Stranger', TITLE, requestText( { ...SAMPLE, status: 'open', offers: [] } ) );
		const wrapper = mount( RequestPage, { props: { api: wiki.api, title: TITLE, base: BASE, user: '', today: '2026-12-02' }, attachTo: document.body } );
		await until( () => !wrapper.find( '.cdx-progress-bar' ).exists() );
		expect( wrapper.find( '.ext-capacitybuilding-request-page__load-error' ).text() ).toBe( qqx( 'capacitybuilding-requestpage-error-not-accepted',
			qqx( 'capacitybuilding-permission-create-for-other' ) ) );
	} );
} );
