/**
 * The notification ledger in the store (migration 3): notices with their state, the snapshots of
 * what was announced, people's Babel languages, and the moment notifications started.
 *
 * States: `pending` (recorded, not tried yet) → `posting` (written just before its edit is made:
 * after a crash the bot checks the wiki for it before posting anything) → `sent` (the wiki has it);
 * or `skipped` (never posted, with the reason: `{{bots}}`/`{{nobots}}`, page gone…; not retried) or
 * `failed` (the wiki refused the edit, with the error; retried up to MAX_ATTEMPTS rounds).
 */
/* eslint-disable camelcase -- column names are SQL's snake_case */
import type { MessageKey, MessageParam } from '../../modules/core/messages';
import type { NoticeKind } from '../../modules/core/notices';
import type { Store } from '../store';
import type { NoticeDraft } from './events';
import type { Channel, NoticeData, Snapshot } from './kinds';

export type NoticeState = 'pending' | 'posting' | 'sent' | 'skipped' | 'failed';

/** Rounds a notice the wiki refused is tried in before it stays failed. */
export const MAX_ATTEMPTS = 3;

/** The sync_state row holding the moment notifications started (events before it are not announced). */
export const SINCE_STATE = 'notify-since';

/** A recorded notice: the draft, and where the ledger has got with it. */
export interface Notice extends NoticeDraft {
	language: string;
	state: NoticeState;
	/** Why it was skipped or failed (a message key and its parameters). */
	detail: { key?: MessageKey; params?: MessageParam[] };
	attempts: number;
	created: string;
	updated: string;
	revid: number;
	digest: string;
}

type Row = {
	notice_key: string; kind: string; request_number: number; channel: string; target: string; recipients: string;
	language: string; state: string; detail: string; attempts: number; event_at: string; created: string;
	updated: string; revid: number; digest: string; data: string;
};

function fromRow( row: Row ): Notice {
	return {
		key: row.notice_key, kind: row.kind as NoticeKind, request: Number( row.request_number ),
		channel: row.channel as Channel,
		target: row.target, recipients: JSON.parse( row.recipients ) as string[], language: row.language,
		state: row.state as NoticeState, detail: JSON.parse( row.detail ) as Notice[ 'detail' ], attempts: Number( row.attempts ),
		eventAt: row.event_at, created: row.created, updated: row.updated, revid: Number( row.revid ),
		digest: row.digest,
		data: JSON.parse( row.data ) as NoticeData & { actor: string },
	};
}

export function isoNow( now = new Date() ): string {
	return now.toISOString().replace( /\.\d{3}Z$/, 'Z' );
}

export class Ledger {
	public constructor( private readonly store: Store ) {}

	private get db(): Store[ 'db' ] {
		return this.store.db;
	}

	public async since(): Promise<string | null> {
		return this.store.state( SINCE_STATE );
	}

	public async snapshots(): Promise<Map<number, Snapshot>> {
		const rows = await this.db.selectFrom( 'notify_snapshots' ).selectAll().execute();
		return new Map( rows.map( ( row ) => [ Number( row.request_number ), {
			requestNumber: Number( row.request_number ), revid: Number( row.revid ), status: row.status, hub: row.hub,
			offers: JSON.parse( row.offers ) as string[], coach: JSON.parse( row.coach ) as string[],
		} ] ) );
	}

	/** Which of these keys the ledger has (in any state). */
	public async known( keys: readonly string[] ): Promise<Set<string>> {
		const found = new Set<string>();
		for ( let i = 0; i < keys.length; i += 500 ) {
			const rows = await this.db.selectFrom( 'notifications' ).select( 'notice_key' )
				.where( 'notice_key', 'in', keys.slice( i, i + 500 ) ).execute();
			for ( const row of rows ) {
				found.add( row.notice_key );
			}
		}
		return found;
	}

	/**
	 * Records new notices as pending and the snapshots of what they announce, together or not at all:
	 * an event is either recorded for posting or still to be found again.
	 *
	 * @param notices New notices
	 * @param snapshots Changed snapshots
	 * @param since The moment notifications start, when this is the first round
	 * @param now
	 */
	public async record( notices: readonly NoticeDraft[], snapshots: readonly Snapshot[], since: string | null,
		now: string ): Promise<void> {
		if ( !notices.length && !snapshots.length && since === null ) {
			return;
		}
		await this.db.transaction().execute( async ( tx ) => {
			if ( since !== null ) {
				await tx.deleteFrom( 'sync_state' ).where( 'name', '=', SINCE_STATE ).execute();
				await tx.insertInto( 'sync_state' ).values( { name: SINCE_STATE, value: since } ).execute();
			}
			for ( const n of notices ) {
				await tx.insertInto( 'notifications' ).values( {
					notice_key: n.key, kind: n.kind, request_number: n.request, channel: n.channel, target: n.target,
					recipients: JSON.stringify( n.recipients ), state: 'pending', detail: '{}', event_at: n.eventAt,
					created: now, updated: now, data: JSON.stringify( n.data ),
				} ).execute();
			}
			for ( const s of snapshots ) {
				await tx.deleteFrom( 'notify_snapshots' ).where( 'request_number', '=', s.requestNumber ).execute();
				await tx.insertInto( 'notify_snapshots' ).values( {
					request_number: s.requestNumber, revid: s.revid, status: s.status, hub: s.hub,
					offers: JSON.stringify( s.offers ), coach: JSON.stringify( s.coach ),
				} ).execute();
			}
		} );
	}

