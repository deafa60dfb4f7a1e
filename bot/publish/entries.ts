/**
 * The summary entries of the indexes (format in modules/core/indexes.ts), built from the store:
 * text in NFC, long values cut to what fits and named in `cut`, each record marked with its state
 * and problem count, and records that cannot be published (text that is not valid Unicode, or an
 * entry that stays too large however much is cut) left out and reported instead.
 */
import { BIO_EXCERPT, DESCRIPTION_EXCERPT, ENTRY_MAX_BYTES, entryKey, type CoachEntry, type EntryOf, type HistoryEntry, type HubEntry, type IndexName, type RecordState, type RequestEntry } from '../../modules/core/indexes';
import { activeLoad } from '../../modules/core/statistics';
import type { MessageKey } from '../../modules/core/messages';
import { routeRequest } from '../../modules/core/routing';
import type { StatusChange, StoredCoach, StoredHub, StoredProblem, StoredRequest } from '../store';
import { byteLength, loneSurrogates, mediaWikiJson } from './json';

export interface StoreSnapshot {
	requests: StoredRequest[];
	coaches: StoredCoach[];
	hubs: StoredHub[];
	problems: StoredProblem[];
	/** The accepted status history (rows carry `comment` once the store keeps edit summaries). */
	history: ( StatusChange & { comment?: string } )[];
}

/** A problem publishing found: shown on the review page with the store's problems. */
export interface PublishProblem {
	/** The page concerned: a record page, or a page publish writes. */
	page: string;
	/** The revision concerned (0: none). */
	revid: number;
	message: MessageKey;
	params: ( string | number )[];
}

/** Code points, so that cutting never splits a surrogate pair. */
function cutText( value: string, max: number ): string {
	if ( value.length <= max ) {
		// Never more code points than code units.
		return value;
	}
	let end = 0;
	for ( let count = 0; count < max && end < value.length; count++ ) {
		const unit = value.charCodeAt( end );
		const next = value.charCodeAt( end + 1 );
		end += unit >= 0xD800 && unit <= 0xDBFF && next >= 0xDC00 && next <= 0xDFFF ? 2 : 1;
	}
	return value.slice( 0, end );
}

/** Every string of a value in NFC (keys too). */
function nfc<T>( value: T ): T {
	if ( typeof value === 'string' ) {
		return value.normalize( 'NFC' ) as unknown as T;
	}
	if ( Array.isArray( value ) ) {
		return value.map( nfc ) as unknown as T;
	}
	if ( typeof value === 'object' && value !== null ) {
		return Object.fromEntries( Object.entries( value ).map( ( [ k, v ] ) => [ k.normalize( 'NFC' ), nfc( v ) ] ) ) as T;
	}
	return value;
}

/** The path of the first string in a value that holds a lone surrogate, or null. */
export function badlyEncoded( value: unknown, path = '' ): string | null {
	if ( typeof value === 'string' ) {
		return loneSurrogates( value ).length ? path : null;
	}
	if ( typeof value === 'object' && value !== null ) {
		for ( const [ key, item ] of Object.entries( value ) ) {
			if ( loneSurrogates( key ).length ) {
				return path;
			}
			const found = badlyEncoded( item, Array.isArray( value ) ? path : ( path ? `${ path }.${ key }` : key ) );
			if ( found !== null ) {
				return found;
			}
		}
	}
	return null;
}

/**
 * How far long values are cut, step by step, until an entry fits ENTRY_MAX_BYTES: the first step
 * is the normal summary (only the description and the bio are cut); the later ones cut every
 * text and list of the record and keep only the newest status changes.
 */
interface CutLevel {
	/** Text fields (other than the description and bio) at most this many code points; 0: as they are. */
	text: number;
	/** Lists at most this many items, each at most `text` code points. */
	items: number;
	/** Status changes kept (the newest). */
	history: number;
}

const CUT_LEVELS: CutLevel[] = [
	{ text: 0, items: 0, history: 0 },
	{ text: 200, items: 20, history: 20 },
	{ text: 40, items: 5, history: 5 },
];

