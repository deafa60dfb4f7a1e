/**
 * Private routes (configuration key `privateRoutes`): where a person turns, away from any wiki page,
 * about a conflict, a conduct matter or an emergency. Each route names a category (whose label and
 * "what it is for, who reads it" texts are messages) and one destination: an e-mail address or
 * queue (opened as a prefilled `mailto:` link) or a role account on the wiki (written to with
 * `action=emailuser`). Nothing here is stored anywhere: the routes are configuration only.
 */
import { isValidUsername, normalizeUsername } from './identifiers';
import { problem, type Problem } from './messages';

export const PRIVATE_CATEGORIES = [ 'conflict', 'conduct', 'emergency' ] as const;
export type PrivateCategory = typeof PRIVATE_CATEGORIES[ number ];

export type PrivateRoute =
	| { category: PrivateCategory; email: string }
	| { category: PrivateCategory; user: string };

/** A plain address (no display name, no list): what `mailto:` and a reader can trust. */
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]+$/;

export function isEmailAddress( value: string ): boolean {
	return value.length <= 254 && EMAIL.test( value );
}

/**
 * One route of the configuration, or the problem that stops it being used (the path names it in
 * the error, e.g. `privateRoutes[1]`).
 */
export function parseRoute( json: unknown, path: string ): PrivateRoute | Problem {
	if ( typeof json !== 'object' || json === null || Array.isArray( json ) ) {
		return problem( path, 'capacitybuilding-config-invalid-value', path );
	}
	const { category, email, user, ...rest } = json as Record<string, unknown>;
	const unknown = Object.keys( rest )[ 0 ];
	if ( unknown !== undefined ) {
		return problem( path, 'capacitybuilding-config-unknown-key', `${ path }.${ unknown }` );
	}
	if ( !( PRIVATE_CATEGORIES as readonly unknown[] ).includes( category ) ) {
		return problem( path, 'capacitybuilding-config-route-category', `${ path }.category`, PRIVATE_CATEGORIES.join( ', ' ) );
	}
	const key = category as PrivateCategory;
	if ( ( email === undefined ) === ( user === undefined ) ) {
		return problem( path, 'capacitybuilding-config-route-destination', path );
	}
	if ( email !== undefined ) {
		return typeof email === 'string' && isEmailAddress( email.trim() ) ?
			{ category: key, email: email.trim() } :
			problem( path, 'capacitybuilding-config-route-email', `${ path }.email` );
	}
	return typeof user === 'string' && isValidUsername( normalizeUsername( user ) ) ?
		{ category: key, user: normalizeUsername( user ) } :
		problem( path, 'capacitybuilding-config-route-user', `${ path }.user` );
}

/**
 * The routes of the configuration's `privateRoutes` list: a wrong route is reported and left out,
 * the others kept. The old `privateContacts` (a list of usernames) is read as conflict routes to
 * those accounts, with a note to move them.
 */
export function parseRoutes( json: unknown, key: 'privateRoutes' | 'privateContacts', problems: Problem[] ): PrivateRoute[] {
	if ( !Array.isArray( json ) ) {
		problems.push( problem( key, 'capacitybuilding-config-invalid-value', key ) );
		return [];
	}
	if ( key === 'privateContacts' ) {
		problems.push( problem( key, 'capacitybuilding-config-private-contacts-moved' ) );
	}
	const routes: PrivateRoute[] = [];
	json.forEach( ( item: unknown, i ) => {
		const route = parseRoute( key === 'privateContacts' ? { category: 'conflict', user: item } : item, `${ key }[${ i }]` );
		if ( 'key' in route ) {
			problems.push( route );
		} else {
			routes.push( route );
		}
	} );
	return routes;
}

/** The routes for a category, in the order the configuration lists them. */
export function routesFor( routes: readonly PrivateRoute[], category: PrivateCategory ): PrivateRoute[] {
	return routes.filter( ( route ) => route.category === category );
}

/** The categories that have at least one route, in their fixed order. */
export function routedCategories( routes: readonly PrivateRoute[] ): PrivateCategory[] {
	return PRIVATE_CATEGORIES.filter( ( category ) => routes.some( ( route ) => route.category === category ) );
}
