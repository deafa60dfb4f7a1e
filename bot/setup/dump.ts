/**
 * The pages `setup` installs, as a MediaWiki XML dump (export format 0.11): the route for a wiki
 * that runs the extension without the bot. `npm run build` writes one for the default base page in
 * English (dist/capacity-building-pages.xml); `npm run pages:export` writes one for another base
 * page or content language. A wiki admin imports it with
 * `php maintenance/run.php importDump <file>` (or Special:Import).
 *
 * Every revision is dated IMPORT_TIMESTAMP, on purpose older than any page of a real wiki:
 * MediaWiki makes an imported revision a page's current text only when it is newer than the
 * current one, so importing creates the pages a wiki does not have yet and never changes one it
 * has (that page only gains the shipped text as an old revision), and the same revision (date and
 * SHA-1) is never imported twice, so importing again changes nothing. Updating the templates of
 * a wiki that has them is `capacity-bot setup`'s job.
 */
import crypto from 'node:crypto';
import { Messages } from '../i18n';
import { desiredPages, type DesiredPage } from './pages';
import type { MessageFiles } from './templatedata';

export const IMPORT_TIMESTAMP = '2001-01-01T00:00:00Z';

/** The account the revisions are credited to (the importer prefixes it, e.g. "imported>CapacityBuilding"). */
export const IMPORT_USER = 'CapacityBuilding';

function escapeXml( text: string ): string {
	return text.replace( /[&<>"]/g, ( c ) => ( { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' } )[ c ] as string );
}

/** MediaWiki's rev_sha1: the SHA-1 of the text in base 36, 31 digits. */
export function revisionSha1( text: string ): string {
	const hex = crypto.createHash( 'sha1' ).update( text, 'utf8' ).digest( 'hex' );
	return BigInt( `0x${ hex }` ).toString( 36 ).padStart( 31, '0' );
}

/**
 * @param pages What setup would install
 * @param comment The edit summary of every revision (in the content language)
 * @return The XML dump
 */
export function pagesDump( pages: DesiredPage[], comment: string ): string {
	const lines = [
		'<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
			' xsi:schemaLocation="http://www.mediawiki.org/xml/export-0.11/ http://www.mediawiki.org/xml/export-0.11.xsd" version="0.11">',
	];
	for ( const page of pages ) {
		const json = page.contentModel === 'json';
		lines.push(
			'  <page>',
			`    <title>${ escapeXml( page.title ) }</title>`,
			'    <revision>',
			`      <timestamp>${ IMPORT_TIMESTAMP }</timestamp>`,
			`      <contributor><username>${ IMPORT_USER }</username></contributor>`,
			`      <comment>${ escapeXml( comment ) }</comment>`,
			`      <model>${ json ? 'json' : 'wikitext' }</model>`,
			`      <format>${ json ? 'application/json' : 'text/x-wiki' }</format>`,
			`      <text bytes="${ Buffer.byteLength( page.text, 'utf8' ) }" xml:space="preserve">${ escapeXml( page.text ) }</text>`,
			`      <sha1>${ revisionSha1( page.text ) }</sha1>`,
			'    </revision>',
			'  </page>',
		);
	}
	lines.push( '</mediawiki>', '' );
	return lines.join( '\n' );
}

export interface DumpOptions {
	/** The base page. */
	base: string;
	/** The wiki's content language (category names, edit summary). */
	language: string;
	/** The tools' version (shown on the templates' documentation). */
	version: string;
	/** Every language's messages (the templates' TemplateData carries them all). */
	messageFiles: MessageFiles;
}

/** The dump of every page setup installs for a base page, in a content language. */
export function pagesDumpFor( options: DumpOptions ): string {
	const messages = new Messages( options.language, options.messageFiles );
	const pages = desiredPages( {
		base: options.base,
		version: options.version,
		botUser: null,
		messageFiles: options.messageFiles,
		contentText: ( key ) => messages.text( key ),
	} );
	return pagesDump( pages, messages.text( 'capacitybuilding-bot-summary-setup-create' ) );
}
