/**
 * The gadgets' translations as `deploy` publishes them: one JSON page per language of i18n/
 * (English excepted: every gadget carries its English), holding the messages the gadgets use
 * that the language translates; and the manifest, the messages gadget's package file, which lists
 * those languages with a version each (a hash of the page), so that browsers fetch a language
 * again exactly when its page changed (modules/gadgets/i18n.ts).
 */
import crypto from 'node:crypto';
import { GADGET_PAGE_PREFIX, MESSAGES_MANIFEST, messagesPage, type MessagesManifest } from '../../modules/core/gadgets';
import type { GadgetDefinition } from '../../scripts/lib/gadgetFiles';
import type { MessageFiles } from '../setup/templatedata';
import { storedJson } from './stored';

export interface JsonPage {
	title: string;
	/** As MediaWiki stores it. */
	text: string;
}

/** The manifest page (`MediaWiki:Gadget-capacityBuilding-i18n.json`). */
export const MANIFEST_PAGE = `${ GADGET_PAGE_PREFIX }${ MESSAGES_MANIFEST }`;

/**
 * @param gadgets The built gadgets (their messages are what a language page holds)
 * @param files The message files (qqq excluded)
 * @return The language pages, then the manifest
 */
export function gadgetMessagePages( gadgets: readonly GadgetDefinition[], files: MessageFiles ): JsonPage[] {
	const keys = [ ...new Set( gadgets.flatMap( ( gadget ) => gadget.messages ) ) ].sort();
	const pages: JsonPage[] = [];
	const manifest: MessagesManifest = { languages: {} };
	for ( const language of Object.keys( files ).filter( ( code ) => code !== 'en' ).sort() ) {
		const translated = keys.filter( ( key ) => typeof files[ language ]?.[ key ] === 'string' );
		if ( !translated.length ) {
			continue;
		}
		const messages = Object.fromEntries( translated.map( ( key ) => [ key, files[ language ]?.[ key ] ] ) );
		const text = storedJson( messages );
		pages.push( { title: messagesPage( language ), text } );
		manifest.languages[ language ] = crypto.createHash( 'sha256' ).update( text ).digest( 'hex' ).slice( 0, 12 );
	}
	pages.push( { title: MANIFEST_PAGE, text: storedJson( manifest ) } );
	return pages;
}
