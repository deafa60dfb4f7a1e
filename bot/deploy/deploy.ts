/**
 * `capacity-bot deploy`: publishes the gadget flavour of the build (dist/gadgets/, see
 * scripts/lib/gadgetBuild.ts) on a wiki that runs the tools as gadgets instead of the extension:
 *
 * 1. the translations: one JSON page per language and the manifest listing them (messages.ts);
 * 2. the `MediaWiki:` message pages the templates need without the extension (also installed
 *    by setup, see bot/setup/messagePages.ts), and each gadget's description on Special:Gadgets;
 * 3. the gadget pages, `MediaWiki:Gadget-capacityBuilding-*.js|css` (unless --messages-only);
 * 4. the definition lines: always printed; with --definitions, written into their marked block
 *    of `MediaWiki:Gadgets-definition` (definitions.ts), last, so that a gadget is defined only
 *    once its pages are there.
 *
 * Every page is compared with what the wiki stores (stored.ts) and edited only when it changes;
 * every edit summary names the source version. As with setup's templates, a page a person edited
 * since the bot wrote it is reported and left alone unless --force is given. Before anything is
 * written, the account's rights are checked (interface administrators have them); --dry-run needs
 * none (not even an account), prints the diff of every change and writes nothing.
 */
import { sameUser } from '../../modules/core/identifiers';
import type { MessageKey } from '../../modules/core/messages';
import { normalizeTitle } from '../../modules/core/pages';
import { GADGET_PAGE_PREFIX, GADGET_PREFIX } from '../../modules/core/gadgets';
import { GADGETS_DIR, readGadgets, type GadgetDefinition } from '../../scripts/lib/gadgetFiles';
import { CredentialsError } from '../credentials';
import { readPages, type Editor, type Edit, type PageState } from '../edits';
import type { Messages } from '../i18n';
import type { Logger } from '../log';
import { messagePagesAt, templateMessageKeys, templateMessagePages } from '../setup/messagePages';
import { desiredPages } from '../setup/pages';
import { extensionInstalled } from '../setup/setup';
import type { MessageFiles } from '../setup/templatedata';
import type { WikiClient } from '../wiki';
import fs from 'node:fs';
import path from 'node:path';
import { BLOCK_BEGIN, currentBlock, definitionBlock, withBlock, type Restriction } from './definitions';
import { gadgetMessagePages } from './messages';
import { storedText } from './stored';

export const DEFINITIONS_PAGE = 'MediaWiki:Gadgets-definition';

/** Rights an account needs to deploy: scripts, stylesheets, JSON pages and interface messages. */
export const DEPLOY_RIGHTS = [ 'editsitejs', 'editsitecss', 'editsitejson', 'editinterface' ];
/** A messages-only deploy writes JSON pages and interface messages. */
export const MESSAGES_RIGHTS = [ 'editsitejson', 'editinterface' ];

export interface DeployContext {
	client: WikiClient;
	editor: Editor;
	logger: Logger;
	/** Messages in the wiki's content language (edit summaries, the note in the definitions). */
	messages: Messages;
	/** Messages for the operator's console. */
	console: Messages;
	messageFiles: MessageFiles;
	base: string;
	/** The source version (git commit) named in every edit summary. */
	version: string;
	/** The build output holding gadgets/ (dist/). */
	distDir: string;
	dryRun: boolean;
	/** Write the definition block of MediaWiki:Gadgets-definition. */
	definitions: boolean;
	/** Only the translations and message pages, no code. */
	messagesOnly: boolean;
	/** Also replace pages a person edited. */
	force: boolean;
	/** Namespaces where the loader runs; null: the base page's. */
	namespaces: number[] | null;
}

export type DefinitionsOutcome = 'unchanged' | 'edited' | 'would-edit' | 'differs' | 'damaged' | 'skipped';

export interface DeployReport {
	created: string[];
	updated: string[];
	unchanged: string[];
	skipped: { title: string; reason: string }[];
	/** The definition block (markers, note, one line per gadget). */
	definitionBlock: string;
	definitions: DefinitionsOutcome;
}

interface Wanted {
	title: string;
	text: string;
	contentModel: NonNullable<Edit[ 'contentModel' ]>;
}

