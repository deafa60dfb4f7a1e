/**
 * Drafts of forms, kept in the browser so that nothing typed is lost: not to a failed save, a
 * closed tab, an expired session, nor to logging in. A draft belongs to one account and is never
 * offered to another; where drafts live and for how long is draftStorage.ts (and docs/privacy.md).
 *
 * API:
 * - `createDraftStore<T>( { form, context } )`: a store for one form (e.g. 'requestForm') and
 *   context (e.g. 'new' or the page being edited) of the account the page is viewed as (logged
 *   out: this tab only). `save( value )` writes after a short pause in typing (debounced),
 *   `flush()` writes now, `load()` returns the stored draft (including a logged-out draft this tab
 *   carried into the login), `clear()` forgets it (after a successful save, or when the user
 *   discards it).
 * - `warnOnLeave( isDirty )`: asks before leaving the page while `isDirty()` holds
 *   (`beforeunload`); returns a function that removes the warning.
 */
import { draftKey, readDraft, removeDraft, settleDraftsForThisPage, webStorage, writeDraft } from './draftStorage';

export interface Draft<T> {
	value: T;
	/** When it was written (ISO timestamp), shown in the restore prompt. */
	saved: string;
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
	/** Pause in typing before a write, in milliseconds. */
	debounceMs?: number;
}

export function createDraftStore<T>( options: DraftStoreOptions ): DraftStore<T> {
	// The init module did this when the page loaded; a store made later (or without it) does it again.
	settleDraftsForThisPage();
	const owner = Number( mw.config.get( 'wgUserId' ) ) || 0;
	const key = draftKey( owner, options.form, options.context );
	// Logged out: this tab only.
	const storage = webStorage( owner === 0 ? 'sessionStorage' : 'localStorage' );
	const delay = options.debounceMs ?? 500;
	let timer: ReturnType<typeof setTimeout> | null = null;
	let pending: { value: T } | null = null;

	const write = (): void => {
		if ( timer !== null ) {
			clearTimeout( timer );
			timer = null;
		}
		if ( pending ) {
			writeDraft( storage, key, { value: pending.value, saved: new Date().toISOString() } );
			pending = null;
		}
	};

	return {
		load() {
			const stored = readDraft<T>( storage, key );
			return stored ? { value: stored.value, saved: stored.saved } : null;
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
			removeDraft( storage, key );
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
