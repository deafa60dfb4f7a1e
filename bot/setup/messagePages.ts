/**
 * The `MediaWiki:` message pages the templates need on a wiki without the extension (the gadget
 * route). The templates write their labels with `{{int:capacitybuilding-…}}` and name their
 * categories with `{{MediaWiki:capacitybuilding-…}}`; with the extension installed MediaWiki finds
 * these messages in i18n/, without it a reader would see `⧼capacitybuilding-…⧽`. So `setup` (and
 * `deploy`, with the other messages) writes, for every message the installed pages use:
 *
 * - `MediaWiki:<Key>`: the message in the wiki's content language (or the first language of its
 *   fallback chain that has it), which MediaWiki shows to readers of that language and uses as the
 *   last fallback;
 * - `MediaWiki:<Key>/<language>`: the message in each other language that i18n/ translates it to,
 *   which `{{int:}}` shows to readers whose interface language (or its fallback) that is.
 *
 * The pages hold the messages as written (wikitext with `$1`, `{{PLURAL:…}}`). They are "managed"
 * like the templates: kept at the shipped text unless a person has changed one (a wiki may rename
 * a category that way), which only `--force` replaces.
 */
import type { MessageKey } from '../../modules/core/messages';
import { storedText } from '../deploy/stored';
import { Messages } from '../i18n';
import type { DesiredPage } from './pages';
import type { MessageFiles } from './templatedata';

const USED = /\{\{\s*(?:int:|MediaWiki:)\s*(capacitybuilding-[a-z0-9-]+)\s*[|}]/gi;

/** The message keys the pages call with `{{int:…}}` or transclude as `{{MediaWiki:…}}`. */
export function templateMessageKeys( pages: readonly DesiredPage[] ): MessageKey[] {
	const keys = new Set<string>();
	for ( const page of pages ) {
		for ( const match of page.text.matchAll( USED ) ) {
			keys.add( ( match[ 1 ] as string ).toLowerCase() );
		}
	}
	return [ ...keys ].sort() as MessageKey[];
}

/** `MediaWiki:` page title of a message (first letter upper case, as MediaWiki titles are). */
export function messageTitle( key: string, language: string | null ): string {
	return `MediaWiki:${ key.charAt( 0 ).toUpperCase() }${ key.slice( 1 ) }${ language ? `/${ language }` : '' }`;
}

/**
 * A message as interface pages: `<title>` in the content language, `<title>/<language>` for each
 * other translation.
 *
 * @param messages Each message and the title of its page
 * @param files The message files (qqq excluded)
 * @param contentLanguage The wiki's content language
 */
export function messagePagesAt( messages: readonly { key: MessageKey; title: string }[], files: MessageFiles,
	contentLanguage: string ): DesiredPage[] {
	const content = new Messages( contentLanguage, files );
	const pages: DesiredPage[] = [];
	for ( const { key, title } of messages ) {
		pages.push( { title, text: storedText( content.raw( key ) ), contentModel: 'wikitext', policy: 'managed' } );
		for ( const language of Object.keys( files ).sort() ) {
			const text = files[ language ]?.[ key ];
			if ( language !== contentLanguage && text !== undefined ) {
				pages.push( {
					title: `${ title }/${ language }`, text: storedText( text ), contentModel: 'wikitext', policy: 'managed',
				} );
			}
		}
	}
	return pages;
}

/**
 * @param keys The messages to install
 * @param files The message files (qqq excluded)
 * @param contentLanguage The wiki's content language
 */
export function templateMessagePages( keys: readonly MessageKey[], files: MessageFiles,
	contentLanguage: string ): DesiredPage[] {
	const titled = keys.map( ( key ) => ( { key, title: messageTitle( key, null ) } ) );
	return messagePagesAt( titled, files, contentLanguage );
}
