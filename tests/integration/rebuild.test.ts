/**
 * A store that rebuilds exactly: random sequences of edits by every role (requester, coach, another
 * coach, hub contact, admin, stranger, someone made admin and unmade by the configuration page),
 * role changes, moves, deletions and restorations, applied on the development wiki with incremental
 * syncs at random points; then a full sync into an empty store gives the same store (records,
 * statuses, accepted status history, problems, role timelines). A fixed seed and a few runs here;
 * `npm run bench -- sync` runs more seeds (tests/support/rebuild.ts). And the documented limit: the
 * history of a page deleted since cannot be read by a full sync, so a rebuild judges without the
 * roles that page gave.
 */
import fc from 'fast-check';
import { Logger } from '../../bot/log';
import { Messages } from '../../bot/i18n';
import { Store } from '../../bot/store';
import { runSync } from '../../bot/sync/sync';
import { HUB_SCHEMA, REQUEST_SCHEMA, type CapacityRequest } from '../../modules/core/model';
import { serialize } from '../../modules/core/wikitext/codec';
import { botClient, runBot } from '../support/bot';
import { PEOPLE, People, runScenario, scenarioArbitrary, setSometimesAdmin, sqliteStores } from '../support/rebuild';
import { testWiki, uniqueTitle } from '../support/wiki';

const SEED = 20261207;

describe( 'a full sync into an empty store', () => {
	let people: People;
	const stores = sqliteStores();

	beforeAll( async () => {
		const setup = await runBot( [ 'setup', '--json' ] );
		if ( setup.code !== 0 && setup.code !== 5 ) {
			throw new Error( `setup failed: ${ setup.lines.join( '\n' ) }` );
		}
		people = await People.start( testWiki(), await botClient() );
	} );

	afterAll( async () => {
		await setSometimesAdmin( people, false );
		stores.cleanup();
	} );

	it( 'rebuilds the incrementally kept store, whatever was edited by whom, moved, deleted and restored', async () => {
		await fc.assert( fc.asyncProperty( scenarioArbitrary( 16 ), async ( ops ) => {
			const outcome = await runScenario( people, ops, uniqueTitle( 'CB rebuild' ), stores.dbFor );
			expect( outcome.rebuilt ).toEqual( outcome.incremental );
		} ), { seed: SEED, numRuns: 6, endOnFailure: true } );
	}, 900_000 );

	it( 'cannot see a hub page deleted since: a rebuild judges its contacts\' changes without it (documented limit)', async () => {
		const base = uniqueTitle( 'CB rebuild limit' );
		const request: CapacityRequest = {
			title: 'Triaged by a hub deleted later', requester: PEOPLE.requester, requesterType: 'individual', organisation: '',
			region: 'SSA', hub: '', topics: [ 'outreach' ], formats: [ 'workshop' ], languages: [ 'en' ], lang: '', neededBy: '',
			description: 'A request triaged by the contact of a hub whose page is deleted afterwards.', status: 'open', holdReason: '', coach: [],
			offers: [], created: '2026-11-01T10:00:00Z',
		};
		await people.bot.mwn.save( `${ base }/Hubs/H`, serialize( HUB_SCHEMA, { name: 'Hub H', kind: 'regional', regions: [ 'SSA' ],
			topics: [], languages: [ 'en' ], contacts: [ PEOPLE.contact ], noticeboard: '' } ), 'test' );
		await ( await people.as( 'requester' ) ).save( `${ base }/Requests/R1`, serialize( REQUEST_SCHEMA, request ), 'test' );
		const triaged = await ( await people.as( 'contact' ) ).save( `${ base }/Requests/R1`,
			serialize( REQUEST_SCHEMA, { ...request, hub: 'H', status: 'triaged' } ), 'Triaged' );
		const sync = async ( db: string, full: boolean ): Promise<void> => {
			const store = await Store.open( db );
			try {
				await runSync( { client: people.bot, store, logger: new Logger( { quiet: true, write: () => undefined } ),
					messages: new Messages( 'en' ), base, full } );
			} finally {
				await store.close();
			}
		};
		const incremental = await stores.dbFor( 'limit-incremental' );
		await sync( incremental, false );
		await people.bot.mwn.delete( `${ base }/Hubs/H`, 'test' );
		await sync( incremental, false );
		const rebuilt = await stores.dbFor( 'limit-rebuilt' );
		await sync( rebuilt, true );
		const read = async ( db: string ): Promise<{ status?: string; problems: string[] }> => {
			const store = await Store.open( db );
			try {
				return { status: ( await store.requests() )[ 0 ]?.record.status,
					problems: ( await store.problems() ).map( ( p ) => `${ p.revid } ${ p.message }` ) };
			} finally {
				await store.close();
			}
		};
		// Kept incrementally: the triage was accepted while the hub existed (its page is gone now).
		expect( await read( incremental ) ).toEqual( { status: 'triaged', problems: [] } );
		// Rebuilt: the deleted hub's history cannot be read, so its contact's triage is not accepted.
		expect( await read( rebuilt ) ).toEqual( { status: 'open', problems: [ `${ triaged.newrevid } capacitybuilding-permission-denied-triage` ] } );
	} );
} );
