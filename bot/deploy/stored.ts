/**
 * Page text as MediaWiki stores it, so that `deploy` compares what it would save with what the
 * wiki has character for character, and a deploy with nothing new makes no edit.
 *
 * - JSON pages: MediaWiki saves the data re-encoded (JsonContent::beautifyJSON: PHP's json_encode
 *   with a tab indent, Unicode unescaped, `/` unescaped, `<`, `>`, `&` and U+2028/U+2029 escaped).
 * - Other text: line endings made `\n`, trailing whitespace dropped, NFC (MediaWiki normalises
 *   every saved text). Gadget scripts and stylesheets are built so that the pre-save transform
 *   leaves them alone (scripts/lib/gadgetBuild.ts).
 */

/** What MediaWiki stores for a JSON page holding `value`. */
export function storedJson( value: unknown ): string {
	return JSON.stringify( value, null, '\t' )
		.replace( /</g, '\\u003C' ).replace( />/g, '\\u003E' ).replace( /&/g, '\\u0026' )
		.replace( /\u2028/g, '\\u2028' ).replace( /\u2029/g, '\\u2029' );
}

/** What MediaWiki stores for a text page (script, stylesheet, wikitext) saved with `text`. */
export function storedText( text: string ): string {
	return text.replace( /\r\n?/g, '\n' ).replace( /\s+$/, '' ).normalize( 'NFC' );
}
