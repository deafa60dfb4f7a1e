/**
 * Applies the numbered migrations a database lacks (Kysely's Migrator keeps the list of applied
 * ones in its own table and takes a lock, so two bots starting at once do not both migrate).
 */
import { Migrator, type Kysely } from 'kysely';
import { MIGRATIONS } from './migrations';

export class MigrationError extends Error {}

export async function migrateToLatest( db: Kysely<unknown> ): Promise<string[]> {
	const migrator = new Migrator( {
		db,
		provider: { getMigrations: () => Promise.resolve( MIGRATIONS ) },
	} );
	const { error, results } = await migrator.migrateToLatest();
	if ( error ) {
		const failed = results?.find( ( r ) => r.status === 'Error' )?.migrationName ?? 'unknown';
		throw new MigrationError( `Migration ${ failed } failed: ${ error instanceof Error ? error.message : String( error ) }` );
	}
	return ( results ?? [] ).filter( ( r ) => r.status === 'Success' ).map( ( r ) => r.migrationName );
}
