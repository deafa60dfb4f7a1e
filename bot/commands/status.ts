/**
 * `capacity-bot status`: what the store holds, the last syncs, the cursor, every problem, and the
 * status updates: pending, being posted, failed, skipped (with why) and the last ones sent.
 * Needs no wiki.
 */
import type { Command } from 'commander';
import type { MessageKey } from '../../modules/core/messages';
import { EXIT } from '../exitCodes';
import { Ledger, type NoticeState } from '../notify/ledger';
import type { BotContext, CommandKit } from './context';

/** The notices of every state, with why a skipped or failed one was not posted (the last 100 sent). */
async function listNotices( ctx: BotContext, ledger: Ledger ): Promise<void> {
	const m = ctx.messages;
	const counts = await ledger.counts();
	ctx.logger.info( m.text( 'capacitybuilding-bot-log-status-notices', counts.pending, counts.posting, counts.sent, counts.skipped,
		counts.failed ), { notices: counts } );
	const states: NoticeState[] = [ 'pending', 'posting', 'failed', 'skipped', 'sent' ];
	for ( const state of states ) {
		for ( const n of await ledger.list( state, state === 'sent' ? 100 : 10_000 ) ) {
			const why = n.detail.key ? m.text( n.detail.key, ...( n.detail.params ?? [] ) ) : '';
			ctx.logger.info( m.text( 'capacitybuilding-bot-log-status-notice', state, n.key, n.target, why || n.updated ),
				{ notice: n.key, state, kind: n.kind, request: n.request, channel: n.channel, target: n.target,
					recipients: n.recipients, language: n.language, attempts: n.attempts, revid: n.revid,
					reason: n.detail.key ?? null, detail: why, updated: n.updated } );
		}
	}
}

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
				await listNotices( ctx, new Ledger( store ) );
				kit.run.code = counts.problems ? EXIT.problems : EXIT.ok;
			} finally {
				await store.close();
			}
		} );
}