	/** Notices to post or to check: pending, posting, and failed ones with attempts left, oldest first. */
	public async open(): Promise<Notice[]> {
		const rows = await this.db.selectFrom( 'notifications' ).selectAll()
			.where( ( eb ) => eb.or( [ eb( 'state', 'in', [ 'pending', 'posting' ] ),
				eb.and( [ eb( 'state', '=', 'failed' ), eb( 'attempts', '<', MAX_ATTEMPTS ) ] ) ] ) )
			.orderBy( 'created' ).orderBy( 'event_at' ).orderBy( 'notice_key' ).execute();
		return rows.map( fromRow );
	}

	/** Every notice in a state (for `status`), newest first, at most `limit`. */
	public async list( state: NoticeState, limit = 1000 ): Promise<Notice[]> {
		const rows = await this.db.selectFrom( 'notifications' ).selectAll().where( 'state', '=', state )
			.orderBy( 'updated', 'desc' ).orderBy( 'notice_key' ).limit( limit ).execute();
		return rows.map( fromRow );
	}

	public async counts(): Promise<Record<NoticeState, number>> {
		const rows = await this.db.selectFrom( 'notifications' ).select( [ 'state', ( eb ) => eb.fn.countAll().as( 'n' ) ] )
			.groupBy( 'state' ).execute();
		const counts: Record<NoticeState, number> = { pending: 0, posting: 0, sent: 0, skipped: 0, failed: 0 };
		for ( const row of rows ) {
			counts[ row.state as NoticeState ] = Number( row.n );
		}
		return counts;
	}

	/** Marks notices as being posted (before their edit), with the language and digest they go out in. */
	public async posting( keys: readonly string[], language: string, digest: string, now: string ): Promise<void> {
		await this.db.updateTable( 'notifications' ).set( { state: 'posting', language, digest, updated: now } )
			.where( 'notice_key', 'in', [ ...keys ] ).execute();
	}

	public async sent( keys: readonly string[], revid: number, now: string ): Promise<void> {
		await this.db.updateTable( 'notifications' ).set( { state: 'sent', revid, detail: '{}', updated: now } )
			.where( 'notice_key', 'in', [ ...keys ] ).execute();
	}

	/** Back to pending: the check found no trace of a post, so it is made again. */
	public async unposted( keys: readonly string[], now: string ): Promise<void> {
		await this.db.updateTable( 'notifications' ).set( { state: 'pending', digest: '', updated: now } )
			.where( 'notice_key', 'in', [ ...keys ] ).execute();
	}

	public async skipped( keys: readonly string[], key: MessageKey, params: MessageParam[],
		now: string ): Promise<void> {
		await this.db.updateTable( 'notifications' ).set( { state: 'skipped', detail: JSON.stringify( { key, params } ), updated: now } )
			.where( 'notice_key', 'in', [ ...keys ] ).execute();
	}

	public async failed( keys: readonly string[], key: MessageKey, params: MessageParam[],
		now: string ): Promise<void> {
		await this.db.updateTable( 'notifications' )
			.set( ( eb ) => ( { state: 'failed', detail: JSON.stringify( { key, params } ), updated: now,
				attempts: eb( 'attempts', '+', 1 ), digest: '' } ) )
			.where( 'notice_key', 'in', [ ...keys ] ).execute();
	}

	/** People's Babel languages, when read no longer ago than `maxAgeDays`. */
	public async people( users: readonly string[], maxAgeDays: number, now: Date ): Promise<Map<string, string[]>> {
		const found = new Map<string, string[]>();
		const oldest = isoNow( new Date( now.getTime() - maxAgeDays * 86_400_000 ) );
		for ( let i = 0; i < users.length; i += 500 ) {
			const rows = await this.db.selectFrom( 'notify_people' ).selectAll().where( 'user', 'in', users.slice( i, i + 500 ) )
				.where( 'fetched', '>=', oldest ).execute();
			for ( const row of rows ) {
				found.set( row.user, JSON.parse( row.languages ) as string[] );
			}
		}
		return found;
	}

	public async rememberPerson( user: string, languages: readonly string[], now: string ): Promise<void> {
		await this.db.transaction().execute( async ( tx ) => {
			await tx.deleteFrom( 'notify_people' ).where( 'user', '=', user ).execute();
			await tx.insertInto( 'notify_people' ).values( { user, languages: JSON.stringify( languages ), fetched: now } ).execute();
		} );
	}
}
