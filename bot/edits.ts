/**
 * Reading pages in batches and writing them safely. Every write the bot makes goes through
 * `Editor.apply`, which guarantees:
 * - no edit that changes nothing (the text is compared first; no request is made);
 * - no overwriting of a human: edits carry the base revision and start timestamp, and an edit
 *   conflict is reported, never forced; a page created meanwhile is not overwritten (createonly);
 * - `{{bots}}` and `{{nobots}}` are honoured (bot/bots.ts);
 * - the emergency shut-off page is checked before the first write;
 * - `--dry-run` prints the diff of every edit it would make and writes nothing;
 * - the text is sent as MediaWiki stores it (NFC, see publish/json.ts), so comparing it with the
 *   page tells exactly whether the edit would change anything;
 * - one page the wiki refuses (too big, invalid JSON, an abuse filter, protection…) is one
 *   skipped page with its reason, never a crashed command; only failures that would fail every
 *   edit (wiki unreachable, session lost, bot blocked, shut-off) stop it.
 */
import { createTwoFilesPatch } from 'diff';
import { MwnError } from 'mwn';
import { botsRule, type BotsRule } from './bots';
import { loneSurrogates, storableText } from './publish/json';
import { Messages } from './i18n';
import type { Logger } from './log';
import type { WikiClient } from './wiki';

export interface PageInfo {
	title: string;
	exists: boolean;
	contentModel: string;
	revid: number;
	/** Timestamp of the latest revision. */
	timestamp: string;
	/** Author of the latest revision. */
	user: string;
	/** SHA-1 (hex) of the latest revision's content. */
	sha1: string;
}

export interface PageState extends PageInfo {
	text: string;
}

export class ShutOffError extends Error {}

type RawRevision = Record<string, unknown> & { slots?: { main?: Record<string, unknown> } };

/**
 * Reads pages (the latest revision's ids, author, model, SHA-1 and, with `content`, text) in as few
 * requests as the limits allow, following continuation: with content, MediaWiki stops a response
 * at $wgAPIMaxResultSize (8 MiB) and continues with the pages it left out.
 */
async function queryPages( client: WikiClient, titles: readonly string[],
	content: boolean ): Promise<Map<string, PageState>> {
	const pages = new Map<string, PageState>();
	const rvprop = [ 'ids', 'timestamp', 'user', 'contentmodel', 'sha1', ...( content ? [ 'content' ] : [] ) ];
	for ( let i = 0; i < titles.length; i += client.batchSize ) {
		const batch = titles.slice( i, i + client.batchSize );
		const normalized = new Map<string, string>();
		const pending = new Map<string, Record<string, unknown>>();
		let next: Record<string, unknown> | undefined = {};
		while ( next ) {
			const response = await client.request( {
				action: 'query', titles: batch, prop: 'revisions', rvprop, rvslots: 'main', ...next,
			} );
			for ( const entry of ( response.query?.normalized ?? [] ) as { from: string; to: string }[] ) {
				normalized.set( entry.to, entry.from );
			}
			for ( const page of ( response.query?.pages ?? [] ) as Record<string, unknown>[] ) {
				const title = page.title as string;
				const revision = ( page.revisions as RawRevision[] | undefined )?.[ 0 ];
				if ( !revision && !page.missing && !page.invalid ) {
					// Left for a continuation (or given in an earlier response, or without a readable revision).
					if ( !pages.has( title ) ) {
						pending.set( title, page );
					}
					continue;
				}
				pending.delete( title );
				const slot = revision?.slots?.main;
				const state: PageState = {
					title,
					exists: revision !== undefined,
					text: ( slot?.content as string | undefined ) ?? '',
					contentModel: ( slot?.contentmodel as string | undefined ) ?? '',
					revid: ( revision?.revid as number | undefined ) ?? 0,
					timestamp: ( revision?.timestamp as string | undefined ) ?? '',
					user: ( revision?.user as string | undefined ) ?? '',
					sha1: ( revision?.sha1 as string | undefined ) ?? ( slot?.sha1 as string | undefined ) ?? '',
				};
				pages.set( title, state );
			}
			next = response.continue as Record<string, unknown> | undefined;
		}
		for ( const [ title, page ] of pending ) {
			// Never given a revision: treated as existing but unknown, so no edit trusts it.
			pages.set( title, { title, exists: !page.missing, text: '', contentModel: '', revid: 0, timestamp: '', user: '', sha1: '' } );
		}
		for ( const [ to, from ] of normalized ) {
			const state = pages.get( to );
			if ( state ) {
				pages.set( from, state );
			}
		}
	}
	return pages;
}

