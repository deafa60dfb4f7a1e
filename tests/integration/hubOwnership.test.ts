/**
 * Who may create and change a hub (core permissions.ts checkHubChange), enforced by the bot's sync
 * against the development wiki: a contact of an accepted hub creates a hub listing themselves
 * (accepted), or not listing themselves (rejected); a stranger creates a hub listing themselves
 * (rejected) and edits an accepted hub by hand (rejected, listed on the review page, and the
 * published `Hubs.json` keeps the accepted profile). A full sync into an empty store rebuilds exactly
 * the store incremental syncs kept, also when the wiki lists the hub created by a contact before the
 * hub that made them a contact (hubs are judged in creation order).
 */
import { readPages } from '../../bot/edits';
import { Messages } from '../../bot/i18n';
import { Logger } from '../../bot/log';
import { Store } from '../../bot/store';
import { runSync } from '../../bot/sync/sync';
import type { WikiClient } from '../../bot/wiki';
import { HUB_SCHEMA, type Hub } from '../../modules/core/model';
import { sitePages } from '../../modules/core/pages';
import { serialize } from '../../modules/core/wikitext/codec';
import { botClient, runBot, type BotRun } from '../support/bot';
import { dumpStore, sqliteBackend } from '../support/store';
import { personSessions, testWiki, uniqueTitle } from '../support/wiki';

const PASSWORD = 'capacity-test-password-1';
const USERS = { contact: 'Hubert Cb', stranger: 'Mallory Cb' };
const as = personSessions( PASSWORD, 'hub ownership' );

async function save( user: string, title: string, record: Hub ): Promise<number> {
	return ( await ( await as( user ) ).save( title, serialize( HUB_SCHEMA, record ), 'test' ) ).newrevid ?? 0;
}

function hub( name: string, contacts: string[], overrides: Partial<Hub> = {} ): Hub {
	return { name, kind: 'regional', regions: [ 'SSA' ], topics: [], languages: [ 'en' ], contacts, noticeboard: '', ...overrides };
}

const backend = sqliteBackend();
const base = uniqueTitle( 'CB hubs' );
const t = ( rest: string ): string => `${ base }/${ rest }`;
let client: WikiClient;
let db: string;

function bot( store: string, ...args: string[] ): Promise<BotRun> {
	return runBot( [ ...args, '--json', '--db', store, '--base', base ] );
}

async function storedHubs( store: string ): Promise<Map<string, { revid: number; record: Hub }>> {
	const opened = await Store.open( store );
	try {
		return new Map( ( await opened.hubs() ).map( ( h ) => [ h.key, { revid: h.revid, record: h.record } ] ) );
	} finally {
		await opened.close();
	}
}

async function problemsOf( store: string ): Promise<Map<string, string[]>> {
	const opened = await Store.open( store );
	try {
		const found = new Map<string, string[]>();
		for ( const p of await opened.problems() ) {
			found.set( p.page, [ ...found.get( p.page ) ?? [], `${ p.kind } ${ p.message }` ] );
		}
		return found;
	} finally {
		await opened.close();
	}
}

beforeAll( async () => {
	const wiki = testWiki();
	for ( const user of Object.values( USERS ) ) {
		wiki.ensureUser( user, PASSWORD );
	}
	const setup = await runBot( [ 'setup', '--json' ] );
	if ( setup.code !== 0 && setup.code !== 5 ) {
		throw new Error( `setup failed: ${ setup.lines.join( '\n' ) }` );
	}
	await backend.start();
	db = await backend.fresh( 'hubs' );
	client = await botClient();
} );

afterAll( async () => {
	await backend.stop();
} );