/** The namespace number of a title, as the wiki parses it. */
async function namespaceOf( client: WikiClient, title: string ): Promise<number> {
	const response = await client.request( { action: 'query', titles: title } );
	const page = ( response.query?.pages as { ns?: number }[] | undefined )?.[ 0 ];
	return page?.ns ?? 0;
}

/** The message describing each gadget on Special:Gadgets (a test checks every built gadget has one). */
const GADGET_DESCRIPTIONS: Record<string, MessageKey> = {
	styles: 'capacitybuilding-gadget-styles',
	init: 'capacitybuilding-gadget-init',
	i18n: 'capacitybuilding-gadget-i18n',
	shared: 'capacitybuilding-gadget-shared',
	coachDirectory: 'capacitybuilding-gadget-coachdirectory',
	coachProfile: 'capacitybuilding-gadget-coachprofile',
	hubsOverview: 'capacitybuilding-gadget-hubsoverview',
	hubDashboard: 'capacitybuilding-gadget-hubdashboard',
	hubProfile: 'capacitybuilding-gadget-hubprofile',
	privateRoute: 'capacitybuilding-gadget-privateroute',
	requestForm: 'capacitybuilding-gadget-requestform',
	requestPage: 'capacitybuilding-gadget-requestpage',
	statistics: 'capacitybuilding-gadget-statistics',
};

/** The message describing a gadget on Special:Gadgets, or null for one without. */
export function gadgetDescriptionKey( gadget: string ): MessageKey | null {
	return GADGET_DESCRIPTIONS[ gadget.slice( GADGET_PREFIX.length ) ] ?? null;
}

function modelOf( page: string ): Wanted[ 'contentModel' ] {
	return page.endsWith( '.js' ) ? 'javascript' : page.endsWith( '.css' ) ? 'css' : 'json';
}

/** The gadget code pages, in the order deploy writes them: what others load first, the loader last. */
function codePages( gadgets: readonly GadgetDefinition[], distDir: string ): Wanted[] {
	return [ ...gadgets ].reverse().flatMap( ( gadget ) => gadget.pages
		.filter( ( page ) => !gadget.deployedPages.includes( page ) )
		.map( ( page ) => ( {
			title: `${ GADGET_PAGE_PREFIX }${ page }`,
			text: storedText( fs.readFileSync( path.join( distDir, GADGETS_DIR, page ), 'utf8' ) ),
			contentModel: modelOf( page ),
		} ) ) );
}

