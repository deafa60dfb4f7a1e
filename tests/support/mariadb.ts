/**
 * A throw-away MariaDB server for the store tests: Debian's mariadb-server (installed by
 * `npm test`'s system packages stage), started on a Unix socket in a temporary folder with no
 * network port, and stopped (and its folder removed) afterwards.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createConnection } from 'mysql2/promise';

const BINARIES = [ '/usr/sbin/mariadbd', '/usr/bin/mariadb-install-db' ];

export class MariaDbServer {
	/** The server's folder (data, socket, log), made by start(). */
	public dir = '';

	private process: ChildProcess | null = null;

	public get socket(): string {
		return path.join( this.dir, 'mysqld.sock' );
	}

	/** A --db URL for a fresh database on this server. */
	public url( database: string ): string {
		return `mysql://root@localhost/${ database }?socket=${ encodeURIComponent( this.socket ) }`;
	}

	public async start(): Promise<void> {
		const absent = BINARIES.filter( ( file ) => !fs.existsSync( file ) );
		if ( absent.length ) {
			throw new Error( `MariaDB is not installed (${ absent.join( ', ' ) } missing): run npm test, which installs mariadb-server when root, or apt-get install mariadb-server` );
		}
		this.dir = fs.mkdtempSync( path.join( os.tmpdir(), 'capacity-mariadb-' ) );
		const user = typeof process.getuid === 'function' && process.getuid() === 0 ? [ '--user=root' ] : [];
		const install = spawnSync( '/usr/bin/mariadb-install-db', [
			'--no-defaults', `--datadir=${ path.join( this.dir, 'data' ) }`, '--auth-root-authentication-method=normal',
			'--skip-test-db', ...user,
		], { encoding: 'utf8' } );
		if ( install.status !== 0 ) {
			throw new Error( `mariadb-install-db failed: ${ install.stderr }${ install.stdout }` );
		}
		this.process = spawn( '/usr/sbin/mariadbd', [
			'--no-defaults', `--datadir=${ path.join( this.dir, 'data' ) }`, `--socket=${ this.socket }`, '--skip-networking',
			`--pid-file=${ path.join( this.dir, 'mariadbd.pid' ) }`, `--log-error=${ path.join( this.dir, 'error.log' ) }`,
			'--innodb-buffer-pool-size=16M', '--character-set-server=utf8mb4', '--collation-server=utf8mb4_bin', ...user,
		], { stdio: 'ignore' } );
		for ( let attempt = 0; attempt < 600; attempt++ ) {
			if ( this.process.exitCode !== null ) {
				throw new Error( `mariadbd exited: ${ fs.readFileSync( path.join( this.dir, 'error.log' ), 'utf8' ) }` );
			}
			try {
				const connection = await createConnection( { socketPath: this.socket, user: 'root' } );
				await connection.end();
				return;
			} catch {
				await new Promise( ( resolve ) => {
					setTimeout( resolve, 100 );
				} );
			}
		}
		throw new Error( 'mariadbd did not start within a minute' );
	}

	public async createDatabase( name: string ): Promise<string> {
		const connection = await createConnection( { socketPath: this.socket, user: 'root' } );
		await connection.query( `CREATE DATABASE \`${ name }\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin` );
		await connection.end();
		return this.url( name );
	}

	public async stop(): Promise<void> {
		const child = this.process;
		if ( child && child.exitCode === null ) {
			await new Promise<void>( ( resolve ) => {
				child.once( 'exit', () => resolve() );
				child.kill( 'SIGTERM' );
			} );
		}
		this.process = null;
		if ( this.dir ) {
			fs.rmSync( this.dir, { recursive: true, force: true } );
		}
	}
}
