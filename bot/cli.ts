/**
 * `capacity-bot`: the command line of the CapacityBuilding bot.
 *
 * Settings come from, in order: command-line options, the environment (CAPACITY_BOT_API,
 * CAPACITY_BOT_DB, CAPACITY_BOT_BASE, CAPACITY_BOT_CONTACT and the credentials variables), and a JSON
 * configuration file given with --config (which may hold credentials only when no one else can
 * read it). Credentials are never printed, even with --verbose.
 */
import { Command, CommanderError, Option } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_BASE_PAGE } from '../modules/core/constants';
import { sitePages } from '../modules/core/pages';
import { CredentialsError, assertPrivateFile, loadCredentials } from './credentials';
import { Editor, ShutOffError } from './edits';
import { EXIT, EXIT_CODES_HELP } from './exitCodes';
import { Messages, loadMessageFiles } from './i18n';
import { Logger } from './log';
import { runSetup } from './setup/setup';
import { ConnectionError, LoginError, WikiClient } from './wiki';

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
			} );
		}
		return this.client;
	}

	/** Messages in the wiki's content language, for edit summaries and page content. */
	public async contentMessages(): Promise<Messages> {
		return new Messages( ( await this.wiki() ).site.language );
	}

	public async editor(): Promise<Editor> {
		return new Editor( await this.wiki(), this.logger, {
			dryRun: Boolean( this.options.dryRun ),
			stopPage: sitePages( this.base ).stop,
		} );
	}
}

function exitCodeFor( error: unknown, logger: Logger | null ): number {
	const report = ( message: string ): void => {
		if ( logger ) {
			logger.error( message );
		} else {
			process.stderr.write( `error: ${ message }\n` );
		}
	};
	if ( error instanceof CredentialsError || error instanceof LoginError ) {
		report( error.message );
		return EXIT.configuration;
	}
	if ( error instanceof ConnectionError ) {
		report( error.message );
		return EXIT.unreachable;
	}
	if ( error instanceof ShutOffError ) {
		report( error.message );
		return EXIT.stopped;
	}
	report( error instanceof Error ? ( error.stack ?? error.message ) : String( error ) );
	return EXIT.failure;
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
				messageFiles: loadMessageFiles(),
				base: ctx.base,
				version: VERSION,
				force: Boolean( options.force ),
			} );
			const verb = ctx.options.dryRun ? 'would be' : 'were';
			ctx.logger.info( `Setup: ${ report.created.length } pages ${ verb } created, ${ report.updated.length } updated, ` +
				`${ report.unchanged.length } already up to date, ${ report.skipped.length } skipped.`, {
				created: report.created,
				updated: report.updated,
				skipped: report.skipped,
				edits: ctx.options.dryRun ? 0 : report.created.length + report.updated.length,
			} );
			run.code = report.skipped.length ? EXIT.problems : EXIT.ok;
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
		return exitCodeFor( error, run.context?.logger ?? null );
	}
}
