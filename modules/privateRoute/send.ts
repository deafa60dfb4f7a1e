/**
 * How a private message leaves: to an address as a prefilled `mailto:` link (the person's own
 * e-mail program sends it), or to a role account with `action=emailuser` (the wiki sends it, with
 * the person's address as the reply address). Nothing is written to a page, to the bot's store or
 * to the browser's storage on the way.
 */
import type { MessageKey } from '../core/messages';
import type { PrivateCategory, PrivateRoute } from '../core/privateRoutes';
import { emailableUsers } from '../shared/coaches';

/** Per category: its label, what it is for, and who reads what is sent ($1: the address or account). */
type CategoryMessages = { label: MessageKey; purpose: MessageKey; reader: MessageKey };

export const CATEGORY_MESSAGES: Record<PrivateCategory, CategoryMessages> = {
	conflict: { label: 'capacitybuilding-private-conflict', purpose: 'capacitybuilding-private-conflict-purpose', reader: 'capacitybuilding-private-conflict-reader' },
	conduct: { label: 'capacitybuilding-private-conduct', purpose: 'capacitybuilding-private-conduct-purpose', reader: 'capacitybuilding-private-conduct-reader' },
	emergency: { label: 'capacitybuilding-private-emergency', purpose: 'capacitybuilding-private-emergency-purpose', reader: 'capacitybuilding-private-emergency-reader' },
};

/** The address or account a route reaches. */
export function destination( route: PrivateRoute ): string {
	return 'email' in route ? route.email : route.user;
}

/**
 * A `mailto:` link to the route's address with the subject and text filled in (RFC 6068: every
 * reserved character percent-encoded, line breaks as CRLF).
 */
export function mailtoUrl( address: string, subject: string, body: string ): string {
	const encode = ( value: string ): string => encodeURIComponent( value.replace( /\r?\n/g, '\r\n' ) );
	return `mailto:${ encodeURIComponent( address ).replace( /%40/g, '@' ) }?subject=${ encode( subject ) }&body=${ encode( body ) }`;
}

/** Whether the current user can send e-mail through the wiki, and if not, why (a message key). */
export type SenderState = { ok: true } | { ok: false; key: MessageKey };

type UserInfo = { query: { userinfo: { anon?: boolean; email?: string; rights?: string[] } } };

export async function senderState( api: mw.Api ): Promise<SenderState> {
	const response = await api.get( { action: 'query', meta: 'userinfo', uiprop: [ 'email', 'rights' ], formatversion: 2 } ) as UserInfo;
	const info = response.query.userinfo;
	if ( info.anon ) {
		return { ok: false, key: 'capacitybuilding-privateroute-login' };
	}
	if ( !info.rights?.includes( 'sendemail' ) ) {
		return { ok: false, key: 'capacitybuilding-privateroute-cannot-send' };
	}
	return info.email ? { ok: true } : { ok: false, key: 'capacitybuilding-privateroute-no-own-email' };
}

/** Whether the role account accepts e-mail from users (it has a confirmed address and allows it). */
export async function accountIsEmailable( api: mw.Api, user: string ): Promise<boolean> {
	return ( await emailableUsers( api, [ user ] ) ).has( user );
}

/** The explanation of an `action=emailuser` failure (the typed message is kept by the caller). */
export function sendErrorKey( code: string ): MessageKey {
	switch ( code ) {
		case 'ratelimited':
		case 'actionthrottled':
		case 'actionthrottledtext':
			return 'capacitybuilding-privateroute-error-ratelimited';
		case 'blocked':
		case 'autoblocked':
		case 'blockedemailuser':
		case 'blockedtext':
			return 'capacitybuilding-privateroute-error-blocked';
		case 'mailnologin':
		case 'mailnologintext':
			return 'capacitybuilding-privateroute-no-own-email';
		case 'noemail':
		case 'nowikiemail':
		case 'notarget':
			return 'capacitybuilding-privateroute-not-emailable';
		case 'usermaildisabled':
		case 'permissiondenied':
			return 'capacitybuilding-privateroute-cannot-send';
		case 'badtoken':
		case 'notloggedin':
		case 'mustbeloggedin':
			return 'capacitybuilding-privateroute-login';
		default:
			return 'capacitybuilding-privateroute-error-unknown';
	}
}

/** Sends the message to the account with the user's own session and CSRF token. */
export async function sendToAccount( api: mw.Api, user: string, subject: string, text: string ): Promise<void> {
	await api.postWithToken( 'csrf', { action: 'emailuser', target: user, subject, text, formatversion: 2 } );
}
