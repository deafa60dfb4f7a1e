/**
 * The views' judging (shared/judgedRecords.ts, judgedPages.ts, roles.ts, coaches.ts) against the
 * fake wiki with page histories: what is read (and how little), what is shown, what awaits checking.
 */
import { COACH_SCHEMA, REQUEST_SCHEMA, emptyRecord, type CapacityRequest, type CoachProfile } from '../../../../modules/core/model';
import { coachTitle } from '../../../../modules/core/pages';
import type { CoachEntry } from '../../../../modules/core/indexes';
import { serialize } from '../../../../modules/core/wikitext/codec';
import {
	findRecentlyEdited, judgeEdited, judgeSave, loadJudgedRecord, type JudgingRoles,
} from '../../../../modules/shared/judgedRecords';
import { loadJudgedPage } from '../../../../modules/shared/judgedPages';
import { RolesLoader } from '../../../../modules/shared/roles';
import { JUDGED_PER_VIEW, loadCoaches } from '../../../../modules/shared/coaches';
import { loadOpenRequests } from '../../../../modules/shared/openRequests';
import { createHistoryWiki, type HistoryWiki } from '../historyWiki';

const BASE = 'Capacity building';
const TITLE = `${ BASE }/Requests/R1`;
const CONFIG = { basePage: BASE, admins: [ 'Adam' ], evaluators: [], bots: [], privateRoutes: [], changeTag: '',
	statusPolicy: { staleAfterDays: 30, adminsMayReopenClosed: true } };

const REQUEST: CapacityRequest = {
	title: 'Help with a wikithon', requester: 'Rita', requesterType: 'individual', organisation: '', region: 'LAC',
	hub: '', topics: [ 'governance' ], formats: [ 'coaching' ], languages: [ 'es' ], lang: '', neededBy: '',
	description: 'We want to organise our first wikithon and need help.', status: 'open',
	holdReason: '', coach: [], offers: [], created: '2026-11-01T10:00:00Z',
};

function coach( user: string, fields: Partial<CoachProfile> = {} ): CoachProfile {
	return { ...emptyRecord( COACH_SCHEMA ), user, topics: [ 'governance' ], languages: [ 'es' ], formats: [ 'coaching' ],
		availability: 'available', maxRequests: '2', contact: 'talk', ...fields };
}

const roles = async (): Promise<JudgingRoles> => ( { permissions: { config: CONFIG, hubs: new Map(), coaches: new Set( [ 'Omar' ] ) } } );

let wiki: HistoryWiki;

beforeEach( () => {
	( mw as unknown as Record<string, unknown> ).Title = class {
		public constructor( private readonly title: string ) {}

		public getNamespaceId(): number {
			return 0;
		}

		public getMain(): string {
			return this.title.replace( / /g, '_' );
		}
	};
	wiki = createHistoryWiki();
	wiki.putAs( 'Adam', 'MediaWiki:Gadget-capacityBuilding-config.json', JSON.stringify( { admins: [ 'Adam' ] } ) );
} );

function requestAt( fields: Partial<CapacityRequest> ): string {
	return serialize( REQUEST_SCHEMA, { ...REQUEST, ...fields } );
}

