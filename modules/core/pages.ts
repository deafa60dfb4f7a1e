/**
 * Where things live on the wiki (docs/data-model.md, "Pages"), relative to the base page.
 */
import { normalizeUsername } from './identifiers';

export interface PagePaths {
	base: string;
}

export const REQUEST_PREFIX = 'R';

/** Titles use spaces, not underscores, and a capital first letter, as MediaWiki shows them. */
export function normalizeTitle( title: string ): string {
	const spaced = title.replace( /_/g, ' ' ).replace( / +/g, ' ' ).trim();
	return spaced.charAt( 0 ).toUpperCase() + spaced.slice( 1 );
}

export function requestTitle( base: string, number: number ): string {
	return `${ normalizeTitle( base ) }/Requests/${ REQUEST_PREFIX }${ number }`;
}

/** The request number of a request page's title, or null for any other page. */
export function requestNumber( base: string, title: string ): number | null {
	const prefix = `${ normalizeTitle( base ) }/Requests/${ REQUEST_PREFIX }`;
	const normalized = normalizeTitle( title );
	if ( !normalized.startsWith( prefix ) ) {
		return null;
	}
	const rest = normalized.slice( prefix.length );
	return /^[1-9]\d{0,8}$/.test( rest ) ? Number( rest ) : null;
}

/**
 * A request page's base page and number, from its title alone (whatever comes before the last
 * "/Requests/" is taken as the base page, as coachPage does). Null for any other title.
 */
export function requestPageOf( title: string ): { base: string; number: number } | null {
	const normalized = normalizeTitle( title );
	const at = normalized.lastIndexOf( '/Requests/' );
	const base = at > 0 ? normalized.slice( 0, at ) : '';
	const number = base === '' ? null : requestNumber( base, normalized );
	return number === null ? null : { base, number };
}

export function coachTitle( base: string, username: string ): string {
	return `${ normalizeTitle( base ) }/Coaches/${ normalizeUsername( username ) }`;
}

/** The username a coach profile page belongs to, or null for any other page. */
export function coachUser( base: string, title: string ): string | null {
	const prefix = `${ normalizeTitle( base ) }/Coaches/`;
	const normalized = normalizeTitle( title );
	const rest = normalized.startsWith( prefix ) ? normalized.slice( prefix.length ) : '';
	return rest === '' || rest.includes( '/' ) || rest === 'Index' ? null : rest;
}

/**
 * A coach profile page's base page and coach, from its title alone: whatever comes before the last
 * "/Coaches/" is taken as the base page (a page can hold its template under any base, and a profile
 * page that does not exist yet has only its title to go by). Null for any other title.
 */
export function coachPage( title: string ): { base: string; user: string } | null {
	const normalized = normalizeTitle( title );
	const at = normalized.lastIndexOf( '/Coaches/' );
	const base = at > 0 ? normalized.slice( 0, at ) : '';
	const user = base === '' ? null : coachUser( base, normalized );
	return user === null ? null : { base, user };
}

export function hubTitle( base: string, key: string ): string {
	return `${ normalizeTitle( base ) }/Hubs/${ key }`;
}

/** The hub key of a hub page's title, or null for any other page. */
export function hubKey( base: string, title: string ): string | null {
	const prefix = `${ normalizeTitle( base ) }/Hubs/`;
	const normalized = normalizeTitle( title );
	const rest = normalized.startsWith( prefix ) ? normalized.slice( prefix.length ) : '';
	return rest === '' || rest.includes( '/' ) ? null : rest;
}

/**
 * A hub page's base page and key, from its title alone (as coachPage: whatever comes before the
 * last "/Hubs/" is taken as the base page). Null for any other title.
 */
export function hubPage( title: string ): { base: string; key: string } | null {
	const normalized = normalizeTitle( title );
	const at = normalized.lastIndexOf( '/Hubs/' );
	const base = at > 0 ? normalized.slice( 0, at ) : '';
	const key = base === '' ? null : hubKey( base, normalized );
	return key === null ? null : { base, key };
}

/** The page of a quarter's independent evaluation entries: `<base>/Evaluation/<period>`. */
export function evaluationTitle( base: string, period: string ): string {
	return `${ normalizeTitle( base ) }/Evaluation/${ period }`;
}

/** The quarter (`2026-Q4`) of an evaluation entries page's title, or null for any other page. */
export function evaluationPeriod( base: string, title: string ): string | null {
	const prefix = `${ normalizeTitle( base ) }/Evaluation/`;
	const normalized = normalizeTitle( title );
	const rest = normalized.startsWith( prefix ) ? normalized.slice( prefix.length ) : '';
	return /^\d{4}-Q[1-4]$/.test( rest ) ? rest : null;
}

/** Pages the bot writes and the tools read, under the base page. */
export function sitePages( base: string ): {
	topics: string; requestsJson: string; coachesJson: string; hubsJson: string; statisticsJson: string;
	requestsIndex: string; coachesIndex: string; statistics: string; review: string; stop: string;
	evaluation: string; evaluationData: string; learning: string;
} {
	const b = normalizeTitle( base );
	return {
		topics: `${ b }/Topics.json`,
		requestsJson: `${ b }/Requests.json`,
		coachesJson: `${ b }/Coaches.json`,
		hubsJson: `${ b }/Hubs.json`,
		statisticsJson: `${ b }/Statistics.json`,
		requestsIndex: `${ b }/Requests/Index`,
		coachesIndex: `${ b }/Coaches/Index`,
		statistics: `${ b }/Statistics`,
		review: `${ b }/Review`,
		// The independent evaluation: the bot's block (exports, accepted entries) and people's text.
		evaluation: `${ b }/Evaluation`,
		// The open-data export files as pages, named as `capacity-bot export` names the files.
		evaluationData: `${ b }/Evaluation/Data`,
		learning: `${ b }/Learning`,
		// Emergency shut-off: the bot writes nothing while this page exists with any content;
		// anyone can stop it by writing a reason there, and blanking the page lets it run again.
		stop: `${ b }/Bot/Stop`,
	};
}

/** The id of the feedback form on a request page: the follow-up notice links to it. */
export const FEEDBACK_ANCHOR = 'ext-capacitybuilding-feedback';
