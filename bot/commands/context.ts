/**
 * What every command of `capacity-bot` shares: the settings, the logger, the operator's messages,
 * the wiki and the store (`BotContext`), and the `CommandKit` a command module declares itself with.
 *
 * Settings come from, in order: command-line options, the environment (CAPACITY_BOT_API,
 * CAPACITY_BOT_DB, CAPACITY_BOT_BASE, CAPACITY_BOT_CONTACT and the credentials variables), and a JSON
 * configuration file given with --config (which may hold credentials only when no one else can
 * read it). Credentials are never printed, even with --verbose.
 */
import type { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_BASE_PAGE } from '../../modules/core/constants';
import type { MessageKey } from '../../modules/core/messages';
import { sitePages } from '../../modules/core/pages';
import { CredentialsError, assertPrivateFile, loadCredentials } from '../credentials';
import { Editor } from '../edits';
import { Messages, loadMessageFiles, operatorLanguage } from '../i18n';
import { Logger } from '../log';
import { ROOT } from '../paths';
import { Store } from '../store';
import { WikiClient } from '../wiki';

const PACKAGE = JSON.parse( fs.readFileSync( path.join( ROOT, 'package.json' ), 'utf8' ) ) as { version: string };
export const VERSION = PACKAGE.version;
const DEFAULT_CONTACT = 'https://meta.wikimedia.org/wiki/Talk:Capacity_building';

/** The options every command takes (declared on the program). */
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

	private readonly io: Io;

	/** Messages for the operator's console (see `operatorLanguage`). */
	public readonly messages: Messages;

	/** Every message file by language (i18n/*.json, or the caller's): what notices and pages can be written in. */
	public readonly messageFiles: Record<string, Record<string, string>>;

	public constructor( options: GlobalOptions, io: Io, messages: Messages ) {
		this.options = options;
		this.messages = messages;
		this.messageFiles = io.messageFiles ?? loadMessageFiles();
		this.env = io.env;
		this.io = io;
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

	/**
	 * Connects (once) and logs in.
	 *
	 * @param options
	 * @param options.anonymous Without credentials: read only (a dry run that needs no account)
	 */
	public async wiki( options: { anonymous?: boolean } = {} ): Promise<WikiClient> {
		if ( !this.client ) {
			const credentials = loadCredentials( this.env, this.options.config );
			if ( !credentials && !options.anonymous ) {
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

/** The outcome of one run of the program: the exit code the chosen command set, and its context. */
export interface CommandRun {
	code: number;
	context: BotContext | null;
}

/** What a command module (`bot/commands/<command>.ts`) declares its command with. */
export interface CommandKit {
	/** The operator's messages. */
	readonly operator: Messages;
	/** A text in the operator's language. */
	t( key: MessageKey, ...params: ( string | number )[] ): string;
	/**
	 * Declares a subcommand with the translated help every command shares.
	 *
	 * @param name The command's name
	 * @param description Its description in `--help`
	 * @param after A text shown after its options in `--help` (the exit codes follow)
	 */
	command( name: string, description: MessageKey, after: MessageKey | null ): Command;
	/** The context of the command that runs (call once, in its action). */
	context( command: Command ): BotContext;
	/** Where the action puts its exit code. */
	readonly run: CommandRun;
}
