/**
 * Migration 1: the initial tables. On MariaDB every table is utf8mb4 with binary collation, so that
 * titles and usernames compare exactly as MediaWiki compares them (case- and accent-sensitive) and
 * no character is lost.
 */
import { sql, type Kysely } from 'kysely';
import { tableOptions } from '../dialect';

/**
 * Up to 16 MB on MariaDB (TEXT stops at 64 KB; a 20,000-character description in utf8mb4 needs
 * more); TEXT affinity on SQLite.
 */
const LONG_TEXT = sql`mediumtext`;

export async function up( db: Kysely<unknown> ): Promise<void> {
	const options = tableOptions( db );
	await db.schema.createTable( 'requests' )
		.addColumn( 'number', 'integer', ( c ) => c.primaryKey() )
		.addColumn( 'page', 'varchar(255)', ( c ) => c.notNull() )
		.addColumn( 'revid', 'integer', ( c ) => c.notNull() )
		.addColumn( 'updated', 'varchar(32)', ( c ) => c.notNull() )
		.addColumn( 'status', 'varchar(64)', ( c ) => c.notNull() )
		.addColumn( 'record', LONG_TEXT, ( c ) => c.notNull() )
		.addColumn( 'feedback', LONG_TEXT, ( c ) => c.notNull() )
		.modifyEnd( options ).execute();
	await db.schema.createTable( 'coaches' )
		.addColumn( 'user', 'varchar(255)', ( c ) => c.primaryKey() )
		.addColumn( 'page', 'varchar(255)', ( c ) => c.notNull() )
		.addColumn( 'revid', 'integer', ( c ) => c.notNull() )
		.addColumn( 'updated', 'varchar(32)', ( c ) => c.notNull() )
		.addColumn( 'record', LONG_TEXT, ( c ) => c.notNull() )
		.modifyEnd( options ).execute();
	await db.schema.createTable( 'hubs' )
		.addColumn( 'hub_key', 'varchar(255)', ( c ) => c.primaryKey() )
		.addColumn( 'page', 'varchar(255)', ( c ) => c.notNull() )
		.addColumn( 'revid', 'integer', ( c ) => c.notNull() )
		.addColumn( 'updated', 'varchar(32)', ( c ) => c.notNull() )
		.addColumn( 'record', LONG_TEXT, ( c ) => c.notNull() )
		.modifyEnd( options ).execute();
	await db.schema.createTable( 'status_history' )
		.addColumn( 'id', 'integer', ( c ) => c.primaryKey().autoIncrement() )
		.addColumn( 'request_number', 'integer', ( c ) => c.notNull() )
		.addColumn( 'from_status', 'varchar(64)', ( c ) => c.notNull() )
		.addColumn( 'to_status', 'varchar(64)', ( c ) => c.notNull() )
		.addColumn( 'user', 'varchar(255)', ( c ) => c.notNull() )
		.addColumn( 'at', 'varchar(32)', ( c ) => c.notNull() )
		.addColumn( 'revid', 'integer', ( c ) => c.notNull() )
		.addUniqueConstraint( 'status_history_revision', [ 'request_number', 'revid' ] )
		.modifyEnd( options ).execute();
	await db.schema.createTable( 'problems' )
		.addColumn( 'id', 'integer', ( c ) => c.primaryKey().autoIncrement() )
		.addColumn( 'page', 'varchar(255)', ( c ) => c.notNull() )
		.addColumn( 'revid', 'integer', ( c ) => c.notNull() )
		.addColumn( 'kind', 'varchar(32)', ( c ) => c.notNull() )
		.addColumn( 'message', 'varchar(255)', ( c ) => c.notNull() )
		.addColumn( 'params', LONG_TEXT, ( c ) => c.notNull() )
		.addColumn( 'field', 'varchar(64)', ( c ) => c.notNull() )
		.addColumn( 'user', 'varchar(255)', ( c ) => c.notNull() )
		.modifyEnd( options ).execute();
	await db.schema.createIndex( 'problems_page' ).on( 'problems' ).column( 'page' ).execute();
	await db.schema.createTable( 'sync_state' )
		.addColumn( 'name', 'varchar(64)', ( c ) => c.primaryKey() )
		.addColumn( 'value', LONG_TEXT, ( c ) => c.notNull() )
		.modifyEnd( options ).execute();
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
		.modifyEnd( options ).execute();
}

export async function down( db: Kysely<unknown> ): Promise<void> {
	for ( const table of [ 'notifications', 'sync_state', 'problems', 'status_history', 'hubs', 'coaches', 'requests' ] ) {
		await db.schema.dropTable( table ).execute();
	}
}
