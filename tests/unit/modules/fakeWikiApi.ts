/**
 * An in-memory wiki behind a fake `mw.Api`, for jsdom tests of code that reads and saves pages.
 * It answers like MediaWiki's API (formatversion 2) for what the tools use: page content with
 * revisions, `curtimestamp`, `prop=info` with `intestactions=create` for many titles,
 * `list=allpages`, `list=recentchanges` (new pages), `list=tags`, `action=parse` (echoes the
 * wikitext in a `<pre>`), `meta=languageinfo`, and `action=edit` with `createonly`, `nocreate`,
 * base revision conflicts, create-protected titles (`protectedTitles`) and pages the user may not
 * edit (`protectedPages`, with `intestactions=edit`), and `action=discussiontoolssubscribe` (kept
 * in `subscriptions`). Like `mw.Api`, it returns jQuery promises that reject with `( code, response )`.
 *
 * `fail( code, response? )` makes the next edit fail with that error; `beforeEdit` runs before an
 * edit is applied (to simulate someone else saving first).
 */
import $ from 'jquery';

export interface FakePage {
	text: string;
	revid: number;
	timestamp: string;
}

type Params = Record<string, unknown>;

export interface FakeWiki {
	api: mw.Api;
	pages: Map<string, FakePage>;
	/** Every edit request, in order. */
	edits: Params[];
	/** Active change tags. */
	tags: string[];
	languages: Record<string, { name: string; autonym: string }>;
	/** The next edit fails with this error (or this edit result, for captchas). */
	fail( code: string, response?: unknown ): void;
	/** The next edit returns this `edit` result instead of saving (ConfirmEdit's captcha). */
	failResult( result: unknown ): void;
	beforeEdit: ( ( params: Params ) => void ) | null;
	/** DiscussionTools subscriptions made (their item names), in order. */
	subscriptions: string[];
	/** The next subscription fails with this error. */
	failSubscription( code: string, response?: unknown ): void;
	/** Saves a page as someone else would. */
	put( title: string, text: string ): FakePage;
	/** Titles nobody but admins may create (Special:Protect on a missing page). */
	protectedTitles: Set<string>;
	/** Pages the user may not edit, with the wiki's reason (HTML), as `intestactions=edit` tells. */
	protectedPages: Map<string, string>;
	/**
	 * Page creations, oldest first (what `list=recentchanges&rctype=new` reports, newest first):
	 * pages created through the API at the fake clock's time, pages a test put in place long ago.
	 */
	created: { title: string; timestamp: string }[];
}

function normalize( title: string ): string {
	const spaced = title.replace( /_/g, ' ' ).trim();
	return spaced.charAt( 0 ).toUpperCase() + spaced.slice( 1 );
}

