/**
 * `capacity-bot export --out <dir> [--period p] [--hub key]`: writes the open-data exports of the
 * evaluation figures (bot/export/files.ts) from the store. Needs no wiki, and reads no clock: the
 * same store gives the same files, so anyone with the store (or one rebuilt with `sync --full`)
 * can rerun them.
 */
import { InvalidArgumentError, type Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { parsePeriod, type Figures, type Period } from '../../modules/core/figures';
import { EXIT } from '../exitCodes';
import { exportFiles, type ExportFile } from '../export/files';
import { storeFigures } from '../export/storeFigures';
import type { Messages } from '../i18n';
import type { Store } from '../store';
import type { CommandKit } from './context';

const DEFAULT_PERIOD = 'all';

/** Writes each file whole (a temporary file renamed), so a reader never sees half of one. */
function writeFiles( dir: string, files: readonly ExportFile[] ): string[] {
	fs.mkdirSync( dir, { recursive: true } );
	return files.map( ( file ) => {
		const target = path.join( dir, file.name );
		const partial = `${ target }.partial`;
		fs.writeFileSync( partial, file.text, 'utf8' );
		fs.renameSync( partial, target );
		return target;
	} );
}

export async function exportToDirectory(
	store: Store, options: { out: string; period: Period; hub: string | null }, messages: Messages,
): Promise<{ figures: Figures; written: string[] }> {
	const { figures, generated } = await storeFigures( store, options.period, options.hub );
	return { figures, written: writeFiles( options.out, exportFiles( figures, generated, messages ) ) };
}

export function exportCommand( kit: CommandKit ): void {
	const t = kit.t.bind( kit );
	kit.command( 'export', 'capacitybuilding-bot-help-command-export', 'capacitybuilding-bot-help-export-after' )
		.requiredOption( '--out <dir>', t( 'capacitybuilding-bot-help-option-out' ) )
		.option( '--period <period>', t( 'capacitybuilding-bot-help-option-period', DEFAULT_PERIOD ), ( value ) => {
			const period = parsePeriod( value );
			if ( !period ) {
				throw new InvalidArgumentError( t( 'capacitybuilding-bot-help-period-invalid' ) );
			}
			return period;
		}, parsePeriod( DEFAULT_PERIOD ) )
		.option( '--hub <key>', t( 'capacitybuilding-bot-help-option-hub' ) )
		.action( async ( options: { out: string; period: Period; hub?: string }, command: Command ) => {
			const ctx = kit.context( command );
			const m = ctx.messages;
			const store = await ctx.store();
			try {
				const hub = options.hub ?? null;
				const { out, period } = options;
				const { figures, written } = await exportToDirectory( store, { out, period, hub }, m );
				for ( const file of written ) {
					ctx.logger.info( m.text( 'capacitybuilding-bot-log-export-file', file ), { file } );
				}
				const received = figures.all.requests.received;
				const label = options.period.label;
				ctx.logger.info( hub === null ?
					m.text( 'capacitybuilding-bot-log-export-done', written.length, options.out, received, label ) :
					m.text( 'capacitybuilding-bot-log-export-done-hub', written.length, options.out, received, label, hub ),
				{ files: written, period: label, hub, received } );
				kit.run.code = EXIT.ok;
			} finally {
				await store.close();
			}
		} );
}
