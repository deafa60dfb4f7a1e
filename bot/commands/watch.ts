/**
 * `capacity-bot watch [--interval s] [--notify] [--publish] [--rounds n]`: repeats `sync` (then
 * `notify`, then `publish`) until stopped. A failing round is reported and retried at the next, except the
 * failures that
 * need a person (the shut-off page, credentials, login). SIGINT/SIGTERM let the round under way
 * finish.
 */
import { InvalidArgumentError, type Command } from 'commander';
import { CredentialsError } from '../credentials';
import { ShutOffError } from '../edits';
import { EXIT } from '../exitCodes';
import { errorText } from '../i18n';
import { LoginError } from '../wiki';
import type { CommandKit } from './context';
import { notifyOnce } from './notify';
import { publishOnce } from './publish';
import { syncOnce } from './sync';

/** Seconds between `watch` rounds. */
const DEFAULT_INTERVAL = 60;

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

interface WatchOptions {
	interval: number;
	notify?: boolean;
	publish?: boolean;
	rounds?: number;
}

export function watchCommand( kit: CommandKit ): void {
	const t = kit.t.bind( kit );
	kit.command( 'watch', 'capacitybuilding-bot-help-command-watch', 'capacitybuilding-bot-help-watch-after' )
		.option( '--interval <seconds>', t( 'capacitybuilding-bot-help-option-interval', DEFAULT_INTERVAL ), ( value ) => {
			const seconds = Number( value );
			if ( !Number.isInteger( seconds ) || seconds < 1 ) {
				throw new InvalidArgumentError( t( 'capacitybuilding-bot-help-interval-invalid' ) );
			}
			return seconds;
		}, DEFAULT_INTERVAL )
		.option( '--notify', t( 'capacitybuilding-bot-help-option-notify' ) )
		.option( '--publish', t( 'capacitybuilding-bot-help-option-publish' ) )
		.option( '--rounds <n>', t( 'capacitybuilding-bot-help-option-rounds' ), ( value ) => Number( value ) )
		.action( async ( options: WatchOptions, command: Command ) => {
			const ctx = kit.context( command );
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
						if ( options.notify && !signal.stopping ) {
							await notifyOnce( ctx );
						}
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
			kit.run.code = EXIT.ok;
		} );
}
