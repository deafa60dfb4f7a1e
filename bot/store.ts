/**
 * The bot's store (schema and migrations in sql/): what the last sync found, as the publisher and
 * `status` read it, and one transaction per sync to write it, so a killed sync leaves the store as
 * it was before (and its cursor with it): the rerun starts from the same place.
 */
/* eslint-disable camelcase -- column names are SQL's snake_case */
import type { Kysely, Transaction } from 'kysely';
import type { CapacityRequest, CoachProfile, Evaluation, Feedback, Hub } from '../modules/core/model';
import { openDatabase, type StoreTarget } from '../sql/dialect';
import { migrateToLatest } from '../sql/migrate';
import type { Database } from '../sql/schema';

export interface Revisioned {
	page: string;
	revid: number;
	/** Timestamp of that revision. */
	updated: string;
}

export interface StoredRequest extends Revisioned {
	number: number;
	record: CapacityRequest;
	feedback: Feedback[];
}

export interface StoredCoach extends Revisioned {
	user: string;
	record: CoachProfile;
	/** The profile's first accepted revision: the user has had a coach profile since then. */
	since?: number;
}

export interface StoredHub extends Revisioned {
	key: string;
	record: Hub;
}

/** An evaluation page's accepted entries. */
export interface StoredEvaluation extends Revisioned {
	/** The page's quarter, like `2026-Q4`. */
	period: string;
	entries: Evaluation[];
}

export type ProblemKind = 'invalid' | 'malformed' | 'rejected' | 'misnamed';

export interface StoredProblem {
	page: string;
	revid: number;
	kind: ProblemKind;
	message: string;
	params: ( string | number )[];
	field: string;
	user: string;
}

export interface StatusChange {
	requestNumber: number;
	from: string;
	to: string;
	user: string;
	at: string;
	revid: number;
	/** The accepted revision's edit summary ('' when hidden or empty; always set when read from the store). */
	comment?: string;
}

/** A hub's contacts from an accepted revision of its page on. */
export interface HubTimelineEntry {
	page: string;
	key: string;
	revid: number;
	contacts: string[];
}

/** A revision of the configuration page. */
export interface ConfigRevision {
	revid: number;
	at: string;
	/** Its JSON text. */
	text: string;
}

/** The recent-changes position up to which everything is stored. */
export interface Cursor {
	timestamp: string;
	rcid: number;
	/** The newest move log entry seen (absent in cursors stored before moves were read from the log). */
	logid?: number;
}

/** What syncing one page decided. */
export type PageUpdate =
	| { page: string; action: 'keep'; problems: StoredProblem[] }
	| { page: string; action: 'remove'; problems: StoredProblem[] }
	| { page: string; action: 'request'; value: StoredRequest; problems: StoredProblem[] }
	| { page: string; action: 'coach'; value: StoredCoach; problems: StoredProblem[] }
	| { page: string; action: 'hub'; value: StoredHub; problems: StoredProblem[] }
	| { page: string; action: 'evaluation'; value: StoredEvaluation; problems: StoredProblem[] };

export interface SyncResult {
	updates: PageUpdate[];
	/** Accepted status changes to add (a change already stored, same request and revision, is kept once). */
	statusChanges: StatusChange[];
	/** Requests whose status history is replaced by `statusChanges` (judged from their first revision). */
	historyReplaced?: number[];
	/** Hub timeline: pages whose entries are replaced (judged from their first revision), and entries to add. */
	hubTimeline?: { replacePages: string[]; add: HubTimelineEntry[] };
	/** Configuration page revisions to add; `replace` (a full sync) forgets the others. */
	configHistory?: { replace: boolean; add: ConfigRevision[] };
	cursor: Cursor;
	/** The configuration page's JSON text as synced (the permissions were judged with it). */
	config: string;
	/** A full sync also forgets every page it did not see. */
	full: boolean;
	/** Wall-clock time of the sync, shown by `status` (never published). */
	finished: string;
}

