/**
 * Where drafts live in the browser, and whose they are. Small enough for the init module, which
 * runs `settleDrafts()` on every page view before any form loads; the draft stores
 * (drafts.ts) run it too.
 *
 * A draft belongs to one account. Keys are `capacityBuilding-draft:<owner>:<form>:<context>`,
 * where `<owner>` is the account's user id (0: typed while logged out), `<form>` e.g.
 * `requestForm`, `<context>` `new` or the title of the page being edited; the value is
 * `{ "value": …, "saved": "<ISO timestamp>" }`.
 *
 * - An account's drafts are kept in `localStorage` for at most 30 days, and only while the browser
 *   shows pages as that account. The first page view as anyone else ends them there: a page view
 *   as another account, or Special:UserLogout (the page a logout ends on), deletes them; any other
 *   logged-out page view (the session may just have expired, and the person is on their way to
 *   log in again) moves them into that tab's `sessionStorage`, still theirs: the next page view
 *   there as the same account brings them back, as another account deletes them, and closing the
 *   tab ends them.
 * - A logged-out draft is kept in the tab's `sessionStorage` only (never `localStorage`), at most
 *   24 hours. The first page view as a logged-in account in that tab takes it over when it was
 *   written within the last hour (it then belongs to that account, like the account's own
 *   drafts); otherwise it is deleted then.
 * - Entries in an older format are deleted.
 */

export const DRAFT_PREFIX = 'capacityBuilding-draft:';

const HOUR = 60 * 60 * 1000;
/** How long an account's draft is kept. */
export const ACCOUNT_DRAFT_MS = 30 * 24 * HOUR;
/** How long a logged-out draft is kept in its tab. */
export const LOGGED_OUT_DRAFT_MS = 24 * HOUR;
/** A logged-out draft is taken over by a login only if written this recently. */
export const CARRY_MS = HOUR;

export interface StoredDraft<T> {
	value: T;
	/** When it was written (ISO timestamp). */
	saved: string;
}

export type StorageKind = 'localStorage' | 'sessionStorage';

/**
 * The browser's storage, or null where it is unavailable (disabled, private mode quirks). Not
 * `mw.storage`: it cannot list keys, which finding every draft needs, and the init module would
 * have to depend on `mediawiki.storage` on every page view. Every access here catches what
 * `mw.storage` would.
 */
export function webStorage( kind: StorageKind ): Storage | null {
	try {
		return window[ kind ] ?? null;
	} catch {
		return null;
	}
}

export function draftKey( owner: number, form: string, context: string ): string {
	return `${ DRAFT_PREFIX }${ owner }:${ form }:${ context }`;
}

export function readDraft<T>( storage: Storage | null, key: string ): StoredDraft<T> | null {
	try {
		const stored = JSON.parse( storage?.getItem( key ) ?? 'null' ) as unknown;
		return stored && typeof stored === 'object' && 'value' in stored && typeof ( stored as StoredDraft<T> ).saved === 'string' ?
			stored as StoredDraft<T> : null;
	} catch {
		return null;
	}
}

export function writeDraft<T>( storage: Storage | null, key: string, draft: StoredDraft<T> ): void {
	try {
		storage?.setItem( key, JSON.stringify( draft ) );
	} catch {
		// Full or unavailable storage: the draft is simply not kept.
	}
}

export function removeDraft( storage: Storage | null, key: string ): void {
	try {
		storage?.removeItem( key );
	} catch {
		// Unavailable storage holds nothing to remove.
	}
}

/** Every draft key in a storage, with its owner (null for a key in an older format). */
function draftKeys( storage: Storage | null ): { key: string; owner: number | null; rest: string }[] {
	const found: { key: string; owner: number | null; rest: string }[] = [];
	try {
		const count = storage?.length ?? 0;
		for ( let i = 0; i < count; i++ ) {
			const key = storage?.key( i ) ?? '';
			// mw.storage kept an expiry entry beside each draft of the older format.
			const name = key.replace( /^_EXPIRY_/, '' );
			if ( name.startsWith( DRAFT_PREFIX ) ) {
				const match = /^(\d+):(.+)$/.exec( name.slice( DRAFT_PREFIX.length ) );
				found.push( match && key === name ?
					{ key, owner: Number( match[ 1 ] ), rest: match[ 2 ] as string } :
					{ key, owner: null, rest: '' } );
			}
		}
	} catch {
		// Unavailable storage holds no drafts.
	}
	return found;
}

/** Milliseconds since the draft was written (Infinity when unreadable). */
function age( draft: StoredDraft<unknown> | null, now: number ): number {
	const saved = draft ? Date.parse( draft.saved ) : NaN;
	return Number.isNaN( saved ) ? Infinity : now - saved;
}

/** Puts a draft into an account's drafts, unless the account has a newer one for the same form and page. */
function adopt( local: Storage | null, owner: number, rest: string, draft: StoredDraft<unknown> ): void {
	const key = `${ DRAFT_PREFIX }${ owner }:${ rest }`;
	const existing = readDraft( local, key );
	if ( !existing || Date.parse( existing.saved ) < Date.parse( draft.saved ) ) {
		writeDraft( local, key, draft );
	}
}

/**
 * Applies the rules above for the account this page is viewed as.
 *
 * @param userId The viewer's user id, 0 when logged out
 * @param loggedOutPage Whether this is the page a logout ends on (Special:UserLogout)
 * @param now The time, in milliseconds
 */
export function settleDrafts( userId: number, loggedOutPage: boolean, now = Date.now() ): void {
	const local = webStorage( 'localStorage' );
	const session = webStorage( 'sessionStorage' );
	const keepInTab = userId === 0 && !loggedOutPage;
	for ( const { key, owner } of draftKeys( local ) ) {
		const draft = owner === null ? null : readDraft( local, key );
		if ( owner !== null && owner !== 0 && owner === userId && age( draft, now ) <= ACCOUNT_DRAFT_MS ) {
			continue;
		}
		removeDraft( local, key );
		if ( draft && owner !== 0 && keepInTab && age( draft, now ) <= ACCOUNT_DRAFT_MS ) {
			writeDraft( session, key, draft );
		}
	}
	for ( const { key, owner, rest } of draftKeys( session ) ) {
		const draft = owner === null ? null : readDraft( session, key );
		const limit = owner === 0 ? LOGGED_OUT_DRAFT_MS : ACCOUNT_DRAFT_MS;
		if ( draft && age( draft, now ) <= limit && ( owner === 0 ? userId === 0 : keepInTab ) ) {
			continue;
		}
		removeDraft( session, key );
		const carried = owner === 0 ? age( draft, now ) <= CARRY_MS : owner === userId && age( draft, now ) <= limit;
		if ( draft && userId !== 0 && carried ) {
			adopt( local, userId, rest, draft );
		}
	}
}

/** `settleDrafts` for the page being viewed. */
export function settleDraftsForThisPage(): void {
	settleDrafts( Number( mw.config.get( 'wgUserId' ) ) || 0,
		mw.config.get( 'wgCanonicalSpecialPageName' ) === 'Userlogout' );
}
