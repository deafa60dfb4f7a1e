/**
 * What went wrong when the wiki refused (or never answered) a request, said in the user's language
 * with the way out. Every MediaWiki API failure maps to a `SaveError`; nothing is dropped.
 *
 * API:
 * - `describeApiError( code, data )`: from what `mw.Api` rejects with (the error code and the
 *   response, or `'http'` and the transport details) to a `SaveError`.
 * - `captchaOf( editResult )`: the captcha ConfirmEdit asks for in an `edit` result, or null.
 * - `SaveFailure`: the exception the save functions throw, carrying a `SaveError`.
 *
 * Requests should be made with `errorformat: 'html'` (see `API_ERROR_FORMAT`) so that the API
 * returns messages the wiki itself wrote (an abuse filter's warning, the spam blacklist's notice)
 * already rendered in the user's language; `html` carries them for display.
 */
import type { MessageKey } from '../core/messages';

/** What the user can do about an error; the error display offers the matching control. */
export type Recovery =
	/** Try the same request again (network failure, server error, rate limit, read-only wiki). */
	| 'retry'
	/** Answer the captcha and try again. */
	| 'captcha'
	/** Log in (again) and try again; the draft keeps what was typed. */
	| 'login'
	/** Change what was typed (abuse filter, spam blacklist) and try again. */
	| 'edit'
	/** Nothing the user can do here (blocked, protected page); the message says whom to ask. */
	| 'none';

/** A captcha as ConfirmEdit describes it. */
export interface Captcha {
	id: string;
	type: string;
	/** A question to answer (QuestyCaptcha, the arithmetic SimpleCaptcha). */
	question?: string;
	/** An image to read (FancyCaptcha). */
	url?: string;
}

export interface SaveError {
	/** The API's error code ('http' for transport failures); shown so support can find it. */
	code: string;
	/** The translated explanation. */
	key: MessageKey;
	params: string[];
	/** HTML the wiki rendered for this error (an abuse filter's own message), when it gave any. */
	html?: string;
	recovery: Recovery;
	captcha?: Captcha;
}

/** Makes the API render error messages as HTML in the user's language. */
export const API_ERROR_FORMAT = { errorformat: 'html', errorsuselocal: true } as const;

export class SaveFailure extends Error {
	public readonly error: SaveError;

	public constructor( error: SaveError ) {
		super( error.code );
		this.name = 'SaveFailure';
		this.error = error;
	}
}

interface ApiErrorEntry {
	code?: string;
	html?: string;
	text?: string;
	'*'?: string;
	info?: string;
}

function isObject( value: unknown ): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null;
}

/** The first error entry of a response, in `errorformat=html` or in the old `bc` format. */
function errorEntry( data: unknown ): ApiErrorEntry | null {
	if ( !isObject( data ) ) {
		return null;
	}
	if ( Array.isArray( data.errors ) && isObject( data.errors[ 0 ] ) ) {
		return data.errors[ 0 ] as ApiErrorEntry;
	}
	return isObject( data.error ) ? data.error as ApiErrorEntry : null;
}

/** The wiki's own rendering of the error, when the response has one. */
function wikiHtml( data: unknown ): string | undefined {
	const entry = errorEntry( data );
	const html = entry?.html ?? entry?.[ '*' ];
	return typeof html === 'string' && html.trim() !== '' ? html : undefined;
}

function plainInfo( data: unknown ): string {
	const entry = errorEntry( data );
	const text = entry?.text ?? entry?.info ?? entry?.html ?? '';
	// Tags of an HTML rendering are dropped: this is a parameter of a plain message.
	return typeof text === 'string' ? text.replace( /<[^>]*>/g, '' ).trim() : '';
}

function httpStatus( data: unknown ): number {
	if ( isObject( data ) && isObject( data.xhr ) && typeof data.xhr.status === 'number' ) {
		return data.xhr.status;
	}
	return 0;
}

/**
 * Maps an API failure to its explanation and recovery.
 *
 * @param code The error code `mw.Api` rejected with
 * @param data The second argument of the rejection: the response, or transport details for 'http'
 */
