/**
 * Messages for the bot (console output, edit summaries), from the same i18n/*.json files as the
 * modules, through banana-i18n, with MediaWiki's language fallbacks down to English.
 */
import Banana from 'banana-i18n';
import fs from 'node:fs';
import path from 'node:path';
import type { MessageKey, MessageParam, Problem } from '../modules/core/messages';
import { ROOT } from './paths';

export const I18N_DIR = path.join( ROOT, 'i18n' );

/** All message files, by language code (qqq excluded). */
export function loadMessageFiles( dir = I18N_DIR ): Record<string, Record<string, string>> {
	const messages: Record<string, Record<string, string>> = {};
	for ( const file of fs.readdirSync( dir ) ) {
		const match = /^([a-z0-9-]+)\.json$/.exec( file );
		if ( !match || match[ 1 ] === 'qqq' ) {
			continue;
		}
		const data = JSON.parse( fs.readFileSync( path.join( dir, file ), 'utf8' ) ) as Record<string, unknown>;
		messages[ match[ 1 ] as string ] = Object.fromEntries(
			Object.entries( data ).filter( ( entry ): entry is [ string, string ] => !entry[ 0 ].startsWith( '@' ) && typeof entry[ 1 ] === 'string' ) );
	}
	return messages;
}

export class Messages {
	private readonly banana: Banana;

	public readonly language: string;

	private readonly files: Record<string, Record<string, string>>;

	public constructor( language = 'en', files = loadMessageFiles() ) {
		this.language = language;
		this.files = files;
		this.banana = new Banana( language, { finalFallback: 'en' } );
		this.banana.load( files );
	}

	/** The language and its fallbacks as MediaWiki has them, ending with English. */
	public fallbackChain(): string[] {
		return [ ...new Set( [ this.language, ...this.banana.getFallbackLocales(), 'en' ] ) ];
	}

	/**
	 * A message as written (wikitext, `$1`, `{{PLURAL:…}}` unexpanded), in the first language of
	 * the fallback chain that has it; the key itself when none has.
	 */
	public raw( key: MessageKey ): string {
		for ( const language of this.fallbackChain() ) {
			const text = this.files[ language ]?.[ key ];
			if ( text !== undefined ) {
				return text;
			}
		}
		return key;
	}

	public text( key: MessageKey, ...params: MessageParam[] ): string {
		if ( this.language === 'qqx' ) {
			// As MediaWiki shows messages in the pseudo-language qqx: the key and the parameters.
			return params.length ? `(${ key }: ${ params.map( String ).join( ', ' ) })` : `(${ key })`;
		}
		return this.banana.i18n( key, ...params.map( String ) );
	}

	public problem( problem: Problem ): string {
		return this.text( problem.key, ...problem.params );
	}
}

let english: Messages | null = null;

/**
 * An error a bot operator reads: it carries its message key and parameters, so the console shows
 * it in the operator's language; its `message` is the English text, for logs and stack traces.
 */
export class TranslatableError extends Error {
	public readonly key: MessageKey;

	public readonly params: MessageParam[];

	public constructor( key: MessageKey, ...params: MessageParam[] ) {
		english ??= new Messages( 'en' );
		super( english.text( key, ...params ) );
		this.key = key;
		this.params = params;
	}
}

/** What an error says, in the given messages' language when it is translatable. */
export function errorText( error: unknown, messages: Messages ): string {
	if ( error instanceof TranslatableError ) {
		return messages.text( error.key, ...error.params );
	}
	return error instanceof Error ? error.message : String( error );
}

/**
 * The operator's language: CAPACITY_BOT_LANGUAGE, else the language of LANG (e.g. de_DE.UTF-8
 * gives German), else English.
 *
 * @param env Environment variables
 */
export function operatorLanguage( env: NodeJS.ProcessEnv ): string {
	const language = env.CAPACITY_BOT_LANGUAGE ?? /^([a-z]{2,3})(?:[_-]|$)/i.exec( env.LANG ?? '' )?.[ 1 ]?.toLowerCase() ?? 'en';
	return language === 'c' ? 'en' : language;
}