type Cuttable = Record<string, string | string[]>;

function cutRecord<R extends object>( record: R, level: CutLevel, fixed: Record<string, number>, cut: Set<string> ): R {
	const out: Cuttable = {};
	for ( const [ key, value ] of Object.entries( record as Cuttable ) ) {
		const max = fixed[ key ] ?? level.text;
		if ( typeof value === 'string' ) {
			const short = max ? cutText( value, max ) : value;
			if ( short !== value ) {
				cut.add( key );
			}
			out[ key ] = short;
		} else if ( Array.isArray( value ) ) {
			const items = level.items && value.length > level.items ? value.slice( 0, level.items ) : value;
			const short = level.text ? items.map( ( item ) => cutText( item, level.text ) ) : items;
			if ( short.length !== value.length || short.some( ( item, i ) => item !== value[ i ] ) ) {
				cut.add( key );
			}
			out[ key ] = short;
		} else {
			out[ key ] = value;
		}
	}
	return out as unknown as R;
}

/** Indent of an entry inside a part (`entries` of the part's object). */
export const ENTRY_INDENT = '\t\t';

/** An entry's text as it appears inside a part, formatted once: weighing and writing parts reuse it. */
const entryTexts = new WeakMap<object, string>();

export function entryText( entry: object ): string {
	let text = entryTexts.get( entry );
	if ( text === undefined ) {
		text = mediaWikiJson( entry, ENTRY_INDENT );
		entryTexts.set( entry, text );
	}
	return text;
}

/** The entry's size inside a part (two levels deep, with its indent and separator). */
export function entryBytes( entry: object ): number {
	return byteLength( entryText( entry ) ) + ENTRY_INDENT.length + 2;
}

interface Built<E> {
	entry: E | null;
	problem: PublishProblem | null;
}

/**
 * Cuts an entry step by step until it fits; null when even the last step does not.
 *
 * @param make Builds the entry at a cut level, adding the names of cut fields to the set
 */
function fitted<E extends { cut?: string[] }>( make: ( at: CutLevel, cut: Set<string> ) => E ): {
	entry: E | null; level: number;
} {
	for ( const [ i, level ] of CUT_LEVELS.entries() ) {
		const cut = new Set<string>();
		const entry = make( level, cut );
		if ( cut.size ) {
			entry.cut = [ ...cut ].sort();
		}
		if ( entryBytes( entry ) <= ENTRY_MAX_BYTES ) {
			return { entry, level: i };
		}
	}
	return { entry: null, level: CUT_LEVELS.length };
}

function stateOf( revid: number, problems: readonly StoredProblem[] ): RecordState {
	const own = problems.filter( ( p ) => p.revid === revid );
	if ( own.some( ( p ) => p.kind === 'malformed' ) ) {
		return 'malformed';
	}
	return own.some( ( p ) => p.kind === 'invalid' ) ? 'invalid' : 'valid';
}

function build<E extends { cut?: string[] }>( record: { page: string; revid: number }, raw: unknown,
	make: ( at: CutLevel, cut: Set<string> ) => E ): Built<E> {
	const field = badlyEncoded( raw );
	if ( field !== null ) {
		return { entry: null, problem: { page: record.page, revid: record.revid, message: 'capacitybuilding-bot-publish-problem-encoding', params: [ field || '-' ] } };
	}
	const { entry, level } = fitted( make );
	if ( !entry ) {
		return { entry: null, problem: { page: record.page, revid: record.revid, message: 'capacitybuilding-bot-publish-problem-too-large', params: [ ENTRY_MAX_BYTES ] } };
	}
	return {
		entry,
		problem: level > 0 ? { page: record.page, revid: record.revid, message: 'capacitybuilding-bot-publish-problem-shortened', params: [ ( entry.cut ?? [] ).join( ', ' ) ] } : null,
	};
}

export interface Entries {
	requests: RequestEntry[];
	coaches: CoachEntry[];
	hubs: HubEntry[];
	/** Records left out, and records shortened beyond the normal summary. */
	problems: PublishProblem[];
}

