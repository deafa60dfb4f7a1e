/**
 * "A store that rebuilds exactly", as a property on the real development wiki: a random sequence of
 * edits by people in every role (requester, coach, another coach, hub contact, admin, stranger,
 * someone made admin and unmade by the configuration page), role changes (a hub's contacts edited,
 * a coach profile created), moves, deletions and restorations of request pages, with incremental
 * syncs at random points; then one more incremental sync, and a full sync into an empty store: the
 * two stores must be identical (records, statuses, accepted status history with summaries,
 * problems, role timelines).
 *
 * Used by tests/integration/rebuild.test.ts (a fixed seed, a few runs) and by
 * `npm run bench -- sync` (more seeds, with what the rebuilding full sync cost).
 */
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Mwn } from 'mwn';
import { readPages } from '../../bot/edits';
import { Logger } from '../../bot/log';
import { Messages } from '../../bot/i18n';
import { Store } from '../../bot/store';
import { runSync, type SyncReport } from '../../bot/sync/sync';
import type { WikiClient } from '../../bot/wiki';
import { CONFIG_PAGE, defaultConfigJson } from '../../modules/core/config';
import { COACH_SCHEMA, HUB_SCHEMA, REQUEST_SCHEMA, STATUSES, type CapacityRequest, type CoachProfile, type Hub } from '../../modules/core/model';
import { applyAction, type RequestAction } from '../../modules/core/permissions';
import { parsePage, serialize } from '../../modules/core/wikitext/codec';
import type { DevWiki } from '../../scripts/lib/devwiki';
import { dumpStore } from './store';

/**
 * The people of the scenarios: their own accounts (in the wiki's `bot` group only so that the wiki's
 * edit rate limit for new accounts does not slow the scenarios down; the tools give them no role
 * for it).
 */
export const PEOPLE = {
	requester: 'Alice Rb', coach: 'Carol Rb', otherCoach: 'Dave Rb', contact: 'Hubert Rb', stranger: 'Mallory Rb',
	/** Made admin and unmade by edits of the configuration page during a scenario. */
	sometimesAdmin: 'Oscar Rb',
} as const;
const PASSWORD = 'capacity-test-password-1';

/** Who acts: a person, or the bot (listed among the configuration's bots: an admin). */
export type Actor = keyof typeof PEOPLE | 'admin';
const ACTORS: Actor[] = [ 'requester', 'coach', 'otherCoach', 'contact', 'stranger', 'sometimesAdmin', 'admin' ];

/** Request pages a scenario uses (by number), and the pages of its roles. */
const REQUESTS = [ 1, 2, 3, 4, 5 ];
type RecordPage = { kind: 'request'; number: number } | { kind: 'coach'; who: 'coach' | 'otherCoach' } | { kind: 'hub' };

/** A change of a request: one of the actions the request page offers (core applyAction), or a hand edit. */
type RequestChange = RequestAction[ 'type' ] | 'status' | 'text' | 'decomposed' | 'revert' | 'blank' | 'discuss';
const CHANGES: RequestChange[] = [ 'offer', 'retract-offer', 'accept', 'start', 'complete', 'withdraw', 'hold', 'reopen', 'triage',
	'decline', 'offer', 'accept', 'triage', 'start', 'status', 'text', 'text', 'decomposed', 'revert', 'revert', 'blank', 'discuss' ];

export type Op =
	| { op: 'request'; actor: Actor; number: number; change: RequestChange; status: number }
	| { op: 'coach'; actor: Actor; who: 'coach' | 'otherCoach'; change: 'text' | 'revert' }
	| { op: 'contacts'; actor: Actor; who: Actor; add: boolean }
	| { op: 'config'; admin: boolean }
	| { op: 'move'; from: number; to: number }
	| { op: 'delete'; number: number }
	| { op: 'restore'; number: number }
	| { op: 'sync' };

const actor = fc.constantFrom( ...ACTORS );
/** People who may do something on a request come up more often than a stranger. */
const requestActor = fc.constantFrom<Actor>( ...ACTORS, 'requester', 'requester', 'contact', 'contact', 'admin', 'coach', 'otherCoach' );
const number = fc.constantFrom( ...REQUESTS );

