/**
 * Status updates on the development wiki (which, like Meta-Wiki, has request pages in a discussion
 * namespace with Echo and DiscussionTools): a request walks its whole lifecycle — submitted, taken
 * up by a hub, offered, matched, started, put on hold with a reason, reopened, started again,
 * completed — with syncs and notify rounds between the steps (sometimes several steps a round);
 * logged in as the requester and as the coach, each has received the Echo notifications for the
 * steps that concern them, and every post is in the language the request chose (French, from a test
 * translation; qqx for another request). Also: a coach back from being away is asked on their user
 * talk page; `{{nobots}}` and `{{bots|optout=capacitybuilding}}` keep the bot off a page and the
 * notice is reported as skipped; the shut-off page stops posting; --dry-run posts nothing; stale
 * and deadline notices come once per period; a round with nothing to announce reads nothing and
 * edits nothing; k notices cost k edits plus one per digest and at most ⌈k/50⌉ + 2 reads.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Editor, readPages } from '../../bot/edits';
import { Messages, loadMessageFiles } from '../../bot/i18n';
import { Logger } from '../../bot/log';
import { runNotify, type NotifyReport } from '../../bot/notify/notify';
import { Store } from '../../bot/store';
import type { WikiClient } from '../../bot/wiki';
import { COACH_SCHEMA, HUB_SCHEMA, REQUEST_SCHEMA, type CapacityRequest, type CoachProfile } from '../../modules/core/model';
import { sitePages } from '../../modules/core/pages';
import { serialize } from '../../modules/core/wikitext/codec';
import { repoRoot } from '../../scripts/lib/paths';
import { botClient, runBot, type BotRun } from '../support/bot';
import { botEnv, personSessions, testWiki, uniqueTitle } from '../support/wiki';

const PASSWORD = 'capacity-test-password-1';
const USERS = { requester: 'Alice Nt', coach: 'Carol Nt', contact: 'Hubert Nt', away: 'Dave Nt' };
const base = uniqueTitle( 'CB notify' );
const t = ( rest: string ): string => `${ base }/${ rest }`;
const R1 = t( 'Requests/R1' );
const R2 = t( 'Requests/R2' );
const R3 = t( 'Requests/R3' );
const BOARD = t( 'Hubs/Africa/Noticeboard' );
const messageFiles = {
	...loadMessageFiles(),
	fr: JSON.parse( fs.readFileSync( path.join( repoRoot, 'tests/fixtures/i18n/fr.json' ), 'utf8' ) ) as Record<string, string>,
};
let dir: string;
let db: string;
let client: WikiClient;

const as = personSessions( PASSWORD, 'notify' );

function today( days = 0 ): string {
	return new Date( Date.now() + days * 86_400_000 ).toISOString().slice( 0, 10 );
}

function request( overrides: Partial<CapacityRequest> = {} ): CapacityRequest {
	return {
		title: 'Des ateliers {{pour}} [[débuter]]', requester: USERS.requester, requesterType: 'individual', organisation: '', region: 'SSA',
		hub: '', topics: [ 'outreach' ], formats: [ 'workshop' ], languages: [ 'fr' ], lang: 'fr', neededBy: '',
		description: 'We would like to run a first editing workshop in our town.', status: 'open', holdReason: '', coach: [], offers: [],
		created: new Date().toISOString().replace( /\.\d{3}Z$/, 'Z' ), ...overrides,
	};
}

function coachProfile( user: string, overrides: Partial<CoachProfile> = {} ): CoachProfile {
	return {
		user, topics: [ 'outreach' ], languages: [ 'fr', 'en' ], regions: [ 'SSA' ], formats: [ 'coaching' ], availability: 'available',
		awayUntil: '', maxRequests: '3', bio: 'Trainer.', contact: 'talk', hubs: [], ...overrides,
	};
}

/** The record each request page was last given by the test. */
const lastRecord = new Map<string, CapacityRequest>();

