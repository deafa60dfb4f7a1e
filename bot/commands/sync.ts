/**
 * `capacity-bot sync [--full]`: reads what changed on the wiki, judges it and stores it (see
 * `bot/sync/sync.ts`). `syncOnce` is also one half of a `watch` round.
 */
import type { Command } from 'commander';
import { EXIT } from '../exitCodes';
import { runSync, type SyncReport } from '../sync/sync';
import type { BotContext, CommandKit } from './context';

function logSync( ctx: BotContext, report: SyncReport ): void {
	const m = ctx.messages;
	ctx.logger.info( m.text( report.full ? 'capacitybuilding-bot-log-sync-full' : 'capacitybuilding-bot-log-sync-incremental',
		report.pagesRead, report.changed, report.rejected, report.problems, report.requests ), {
		full: report.full, fullBecause: report.fullBecause, pagesRead: report.pagesRead, changed: report.changed,
		rejected: report.rejected, problems: report.problems, requests: report.requests,
		revisions: report.revisions, walkedBack: report.walkedBack, historyRequests: report.historyRequests,
	} );
}

/** One sync: opens the store, syncs, logs the summary line, closes the store. */
export async function syncOnce( ctx: BotContext, full: boolean ): Promise<SyncReport> {
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
}

export function syncCommand( kit: CommandKit ): void {
	kit.command( 'sync', 'capacitybuilding-bot-help-command-sync', 'capacitybuilding-bot-help-sync-after' )
		.option( '--full', kit.t( 'capacitybuilding-bot-help-option-full' ) )
		.action( async ( options: { full?: boolean }, command: Command ) => {
			const ctx = kit.context( command );
			const report = await syncOnce( ctx, Boolean( options.full ) );
			kit.run.code = report.rejected || report.problems ? EXIT.problems : EXIT.ok;
		} );
}
