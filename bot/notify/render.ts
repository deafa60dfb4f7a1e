/**
 * The wikitext of a notice: a section heading, a signed text that mentions the people it is for,
 * and an edit summary, all in one language (messages from i18n/ through banana-i18n, with PLURAL and
 * GENDER), the text wrapped in an element carrying `lang` and `dir`, and a hidden marker with the
 * notice's key (the edit summary names the key too), by which the bot finds its post again.
 *
 * What people typed (a request's title, an edit summary quoted as a reason) is written as plain
 * text: every character wikitext could read as markup becomes a character reference, so it can add
 * no template, link, category, signature or formatting.
 */
import { normalizeUsername } from '../../modules/core/identifiers';
import type { MessageKey } from '../../modules/core/messages';
import { STATUSES, STATUS_MESSAGES, isOneOf } from '../../modules/core/model';
import { FEEDBACK_ANCHOR, hubTitle } from '../../modules/core/pages';
import type { Messages } from '../i18n';
import { KINDS } from './kinds';
import type { Notice } from './ledger';
import type { Dir } from './language';

export interface Voice {
	language: string;
	dir: Dir;
	messages: Messages;
}

/** Genders by normalised username (`male`, `female` or `unknown`, as `list=users&usprop=gender` says). */
export type Genders = ReadonlyMap<string, string>;

export interface Post {
	heading: string;
	text: string;
	summary: string;
}

/** What the hidden marker starts with (put together so that no check takes it for a message key). */
export const MARKER_PREFIX = [ 'capacitybuilding', 'notice:' ].join( '-' );

/** The hidden marker a post carries. */
export function marker( key: string ): string {
	return `<!-- ${ MARKER_PREFIX }${ key } -->`;
}

