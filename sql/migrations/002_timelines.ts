/**
 * Migration 2: what a sync needs to judge every revision with the roles of its own time, so that an
 * incremental sync and a full sync into an empty store end with the same store.
 *
 * - `config_history`: every revision of the configuration page (admins, bots, status policy).
 * - `hub_history`: every accepted revision of every hub page (its contacts).
 * - `coaches.since`: the coach profile's first accepted revision (who had a profile when).
 * - `status_history.comment`: the accepted revision's edit summary.
 *
 * A store made before this migration has no timelines yet: its cursor is dropped, so the next sync
 * is a full sync that rebuilds them (and everything else) from the wiki.
 */
import { sql, type Kysely } from 'kysely';
import { tableOptions } from '../dialect';

const LONG_TEXT = sql`mediumtext`;

export async function up( db: Kysely<unknown> ): Promise<void> {
	const options = tableOptions( db );
	await db.schema.alterTable( 'status_history' )
		.addColumn( 'comment', sql`text`, ( c ) => c.notNull().defaultTo( '' ) ).execute();
	await db.schema.alterTable( 'coaches' )
		.addColumn( 'since', 'integer', ( c ) => c.notNull().defaultTo( 0 ) ).execute();
	await db.schema.createTable( 'hub_history' )
		.addColumn( 'id', 'integer', ( c ) => c.primaryKey().autoIncrement() )
		.addColumn( 'page', 'varchar(255)', ( c ) => c.notNull() )
		.addColumn( 'hub_key', 'varchar(255)', ( c ) => c.notNull() )
		.addColumn( 'revid', 'integer', ( c ) => c.notNull() )
		.addColumn( 'contacts', LONG_TEXT, ( c ) => c.notNull() )
		.modifyEnd( options ).execute();
	await db.schema.createIndex( 'hub_history_page' ).on( 'hub_history' ).column( 'page' ).execute();
	await db.schema.createTable( 'config_history' )
		.addColumn( 'revid', 'integer', ( c ) => c.primaryKey() )
		.addColumn( 'at', 'varchar(32)', ( c ) => c.notNull() )
		.addColumn( 'text', LONG_TEXT, ( c ) => c.notNull() )
		.modifyEnd( options ).execute();
	await ( db as Kysely<{ sync_state: { name: string } }> ).deleteFrom( 'sync_state' ).where( 'name', '=', 'cursor' ).execute();
}

export async function down( db: Kysely<unknown> ): Promise<void> {
	await db.schema.dropTable( 'config_history' ).execute();
	await db.schema.dropTable( 'hub_history' ).execute();
	await db.schema.alterTable( 'coaches' ).dropColumn( 'since' ).execute();
	await db.schema.alterTable( 'status_history' ).dropColumn( 'comment' ).execute();
}
