/**
 * `capacity-bot notify`: one round of status updates.
 *
 * 1. Events → notices (events.ts, kinds.ts) from the store's accepted state and the clock, since the
 *    moment notifications started; the new ones are recorded as pending together with the snapshots
 *    of what they announce, in one transaction.
 * 2. Nothing open: the round ends there, with no request to the wiki.
 * 3. One batched read (read.ts): target pages with the shut-off page, genders, language information
 *    and, after an interruption, the bot's recent edits; Babel for people without a known language.
 * 4. Notices left `posting` by an interrupted round are looked for on the wiki (their key in the
 *    bot's edit summaries, their marker on the page): found → sent; not found → posted again.
 * 5. Each request page and user talk notice is posted as a signed new section, and each
 *    noticeboard gets one digest of its notices; each post is marked `posting` just before its edit
 *    and `sent` after, so a kill at any moment never posts twice and never loses one.
 */
import { MwnError } from 'mwn';
import { DEFAULT_CONFIG, parseConfig, type CapacityConfig } from '../../modules/core/config';
import { normalizeUsername, sameUser } from '../../modules/core/identifiers';
import type { MessageKey, MessageParam } from '../../modules/core/messages';
import { NOTICE_MESSAGE_TYPE } from '../bots';
import { REFUSED_POST_CODES, type Editor } from '../edits';
import { Messages } from '../i18n';
import type { Logger } from '../log';
import { STATE, type Store } from '../store';
import type { WikiClient } from '../wiki';
import { detect, type NoticeDraft } from './events';
import { nameKey } from './kinds';
import { chooseLanguage, directionOf } from './language';
import { Ledger, isoNow, type Notice } from './ledger';
import { readBabel, readLanguages, readRound, type RoundReads, type TargetPage } from './read';
import { composeDigest, composeNotice, marker, type Post, type Voice } from './render';

export interface NotifyOptions {
	client: WikiClient;
	store: Store;
	editor: Editor;
	logger: Logger;
	/** Messages for the operator's console. */
	messages: Messages;
	/** Message files by language: what notices can be written in. */
	messageFiles: Record<string, Record<string, string>>;
	base: string;
	dryRun: boolean;
	/**
	 * `--since`: announce events from this time on (ISO 8601, or "now"); otherwise the stored
	 * start, or now on a first run.
	 */
	since?: string;
	now?: () => Date;
	/**
	 * A post whose edit was being made this many seconds ago or less, and which the wiki does not
	 * show, may still be being saved by the wiki: it is looked for again next round instead of
	 * being posted again.
	 */
	graceSeconds?: number;
	/** People's Babel languages are read again after this many days. */
	babelDays?: number;
	/** Titles (and users) a read request carries: 50, or 500 with apihighlimits (the default: what the account may). */
	batchSize?: number;
}

export interface NotifyReport {
	/** The moment from which events are announced. */
	since: string;
	/** Notices recorded this round. */
	recorded: number;
	/** Posted this round (`sent`). */
	sent: number;
	/** Found already posted by an interrupted round. */
	recovered: number;
	skipped: number;
	failed: number;
	/** Left for a later round. */
	pending: number;
	/** Digest edits (one per noticeboard). */
	digests: number;
	/** With --dry-run: the posts that would have been made. */
	wouldPost: number;
	edits: number;
	/** API requests to read (everything but the edits). */
	reads: number;
}

const DEFAULT_GRACE_SECONDS = 120;
const DEFAULT_BABEL_DAYS = 30;

/** Parses --since: "now", or an ISO 8601 time; null when it is neither. */
export function parseSince( value: string, now: Date ): string | null {
	if ( value === 'now' ) {
		return isoNow( now );
	}
	const ms = Date.parse( value );
	return /^\d{4}-\d{2}-\d{2}/.test( value ) && !Number.isNaN( ms ) ? isoNow( new Date( ms ) ) : null;
}

function configOf( text: string | null ): CapacityConfig {
	if ( text === null ) {
		return DEFAULT_CONFIG;
	}
	try {
		return parseConfig( JSON.parse( text ) ).config;
	} catch {
		return DEFAULT_CONFIG;
	}
}

