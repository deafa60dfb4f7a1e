/**
 * Migration 3: the notification ledger of status updates (bot/notify), replacing the unused
 * `notifications` table of migration 1.
 *
 * - `notifications`: one row per notice, identified by its key (the hidden marker its post carries
 *   and its edit summary names): kind, request, channel, target page, recipients, language, state
 *   (`pending`, `posting`, `sent`, `skipped` with a reason, `failed` with an error), attempts, times,
 *   the post's revision, the digest it went out in, and the event's data the texts are made from.
 * - `notify_snapshots`: per request, what was last announced (accepted revision, status, hub,
 *   offers, coach), so that the next round announces exactly what changed since.
 * - `notify_people`: people's Babel languages, read once and kept for a while.
 *
 * Unlike the rest of the store, the ledger cannot be rebuilt from the wiki: it remembers what was
 * posted (the wiki keeps the posts; the ledger keeps which event each post was for).
 */
import { sql, type Kysely } from 'kysely';
import { tableOptions } from '../dialect';

const LONG_TEXT = sql`mediumtext`;

export async function up( db: Kysely<unknown> ): Promise<void> {
	const options = tableOptions( db );
	await db.schema.dropTable( 'notifications' ).execute();
	await db.schema.createTable( 'notifications' )
		.addColumn( 'notice_key', 'varchar(255)', ( c ) => c.primaryKey() )
		.addColumn( 'kind', 'varchar(32)', ( c ) => c.notNull() )
		.addColumn( 'request_number', 'integer', ( c ) => c.notNull() )
		.addColumn( 'channel', 'varchar(16)', ( c ) => c.notNull() )
		.addColumn( 'target', 'varchar(255)', ( c ) => c.notNull() )
		.addColumn( 'recipients', LONG_TEXT, ( c ) => c.notNull() )
		.addColumn( 'language', 'varchar(35)', ( c ) => c.notNull().defaultTo( '' ) )
		.addColumn( 'state', 'varchar(16)', ( c ) => c.notNull() )
		.addColumn( 'detail', LONG_TEXT, ( c ) => c.notNull() )
		.addColumn( 'attempts', 'integer', ( c ) => c.notNull().defaultTo( 0 ) )
		.addColumn( 'event_at', 'varchar(32)', ( c ) => c.notNull() )
		.addColumn( 'created', 'varchar(32)', ( c ) => c.notNull() )
		.addColumn( 'updated', 'varchar(32)', ( c ) => c.notNull() )
		.addColumn( 'revid', 'integer', ( c ) => c.notNull().defaultTo( 0 ) )
		.addColumn( 'digest', 'varchar(255)', ( c ) => c.notNull().defaultTo( '' ) )
		.addColumn( 'data', LONG_TEXT, ( c ) => c.notNull() )
		.modifyEnd( options ).execute();
	await db.schema.createIndex( 'notifications_state' ).on( 'notifications' ).column( 'state' ).execute();
	await db.schema.createTable( 'notify_snapshots' )
		.addColumn( 'request_number', 'integer', ( c ) => c.primaryKey() )
		.addColumn( 'revid', 'integer', ( c ) => c.notNull() )
		.addColumn( 'status', 'varchar(64)', ( c ) => c.notNull() )
		.addColumn( 'hub', 'varchar(255)', ( c ) => c.notNull() )
		.addColumn( 'offers', LONG_TEXT, ( c ) => c.notNull() )
		.addColumn( 'coach', LONG_TEXT, ( c ) => c.notNull() )
		.modifyEnd( options ).execute();
	await db.schema.createTable( 'notify_people' )
		.addColumn( 'user', 'varchar(255)', ( c ) => c.primaryKey() )
		.addColumn( 'languages', LONG_TEXT, ( c ) => c.notNull() )
		.addColumn( 'fetched', 'varchar(32)', ( c ) => c.notNull() )
		.modifyEnd( options ).execute();
}

export async function down( db: Kysely<unknown> ): Promise<void> {
	await db.schema.dropTable( 'notify_people' ).execute();
	await db.schema.dropTable( 'notify_snapshots' ).execute();
	await db.schema.dropTable( 'notifications' ).execute();
	await db.schema.createTable( 'notifications' )
		.addColumn( 'id', 'integer', ( c ) => c.primaryKey().autoIncrement() )
		.addColumn( 'marker', 'varchar(255)', ( c ) => c.notNull().unique() )
		.addColumn( 'request_number', 'integer', ( c ) => c.notNull() )
		.addColumn( 'kind', 'varchar(64)', ( c ) => c.notNull() )
		.addColumn( 'target', 'varchar(255)', ( c ) => c.notNull() )
		.addColumn( 'revid', 'integer', ( c ) => c.notNull() )
		.addColumn( 'state', 'varchar(16)', ( c ) => c.notNull() )
		.addColumn( 'created', 'varchar(32)', ( c ) => c.notNull() )
		.addColumn( 'done', 'varchar(32)', ( c ) => c.notNull() )
		.modifyEnd( tableOptions( db ) ).execute();
}