/** Reads pages (content, latest revision, author) in as few requests as the limits allow. */
export function readPages( client: WikiClient, titles: readonly string[] ): Promise<Map<string, PageState>> {
	return queryPages( client, titles, true );
}

/**
 * Reads what is known of pages without their content (latest revision, author, model, SHA-1):
 * up to 50 pages a request (500 with `apihighlimits`) whatever their size. `text` is empty.
 */
export function readPageInfo( client: WikiClient, titles: readonly string[] ): Promise<Map<string, PageState>> {
	return queryPages( client, titles, false );
}

/**
 * Whether the bot may edit a page by {{bots}} / {{nobots}} (bot/bots.ts, the full rules; an edit that
 * leaves no message, so `optout=` does not apply). Only wikitext pages carry these.
 */
export function botsAllow( text: string, botName: string ): boolean {
	return botsRule( text, botName, null ).allowed;
}

export interface Edit {
	title: string;
	text: string;
	summary: string;
	/** The page's content model; scripts and stylesheets get theirs from their title. */
	contentModel?: 'wikitext' | 'json' | 'text' | 'javascript' | 'css';
	/** The page as read before deciding this edit; null when the edit creates the page. */
	base: PageState | null;
}

export type EditOutcome = 'created' | 'edited' | 'unchanged' | 'would-create' | 'would-edit' | 'skipped';

/** A new section at the end of a page (a status update): appended, so it needs no base revision. */
export interface SectionPost {
	title: string;
	/** The section's heading. */
	sectionTitle: string;
	/** Its wikitext (signed by the caller with ~~~~). */
	text: string;
	summary: string;
	/** The page as read before deciding the post (null or not `exists`: the page does not exist). */
	base: PageState | null;
	/** Whether the post may create the page (a user talk page, a noticeboard); a request page must exist. */
	mayCreate: boolean;
	/** The message type, for `{{bots|optout=…}}`. */
	messageType: string;
}

export type PostOutcome =
	| { outcome: 'posted'; revid: number }
	| { outcome: 'would-post' }
	/** `{{bots}}`/`{{nobots}}` keep the bot off the page. */
	| { outcome: 'denied'; rule: BotsRule & { allowed: false } };

/** API errors that mean the wiki refused the post (nothing was saved; a person may need to look). */
export const REFUSED_POST_CODES = new Set( [
	'protectedpage', 'cascadeprotected', 'protectednamespace', 'protectedtitle',
	'abusefilter-disallowed', 'abusefilter-warning', 'spamblacklist', 'titleblacklist-forbidden', 'missingtitle',
	'pagedeleted', 'noedit', 'noedit-anon', 'customcssjsprotected', 'contenttoobig', 'invalidtitle',
	'confirmemail',
] );

export interface WriteResult {
	outcome: EditOutcome;
	/** The page's latest revision after the edit (0 when unknown: skipped, or a page a dry run would create). */
	revid: number;
}

/**
 * API errors that would fail every edit, not just this one: they stop the command (the wiki, the
 * session or the account needs a person). Any other error the wiki answers an edit with concerns
 * that page only.
 */
