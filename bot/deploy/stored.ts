/**
 * Page text as MediaWiki stores it, so that `deploy` compares what it would save with what the
 * wiki has character for character, and a deploy with nothing new makes no edit.
 *
 * - JSON pages: MediaWiki saves the data re-encoded; `mediaWikiJson` (bot/publish/json.ts) writes
 *   exactly that text.
 * - Other text: line endings made `\n`, trailing whitespace dropped, NFC (MediaWiki normalises
 *   every saved text). Gadget scripts and stylesheets are built so that the pre-save transform
 *   leaves them alone (scripts/lib/gadgetBuild.ts).
 */
export { mediaWikiJson as storedJson } from '../publish/json';

/** What MediaWiki stores for a text page (script, stylesheet, wikitext) saved with `text`. */
export function storedText( text: string ): string {
	return text.replace( /\r\n?/g, '\n' ).replace( /\s+$/, '' ).normalize( 'NFC' );
}