function draftToNotice( draft: NoticeDraft, now: string ): Notice {
	return {
		key: draft.key, kind: draft.kind, request: draft.request, channel: draft.channel, target: draft.target,
		recipients: draft.recipients, language: '', state: 'pending', detail: {}, attempts: 0, eventAt: draft.eventAt,
		created: now, updated: now, revid: 0, digest: '', data: draft.data,
	};
}

/** The order a digest lists its entries in: new requests, then urgent ones, then stale ones. */
function digestOrder( a: Notice, b: Notice ): number {
	const order = [ 'submitted', 'deadline', 'stale' ];
	return order.indexOf( a.kind ) - order.indexOf( b.kind ) || a.request - b.request || a.key.localeCompare( b.key );
}

export async function runNotify( options: NotifyOptions ): Promise<NotifyReport> {
	const { client, store, editor, logger, dryRun } = options;
	const m = options.messages;
	const clock = options.now ?? ( () => new Date() );
	const now = clock();
	const stamp = (): string => isoNow( clock() );
	const ledger = new Ledger( store );
	const startRequests = client.requestCount;
	const startEdits = editor.edits;

	// 1. Events → notices.
	const stored = await ledger.since();
	let since = stored ?? isoNow( now );
	let sinceToStore: string | null = stored === null ? since : null;
	if ( options.since !== undefined ) {
		since = parseSince( options.since, now ) ?? since;
		sinceToStore = since;
	}
	if ( sinceToStore !== null ) {
		logger.info( m.text( 'capacitybuilding-bot-log-notify-since', since ), { since } );
	}
	const [ requests, history, coaches, hubs, configText, snapshots ] = await Promise.all( [ store.requests(),
		store.statusHistory(), store.coaches(), store.hubs(), store.state( STATE.config ), ledger.snapshots() ] );
	const config = configOf( configText );
	const detected = detect( { base: options.base, requests, history, coaches, hubs, config, snapshots, since, now } );
	const known = await ledger.known( detected.notices.map( ( n ) => n.key ) );
	const seen = new Set<string>();
	const fresh = detected.notices.filter( ( n ) => {
		const isNew = !known.has( n.key ) && !seen.has( n.key );
		seen.add( n.key );
		return isNew;
	} );
	const report: NotifyReport = { since, recorded: fresh.length, sent: 0, recovered: 0, skipped: 0, failed: 0,
		pending: 0, digests: 0, wouldPost: 0, edits: 0, reads: 0 };
	let open: Notice[];
	if ( dryRun ) {
		open = [ ...( await ledger.open() ), ...fresh.map( ( d ) => draftToNotice( d, isoNow( now ) ) ) ];
	} else {
		await ledger.record( fresh, detected.snapshots, sinceToStore, isoNow( now ) );
		open = await ledger.open();
	}

	// In the order the events happened (a second holds several edits: then by revision).
	open.sort( ( a, b ) => a.eventAt.localeCompare( b.eventAt ) || ( a.data.revid ?? 0 ) - ( b.data.revid ?? 0 ) ||
		a.key.localeCompare( b.key ) );

	// 2. Nothing to post or to check: no request to the wiki.
	if ( !open.length ) {
		return report;
	}

	// 3. What the round needs from the wiki.
	const byNumber = new Map( requests.map( ( r ) => [ r.number, r ] ) );
	const available = new Set( Object.keys( options.messageFiles ) );
	const contentLanguage = client.site.language;
	const named = new Set<string>();
	for ( const notice of open ) {
		for ( const name of [ ...notice.recipients, ...( notice.data.coaches ?? [] ), notice.data.actor ] ) {
			if ( name ) {
				named.add( normalizeUsername( name ) );
			}
		}
	}
	const langOf = ( notice: Notice ): string => byNumber.get( notice.request )?.record.lang ?? '';
	const posting = open.filter( ( n ) => n.state === 'posting' );
	const oldestPosting = posting.reduce( ( oldest, n ) => n.updated < oldest ? n.updated : oldest, '9999' );
	const reads: RoundReads = await readRound( client, options.batchSize ?? client.batchSize, {
		titles: [ editor.stopPage, ...open.map( ( n ) => n.target ) ],
		users: [ ...named ],
		languages: [ ...new Set( [ contentLanguage, ...open.map( langOf ).filter( Boolean ) ] ) ],
		contributionsSince: posting.length ? isoNow( new Date( Date.parse( oldestPosting ) - 120_000 ) ) : null,
	} );
	// Babel, for people the request's language does not cover.
	const babelFor = new Set<string>();
	const personal = ( notice: Notice ): string | null => {
		const request = byNumber.get( notice.request );
		if ( notice.channel === 'digest' ) {
			return null;
		}
		const person = notice.channel === 'request' ? request?.record.requester ?? '' : notice.recipients[ 0 ] ?? '';
		const theirs = request && sameUser( person, request.record.requester ) ? langOf( notice ) : '';
		const covered = chooseLanguage( [ theirs ], available, reads.languages ) !== null;
		return !covered && person ? normalizeUsername( person ) : null;
	};
	for ( const notice of open ) {
		const person = personal( notice );
		if ( person ) {
			babelFor.add( person );
		}
	}
	const babel = await ledger.people( [ ...babelFor ], options.babelDays ?? DEFAULT_BABEL_DAYS, now );
	for ( const user of babelFor ) {
		if ( !babel.has( user ) ) {
			const languages = await readBabel( client, user );
			babel.set( user, languages );
			if ( !dryRun ) {
				await ledger.rememberPerson( user, languages, isoNow( now ) );
			}
		}
	}
	const unknownCodes = [ ...new Set( [ ...babel.values() ].flat() ) ]
		.filter( ( code ) => !available.has( code ) && !reads.languages.has( code ) );
	await readLanguages( client, unknownCodes, reads );
	report.reads = client.requestCount - startRequests;

	const voices = new Map<string, Messages>();
	const voice = ( candidates: string[] ): Voice => {
		const language = chooseLanguage( [ ...candidates, contentLanguage ], available, reads.languages ) ?? 'en';
		let messages = voices.get( language );
		if ( !messages ) {
			messages = new Messages( language, options.messageFiles );
			voices.set( language, messages );
		}
		return { language, dir: directionOf( language, reads.languages ), messages };
	};
	const voiceOf = ( notice: Notice, page: TargetPage | undefined ): Voice => {
		if ( notice.channel === 'digest' ) {
			return voice( [ page?.language ?? '' ] );
		}
		const person = personal( notice );
		const request = byNumber.get( notice.request );
		const owner = notice.channel === 'request' ? request?.record.requester ?? '' : notice.recipients[ 0 ] ?? '';
		const theirs = request && sameUser( owner, request.record.requester ) ? langOf( notice ) : '';
		return voice( [ theirs, ...( person ? babel.get( person ) ?? [] : [] ) ] );
	};

	// The shut-off page stops all posting (read with the targets).
	if ( !dryRun ) {
		editor.noteShutOff( reads.pages.get( editor.stopPage ) );
	}

	// 4. Posts an interrupted round may have made.
	const toPost: Notice[] = [];
	const graceMs = ( options.graceSeconds ?? DEFAULT_GRACE_SECONDS ) * 1000;
	const checked = new Set<string>();
	for ( const notice of open ) {
		if ( notice.state !== 'posting' ) {
			toPost.push( notice );
			continue;
		}
		const key = notice.digest || notice.key;
		if ( checked.has( key ) ) {
			continue;
		}
		checked.add( key );
		const group = notice.digest ? open.filter( ( n ) => n.digest === notice.digest && n.state === 'posting' ) : [ notice ];
		const contribution = reads.contributions.find( ( c ) => c.comment.includes( `[${ key }]` ) );
		const onPage = reads.pages.get( notice.target )?.text.includes( marker( key ) );
		if ( contribution || onPage ) {
			if ( !dryRun ) {
				await ledger.sent( group.map( ( n ) => n.key ), contribution?.revid ?? 0, stamp() );
			}
			report.recovered += group.length;
			logger.info( m.text( 'capacitybuilding-bot-log-notify-recovered', key ), { key, revid: contribution?.revid ?? 0 } );
		} else if ( now.getTime() - Date.parse( notice.updated ) < graceMs ) {
			report.pending += group.length;
		} else {
			if ( !dryRun ) {
				await ledger.unposted( group.map( ( n ) => n.key ), stamp() );
			}
			toPost.push( ...group.map( ( n ) => ( { ...n, state: 'pending' as const, digest: '' } ) ) );
		}
	}

	// 5. Post.
	const skip = async ( notices: Notice[], key: MessageKey, params: MessageParam[] ): Promise<void> => {
		const keys = notices.map( ( n ) => n.key );
		report.skipped += keys.length;
		if ( !dryRun ) {
			await ledger.skipped( keys, key, params, stamp() );
		}
		logger.warn( m.text( 'capacitybuilding-bot-log-notify-skipped', notices[ 0 ]?.target ?? '', keys.join( ', ' ), m.text( key, ...params ) ),
			{ target: notices[ 0 ]?.target, keys, reason: key } );
	};
	const post = async ( notices: Notice[], target: string, content: Post, language: string, digest: string,
		mayCreate: boolean ): Promise<boolean> => {
		const keys = notices.map( ( n ) => n.key );
		if ( !dryRun ) {
			await ledger.posting( keys, language, digest, stamp() );
		}
		try {
			const outcome = await editor.appendSection( { title: target, sectionTitle: content.heading,
				text: content.text, summary: content.summary, base: reads.pages.get( target ) ?? null, mayCreate,
				messageType: NOTICE_MESSAGE_TYPE } );
			if ( outcome.outcome === 'posted' ) {
				await ledger.sent( keys, outcome.revid, stamp() );
				report.sent += keys.length;
				return true;
			}
			if ( outcome.outcome === 'would-post' ) {
				report.wouldPost++;
				return true;
			}
			await skip( notices, 'capacitybuilding-bot-notice-skip-bots', [ outcome.rule.template ] );
			return false;
		} catch ( error ) {
			if ( !( error instanceof MwnError ) || !REFUSED_POST_CODES.has( error.code ?? '' ) ) {
				throw error;
			}
			report.failed += keys.length;
			if ( !dryRun ) {
				await ledger.failed( keys, 'capacitybuilding-bot-notice-failed', [ `${ error.code }: ${ error.info ?? '' }` ], stamp() );
			}
			logger.warn( m.text( 'capacitybuilding-bot-log-notify-failed', target, keys.join( ', ' ), `${ error.code }: ${ error.info ?? '' }` ),
				{ target, keys, code: error.code } );
			return false;
		}
	};

	for ( const notice of toPost.filter( ( n ) => n.channel !== 'digest' ) ) {
		const page = reads.pages.get( notice.target );
		if ( notice.channel === 'request' && !page?.exists ) {
			await skip( [ notice ], 'capacitybuilding-bot-notice-skip-missing', [] );
			continue;
		}
		const speaker = voiceOf( notice, page );
		// A page moved since (a renamed user's talk page, a moved request) is followed to where it is now.
		const content = composeNotice( notice, speaker, reads.genders, options.base );
		await post( [ notice ], page?.exists ? page.title : notice.target, content, speaker.language, '',
			notice.channel !== 'request' );
	}
	const boards = new Map<string, Notice[]>();
	for ( const notice of toPost.filter( ( n ) => n.channel === 'digest' ) ) {
		boards.set( notice.target, [ ...( boards.get( notice.target ) ?? [] ), notice ] );
	}
	for ( const [ target, entries ] of boards ) {
		entries.sort( digestOrder );
		const page = reads.pages.get( target );
		const speaker = voiceOf( entries[ 0 ] as Notice, page );
		const key = `digest-${ nameKey( target ) }-${ stamp().replace( /\D/g, '' ) }`;
		const content = composeDigest( entries, key, speaker, isoNow( now ).slice( 0, 10 ) );
		if ( await post( entries, page?.exists ? page.title : target, content, speaker.language, key, true ) ) {
			report.digests++;
		}
	}
	report.edits = editor.edits - startEdits;
	return report;
}
