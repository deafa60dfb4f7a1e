/**
 * `capacity-bot`: the command line of the CapacityBuilding bot.
 *
 * Settings come from, in order: command-line options, the environment (CAPACITY_BOT_API,
 * CAPACITY_BOT_DB, CAPACITY_BOT_BASE, CAPACITY_BOT_CONTACT and the credentials variables), and a JSON
 * configuration file given with --config (which may hold credentials only when no one else can
 * read it). Credentials are never printed, even with --verbose.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_BASE_PAGE } from '../modules/core/constants';
import type { MessageKey } from '../modules/core/messages';
import { sitePages } from '../modules/core/pages';
import { CredentialsError, assertPrivateFile, loadCredentials } from './credentials';
import { Editor, ShutOffError } from './edits';
import { EXIT, EXIT_CODES_HELP } from './exitCodes';
import { Messages, loadMessageFiles } from './i18n';
import { Logger } from './log';
import { runSetup } from './setup/setup';
import { runPublish } from './publish/publish';
import { Store } from './store';
import { runSync, type SyncReport } from './sync/sync';
import { ConnectionError, LoginError, WikiClient } from './wiki';
import { StoreUrlError } from '../sql/dialect';
import { MigrationError } from '../sql/migrate';

const PACKAGE = JSON.parse( fs.readFileSync( path.resolve( __dirname, '..', 'package.json' ), 'utf8' ) ) as { version: string };
export const VERSION = PACKAGE.version;
const DEFAULT_CONTACT = 'https://meta.wikimedia.org/wiki/Talk:Capacity_building';

export interface GlobalOptions {
	api?: string;
	config?: string;
	db?: string;
	base?: string;
	contact?: string;
	dryRun?: boolean;
	verbose?: boolean;
	quiet?: boolean;
	json?: boolean;
}

interface FileConfig {
	api?: string;
	db?: string;
	base?: string;
	contact?: string;
}

export interface Io {
	env: NodeJS.ProcessEnv;
	/** Where log lines go; defaults to stdout and stderr. */
	write?: ( line: string ) => void;
}

/** The user agent Wikimedia's policy asks for: tool, version, contact. */
export function userAgent( contact: string ): string {
	return `CapacityBuilding-bot/${ VERSION } (${ contact }) mwn`;
}

function readConfigFile( file: string ): FileConfig & Record<string, unknown> {
	let data: unknown;
	try {
		data = JSON.parse( fs.readFileSync( file, 'utf8' ) );
	} catch ( error ) {
		throw new CredentialsError( `Cannot read the configuration file ${ file }: ${ ( error as Error ).message }` );
	}
	if ( typeof data !== 'object' || data === null || Array.isArray( data ) ) {
		throw new CredentialsError( `The configuration file ${ file } must hold a JSON object` );
	}
	const record = data as Record<string, unknown>;
	if ( 'password' in record || 'oauth2Token' in record ) {
		assertPrivateFile( file );
	}
	return record as FileConfig & Record<string, unknown>;
}

/** Everything a command needs: settings, logger, messages and (on demand) the wiki. */
export class BotContext {
	public readonly options: GlobalOptions;

	public readonly logger: Logger;

	public readonly env: NodeJS.ProcessEnv;

	private readonly file: FileConfig;

	private client: WikiClient | null = null;

	private operatorMessages: Messages | undefined;

	public constructor( options: GlobalOptions, io: Io ) {
		this.options = options;
		this.env = io.env;
		this.logger = new Logger( {
			verbose: options.verbose, quiet: options.quiet, json: options.json,
			...( io.write ? { write: io.write, interactive: false } : {} ),
		} );
		this.file = options.config ? readConfigFile( options.config ) : {};
	}

	public get api(): string {
		const api = this.options.api ?? this.env.CAPACITY_BOT_API ?? this.file.api;
		if ( !api ) {
			throw new CredentialsError( 'No wiki given: use --api <url>, CAPACITY_BOT_API or "api" in the --config file' );
		}
		return api;
	}