export const STATE = {
	cursor: 'cursor',
	config: 'config',
	lastSync: 'last-sync',
	lastFullSync: 'last-full-sync',
} as const;

type Tx = Kysely<Database> | Transaction<Database>;

async function deleteRecordOf( tx: Tx, page: string ): Promise<void> {
	await tx.deleteFrom( 'requests' ).where( 'page', '=', page ).execute();
	await tx.deleteFrom( 'coaches' ).where( 'page', '=', page ).execute();
	await tx.deleteFrom( 'hubs' ).where( 'page', '=', page ).execute();
	await tx.deleteFrom( 'evaluations' ).where( 'page', '=', page ).execute();
}

async function setState( tx: Tx, name: string, value: string ): Promise<void> {
	await tx.deleteFrom( 'sync_state' ).where( 'name', '=', name ).execute();
	await tx.insertInto( 'sync_state' ).values( { name, value } ).execute();
}

export class Store {
	public readonly db: Kysely<Database>;

	public readonly target: StoreTarget;

	private constructor( db: Kysely<Database>, target: StoreTarget ) {
		this.db = db;
		this.target = target;
	}

	/** Opens the store and applies the migrations it lacks. */
	public static async open( url: string ): Promise<Store> {
		const { db, target } = openDatabase( url );
		try {
			await migrateToLatest( db as unknown as Kysely<unknown> );
		} catch ( error ) {
			await db.destroy();
			throw error;
		}
		return new Store( db, target );
	}

	public async close(): Promise<void> {
		await this.db.destroy();
	}

	public async requests(): Promise<StoredRequest[]> {
		const rows = await this.db.selectFrom( 'requests' ).selectAll().orderBy( 'number' ).execute();
		return rows.map( ( row ) => ( {
			number: Number( row.number ), page: row.page, revid: Number( row.revid ), updated: row.updated,
			record: JSON.parse( row.record ) as CapacityRequest, feedback: JSON.parse( row.feedback ) as Feedback[],
		} ) );
	}

	public async coaches(): Promise<StoredCoach[]> {
		const rows = await this.db.selectFrom( 'coaches' ).selectAll().orderBy( 'user' ).execute();
		return rows.map( ( row ) => ( {
			user: row.user, page: row.page, revid: Number( row.revid ), updated: row.updated,
			record: JSON.parse( row.record ) as CoachProfile, since: Number( row.since ),
		} ) );
	}

	public async hubs(): Promise<StoredHub[]> {
		const rows = await this.db.selectFrom( 'hubs' ).selectAll().orderBy( 'hub_key' ).execute();
		return rows.map( ( row ) => ( {
			key: row.hub_key, page: row.page, revid: Number( row.revid ), updated: row.updated,
			record: JSON.parse( row.record ) as Hub,
		} ) );
	}

	/** The accepted evaluation entries, page by page (oldest quarter first). */
	public async evaluations(): Promise<StoredEvaluation[]> {
		const rows = await this.db.selectFrom( 'evaluations' ).selectAll().orderBy( 'period' ).orderBy( 'page' ).execute();
		return rows.map( ( row ) => ( {
			page: row.page, period: row.period, revid: Number( row.revid ), updated: row.updated,
			entries: JSON.parse( row.entries ) as Evaluation[],
		} ) );
	}

	/** Problems, in a stable order (page, then revision, then as found). */
	public async problems(): Promise<StoredProblem[]> {
		const rows = await this.db.selectFrom( 'problems' ).selectAll().orderBy( 'page' ).orderBy( 'revid' ).orderBy( 'id' ).execute();
		return rows.map( ( row ) => ( {
			page: row.page, revid: Number( row.revid ), kind: row.kind as ProblemKind, message: row.message,
			params: JSON.parse( row.params ) as ( string | number )[], field: row.field, user: row.user,
		} ) );
	}

	public async statusHistory(): Promise<StatusChange[]> {
		const rows = await this.db.selectFrom( 'status_history' ).selectAll()
			.orderBy( 'request_number' ).orderBy( 'revid' ).execute();
		return rows.map( ( row ) => ( {
			requestNumber: Number( row.request_number ), from: row.from_status, to: row.to_status,
			user: row.user, at: row.at, revid: Number( row.revid ), comment: row.comment,
		} ) );
	}

