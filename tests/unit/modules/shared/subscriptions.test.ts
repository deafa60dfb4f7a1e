/**
 * Subscribing to new topics on a page (modules/shared/subscriptions.ts): the DiscussionTools item
 * name for the page, the request as DiscussionTools' own button makes it, and a failure returned as
 * a SaveError to show, never thrown and never silent.
 */
import $ from 'jquery';
import { newTopicsItem, subscribeToNewTopics } from '../../../../modules/shared/subscriptions';

beforeEach( () => {
	( mw as unknown as Record<string, unknown> ).Title = class {
		private readonly namespace: number;

		private readonly main: string;

		public constructor( title: string ) {
			const project = /^Project:(.*)$/.exec( title );
			this.namespace = project ? 4 : 0;
			this.main = ( project ? project[ 1 ] as string : title ).replace( / /g, '_' );
		}

		public getNamespaceId(): number {
			return this.namespace;
		}

		public getMain(): string {
			return this.main;
		}
	};
} );

function api( answer: ( deferred: JQuery.Deferred<unknown> ) => void ): { api: mw.Api; calls: Record<string, unknown>[] } {
	const calls: Record<string, unknown>[] = [];
	return {
		calls,
		api: { postWithToken: ( type: string, params: Record<string, unknown> ) => {
			calls.push( { type, ...params } );
			const deferred = $.Deferred<unknown>();
			answer( deferred );
			return deferred.promise();
		} } as unknown as mw.Api,
	};
}

describe( 'subscriptions', () => {
	it( 'names the page\'s new-topics item as DiscussionTools does', () => {
		expect( newTopicsItem( 'Capacity building/Requests/R12' ) ).toBe( 'p-topics-0:Capacity_building/Requests/R12' );
		expect( newTopicsItem( 'Project:Capacity building/Requests/R3' ) ).toBe( 'p-topics-4:Capacity_building/Requests/R3' );
	} );

	it( 'subscribes the current user with a CSRF token', async () => {
		const fake = api( ( d ) => d.resolve( { discussiontoolssubscribe: { subscribe: true } } ) );
		expect( await subscribeToNewTopics( fake.api, 'Capacity building/Requests/R12' ) ).toBeNull();
		expect( fake.calls ).toEqual( [ expect.objectContaining( { type: 'csrf', action: 'discussiontoolssubscribe',
			page: 'Capacity building/Requests/R12', commentname: 'p-topics-0:Capacity_building/Requests/R12', subscribe: true } ) ] );
	} );

	it( 'returns what went wrong', async () => {
		const refused = api( ( d ) => d.reject( 'subscription-failed', { errors: [ { code: 'subscription-failed', html: 'Could not add' } ] } ) );
		expect( await subscribeToNewTopics( refused.api, 'R' ) ).toMatchObject( { code: 'subscription-failed', key: 'capacitybuilding-save-error-unknown' } );
		const offline = api( ( d ) => d.reject( 'http', { xhr: { status: 0 } } ) );
		expect( await subscribeToNewTopics( offline.api, 'R' ) ).toMatchObject( { code: 'http', key: 'capacitybuilding-save-error-network', recovery: 'retry' } );
	} );
} );
