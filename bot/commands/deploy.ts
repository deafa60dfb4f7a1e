/**
 * `capacity-bot deploy [--definitions] [--messages-only] [--force] [--namespaces 0,4]`: publishes the
 * gadget flavour of the build on a wiki that runs the tools as gadgets (see bot/deploy/deploy.ts).
 * With --dry-run it needs no account: it prints the diff of every change and the definition lines.
 */
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { runDeploy } from '../deploy/deploy';
import { sourceVersion } from '../deploy/version';
import { EXIT } from '../exitCodes';
import { distDir } from '../../scripts/lib/paths';
import type { CommandKit } from './context';

interface DeployOptions {
	definitions?: boolean;
	messagesOnly?: boolean;
	force?: boolean;
	namespaces?: number[];
}

export function deployCommand( kit: CommandKit ): void {
	kit.command( 'deploy', 'capacitybuilding-bot-help-command-deploy', 'capacitybuilding-bot-help-deploy-after' )
		.option( '--definitions', kit.t( 'capacitybuilding-bot-help-option-definitions' ) )
		.option( '--messages-only', kit.t( 'capacitybuilding-bot-help-option-messages-only' ) )
		.option( '--force', kit.t( 'capacitybuilding-bot-help-option-deploy-force' ) )
		.option( '--namespaces <numbers>', kit.t( 'capacitybuilding-bot-help-option-namespaces' ), ( value: string ) => {
			const numbers = value.split( ',' ).map( ( part ) => part.trim() );
			if ( !numbers.length || numbers.some( ( part ) => !/^\d+$/.test( part ) ) ) {
				throw new InvalidArgumentError( kit.t( 'capacitybuilding-bot-help-namespaces-invalid' ) );
			}
			return numbers.map( Number );
		} )
		.action( async ( options: DeployOptions, command: Command ) => {
			const ctx = kit.context( command );
			const dryRun = Boolean( ctx.options.dryRun );
			// A dry run may look at the wiki without an account.
			const client = await ctx.wiki( { anonymous: dryRun } );
			const version = sourceVersion();
			const editor = await ctx.editor();
			const report = await runDeploy( {
				client,
				editor,
				logger: ctx.logger,
				messages: await ctx.contentMessages(),
				console: ctx.messages,
				messageFiles: ctx.messageFiles,
				base: ctx.base,
				version,
				distDir,
				dryRun,
				definitions: Boolean( options.definitions ),
				messagesOnly: Boolean( options.messagesOnly ),
				force: Boolean( options.force ),
				namespaces: options.namespaces ?? null,
			} );
			const { created, updated, unchanged, skipped } = report;
			const counts = [ created, updated, unchanged, skipped ].map( ( list ) => list.length );
			const done = dryRun ? 'capacitybuilding-bot-log-deploy-dry-run' : 'capacitybuilding-bot-log-deploy-done';
			ctx.logger.info( ctx.messages.text( done, version, ...counts ), {
				version,
				created: report.created,
				updated: report.updated,
				skipped: report.skipped,
				definitions: report.definitions,
				edits: editor.edits,
			} );
			kit.run.code = report.skipped.length || [ 'differs', 'damaged', 'skipped' ].includes( report.definitions ) ?
				EXIT.problems : EXIT.ok;
		} );
}
