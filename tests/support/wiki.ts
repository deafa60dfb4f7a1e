/**
 * The development wiki as the integration and end-to-end tests see it.
 */
import { DevWiki } from '../../scripts/lib/devwiki';

export { DevWiki };

let shared: DevWiki | null = null;

/** The wiki the test run uses (same folder and port as `npm run wiki`). */
export function testWiki(): DevWiki {
	shared ??= new DevWiki();
	return shared;
}

/** A page title no other test run has used, so tests may run in parallel and be rerun. */
export function uniqueTitle( prefix: string ): string {
	return `${ prefix } ${ Date.now().toString( 36 ) }${ Math.random().toString( 36 ).slice( 2, 8 ) }`;
}

/** Environment that gives the bot the development wiki's bot password. */
export function botEnv( wiki: DevWiki = testWiki() ): NodeJS.ProcessEnv {
	const { api, bot } = wiki.credentials();
	return {
		CAPACITY_BOT_API: api,
		CAPACITY_BOT_USERNAME: bot.username,
		CAPACITY_BOT_PASSWORD: bot.password,
		CAPACITY_BOT_CONTACT: 'CapacityBuilding tests',
	};
}
