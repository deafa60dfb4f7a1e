/**
 * Turns the reasons of core/matching.ts into the reader's language: codes become names (topic
 * labels from the taxonomy, language names from MediaWiki, region and format messages), lists of
 * names are joined with the language's own separators (`mw.language.listToText`), and each reason
 * is one whole sentence about the coach (a message with the coach's user name for GENDER), shown
 * as an item of a list: no sentence is ever built by concatenation.
 */
import type { MatchReason, ReasonListKind } from '../core/matching';
import { FORMAT_MESSAGES, REGION_MESSAGES, isOneOf, FORMATS, REGIONS } from '../core/model';
import { topicLabel, type TopicIndex } from '../core/taxonomy';
import { formatDate } from './dates';
import type { LanguageName } from './siteData';

/** Names a code of each kind in the reader's language. */
export type CodeNamer = ( kind: ReasonListKind, code: string ) => string;

/**
 * @param topics The taxonomy's index
 * @param languageNames From loadLanguageNames (codes MediaWiki does not know are shown as codes)
 * @param languageChain The reader's language and its fallbacks
 */
export function codeNamer(
	topics: TopicIndex, languageNames: ReadonlyMap<string, LanguageName>, languageChain: readonly string[],
): CodeNamer {
	return ( kind, code ) => {
		switch ( kind ) {
			case 'topic': {
				const entry = topics.get( code );
				return entry ? topicLabel( entry.topic, languageChain ) : code;
			}
			case 'language':
				return languageNames.get( code )?.name ?? code;
			case 'region':

				return isOneOf( REGIONS, code ) ? mw.message( REGION_MESSAGES[ code ] ).text() : code;
			case 'format':

				return isOneOf( FORMATS, code ) ? mw.message( FORMAT_MESSAGES[ code ] ).text() : code;
		}
	};
}

/**
 * One reason as a sentence: $1 the coach's user name (for GENDER), then $2 the named list and $3
 * its length, or $2 the date in the reader's language, then the reason's own parameters.
 *
 * @param reason
 * @param name Names codes in the reader's language
 * @param coach The user name of the coach the reason is about
 */
export function reasonText( reason: MatchReason, name: CodeNamer, coach: string ): string {
	const list = reason.list;
	let params = reason.params;
	if ( list ) {
		const names = list.values.map( ( code ) => name( list.kind, code ) );
		params = [ mw.language.listToText( names ), list.values.length, ...params ];
	} else if ( reason.date !== undefined ) {
		params = [ formatDate( reason.date ), ...params ];
	}

	return mw.message( reason.key, coach, ...params ).text();
}

/** Several reasons, each a sentence about the coach (to show as the items of a list). */
export function reasonTexts( reasons: readonly MatchReason[], name: CodeNamer, coach: string ): string[] {
	return reasons.map( ( reason ) => reasonText( reason, name, coach ) );
}
