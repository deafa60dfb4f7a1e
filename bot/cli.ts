/**
 * `capacity-bot`: the command line of the CapacityBuilding bot.
 *
 * Settings come from, in order: command-line options, the environment (CAPACITY_BOT_API,
 * CAPACITY_BOT_DB, CAPACITY_BOT_BASE, CAPACITY_BOT_CONTACT and the credentials variables), and a JSON
 * configuration file given with --config (which may hold credentials only when no one else can
 * read it). Credentials are never printed, even with --verbose.
 */
import { Command, CommanderError, InvalidArgumentError, Option, type Help } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_BASE_PAGE } from '../modules/core/constants';
import type { MessageKey } from '../modules/core/messages';
import { sitePages } from '../modules/core/pages';
import { CredentialsError, assertPrivateFile, loadCredentials } from './credentials';
import { Editor, ShutOffError } from './edits';
import { EXIT, exitCodesHelp } from './exitCodes';
import { Messages, errorText, loadMessageFiles, operatorLanguage } from './i18n';
import { Logger } from './log';
import { runSetup } from './setup/setup';
import { runPublish } from './publish/publish';
import { Store } from './store';
import { runSync, type SyncReport } from './sync/sync';
import { ConnectionError, LoginError, WikiClient } from './wiki';
import { TranslatedCommand } from './usageErrors';
import { StoreUrlError } from '../sql/dialect';
import { MigrationError } from '../sql/migrate';

const PACKAGE = JSON.parse( fs.readFileSync( path.resolve( __dirname, '..', 'package.json' ), 'utf8' ) ) as { version: string };
export const VERSION = PACKAGE.version;
const DEFAULT_CONTACT = 'https://meta.wikimedia.org/wiki/Talk:Capacity_building';
/** Seconds between `watch` rounds. */
const DEFAULT_INTERVAL = 60;

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
	/** Message files by language (tests pass their own); defaults to i18n/*.json. */
	messageFiles?: Record<string, Record<string, string>>;
}

