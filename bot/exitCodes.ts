/**
 * Exit codes of capacity-bot, documented in `capacity-bot --help` and the README.
 */
import type { MessageKey } from '../modules/core/messages';
import type { Messages } from './i18n';

export const EXIT = {
	/** Everything done. */
	ok: 0,
	/** An unexpected failure (a bug, or an API error the bot does not handle). */
	failure: 1,
	/** Wrong command-line usage. */
	usage: 2,
	/** Missing or unsafe configuration or credentials, or a failed login. */
	configuration: 3,
	/** The wiki (or the database) could not be reached. */
	unreachable: 4,
	/** Done, but with problems that need a person (pages skipped, malformed pages reported). */
	problems: 5,
	/** Stopped by the emergency shut-off page. */
	stopped: 6,
} as const;

const EXIT_MESSAGES: Record<keyof typeof EXIT, MessageKey> = {
	ok: 'capacitybuilding-bot-help-exit-ok',
	failure: 'capacitybuilding-bot-help-exit-failure',
	usage: 'capacitybuilding-bot-help-exit-usage',
	configuration: 'capacitybuilding-bot-help-exit-configuration',
	unreachable: 'capacitybuilding-bot-help-exit-unreachable',
	problems: 'capacitybuilding-bot-help-exit-problems',
	stopped: 'capacitybuilding-bot-help-exit-stopped',
};

/** The exit codes' list for `--help`, in the operator's language. */
export function exitCodesHelp( messages: Messages ): string {
	const lines = ( Object.keys( EXIT ) as ( keyof typeof EXIT )[] ).map( ( name ) => `  ${ EXIT[ name ] }  ${ messages.text( EXIT_MESSAGES[ name ] ) }` );
	return [ messages.text( 'capacitybuilding-bot-help-exit-codes' ), ...lines ].join( '\n' );
}
