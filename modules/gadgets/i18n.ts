/**
 * Messages on the gadget route (the gadget `capacityBuilding-i18n`; the extension route has
 * ResourceLoader's own messages instead). ResourceLoader ships no messages with a gadget defined
 * on Meta-Wiki's `MediaWiki:Gadgets-definition`, so:
 *
 * - English is built into each gadget: the build puts a call of `english( … )` with the gadget's
 *   messages at the start of it (scripts/lib/gadgets.ts), before the code that uses them runs.
 * - Every other language is one JSON page, `MediaWiki:Gadget-capacityBuilding-i18n-<language>.json`,
 *   published by `capacity-bot deploy`. `ready` fetches the pages of the reader's language and its
 *   fallbacks (MediaWiki's fallback chain) in one request, keeps them in the browser's
 *   localStorage with their version, and gives them to `mw.messages`. The init module mounts a
 *   feature only once `ready` has settled, so the first thing a reader sees is in their language.
 * - The versions come from the manifest, this gadget's package file `capacityBuilding-i18n.json`,
 *   which `deploy` rewrites with the messages: publishing a new translation changes the manifest,
 *   ResourceLoader serves the gadget with its new version, and readers fetch the new page. Code
 *   pages stay as they are.
 * - `uselang=qqx` shows message keys, as ResourceLoader does on the extension route.
 */
import manifestData from './capacityBuilding-i18n.json';
import { messagesPage, type MessagesManifest } from '../core/gadgets';

const manifest = manifestData as MessagesManifest;

/** localStorage key prefix; the value holds a language's messages and their version. */
export const STORAGE_PREFIX = 'capacityBuilding-messages:';
/** How long a browser keeps a language it no longer uses. */
const KEEP_SECONDS = 30 * 24 * 60 * 60;
const OUR_KEY = /^capacitybuilding-[a-z0-9-]+$/;

interface Stored {
	version: string;
	messages: Record<string, string>;
}

/** Keys a translation has set: English never replaces them. */
const translated = new Set<string>();

function isQqx(): boolean {
	return mw.config.get( 'wgUserLanguage' ) === 'qqx';
}

/**
 * Gives mw.messages a gadget's English messages, except where a translation came first.
 *
 * @param messages Key → English text
 */
export function english( messages: Record<string, string> ): void {
	for ( const key of Object.keys( messages ) ) {
		if ( !translated.has( key ) ) {
			// In qqx, ResourceLoader gives "(key)", which mw.message shows as the key and its parameters.
			mw.messages.set( key, isQqx() ? `(${ key })` : messages[ key ] as string );
		}
	}
}

/** Our messages of a parsed page: string values of our keys only. */
function ours( data: unknown ): Record<string, string> {
	const messages: Record<string, string> = {};
	if ( data && typeof data === 'object' && !Array.isArray( data ) ) {
		for ( const [ key, text ] of Object.entries( data as Record<string, unknown> ) ) {
			if ( OUR_KEY.test( key ) && typeof text === 'string' ) {
				messages[ key ] = text;
			}
		}
	}
	return messages;
}

interface QueryResponse {
	query?: {
		pages?: {
			title: string;
			missing?: boolean;
			revisions?: { slots?: { main?: { content?: string } } }[];
		}[];
	};
}

/** Reads the pages of some languages in one request. */
function fetchLanguages( languages: string[] ): Promise<Map<string, Record<string, string>>> {
	const titles = new Map( languages.map( ( language ) => [ messagesPage( language ), language ] ) );
	return Promise.resolve( new mw.Api().get( {
		action: 'query', prop: 'revisions', rvprop: 'content', rvslots: 'main', formatversion: 2,
		titles: [ ...titles.keys() ],
	} ) ).then( ( response: QueryResponse ) => {
		const found = new Map<string, Record<string, string>>();
		for ( const page of response.query?.pages ?? [] ) {
			const language = titles.get( page.title );
			const content = page.revisions?.[ 0 ]?.slots?.main?.content;
			if ( language !== undefined && typeof content === 'string' ) {
				try {
					found.set( language, ours( JSON.parse( content ) ) );
				} catch {
					// A page that is not JSON gives nothing; English stays.
				}
			}
		}
		return found;
	} );
}

/**
 * The reader's languages that have a published page, most specific first: their interface
 * language and its fallbacks, without English (built in).
 */
export function publishedChain(): string[] {
	return mw.language.getFallbackLanguageChain()
		.filter( ( language ) => language !== 'en' && Object.prototype.hasOwnProperty.call( manifest.languages, language ) );
}

function load(): Promise<void> {
	const languages = isQqx() ? [] : publishedChain();
	if ( !languages.length ) {
		return Promise.resolve();
	}
	const have = new Map<string, Record<string, string>>();
	const missing: string[] = [];
	for ( const language of languages ) {
		const stored = mw.storage.getObject( STORAGE_PREFIX + language ) as Stored | null | false;
		if ( stored && stored.version === manifest.languages[ language ] && stored.messages ) {
			have.set( language, ours( stored.messages ) );
		} else {
			missing.push( language );
		}
	}
	const fetched = missing.length ? fetchLanguages( missing ) :
		Promise.resolve( new Map<string, Record<string, string>>() );
	return fetched.then( ( found ) => {
		for ( const language of missing ) {
			const messages = found.get( language ) ?? {};
			have.set( language, messages );
			const entry: Stored = { version: manifest.languages[ language ] as string, messages };
			mw.storage.setObject( STORAGE_PREFIX + language, entry, KEEP_SECONDS );
		}
	} ).catch( ( error: unknown ) => {
		// Unreachable pages: the reader gets English (and the next page view tries again).
		mw.log.warn( 'capacityBuilding: translations not loaded', error );
	} ).then( () => {
		// The most general language first, so that the reader's own language wins.
		for ( const language of [ ...languages ].reverse() ) {
			const messages = have.get( language ) ?? {};
			for ( const key of Object.keys( messages ) ) {
				translated.add( key );
				mw.messages.set( key, messages[ key ] as string );
			}
		}
	} );
}

/** Settles once the reader's translations (if any) are in mw.messages; never rejects. */
export const ready: Promise<void> = load();
