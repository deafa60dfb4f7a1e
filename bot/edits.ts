/**
 * Reading pages in batches and writing them safely. Every write the bot makes goes through
 * `Editor.apply`, which guarantees:
 * - no edit that changes nothing (the text is compared first; no request is made);
 * - no overwriting of a human: edits carry the base revision and start timestamp, and an edit
 *   conflict is reported, never forced; a page created meanwhile is not overwritten (createonly);
 * - `{{bots}}` and `{{nobots}}` are honoured;
 * - the emergency shut-off page is checked before the first write;
 * - `--dry-run` prints the diff of every edit it would make and writes nothing.
 */
import { createTwoFilesPatch } from 'diff';
import { MwnError } from 'mwn';
import { findTemplateCalls } from '../modules/core/wikitext/codec';
import { decodeValue } from '../modules/core/wikitext/values';
import { Messages } from './i18n';
import type { Logger } from './log';
import type { WikiClient } from './wiki';

export interface PageState {
	title: string;
	exists: boolean;
	text: string;
	contentModel: string;
	revid: number;
	/** Timestamp of the latest revision. */
	timestamp: string;
	/** Author of the latest revision. */
	user: string;
}

export class ShutOffError extends Error {}

/** Reads pages (content, latest revision, author) in as few requests as the limits allow. */
export async function readPages( client: WikiClient, titles: readonly string[] ): Promise<Map<string, PageState>> {
	const pages = new Map<string, PageState>();
	for ( let i = 0; i < titles.length; i += client.batchSize ) {
		const batch = titles.slice( i, i + client.batchSize );
		const response = await client.request( {
			action: 'query', titles: batch, prop: 'revisions', rvprop: [ 'content', 'ids', 'timestamp', 'user', 'contentmodel' ],
			rvslots: 'main',
		} );
		const normalized = new Map<string, string>();
		for ( const entry of ( response.query?.normalized ?? [] ) as { from: string; to: string }[] ) {
			normalized.set( entry.to, entry.from );
		}
		for ( const page of ( response.query?.pages ?? [] ) as Record<string, unknown>[] ) {
			const title = page.title as string;
			const revision = ( page.revisions as Record<string, unknown>[] | undefined )?.[ 0 ];
			const slot = ( revision?.slots as Record<string, Record<string, unknown>> | undefined )?.main;
			const state: PageState = {
				title,
				exists: !page.missing && !page.invalid && revision !== undefined,
				text: ( slot?.content as string | undefined ) ?? '',
				contentModel: ( slot?.contentmodel as string | undefined ) ?? '',
				revid: ( revision?.revid as number | undefined ) ?? 0,
				timestamp: ( revision?.timestamp as string | undefined ) ?? '',
				user: ( revision?.user as string | undefined ) ?? '',
			};
			pages.set( title, state );
			const asAsked = normalized.get( title );
			if ( asAsked !== undefined ) {
				pages.set( asAsked, state );
			}
		}
	}
	return pages;
}

/**
 * Whether the bot may edit a page by {{bots}} / {{nobots}}:
 * https://en.wikipedia.org/wiki/Template:Bots. Only wikitext pages carry these.
 */
export function botsAllow( text: string, botName: string ): boolean {
	if ( findTemplateCalls( text, 'Nobots' ).length ) {
		return false;
	}
	const name = botName.toLowerCase();
	for ( const call of findTemplateCalls( text, 'Bots' ) ) {
		for ( const part of call.parts ) {
			if ( part.eq === null ) {
				continue;
			}
			const eq = part.eq;
			const key = decodeValue( text, part.children.filter( ( n ) => n.end <= eq ) ).value;
			const list = decodeValue( text, part.children.filter( ( n ) => n.start > eq ) ).value
				.split( ',' ).map( ( s ) => s.trim().toLowerCase() );
			if ( key === 'deny' && ( list.includes( 'all' ) || list.includes( name ) ) ) {
				return false;
			}
			if ( key === 'allow' && !list.includes( 'all' ) && !list.includes( name ) ) {
				return false;
			}
		}
	}
	return true;
}

export interface Edit {
	title: string;
	text: string;
	summary: string;
	/** The page's content model; scripts and stylesheets get theirs from their title. */
	contentModel?: 'wikitext' | 'json' | 'javascript' | 'css';
	/** The page as read before deciding this edit; null when the edit creates the page. */
	base: PageState | null;
}

export type EditOutcome = 'created' | 'edited' | 'unchanged' | 'would-create' | 'would-edit' | 'skipped';

