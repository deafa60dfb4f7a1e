/**
 * Exit codes of capacity-bot, documented in `capacity-bot --help` and the README.
 */
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

export const EXIT_CODES_HELP = `Exit codes:
  0  done
  1  unexpected failure
  2  wrong usage
  3  configuration or credentials missing, unsafe or refused
  4  wiki or database unreachable
  5  done, with problems for a person to look at
  6  stopped by the emergency shut-off page`;