/** Changes the request's record as `user` (keeping the discussion below it), with an edit summary. */
async function change( user: string, title: string, overrides: Partial<CapacityRequest>, summary: string ): Promise<void> {
	const session = await as( user );
	const page = ( await readPages( client, [ title ] ) ).get( title );
	const text = page?.text ?? '';
	const end = text.indexOf( '\n}}' ) + 3;
	const current = JSON.parse( JSON.stringify( lastRecord.get( title ) ) ) as CapacityRequest;
	const next = { ...current, ...overrides };
	lastRecord.set( title, next );
	await session.save( title, serialize( REQUEST_SCHEMA, next ) + text.slice( end ), summary );
}
async function create( user: string, title: string, record: CapacityRequest, extra = '' ): Promise<void> {
	lastRecord.set( title, record );
	await ( await as( user ) ).create( title, serialize( REQUEST_SCHEMA, record ) + extra, 'New request' );
}

async function round( ...args: string[] ): Promise<{ sync: BotRun; notify: BotRun; report: NotifyReport }> {
	const sync = await runBot( [ 'sync', '--json', '--db', db, '--base', base ] );
	const notify = await runBot( [ 'notify', '--json', '--db', db, '--base', base, ...args ], botEnv(), messageFiles );
	const line = notify.records.find( ( r ) => typeof r.sent === 'number' );
	if ( !line ) {
		throw new Error( `No notify summary in:\n${ notify.lines.join( '\n' ) }\n${ sync.lines.join( '\n' ) }` );
	}
	return { sync, notify, report: line as unknown as NotifyReport };
}

interface LedgerLine {
	state: string;
	target: string;
	recipients: string[];
	revid: number;
	language: string;
	reason: string | null;
}

/** The notices in the ledger, by key. */
async function ledger(): Promise<Record<string, LedgerLine>> {
	const status = await runBot( [ 'status', '--json', '--db', db ] );
	return Object.fromEntries( status.records.filter( ( r ) => r.notice ).map( ( r ) => [ r.notice as string, r as never ] ) );
}

/** A notify round in-process, as if it ran `days` from now (the clock's notices: away, stale, deadline). */
async function inDays( days: number ): Promise<NotifyReport> {
	const store = await Store.open( db );
	const logger = new Logger( { quiet: true, write: () => undefined } );
	try {
		return await runNotify( { client, store, logger, editor: new Editor( client, logger, { dryRun: false, stopPage: sitePages( base ).stop } ),
			messages: new Messages( 'en' ), messageFiles, base, dryRun: false, now: () => new Date( Date.now() + days * 86_400_000 ) } );
	} finally {
		await store.close();
	}
}

type Notification = { type: string; revid?: number; title?: { full: string } };

/** The user's Echo notifications (waiting for the ones the wiki is still delivering). */
async function notifications( user: string, wanted: ( found: Notification[] ) => boolean ): Promise<Notification[]> {
	let list: Notification[] = [];
	for ( let attempt = 0; attempt < 60; attempt++ ) {
		const response = await ( await as( user ) ).request( { action: 'query', meta: 'notifications', notprop: 'list', notlimit: 'max',
			notformat: 'model', notfilter: '!read|read' } );
		list = ( response.query?.notifications?.list ?? [] ) as Notification[];
		if ( wanted( list ) ) {
			return list;
		}
		await new Promise( ( resolve ) => {
			setTimeout( resolve, 500 );
		} );
	}
	return list;
}

function markers( text: string ): string[] {
	return [ ...text.matchAll( /<!-- capacitybuilding-notice:(\S+) -->/g ) ].map( ( m ) => m[ 1 ] as string );
}

