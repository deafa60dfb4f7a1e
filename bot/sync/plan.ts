/**
 * Sync phase "plan": what this sync reads, and how each page is judged.
 *
 * - Full (`--full`, no cursor yet, or a cursor older than recent changes reach): every page under
 *   the base (`generator=allpages`, 50 or 500 pages a request) and the configuration page's whole
 *   history; every page is judged from its first revision.
 * - Incremental: the pages recent changes and the move log name since the cursor, read in batches,
 *   and the configuration page's revisions after the newest stored one, in the same request as the
 *   changes. A page named by a log action (a move's two ends, a deletion, a restoration, a revision
 *   deletion, an import, a history merge) is judged from its first revision, since its history may
 *   have changed; a page only edited is judged forward from its accepted revision.
 */
import { parseConfig, type CapacityConfig } from '../../modules/core/config';
import type { Problem } from '../../modules/core/messages';
import { normalizeTitle } from '../../modules/core/pages';
import { classify } from '../../modules/core/judge';
import type { Messages } from '../i18n';
import type { Logger } from '../log';
import type { ConfigRevision, Cursor } from '../store';
import type { WikiClient } from '../wiki';
import { allPagesUnder, changesSince, readTitles, startingPoint, type PageRead } from './read';

/** Log actions after which a page's history may differ from what was judged: judged again from the start. */
const HISTORY_LOGS = new Set( [ 'move', 'delete', 'import', 'merge' ] );

export interface PlannedPage {
	read: PageRead;
	/** Judge from the page's first revision (whatever the store holds for it). */
	fromStart: boolean;
}

export interface Plan {
	full: boolean;
	/** Why the sync reads every page: asked (--full), no cursor yet, or a cursor older than recent changes reach. */
	fullBecause: 'asked' | 'no-cursor' | 'cursor-expired' | null;
	pages: PlannedPage[];
	/** Where the next incremental sync starts. */
	cursor: Cursor;
	/** The configuration page's JSON text now. */
	config: string;
	/** Its revisions to add to the store's timeline (all of them when `configReplace`). */
	configRevisions: ConfigRevision[];
	configReplace: boolean;
}

export interface PlanOptions {
	client: WikiClient;
	logger: Logger;
	messages: Messages;
	/** The base page, normalised. */
	base: string;
	full: boolean;
	batchSize: number;
}

/**
 * What to read and how to judge it.
 *
 * @param options The sync's options
 * @param storedCursor Where the last sync stopped (null: never synced)
 * @param configAfter The newest configuration revision the store holds (0: none)
 */
export async function planSync( options: PlanOptions, storedCursor: Cursor | null,
	configAfter: number ): Promise<Plan> {
	let fullBecause: Plan[ 'fullBecause' ] = options.full ? 'asked' : storedCursor === null ? 'no-cursor' : null;
	if ( storedCursor && !fullBecause ) {
		const plan = await readChanged( options, storedCursor, configAfter );
		if ( plan ) {
			return plan;
		}
		fullBecause = 'cursor-expired';
	}
	return { ...await readAll( options ), fullBecause };
}

/**
 * An incremental sync's reading: the pages that recent changes and the move log name since the
 * cursor; null (and a warning) when the wiki no longer keeps recent changes back to the cursor.
 */
async function readChanged( options: PlanOptions, since: Cursor, configAfter: number ): Promise<Plan | null> {
	const { client, logger, messages, base } = options;
	const read = await changesSince( client, base, since, configAfter );
	if ( read.expired ) {
		// Changes since the cursor may have been purged from recent changes: only reading
		// everything is sure to see them.
		const oldest = read.expired.oldest;
		logger.warn( oldest ? messages.text( 'capacitybuilding-bot-log-sync-cursor-expired', since.timestamp, oldest ) :
			messages.text( 'capacitybuilding-bot-log-sync-cursor-expired-empty', since.timestamp ),
		{ reason: 'cursor-expired', cursor: since, oldestRecentChange: oldest } );
		return null;
	}
	const named = new Map<string, boolean>();
	const name = ( title: string | undefined, fromStart: boolean ): void => {
		// Only pages that hold records (or are misnamed requests); the bot's own pages are not read.
		if ( title !== undefined && normalizeTitle( title ).startsWith( `${ base }/` ) && classify( base, title ).kind !== 'other' ) {
			const key = normalizeTitle( title );
			named.set( key, ( named.get( key ) ?? false ) || fromStart );
		}
	};
	for ( const move of read.moves ) {
		name( move.title, true );
		name( move.movedTo, true );
	}
	for ( const change of read.changes ) {
		if ( change.type !== 'log' ) {
			name( change.title, false );
		} else if ( HISTORY_LOGS.has( change.logType ?? '' ) ) {
			name( change.title, true );
			name( change.movedTo, true );
		}
	}
	const pages = named.size ? [ ...( await readTitles( client, [ ...named.keys() ],
		options.batchSize ) ).values() ] : [];
	return {
		full: false, fullBecause: null, cursor: read.cursor, config: read.config,
		configRevisions: read.configRevisions, configReplace: read.configReplace,
		pages: pages.map( ( page ) => ( { read: page,
			fromStart: named.get( normalizeTitle( page.title ) ) ?? true } ) ),
	};
}

/** A full sync's reading: every page under the base, and the configuration page's history. */
async function readAll( options: PlanOptions ): Promise<Omit<Plan, 'fullBecause'>> {
	const start = await startingPoint( options.client, options.base );
	const pages: PlannedPage[] = [];
	for await ( const batch of allPagesUnder( options.client, options.base, options.batchSize ) ) {
		pages.push( ...batch.map( ( read ) => ( { read, fromStart: true } ) ) );
		options.logger.progress( options.messages.text( 'capacitybuilding-bot-progress-sync' ), pages.length, pages.length );
	}
	return { full: true, pages, cursor: start.cursor, config: start.config, configRevisions: start.configRevisions,
		configReplace: true };
}

/** The configuration page's JSON; problems in it are reported and replaced by defaults. */
export function readConfig( text: string, logger: Logger,
	messages: Messages ): { config: CapacityConfig; problems: Problem[] } {
	if ( text.trim() === '' ) {
		return parseConfig( {} );
	}
	let json: unknown;
	try {
		json = JSON.parse( text );
	} catch {
		logger.warn( messages.text( 'capacitybuilding-bot-log-config-unreadable' ) );
		return parseConfig( {} );
	}
	const parsed = parseConfig( json );
	for ( const p of parsed.problems ) {
		logger.warn( messages.text( 'capacitybuilding-bot-log-config-problem', messages.problem( p ) ) );
	}
	return parsed;
}