export interface EditorOptions {
	dryRun: boolean;
	/** Page whose non-empty content stops all writing. */
	stopPage: string;
	/** Change tag to add, when the wiki defines it. */
	tag?: string;
	/** Messages for the operator's console (English when not given). */
	messages?: Messages;
}

export class Editor {
	private readonly client: WikiClient;

	private readonly logger: Logger;

	private readonly options: EditorOptions;

	private stopChecked = false;

	/** Edits made (not counting skipped or unchanged pages). */
	public edits = 0;

	public readonly skipped: { title: string; reason: string }[] = [];

	private readonly messages: Messages;

	public constructor( client: WikiClient, logger: Logger, options: EditorOptions ) {
		this.client = client;
		this.logger = logger;
		this.options = options;
		this.messages = options.messages ?? new Messages( 'en' );
	}

	/** Fails when someone wrote on the shut-off page. Checked once, before the first write. */
	public async checkShutOff(): Promise<void> {
		if ( this.stopChecked ) {
			return;
		}
		const stop = ( await readPages( this.client, [ this.options.stopPage ] ) ).get( this.options.stopPage );
		if ( stop?.exists && stop.text.trim() !== '' ) {
			throw new ShutOffError( this.messages.text( 'capacitybuilding-bot-error-shut-off', this.options.stopPage, stop.text.trim().slice( 0, 200 ) ) );
		}
		this.stopChecked = true;
	}

	public async apply( edit: Edit ): Promise<EditOutcome> {
		if ( edit.base?.exists && edit.base.text === edit.text ) {
			return 'unchanged';
		}
		if ( edit.base?.exists && ( edit.contentModel ?? 'wikitext' ) === 'wikitext' && !botsAllow( edit.base.text, this.client.user.name ) ) {
			this.skip( edit.title, this.messages.text( 'capacitybuilding-bot-skip-nobots' ) );
			return 'skipped';
		}
		if ( this.options.dryRun ) {
			const before = edit.base?.exists ? edit.base.text : '';
			this.logger.info( createTwoFilesPatch( this.messages.text( 'capacitybuilding-bot-dry-run-now', edit.title ),
				this.messages.text( 'capacitybuilding-bot-dry-run-after', edit.title ), `${ before }\n`, `${ edit.text }\n`, '', '', { context: 2 } ).trimEnd(),
			{ title: edit.title, dryRun: true } );
			return edit.base?.exists ? 'would-edit' : 'would-create';
		}
		await this.checkShutOff();
		const creating = !edit.base?.exists;
		const params: Record<string, string | number | boolean> = {
			action: 'edit',
			title: edit.title,
			text: edit.text,
			summary: edit.summary,
			bot: true,
			token: this.client.mwn.csrfToken,
			...( edit.contentModel === 'json' ? { contentmodel: 'json', contentformat: 'application/json' } : {} ),
			...( this.options.tag ? { tags: this.options.tag } : {} ),
		};
		if ( creating ) {
			params.createonly = true;
		} else if ( edit.base ) {
			params.nocreate = true;
			// The base revision only: with `basetimestamp` as well, MediaWiki (1.43) takes an edit
			// saved within the same second as the base revision for one by this user and lets this
			// save overwrite it (the same reason as in modules/shared/recordSave.ts).
			params.baserevid = edit.base.revid;
			params.starttimestamp = edit.base.timestamp;
		}
		try {
			const response = await this.client.request( params );
			const result = response.edit as { result?: string; nochange?: boolean } | undefined;
			if ( result?.result !== 'Success' ) {
				this.skip( edit.title, this.messages.text( 'capacitybuilding-bot-skip-not-saved', JSON.stringify( result ) ) );
				return 'skipped';
			}
			if ( result.nochange ) {
				return 'unchanged';
			}
			this.edits++;
			this.logger.info( this.messages.text( creating ? 'capacitybuilding-bot-log-created' : 'capacitybuilding-bot-log-edited', edit.title ), { title: edit.title } );
			return creating ? 'created' : 'edited';
		} catch ( error ) {
			const code = error instanceof MwnError ? error.code : undefined;
			if ( code === 'editconflict' || code === 'articleexists' ) {
				this.skip( edit.title, this.messages.text( code === 'articleexists' ? 'capacitybuilding-bot-skip-created-meanwhile' : 'capacitybuilding-bot-skip-edit-conflict' ) );
				return 'skipped';
			}
			throw error;
		}
	}

	private skip( title: string, reason: string ): void {
		this.skipped.push( { title, reason } );
		this.logger.warn( this.messages.text( 'capacitybuilding-bot-log-skipped', title, reason ), { title } );
	}
}
