/**
 * Finding text that escaped translation on a screen shown with `?uselang=qqx`, where MediaWiki
 * writes every message as its key: `(key)`, or `(key: parameters)` (tests/e2e/qqx.test.ts).
 */

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';
/** Dates and times as Intl writes them when the reader's language (qqx) has no data of its own. */
const DATE = new RegExp( `(?:(?:${ MONTHS })\\.? \\d{1,2}, \\d{4}|\\d{1,2} (?:${ MONTHS }) \\d{4})(?:,? (?:at )?\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\s?[AP]M)?(?: UTC)?)?`, 'g' );
/** MediaWiki's own messages without a hyphen that the tools use (listToText's "and"). */
const SHORT_KEYS = [ 'and' ];

/**
 * What is left of a screen's text once the message keys, the allowed content, dates and numbers
 * are taken out: any letter left was not translatable.
 *
 * @param text The screen's text
 * @param allowed Content people entered or MediaWiki names
 */
export function untranslated( text: string, allowed: readonly string[] ): string[] {
	let rest = text;
	for ( const content of [ ...allowed ].filter( Boolean ).sort( ( a, b ) => b.length - a.length ) ) {
		// Whole words only: a language code such as "es" is not taken out of a message key.
		const escaped = content.replace( /[.*+?^${}()|[\]\\]/g, '\\$&' );
		rest = rest.replace( new RegExp( `(?<![\\p{L}\\p{N}_-])${ escaped }(?![\\p{L}\\p{N}_-])`, 'gu' ), ' ' );
	}
	rest = rest.replace( DATE, ' ' );
	// "(key)" and "(key: parameters)", innermost first, as MediaWiki writes messages in qqx.
	const key = new RegExp( `\\((?:[a-z][a-z0-9]*(?:[-_.][a-z0-9]+)+|${ SHORT_KEYS.join( '|' ) })(?:\\$\\*)?(?::[^()]*)?\\)`, 'gi' );
	for ( let before = ''; before !== rest; ) {
		before = rest;
		rest = rest.replace( key, ' ' );
	}
	return rest.split( /\n+/ ).map( ( line ) => line.trim() ).filter( ( line ) => /\p{L}/u.test( line ) );
}
