/**
 * A store that rebuilds exactly: random sequences of edits by every role (requester, coach, another
 * coach, hub contact, admin, stranger, someone made admin and unmade by the configuration page),
 * role changes, moves, deletions and restorations, applied on the development wiki with incremental
 * syncs at random points; then a full sync into an empty store gives the same store (records,
 * statuses, accepted status history, problems, role timelines). A fixed seed and a few runs here;
 * `npm run bench -- sync` runs more seeds (tests/support/rebuild.ts).
 */
import fc from 'fast-check';
import { botClient, runBot } from '../support/bot';
import { People, runScenario, scenarioArbitrary, setSometimesAdmin, sqliteStores } from '../support/rebuild';
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
} );
