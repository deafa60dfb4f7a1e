/**
 * `capacity-bot setup [--force]`: installs or updates the templates, topics, configuration and
 * base pages (see `bot/setup/setup.ts`).
 */
import type { Command } from 'commander';
import { EXIT } from '../exitCodes';
import { loadMessageFiles } from '../i18n';
import { runSetup } from '../setup/setup';
import { VERSION, type CommandKit } from './context';

export function setupCommand( kit: CommandKit ): void {
	kit.command( 'setup', 'capacitybuilding-bot-help-command-setup', null )
		.option( '--force', kit.t( 'capacitybuilding-bot-help-option-force' ) )
		.action( async ( options: { force?: boolean }, command: Command ) => {
			const ctx = kit.context( command );
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
			kit.run.code = report.skipped.length ? EXIT.problems : EXIT.ok;
		} );
}