export const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
	{ weight: 12, arbitrary: fc.record( { op: fc.constant( 'request' as const ), actor: requestActor, number,
		change: fc.constantFrom( ...CHANGES ), status: fc.nat( STATUSES.length - 1 ) } ) },
	{ weight: 2, arbitrary: fc.record( { op: fc.constant( 'coach' as const ), actor,
		who: fc.constantFrom( 'coach' as const, 'otherCoach' as const ), change: fc.constantFrom( 'text' as const, 'revert' as const ) } ) },
	{ weight: 2, arbitrary: fc.record( { op: fc.constant( 'contacts' as const ),
		actor: fc.constantFrom<Actor>( 'admin', 'contact', 'stranger', 'sometimesAdmin' ), who: actor, add: fc.boolean() } ) },
	{ weight: 1, arbitrary: fc.record( { op: fc.constant( 'config' as const ), admin: fc.boolean() } ) },
	{ weight: 1, arbitrary: fc.record( { op: fc.constant( 'move' as const ), from: number, to: number } ) },
	{ weight: 1, arbitrary: fc.record( { op: fc.constant( 'delete' as const ), number } ) },
	{ weight: 1, arbitrary: fc.record( { op: fc.constant( 'restore' as const ), number } ) },
	{ weight: 3, arbitrary: fc.constant( { op: 'sync' as const } ) },
);

export const scenarioArbitrary = ( maxOps: number ): fc.Arbitrary<Op[]> => fc.array( opArbitrary,
	{ minLength: Math.ceil( maxOps / 2 ), maxLength: maxOps } );

export interface ScenarioOutcome {
	incremental: unknown;
	rebuilt: unknown;
	/** The rebuilding full sync's report (requests, revisions judged…). */
	rebuild: SyncReport;
	/** Revisions the scenario made. */
	edits: number;
}

function request( overrides: Partial<CapacityRequest> = {} ): CapacityRequest {
	return {
		title: 'Help with a first workshop', requester: PEOPLE.requester, requesterType: 'individual', organisation: '',
		region: 'SSA', hub: '', topics: [ 'outreach' ], formats: [ 'workshop' ], languages: [ 'en' ], lang: '', neededBy: '',
		description: 'We would like to run a first editing workshop in our town.', status: 'open', holdReason: '', coach: [], offers: [],
		created: '2026-11-01T10:00:00Z', ...overrides,
	};
}

function coachProfile( user: string, bio = 'Trainer.' ): CoachProfile {
	return {
		user, topics: [ 'outreach' ], languages: [ 'en' ], regions: [ 'SSA' ], formats: [ 'coaching' ],
		availability: 'available', awayUntil: '', maxRequests: '3', bio, contact: 'talk', hubs: [],
	};
}

/** Sessions of the people (logged in once each) and of the bot. */
export class People {
	private readonly sessions = new Map<Actor, Mwn>();

	public constructor( private readonly wiki: DevWiki, public readonly bot: WikiClient ) {}

	public static async start( wiki: DevWiki, bot: WikiClient ): Promise<People> {
		for ( const name of Object.values( PEOPLE ) ) {
			wiki.ensureUser( name, PASSWORD, [ 'bot' ] );
		}
		return new People( wiki, bot );
	}

	public async as( who: Actor ): Promise<Mwn> {
		if ( who === 'admin' ) {
			return this.bot.mwn;
		}
		let session = this.sessions.get( who );
		if ( !session ) {
			session = await Mwn.init( {
				apiUrl: this.wiki.credentials().api, username: PEOPLE[ who ], password: PASSWORD,
				userAgent: 'CapacityBuilding-tests (rebuild)', silent: true, suppressAPIWarnings: true,
			} );
			this.sessions.set( who, session );
		}
		return session;
	}
}

