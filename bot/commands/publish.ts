/**
 * `capacity-bot publish`: writes the indexes, lists and review page from the store (see
 * `bot/publish/publish.ts`). `publishOnce` is also the second half of a `watch --publish` round.
 */
import type { Command } from 'commander';
import { sitePages } from '../../modules/core/pages';
import { EXIT } from '../exitCodes';
import { runPublish } from '../publish/publish';
import type { BotContext, CommandKit } from './context';

/** One publish: opens the store, publishes, logs the summary line; returns the exit code it earns. */
export async function publishOnce( ctx: BotContext ): Promise<number> {
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
}

export function publishCommand( kit: CommandKit ): void {
	kit.command( 'publish', 'capacitybuilding-bot-help-command-publish', 'capacitybuilding-bot-help-publish-after' )
		.action( async ( _options: unknown, command: Command ) => {
			kit.run.code = await publishOnce( kit.context( command ) );
		} );
}
