/**
 * `capacity-bot status`: what the store holds, the last syncs, the cursor and every problem.
 * Needs no wiki.
 */
import type { Command } from 'commander';
import type { MessageKey } from '../../modules/core/messages';
import { EXIT } from '../exitCodes';
import type { CommandKit } from './context';

export function statusCommand( kit: CommandKit ): void {
	kit.command( 'status', 'capacitybuilding-bot-help-command-status', 'capacitybuilding-bot-help-status-after' )
		.action( async ( _options: unknown, command: Command ) => {
			const ctx = kit.context( command );
			const m = ctx.messages;
			const store = await ctx.store();
			try {
				const counts = await store.counts();
				const never = m.text( 'capacitybuilding-bot-log-status-never' );
				const lastSync = await store.state( 'last-sync' );
				const lastFull = await store.state( 'last-full-sync' );
				const cursor = await store.cursor();
				ctx.logger.info( m.text( 'capacitybuilding-bot-log-status-store', store.target.display ), { store: store.target.display } );
				ctx.logger.info( m.text( 'capacitybuilding-bot-log-status-counts', counts.requests ?? 0, counts.coaches ?? 0, counts.hubs ?? 0,
					counts.statusHistory ?? 0, counts.problems ?? 0 ), { counts } );
				ctx.logger.info( m.text( 'capacitybuilding-bot-log-status-last-sync', lastSync ?? never, lastFull ?? never ), { lastSync, lastFullSync: lastFull, cursor } );
				for ( const p of await store.problems() ) {
					ctx.logger.info( m.text( 'capacitybuilding-bot-log-status-problem', p.page, p.revid, p.user,
						m.text( p.message as MessageKey, ...p.params ) ), { page: p.page, revid: p.revid,
						kind: p.kind, message: p.message } );
				}
				kit.run.code = counts.problems ? EXIT.problems : EXIT.ok;
			} finally {
				await store.close();
			}
		} );
}
