/**
 * The fake wiki with histories (historyWiki.ts) with what request pages read on top: hubs, coaches,
 * topics and the configuration every test uses, and `publishAll`, which publishes the indexes as
 * the bot would after accepting what the pages hold now (Requests.json, Coaches.json, Hubs.json).
 * `mw.Title` and the user language are stubbed for the loaders.
 */
import type { CoachEntry, HistoryEntry, HubEntry, RequestEntry } from '../../../../modules/core/indexes';
import { COACH_SCHEMA, HUB_SCHEMA, REQUEST_SCHEMA, type CapacityRequest } from '../../../../modules/core/model';
import { coachTitle, coachUser, hubKey, hubTitle, requestNumber } from '../../../../modules/core/pages';
import { routeRequest } from '../../../../modules/core/routing';
import { parsePage, serialize } from '../../../../modules/core/wikitext/codec';
import { createHistoryWiki, type HistoryWiki } from '../historyWiki';

export const BASE = 'Capacity building';
export const TITLE = `${ BASE }/Requests/R7`;
export const DISCUSSION = '\n\n== Discussion ==\nSee you there. ~~~~\n';

export interface RequestWiki extends HistoryWiki {
	/** Saves a request page as `user`. */
	putRequest( record: CapacityRequest, user: string, comment?: string ): void;
	/** The request on the page now. */
	text( title?: string ): string;
	/**
	 * Publishes the three indexes as the bot would if it had accepted every page as it is now (each
	 * request's history: its creation in its current status, unless given; requests without a hub
	 * with their route, unless `routes` is false).
	 */
	publishAll( histories?: Record<string, HistoryEntry[]>, options?: { routes?: boolean } ): void;
}

export const SAMPLE: CapacityRequest = {
	title: 'Help with a wikithon', requester: 'Rita', requesterType: 'individual', organisation: '', region: 'LAC',
	hub: 'Hub A', topics: [ 'governance' ], formats: [ 'coaching' ], languages: [ 'es' ], lang: '', neededBy: '',
	description: 'We want to organise our first wikithon and need help.', status: 'triaged', holdReason: '',
	coach: [], offers: [ 'Omar' ], created: '2026-11-01T10:00:00Z',
};

export function requestText( record: CapacityRequest ): string {
	return serialize( REQUEST_SCHEMA, record ) + DISCUSSION;
}

function stubGlobals(): void {
	( mw as unknown as { Title: unknown } ).Title = class {
		public constructor( private readonly title: string ) {}

		public getNamespaceId(): number {
			return 0;
		}

		public getMainText(): string {
			return this.title;
		}

		public getMain(): string {
			return this.title.replace( / /g, '_' );
		}
	};
	( mw.language as unknown as { listToText: ( list: string[] ) => string } ).listToText = ( list ) => list.join( ', ' );
	( mw.config.get as jest.Mock ).mockImplementation( ( key: string ) => key === 'wgUserLanguage' ? 'en' : null );
}

export function createRequestWiki(): RequestWiki {
	stubGlobals();
	const wiki = createHistoryWiki() as RequestWiki;
	wiki.putRequest = ( record, user, comment = '' ) => {
		wiki.putAs( user, TITLE, requestText( record ), comment );
	};
	wiki.text = ( title = TITLE ) => wiki.pages.get( title )?.text ?? '';
	wiki.publishAll = ( histories = {}, options = {} ) => {
		const requests: RequestEntry[] = [];
		const coaches: CoachEntry[] = [];
		const hubs: HubEntry[] = [];
		for ( const [ title, revisions ] of wiki.history ) {
			const latest = revisions.at( -1 );
			if ( !latest?.text || !wiki.pages.has( title ) ) {
				continue;
			}
			const common = { page: title, revid: latest.revid, updated: latest.timestamp, problems: 0, state: 'valid' as const };
			const number = requestNumber( BASE, title );
			const user = coachUser( BASE, title );
			const key = hubKey( BASE, title );
			if ( number !== null ) {
				const request = parsePage( latest.text, REQUEST_SCHEMA ).parsed?.record as CapacityRequest;
				requests.push( { ...common, number, request, feedback: 0, history: histories[ title ] ?? [
					{ from: '', to: request.status, user: revisions[ 0 ]?.user ?? '', at: revisions[ 0 ]?.timestamp ?? '', revid: revisions[ 0 ]?.revid ?? 0 },
				] } );
			} else if ( user !== null ) {
				const profile = parsePage( latest.text, COACH_SCHEMA ).parsed?.record;
				if ( profile ) {
					coaches.push( { ...common, user, profile, activeRequests: 0 } );
				}
			} else if ( key !== null ) {
				const hub = parsePage( latest.text, HUB_SCHEMA ).parsed?.record;
				if ( hub ) {
					hubs.push( { ...common, key, hub } );
				}
			}
		}
		// Requests without a hub carry their route, as the bot publishes it.
		for ( const entry of requests ) {
			const route = options.routes === false ? null : routeRequest( entry.request, hubs );
			if ( route ) {
				entry.route = route;
			}
		}
		wiki.publish( BASE, 'requests', requests );
		wiki.publish( BASE, 'coaches', coaches );
		wiki.publish( BASE, 'hubs', hubs );
	};
	// Hubs and coaches every test uses (saved by their own people and an admin).
	wiki.putAs( 'Adam', hubTitle( BASE, 'Hub A' ), '{{Capacity hub\n| name = Hub A\n| kind = regional\n| contacts = Hana\n}}' );
	wiki.putAs( 'Adam', hubTitle( BASE, 'Hub B' ), '{{Capacity hub\n| name = Hub B\n| kind = thematic\n| contacts = Bruno\n}}' );
	// Carla and Omar coach what SAMPLE asks for, in its language; Otto coaches something unrelated.
	for ( const [ coach, topic ] of [ [ 'Carla', 'governance' ], [ 'Omar', 'governance' ], [ 'Otto', 'photography' ] ] as const ) {
		wiki.putAs( coach, coachTitle( BASE, coach ), `{{Capacity coach\n| user = ${ coach }\n| topics = ${ topic }\n| languages = es\n` +
			'| formats = coaching\n| availability = available\n| max_requests = 3\n| contact = talk\n}}' );
	}
	wiki.putAs( 'Adam', `${ BASE }/Topics.json`, JSON.stringify( { version: 1, topics: [
		{ key: 'organisational', labels: { en: 'Organisational development' }, children: [ { key: 'governance', labels: { en: 'Governance' } } ] },
		{ key: 'content', labels: { en: 'Content' }, children: [ { key: 'photography', labels: { en: 'Photography' } } ] },
	] } ) );
	wiki.putAs( 'Adam', 'MediaWiki:Gadget-capacityBuilding-config.json', JSON.stringify( { admins: [ 'Adam' ] } ) );
	return wiki;
}