describe( 'loadJudgedRecord', () => {
	it( 'reads the published revision and those after it in one request, and shows the last accepted one', async () => {
		const created = wiki.putAs( 'Rita', TITLE, requestAt( {} ) );
		wiki.putAs( 'Rita', TITLE, requestAt( { description: `${ REQUEST.description } More.` } ) );
		const published = wiki.putAs( 'Omar', TITLE, requestAt( { description: `${ REQUEST.description } More.`, offers: [ 'Omar' ] } ) );
		const held = wiki.putAs( 'Rita', TITLE, requestAt( { description: `${ REQUEST.description } More.`, offers: [ 'Omar' ], status: 'on-hold' } ), 'Paused' );
		const declined = wiki.putAs( 'Stranger', TITLE, requestAt( { status: 'declined' } ) );
		wiki.requests.length = 0;
		const judged = await loadJudgedRecord( wiki.api, { title: TITLE, page: { kind: 'request', number: 1 }, published: published.revid }, roles );
		expect( wiki.requests ).toEqual( [ expect.objectContaining( { titles: TITLE, rvstartid: published.revid, rvdir: 'newer', rvlimit: 'max' } ) ] );
		expect( judged?.startedFrom ).toBe( published.revid );
		expect( judged?.record?.revid ).toBe( held.revid );
		expect( judged?.newerThanPublished ).toBe( true );
		expect( judged?.statusChanges ).toEqual( [ { revid: held.revid, from: 'open', to: 'on-hold', user: 'Rita', timestamp: held.timestamp, comment: 'Paused' } ] );
		expect( judged?.pending.map( ( p ) => [ p.revid, p.kind, p.reason.key ] ) ).toEqual( [
			[ declined.revid, 'rejected', 'capacitybuilding-permission-denied-decline' ],
		] );
		expect( judged?.latest ).toMatchObject( { revid: declined.revid } );
		expect( created.revid ).toBeLessThan( published.revid );
	} );

	it( 'judges from the first revision when the index does not list the page, or names a revision that is gone or another page\'s', async () => {
		const first = wiki.putAs( 'Rita', TITLE, requestAt( {} ) );
		const other = wiki.putAs( 'Rita', `${ BASE }/Requests/R2`, requestAt( {} ) );
		for ( const published of [ null, 999999, other.revid ] ) {
			const judged = await loadJudgedRecord( wiki.api, { title: TITLE, page: { kind: 'request', number: 1 }, published }, roles );
			expect( [ published, judged?.startedFrom, judged?.publishedUnreadable, judged?.record?.revid ] )
				.toEqual( [ published, null, published !== null, first.revid ] );
			expect( judged?.statusChanges.map( ( c ) => [ c.from, c.to ] ) ).toEqual( [ [ '', 'open' ] ] );
		}
	} );

	it( 'is null for a missing page, and says when more revisions follow than one request reads', async () => {
		expect( await loadJudgedRecord( wiki.api, { title: TITLE, page: { kind: 'request', number: 1 }, published: null }, roles ) ).toBeNull();
		wiki.contentLimit = 3;
		const published = wiki.putAs( 'Rita', TITLE, requestAt( {} ) );
		for ( let i = 0; i < 4; i++ ) {
			wiki.putAs( 'Rita', TITLE, requestAt( { description: `${ REQUEST.description } (${ i })` } ) );
		}
		const judged = await loadJudgedRecord( wiki.api, { title: TITLE, page: { kind: 'request', number: 1 }, published: published.revid }, roles );
		expect( judged?.unchecked ).toBe( true );
		expect( judged?.latest.text ).toBeNull();
		expect( judgeSave( judged as NonNullable<typeof judged>, requestAt( {} ), 'Rita', ( await roles() ).permissions ) )
			.toEqual( { accepted: false, reason: expect.objectContaining( { key: 'capacitybuilding-judged-save-unchecked' } ) } );
	} );
} );

describe( 'judgeSave', () => {
	it( 'accepts a save the judge accepts from its author on top of everything read, and says why not otherwise', async () => {
		const published = wiki.putAs( 'Rita', TITLE, requestAt( {} ) );
		wiki.putAs( 'Stranger', TITLE, requestAt( { description: 'A stranger\'s description here.' } ) );
		const judged = await loadJudgedRecord( wiki.api, { title: TITLE, page: { kind: 'request', number: 1 }, published: published.revid }, roles );
		const context = ( await roles() ).permissions;
		const record = judged as NonNullable<typeof judged>;
		// The accepted request with Rita's change: accepted (the stranger's description goes back).
		expect( judgeSave( record, requestAt( { status: 'on-hold' } ), 'Rita', context ) ).toEqual( { accepted: true } );
		// Rita's change on top of the page as it is: it keeps the stranger's description.
		expect( judgeSave( record, requestAt( { description: 'A stranger\'s description here.', status: 'on-hold' } ), 'Rita', context ) )
			.toEqual( { accepted: false, reason: expect.objectContaining( { key: 'capacitybuilding-bot-sync-carries-rejected' } ) } );
		// Not Omar's to decline.
		expect( judgeSave( record, requestAt( { status: 'declined' } ), 'Omar', context ) )
			.toEqual( { accepted: false, reason: expect.objectContaining( { key: 'capacitybuilding-permission-denied-decline' } ) } );
	} );
} );

