/**
 * What `npm start` puts on the development wiki so that every feature can be seen at work: the
 * bot's `setup` (templates, topics, configuration, base pages). Idempotent.
 */
import { main as bot } from '../../bot/cli';
import type { DevWiki } from './devwiki';
import { SetupError } from './system';

/** Environment giving the bot the development wiki and its bot password. */
export function devBotEnv( wiki: DevWiki ): NodeJS.ProcessEnv {
	const { api, bot: account } = wiki.credentials();
	return {
		...process.env,
		CAPACITY_BOT_API: api,
		CAPACITY_BOT_USERNAME: account.username,
		CAPACITY_BOT_PASSWORD: account.password,
		CAPACITY_BOT_CONTACT: 'CapacityBuilding development wiki',
	};
}

/** Pages worth opening after `npm start`. */
export const SAMPLE_PAGES = [ 'Capacity building', 'Capacity building/Request support', 'Capacity building/Coaches' ];

export async function seedSamples( wiki: DevWiki ): Promise<void> {
	const code = await bot( [ 'setup' ], { env: devBotEnv( wiki ) } );
	// 5: done, but a page a person edited was left alone; that is fine on a development wiki.
	if ( code !== 0 && code !== 5 ) {
		throw new SetupError( `capacity-bot setup failed with exit code ${ code }` );
	}
}
