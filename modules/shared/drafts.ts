/**
 * Drafts of forms, kept in the browser (`mw.storage`) so that nothing typed is lost: not to a
 * failed save, a closed tab, an expired session, nor to logging in.
 *
 * API:
 * - `createDraftStore<T>( { form, context, user } )`: a store for one form (e.g. 'requestForm')
 *   and context (e.g. 'new' or the page being edited), per user. `save( value )` writes after a
 *   short pause in typing (debounced), `flush()` writes now, `load()` returns a stored draft (a
 *   logged-out user's draft is offered again after logging in), `clear()` forgets it (after a
 *   successful save, or when the user discards it).
 * - `warnOnLeave( isDirty )`: asks before leaving the page while `isDirty()` holds
 *   (`beforeunload`); returns a function that removes the warning.
 */

export interface Draft<T> {
	value: T;
	/** When it was written (ISO timestamp), shown in the restore prompt. */
	saved: string;
	/** Whether it was written while logged out (and is offered to the now logged-in user). */
	fromLoggedOut: boolean;
}

export interface DraftStore<T> {
	load(): Draft<T> | null;
	save( value: T ): void;
	flush(): void;
	clear(): void;
}

export interface DraftStoreOptions {
	/** The form, e.g. 'requestForm'. */
	form: string;
	/** What the form edits, e.g. 'new' or a page title. */
	context: string;
	/** The user's name, or null when logged out. */
	user: string | null;
	/** Pause in typing before a write, in milliseconds. */
	debounceMs?: number;
}

/** Drafts older than this are dropped by mw.storage. */
const EXPIRY_SECONDS = 30 * 24 * 60 * 60;
const PREFIX = 'capacityBuilding-draft';

function storageKey( form: string, context: string, user: string | null ): string {
	return `${ PREFIX }:${ form }:${ context }:${ user === null ? '#anonymous' : user }`;
}

interface StoredDraft<T> {
	value: T;
	saved: string;
}

function read<T>( key: string ): StoredDraft<T> | null {
	const stored = mw.storage.getObject( key ) as StoredDraft<T> | null | false;
	return stored && typeof stored === 'object' && 'value' in stored ? stored : null;
}

export function createDraftStore<T>( options: DraftStoreOptions ): DraftStore<T> {
	const own = storageKey( options.form, options.context, options.user );
	const anonymous = storageKey( options.form, options.context, null );
	const delay = options.debounceMs ?? 500;
	let timer: ReturnType<typeof setTimeout> | null = null;
	let pending: { value: T } | null = null;

	const write = (): void => {
		if ( timer !== null ) {
			clearTimeout( timer );
			timer = null;
		}
		if ( pending ) {
			const stored: StoredDraft<T> = { value: pending.value, saved: new Date().toISOString() };
			mw.storage.setObject( own, stored, EXPIRY_SECONDS );
			pending = null;
		}
	};

	return {
		load() {
			const mine = read<T>( own );
			if ( mine ) {
				return { value: mine.value, saved: mine.saved, fromLoggedOut: options.user === null };
			}
			const loggedOut = options.user === null ? null : read<T>( anonymous );
			return loggedOut ? { value: loggedOut.value, saved: loggedOut.saved, fromLoggedOut: true } : null;
		},
		save( value ) {
			pending = { value };
			if ( timer !== null ) {
				clearTimeout( timer );
			}
			timer = setTimeout( write, delay );
		},
		flush: write,
		clear() {
			pending = null;
			if ( timer !== null ) {
				clearTimeout( timer );
				timer = null;
			}
			mw.storage.remove( own );
			// A logged-out draft that was offered after login is used up too.
			mw.storage.remove( anonymous );
		},
	};
}

/**
 * Asks the browser to confirm leaving while there are unsaved changes.
 *
 * @param isDirty Whether leaving now would lose something
 * @return Removes the warning (after a successful save)
 */
export function warnOnLeave( isDirty: () => boolean ): () => void {
	const handler = ( event: BeforeUnloadEvent ): void => {
		if ( isDirty() ) {
			event.preventDefault();
			// Older browsers need returnValue set; the text is not shown by any current browser.
			event.returnValue = '';
		}
	};
	window.addEventListener( 'beforeunload', handler );
	return () => window.removeEventListener( 'beforeunload', handler );
}