beforeAll( async () => {
	const wiki = testWiki();
	for ( const user of Object.values( USERS ) ) {
		// In the wiki's bot group only so that its edit rate limit for new accounts does not slow the test down.
		wiki.ensureUser( user, PASSWORD, [ 'bot' ] );
	}
	dir = fs.mkdtempSync( path.join( os.tmpdir(), 'capacity-notify-' ) );
	db = `sqlite:${ path.join( dir, 'store.sqlite' ) }`;
	client = await botClient();
	// Without --base: the configuration page is the wiki's, with the default base page other tests expect.
	const setup = await runBot( [ 'setup', '--json' ] );
	if ( setup.code !== 0 && setup.code !== 5 ) {
		throw new Error( setup.lines.join( '\n' ) );
	}
	await client.mwn.save( t( 'Hubs/Africa' ), serialize( HUB_SCHEMA, { name: 'Africa hub', kind: 'regional', regions: [ 'SSA' ], topics: [],
		languages: [ 'fr' ], contacts: [ USERS.contact ], noticeboard: BOARD } ), 'test' );
	await ( await as( USERS.coach ) ).save( t( `Coaches/${ USERS.coach }` ), serialize( COACH_SCHEMA, coachProfile( USERS.coach ) ), 'test' );
	// Notifications start now: what happened before is not announced.
	const first = await round();
	if ( first.report.recorded !== 0 || first.report.edits !== 0 || first.report.reads !== 0 ) {
		throw new Error( `The first round announced something: ${ JSON.stringify( first.report ) }` );
	}
} );

afterAll( () => {
	fs.rmSync( dir, { recursive: true, force: true } );
} );