export async function runDeploy( context: DeployContext ): Promise<DeployReport> {
	const { client, logger, console: operator } = context;
	const anonymous = !client.user.loggedIn;
	const botUser = client.user.name.replace( /@.*$/, '' );

	// Refusals first: nothing is written by a deploy that cannot finish.
	if ( await extensionInstalled( client ) ) {
		throw new CredentialsError( 'capacitybuilding-bot-error-deploy-extension', client.api );
	}
	if ( !context.dryRun ) {
		const needed = context.messagesOnly ? MESSAGES_RIGHTS : DEPLOY_RIGHTS;
		const missing = needed.filter( ( right ) => !client.user.rights.includes( right ) );
		if ( anonymous || missing.length ) {
			const lacking = anonymous ? needed : missing;
			throw new CredentialsError( 'capacitybuilding-bot-error-deploy-rights', client.user.name, lacking.join( ', ' ), lacking.length );
		}
	}

	const gadgets = readGadgets( context.distDir );
	const base = normalizeTitle( context.base );
	const templatePages = desiredPages( {
		base, version: context.version, botUser, messageFiles: context.messageFiles,
		contentText: ( key ) => context.messages.text( key ),
	} );
	const wanted: Wanted[] = [
		...gadgetMessagePages( gadgets, context.messageFiles ).map( ( page ) => ( { ...page, contentModel: 'json' as const } ) ),
		...[
			...templateMessagePages( templateMessageKeys( templatePages ), context.messageFiles, client.site.language ),
			// What Special:Gadgets says of each gadget: `MediaWiki:Gadget-<name>`.
			...messagePagesAt( gadgets.flatMap( ( gadget ) => {
				const key = gadgetDescriptionKey( gadget.name );
				return key ? [ { key, title: `${ GADGET_PAGE_PREFIX }${ gadget.name }` } ] : [];
			} ), context.messageFiles, client.site.language ),
		].map( ( page ) => ( { title: page.title, text: page.text, contentModel: 'wikitext' as const } ) ),
		...( context.messagesOnly ? [] : codePages( gadgets, context.distDir ) ),
	];

	const current = await readPages( client, [ ...wanted.map( ( page ) => page.title ), DEFINITIONS_PAGE ] );
	const report: DeployReport = {
		created: [], updated: [], unchanged: [], skipped: [], definitionBlock: '', definitions: 'unchanged',
	};
	const summary = context.messages.text( 'capacitybuilding-bot-summary-deploy', context.version );
	const skip = ( title: string, key: MessageKey, ...params: string[] ): void => {
		const reason = operator.text( key, ...params );
		report.skipped.push( { title, reason } );
		logger.warn( operator.text( 'capacitybuilding-bot-log-skipped', title, reason ), { title } );
	};

	for ( const [ index, page ] of wanted.entries() ) {
		logger.progress( operator.text( 'capacitybuilding-bot-progress-deploy' ), index, wanted.length );
		const state: PageState | undefined = current.get( page.title );
		if ( state?.exists && state.text === page.text ) {
			report.unchanged.push( page.title );
			continue;
		}
		if ( state?.exists && !anonymous && !sameUser( state.user, botUser ) && !context.force ) {
			skip( page.title, 'capacitybuilding-bot-skip-deploy-edited-by-person', state.user );
			continue;
		}
		const outcome = await context.editor.apply( {
			title: page.title, text: page.text, contentModel: page.contentModel, summary,
			base: state?.exists ? state : null,
		} );
		if ( outcome === 'created' || outcome === 'would-create' ) {
			report.created.push( page.title );
		} else if ( outcome === 'edited' || outcome === 'would-edit' ) {
			report.updated.push( page.title );
		} else if ( outcome === 'unchanged' ) {
			report.unchanged.push( page.title );
		} else {
			report.skipped.push( ...context.editor.skipped.filter( ( s ) => s.title === page.title ) );
		}
	}
	logger.progress( operator.text( 'capacitybuilding-bot-progress-deploy' ), wanted.length, wanted.length );

	// The definitions: printed always, written into their block only when asked to.
	const restriction: Restriction = { namespaces: context.namespaces ?? [ await namespaceOf( client, base ) ] };
	const block = definitionBlock( gadgets, restriction, context.messages.text( 'capacitybuilding-bot-deploy-definitions-note' ) );
	report.definitionBlock = block;
	logger.info( `${ operator.text( 'capacitybuilding-bot-log-deploy-definitions', DEFINITIONS_PAGE ) }\n${ block }`,
		{ definitions: block.split( '\n' ) } );
	const definitionsPage = current.get( DEFINITIONS_PAGE );
	const pageText = definitionsPage?.exists ? definitionsPage.text : '';
	if ( currentBlock( pageText ) === block ) {
		report.definitions = 'unchanged';
	} else if ( !context.definitions ) {
		report.definitions = 'differs';
		logger.warn( operator.text( 'capacitybuilding-bot-log-deploy-definitions-differ', DEFINITIONS_PAGE ), { title: DEFINITIONS_PAGE } );
	} else {
		const change = withBlock( pageText, block );
		if ( change.kind === 'damaged' ) {
			report.definitions = 'damaged';
			skip( DEFINITIONS_PAGE, 'capacitybuilding-bot-skip-deploy-definitions-damaged', BLOCK_BEGIN );
		} else {
			const outcome = await context.editor.apply( {
				title: DEFINITIONS_PAGE, text: storedText( change.text ), summary,
				base: definitionsPage?.exists ? definitionsPage : null,
			} );
			report.definitions = outcome === 'edited' || outcome === 'created' ? 'edited' :
				outcome === 'would-edit' || outcome === 'would-create' ? 'would-edit' : outcome === 'unchanged' ? 'unchanged' : 'skipped';
			if ( outcome === 'skipped' ) {
				report.skipped.push( ...context.editor.skipped.filter( ( s ) => s.title === DEFINITIONS_PAGE ) );
			}
		}
	}
	return report;
}
