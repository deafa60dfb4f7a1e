/**
 * `capacity-bot publish [--report-quarters q,…]`: writes the indexes, lists, self-evaluation
 * reports and review page from the store (see `bot/publish/publish.ts`). `publishOnce` is also the
 * second half of a `watch --publish` round.
 */
import { InvalidArgumentError, type Command } from 'commander';
import type { Period } from '../../modules/core/figures';
import { sitePages } from '../../modules/core/pages';
import { EXIT } from '../exitCodes';
import { runPublish } from '../publish/publish';
import { defaultQuarters, parseQuarter } from '../publish/reports';
import type { BotContext, CommandKit } from './context';

/**
 * One publish: opens the store, publishes, logs the summary line; returns the exit code it earns.
 *
 * @param ctx The command's context
 * @param reportQuarters The quarters whose reports are written; by default the current and the previous one
 */
export async function publishOnce( ctx: BotContext, reportQuarters?: readonly Period[] ): Promise<number> {
	const client = await ctx.wiki();
	const store = await ctx.store();
	try {
		const editor = await ctx.editor();
		const report = await runPublish( { client, store, editor, messages: await ctx.contentMessages(),
			base: ctx.base, console: ctx.messages, logger: ctx.logger,
			reportQuarters: reportQuarters ?? defaultQuarters( new Date() ) } );
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

/** The value of --report-quarters: quarters, comma-separated, or `none`. */
function reportQuartersOption( value: string, invalid: string ): Period[] {
	if ( value.trim() === 'none' ) {
		return [];
	}
	const quarters = value.split( ',' ).map( ( label ) => parseQuarter( label.trim() ) );
	if ( !quarters.length || quarters.includes( null ) ) {
		throw new InvalidArgumentError( invalid );
	}
	return [ ...new Map( ( quarters as Period[] ).map( ( q ) => [ q.label, q ] ) ).values() ];
}

export function publishCommand( kit: CommandKit ): void {
	const t = kit.t.bind( kit );
	kit.command( 'publish', 'capacitybuilding-bot-help-command-publish', 'capacitybuilding-bot-help-publish-after' )
		.option( '--report-quarters <quarters>', t( 'capacitybuilding-bot-help-option-report-quarters' ),
			( value ) => reportQuartersOption( value, t( 'capacitybuilding-bot-help-report-quarters-invalid' ) ) )
		.action( async ( options: { reportQuarters?: Period[] }, command: Command ) => {
			kit.run.code = await publishOnce( kit.context( command ), options.reportQuarters );
		} );
}