/** Adds or removes the sometimes-admin in the configuration page's admins. */
export async function setSometimesAdmin( people: People, admin: boolean ): Promise<void> {
	const current = ( await readPages( people.bot, [ CONFIG_PAGE ] ) ).get( CONFIG_PAGE );
	const config = JSON.parse( current?.exists ? current.text : defaultConfigJson() ) as { admins?: string[] };
	const others = ( config.admins ?? [] ).filter( ( name ) => name !== PEOPLE.sometimesAdmin );
	const admins = admin ? [ ...others, PEOPLE.sometimesAdmin ] : others;
	if ( JSON.stringify( admins ) !== JSON.stringify( config.admins ?? [] ) ) {
		await people.bot.mwn.save( CONFIG_PAGE, JSON.stringify( { ...config, admins }, null, '\t' ) + '\n', 'Rebuild test: admins' );
	}
}

/**
 * Runs a scenario under a fresh base and compares the incrementally kept store with a full
 * rebuild into an empty one.
 *
 * @param people Sessions
 * @param ops The scenario
 * @param base A base page no other run uses
 * @param dbFor A --db URL for a new, empty store
 * @param comment Summary prefix for the scenario's edits
 */
export async function runScenario( people: People, ops: readonly Op[], base: string,
	dbFor: ( label: string ) => Promise<string>, comment = 'Rebuild scenario' ): Promise<ScenarioOutcome> {
	const logger = new Logger( { quiet: true, write: () => undefined } );
	const messages = new Messages( 'en' );
	const client = people.bot;
	const title = ( page: RecordPage ): string => page.kind === 'request' ? `${ base }/Requests/R${ page.number }` :
		page.kind === 'hub' ? `${ base }/Hubs/H` : `${ base }/Coaches/${ PEOPLE[ page.who ] }`;
	let edits = 0;
	const save = async ( who: Actor, page: string, text: string, summary: string ): Promise<void> => {
		try {
			await ( await people.as( who ) ).save( page, text, `${ comment }: ${ summary }` );
			edits++;
		} catch {
			// A refused edit (a protected or deleted page, no change…) is part of the scenario.
		}
	};
	const current = async ( page: string ): Promise<{ text: string; exists: boolean; previous: string | null }> => {
		const response = await client.request( { action: 'query', titles: page, prop: 'revisions', rvprop: [ 'content', 'ids' ],
			rvslots: 'main', rvlimit: 2 } );
		const revisions = ( ( response.query?.pages ?? [] )[ 0 ]?.revisions ?? [] ) as { slots: { main: { content: string } } }[];
		return { exists: revisions.length > 0, text: revisions[ 0 ]?.slots.main.content ?? '',
			previous: revisions[ 1 ]?.slots.main.content ?? null };
	};
	const sync = async ( db: string, full: boolean ): Promise<SyncReport> => {
		const store = await Store.open( db );
		try {
			return await runSync( { client, store, logger, messages, base, full } );
		} finally {
			await store.close();
		}
	};

	// The starting point: a hub with its contact, a coach, two requests.
	await save( 'admin', title( { kind: 'hub' } ), serialize( HUB_SCHEMA, {
		name: 'Hub H', kind: 'regional', regions: [ 'SSA' ], topics: [], languages: [ 'en' ], contacts: [ PEOPLE.contact ], noticeboard: '',
	} satisfies Hub ), 'hub' );
	await save( 'coach', title( { kind: 'coach', who: 'coach' } ), serialize( COACH_SCHEMA, coachProfile( PEOPLE.coach ) ), 'profile' );
	for ( const n of [ 1, 2 ] ) {
		await save( 'requester', title( { kind: 'request', number: n } ), serialize( REQUEST_SCHEMA, request( { title: `Request number ${ n }` } ) ), 'new' );
	}
	const incremental = await dbFor( 'incremental' );
	await sync( incremental, false );

	for ( const [ i, op ] of ops.entries() ) {
		const summary = `step ${ i } ${ op.op }`;
		switch ( op.op ) {
			case 'sync':
				await sync( incremental, false );
				break;
			case 'config':
				await setSometimesAdmin( people, op.admin );
				break;
			case 'move':
				if ( op.from !== op.to ) {
					try {
						await client.mwn.move( title( { kind: 'request', number: op.from } ), title( { kind: 'request', number: op.to } ),
							summary, { noredirect: true } );
					} catch {
						// Nothing to move, or the target exists.
					}
				}
				break;
			case 'delete':
				try {
					await client.mwn.delete( title( { kind: 'request', number: op.number } ), summary );
				} catch {
					// Nothing to delete.
				}
				break;
			case 'restore':
				try {
					await client.mwn.undelete( title( { kind: 'request', number: op.number } ), summary );
				} catch {
					// Nothing to restore.
				}
				break;
			case 'contacts': {
				const page = title( { kind: 'hub' } );
				const hub = parsePage( ( await current( page ) ).text, HUB_SCHEMA ).parsed?.record;
				if ( hub ) {
					const name = op.who === 'admin' ? client.mwn.options.username?.replace( /@.*/, '' ) ?? '' : PEOPLE[ op.who ];
					const contacts = hub.contacts.filter( ( c ) => c !== name );
					await save( op.actor, page, serialize( HUB_SCHEMA, { ...hub, contacts: op.add ? [ ...contacts, name ] : contacts } ), summary );
				}
				break;
			}
			case 'coach': {
				const page = title( { kind: 'coach', who: op.who } );
				const now = await current( page );
				if ( op.change === 'revert' && now.previous !== null ) {
					await save( op.actor, page, now.previous, summary );
				} else {
					const profile = parsePage( now.text, COACH_SCHEMA ).parsed?.record ?? coachProfile( PEOPLE[ op.who ] );
					await save( op.actor, page, serialize( COACH_SCHEMA, { ...profile, bio: `${ profile.bio } Step ${ i }.` } ), summary );
				}
				break;
			}
			case 'request': {
				const page = title( { kind: 'request', number: op.number } );
				const now = await current( page );
				const record = parsePage( now.text, REQUEST_SCHEMA ).parsed?.record ?? request( { title: `Request made at step ${ i }` } );
				const me = op.actor === 'admin' ? record.requester : PEOPLE[ op.actor ];
				let text: string;
				switch ( op.change ) {
					case 'revert':
						text = now.previous ?? serialize( REQUEST_SCHEMA, record );
						break;
					case 'blank':
						text = 'This page was blanked.';
						break;
					case 'discuss':
						text = `${ now.text }\n\nA comment at step ${ i }. ~~~~`;
						break;
					case 'decomposed':
						// Typed in decomposed form: MediaWiki saves it in NFC.
						text = serialize( REQUEST_SCHEMA, record ).replace( /\| organisation =[^\n]*/, `| organisation = Cafe\u0301 ${ i }` );
						break;
					default:
						text = serialize( REQUEST_SCHEMA, change( record, op, me, i ) );
				}
				await save( op.actor, page, text, summary );
				break;
			}
		}
	}
	await sync( incremental, false );
	const rebuiltDb = await dbFor( 'rebuilt' );
	const rebuild = await sync( rebuiltDb, true );
	return { incremental: await dumpStore( incremental ), rebuilt: await dumpStore( rebuiltDb ), rebuild, edits };
}

function change( record: CapacityRequest, op: Extract<Op, { op: 'request' }>, me: string, step: number ): CapacityRequest {
	switch ( op.change ) {
		case 'status':
			return { ...record, status: STATUSES[ op.status ] as string };
		case 'text':
			return { ...record, title: `${ record.title.replace( / \(\d+\)$/, '' ) } (${ step })` };
		case 'triage':
			return applyAction( record, { type: 'triage', hub: 'H' }, me );
		case 'accept':
			return applyAction( record, { type: 'accept', coach: record.offers[ 0 ] ?? PEOPLE.coach }, me );
		default:
			return applyAction( record, { type: op.change } as RequestAction, me );
	}
}

/** Stores in a temporary folder (SQLite), one per label, removed by `cleanup`. */
export function sqliteStores(): { dbFor: ( label: string ) => Promise<string>; cleanup: () => void } {
	const dir = fs.mkdtempSync( path.join( os.tmpdir(), 'capacity-rebuild-' ) );
	let n = 0;
	return {
		dbFor: ( label ) => Promise.resolve( `sqlite:${ path.join( dir, `${ label }-${ ++n }.sqlite` ) }` ),
		cleanup: () => fs.rmSync( dir, { recursive: true, force: true } ),
	};
}