describe( 'a request\'s whole lifecycle', () => {
	it( 'announces a new request on its hub\'s noticeboard and tells the requester, in French, when a hub takes it up', async () => {
		await create( USERS.requester, R1, request() );
		// As the request form does after saving: the requester subscribes to new topics on the request page.
		const alice = await as( USERS.requester );
		await alice.request( { action: 'discussiontoolssubscribe', page: R1, commentname: `p-topics-0:${ R1.replace( / /g, '_' ) }`,
			subscribe: true, token: await alice.getCsrfToken() } );
		await change( USERS.contact, R1, { hub: 'Africa', status: 'triaged' }, 'Taken up by the Africa hub' );
		const { report } = await round();
		// One request page notice and one digest: two edits, one read.
		expect( report ).toMatchObject( { recorded: 2, sent: 2, digests: 1, edits: 2, skipped: 0, failed: 0 } );
		expect( report.reads ).toBeLessThanOrEqual( Math.ceil( 1 / 50 ) + 2 );
		const page = ( await readPages( client, [ R1, BOARD ] ) );
		const r1 = page.get( R1 )?.text ?? '';
		expect( r1 ).toContain( '== Demande R1 prise en charge par un hub ==' );
		expect( r1 ).toContain( '<div lang="fr" dir="ltr" class="ext-capacitybuilding-notice"><!-- capacitybuilding-notice:triaged-' );
		expect( r1 ).toContain( `[[User:${ USERS.requester }|${ USERS.requester }]] : Le hub [[${ t( 'Hubs/Africa' ) }|Africa]] a pris en charge la demande` );
		// The request's title, typed with markup, is shown as text.
		expect( r1 ).toContain( 'Des ateliers &#123;&#123;pour&#125;&#125; &#91;&#91;débuter&#93;&#93;' );
		const board = page.get( BOARD )?.text ?? '';
		expect( board ).toContain( `[[User:${ USERS.contact }|${ USERS.contact }]]: This request needs attention:` );
		expect( markers( board ) ).toHaveLength( 2 );
		const notices = Object.values( await ledger() );
		// The digest is in the noticeboard's language (the wiki's), the request's notice in the request's.
		expect( notices.map( ( n ) => `${ n.state } ${ n.target } ${ n.language }` ).sort() ).toEqual( [ `sent ${ BOARD } en`, `sent ${ R1 } fr` ] );
	} );

	it( 'tells the requester of an offer, and the coach that they were accepted', async () => {
		await change( USERS.coach, R1, { offers: [ USERS.coach ] }, 'Offering to help' );
		const offered = await round();
		expect( offered.report ).toMatchObject( { sent: 1, edits: 1 } );
		await change( USERS.requester, R1, { status: 'matched', coach: [ USERS.coach ] }, `Accepting ${ USERS.coach }` );
		const matched = await round();
		expect( matched.report ).toMatchObject( { sent: 1, edits: 1 } );
		const r1 = ( await readPages( client, [ R1 ] ) ).get( R1 )?.text ?? '';
		expect( r1 ).toContain( `${ USERS.coach } s’est proposé·e pour aider à la demande` );
		expect( r1 ).toContain( `[[User:${ USERS.coach }|${ USERS.coach }]] : ${ USERS.coach } est désormais le coach` );
	} );

	it( 'gives each of several changes between two rounds its own notice, quoting the reason', async () => {
		await change( USERS.coach, R1, { status: 'in-progress' }, 'Starting next week' );
		await change( USERS.requester, R1, { status: 'on-hold' }, 'Our venue is closed until May' );
		await change( USERS.coach, R1, { status: 'matched' }, 'The venue is open again' );
		const { report } = await round();
		expect( report ).toMatchObject( { recorded: 3, sent: 3, edits: 3, digests: 0 } );
		expect( report.reads ).toBeLessThanOrEqual( Math.ceil( 3 / 50 ) + 2 );
		const r1 = ( await readPages( client, [ R1 ] ) ).get( R1 )?.text ?? '';
		expect( r1 ).toContain( 'Motif donné avec la modification (son résumé) : Starting next week' );
		expect( r1 ).toContain( `a été mise en pause par ${ USERS.requester }.\n\nMotif donné avec la modification (son résumé) : Our venue is closed until May` );
		expect( r1 ).toContain( 'son statut est maintenant : attribuée.' );
	} );

	it( 'finishes the lifecycle; every step is on the request page once, in French', async () => {
		await change( USERS.requester, R1, { status: 'in-progress' }, 'Let us go' );
		await change( USERS.coach, R1, { status: 'completed' }, 'Done, thank you all' );
		expect( ( await round() ).report ).toMatchObject( { sent: 2, edits: 2 } );
		const r1 = ( await readPages( client, [ R1 ] ) ).get( R1 )?.text ?? '';
		const keys = markers( r1 );
		expect( keys.map( ( k ) => k.replace( /-.*/, '' ) ) ).toEqual( [ 'triaged', 'offered', 'matched', 'started', 'on', 'reopened', 'started', 'completed' ] );
		expect( new Set( keys ).size ).toBe( keys.length );
		expect( r1.match( /<div lang="fr" dir="ltr"/g ) ).toHaveLength( 8 );
		expect( r1 ).not.toMatch( /Request R1|has offered|was put on hold/ );
	} );

	it( 'has notified the requester and the coach, through Echo, of the steps that concern them', async () => {
		const notices = Object.entries( await ledger() ).filter( ( [ , n ] ) => n.target === R1 );
		const revisionsFor = ( user: string ): number[] => notices.filter( ( [ , n ] ) => n.recipients.includes( user ) ).map( ( [ , n ] ) => n.revid );
		// The requester: taken up, the offer, started (by the coach), reopened, completed; the coach: matched,
		// on hold, started again (by the requester). Nobody is told of their own step.
		expect( revisionsFor( USERS.requester ) ).toHaveLength( 5 );
		expect( revisionsFor( USERS.coach ) ).toHaveLength( 3 );
		for ( const user of [ USERS.requester, USERS.coach ] ) {
			const wanted = revisionsFor( user );
			const list = await notifications( user, ( l ) => wanted.every( ( revid ) => l.some( ( n ) => n.type === 'mention' && n.revid === revid ) ) );
			const mentions = list.filter( ( n ) => n.type === 'mention' && n.title?.full === R1 ).map( ( n ) => n.revid );
			expect( mentions.sort() ).toEqual( [ ...wanted ].sort() );
		}
		// The requester subscribed to new topics on her request page: DiscussionTools tells her of the coach's steps too.
		const all = await notifications( USERS.requester, ( l ) => l.some( ( n ) => n.type === 'dt-added-topic' ) );
		expect( all.filter( ( n ) => n.type === 'dt-added-topic' && n.title?.full === R1 ).length ).toBeGreaterThan( 0 );
		const own = notices.filter( ( [ key ] ) => key.startsWith( 'matched-' ) ).map( ( [ , n ] ) => n.revid );
		expect( all.filter( ( n ) => n.type === 'mention' ).map( ( n ) => n.revid ) ).not.toContain( own[ 0 ] );
	} );

	it( 'writes qqx requests in message keys, and records what it could not post', async () => {
		await create( USERS.requester, R2, request( { lang: 'qqx', title: 'In message keys' } ) );
		await create( USERS.requester, R3, request( { lang: 'fr', title: 'No bots here' } ), '\n\nPlease, no bots. {{nobots}} ~~~~' );
		await round();
		await change( USERS.contact, R2, { status: 'declined' }, 'Out of scope' );
		await change( USERS.contact, R3, { status: 'declined' }, 'Out of scope' );
		const { report, notify } = await round();
		expect( report ).toMatchObject( { sent: 1, skipped: 1, edits: 1 } );
		expect( notify.code ).toBe( 5 );
		const r2 = ( await readPages( client, [ R2 ] ) ).get( R2 )?.text ?? '';
		expect( r2 ).toContain( '== (capacitybuilding-notice-declined-heading: 2) ==' );
		expect( r2 ).toContain( '<div lang="qqx" dir="ltr" class="ext-capacitybuilding-notice">' );
		expect( r2 ).toContain( `(capacitybuilding-notice-addressed: [[User:${ USERS.requester }|${ USERS.requester }]], (capacitybuilding-notice-declined-body: [[${ R2 }|R2]]` );
		expect( markers( ( await readPages( client, [ R3 ] ) ).get( R3 )?.text ?? '' ) ).toEqual( [] );
		const skipped = Object.values( await ledger() ).filter( ( n ) => n.state === 'skipped' );
		expect( skipped ).toEqual( [ expect.objectContaining( { target: R3, reason: 'capacitybuilding-bot-notice-skip-bots' } ) ] );
		const status = await runBot( [ 'status', '--db', db ] );
		expect( status.lines.join( '\n' ) ).toContain( 'skipped: declined-' );
		expect( status.lines.join( '\n' ) ).toContain( 'the page does not let this bot post its updates there: {{nobots}}' );
		// Skipped is final: the next round does not try again.
		expect( ( await round() ).report ).toMatchObject( { recorded: 0, sent: 0, skipped: 0, edits: 0, reads: 0 } );
	} );

	it( 'asks coaches back from being away on their user talk page, unless the page opts out', async () => {
		await ( await as( USERS.coach ) ).save( t( `Coaches/${ USERS.coach }` ), serialize( COACH_SCHEMA, coachProfile( USERS.coach,
			{ availability: 'away', awayUntil: today() } ) ), 'Away' );
		await ( await as( USERS.away ) ).save( t( `Coaches/${ USERS.away }` ), serialize( COACH_SCHEMA, coachProfile( USERS.away,
			{ availability: 'away', awayUntil: today() } ) ), 'Away' );
		await ( await as( USERS.away ) ).save( `User talk:${ USERS.away }`, 'No automated messages, please. {{bots|optout=capacitybuilding}}', 'opt out' );
		await runBot( [ 'sync', '--json', '--db', db, '--base', base ] );
		// The away date passes at midnight: two days later, the bot asks.
		const report = await inDays( 2 );
		expect( report ).toMatchObject( { sent: 1, skipped: 1, edits: 1 } );
		const talk = ( await readPages( client, [ `User talk:${ USERS.coach }` ] ) ).get( `User talk:${ USERS.coach }` )?.text ?? '';
		expect( talk ).toContain( '== Are you back? Your coach availability ==' );
		expect( talk ).toContain( `[[${ t( `Coaches/${ USERS.coach }` ) }|your coach profile]]` );
		const revid = Object.values( await ledger() ).find( ( n ) => n.target === `User talk:${ USERS.coach }` )?.revid;
		const list = await notifications( USERS.coach, ( l ) => l.some( ( n ) => n.type === 'edit-user-talk' && n.revid === revid ) );
		expect( list.some( ( n ) => n.type === 'edit-user-talk' && n.revid === revid ) ).toBe( true );
		const away = ( await readPages( client, [ `User talk:${ USERS.away }` ] ) ).get( `User talk:${ USERS.away }` )?.text ?? '';
		expect( markers( away ) ).toEqual( [] );
		expect( Object.values( await ledger() ).find( ( n ) => n.target === `User talk:${ USERS.away }` ) )
			.toMatchObject( { state: 'skipped', reason: 'capacitybuilding-bot-notice-skip-bots' } );
		expect( await inDays( 3 ) ).toMatchObject( { recorded: 0, edits: 0, reads: 0 } );
	} );

	it( 'makes no request and no edit when there is nothing to announce', async () => {
		const { report } = await round();
		expect( report ).toMatchObject( { recorded: 0, sent: 0, edits: 0, reads: 0 } );
	} );
} );

