import { flushPromises, mount } from '@vue/test-utils';
import defaultTopics from '../../../../wiki/pages/Topics.json';
import { COACH_SCHEMA, emptyRecord, type CoachProfile } from '../../../../modules/core/model';
import type { IndexedCoach } from '../../../../modules/core/indexes';
import { serialize } from '../../../../modules/core/wikitext/codec';
import CoachDirectory from '../../../../modules/coachDirectory/CoachDirectory.vue';
import { qqx } from '../mwMock';
import { publishedIndex, revisionsAnswer } from '../indexFixtures';
import { createHistoryWiki } from '../historyWiki';

function profile( user: string, fields: Partial<CoachProfile> = {} ): CoachProfile {
	return { ...emptyRecord( COACH_SCHEMA ), user, topics: [ 'governance' ], languages: [ 'en' ], formats: [ 'coaching' ], availability: 'available', maxRequests: '2', contact: 'talk', ...fields };
}

function indexed( user: string, fields: Partial<CoachProfile> = {} ): IndexedCoach {
	return {
		user, page: `Capacity building/Coaches/${ user }`, revid: 1, updated: '2026-11-01T00:00:00Z', activeRequests: 0, problems: 0,
		state: 'valid', profile: profile( user, fields ),
	};
}

/** The bot's Coaches.json (a manifest and its parts) into a fake wiki. */
function withIndex( wiki: FakeWiki, generated: string, coaches: IndexedCoach[], perPart?: number ): FakeWiki {
	const index = publishedIndex( 'Capacity building', 'coaches', coaches, { generated, perPart } );
	wiki.json[ index.manifestTitle ] = index.manifest;
	index.revisions.forEach( ( revision, revid ) => wiki.revisions.set( revid, revision ) );
	return wiki;
}

interface FakeWiki {
	/** JSON pages by title. */
	json: Record<string, unknown>;
	/** Profile page wikitext by title. */
	profiles: Record<string, string>;
	recentChanges: { title: string; timestamp: string }[];
	emailable: string[];
	calls: Record<string, unknown>[];
	/** Revisions of index parts, by id. */
	revisions: Map<number, { title: string; json: unknown }>;
}

function fakeApi( wiki: FakeWiki ): mw.Api {
	const get = jest.fn( async ( params: Record<string, unknown> ) => {
		wiki.calls.push( params );
		if ( params.meta === 'languageinfo' ) {
			return { query: { languageinfo: { en: { code: 'en', name: 'English', autonym: 'English' }, es: { code: 'es', name: 'Spanish', autonym: 'español' } } } };
		}
		if ( params.list === 'recentchanges' ) {
			return { query: { recentchanges: wiki.recentChanges.filter( ( c ) => c.timestamp >= ( params.rcend as string ) ) } };
		}
		if ( params.revids !== undefined ) {
			return revisionsAnswer( wiki.revisions, params.revids );
		}
		if ( params.list === 'users' ) {
			return { query: { users: ( params.ususers as string[] ).map( ( name ) => ( { name, emailable: wiki.emailable.includes( name ) } ) ) } };
		}
		if ( params.generator === 'allpages' ) {
			const titles = Object.keys( wiki.profiles ).sort();
			const offset = Number( params.gapcontinue ?? 0 );
			const batch = titles.slice( offset, offset + ( params.gaplimit as number ) );
			// Each profile page saved by its own coach (its only contributor).
			const owner = ( page: string ): string => page.slice( 'Capacity building/Coaches/'.length );
			return {
				query: { pages: batch.map( ( page, i ) => ( {
					title: page, contributors: [ { name: owner( page ) } ],
					revisions: [ { revid: 10 + i, user: owner( page ), timestamp: '2026-11-20T00:00:00Z', slots: { main: { content: wiki.profiles[ page ] } } } ],
				} ) ) },
				...( offset + batch.length < titles.length ? { continue: { gapcontinue: String( offset + batch.length ), continue: 'gapcontinue||' } } : {} ),
			};
		}
		const title = params.titles as string;
		return title in wiki.json ?
			{ query: { pages: [ { title, revisions: [ { revid: 7, timestamp: '2026-11-01T00:00:00Z', slots: { main: { content: JSON.stringify( wiki.json[ title ] ) } } } ] } ] } } :
			{ query: { pages: [ { title, missing: true } ] } };
	} );
	return { get } as unknown as mw.Api;
}

