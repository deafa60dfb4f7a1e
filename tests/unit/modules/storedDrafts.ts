/**
 * Drafts as the browser keeps them (modules/shared/draftStorage.ts), for component tests: seed one
 * as if typed earlier, read one back. jsdom has real localStorage and sessionStorage.
 */
import { draftKey } from '../../../modules/shared/draftStorage';

/** Where a draft of `owner` lives: an account's in localStorage, a logged-out one (0) in the tab. */
function storageOf( owner: number ): Storage {
	return owner === 0 ? window.sessionStorage : window.localStorage;
}

export function seedDraft( owner: number, form: string, context: string, value: unknown, saved = new Date().toISOString() ): void {
	storageOf( owner ).setItem( draftKey( owner, form, context ), JSON.stringify( { value, saved } ) );
}

export function storedDraft( owner: number, form: string, context: string ): { value: unknown; saved: string } | null {
	return JSON.parse( storageOf( owner ).getItem( draftKey( owner, form, context ) ) ?? 'null' ) as { value: unknown; saved: string } | null;
}

/** Forgets every draft (and anything else) the browser keeps. */
export function clearStorage(): void {
	window.localStorage.clear();
	window.sessionStorage.clear();
}