describe( 'stale and deadline notices', () => {
	it( 'come once per period, on the hub\'s noticeboard, and stop when the status changes', async () => {
		const R4 = t( 'Requests/R4' );
		await create( USERS.requester, R4, request( { title: 'Needed soon', hub: 'Africa', neededBy: today( 5 ) } ) );
		const first = await round();
		// New and needed within 14 days: both in one digest.
		expect( first.report ).toMatchObject( { recorded: 2, sent: 2, digests: 1, edits: 1 } );
		expect( ( await round() ).report ).toMatchObject( { recorded: 0, edits: 0 } );
		expect( await inDays( 61 ) ).toMatchObject( { recorded: 1, sent: 1, digests: 1 } );
		expect( await inDays( 62 ) ).toMatchObject( { recorded: 0, edits: 0, reads: 0 } );
		// Day 119: the request completed earlier in this file is due its follow-up (91 days): asked once,
		// on its page; not again at day 121, where only the second stale period is new.
		expect( await inDays( 119 ) ).toMatchObject( { recorded: 1, edits: 1 } );
		expect( await inDays( 121 ) ).toMatchObject( { recorded: 1, sent: 1 } );
		const board = ( await readPages( client, [ BOARD ] ) ).get( BOARD )?.text ?? '';
		expect( board ).toMatch( /no change of status for 6[01] days \(status: Open\)/ );
		expect( board ).toContain( `needed by ${ today( 5 ) } and still without a coach` );
		// Taken up: a new status, and the stale clock starts again from it.
		await change( USERS.contact, R4, { status: 'triaged' }, 'On it' );
		await round();
		expect( await inDays( 59 ) ).toMatchObject( { recorded: 0, edits: 0 } );
		expect( await inDays( 61 ) ).toMatchObject( { recorded: 1, sent: 1 } );
		const stale = Object.keys( await ledger() ).filter( ( key ) => key.startsWith( 'stale-' ) );
		expect( stale ).toHaveLength( 3 );
	} );
} );

