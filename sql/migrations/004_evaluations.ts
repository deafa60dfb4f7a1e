/**
 * Migration 4: the accepted independent evaluation entries (`{{Capacity evaluation}}`), one row per
 * evaluation page `<base>/Evaluation/<quarter>`: the quarter, the accepted revision, and the page's
 * accepted entries as JSON.
 *
 * A store made before this migration has never judged evaluation pages: its cursor is dropped, so
 * the next sync is a full sync that reads them (and rebuilds everything else) from the wiki.
 */
import { sql, type Kysely } from 'kysely';
import { tableOptions } from '../dialect';

const LONG_TEXT = sql`mediumtext`;

export async function up( db: Kysely<unknown> ): Promise<void> {
	await db.schema.createTable( 'evaluations' )
		.addColumn( 'page', 'varchar(255)', ( c ) => c.primaryKey() )
		.addColumn( 'period', 'varchar(16)', ( c ) => c.notNull() )
		.addColumn( 'revid', 'integer', ( c ) => c.notNull() )
		.addColumn( 'updated', 'varchar(32)', ( c ) => c.notNull() )
		.addColumn( 'entries', LONG_TEXT, ( c ) => c.notNull() )
		.modifyEnd( tableOptions( db ) ).execute();
	await ( db as Kysely<{ sync_state: { name: string } }> ).deleteFrom( 'sync_state' ).where( 'name', '=', 'cursor' ).execute();
}

export async function down( db: Kysely<unknown> ): Promise<void> {
	await db.schema.dropTable( 'evaluations' ).execute();
}