	public get db(): string {
		return this.options.db ?? this.env.CAPACITY_BOT_DB ?? this.file.db ?? 'sqlite:capacity-bot.sqlite';
	}

	public get base(): string {
		return this.options.base ?? this.env.CAPACITY_BOT_BASE ?? this.file.base ?? DEFAULT_BASE_PAGE;
	}

	public get contact(): string {
		return this.options.contact ?? this.env.CAPACITY_BOT_CONTACT ?? this.file.contact ?? DEFAULT_CONTACT;
	}

	/** Connects (once) and logs in. */
	public async wiki(): Promise<WikiClient> {
		if ( !this.client ) {
			const credentials = loadCredentials( this.env, this.options.config );
			if ( !credentials ) {
				throw new CredentialsError( 'No credentials: set CAPACITY_BOT_USERNAME and CAPACITY_BOT_PASSWORD (a bot password), ' +
					'or CAPACITY_BOT_OAUTH2_TOKEN, or put them in a --config file readable only by you' );
			}
			this.client = await WikiClient.connect( {
				api: this.api, credentials, userAgent: userAgent( this.contact ), logger: this.logger,
				messages: this.messages,
			} );
		}
		return this.client;
	}

	/**
	 * Messages for the operator's console: CAPACITY_BOT_LANGUAGE, else the language of LANG
	 * (e.g. de_DE.UTF-8 gives German), else English.
	 */
	public get messages(): Messages {
		const language = this.env.CAPACITY_BOT_LANGUAGE ?? /^([a-z]{2,3})(?:[_-]|$)/i.exec( this.env.LANG ?? '' )?.[ 1 ]?.toLowerCase() ?? 'en';
		this.operatorMessages ??= new Messages( language === 'c' ? 'en' : language );
		return this.operatorMessages;
	}

	/** Opens the store (applying migrations); the caller closes it. */
	public async store(): Promise<Store> {
		return Store.open( this.db );
	}

	/** Messages in the wiki's content language, for edit summaries and page content. */
	public async contentMessages(): Promise<Messages> {
		return new Messages( ( await this.wiki() ).site.language );
	}

	public async editor(): Promise<Editor> {
		return new Editor( await this.wiki(), this.logger, {
			dryRun: Boolean( this.options.dryRun ),
			stopPage: sitePages( this.base ).stop,
			messages: this.messages,
		} );
	}
}

function exitCodeFor( error: unknown, logger: Logger | null, messages: Messages ): number {
	const report = ( message: string ): void => {
		if ( logger ) {
			logger.error( message );
		} else {
			process.stderr.write( `error: ${ message }\n` );
		}
	};
	if ( error instanceof StoreUrlError ) {
		report( messages.text( 'capacitybuilding-bot-error-store-url', error.shown, error.message ) );
		return EXIT.configuration;
	}
	if ( error instanceof MigrationError ) {
		report( messages.text( 'capacitybuilding-bot-error-migration', error.migration, error.message ) );
		return EXIT.configuration;
	}
	if ( error instanceof CredentialsError || error instanceof LoginError ) {
		report( ( error as Error ).message );
		return EXIT.configuration;
	}
	if ( error instanceof ConnectionError ) {
		report( error.message );
		return EXIT.unreachable;
	}
	const code = ( error as { code?: unknown } ).code;
	if ( typeof code === 'string' && /^(ECONNREFUSED|ENOTFOUND|ETIMEDOUT|EHOSTUNREACH|PROTOCOL_CONNECTION_LOST|ER_ACCESS_DENIED_ERROR|ER_BAD_DB_ERROR|SQLITE_CANTOPEN)$/.test( code ) ) {
		report( messages.text( 'capacitybuilding-bot-error-store-unreachable', ( error as Error ).message ) );
		return EXIT.unreachable;
	}
	if ( error instanceof ShutOffError ) {
		report( error.message );
		return EXIT.stopped;
	}
	report( error instanceof Error ? ( error.stack ?? error.message ) : String( error ) );
	return EXIT.failure;
}

