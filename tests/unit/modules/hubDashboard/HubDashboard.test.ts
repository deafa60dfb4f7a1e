/**
 * The hub dashboard on the fake wiki (modules/hubDashboard/HubDashboard.vue): a contact declines a
 * request with a reason and hands another over to a hub, each an edit of the request page with the
 * request page's summaries; the requester sees the queue without actions; the admins' queue lists
 * what no hub covers; the figures are the published statistics'.
 */
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import HubDashboard from '../../../../modules/hubDashboard/HubDashboard.vue';
import type { QueueScope } from '../../../../modules/hubDashboard/queue';
import { REQUEST_SCHEMA, type CapacityRequest } from '../../../../modules/core/model';
import { sitePages } from '../../../../modules/core/pages';
import { parsePage } from '../../../../modules/core/wikitext/codec';
import { qqx } from '../mwMock';
import { BASE, SAMPLE, TITLE, createRequestWiki, type RequestWiki } from '../requestPage/requestWiki';

let wiki: RequestWiki;

beforeEach( () => {
	wiki = createRequestWiki();
	( mw.language as unknown as { convertNumber: ( n: number ) => string } ).convertNumber = ( n ) => String( n );
} );

async function until( done: () => boolean ): Promise<void> {
	for ( let i = 0; i < 200 && !done(); i++ ) {
		await new Promise( ( resolve ) => {
			setTimeout( resolve, 0 );
		} );
		await flushPromises();
	}
	if ( !done() ) {
		throw new Error( 'The dashboard did not get there' );
	}
}

async function show( user: string, scope: QueueScope = { kind: 'hub', key: 'Hub A' } ): Promise<VueWrapper> {
	wiki.editor = user;
	const wrapper = mount( HubDashboard, { props: { api: wiki.api, base: BASE, scope, user }, attachTo: document.body } );
	await until( () => !wrapper.find( '.cdx-progress-bar' ).exists() );
	return wrapper;
}

function record(): CapacityRequest | undefined {
	return parsePage( wiki.text(), REQUEST_SCHEMA ).parsed?.record;
}

function actions( wrapper: VueWrapper ): string[] {
	return wrapper.findAll( '.ext-capacitybuilding-hub-dashboard__actions [data-action]' ).map( ( b ) => b.attributes( 'data-action' ) ?? '' );
}

async function saved( wrapper: VueWrapper ): Promise<string | undefined> {
	await until( () => wrapper.find( '.ext-capacitybuilding-hub-dashboard__notice, .ext-capacitybuilding-save-error' ).exists() );
	return wrapper.find( '.ext-capacitybuilding-hub-dashboard__notice' ).attributes( 'data-notice' );
}

describe( 'HubDashboard', () => {
	beforeEach( () => {
		// Triaged to Hub A, whose contact is Hana.
		wiki.putRequest( SAMPLE, SAMPLE.requester );
		wiki.publishAll();
	} );

	it( 'lets a contact decline a request with a reason: an edit of the request page with the request page\'s summary', async () => {
		const wrapper = await show( 'Hana' );
		const item = wrapper.find( '.ext-capacitybuilding-hub-dashboard__item[data-request="7"]' );
		expect( item.exists() ).toBe( true );
		expect( wrapper.find( '[data-status="triaged"] h4' ).text() ).toBe( qqx( 'capacitybuilding-hubdashboard-group', qqx( 'capacitybuilding-status-triaged' ), 1 ) );
		// Already Hub A's: no "take on"; it may go to Hub B, or be declined.
		expect( actions( wrapper ) ).toEqual( [ 'hand-over', 'decline' ] );
		await item.find( '[data-action="decline"]' ).trigger( 'click' );
		await until( () => wrapper.find( '.ext-capacitybuilding-hub-dashboard__confirm textarea' ).exists() );
		await wrapper.find( '.ext-capacitybuilding-hub-dashboard__confirm textarea' ).setValue( 'Out of our scope' );
		await wrapper.find( '.ext-capacitybuilding-hub-dashboard__confirm .cdx-dialog__footer__primary-action' ).trigger( 'click' );
		expect( await saved( wrapper ) ).toBe( 'saved' );
		expect( record()?.status ).toBe( 'declined' );
		const revision = wiki.history.get( TITLE )?.at( -1 );
		expect( revision ).toMatchObject( { user: 'Hana', comment: qqx( 'capacitybuilding-requestpage-summary-decline-reason', 'Out of our scope' ) } );
		// Declined is closed: out of the queue.
		expect( wrapper.find( '.ext-capacitybuilding-hub-dashboard__item[data-request="7"]' ).exists() ).toBe( false );
	} );

	it( 'lets a contact hand a request over to another hub', async () => {
		const wrapper = await show( 'Hana' );
		wrapper.findComponent( { name: 'CdxSelect' } ).vm.$emit( 'update:selected', 'Hub B' );
		await flushPromises();
		await wrapper.find( '[data-action="hand-over"]' ).trigger( 'click' );
		expect( await saved( wrapper ) ).toBe( 'saved' );
		expect( record() ).toMatchObject( { hub: 'Hub B', status: 'triaged' } );
		expect( wiki.history.get( TITLE )?.at( -1 ) ).toMatchObject( { user: 'Hana', comment: qqx( 'capacitybuilding-requestpage-summary-triage', 'Hub B' ) } );
		// Hub B's now: no longer in Hub A's queue.
		expect( wrapper.find( '.ext-capacitybuilding-hub-dashboard__item' ).exists() ).toBe( false );
	} );

	it( 'shows the requester and readers the queue without actions', async () => {
		for ( const user of [ 'Rita', 'Otto', '' ] ) {
			const wrapper = await show( user );
			expect( wrapper.find( '.ext-capacitybuilding-hub-dashboard__item[data-request="7"]' ).exists() ).toBe( true );
			expect( actions( wrapper ) ).toEqual( [] );
			wrapper.unmount();
		}
	} );

	it( 'shows the published figures of the hub, and says when there are none', async () => {
		let wrapper = await show( 'Otto' );
		expect( wrapper.find( '.ext-capacitybuilding-hub-dashboard__figures-none' ).exists() ).toBe( true );
		wrapper.unmount();
		wiki.putAs( 'CapacityBot', sitePages( BASE ).statisticsJson, JSON.stringify( { hubs: {
			'Hub A': { open: 3, received: 4, medianDaysToTriage: 1.5, medianDaysToMatch: null, completionRate: 0.25 } } } ) );
		wrapper = await show( 'Otto' );
		const figure = ( key: string ): string => wrapper.find( `[data-figure="${ key }"] dd` ).text();
		expect( figure( 'open' ) ).toBe( '3' );
		expect( figure( 'medianDaysToTriage' ) ).toBe( qqx( 'capacitybuilding-hubdashboard-figure-days', '1.5', 1.5 ) );
		expect( figure( 'medianDaysToMatch' ) ).toBe( qqx( 'capacitybuilding-hubdashboard-figure-unknown' ) );
		expect( figure( 'completionRate' ) ).toBe( qqx( 'capacitybuilding-hubdashboard-figure-percent', '25' ) );
	} );
} );
