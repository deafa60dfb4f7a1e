/**
 * The development wiki as the integration and end-to-end tests see it.
 *
 * The tests run on one of the two routes the tools reach a wiki by, chosen with
 * CAPACITY_TEST_ROUTE: `extension` (default; the wiki of `npm run wiki`) or `gadgets` (the wiki
 * of `npm run wiki -- --gadgets`, where the bot's setup and deploy installed the tools as gadgets).
 */
import { DevWiki, type WikiMode } from '../../scripts/lib/devwiki';
import { Mwn, type ApiEditResponse } from 'mwn';

export { DevWiki };

let shared: DevWiki | null = null;

/** The route under test. */
export function testRoute(): WikiMode {
	return process.env.CAPACITY_TEST_ROUTE === 'gadgets' ? 'gadgets' : 'extension';
}

/** The wiki the test run uses (same folder and port as `npm run wiki`, with --gadgets on that route). */
export function testWiki(): DevWiki {
	shared ??= new DevWiki( { mode: testRoute() } );
	return shared;
}

/**
 * ResourceLoader's name, on the route under test, of a part of the tools: `init`, `shared` or a
 * feature (`ext.capacityBuilding.requestForm` or `ext.gadget.capacityBuilding-requestForm`).
 */
export function moduleName( part: string ): string {
	return testRoute() === 'gadgets' ? `ext.gadget.capacityBuilding-${ part }` : `ext.capacityBuilding.${ part }`;
}

/** Whether a ResourceLoader module is one of the tools' on the route under test. */
export function isOurModule( name: string ): boolean {
	return name.startsWith( testRoute() === 'gadgets' ? 'ext.gadget.capacityBuilding-' : 'ext.capacityBuilding.' );
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

/**
 * Saves a page as a person (not the bot, which the wiki does not rate-limit), waiting out the
 * wiki's edit rate limit as a person would: a test that has one account make many edits in a
 * minute meets MediaWiki's limit (`$wgRateLimits`), which is not what it tests.
 *
 * @param session The person's API session
 * @param title Page
 * @param text Its new text
 * @param summary Edit summary
 * @return The API's answer to the edit
 */
export async function saveAsPerson( session: Mwn, title: string, text: string, summary: string ): Promise<ApiEditResponse> {
	for ( let attempt = 1; ; attempt++ ) {
		try {
			return await session.save( title, text, summary );
		} catch ( error ) {
			if ( ( error as { code?: string } ).code !== 'ratelimited' || attempt >= 20 ) {
				throw error;
			}
			await new Promise( ( resolve ) => {
				setTimeout( resolve, 5000 );
			} );
		}
	}
}

/**
 * A test file's API sessions of people (the accounts it made with `password`), logged in once
 * each and reused.
 *
 * @param password The password the file gave its accounts
 * @param label What the file tests, for the user agent the wiki logs
 * @return A function giving a person's session
 */
export function personSessions( password: string, label: string ): ( user: string ) => Promise<Mwn> {
	const sessions = new Map<string, Promise<Mwn>>();
	return ( user ) => {
		let session = sessions.get( user );
		if ( !session ) {
			session = Mwn.init( {
				apiUrl: testWiki().credentials().api, username: user, password,
				userAgent: `CapacityBuilding-tests (${ label })`, silent: true, suppressAPIWarnings: true,
			} );
			sessions.set( user, session );
			// A failed login is not kept: the next call tries again.
			session.catch( () => sessions.delete( user ) );
		}
		return session;
	};
}