function newWiki( fields: Partial<FakeWiki> = {} ): FakeWiki {
	return { json: { 'Capacity building/Topics.json': defaultTopics }, profiles: {}, recentChanges: [], emailable: [], calls: [], revisions: new Map(), ...fields };
}

function stubTitle(): void {
	( mw as unknown as Record<string, unknown> ).Title = class {
		private readonly title: string;

		public constructor( title: string ) {
			this.title = title;
		}

		public getNamespaceId(): number {
			return 0;
		}

		public getMain(): string {
			return this.title.replace( / /g, '_' );
		}
	};
}

beforeEach( () => {
	const fake = mw as unknown as Record<string, unknown>;
	fake.language = {
		listToText: ( items: string[] ) => items.join( ' + ' ),
		getFallbackLanguageChain: () => [ 'en' ],
	};
	fake.util = { getUrl: ( title: string ) => `/wiki/${ title.replace( / /g, '_' ) }` };
	fake.Title = class {
		private readonly title: string;

		public constructor( title: string ) {
			this.title = title;
		}

		public getNamespaceId(): number {
			return 0;
		}

		public getMain(): string {
			return this.title.replace( / /g, '_' );
		}
	};
	( mw.config.get as jest.Mock ).mockImplementation( ( key: string ) => key === 'wgUserLanguage' ? 'en' : null );
	history.replaceState( null, '', '/wiki/Directory' );
} );

/** Until the directory has drawn the cards it draws after the first frame. */
async function nextFrames(): Promise<void> {
	await new Promise( ( resolve ) => {
		requestAnimationFrame( () => setTimeout( resolve, 1 ) );
	} );
	await flushPromises();
}

async function mountDirectory( wiki: FakeWiki, user = 'Reader' ): Promise<ReturnType<typeof mount>> {
	const wrapper = mount( CoachDirectory, { props: { api: fakeApi( wiki ), today: '2026-12-02', user } } );
	await flushPromises();
	await flushPromises();
	await nextFrames();
	return wrapper;
}

function cardUsers( wrapper: ReturnType<typeof mount> ): string[] {
	return wrapper.findAll( '.ext-capacitybuilding-directory__card' ).map( ( card ) => card.attributes( 'data-user' ) ?? '' );
}

