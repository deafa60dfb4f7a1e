/**
 * Message keys and the problems the core reports. The core never produces English (or any) text:
 * it returns message keys with parameters, and each side translates them — the modules with
 * `mw.message`, the bot with banana-i18n — from the same i18n/*.json files.
 */

/** Every key of i18n/en.json; a misspelt key is a type error. */
export type MessageKey = keyof typeof import( '../../i18n/en.json' );

export type MessageParam = string | number;

/** Something wrong with one field (or with the record as a whole when `field` is null). */
export interface Problem {
	field: string | null;
	key: MessageKey;
	params: MessageParam[];
}

export function problem( field: string | null, key: MessageKey, ...params: MessageParam[] ): Problem {
	return { field, key, params };
}