describe( 'findRecentlyEdited and judgeEdited', () => {
	const prefix = `${ BASE }/Coaches/`;
	const kindOf = ( title: string ): { kind: 'coach'; user: string } | null => ( title.startsWith( prefix ) ?
		{ kind: 'coach', user: title.slice( prefix.length ) } : null );
	const coachRoles = async (): Promise<JudgingRoles> => ( { permissions: { config: CONFIG, hubs: new Map(), coaches: new Set() } } );

	it( 'finds pages edited since in one request, reads their new revisions by id in one more, and judges them', async () => {
		const ana = wiki.putAs( 'Ana', coachTitle( BASE, 'Ana' ), serialize( COACH_SCHEMA, coach( 'Ana' ) ) );
		const omar = wiki.putAs( 'Omar', coachTitle( BASE, 'Omar' ), serialize( COACH_SCHEMA, coach( 'Omar' ) ) );
		const since = omar.timestamp;
		const stranger = wiki.putAs( 'Stranger', coachTitle( BASE, 'Ana' ), serialize( COACH_SCHEMA, coach( 'Ana', { bio: 'Stranger' } ) ) );
		const own = wiki.putAs( 'Omar', coachTitle( BASE, 'Omar' ), serialize( COACH_SCHEMA, coach( 'Omar', { bio: 'Mine' } ) ) );
		const nia = wiki.putAs( 'Nia', coachTitle( BASE, 'Nia' ), serialize( COACH_SCHEMA, coach( 'Nia' ) ) );
		wiki.putAs( 'Rita', TITLE, requestAt( {} ) );
		wiki.requests.length = 0;
		const edited = await findRecentlyEdited( wiki.api, BASE, since, kindOf );
		expect( edited.pages.map( ( p ) => p.title ) ).toEqual( [ coachTitle( BASE, 'Nia' ), coachTitle( BASE, 'Omar' ), coachTitle( BASE, 'Ana' ) ] );
		const published: Record<string, number> = { Ana: ana.revid, Omar: omar.revid };
		const judged = await judgeEdited( wiki.api, edited.pages, ( page ) => page.kind === 'coach' ? published[ page.user ] ?? null : null, coachRoles, 10 );
		expect( wiki.requests.map( ( r ) => r.list ?? ( r.revids ? 'revids' : 'other' ) ) ).toEqual( [ 'recentchanges', 'revids' ] );
		const byTitle = new Map( judged.judged.map( ( j ) => [ j.title, j ] ) );
		expect( byTitle.get( coachTitle( BASE, 'Ana' ) )?.record?.revid ).toBe( ana.revid );
		expect( byTitle.get( coachTitle( BASE, 'Ana' ) )?.pending.map( ( p ) => [ p.revid, p.reason.key ] ) ).toEqual( [
			[ stranger.revid, 'capacitybuilding-permission-coach-not-owner' ],
		] );
		expect( byTitle.get( coachTitle( BASE, 'Omar' ) )?.record?.revid ).toBe( own.revid );
		expect( byTitle.get( coachTitle( BASE, 'Nia' ) )?.record?.revid ).toBe( nia.revid );
		expect( judged.notJudged ).toEqual( [] );
	} );

	it( 'reads the history of a page whose recent changes do not join up with its published revision, and judges at most `cap`', async () => {
		const ana = wiki.putAs( 'Ana', coachTitle( BASE, 'Ana' ), serialize( COACH_SCHEMA, coach( 'Ana' ) ) );
		// A stranger's edit before the index's time, which recent changes since then do not show.
		const stranger = wiki.putAs( 'Stranger', coachTitle( BASE, 'Ana' ), serialize( COACH_SCHEMA, coach( 'Ana', { bio: 'Stranger' } ) ) );
		const since = wiki.putAs( 'Adam', `${ BASE }/Other`, 'x' ).timestamp;
		// Ana's own later edit keeps the stranger's bio: laundering, which only the whole chain reveals.
		const laundered = wiki.putAs( 'Ana', coachTitle( BASE, 'Ana' ), serialize( COACH_SCHEMA, coach( 'Ana', { bio: 'Stranger', hubs: [] } ) ) + '\n' );
		wiki.putAs( 'Omar', coachTitle( BASE, 'Omar' ), serialize( COACH_SCHEMA, coach( 'Omar' ) ) );
		const edited = await findRecentlyEdited( wiki.api, BASE, since, kindOf );
		wiki.requests.length = 0;
		const judged = await judgeEdited( wiki.api, edited.pages, ( page ) => page.kind === 'coach' && page.user === 'Ana' ? ana.revid : null, coachRoles, 1 );
		expect( judged.notJudged ).toEqual( [ coachTitle( BASE, 'Ana' ) ] );
		const all = await judgeEdited( wiki.api, edited.pages, ( page ) => page.kind === 'coach' && page.user === 'Ana' ? ana.revid : null, coachRoles, 5 );
		const anaJudged = all.judged.find( ( j ) => j.title === coachTitle( BASE, 'Ana' ) );
		expect( anaJudged?.record?.revid ).toBe( ana.revid );
		expect( anaJudged?.pending.map( ( p ) => p.revid ) ).toEqual( [ stranger.revid, laundered.revid ] );
		expect( wiki.requests.some( ( r ) => r.rvstartid === ana.revid ) ).toBe( true );
	} );
} );

