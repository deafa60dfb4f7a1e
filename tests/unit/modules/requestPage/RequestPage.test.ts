import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { REQUEST_SCHEMA, type CapacityRequest } from '../../../../modules/core/model';
import { parsePage } from '../../../../modules/core/wikitext/codec';
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

async function show( user: string, request: CapacityRequest = SAMPLE ): Promise<VueWrapper> {
	if ( !wiki.pages.has( TITLE ) ) {
		wiki.putRequest( request, request.requester );
	}
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

async function click( wrapper: VueWrapper, action: string ): Promise<string | undefined> {
	await wrapper.find( `.ext-capacitybuilding-request-actions__buttons [data-action="${ action }"]` ).trigger( 'click' );
	await until( () => wrapper.find( '.ext-capacitybuilding-request-page__notice, .ext-capacitybuilding-save-error' ).exists() );
	const notice = wrapper.find( '.ext-capacitybuilding-request-page__notice' );
	return notice.exists() ? notice.attributes( 'data-notice' ) : undefined;
}

describe( 'RequestPage: display', () => {
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

	it( 'names no one for a hidden username and counts revisions it cannot read', async () => {
		wiki.putRequest( { ...SAMPLE, status: 'open' }, 'Rita' );
		wiki.editor = 'Vandal';
		wiki.put( TITLE, 'blanked' );
		wiki.editor = '';
		wiki.put( TITLE, requestText( SAMPLE ) );
		const wrapper = await show( '' );
		const newest = wrapper.find( '.ext-capacitybuilding-request-history__item' );
		expect( newest.find( 'a.ext-capacitybuilding-request-history__user' ).exists() ).toBe( false );
		expect( newest.find( '.ext-capacitybuilding-request-history__user' ).text() ).toBe( qqx( 'capacitybuilding-requestpage-history-user-hidden' ) );
		expect( wrapper.find( '.ext-capacitybuilding-request-history__unreadable' ).text() ).toBe( qqx( 'capacitybuilding-requestpage-history-unreadable', 1 ) );
	} );

	it( 'says so when the page has no request template, and offers nothing', async () => {
		wiki.put( TITLE, 'Someone blanked this.' );
		const wrapper = await show( 'Rita' );
		expect( wrapper.find( '.ext-capacitybuilding-request-page__load-error' ).text() )
			.toBe( qqx( 'capacitybuilding-requestpage-error-no-template', TITLE ) );
		expect( actions( wrapper ) ).toEqual( [] );
	} );

	it( 'shows the template\'s problems (an unknown parameter) as warnings', async () => {
		wiki.put( TITLE, requestText( SAMPLE ).replace( '}}', '| colour = blue\n}}' ) );
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

describe( 'RequestPage: edit conflicts and errors', () => {
	it( 're-applies an action on top of another edit when it still applies', async () => {
		const wrapper = await show( 'Otto' );
		wiki.beforeEdit = () => {
			wiki.beforeEdit = null;
			wiki.editor = 'Carla';
			wiki.put( TITLE, requestText( { ...SAMPLE, offers: [ 'Omar', 'Carla' ] } ) );
		};
		expect( await click( wrapper, 'offer' ) ).toBe( 'reapplied' );
		expect( record().offers ).toEqual( [ 'Omar', 'Carla', 'Otto' ] );
		expect( wiki.edits.map( ( edit ) => edit.baserevid ) ).toEqual( [ expect.any( Number ), wiki.history.get( TITLE )?.at( -2 )?.revid ] );
	} );

	it( 'explains, and saves nothing, when someone else changed the status so the action no longer applies', async () => {
		const wrapper = await show( 'Rita' );
		wiki.beforeEdit = () => {
			wiki.beforeEdit = null;
			wiki.editor = 'Hana';
			wiki.put( TITLE, requestText( { ...SAMPLE, status: 'declined' } ) );
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
