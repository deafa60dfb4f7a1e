/**
 * Syntax of the identifiers records hold: usernames, language codes, keys, dates, timestamps and
 * page titles. These mirror MediaWiki's own rules closely enough to catch typos and hand-edit
 * mistakes; whether a user or language really exists is for the caller to check against the wiki.
 */

const MAX_USERNAME_BYTES = 255;
/** Characters MediaWiki never allows in titles, hence in usernames (control characters included). */
// eslint-disable-next-line no-control-regex
const TITLE_FORBIDDEN = /[#<>[\]|{}\u0000-\u001F\u007F]/;
/** UserNameUtils::isValid's extra "troublemaker" characters. */
const USERNAME_TROUBLEMAKERS = /[\u0080-\u009F\u00A0\u2000-\u200F\u2028-\u202F\u3000\uE000-\uF8FF]/;
const IPV4 = /^(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

function utf8Length( text: string ): number {
	let bytes = 0;
	for ( const char of text ) {
		const codePoint = char.codePointAt( 0 ) as number;
		bytes += codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
	}
	return bytes;
}

/** A username as MediaWiki writes it: underscores as spaces, single spaces, first letter capital. */
export function normalizeUsername( name: string ): string {
	const spaced = name.replace( /_/g, ' ' ).replace( / +/g, ' ' ).trim();
	return spaced.charAt( 0 ).toUpperCase() + spaced.slice( 1 );
}

export function sameUser( a: string, b: string ): boolean {
	return a !== '' && normalizeUsername( a ) === normalizeUsername( b );
}

/**
 * Whether a name could be a registered account's name: UserNameUtils::isValid without the database,
 * and without colons, which MediaWiki no longer allows in new names ($wgInvalidUsernameCharacters).
 */
export function isValidUsername( name: string ): boolean {
	return name !== '' &&
		name === normalizeUsername( name ) &&
		!name.includes( '/' ) &&
		!name.includes( ':' ) &&
		!TITLE_FORBIDDEN.test( name ) &&
		!USERNAME_TROUBLEMAKERS.test( name ) &&
		!IPV4.test( name ) &&
		utf8Length( name ) <= MAX_USERNAME_BYTES;
}

/** MediaWiki language codes: "fr", "pt-br", "be-tarask", "zh-classical", "roa-tara"… */
export function isLanguageCode( code: string ): boolean {
	return /^[a-z]{2,3}(?:-[a-z0-9]{1,12})*$/.test( code );
}

/** Keys of topics and other configured items: lowercase words joined by hyphens. */
export function isKey( key: string ): boolean {
	return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test( key ) && key.length <= 64;
}

/** An ISO calendar date (YYYY-MM-DD) that exists. */
export function isIsoDate( value: string ): boolean {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec( value );
	if ( !match ) {
		return false;
	}
	const [ year, month, day ] = [ Number( match[ 1 ] ), Number( match[ 2 ] ), Number( match[ 3 ] ) ];
	const date = new Date( Date.UTC( year, month - 1, day ) );
	return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** An ISO timestamp in UTC as MediaWiki's API writes them (2026-11-23T19:45:00Z). */
export function isIsoTimestamp( value: string ): boolean {
	const match = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\dZ$/.exec( value );
	return match !== null && isIsoDate( match[ 1 ] as string );
}

/** The date part of a timestamp. */
export function dateOf( timestamp: string ): string {
	return timestamp.slice( 0, 10 );
}

/** Whether a page title is syntactically possible (MediaWiki's legal title characters). */
export function isPageTitle( title: string ): boolean {
	return title.trim() !== '' && title === title.trim() && !TITLE_FORBIDDEN.test( title ) &&
		!title.startsWith( ':' ) && !title.includes( '//' ) && utf8Length( title ) <= 255;
}

/** A hub key: the hub page's name under `<base>/Hubs/`. */
export function isHubKey( key: string ): boolean {
	return isPageTitle( key ) && !key.includes( '/' ) && !key.includes( ',' );
}
