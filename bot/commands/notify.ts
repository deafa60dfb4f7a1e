/**
 * `capacity-bot notify [--since <time>]`: posts the status updates the store's accepted state calls
 * for (see `bot/notify/notify.ts`); with --dry-run, prints every post in full and saves nothing.
 * `notifyOnce` is also the middle of a `watch --notify` round.
 */
import { InvalidArgumentError, type Command } from 'commander';
import { EXIT } from '../exitCodes';
import { runNotify, parseSince, type NotifyReport } from '../notify/notify';
import type { BotContext, CommandKit } from './context';

/** One notify round: opens the store, posts, logs the summary line, closes the store. */
export async function notifyOnce( ctx: BotContext, since?: string ): Promise<NotifyReport> {
	const client = await ctx.wiki();
	const store = await ctx.store();
	const grace = ctx.env.CAPACITY_BOT_NOTIFY_GRACE;
	try {
		const report = await runNotify( {
			client, store, editor: await ctx.editor(), logger: ctx.logger, messages: ctx.messages,
			messageFiles: ctx.messageFiles,
			base: ctx.base, dryRun: Boolean( ctx.options.dryRun ), ...( since === undefined ? {} : { since } ),
			...( grace ? { graceSeconds: Number( grace ) } : {} ),
		} );
		const m = ctx.messages;
		const data = { ...report };
		if ( ctx.options.dryRun ) {
			ctx.logger.info( m.text( 'capacitybuilding-bot-log-notify-dry-run', report.wouldPost ), data );
		} else {
			ctx.logger.info( m.text( 'capacitybuilding-bot-log-notify-done', report.recorded, report.sent, report.skipped, report.failed,
				report.pending, report.edits, report.reads ), data );
		}
		return report;
	} finally {
		await store.close();
	}
}

/** Checks --since: "now" or an ISO 8601 time. */
export function sinceOption( kit: CommandKit ): ( value: string ) => string {
	return ( value: string ): string => {
		if ( parseSince( value, new Date() ) === null ) {
			throw new InvalidArgumentError( kit.t( 'capacitybuilding-bot-help-since-invalid' ) );
		}
		return value;
	};
}

export function notifyCommand( kit: CommandKit ): void {
	kit.command( 'notify', 'capacitybuilding-bot-help-command-notify', 'capacitybuilding-bot-help-notify-after' )
		.option( '--since <time>', kit.t( 'capacitybuilding-bot-help-option-since' ), sinceOption( kit ) )
		.action( async ( options: { since?: string }, command: Command ) => {
			const report = await notifyOnce( kit.context( command ), options.since );
			kit.run.code = report.skipped || report.failed ? EXIT.problems : EXIT.ok;
		} );
}
