/**
 * The shared fake wiki (fakeWikiApi.ts) with what request pages read on top: the whole history of
 * a page with who saved each revision (`prop=revisions&rvdir=newer`), and hub pages with their
 * content (`generator=allpages`). `mw.Title` and the user language are stubbed for the loaders.
 */
import $ from 'jquery';
import type { RevisionContent } from '../../../../modules/core/history';
import { REQUEST_SCHEMA, type CapacityRequest } from '../../../../modules/core/model';
import { coachTitle, hubTitle } from '../../../../modules/core/pages';
import { serialize } from '../../../../modules/core/wikitext/codec';
import { createFakeWiki, type FakeWiki } from '../fakeWikiApi';

export const BASE = 'Capacity building';
export const TITLE = `${ BASE }/Requests/R7`;
export const DISCUSSION = '\n\n== Discussion ==\nSee you there. ~~~~\n';

export interface RequestWiki extends FakeWiki {
	/** Who the next saves are made by (the fake API has no login). */
	editor: string;
	history: Map<string, RevisionContent[]>;
	/** Saves a request page as `user`. */
	putRequest( record: CapacityRequest, user: string ): void;
	/** The request on the page now. */
	text( title?: string ): string;
}

export const SAMPLE: CapacityRequest = {
	title: 'Help with a wikithon', requester: 'Rita', requesterType: 'individual', organisation: '', region: 'LAC',
	hub: 'Hub A', topics: [ 'governance' ], formats: [ 'coaching' ], languages: [ 'es' ], lang: '', neededBy: '',
	description: 'We want to organise our first wikithon and need help.', status: 'triaged',
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
	const base = createFakeWiki();
	const history = new Map<string, RevisionContent[]>();
	const wiki = base as RequestWiki;
	wiki.editor = 'Someone';
	wiki.history = history;
	const put = base.put.bind( base );
	wiki.put = ( title, text ) => {
		const page = put( title, text );
		const revisions = history.get( title ) ?? [];
		revisions.push( {
			revid: page.revid, parentid: revisions.at( -1 )?.revid ?? 0, user: wiki.editor, timestamp: page.timestamp, content: text,
		} );
		history.set( title, revisions );
		return page;
	};
	wiki.putRequest = ( record, user ) => {
		wiki.editor = user;
		wiki.put( TITLE, requestText( record ) );
	};
	wiki.text = ( title = TITLE ) => wiki.pages.get( title )?.text ?? '';
	// Hubs and coaches every test uses.
	wiki.put( hubTitle( BASE, 'Hub A' ), '{{Capacity hub\n| name = Hub A\n| kind = regional\n| contacts = Hana\n}}' );
	wiki.put( hubTitle( BASE, 'Hub B' ), '{{Capacity hub\n| name = Hub B\n| kind = thematic\n| contacts = Bruno\n}}' );
	// Carla and Omar coach what SAMPLE asks for, in its language; Otto coaches something unrelated.
	for ( const [ coach, topic ] of [ [ 'Carla', 'governance' ], [ 'Omar', 'governance' ], [ 'Otto', 'photography' ] ] as const ) {
		wiki.put( coachTitle( BASE, coach ), `{{Capacity coach\n| user = ${ coach }\n| topics = ${ topic }\n| languages = es\n` +
			'| formats = coaching\n| availability = available\n| max_requests = 3\n| contact = talk\n}}' );
	}
	wiki.put( `${ BASE }/Topics.json`, JSON.stringify( { version: 1, topics: [
		{ key: 'organisational', labels: { en: 'Organisational development' }, children: [ { key: 'governance', labels: { en: 'Governance' } } ] },
		{ key: 'content', labels: { en: 'Content' }, children: [ { key: 'photography', labels: { en: 'Photography' } } ] },
	] } ) );
	wiki.put( 'MediaWiki:Gadget-capacityBuilding-config.json', JSON.stringify( { admins: [ 'Adam' ] } ) );

	const get = base.api.get as jest.Mock;
	const original = get.getMockImplementation() as ( params: Record<string, unknown> ) => JQuery.Promise<unknown>;
	get.mockImplementation( ( params: Record<string, unknown> ) => {
		const answer = ( response: unknown ): JQuery.Promise<unknown> => $.Deferred().resolve( response ).promise();
		if ( params.prop === 'revisions' && params.rvdir === 'newer' ) {
			const revisions = history.get( String( params.titles ) );
			return answer( { query: { pages: [ revisions ?
				{ title: params.titles, revisions: revisions.map( ( r ) => ( { ...r, slots: { main: { content: r.content } } } ) ) } :
				{ title: params.titles, missing: true } ] } } );
		}
		if ( params.generator === 'allpages' ) {
			const prefix = String( params.gapprefix );
			const pages = [ ...base.pages.entries() ].filter( ( [ title ] ) => title.startsWith( prefix ) )
				.map( ( [ title, page ] ) => ( {
					title, revisions: [ { revid: page.revid, timestamp: page.timestamp, slots: { main: { content: page.text } } } ],
				} ) );
			return answer( { query: { pages } } );
		}
		return original( params );
	} );
	return wiki;
}