export function createFakeWiki(): FakeWiki {
	let revid = 100;
	let clock = Date.parse( '2026-12-01T00:00:00Z' );
	const pages = new Map<string, FakePage>();
	const edits: Params[] = [];
	const failures: ( { code: string; response: unknown } | { result: unknown } )[] = [];
	const subscriptionFailures: { code: string; response: unknown }[] = [];
	/** Whether the page being put is saved through the API (a creation now, not a page from before). */
	let creating = false;
	const tick = (): string => {
		clock += 1000;
		return new Date( clock ).toISOString().replace( /\.\d+Z$/, 'Z' );
	};
	const wiki: FakeWiki = {
		api: null as unknown as mw.Api,
		pages,
		edits,
		tags: [],
		languages: { en: { name: 'English', autonym: 'English' }, fr: { name: 'French', autonym: 'français' }, ar: { name: 'Arabic', autonym: 'العربية' } },
		fail( code, response ) {
			failures.push( { code, response: response ?? { errors: [ { code, html: `<p>${ code }</p>` } ] } } );
		},
		failResult( result ) {
			failures.push( { result } );
		},
		beforeEdit: null,
		subscriptions: [],
		failSubscription( code, response ) {
			subscriptionFailures.push( { code, response: response ?? { errors: [ { code, html: `<p>${ code }</p>` } ] } } );
		},
		put( title, text ) {
			const page = { text, revid: ++revid, timestamp: tick() };
			if ( !pages.has( normalize( title ) ) ) {
				// Pages a test puts in place existed long before; those the API creates are new.
				wiki.created.push( { title: normalize( title ), timestamp: creating ? page.timestamp : '2026-01-01T00:00:00Z' } );
			}
			pages.set( normalize( title ), page );
			return page;
		},
		protectedTitles: new Set(),
		protectedPages: new Map(),
		created: [],
	};

	const answer = ( params: Params ): { ok: unknown } | { code: string; response: unknown } => {
		if ( params.action === 'parse' ) {
			return { ok: { parse: { text: `<pre>${ String( params.text ).replace( /</g, '&lt;' ) }</pre>` } } };
		}
		if ( params.action === 'edit' ) {
			edits.push( params );
			wiki.beforeEdit?.( params );
			const failure = failures.shift();
			if ( failure && 'result' in failure ) {
				return { ok: { edit: failure.result } };
			}
			if ( failure ) {
				return failure;
			}
			const title = normalize( String( params.title ) );
			const existing = pages.get( title );
			const error = ( code: string ): { code: string; response: unknown } => ( { code, response: { errors: [ { code, html: code } ] } } );
			if ( params.createonly && existing ) {
				return error( 'articleexists' );
			}
			if ( !existing && wiki.protectedTitles.has( title ) ) {
				// What MediaWiki 1.43 answers for a create-protected title.
				return error( 'protectedpage' );
			}
			if ( params.nocreate && !existing ) {
				return error( 'missingtitle' );
			}
			if ( existing && params.baserevid !== undefined && params.baserevid !== existing.revid ) {
				return error( 'editconflict' );
			}
			if ( existing && existing.text === params.text ) {
				return { ok: { edit: { result: 'Success', title, nochange: true } } };
			}
			creating = true;
			const page = wiki.put( title, String( params.text ) );
			creating = false;
			return { ok: { edit: { result: 'Success', title, newrevid: page.revid } } };
		}
		if ( params.action === 'discussiontoolssubscribe' ) {
			const failure = subscriptionFailures.shift();
			if ( failure ) {
				return failure;
			}
			wiki.subscriptions.push( String( params.commentname ) );
			return { ok: { discussiontoolssubscribe: { page: params.page, commentname: params.commentname, subscribe: true } } };
		}
		if ( params.list === 'allpages' ) {
			const prefix = String( params.apprefix );
			const titles = [ ...pages.keys() ].filter( ( t ) => t.startsWith( prefix ) ).sort();
			return { ok: { query: { allpages: titles.map( ( title ) => ( { ns: 0, title } ) ) } } };
		}
		if ( params.list === 'tags' ) {
			return { ok: { query: { tags: wiki.tags.map( ( name ) => ( { name, active: true } ) ) } } };
		}
		if ( params.meta === 'languageinfo' ) {
			const entries = Object.entries( wiki.languages ).map( ( [ code, l ] ) => [ code, { code, ...l } ] );
			return { ok: { query: { languageinfo: Object.fromEntries( entries ) } } };
		}
		if ( params.list === 'recentchanges' ) {
			const changes = [ ...wiki.created ].reverse().slice( 0, 500 );
			return { ok: { curtimestamp: new Date( clock ).toISOString().replace( /\.\d+Z$/, 'Z' ), query: { recentchanges: changes } } };
		}
		if ( typeof params.titles === 'string' && params.prop === 'info' && params.intestactions === 'edit' ) {
			const title = normalize( params.titles );
			const reason = wiki.protectedPages.get( title );
			const edit = reason === undefined ? ( params.intestactionsdetail === 'full' ? [] : true ) :
				( params.intestactionsdetail === 'full' ? [ { code: 'protectedpage', html: reason } ] : false );
			return { ok: { query: { pages: [ { title, ns: 0, actions: { edit } } ] } } };
		}
		if ( Array.isArray( params.titles ) && params.prop === 'info' ) {
			const infos = ( params.titles as string[] ).map( normalize ).map( ( title ) => ( {
				title, ns: 0, ...( pages.has( title ) ? {} : { missing: true } ),
				...( params.intestactions === 'create' ? { actions: { create: !pages.has( title ) && !wiki.protectedTitles.has( title ) } } : {} ),
			} ) );
			return { ok: { query: { pages: infos } } };
		}
		if ( params.titles !== undefined ) {
			const title = normalize( String( params.titles ) );
			const page = pages.get( title );
			const result = page ?
				{ title, ns: 0, revisions: [ { revid: page.revid, timestamp: page.timestamp, slots: { main: { content: page.text } } } ] } :
				{ title, ns: 0, missing: true };
			return { ok: { curtimestamp: tick(), query: { pages: [ result ] } } };
		}
		return { code: 'unknown-fake-request', response: { errors: [ { code: 'unknown-fake-request', html: JSON.stringify( params ) } ] } };
	};

	const call = ( params: Params ): JQuery.Promise<unknown> => {
		const deferred = $.Deferred();
		// Answer asynchronously, as the real API does.
		setTimeout( () => {
			const result = answer( params );
			if ( 'ok' in result ) {
				deferred.resolve( result.ok );
			} else {
				deferred.reject( result.code, result.response );
			}
		} );
		return deferred.promise();
	};
	wiki.api = {
		get: jest.fn( call ),
		post: jest.fn( call ),
		postWithEditToken: jest.fn( call ),
		postWithToken: jest.fn( ( _type: string, params: Params ) => call( params ) ),
	} as unknown as mw.Api;
	return wiki;
}