/** Waits, or less when a signal calls `wake`. */
function pause( ms: number, signal: { wake: () => void } ): Promise<void> {
	return new Promise( ( resolve ) => {
		const timer = setTimeout( resolve, ms );
		signal.wake = () => {
			clearTimeout( timer );
			resolve();
		};
	} );
}

/** Builds the program; `run` holds the exit code the chosen command ends with. */
function buildProgram( io: Io, run: { code: number; context: BotContext | null } ): Command {
	const program = new Command( 'capacity-bot' )
		.description( 'The CapacityBuilding bot: installs the on-wiki pages, keeps an index of requests, coaches and hubs, and publishes it.' )
		.version( VERSION )
		.addOption( new Option( '--api <url>', 'the wiki\'s action API, e.g. https://meta.wikimedia.org/w/api.php' ) )
		.addOption( new Option( '--config <file>', 'JSON configuration file (api, db, base, contact; credentials only if mode 600)' ) )
		.addOption( new Option( '--db <url>', 'the store: sqlite:<path> (default sqlite:capacity-bot.sqlite) or mysql://…' ) )
		.addOption( new Option( '--base <page>', `base page of the capacity building pages (default "${ DEFAULT_BASE_PAGE }")` ) )
		.addOption( new Option( '--contact <text>', 'contact for the user agent (a talk page or an email address)' ) )
		.addOption( new Option( '--dry-run', 'print the diff of every edit instead of saving it' ) )
		.addOption( new Option( '--verbose', 'say more' ).conflicts( 'quiet' ) )
		.addOption( new Option( '--quiet', 'only warnings and errors' ) )
		.addOption( new Option( '--json', 'one JSON object a line, for machines' ) )
		.addHelpText( 'after', `\nCredentials: CAPACITY_BOT_USERNAME and CAPACITY_BOT_PASSWORD (a bot password from
Special:BotPasswords), or CAPACITY_BOT_OAUTH2_TOKEN (an owner-only OAuth 2 token), or the same as
"username"/"password"/"oauth2Token" in the --config file, which must then be readable only by you.\n\n${ EXIT_CODES_HELP }` )
		.showHelpAfterError()
		.exitOverride();
	if ( io.write ) {
		const write = io.write;
		program.configureOutput( { writeOut: ( s ) => write( s.trimEnd() ), writeErr: ( s ) => write( s.trimEnd() ) } );
	}
	const context = ( command: Command ): BotContext => {
		run.context = new BotContext( command.optsWithGlobals<GlobalOptions>(), io );
		return run.context;
	};

	program.command( 'setup' )
		.description( 'install or update the templates, topics, configuration and base pages on the wiki (idempotent)' )
		.option( '--force', 'also replace templates that a person has edited' )
		.addHelpText( 'after', `\n${ EXIT_CODES_HELP }` )
		.action( async ( options: { force?: boolean }, command: Command ) => {
			const ctx = context( command );
			const client = await ctx.wiki();
			const report = await runSetup( {
				client,
				editor: await ctx.editor(),
				logger: ctx.logger,
				messages: await ctx.contentMessages(),
				console: ctx.messages,
				messageFiles: loadMessageFiles(),
				base: ctx.base,
				version: VERSION,
				force: Boolean( options.force ),
			} );
			const counts = [ report.created.length, report.updated.length, report.unchanged.length,
				report.skipped.length ];
			ctx.logger.info( ctx.messages.text( ctx.options.dryRun ? 'capacitybuilding-bot-log-setup-dry-run' : 'capacitybuilding-bot-log-setup-done', ...counts ), {
				created: report.created,
				updated: report.updated,
				skipped: report.skipped,
				edits: ctx.options.dryRun ? 0 : report.created.length + report.updated.length,
			} );
			run.code = report.skipped.length ? EXIT.problems : EXIT.ok;
		} );

	const logSync = ( ctx: BotContext, report: SyncReport ): void => {
		const m = ctx.messages;
		ctx.logger.info( m.text( report.full ? 'capacitybuilding-bot-log-sync-full' : 'capacitybuilding-bot-log-sync-incremental',
			report.pagesRead, report.changed, report.rejected, report.problems, report.requests ), {
			full: report.full, fullBecause: report.fullBecause, pagesRead: report.pagesRead, changed: report.changed,
			rejected: report.rejected, problems: report.problems, requests: report.requests,
			walkedBack: report.walkedBack, historyRequests: report.historyRequests,
		} );
	};

	const syncOnce = async ( ctx: BotContext, full: boolean ): Promise<SyncReport> => {
		const client = await ctx.wiki();
		const store = await ctx.store();
		try {
			const report = await runSync( { client, store, logger: ctx.logger, messages: ctx.messages, base: ctx.base,
				full } );
			logSync( ctx, report );
			return report;
		} finally {
			await store.close();
		}
	};

	const publishOnce = async ( ctx: BotContext ): Promise<number> => {
		const client = await ctx.wiki();
		const store = await ctx.store();
		try {
			const editor = await ctx.editor();
			const report = await runPublish( { client, store, editor, messages: await ctx.contentMessages(),
				base: ctx.base } );
			const outcomes = Object.values( report.outcomes );
			const count = ( ...kinds: string[] ): number => outcomes.filter( ( o ) => kinds.includes( o ) ).length;
			if ( ctx.options.dryRun ) {
				ctx.logger.info( ctx.messages.text( 'capacitybuilding-bot-log-publish-dry-run', count( 'would-create', 'would-edit' ) ),
					{ outcomes: report.outcomes, edits: 0 } );
			} else {
				ctx.logger.info( ctx.messages.text( 'capacitybuilding-bot-log-publish-done', report.edits, count( 'unchanged' ), count( 'skipped' ) ),
					{ outcomes: report.outcomes, edits: report.edits } );
			}
			return count( 'skipped' ) ? EXIT.problems : EXIT.ok;
		} finally {
			await store.close();
		}
	};

	program.command( 'sync' )
		.description( 'bring the store up to date with the wiki: only what changed since the last sync, or everything with --full' )
		.option( '--full', 'read every page under the base instead of recent changes (also forgets pages that are gone)' )
		.addHelpText( 'after', `\nExits with 5 when changes were not accepted or pages have problems (see the review page after publish).\n${ EXIT_CODES_HELP }` )
		.action( async ( options: { full?: boolean }, command: Command ) => {
			const ctx = context( command );
			const report = await syncOnce( ctx, Boolean( options.full ) );
			run.code = report.rejected || report.problems ? EXIT.problems : EXIT.ok;
		} );

	program.command( 'publish' )
		.description( 'write Requests.json, Coaches.json, Statistics.json, the readable lists and the review page from the store' )
		.addHelpText( 'after', `\nOnly pages whose content changes are edited. Honours --dry-run and the shut-off page <base>/Bot/Stop.\n${ EXIT_CODES_HELP }` )
		.action( async ( _options: unknown, command: Command ) => {
			run.code = await publishOnce( context( command ) );
		} );

	program.command( 'watch' )
		.description( 'sync (and with --publish, publish) every --interval seconds until stopped with Ctrl+C or SIGTERM' )
		.option( '--interval <seconds>', 'seconds between rounds', ( value ) => {
			const seconds = Number( value );
			if ( !Number.isInteger( seconds ) || seconds < 1 ) {
				throw new InvalidArgumentError( 'a whole number of seconds, at least 1' );
			}
			return seconds;
		}, 60 )
		.option( '--publish', 'publish after each sync' )
		.option( '--rounds <n>', 'stop after this many rounds (for testing)', ( value ) => Number( value ) )
		.addHelpText( 'after', `\nA round that fails is reported and retried at the next one. The store is closed between rounds.\n${ EXIT_CODES_HELP }` )
		.action( async ( options: { interval: number; publish?: boolean; rounds?: number }, command: Command ) => {
			const ctx = context( command );
			// Set by SIGINT/SIGTERM: the round under way finishes (its store transaction is whole), then the loop ends.
			const signal = { stopping: false, wake: (): void => undefined };
			const stop = (): void => {
				signal.stopping = true;
				signal.wake();
			};
			process.on( 'SIGINT', stop );
			process.on( 'SIGTERM', stop );
			ctx.logger.info( ctx.messages.text( 'capacitybuilding-bot-log-watch-start', options.interval ), { interval: options.interval } );
			try {
				for ( let round = 1; !signal.stopping; round++ ) {
					try {
						await syncOnce( ctx, false );
						if ( options.publish && !signal.stopping ) {
							await publishOnce( ctx );
						}
					} catch ( error ) {
						// Shut-off and login problems need a person; anything else may pass.
						const fatal = [ ShutOffError, CredentialsError, LoginError ];
						if ( fatal.some( ( kind ) => error instanceof kind ) ) {
							throw error;
						}
						const reason = error instanceof Error ? error.message : String( error );
						ctx.logger.warn( ctx.messages.text( 'capacitybuilding-bot-log-watch-error', reason ) );
					}
					if ( options.rounds !== undefined && round >= options.rounds ) {
						break;
					}
					await pause( options.interval * 1000, signal );
				}
			} finally {
				process.off( 'SIGINT', stop );
				process.off( 'SIGTERM', stop );
			}
			ctx.logger.info( ctx.messages.text( 'capacitybuilding-bot-log-watch-stop' ) );
			run.code = EXIT.ok;
		} );

	program.command( 'status' )
		.description( 'what the store holds: counts, last sync, and the problems to review (no wiki needed)' )
		.addHelpText( 'after', `\nExits with 5 when there are problems to review.\n${ EXIT_CODES_HELP }` )
		.action( async ( _options: unknown, command: Command ) => {
			const ctx = context( command );
			const m = ctx.messages;
			const store = await ctx.store();
			try {
				const counts = await store.counts();
				const never = m.text( 'capacitybuilding-bot-log-status-never' );
				const lastSync = await store.state( 'last-sync' );
				const lastFull = await store.state( 'last-full-sync' );
				const cursor = await store.cursor();
				ctx.logger.info( m.text( 'capacitybuilding-bot-log-status-store', store.target.display ), { store: store.target.display } );
				ctx.logger.info( m.text( 'capacitybuilding-bot-log-status-counts', counts.requests ?? 0, counts.coaches ?? 0, counts.hubs ?? 0,
					counts.statusHistory ?? 0, counts.problems ?? 0 ), { counts } );
				ctx.logger.info( m.text( 'capacitybuilding-bot-log-status-last-sync', lastSync ?? never, lastFull ?? never ), { lastSync, lastFullSync: lastFull, cursor } );
				for ( const p of await store.problems() ) {
					ctx.logger.info( m.text( 'capacitybuilding-bot-log-status-problem', p.page, p.revid, p.user,
						m.text( p.message as MessageKey, ...p.params ) ), { page: p.page, revid: p.revid,
						kind: p.kind, message: p.message } );
				}
				run.code = counts.problems ? EXIT.problems : EXIT.ok;
			} finally {
				await store.close();
			}
		} );

	return program;
}

/** Runs the command line; returns the exit code instead of exiting, so tests can call it. */
export async function main( argv: string[], io: Io = { env: process.env } ): Promise<number> {
	const run: { code: number; context: BotContext | null } = { code: EXIT.ok, context: null };
	const program = buildProgram( io, run );
	try {
		await program.parseAsync( argv, { from: 'user' } );
		return run.code;
	} catch ( error ) {
		if ( error instanceof CommanderError ) {
			if ( error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help' ) {
				return EXIT.ok;
			}
			return EXIT.usage;
		}
		return exitCodeFor( error, run.context?.logger ?? null, run.context?.messages ?? new Messages( 'en' ) );
	}
}