/** Messages for the operator's console, in the language `operatorLanguage` picks. */
export function operatorMessages( io: Io ): Messages {
	return new Messages( operatorLanguage( io.env ), io.messageFiles ?? loadMessageFiles() );
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
		throw new CredentialsError( 'capacitybuilding-bot-error-config-unreadable', file, ( error as Error ).message );
	}
	if ( typeof data !== 'object' || data === null || Array.isArray( data ) ) {
		throw new CredentialsError( 'capacitybuilding-bot-error-config-not-object', file );
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

	/** Messages for the operator's console (see `operatorLanguage`). */
	public readonly messages: Messages;

	public constructor( options: GlobalOptions, io: Io, messages: Messages ) {
		this.options = options;
		this.messages = messages;
		this.env = io.env;
		this.logger = new Logger( {
			verbose: options.verbose, quiet: options.quiet, json: options.json,
			label: ( level, text ) => messages.text( level === 'warn' ? 'capacitybuilding-bot-log-level-warning' : 'capacitybuilding-bot-log-level-error', text ),
			...( io.write ? { write: io.write, interactive: false } : {} ),
		} );
		this.file = options.config ? readConfigFile( options.config ) : {};
	}

	public get api(): string {
		const api = this.options.api ?? this.env.CAPACITY_BOT_API ?? this.file.api;
		if ( !api ) {
			throw new CredentialsError( 'capacitybuilding-bot-error-no-api' );
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
				throw new CredentialsError( 'capacitybuilding-bot-error-no-credentials' );
			}
			this.client = await WikiClient.connect( {
				api: this.api, credentials, userAgent: userAgent( this.contact ), logger: this.logger,
				messages: this.messages,
			} );
		}
		return this.client;
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
			process.stderr.write( `${ messages.text( 'capacitybuilding-bot-log-level-error', message ) }\n` );
		}
	};
	if ( error instanceof StoreUrlError ) {
		report( messages.text( 'capacitybuilding-bot-error-store-url', error.shown, messages.text( error.reason ) ) );
		return EXIT.configuration;
	}
	if ( error instanceof MigrationError ) {
		report( messages.text( 'capacitybuilding-bot-error-migration', error.migration, error.message ) );
		return EXIT.configuration;
	}
	if ( error instanceof CredentialsError || error instanceof LoginError ) {
		report( errorText( error, messages ) );
		return EXIT.configuration;
	}
	if ( error instanceof ConnectionError ) {
		report( errorText( error, messages ) );
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

/**
 * Commander's help in the operator's language: headings translated, and option descriptions
 * without commander's English "(default: …)" (the messages say the defaults themselves).
 *
 * @param messages The operator's messages
 */
function translatedHelp( messages: Messages ): Partial<Help> {
	const titles: Record<string, MessageKey> = {
		'Usage:': 'capacitybuilding-bot-help-title-usage',
		'Options:': 'capacitybuilding-bot-help-title-options',
		'Commands:': 'capacitybuilding-bot-help-title-commands',
		'Arguments:': 'capacitybuilding-bot-help-title-arguments',
		'Global Options:': 'capacitybuilding-bot-help-title-global-options',
	};
	return {
		styleTitle: ( title: string ) => titles[ title ] ? messages.text( titles[ title ] as MessageKey ) : title,
		optionDescription: ( option: Option ) => option.description,
	};
}

/** Builds the program; `run` holds the exit code the chosen command ends with. */
function buildProgram( io: Io, run: { code: number; context: BotContext | null } ): Command {
	const operator = operatorMessages( io );
	const t = ( key: MessageKey, ...params: ( string | number )[] ): string => operator.text( key, ...params );
	const exitCodes = `\n${ exitCodesHelp( operator ) }`;
	const program = new TranslatedCommand( 'capacity-bot', operator )
		.description( t( 'capacitybuilding-bot-help-program' ) )
		.version( VERSION, '-V, --version', t( 'capacitybuilding-bot-help-option-version' ) )
		.helpOption( '-h, --help', t( 'capacitybuilding-bot-help-option-help' ) )
		.helpCommand( 'help [command]', t( 'capacitybuilding-bot-help-command-help' ) )
		.configureHelp( translatedHelp( operator ) )
		.addOption( new Option( '--api <url>', t( 'capacitybuilding-bot-help-option-api' ) ) )
		.addOption( new Option( '--config <file>', t( 'capacitybuilding-bot-help-option-config' ) ) )
		.addOption( new Option( '--db <url>', t( 'capacitybuilding-bot-help-option-db' ) ) )
		.addOption( new Option( '--base <page>', t( 'capacitybuilding-bot-help-option-base', DEFAULT_BASE_PAGE ) ) )
		.addOption( new Option( '--contact <text>', t( 'capacitybuilding-bot-help-option-contact' ) ) )
		.addOption( new Option( '--dry-run', t( 'capacitybuilding-bot-help-option-dry-run' ) ) )
		.addOption( new Option( '--verbose', t( 'capacitybuilding-bot-help-option-verbose' ) ).conflicts( 'quiet' ) )
		.addOption( new Option( '--quiet', t( 'capacitybuilding-bot-help-option-quiet' ) ) )
		.addOption( new Option( '--json', t( 'capacitybuilding-bot-help-option-json' ) ) )
		.addHelpText( 'after', `\n${ t( 'capacitybuilding-bot-help-credentials' ) }\n${ exitCodes }` )
		.showHelpAfterError()
		.exitOverride();
	if ( io.write ) {
		const write = io.write;
		program.configureOutput( { writeOut: ( s ) => write( s.trimEnd() ), writeErr: ( s ) => write( s.trimEnd() ) } );
	}
	/** A subcommand, with the translated help that every command shares. */
	const subcommand = ( name: string, description: MessageKey,
		after: MessageKey | null ): Command => program.command( name )
		.description( t( description ) )
		.helpOption( '-h, --help', t( 'capacitybuilding-bot-help-option-help' ) )
		.configureHelp( translatedHelp( operator ) )
		.addHelpText( 'after', after ? `\n${ t( after ) }\n${ exitCodes }` : exitCodes );
	const context = ( command: Command ): BotContext => {
		run.context = new BotContext( command.optsWithGlobals<GlobalOptions>(), io, operator );
		return run.context;
	};

	subcommand( 'setup', 'capacitybuilding-bot-help-command-setup', null )
		.option( '--force', t( 'capacitybuilding-bot-help-option-force' ) )
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
				base: ctx.base, console: ctx.messages, logger: ctx.logger } );
			const outcomes = Object.values( report.outcomes );
			const count = ( ...kinds: string[] ): number => outcomes.filter( ( o ) => kinds.includes( o ) ).length;
			if ( ctx.options.dryRun ) {
				ctx.logger.info( ctx.messages.text( 'capacitybuilding-bot-log-publish-dry-run', count( 'would-create', 'would-edit' ) ),
					{ outcomes: report.outcomes, edits: 0, editRequests: 0 } );
			} else {
				ctx.logger.info( ctx.messages.text( 'capacitybuilding-bot-log-publish-done', report.edits, count( 'unchanged' ), count( 'skipped' ) ),
					{ outcomes: report.outcomes, edits: report.edits, editRequests: report.editRequests } );
			}
			if ( report.problems.length ) {
				ctx.logger.warn( ctx.messages.text( 'capacitybuilding-bot-log-publish-problems', report.problems.length, sitePages( ctx.base ).review ),
					{ problems: report.problems.length } );
			}
			return count( 'skipped' ) || report.problems.length ? EXIT.problems : EXIT.ok;
		} finally {
			await store.close();
		}
	};

	subcommand( 'sync', 'capacitybuilding-bot-help-command-sync', 'capacitybuilding-bot-help-sync-after' )
		.option( '--full', t( 'capacitybuilding-bot-help-option-full' ) )
		.action( async ( options: { full?: boolean }, command: Command ) => {
			const ctx = context( command );
			const report = await syncOnce( ctx, Boolean( options.full ) );
			run.code = report.rejected || report.problems ? EXIT.problems : EXIT.ok;
		} );

	subcommand( 'publish', 'capacitybuilding-bot-help-command-publish', 'capacitybuilding-bot-help-publish-after' )
		.action( async ( _options: unknown, command: Command ) => {
			run.code = await publishOnce( context( command ) );
		} );

	subcommand( 'watch', 'capacitybuilding-bot-help-command-watch', 'capacitybuilding-bot-help-watch-after' )
		.option( '--interval <seconds>', t( 'capacitybuilding-bot-help-option-interval', DEFAULT_INTERVAL ), ( value ) => {
			const seconds = Number( value );
			if ( !Number.isInteger( seconds ) || seconds < 1 ) {
				throw new InvalidArgumentError( t( 'capacitybuilding-bot-help-interval-invalid' ) );
			}
			return seconds;
		}, DEFAULT_INTERVAL )
		.option( '--publish', t( 'capacitybuilding-bot-help-option-publish' ) )
		.option( '--rounds <n>', t( 'capacitybuilding-bot-help-option-rounds' ), ( value ) => Number( value ) )
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
						ctx.logger.warn( ctx.messages.text( 'capacitybuilding-bot-log-watch-error', errorText( error, ctx.messages ) ) );
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

	subcommand( 'status', 'capacitybuilding-bot-help-command-status', 'capacitybuilding-bot-help-status-after' )
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
		return exitCodeFor( error, run.context?.logger ?? null, run.context?.messages ?? operatorMessages( io ) );
	}
}