	/** Every hub's accepted revisions, oldest first. */
	public async hubTimeline(): Promise<HubTimelineEntry[]> {
		const rows = await this.db.selectFrom( 'hub_history' ).selectAll().orderBy( 'revid' ).orderBy( 'id' ).execute();
		return rows.map( ( row ) => ( {
			page: row.page, key: row.hub_key, revid: Number( row.revid ),
			contacts: JSON.parse( row.contacts ) as string[],
		} ) );
	}

	/** The configuration page's revisions, oldest first. */
	public async configHistory(): Promise<ConfigRevision[]> {
		const rows = await this.db.selectFrom( 'config_history' ).selectAll().orderBy( 'revid' ).execute();
		return rows.map( ( row ) => ( { revid: Number( row.revid ), at: row.at, text: row.text } ) );
	}

	public async state( name: string ): Promise<string | null> {
		const row = await this.db.selectFrom( 'sync_state' ).select( 'value' ).where( 'name', '=', name ).executeTakeFirst();
		return row?.value ?? null;
	}

	public async cursor(): Promise<Cursor | null> {
		const value = await this.state( STATE.cursor );
		return value === null ? null : JSON.parse( value ) as Cursor;
	}

	/** Stores a sync's findings and its cursor together, or nothing at all. */
	public async apply( result: SyncResult ): Promise<void> {
		await this.db.transaction().execute( async ( tx ) => {
			if ( result.full ) {
				const seen = new Set( result.updates.map( ( u ) => u.page ) );
				for ( const table of [ 'requests', 'coaches', 'hubs', 'evaluations', 'problems', 'hub_history' ] as const ) {
					const pages = await tx.selectFrom( table ).select( 'page' ).execute();
					const gone = [ ...new Set( pages.map( ( p ) => p.page ) ) ].filter( ( page ) => !seen.has( page ) );
					for ( let i = 0; i < gone.length; i += 500 ) {
						await tx.deleteFrom( table ).where( 'page', 'in', gone.slice( i, i + 500 ) ).execute();
					}
				}
			}
			for ( const update of result.updates ) {
				if ( update.action === 'remove' ) {
					// A page without a record has no status history and no place in the hub timeline.
					const request = await tx.selectFrom( 'requests' ).select( 'number' ).where( 'page', '=', update.page ).executeTakeFirst();
					if ( request ) {
						await tx.deleteFrom( 'status_history' ).where( 'request_number', '=', request.number ).execute();
					}
					await tx.deleteFrom( 'hub_history' ).where( 'page', '=', update.page ).execute();
				}
				if ( update.action !== 'keep' ) {
					await deleteRecordOf( tx, update.page );
				}
				switch ( update.action ) {
					case 'request': {
						const v = update.value;
						// A request moved to another number leaves its old number behind.
						await tx.deleteFrom( 'requests' ).where( 'number', '=', v.number ).execute();
						await tx.insertInto( 'requests' ).values( {
							number: v.number, page: v.page, revid: v.revid, updated: v.updated, status: v.record.status,
							record: JSON.stringify( v.record ), feedback: JSON.stringify( v.feedback ),
						} ).execute();
						break;
					}
					case 'coach': {
						const v = update.value;
						await tx.deleteFrom( 'coaches' ).where( 'user', '=', v.user ).execute();
						await tx.insertInto( 'coaches' ).values( {
							user: v.user, page: v.page, revid: v.revid, updated: v.updated,
							record: JSON.stringify( v.record ), since: v.since ?? v.revid,
						} ).execute();
						break;
					}
					case 'hub': {
						const v = update.value;
						await tx.deleteFrom( 'hubs' ).where( 'hub_key', '=', v.key ).execute();
						await tx.insertInto( 'hubs' ).values( {
							hub_key: v.key, page: v.page, revid: v.revid, updated: v.updated,
							record: JSON.stringify( v.record ),
						} ).execute();
						break;
					}
					case 'evaluation': {
						const v = update.value;
						await tx.insertInto( 'evaluations' ).values( {
							page: v.page, period: v.period, revid: v.revid, updated: v.updated,
							entries: JSON.stringify( v.entries ),
						} ).execute();
						break;
					}
					default:
				}
				await tx.deleteFrom( 'problems' ).where( 'page', '=', update.page ).execute();
				for ( const p of update.problems ) {
					await tx.insertInto( 'problems' ).values( {
						page: p.page, revid: p.revid, kind: p.kind, message: p.message,
						params: JSON.stringify( p.params ), field: p.field, user: p.user,
					} ).execute();
				}
			}
			const replaced = result.historyReplaced ?? [];
			for ( let i = 0; i < replaced.length; i += 500 ) {
				await tx.deleteFrom( 'status_history' ).where( 'request_number', 'in', replaced.slice( i, i + 500 ) ).execute();
			}
			for ( const change of result.statusChanges ) {
				// The same revision seen again (a rerun after a kill) is not a second change.
				const known = await tx.selectFrom( 'status_history' ).select( 'id' )
					.where( 'request_number', '=', change.requestNumber ).where( 'revid', '=', change.revid ).executeTakeFirst();
				if ( !known ) {
					await tx.insertInto( 'status_history' ).values( {
						request_number: change.requestNumber, from_status: change.from, to_status: change.to,
						user: change.user, at: change.at, revid: change.revid, comment: change.comment ?? '',
					} ).execute();
				}
			}
			if ( result.full ) {
				// Requests a full sync did not see have no history.
				await tx.deleteFrom( 'status_history' )
					.where( ( eb ) => eb.not( eb.exists( eb.selectFrom( 'requests' ).select( 'number' )
						.whereRef( 'requests.number', '=', 'status_history.request_number' ) ) ) ).execute();
			}
			const timeline = result.hubTimeline;
			if ( timeline ) {
				for ( let i = 0; i < timeline.replacePages.length; i += 500 ) {
					await tx.deleteFrom( 'hub_history' ).where( 'page', 'in', timeline.replacePages.slice( i, i + 500 ) ).execute();
				}
				for ( const entry of timeline.add ) {
					const known = await tx.selectFrom( 'hub_history' ).select( 'id' )
						.where( 'page', '=', entry.page ).where( 'revid', '=', entry.revid ).executeTakeFirst();
					if ( !known ) {
						await tx.insertInto( 'hub_history' ).values( {
							page: entry.page, hub_key: entry.key, revid: entry.revid,
							contacts: JSON.stringify( entry.contacts ),
						} ).execute();
					}
				}
			}
			const config = result.configHistory;
			if ( config?.replace ) {
				await tx.deleteFrom( 'config_history' ).execute();
			}
			for ( const revision of config?.add ?? [] ) {
				await tx.deleteFrom( 'config_history' ).where( 'revid', '=', revision.revid ).execute();
				await tx.insertInto( 'config_history' ).values( revision ).execute();
			}
			await setState( tx, STATE.cursor, JSON.stringify( result.cursor ) );
			await setState( tx, STATE.config, result.config );
			await setState( tx, STATE.lastSync, result.finished );
			if ( result.full ) {
				await setState( tx, STATE.lastFullSync, result.finished );
			}
		} );
	}

	/** Row counts, for `status`. */
	public async counts(): Promise<Record<string, number>> {
		const counts: Record<string, number> = {};
		const tables = { requests: 'requests', coaches: 'coaches', hubs: 'hubs', problems: 'problems', statusHistory: 'status_history', notifications: 'notifications' } as const;
		for ( const [ name, table ] of Object.entries( tables ) ) {
			const row = await this.db.selectFrom( table ).select( ( eb ) => eb.fn.countAll().as( 'n' ) ).executeTakeFirst();
			counts[ name ] = Number( row?.n ?? 0 );
		}
		return counts;
	}
}
