/**
 * `capacity-bot setup`: installs or updates the on-wiki pages the tools need. Idempotent: a second
 * run makes no edit. Templates follow the shipped version, but a template a person has edited since
 * the bot last wrote it is left alone (and reported) unless --force is given; pages the community
 * owns (topics, configuration, base pages) are only created when missing.
 */
import type { Editor, PageState } from '../edits';
import { readPages } from '../edits';
import type { Logger } from '../log';
import type { Messages } from '../i18n';
import type { WikiClient } from '../wiki';
import { sameUser } from '../../modules/core/identifiers';
import { templateMessageKeys, templateMessagePages } from './messagePages';
import { desiredPages } from './pages';
import type { MessageFiles } from './templatedata';

export interface SetupContext {
	client: WikiClient;
	editor: Editor;
	logger: Logger;
	/** Messages in the wiki's content language (summaries, category names). */
	messages: Messages;
	/** Messages for the operator's console. */
	console: Messages;
	messageFiles: MessageFiles;
	base: string;
	version: string;
	force: boolean;
}

export interface SetupReport {
	created: string[];
	updated: string[];
	unchanged: string[];
	skipped: { title: string; reason: string }[];
}

function botAccount( name: string ): string {
	// A bot password logs in as "User@app", and edits are made by "User".
	return name.replace( /@.*$/, '' );
}

/** Whether the wiki runs the CapacityBuilding extension (else the tools come as gadgets). */
export async function extensionInstalled( client: WikiClient ): Promise<boolean> {
	const response = await client.request( { action: 'query', meta: 'siteinfo', siprop: 'extensions' } );
	const extensions = ( response.query?.extensions ?? [] ) as { name?: string }[];
	return extensions.some( ( extension ) => extension.name === 'CapacityBuilding' );
}

export async function runSetup( context: SetupContext ): Promise<SetupReport> {
	const { client, editor, logger, messages } = context;
	const botUser = botAccount( client.user.name );
	const pages = desiredPages( {
		base: context.base,
		version: context.version,
		botUser,
		messageFiles: context.messageFiles,
		contentText: ( key ) => messages.text( key ),
	} );
	// Without the extension, the templates' messages must be pages of the wiki (see messagePages.ts);
	// they go first, so that no page is rendered (and cached) before its messages exist.
	if ( !await extensionInstalled( client ) ) {
		const keys = templateMessageKeys( pages );
		const messagePages = templateMessagePages( keys, context.messageFiles, client.site.language );
		pages.unshift( ...messagePages );
	}
	const current = await readPages( client, pages.map( ( page ) => page.title ) );
	const report: SetupReport = { created: [], updated: [], unchanged: [], skipped: [] };
	for ( const [ index, page ] of pages.entries() ) {
		logger.progress( context.console.text( 'capacitybuilding-bot-progress-setup' ), index, pages.length );
		const state: PageState | undefined = current.get( page.title );
		if ( state?.exists ) {
			if ( page.policy === 'seeded' || state.text === page.text ) {
				report.unchanged.push( page.title );
				continue;
			}
			if ( !sameUser( state.user, botUser ) && !context.force ) {
				const reason = context.console.text( 'capacitybuilding-bot-skip-edited-by-person', state.user );
				report.skipped.push( { title: page.title, reason } );
				logger.warn( context.console.text( 'capacitybuilding-bot-log-skipped', page.title, reason ), { title: page.title } );
				continue;
			}
		}
		const outcome = await editor.apply( {
			title: page.title,
			text: page.text,
			contentModel: page.contentModel,
			base: state?.exists ? state : null,
			summary: state?.exists ?
				messages.text( 'capacitybuilding-bot-summary-setup-update', context.version ) :
				messages.text( 'capacitybuilding-bot-summary-setup-create' ),
		} );
		if ( outcome === 'created' || outcome === 'would-create' ) {
			report.created.push( page.title );
		} else if ( outcome === 'edited' || outcome === 'would-edit' ) {
			report.updated.push( page.title );
		} else if ( outcome === 'unchanged' ) {
			report.unchanged.push( page.title );
		} else {
			report.skipped.push( ...editor.skipped.filter( ( s ) => s.title === page.title ) );
		}
	}
	logger.progress( context.console.text( 'capacitybuilding-bot-progress-setup' ), pages.length, pages.length );
	return report;
}
