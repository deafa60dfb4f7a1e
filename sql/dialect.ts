/**
 * Opening the store from a `--db` URL: `sqlite:<path>` (a file; the default) or
 * `mysql://user:password@host[:port]/database` (MariaDB, e.g. Toolforge ToolsDB; `?socket=<path>`
 * for a Unix socket). One typed query builder (Kysely) over better-sqlite3 and mysql2, so every
 * query is written once.
 *
 * Toolforge closes idle connections, so the MariaDB pool keeps none: a connection lives only while
 * a query or transaction runs (maxIdle 0), and `watch` closes the store between rounds.
 */
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, MysqlAdapter, MysqlDialect, SqliteDialect, sql, type RawBuilder } from 'kysely';
import { createPool } from 'mysql2';
import fs from 'node:fs';
import path from 'node:path';
import type { MessageKey } from '../modules/core/messages';
import type { Database } from './schema';

/** What can be wrong with a --db address: the message that says it, and the same in English. */
const STORE_URL_PROBLEMS = {
	'no-file': [ 'capacitybuilding-bot-error-store-url-no-file', 'no file' ],
	'not-url': [ 'capacitybuilding-bot-error-store-url-not-url', 'not a valid URL' ],
	'no-database': [ 'capacitybuilding-bot-error-store-url-no-database', 'no database' ],
	'unknown-kind': [ 'capacitybuilding-bot-error-store-url-unknown-kind', 'unknown kind of store' ],
} as const satisfies Record<string, readonly [ MessageKey, string ]>;

/**
 * A --db address the store does not understand; `shown` is the address without its password,
 * `reason` the message that says what is wrong (the error's message says it in English).
 */
export class StoreUrlError extends Error {
	public readonly shown: string;

	public readonly reason: MessageKey;

	public constructor( shown: string, problem: keyof typeof STORE_URL_PROBLEMS ) {
		const [ reason, english ] = STORE_URL_PROBLEMS[ problem ];
		super( english );
		this.shown = shown;
		this.reason = reason;
	}
}

function hidePassword( url: string ): string {
	return url.replace( /:\/\/([^:@/]*):[^@/]*@/, '://$1:***@' );
}

export type StoreKind = 'sqlite' | 'mysql';

export interface StoreTarget {
	kind: StoreKind;
	/** The URL with any password replaced, for messages. */
	display: string;
}

/** What a --db URL points at, without opening it. */
export function parseStoreUrl( url: string ): StoreTarget & { file?: string; mysql?: URL } {
	if ( url.startsWith( 'sqlite:' ) ) {
		const file = url.slice( 'sqlite:'.length ).replace( /^\/\/(?=\/)/, '' );
		if ( file === '' ) {
			throw new StoreUrlError( url, 'no-file' );
		}
		return { kind: 'sqlite', display: url, file };
	}
	if ( /^(mysql|mariadb):\/\//.test( url ) ) {
		let parsed: URL;
		try {
			parsed = new URL( url.replace( /^mariadb:/, 'mysql:' ) );
		} catch {
			throw new StoreUrlError( hidePassword( url ), 'not-url' );
		}
		if ( parsed.pathname.length < 2 ) {
			throw new StoreUrlError( hidePassword( url ), 'no-database' );
		}
		const shown = new URL( parsed.href );
		if ( shown.password ) {
			shown.password = '***';
		}
		return { kind: 'mysql', display: shown.href, mysql: parsed };
	}
	throw new StoreUrlError( hidePassword( url ), 'unknown-kind' );
}

export function openDatabase( url: string ): { db: Kysely<Database>; target: StoreTarget } {
	const target = parseStoreUrl( url );
	if ( target.kind === 'sqlite' ) {
		const file = target.file as string;
		if ( file !== ':memory:' ) {
			fs.mkdirSync( path.dirname( path.resolve( file ) ), { recursive: true } );
		}
		const database = new BetterSqlite3( file );
		// WAL lets `status` read while `watch` writes; a busy timeout rides out the overlap.
		database.pragma( 'journal_mode = WAL' );
		database.pragma( 'busy_timeout = 10000' );
		return { db: new Kysely<Database>( { dialect: new SqliteDialect( { database } ) } ), target };
	}
	const parsed = target.mysql as URL;
	const socket = parsed.searchParams.get( 'socket' );
	const pool = createPool( {
		...( socket ? { socketPath: socket } : { host: parsed.hostname,
			port: parsed.port ? Number( parsed.port ) : 3306 } ),
		user: decodeURIComponent( parsed.username ),
		password: decodeURIComponent( parsed.password ),
		database: decodeURIComponent( parsed.pathname.slice( 1 ) ),
		charset: 'utf8mb4_bin',
		connectionLimit: 2,
		maxIdle: 0,
		idleTimeout: 1000,
		supportBigNumbers: true,
	} );
	return { db: new Kysely<Database>( { dialect: new MysqlDialect( { pool } ) } ), target };
}

/** Table options: utf8mb4 with binary collation on MariaDB; nothing on SQLite. */
export function tableOptions( db: Kysely<unknown> ): RawBuilder<unknown> {
	return isMysql( db ) ?
		sql`engine=InnoDB default charset=utf8mb4 collate=utf8mb4_bin` :
		sql``;
}

export function isMysql( db: Kysely<unknown> ): boolean {
	return db.getExecutor().adapter instanceof MysqlAdapter;
}