const SYSTEMIC_ERRORS = new Set( [
	'assertuserfailed', 'assertbotfailed', 'assertnameduserfailed', 'badtoken', 'notoken', 'readonly', 'maxlag',
	'ratelimited', 'blocked', 'autoblocked', 'writeapidenied', 'noapiwrite', 'mwoauth-invalid-authorization',
	'mwoauth-invalid-authorization-invalid-user', 'mustbeloggedin',
] );

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

	/** Edit requests sent (a "nochange" answer and a refused edit count too). */
	public requests = 0;

	public readonly skipped: { title: string; reason: string }[] = [];

	private readonly messages: Messages;

	public constructor( client: WikiClient, logger: Logger, options: EditorOptions ) {
		this.client = client;
		this.logger = logger;
		this.options = options;
		this.messages = options.messages ?? new Messages( 'en' );
	}

	/** Whether this editor only shows its edits. */
	public get dryRun(): boolean {
		return this.options.dryRun;
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
		return ( await this.write( edit ) ).outcome;
	}

	/**
	 * Makes one edit (or says why not) and gives the page's revision afterwards: the new one, or
	 * the base's when nothing changed (0 when the page was not written). A failure that concerns this
	 * page only (the wiki refused it: too big, invalid JSON, an abuse filter, protection…) is one
	 * skipped page, reported, never an exception; failures that concern every edit (the wiki is
	 * unreachable, the session is lost, the bot is blocked, the shut-off page) are thrown.
	 *
	 * @param edit The edit; its text is sent as MediaWiki stores it (NFC, see storableText)
	 */
	public async write( edit: Edit ): Promise<WriteResult> {
		const unchanged: WriteResult = { outcome: 'unchanged', revid: edit.base?.revid ?? 0 };
		if ( loneSurrogates( edit.text ).length ) {
			// MediaWiki could not store it as it is (and the request could not even be encoded).
			this.skip( edit.title, this.messages.text( 'capacitybuilding-bot-skip-not-saved', 'lone UTF-16 surrogate' ) );
			return { outcome: 'skipped', revid: 0 };
		}
		const text = storableText( edit.text );
		if ( edit.base?.exists && edit.base.text === text ) {
			return unchanged;
		}
		if ( edit.base?.exists && ( edit.contentModel ?? 'wikitext' ) === 'wikitext' && !botsAllow( edit.base.text, this.client.user.name ) ) {
			this.skip( edit.title, this.messages.text( 'capacitybuilding-bot-skip-nobots' ) );
			return { outcome: 'skipped', revid: 0 };
		}
		if ( this.options.dryRun ) {
			const before = edit.base?.exists ? edit.base.text : '';
			this.logger.info( createTwoFilesPatch( this.messages.text( 'capacitybuilding-bot-dry-run-now', edit.title ),
				this.messages.text( 'capacitybuilding-bot-dry-run-after', edit.title ), `${ before }\n`, `${ text }\n`, '', '', { context: 2 } ).trimEnd(),
			{ title: edit.title, dryRun: true } );
			return { outcome: edit.base?.exists ? 'would-edit' : 'would-create', revid: 0 };
		}
		await this.checkShutOff();
		const creating = !edit.base?.exists;
		const params: Record<string, string | number | boolean> = {
			action: 'edit',
			title: edit.title,
			text,
			summary: edit.summary,
			bot: true,
			token: this.client.mwn.csrfToken,
			...( edit.contentModel === 'json' ? { contentmodel: 'json', contentformat: 'application/json' } : {} ),
			// Plain text (the open-data CSV files): shown as it is, never parsed as wikitext.
			...( edit.contentModel === 'text' ? { contentmodel: 'text', contentformat: 'text/plain' } : {} ),
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
		this.requests++;
		try {
			const response = await this.client.request( params );
			const result = response.edit as { result?: string; nochange?: boolean; newrevid?: number } | undefined;
			if ( result?.result !== 'Success' ) {
				this.skip( edit.title, this.messages.text( 'capacitybuilding-bot-skip-not-saved', JSON.stringify( result ) ) );
				return { outcome: 'skipped', revid: 0 };
			}
			if ( result.nochange ) {
				return unchanged;
			}
			this.edits++;
			this.logger.info( this.messages.text( creating ? 'capacitybuilding-bot-log-created' : 'capacitybuilding-bot-log-edited', edit.title ), { title: edit.title } );
			return { outcome: creating ? 'created' : 'edited', revid: result.newrevid ?? 0 };
		} catch ( error ) {
			const reason = this.failure( error );
			if ( reason === null ) {
				throw error;
			}
			this.skip( edit.title, reason );
			return { outcome: 'skipped', revid: 0 };
		}
	}

	/**
	 * Posts a new section (`section=new`): signed text appended at the end, so no human edit can be
	 * overwritten and no base revision is needed. Keeps every other safety: `{{bots}}`/`{{nobots}}`
	 * (with `optout=` for the message type), the shut-off page, maxlag, and `--dry-run` (which prints
	 * the post in full and saves nothing). Never a minor edit (a minor bot edit on a user talk page
	 * notifies nobody). The edit is sent once: a network failure is thrown, not retried, because it
	 * may have been saved (the caller checks the wiki before posting again).
	 *
	 * @param post
	 */
	public async appendSection( post: SectionPost ): Promise<PostOutcome> {
		if ( post.base?.exists && ( post.base.contentModel === '' || post.base.contentModel === 'wikitext' ) ) {
			const rule = botsRule( post.base.text, this.client.user.name, post.messageType,
				{ extensionTags: this.client.site.extensionTags } );
			if ( !rule.allowed ) {
				return { outcome: 'denied', rule };
			}
		}
		if ( this.options.dryRun ) {
			this.logger.info( this.messages.text( 'capacitybuilding-bot-dry-run-post', post.title, post.sectionTitle, post.summary, post.text ),
				{ title: post.title, sectionTitle: post.sectionTitle, summary: post.summary, text: post.text,
					dryRun: true } );
			return { outcome: 'would-post' };
		}
		await this.checkShutOff();
		const response = await this.client.postOnce( {
			action: 'edit', title: post.title, section: 'new', sectiontitle: post.sectionTitle, text: post.text,
			summary: post.summary, bot: true, notminor: true, token: this.client.mwn.csrfToken,
			...( post.mayCreate ? {} : { nocreate: true } ),
			...( this.options.tag ? { tags: this.options.tag } : {} ),
		} );
		const result = response.edit as { result?: string; newrevid?: number } | undefined;
		if ( result?.result !== 'Success' || !result.newrevid ) {
			throw new Error( `Unexpected answer to a new section on ${ post.title }: ${ JSON.stringify( result ) }` );
		}
		this.edits++;
		this.logger.info( this.messages.text( 'capacitybuilding-bot-log-posted', post.title, post.sectionTitle ), { title: post.title, revid: result.newrevid } );
		return { outcome: 'posted', revid: result.newrevid };
	}

	/** Takes the shut-off page as already read (saves a request when the caller read it in a batch). */
	public noteShutOff( stop: PageState | undefined ): void {
		if ( stop?.exists && stop.text.trim() !== '' ) {
			throw new ShutOffError( this.messages.text( 'capacitybuilding-bot-error-shut-off', this.options.stopPage, stop.text.trim().slice( 0, 200 ) ) );
		}
		this.stopChecked = true;
	}

	/** The shut-off page's title. */
	public get stopPage(): string {
		return this.options.stopPage;
	}

	/** Why an edit failed when the failure concerns this page only; null when it concerns every edit. */
	private failure( error: unknown ): string | null {
		if ( error instanceof MwnError ) {
			const code = error.code ?? '';
			if ( code === 'editconflict' || code === 'articleexists' ) {
				return this.messages.text( code === 'articleexists' ? 'capacitybuilding-bot-skip-created-meanwhile' : 'capacitybuilding-bot-skip-edit-conflict' );
			}
			if ( code === '' || SYSTEMIC_ERRORS.has( code ) || /^E[A-Z]+$/.test( code ) ) {
				return null;
			}
			return this.messages.text( 'capacitybuilding-bot-skip-not-saved', `${ code }: ${ error.info ?? '' }`.trim() );
		}
		const status = ( error as { response?: { status?: number } } ).response?.status;
		if ( error instanceof URIError || status === 413 ) {
			return this.messages.text( 'capacitybuilding-bot-skip-not-saved', status === 413 ? 'HTTP 413' : ( error as Error ).message );
		}
		return null;
	}

	private skip( title: string, reason: string ): void {
		this.skipped.push( { title, reason } );
		this.logger.warn( this.messages.text( 'capacitybuilding-bot-log-skipped', title, reason ), { title } );
	}
}
