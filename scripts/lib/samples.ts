/**
 * What `npm start` puts on the development wiki so that every feature can be seen at work: the
 * bot's `setup` (templates, topics, configuration, base pages), a few hubs, coach profiles and
 * requests in different states, then the bot's `sync` and `publish`, so that the indexes the tools
 * read exist. Idempotent: sample pages are only created when missing, and a second sync and
 * publish change nothing.
 */
import path from 'node:path';
import { main as bot } from '../../bot/cli';
import { DEFAULT_BASE_PAGE } from '../../modules/core/constants';
import {
	COACH_SCHEMA, HUB_SCHEMA, REQUEST_SCHEMA, type CapacityRequest, type CoachProfile, type Hub,
} from '../../modules/core/model';
import { coachTitle, hubTitle, requestTitle } from '../../modules/core/pages';
import { serialize } from '../../modules/core/wikitext/codec';
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

/** The bot's store on the development wiki. */
export function devBotStore( wiki: DevWiki ): string {
	return `sqlite:${ path.join( wiki.stateDir, 'capacity-bot.sqlite' ) }`;
}

/** Pages worth opening after `npm start`. */
export const SAMPLE_PAGES = [
	'Capacity building', 'Capacity building/Request support', 'Capacity building/Coaches', 'Capacity building/Hubs',
	'Capacity building/Hubs/Africa hub',
	'Capacity building/Requests/Index', 'Capacity building/Coaches/Index', 'Capacity building/Statistics', 'Capacity building/Review',
	'Capacity building/Evaluation', 'Capacity building/Learning',
];

const ADMIN = 'Admin';

const HUBS: Record<string, Hub> = {
	'Africa hub': {
		name: 'Africa hub', kind: 'regional', regions: [ 'SSA', 'MENA' ], topics: [], languages: [ 'en', 'fr', 'ar', 'sw' ],
		contacts: [ ADMIN ], noticeboard: '',
	},
	'Learning hub': {
		name: 'Learning hub', kind: 'thematic', regions: [], topics: [ 'learning', 'training-of-trainers' ], languages: [ 'en', 'es' ],
		contacts: [ ADMIN ], noticeboard: '',
	},
};

const COACHES: CoachProfile[] = [ {
	user: ADMIN, topics: [ 'grant-writing', 'governance' ], languages: [ 'en', 'fr' ], regions: [ 'SSA', 'NWE' ],
	formats: [ 'coaching', 'mentoring' ], availability: 'available', awayUntil: '', maxRequests: '3',
	bio: 'Helps affiliates with their first grant proposals.', contact: 'talk', hubs: [ 'Africa hub' ],
} ];

function request( overrides: Partial<CapacityRequest> ): CapacityRequest {
	return {
		title: '', requester: ADMIN, requesterType: 'group', organisation: 'Wikimedians of Example', region: 'SSA', hub: '',
		topics: [ 'grant-writing' ], formats: [ 'workshop' ], languages: [ 'en' ], lang: '', neededBy: '',
		description: 'We are a new user group and would like help to write our first grant proposal.',
		status: 'open', holdReason: '', coach: [], offers: [], created: '2026-11-02T09:00:00Z', ...overrides,
	};
}

const REQUESTS: CapacityRequest[] = [
	request( { title: 'First grant proposal for a new user group' } ),
	request( { title: 'Training of trainers in Spanish', region: 'LAC', hub: 'Learning hub', status: 'triaged',
		topics: [ 'training-of-trainers' ], languages: [ 'es' ], formats: [ 'workshop', 'peer-exchange' ], created: '2026-10-20T12:00:00Z' } ),
	request( { title: 'Governance mentoring for a board', hub: 'Africa hub', status: 'matched', coach: [ ADMIN ], offers: [ ADMIN ],
		topics: [ 'governance' ], formats: [ 'mentoring' ], created: '2026-09-15T08:30:00Z' } ),
];

async function createMissing( wiki: DevWiki, pages: { title: string; text: string }[] ): Promise<void> {
	const { Mwn } = await import( 'mwn' );
	const { api, bot: account } = wiki.credentials();
	const client = await Mwn.init( {
		apiUrl: api, username: account.username, password: account.password,
		userAgent: 'CapacityBuilding-samples (npm start)', silent: true, suppressAPIWarnings: true,
	} );
	for ( const page of pages ) {
		try {
			await client.create( page.title, page.text, 'Sample page for the development wiki' );
		} catch ( error ) {
			if ( ( error as { code?: string } ).code !== 'articleexists' ) {
				throw error;
			}
		}
	}
}

async function runBot( wiki: DevWiki, args: string[] ): Promise<void> {
	const code = await bot( [ ...args, '--db', devBotStore( wiki ) ], { env: devBotEnv( wiki ) } );
	// 5: done, with something for a person to look at (a page a person edited, a problem on the
	// review page); that is fine on a development wiki.
	if ( code !== 0 && code !== 5 ) {
		throw new SetupError( `capacity-bot ${ args.join( ' ' ) } failed with exit code ${ code }` );
	}
}

/**
 * The bot's setup: templates, topics, configuration, base pages (what the tests build on). On a
 * wiki in gadget mode also the bot's deploy with the definitions: the gadget pages, translations,
 * message pages and the block of MediaWiki:Gadgets-definition, from the committed dist/gadgets/.
 */
export async function seedSamples( wiki: DevWiki ): Promise<void> {
	await runBot( wiki, [ 'setup' ] );
	if ( wiki.mode === 'gadgets' ) {
		await runBot( wiki, [ 'deploy', '--definitions' ] );
	}
}

/**
 * For `npm start`: setup, then sample hubs, coaches and requests, then sync and publish, so that
 * Requests.json, Coaches.json and the lists exist under the default base page.
 */
export async function seedSampleRecords( wiki: DevWiki ): Promise<void> {
	await seedSamples( wiki );
	await createMissing( wiki, [
		...Object.entries( HUBS ).map( ( [ key, hub ] ) => ( {
			title: hubTitle( DEFAULT_BASE_PAGE, key ), text: serialize( HUB_SCHEMA, hub ),
		} ) ),
		...COACHES.map( ( c ) => ( {
			title: coachTitle( DEFAULT_BASE_PAGE, c.user ), text: serialize( COACH_SCHEMA, c ),
		} ) ),
		...REQUESTS.map( ( r, i ) => ( {
			title: requestTitle( DEFAULT_BASE_PAGE, i + 1 ), text: serialize( REQUEST_SCHEMA, r ),
		} ) ),
	] );
	await runBot( wiki, [ 'sync' ] );
	await runBot( wiki, [ 'publish' ] );
}