describe( 'noticeboards of the hubs a request is routed to', () => {
	it( 'announce a new request without a hub where routing sends it: one digest edit per noticeboard per round', async () => {
		await create( USERS.requester, t( 'Requests/R8' ), request( { title: 'Routed to Africa' } ) );
		await create( USERS.requester, t( 'Requests/R10' ), request( { title: 'Routed to Africa too' } ) );
		await create( USERS.requester, t( 'Requests/R9' ), request( { title: 'Nobody covers this', region: 'NA' } ) );
		const before = ( await readPages( client, [ BOARD ] ) ).get( BOARD )?.revid ?? 0;
		const { report } = await round();
		// Three notices, two noticeboards: two edits.
		expect( report ).toMatchObject( { recorded: 3, sent: 3, digests: 2, edits: 2, failed: 0 } );
		const sent = Object.values( await ledger() ) as ( LedgerLine & { kind: string; request: number } )[];
		const where = ( n: number ): string[] => sent.filter( ( l ) => l.kind === 'submitted' && l.request === n ).map( ( l ) => l.target );
		expect( [ where( 8 ), where( 10 ), where( 9 ) ] ).toEqual( [ [ BOARD ], [ BOARD ], [ t( 'Noticeboard' ) ] ] );
		const board = ( await readPages( client, [ BOARD ] ) ).get( BOARD );
		expect( board?.revid ).toBeGreaterThan( before );
		// The routed hub's contact is mentioned on the hub's board, both requests in the round's one section.
		const section = ( board?.text ?? '' ).slice( ( board?.text ?? '' ).lastIndexOf( '\n==' ) );
		expect( section ).toContain( `[[User:${ USERS.contact }|${ USERS.contact }]]` );
		expect( section ).toContain( 'Routed to Africa too' );
		expect( section ).not.toContain( 'Nobody covers this' );
		const programme = ( await readPages( client, [ t( 'Noticeboard' ) ] ) ).get( t( 'Noticeboard' ) )?.text ?? '';
		expect( programme ).toContain( 'Nobody covers this' );
	} );
} );