describe( 'hub ownership in the bot', () => {
	const zambezi = hub( 'Zambezi hub', [ USERS.contact ] );
	let andes = 0;

	it( 'accepts a hub an admin made for others, and one a contact of it made listing themselves', async () => {
		// The bot is among the configuration's bots (setup): it counts as an admin.
		await client.mwn.save( t( 'Hubs/Zambezi' ), serialize( HUB_SCHEMA, zambezi ), 'test' );
		expect( ( await bot( db, 'sync' ) ).code ).toBe( 0 );
		// Named to come before Zambezi in title order: a full sync must still judge Zambezi first.
		andes = await save( USERS.contact, t( 'Hubs/Andes' ), hub( 'Andes hub', [ USERS.contact ], { regions: [ 'LAC' ] } ) );
		await save( USERS.contact, t( 'Hubs/Elsewhere' ), hub( 'Run by others', [ USERS.stranger ] ) );
		await save( USERS.stranger, t( 'Hubs/Mine' ), hub( 'My own hub', [ USERS.stranger ] ) );
		expect( ( await bot( db, 'sync' ) ).code ).toBe( 5 );
		const hubs = await storedHubs( db );
		expect( [ ...hubs.keys() ].sort() ).toEqual( [ 'Andes', 'Zambezi' ] );
		expect( hubs.get( 'Andes' ) ).toMatchObject( { revid: andes, record: { name: 'Andes hub' } } );
		const problems = await problemsOf( db );
		expect( problems.get( t( 'Hubs/Elsewhere' ) ) ).toEqual( [ 'rejected capacitybuilding-permission-hub-create-not-contact' ] );
		expect( problems.get( t( 'Hubs/Mine' ) ) ).toEqual( [ 'rejected capacitybuilding-permission-hub-create' ] );
	} );

	it( 'rejects a non-contact\'s hand edit of a hub, lists it for review and publishes the accepted profile', async () => {
		await save( USERS.stranger, t( 'Hubs/Zambezi' ), { ...zambezi, name: 'Taken over', contacts: [ USERS.stranger ] } );
		expect( ( await bot( db, 'sync' ) ).code ).toBe( 5 );
		expect( ( await storedHubs( db ) ).get( 'Zambezi' )?.record ).toEqual( zambezi );
		expect( ( await problemsOf( db ) ).get( t( 'Hubs/Zambezi' ) ) ).toEqual( [ 'rejected capacitybuilding-permission-hub-edit' ] );
		expect( ( await bot( db, 'publish' ) ).code ).toBe( 0 );
		const published = sitePages( base );
		const pages = await readPages( client, [ published.review, `${ published.hubsJson }/1` ] );
		expect( pages.get( published.review )?.text ).toContain( t( 'Hubs/Zambezi' ) );
		const part = JSON.parse( pages.get( `${ published.hubsJson }/1` )?.text ?? '{}' ) as { entries: { key: string; hub: Hub }[] };
		expect( part.entries.map( ( e ) => e.key ) ).toEqual( [ 'Andes', 'Zambezi' ] );
		expect( part.entries.find( ( e ) => e.key === 'Zambezi' )?.hub ).toMatchObject( { name: 'Zambezi hub', contacts: [ USERS.contact ] } );
	} );

	it( 'rebuilds the same store with a full sync into an empty one, whatever order the wiki lists the pages in (hubs judged in creation order)', async () => {
		const rebuilt = await backend.fresh( 'hubs-rebuilt' );
		expect( ( await bot( rebuilt, 'sync', '--full' ) ).code ).toBe( 5 );
		expect( await dumpStore( rebuilt ) ).toEqual( await dumpStore( db ) );
		// One page a read request: the pages come in title order (in a batch, the API lists them by page
		// id), so Andes is read before Zambezi, whose contact created it.
		const oneByOne = await backend.fresh( 'hubs-one-by-one' );
		const opened = await Store.open( oneByOne );
		try {
			await runSync( { client, store: opened, logger: new Logger( { quiet: true, write: () => undefined } ), messages: new Messages( 'en' ),
				base, full: true, batchSize: 1 } );
		} finally {
			await opened.close();
		}
		expect( ( await storedHubs( oneByOne ) ).get( 'Andes' )?.revid ).toBe( andes );
		expect( await dumpStore( oneByOne ) ).toEqual( await dumpStore( db ) );
	} );
} );