/** Plain text as wikitext that shows exactly that text (on one line). */
export function escapeWikitext( text: string ): string {
	return text.replace( /[\r\n\t]+/g, ' ' ).trim()
		.replace( /[&<>[\]{}|~'=_:*#;!\-"\\]/g, ( c ) => `&#${ c.codePointAt( 0 ) };` );
}

/** A link to a user page: a mention, where the post is signed. */
export function userLink( user: string ): string {
	const name = normalizeUsername( user );
	return `[[User:${ name }|${ escapeWikitext( name ) }]]`;
}

function gender( genders: Genders, user: string ): string {
	return genders.get( normalizeUsername( user ) ) ?? 'unknown';
}

function list( voice: Voice, items: readonly string[] ): string {
	return items.join( voice.messages.text( 'capacitybuilding-notice-list-separator' ) );
}

function requestLink( notice: Notice ): string {
	return `[[${ notice.data.page ?? '' }|R${ notice.request }]]`;
}

function statusLabel( voice: Voice, status: string ): string {
	return isOneOf( STATUSES, status ) ? voice.messages.text( STATUS_MESSAGES[ status ] ) : escapeWikitext( status );
}

function wrap( voice: Voice, key: string, inner: string ): string {
	return `<div lang="${ voice.language }" dir="${ voice.dir }" class="ext-capacitybuilding-notice">${ marker( key ) }\n${ inner } ~~~~</div>`;
}

/** The body of a request page or user talk notice, without the people it addresses. */
function body( notice: Notice, voice: Voice, genders: Genders, base: string ): string {
	const m = voice.messages;
	const { data } = notice;
	const link = requestLink( notice );
	const title = escapeWikitext( data.title ?? '' );
	const key = KINDS[ notice.kind ].messages.body as MessageKey;
	const actor = data.actor ? escapeWikitext( data.actor ) : '';
	switch ( notice.kind ) {
		case 'triaged':
			return m.text( key, link, title, `[[${ hubTitle( base, data.hub ?? '' ) }|${ escapeWikitext( data.hub ?? '' ) }]]` );
		case 'offered': {
			const coach = data.coaches?.[ 0 ] ?? '';
			return m.text( key, link, title, escapeWikitext( coach ), gender( genders, coach ) );
		}
		case 'matched':
			return m.text( key, link, title, list( voice, ( data.coaches ?? [] ).map( escapeWikitext ) ),
				( data.coaches ?? [] ).length );
		case 'reopened':
			return m.text( key, link, title, actor, gender( genders, data.actor ), statusLabel( voice, data.status ?? '' ) );
		case 'follow-up': {
			const requester = notice.recipients[ 0 ] ?? '';
			return m.text( key, link, title, `${ data.page ?? '' }#${ FEEDBACK_ANCHOR }`, gender( genders, requester ) );
		}
		case 'away-ended':
			return m.text( key, data.awayUntil ?? '', data.profile ?? '', gender( genders, data.coaches?.[ 0 ] ?? '' ) );
		default:
			return m.text( key, link, title, actor, gender( genders, data.actor ) );
	}
}

/**
 * A request page or user talk notice.
 *
 * @param notice The notice (its channel is `request` or `talk`)
 * @param voice Its language
 * @param genders Genders of the people named
 * @param base The base page
 */
export function composeNotice( notice: Notice, voice: Voice, genders: Genders, base: string ): Post {
	const m = voice.messages;
	const definition = KINDS[ notice.kind ];
	const addressees = notice.recipients.map( userLink );
	let text = body( notice, voice, genders, base );
	if ( addressees.length ) {
		text = m.text( 'capacitybuilding-notice-addressed', list( voice, addressees ), text );
	}
	const reason = notice.data.reason?.trim() ?? '';
	if ( definition.reason && reason !== '' ) {
		text += `\n\n${ m.text( 'capacitybuilding-notice-reason', escapeWikitext( reason ) ) }`;
	}
	// A coach's notice is about no request: its heading and summary take no number.
	const number = notice.request ? [ notice.request ] : [];
	return {
		heading: m.text( definition.messages.heading as MessageKey, ...number ),
		text: wrap( voice, notice.key, text ),
		summary: `${ m.text( definition.messages.summary as MessageKey, ...number ) } [${ notice.key }]`,
	};
}

/** One line of a digest. */
function digestLine( notice: Notice, voice: Voice ): string {
	const m = voice.messages;
	const { data } = notice;
	const key = KINDS[ notice.kind ].messages.line as MessageKey;
	const link = requestLink( notice );
	const title = escapeWikitext( data.title ?? '' );
	switch ( notice.kind ) {
		case 'stale':
			return m.text( key, link, title, data.days ?? 0, statusLabel( voice, data.status ?? '' ) );
		case 'deadline':
			return m.text( key, link, title, data.neededBy ?? '' );
		default:
			return m.text( key, link, title );
	}
}

/**
 * One noticeboard's digest of a round: every new, stale or urgent request for it in one signed
 * section, mentioning the people it is for.
 *
 * @param entries The notices it lists (one target)
 * @param key The digest's own key
 * @param voice Its language (the noticeboard's)
 * @param date The round's date (YYYY-MM-DD), in its heading
 */
export function composeDigest( entries: readonly Notice[], key: string, voice: Voice, date: string ): Post {
	const m = voice.messages;
	const people: string[] = [];
	for ( const entry of entries ) {
		for ( const name of entry.recipients ) {
			if ( !people.includes( name ) ) {
				people.push( name );
			}
		}
	}
	const intro = m.text( 'capacitybuilding-notice-digest-intro', entries.length );
	const lines = entries.map( ( entry ) => `* ${ digestLine( entry, voice ) } ${ marker( entry.key ) }` );
	const addressed = people.length ? m.text( 'capacitybuilding-notice-addressed', list( voice, people.slice( 0, 50 ).map( userLink ) ), intro ) : intro;
	return {
		heading: m.text( 'capacitybuilding-notice-digest-heading', entries.length, date ),
		text: `<div lang="${ voice.language }" dir="${ voice.dir }" class="ext-capacitybuilding-notice">${ marker( key ) }\n${ addressed }\n${ lines.join( '\n' ) }\n~~~~</div>`,
		summary: `${ m.text( 'capacitybuilding-notice-digest-summary', entries.length ) } [${ key }]`,
	};
}