describe( 'safety', () => {
	const R5 = t( 'Requests/R5' );

	it( 'prints every post in full with --dry-run and saves nothing', async () => {
		await create( USERS.requester, R5, request( { title: 'A dry run' } ) );
		await change( USERS.coach, R5, { offers: [ USERS.coach ] }, 'Offering' );
		await runBot( [ 'sync', '--json', '--db', db, '--base', base ] );
		const before = ( await readPages( client, [ R5 ] ) ).get( R5 )?.revid;
		const dry = await runBot( [ 'notify', '--dry-run', '--db', db, '--base', base ], botEnv(), messageFiles );
		expect( dry.code ).toBe( 0 );
		const out = dry.lines.join( '\n' );
		expect( out ).toContain( `Would post a new section on [[${ R5 }]]: "Demande R5 : une offre d’aide"` );
		expect( out ).toContain( `[[User:${ USERS.requester }|${ USERS.requester }]] : ${ USERS.coach } s’est proposé·e pour aider` );
		// No hub yet, in the Africa hub's region: announced on the noticeboard of the hub it is routed to.
		expect( out ).toContain( `Would post a new section on [[${ BOARD }]]` );
		expect( out ).toContain( '2 posts would be made; nothing was saved' );
		expect( ( await readPages( client, [ R5 ] ) ).get( R5 )?.revid ).toBe( before );
		expect( Object.values( await ledger() ).filter( ( n ) => n.state !== 'sent' && n.state !== 'skipped' ) ).toEqual( [] );
	} );

	it( 'posts nothing while the shut-off page has content, and everything once it is blank', async () => {
		await client.mwn.save( sitePages( base ).stop, 'Stopped for a test.', 'test' );
		const stopped = await runBot( [ 'notify', '--json', '--db', db, '--base', base ], botEnv(), messageFiles );
		expect( stopped.code ).toBe( 6 );
		expect( stopped.lines.join( '\n' ) ).toContain( 'Stopped for a test.' );
		expect( Object.values( await ledger() ).filter( ( n ) => n.state === 'pending' ) ).toHaveLength( 2 );
		expect( markers( ( await readPages( client, [ R5 ] ) ).get( R5 )?.text ?? '' ) ).toEqual( [] );
		await client.mwn.save( sitePages( base ).stop, '', 'test' );
		const { report } = await round();
		expect( report ).toMatchObject( { sent: 2, edits: 2, digests: 1 } );
		expect( markers( ( await readPages( client, [ R5 ] ) ).get( R5 )?.text ?? '' ) ).toHaveLength( 1 );
	} );

	it( 'watch --notify runs sync, notify and publish each round', async () => {
		const watch = await runBot( [ 'watch', '--interval', '1', '--rounds', '2', '--notify', '--publish', '--json', '--db', db, '--base', base ],
			botEnv(), messageFiles );
		expect( watch.code ).toBe( 0 );
		const order = watch.records.map( ( r ) => String( r.message ) ).filter( ( m ) => /^(Sync|Status updates|Publish)/.test( m ) )
			.map( ( m ) => m.replace( /:.*/, '' ) );
		expect( order ).toEqual( [ 'Sync', 'Status updates', 'Publish', 'Sync', 'Status updates', 'Publish' ] );
	} );
} );