describe( 'CoachDirectory', () => {
	it( 'uses a current Coaches.json in one request and shows cards, away coaches last', async () => {
		const wiki = withIndex( newWiki( {
			recentChanges: [ { title: 'Capacity building/Coaches/Ana', timestamp: '2026-11-29T00:00:00Z' } ],
			emailable: [ 'Ana' ],
		} ), '2026-11-30T00:00:00Z', [
			indexed( 'Ana', { languages: [ 'es', 'en' ] } ), indexed( 'Zed', { availability: 'away', awayUntil: '2027-02-01' } ),
		] );
		const wrapper = await mountDirectory( wiki );
		expect( wrapper.find( '.ext-capacitybuilding-directory__fallback' ).exists() ).toBe( false );
		expect( wiki.calls.some( ( c ) => c.generator === 'allpages' ) ).toBe( false );
		expect( cardUsers( wrapper ) ).toEqual( [ 'Ana', 'Zed' ] );
		expect( wrapper.find( '[role="status"]' ).text() ).toContain( qqx( 'capacitybuilding-directory-count', 2 ) );
		const ana = wrapper.find( '[data-user="Ana"]' );
		expect( ana.find( '.ext-capacitybuilding-coach-card__languages' ).text() ).toBe( 'Spanish + English' );
		expect( ana.find( '.ext-capacitybuilding-coach-card__email' ).attributes( 'href' ) ).toBe( '/wiki/Special:EmailUser/Ana' );
		const zed = wrapper.find( '[data-user="Zed"]' );
		expect( zed.find( '.ext-capacitybuilding-coach-card__email' ).exists() ).toBe( false );
		expect( zed.find( '.ext-capacitybuilding-coach-card__availability' ).text() ).toBe( qqx( 'capacitybuilding-directory-away-until', 'February 1, 2027' ) );
	} );

	it( 'shows the first part of Coaches.json at once and the rest as it arrives, and marks profiles with problems', async () => {
		const coaches = Array.from( { length: 30 }, ( _, i ) => indexed( `Coach ${ String( i ).padStart( 2, '0' ) }` ) );
		( coaches[ 1 ] as IndexedCoach ).state = 'malformed';
		const wiki = withIndex( newWiki(), '2026-11-30T00:00:00Z', coaches, 10 );
		let release: () => void = () => undefined;
		const held = new Promise<void>( ( resolve ) => {
			release = resolve;
		} );
		const api = fakeApi( wiki );
		const get = api.get as jest.Mock;
		const answer = get.getMockImplementation() as ( params: Record<string, unknown> ) => Promise<unknown>;
		// Parts after the first arrive only when released.
		get.mockImplementation( async ( params: Record<string, unknown> ) => {
			if ( Array.isArray( params.revids ) && params.revids.length > 1 ) {
				await held;
			}
			return answer( params );
		} );
		const wrapper = mount( CoachDirectory, { props: { api, today: '2026-12-02', user: 'Reader' } } );
		await flushPromises();
		await flushPromises();
		expect( wiki.calls.filter( ( c ) => c.titles !== undefined && String( c.titles ).includes( 'Coaches.json' ) ) ).toHaveLength( 1 );
		const asked = get.mock.calls.map( ( [ params ] ) => params as Record<string, unknown> );
		expect( asked.filter( ( c ) => c.revids !== undefined ).map( ( c ) => ( c.revids as number[] ).length ) ).toEqual( [ 1, 2 ] );
		expect( cardUsers( wrapper ) ).toHaveLength( 10 );
		expect( wrapper.find( '[role="status"]' ).text() ).toBe( qqx( 'capacitybuilding-directory-loading-more' ) );
		expect( wrapper.find( '[data-user="Coach 01"] .ext-capacitybuilding-coach-card__problems' ).text() ).toBe( qqx( 'capacitybuilding-directory-card-problems' ) );
		expect( wrapper.find( '[data-user="Coach 00"] .ext-capacitybuilding-coach-card__problems' ).exists() ).toBe( false );
		release();
		await flushPromises();
		await flushPromises();
		expect( wrapper.find( '[role="status"]' ).text() ).toContain( qqx( 'capacitybuilding-directory-count', 30 ) );
		expect( cardUsers( wrapper ) ).toHaveLength( 20 );
	} );

	it( 'writes the return date of an away coach in the reader\'s language', async () => {
		( mw.config.get as jest.Mock ).mockImplementation( ( key: string ) => key === 'wgUserLanguage' ? 'de' : null );
		const wiki = newWiki( { profiles: { 'Capacity building/Coaches/Zed': serialize( COACH_SCHEMA, profile( 'Zed', { availability: 'away', awayUntil: '2027-02-01' } ) ) } } );
		const wrapper = await mountDirectory( wiki );
		expect( wrapper.find( '[data-user="Zed"] .ext-capacitybuilding-coach-card__availability' ).text() ).toBe( qqx( 'capacitybuilding-directory-away-until', '1. Februar 2027' ) );
	} );

	it( 'leads the reader to their own profile: to create it, to open it, or to log in first', async () => {
		const getUrl = ( title: string, query?: Record<string, string> ): string => `/wiki/${ title.replace( / /g, '_' ) }${ query ? `?${ new URLSearchParams( query ).toString() }` : '' }`;
		( mw.util as unknown as { getUrl: typeof getUrl } ).getUrl = getUrl;
		( mw.config.get as jest.Mock ).mockImplementation( ( key: string ) => ( { wgUserLanguage: 'en', wgPageName: 'Directory' } as Record<string, string> )[ key ] ?? null );
		const wiki = (): FakeWiki => newWiki( { profiles: { 'Capacity building/Coaches/Ana': serialize( COACH_SCHEMA, profile( 'Ana' ) ) } } );

		const newcomer = ( await mountDirectory( wiki(), 'New coach' ) ).find( '.ext-capacitybuilding-directory__own a' );
		expect( newcomer.attributes( 'data-own' ) ).toBe( 'create' );
		expect( newcomer.attributes( 'href' ) ).toBe( '/wiki/Capacity_building/Coaches/New_coach' );
		expect( newcomer.text() ).toBe( qqx( 'capacitybuilding-directory-create-profile' ) );

		const listed = ( await mountDirectory( wiki(), 'Ana' ) ).find( '.ext-capacitybuilding-directory__own a' );
		expect( listed.attributes( 'data-own' ) ).toBe( 'open' );
		expect( listed.attributes( 'href' ) ).toBe( '/wiki/Capacity_building/Coaches/Ana' );
		expect( listed.text() ).toBe( qqx( 'capacitybuilding-directory-own-profile' ) );

		const anonymous = ( await mountDirectory( wiki(), '' ) ).find( '.ext-capacitybuilding-directory__own a' );
		expect( anonymous.attributes( 'data-own' ) ).toBe( 'login' );
		expect( anonymous.attributes( 'href' ) ).toBe( '/wiki/Special:UserLogin?returnto=Directory' );
		expect( anonymous.text() ).toBe( qqx( 'capacitybuilding-directory-login-to-create' ) );
	} );

	it( 'reads the profile pages in batches of 50 when Coaches.json is missing, and says so', async () => {
		const profiles: Record<string, string> = {};
		for ( let i = 0; i < 60; i++ ) {
			const user = `Coach ${ String( i ).padStart( 2, '0' ) }`;
			profiles[ `Capacity building/Coaches/${ user }` ] = serialize( COACH_SCHEMA, profile( user ) );
		}
		profiles[ 'Capacity building/Coaches/Broken' ] = 'No template here.';
		const wiki = newWiki( { profiles } );
		const wrapper = await mountDirectory( wiki );
		expect( wrapper.find( '.ext-capacitybuilding-directory__fallback' ).text() ).toBe( qqx( 'capacitybuilding-directory-fallback-missing', 'Capacity building/Coaches.json' ) );
		expect( wiki.calls.filter( ( c ) => c.generator === 'allpages' ).map( ( c ) => c.gaplimit ) ).toEqual( [ 50, 50 ] );
		expect( wrapper.find( '[role="status"]' ).text() ).toContain( qqx( 'capacitybuilding-directory-count', 60 ) );
		expect( wrapper.find( '.ext-capacitybuilding-directory__unreadable' ).text() ).toBe( qqx( 'capacitybuilding-directory-unreadable', 1, 'Capacity building/Coaches/Broken' ) );
		// One page of cards at a time.
		expect( cardUsers( wrapper ) ).toHaveLength( 20 );
		await wrapper.find( '.ext-capacitybuilding-directory__more' ).trigger( 'click' );
		expect( cardUsers( wrapper ) ).toHaveLength( 40 );
	} );

	it( 'draws in a keystroke’s frame only the cards a screen shows, the rest of the page after it', async () => {
		const coaches = Array.from( { length: 30 }, ( _, i ) => indexed( `Coach ${ String( i ).padStart( 2, '0' ) }` ) );
		const wiki = withIndex( newWiki(), '2026-11-30T00:00:00Z', coaches );
		const wrapper = await mountDirectory( wiki );
		expect( cardUsers( wrapper ) ).toHaveLength( 20 );
		await wrapper.find( '.ext-capacitybuilding-directory__search input' ).setValue( 'coach 1' );
		await flushPromises();
		const expected = [ 'Coach 01', ...Array.from( { length: 10 }, ( _, i ) => `Coach 1${ i }` ), 'Coach 21' ];
		expect( wrapper.find( '[role="status"]' ).text() ).toContain( qqx( 'capacitybuilding-directory-count', expected.length ) );
		expect( cardUsers( wrapper ) ).toEqual( expected.slice( 0, 8 ) );
		await nextFrames();
		expect( cardUsers( wrapper ) ).toEqual( expected );
	} );

	it( 'shows a profile edited after Coaches.json was generated as the judge has it: a stranger\'s edit never, its coach\'s at once', async () => {
		const wiki = createHistoryWiki();
		stubTitle();
		const page = ( user: string ): string => `Capacity building/Coaches/${ user }`;
		wiki.putAs( 'Admin', 'Capacity building/Topics.json', JSON.stringify( defaultTopics ) );
		const ana = wiki.putAs( 'Ana', page( 'Ana' ), serialize( COACH_SCHEMA, profile( 'Ana', { bio: 'Ana\'s own words.' } ) ) );
		const omar = wiki.putAs( 'Omar', page( 'Omar' ), serialize( COACH_SCHEMA, profile( 'Omar', { bio: 'Omar\'s own words.' } ) ) );
		wiki.publish( 'Capacity building', 'coaches', [
			{ ...indexed( 'Ana', { bio: 'Ana\'s own words.' } ), page: page( 'Ana' ), revid: ana.revid, updated: ana.timestamp },
			{ ...indexed( 'Omar', { bio: 'Omar\'s own words.' } ), page: page( 'Omar' ), revid: omar.revid, updated: omar.timestamp },
		] );
		// After the index: a stranger rewrites Ana's bio, Omar updates his own, and Nia creates hers.
		wiki.putAs( 'Stranger', page( 'Ana' ), serialize( COACH_SCHEMA, profile( 'Ana', { bio: 'Hire the stranger instead.' } ) ) );
		wiki.putAs( 'Omar', page( 'Omar' ), serialize( COACH_SCHEMA, profile( 'Omar', { bio: 'Omar, updated.' } ) ) );
		wiki.putAs( 'Nia', page( 'Nia' ), serialize( COACH_SCHEMA, profile( 'Nia', { bio: 'Nia\'s profile.' } ) ) );
		wiki.requests.length = 0;
		const wrapper = mount( CoachDirectory, { props: { api: wiki.api, today: '2026-12-02', user: 'Reader' } } );
		for ( let i = 0; i < 20; i++ ) {
			await new Promise( ( resolve ) => {
				setTimeout( resolve );
			} );
			await flushPromises();
		}
		expect( cardUsers( wrapper ) ).toEqual( [ 'Ana', 'Nia', 'Omar' ] );
		const bio = ( user: string ): string => wrapper.find( `[data-user="${ user }"] .ext-capacitybuilding-coach-card__bio` ).text();
		expect( [ bio( 'Ana' ), bio( 'Omar' ), bio( 'Nia' ) ] ).toEqual( [ 'Ana\'s own words.', 'Omar, updated.', 'Nia\'s profile.' ] );
		expect( wrapper.find( '.ext-capacitybuilding-directory__fallback' ).exists() ).toBe( false );
		expect( wrapper.find( '.ext-capacitybuilding-directory__awaiting' ).text() ).toBe( qqx( 'capacitybuilding-directory-awaiting', 1, 'Capacity building/Coaches.json' ) );
		// No profile page read as a page: one look at recent changes, the new revisions by id in one request.
		expect( wiki.requests.filter( ( r ) => r.generator === 'allpages' || r.rvdir === 'newer' ) ).toEqual( [] );
		expect( wiki.requests.filter( ( r ) => r.list === 'recentchanges' ) ).toHaveLength( 1 );
		const byId = wiki.requests.filter( ( r ) => r.revids !== undefined && !( r.revids as number[] ).every( ( id ) => wiki.parts.has( id ) ) );
		expect( byId ).toHaveLength( 1 );
	} );

	it( 'takes its filters from the URL, writes changes back, and offers to relax filters when nothing matches', async () => {
		history.replaceState( null, '', '/wiki/Directory?cblanguage=es&cbregion=MENA' );
		const wiki = withIndex( newWiki(), '2026-11-30T00:00:00Z', [
			indexed( 'Amina', { languages: [ 'ar' ], regions: [ 'MENA' ] } ), indexed( 'Ana', { languages: [ 'es' ], regions: [ 'LAC' ] } ),
		] );
		const wrapper = await mountDirectory( wiki );
		expect( cardUsers( wrapper ) ).toEqual( [] );
		expect( wrapper.find( '.ext-capacitybuilding-directory__no-match' ).text() ).toContain( qqx( 'capacitybuilding-directory-no-match' ) );
		const relax = wrapper.find( '[data-relax="region"]' );
		expect( relax.text() ).toBe( qqx( 'capacitybuilding-directory-relax-region', 1 ) );
		await relax.trigger( 'click' );
		await flushPromises();
		expect( cardUsers( wrapper ) ).toEqual( [ 'Ana' ] );
		expect( location.search ).toBe( '?cblanguage=es' );
		await wrapper.find( '.ext-capacitybuilding-directory__clear' ).trigger( 'click' );
		await flushPromises();
		expect( cardUsers( wrapper ) ).toEqual( [ 'Amina', 'Ana' ] );
		expect( location.search ).toBe( '' );
	} );

	it( 'says when there are no coaches at all, and shows a load failure', async () => {
		const empty = await mountDirectory( newWiki() );
		expect( empty.find( '.ext-capacitybuilding-directory__empty' ).text() ).toBe( qqx( 'capacitybuilding-directory-empty' ) );

		const failing = { get: jest.fn( () => Promise.reject( 'http' ) ) } as unknown as mw.Api;
		const wrapper = mount( CoachDirectory, { props: { api: failing, today: '2026-12-02', user: 'Reader' } } );
		await flushPromises();
		expect( wrapper.find( '.ext-capacitybuilding-directory__error' ).text() ).toBe( qqx( 'capacitybuilding-directory-error-load', 'http' ) );
	} );
} );
