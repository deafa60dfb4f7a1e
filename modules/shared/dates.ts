/**
 * Dates and times as people read them: in the user's language (`wgUserLanguage`), through the
 * browser's `Intl.DateTimeFormat`. Stored values stay ISO (YYYY-MM-DD dates, ISO timestamps).
 *
 * API:
 * - `formatDate( isoDate, language? )`: "1 February 2027" for '2027-02-01' (a calendar date, the
 *   same day in every time zone).
 * - `formatTimestamp( isoTimestamp, language? )`: date and time, in UTC as the wiki's histories
 *   of these pages give them.
 * A value that is not a valid date is returned as it is (shown, never hidden).
 */
import { isIsoDate } from '../core/identifiers';

/** The user's language as a BCP 47 tag (MediaWiki codes such as "sr-ec" differ from BCP 47). */
function userLocale(): string {
	const code = String( mw.config.get( 'wgUserLanguage' ) ?? 'en' );
	return typeof mw.language?.bcp47 === 'function' ? mw.language.bcp47( code ) : code;
}

function format(
	date: Date, options: Intl.DateTimeFormatOptions, language: string | undefined, fallback: string,
): string {
	if ( Number.isNaN( date.getTime() ) ) {
		return fallback;
	}
	try {
		return new Intl.DateTimeFormat( language ?? userLocale(), { ...options, timeZone: 'UTC' } ).format( date );
	} catch ( error ) {
		// A language tag this browser refuses: the ISO value is still a readable date.
		mw.log.warn( error );
		return fallback;
	}
}

export function formatDate( isoDate: string, language?: string ): string {
	if ( !isIsoDate( isoDate ) ) {
		return isoDate;
	}
	return format( new Date( `${ isoDate }T00:00:00Z` ), { dateStyle: 'long' }, language, isoDate );
}

export function formatTimestamp( isoTimestamp: string, language?: string ): string {
	return format( new Date( isoTimestamp ), { dateStyle: 'medium', timeStyle: 'short' }, language, isoTimestamp );
}
