/**
 * Running the bot's command line in-process against the development wiki, capturing its output.
 */
import { main } from '../../bot/cli';
import { Logger } from '../../bot/log';
import { WikiClient } from '../../bot/wiki';
import { botEnv, testWiki } from './wiki';

export interface BotRun {
	code: number;
	lines: string[];
	/** The --json log lines, parsed. */
	records: Record<string, unknown>[];
}

export async function runBot( args: string[], env?: NodeJS.ProcessEnv,
	messageFiles?: Record<string, Record<string, string>> ): Promise<BotRun> {
	const lines: string[] = [];
	const code = await main( args, { env: env ?? botEnv(), write: ( line ) => lines.push( line ),
		...( messageFiles ? { messageFiles } : {} ) } );
	const records = lines.flatMap( ( line ) => {
		try {
			return [ JSON.parse( line ) as Record<string, unknown> ];
		} catch {
			return [];
		}
	} );
	return { code, lines, records };
}

/** The bot's own API client, logged in with the development wiki's bot password. */
export async function botClient(): Promise<WikiClient> {
	const { api, bot } = testWiki().credentials();
	return WikiClient.connect( {
		api,
		credentials: { kind: 'botpassword', username: bot.username, password: bot.password },
		userAgent: 'CapacityBuilding-tests/0.1 (integration tests)',
		logger: new Logger( { quiet: true, write: () => undefined } ),
	} );
}

/**
 * Runs the bot's sync, then publish, for a base page with a store of its own (an SQLite file in
 * `dir`, kept between calls so later calls sync incrementally). Exit 5 (done, with problems for a
 * person, such as edits the bot did not accept) is fine.
 *
 * @param base The base page
 * @param store The store's file, e.g. `path.join( dir, 'store.sqlite' )`
 */
export async function syncAndPublish( base: string, store: string ): Promise<void> {
	const options = [ '--json', '--db', `sqlite:${ store }`, '--base', base ];
	for ( const args of [ [ 'sync', ...options ], [ 'publish', ...options ] ] ) {
		const run = await runBot( args );
		if ( run.code !== 0 && run.code !== 5 ) {
			throw new Error( `capacity-bot ${ args[ 0 ] } failed:\n${ run.lines.join( '\n' ) }` );
		}
	}
}