export function describeApiError( code: string, data?: unknown ): SaveError {
	const html = wikiHtml( data );
	const make = ( key: MessageKey, recovery: Recovery, params: string[] = [] ): SaveError => (
		{ code, key, params, recovery, ...( html ? { html } : {} ) } );
	switch ( code ) {
		case 'http': {
			const status = httpStatus( data );
			return status === 0 ?
				{ code, key: 'capacitybuilding-save-error-network', params: [], recovery: 'retry' } :
				{ code, key: 'capacitybuilding-save-error-http', params: [ String( status ) ], recovery: 'retry' };
		}
		case 'ok-but-empty':
			return { code, key: 'capacitybuilding-save-error-http', params: [ '200' ], recovery: 'retry' };
		case 'blocked':
		case 'autoblocked':
		case 'globalblocking-blockedtext':
		case 'globalblocking-ipblocked':
			return make( 'capacitybuilding-save-error-blocked', 'none' );
		case 'protectedpage':
		case 'protectedtitle':
		case 'protectednamespace':
		case 'protectednamespace-interface':
		case 'cascadeprotected':
		case 'customcssprotected':
		case 'customjsprotected':
			return make( 'capacitybuilding-save-error-protected', 'none' );
		case 'abusefilter-warning':
			// AbuseFilter lets the same edit through when it is submitted again after a warning.
			return make( 'capacitybuilding-save-error-abusefilter-warning', 'retry' );
		case 'abusefilter-disallowed':
		case 'abusefilter-blocked-display':
			return make( 'capacitybuilding-save-error-abusefilter-disallowed', 'edit' );
		case 'spamblacklist':
			return make( 'capacitybuilding-save-error-spamblacklist', 'edit', [ spamMatches( data ) ] );
		case 'captcha':
			return make( 'capacitybuilding-save-error-captcha', 'captcha' );
		case 'ratelimited':
		case 'actionthrottledtext':
			return make( 'capacitybuilding-save-error-ratelimited', 'retry' );
		case 'badtoken':
		case 'notloggedin':
		case 'assertuserfailed':
		case 'assertnameduserfailed':
		case 'mustbeloggedin':
			return { code, key: 'capacitybuilding-save-error-session', params: [], recovery: 'login' };
		case 'readonly':
			return make( 'capacitybuilding-save-error-readonly', 'retry', [ plainInfo( data ) ] );
		case 'editconflict':
			return { code, key: 'capacitybuilding-save-error-conflict', params: [], recovery: 'retry' };
		case 'articleexists':
			return { code, key: 'capacitybuilding-save-error-exists', params: [], recovery: 'retry' };
		case 'missingtitle':
		case 'pagedeleted':
			return { code, key: 'capacitybuilding-save-error-missing', params: [], recovery: 'none' };
		case 'permissiondenied':
		case 'cantcreate':
		case 'cantcreate-anon':
		case 'noedit':
		case 'noedit-anon':
			return make( 'capacitybuilding-save-error-permission', 'none' );
		default:
			// Never silent: the code and whatever the wiki said go into the message.
			return { code, key: 'capacitybuilding-save-error-unknown', params: [ code, plainInfo( data ) ], recovery: 'retry', ...( html ? { html } : {} ) };
	}
}

function spamMatches( data: unknown ): string {
	const entry = errorEntry( data ) as Record<string, unknown> | null;
	const fromData = isObject( entry?.data ) ? entry?.data as Record<string, unknown> : entry;
	const details = fromData?.spamblacklist;
	const matches = isObject( details ) && Array.isArray( details.matches ) ? details.matches : [];
	return matches.map( String ).join( ', ' );
}

/**
 * The captcha ConfirmEdit asks for. ConfirmEdit does not fail the request: the `edit` result is
 * `Failure` with a `captcha` object.
 *
 * @param editResult The `edit` member of an `action=edit` response
 */
export function captchaOf( editResult: unknown ): Captcha | null {
	if ( !isObject( editResult ) || !isObject( editResult.captcha ) ) {
		return null;
	}
	const c = editResult.captcha;
	return {
		id: String( c.id ?? '' ),
		type: String( c.type ?? '' ),
		...( typeof c.question === 'string' ? { question: c.question } : {} ),
		...( typeof c.url === 'string' ? { url: c.url } : {} ),
	};
}

/** An edit result that failed without an API error (an extension's hook said no). */
export function describeEditFailure( editResult: unknown ): SaveError {
	const captcha = captchaOf( editResult );
	if ( captcha ) {
		return { code: 'captcha', key: 'capacitybuilding-save-error-captcha', params: [], recovery: 'captcha', captcha };
	}
	const code = isObject( editResult ) && typeof editResult.code === 'string' ? editResult.code : 'edit-failure';
	return describeApiError( code, undefined );
}

type JQueryLikePromise = {
	then( done: ( response: unknown ) => void, fail: ( code: string, data: unknown ) => void ): unknown;
};

/**
 * A native promise for an `mw.Api` call whose failures become `SaveFailure`s. (Awaiting the jQuery
 * promise directly would keep only the error code and lose the response that explains it.)
 *
 * @param call The jQuery promise `mw.Api` returned
 */
export function apiResult<T = Record<string, unknown>>( call: JQueryLikePromise ): Promise<T> {
	return new Promise<T>( ( resolve, reject ) => {
		call.then(
			( response ) => resolve( response as T ),
			( code, data ) => reject( new SaveFailure( describeApiError( typeof code === 'string' ? code : 'http', data ) ) ),
		);
	} );
}
