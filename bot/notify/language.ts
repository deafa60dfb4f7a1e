/**
 * Which language a notice is written in. A request's "language for updates" (`lang`) first, for
 * what is about the request and for its requester; for anyone else (a coach, a hub contact) their
 * Babel languages (`meta=babel`), best known first; each tried with its fallback chain
 * (`meta=languageinfo`); then the wiki's content language (for a noticeboard: the page's language).
 * The language chosen is one the bot has messages in (i18n/*.json), or `qqx` (message keys, as
 * MediaWiki shows them), or English.
 */

export type Dir = 'ltr' | 'rtl';

export interface LanguageInfo {
	/** The fallback chain, without the language itself (MediaWiki's, from `meta=languageinfo`). */
	fallbacks: string[];
	dir: Dir;
}

/** Babel's levels, best first ("N" is a native speaker). */
const LEVELS = [ 'N', '5', '4', '3', '2', '1', '0' ];

/** A user's Babel languages (`meta=babel`: code → level), best known first. */
export function babelLanguages( babel: Record<string, string> ): string[] {
	const rank = ( level: string ): number => {
		const at = LEVELS.indexOf( level.toUpperCase() );
		return at < 0 ? LEVELS.length : at;
	};
	return Object.entries( babel )
		.map( ( [ code, level ], index ) => ( { code: code.toLowerCase(), rank: rank( level ), index } ) )
		.sort( ( a, b ) => a.rank - b.rank || a.index - b.index ).map( ( entry ) => entry.code );
}

/**
 * The first candidate the bot can write in: the candidate itself when it has messages (or is
 * `qqx`), else the first language of its fallback chain that has; null when none can.
 *
 * @param candidates Language codes, best first
 * @param available Languages with messages
 * @param info What `meta=languageinfo` said of the candidates
 */
export function chooseLanguage( candidates: readonly string[], available: ReadonlySet<string>,
	info: ReadonlyMap<string, LanguageInfo> ): string | null {
	for ( const candidate of candidates ) {
		const code = candidate.trim().toLowerCase();
		if ( code === '' ) {
			continue;
		}
		if ( code === 'qqx' || available.has( code ) ) {
			return code;
		}
		const fallback = ( info.get( code )?.fallbacks ?? [] ).find( ( f ) => available.has( f ) );
		if ( fallback ) {
			return fallback;
		}
	}
	return null;
}

/** Languages written right to left, for when `meta=languageinfo` was not asked about a language. */
const RTL = new Set( [ 'ar', 'arc', 'arz', 'azb', 'bcc', 'bgn', 'bqi', 'ckb', 'dv', 'fa', 'glk', 'he', 'khw', 'kk-arab',
	'ks', 'ks-arab', 'ku-arab', 'lki', 'luz', 'mzn', 'nqo', 'pnb', 'ps', 'sd', 'sdh', 'skr', 'ug', 'ur', 'yi' ] );

export function directionOf( code: string, info: ReadonlyMap<string, LanguageInfo> ): Dir {
	return info.get( code )?.dir ?? ( RTL.has( code ) ? 'rtl' : 'ltr' );
}
