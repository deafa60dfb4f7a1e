/**
 * Store backends for the tests: a real SQLite file in a temporary folder, and a real MariaDB
 * (tests/support/mariadb.ts), behind one interface so one suite runs on both.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Store } from '../../bot/store';
import { MariaDbServer } from './mariadb';

export interface StoreBackend {
	name: string;
	start(): Promise<void>;
	/** A --db URL for a new, empty store. */
	fresh( label: string ): Promise<string>;
	stop(): Promise<void>;
}

export function sqliteBackend(): StoreBackend {
	let dir = '';
	return {
		name: 'SQLite',
		start: () => {
			dir = fs.mkdtempSync( path.join( os.tmpdir(), 'capacity-sqlite-' ) );
			return Promise.resolve();
		},
		fresh: ( label ) => Promise.resolve( `sqlite:${ path.join( dir, `${ label }.sqlite` ) }` ),
		stop: () => {
			if ( dir ) {
				fs.rmSync( dir, { recursive: true, force: true } );
			}
			return Promise.resolve();
		},
	};
}

export function mariadbBackend(): StoreBackend {
	const server = new MariaDbServer();
	let n = 0;
	return {
		name: 'MariaDB',
		start: () => server.start(),
		fresh: ( label ) => server.createDatabase( `${ label.replace( /\W/g, '_' ) }_${ ++n }` ),
		stop: () => server.stop(),
	};
}

/** Everything a store holds that a clean run determines (not ids, not wall-clock times). */
export async function dumpStore( url: string ): Promise<unknown> {
	const store = await Store.open( url );
	try {
		const cursor = await store.cursor();
		return {
			requests: await store.requests(),
			coaches: await store.coaches(),
			hubs: await store.hubs(),
			problems: await store.problems(),
			history: await store.statusHistory(),
			hubTimeline: await store.hubTimeline(),
			configHistory: await store.configHistory(),
			config: await store.state( 'config' ),
			cursorKnown: cursor !== null,
		};
	} finally {
		await store.close();
	}
}
