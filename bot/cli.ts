/**
 * `capacity-bot`: the command line of the CapacityBuilding bot.
 *
 * This file builds the program (its global options and translated help) and maps what a command
 * ends with to an exit code. Each command lives in `bot/commands/<command>.ts`; what they share
 * (settings, logger, messages, wiki, store) is `bot/commands/context.ts`.
 */
import { CommanderError, Option, type Command, type Help } from 'commander';
import { DEFAULT_BASE_PAGE } from '../modules/core/constants';
import type { MessageKey } from '../modules/core/messages';
import { BotContext, VERSION, operatorMessages, type CommandKit, type CommandRun, type GlobalOptions, type Io } from './commands/context';
import { deployCommand } from './commands/deploy';
import { exportCommand } from './commands/export';
import { notifyCommand } from './commands/notify';
import { publishCommand } from './commands/publish';
import { setupCommand } from './commands/setup';
import { statusCommand } from './commands/status';
import { syncCommand } from './commands/sync';
import { watchCommand } from './commands/watch';
import { CredentialsError } from './credentials';
import { ShutOffError } from './edits';
import { EXIT, exitCodesHelp } from './exitCodes';
import { errorText, type Messages } from './i18n';
import type { Logger } from './log';
import { TranslatedCommand } from './usageErrors';
import { ConnectionError, LoginError } from './wiki';
import { StoreUrlError } from '../sql/dialect';
import { MigrationError } from '../sql/migrate';

export type { Io } from './commands/context';

/** The commands, in the order `--help` lists them. */
const COMMANDS: ( ( kit: CommandKit ) => void )[] = [
	setupCommand, syncCommand, notifyCommand, publishCommand, watchCommand, statusCommand, exportCommand, deployCommand,
];

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
function buildProgram( io: Io, run: CommandRun ): Command {
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
	const kit: CommandKit = {
		operator,
		t,
		run,
		command: ( name, description, after ) => program.command( name )
			.description( t( description ) )
			.helpOption( '-h, --help', t( 'capacitybuilding-bot-help-option-help' ) )
			.configureHelp( translatedHelp( operator ) )
			.addHelpText( 'after', after ? `\n${ t( after ) }\n${ exitCodes }` : exitCodes ),
		context: ( command ) => {
			run.context = new BotContext( command.optsWithGlobals<GlobalOptions>(), io, operator );
			return run.context;
		},
	};
	for ( const declare of COMMANDS ) {
		declare( kit );
	}
	return program;
}

/** Runs the command line; returns the exit code instead of exiting, so tests can call it. */
export async function main( argv: string[], io: Io = { env: process.env } ): Promise<number> {
	const run: CommandRun = { code: EXIT.ok, context: null };
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