describe( 'RolesLoader and loadJudgedPage', () => {
	it( 'knows who of some people coach from the index parts that hold their names only', async () => {
		const entries: CoachEntry[] = [ 'Ana', 'Bea', 'Omar', 'Zed' ].map( ( user ) => ( {
			user, page: coachTitle( BASE, user ), revid: 1, updated: '2026-11-01T00:00:00Z', problems: 0, state: 'valid', activeRequests: 0, profile: coach( user ),
		} ) );
		wiki.publish( BASE, 'coaches', entries, { perPart: 1 } );
		const loader = new RolesLoader( wiki.api, BASE );
		wiki.requests.length = 0;
		expect( [ ...await loader.coaches( [ 'Omar', 'Stranger', 'Bea', '' ] ) ].sort() ).toEqual( [ 'Bea', 'Omar' ] );
		// Four parts of one coach each: Omar's (where Stranger would be) and Bea's are read, the others not.
		const partsRead = wiki.requests.filter( ( r ) => r.revids !== undefined ).flatMap( ( r ) => r.revids as number[] );
		expect( partsRead ).toHaveLength( 2 );
		// Asked again: nothing more is read.
		const before = wiki.requests.length;
		expect( [ ...await loader.coaches( [ 'Omar' ] ) ] ).toEqual( [ 'Omar' ] );
		expect( wiki.requests.length ).toBe( before );
	} );

	it( 'loads one judged record of any kind with its index entry', async () => {
		const ana = wiki.putAs( 'Ana', coachTitle( BASE, 'Ana' ), serialize( COACH_SCHEMA, coach( 'Ana' ) ) );
		wiki.publish( BASE, 'coaches', [ { user: 'Ana', page: coachTitle( BASE, 'Ana' ), revid: ana.revid, updated: ana.timestamp, problems: 2,
			state: 'valid', activeRequests: 1, profile: coach( 'Ana' ) } ] );
		wiki.putAs( 'Stranger', coachTitle( BASE, 'Ana' ), serialize( COACH_SCHEMA, coach( 'Ana', { bio: 'Stranger' } ) ) );
		const { entry, judged } = await loadJudgedPage( wiki.api, { title: coachTitle( BASE, 'Ana' ), page: { kind: 'coach', user: 'Ana' },
			roles: new RolesLoader( wiki.api, BASE ), reader: '' } );
		expect( entry?.problems ).toBe( 2 );
		expect( judged?.record?.content.record ).toEqual( coach( 'Ana' ) );
		expect( judged?.pending ).toHaveLength( 1 );
	} );
} );

describe( 'loadCoaches without an index', () => {
	it( 'shows pages only their coach and admins edited as they are, judges the others, and never shows a stranger\'s edit', async () => {
		wiki.putAs( 'Ana', coachTitle( BASE, 'Ana' ), serialize( COACH_SCHEMA, coach( 'Ana', { bio: 'Ana' } ) ) );
		wiki.putAs( 'Adam', coachTitle( BASE, 'Ana' ), serialize( COACH_SCHEMA, coach( 'Ana', { bio: 'Ana, fixed by an admin' } ) ) );
		wiki.putAs( 'Omar', coachTitle( BASE, 'Omar' ), serialize( COACH_SCHEMA, coach( 'Omar', { bio: 'Omar' } ) ) );
		wiki.putAs( 'Stranger', coachTitle( BASE, 'Omar' ), serialize( COACH_SCHEMA, coach( 'Omar', { bio: 'Stranger' } ) ) );
		wiki.putAs( 'Stranger', coachTitle( BASE, 'Fake' ), serialize( COACH_SCHEMA, coach( 'Fake' ) ) );
		wiki.requests.length = 0;
		const loaded = await loadCoaches( wiki.api, BASE );
		expect( loaded.fallback ).toBe( 'missing' );
		expect( loaded.coaches.map( ( c ) => [ c.user, c.profile.bio ] ) ).toEqual( [ [ 'Ana', 'Ana, fixed by an admin' ], [ 'Omar', 'Omar' ] ] );
		expect( loaded.awaiting ).toBe( 2 );
		// Histories read for the two pages someone else edited only.
		expect( wiki.requests.filter( ( r ) => r.rvdir === 'newer' ).map( ( r ) => r.titles ) ).toEqual( [ coachTitle( BASE, 'Fake' ), coachTitle( BASE, 'Omar' ) ] );
		expect( JUDGED_PER_VIEW ).toBeGreaterThan( 2 );
	} );
} );

describe( 'loadOpenRequests', () => {
	it( 'matches the accepted requests of the index only, and nothing without one', async () => {
		expect( await loadOpenRequests( wiki.api, BASE ) ).toEqual( { requests: [], published: false } );
		wiki.publish( BASE, 'requests', [ {
			number: 1, page: TITLE, revid: 1, updated: '2026-11-01T10:00:00Z', problems: 0, state: 'valid', request: REQUEST, feedback: 0, history: [],
		} ] );
		// A stranger's edit of the page is not what is matched.
		wiki.putAs( 'Stranger', TITLE, requestAt( { topics: [ 'photography' ] } ) );
		const loaded = await loadOpenRequests( wiki.api, BASE );
		expect( loaded.published ).toBe( true );
		expect( loaded.requests.map( ( r ) => r.request.topics ) ).toEqual( [ [ 'governance' ] ] );
	} );
} );
