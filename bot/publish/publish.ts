/**
 * `capacity-bot publish`: writes the published pages from the store. An edit happens only when a
 * page's content changes (JSON pages are compared by value, since MediaWiki re-formats JSON when
 * saving). Nothing is remembered about earlier runs: after a dry run or a shut-off, the next
 * publish compares with the wiki again and writes what is due.
 */
import { normalizeTitle } from '../../modules/core/pages';
import { readPages, type Editor, type EditOutcome } from '../edits';
import type { Messages } from '../i18n';
import type { Store } from '../store';
import type { WikiClient } from '../wiki';
import { publishedPages } from './content';

export interface PublishOptions {
	client: WikiClient;
	store: Store;
	editor: Editor;
	/** Messages in the wiki's content language. */
	messages: Messages;
	base: string;
}

export interface PublishReport {
	outcomes: Record<string, EditOutcome>;
	edits: number;
}

function sameJson( text: string, value: unknown ): boolean {
	try {
		return JSON.stringify( JSON.parse( text ) ) === JSON.stringify( value );
	} catch {
		return false;
	}
}

export async function runPublish( options: PublishOptions ): Promise<PublishReport> {
	const { client, store, editor, messages } = options;
	const base = normalizeTitle( options.base );
	const [ requests, coaches, hubs, problems, history ] = await Promise.all( [
		store.requests(), store.coaches(), store.hubs(), store.problems(), store.statusHistory(),
	] );
	const pages = publishedPages( base, { requests, coaches, hubs, problems, history }, messages );
	const current = await readPages( client, pages.map( ( p ) => p.title ) );
	const report: PublishReport = { outcomes: {}, edits: 0 };
	for ( const page of pages ) {
		const state = current.get( page.title );
		const existing = state?.exists ? state : null;
		if ( existing && page.json !== undefined && existing.contentModel === 'json' && sameJson( existing.text, page.json ) ) {
			report.outcomes[ page.title ] = 'unchanged';
			continue;
		}
		const outcome = await editor.apply( {
			title: page.title,
			text: page.text,
			contentModel: page.contentModel,
			base: existing,
			summary: messages.text( 'capacitybuilding-bot-summary-publish' ),
		} );
		report.outcomes[ page.title ] = outcome;
		if ( outcome === 'created' || outcome === 'edited' ) {
			report.edits++;
		}
	}
	return report;
}