/** The entries of every index, in key order, and what could not be published as it is. */
export function buildEntries( snapshot: StoreSnapshot ): Entries {
	const problemsOf = new Map<string, StoredProblem[]>();
	for ( const p of snapshot.problems ) {
		problemsOf.set( p.page, [ ...( problemsOf.get( p.page ) ?? [] ), p ] );
	}
	const historyOf = new Map<number, StoreSnapshot[ 'history' ]>();
	for ( const change of snapshot.history ) {
		historyOf.set( change.requestNumber, [ ...( historyOf.get( change.requestNumber ) ?? [] ), change ] );
	}
	const common = ( record: { page: string; revid: number; updated: string } ): Omit<RequestEntry, 'number' | 'request' | 'feedback' | 'history'> => {
		const problems = problemsOf.get( record.page ) ?? [];
		return {
			page: record.page, revid: record.revid, updated: record.updated, problems: problems.length,
			state: stateOf( record.revid, problems ),
		};
	};
	const out: Entries = { requests: [], coaches: [], hubs: [], problems: [] };
	const keep = <E extends { cut?: string[] }>( into: E[], built: Built<E> ): void => {
		if ( built.entry ) {
			into.push( built.entry );
		}
		if ( built.problem ) {
			out.problems.push( built.problem );
		}
	};

	// Hubs are built first: requests are routed to the hubs as published (NFC keys, left-out hubs
	// never named), with their problems still reported after those of requests and coaches.
	const hubs = snapshot.hubs.map( ( stored ) => build( stored, stored.record, ( level, cut ) => nfc( {
		key: stored.key, ...common( stored ),
		hub: cutRecord( stored.record, level, {}, cut ),
	} ) ) );
	const routable = hubs.flatMap( ( built ) => built.entry ? [ built.entry ] : [] );
	for ( const stored of snapshot.requests ) {
		const route = routeRequest( nfc( stored.record ), routable );
		const history = [ ...( historyOf.get( stored.number ) ?? [] ) ].sort( ( a, b ) => a.revid - b.revid );
		keep( out.requests, build( stored, [ stored.record, history ], ( level, cut ) => {
			const rows = level.history && history.length > level.history ? history.slice( -level.history ) : history;
			if ( rows.length !== history.length ) {
				cut.add( 'history' );
			}
			const entryHistory: HistoryEntry[] = rows.map( ( row ) => {
				const item: HistoryEntry = { from: row.from, to: row.to, user: row.user, at: row.at, revid: row.revid };
				if ( row.comment !== undefined ) {
					item.comment = level.text ? cutText( row.comment, level.text ) : row.comment;
					if ( item.comment !== row.comment ) {
						cut.add( 'history' );
					}
				}
				return item;
			} );
			return nfc( {
				number: stored.number, ...common( stored ),
				request: cutRecord( stored.record, level, { description: DESCRIPTION_EXCERPT }, cut ),
				feedback: stored.feedback.length,
				history: entryHistory,
				...( route ? { route } : {} ),
			} );
		} ) );
	}
	const load = activeLoad( snapshot.requests.map( ( r ) => ( { request: r.record } ) ) );
	for ( const stored of snapshot.coaches ) {
		keep( out.coaches, build( stored, stored.record, ( level, cut ) => nfc( {
			user: stored.user, ...common( stored ),
			profile: cutRecord( stored.record, level, { bio: BIO_EXCERPT }, cut ),
			activeRequests: load.get( stored.user ) ?? 0,
		} ) ) );
	}
	for ( const built of hubs ) {
		keep( out.hubs, built );
	}
	out.requests.sort( ( a, b ) => a.number - b.number );
	const byKey = <N extends IndexName>( index: N ) => ( a: EntryOf[ N ], b: EntryOf[ N ] ): number => {
		const [ x, y ] = [ String( entryKey( index, a ) ), String( entryKey( index, b ) ) ];
		return x < y ? -1 : x > y ? 1 : 0;
	};
	out.coaches.sort( byKey( 'coaches' ) );
	out.hubs.sort( byKey( 'hubs' ) );
	return out;
}
