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
