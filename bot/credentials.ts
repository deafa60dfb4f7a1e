/**
 * Where the bot's credentials come from, in order: the environment (a bot password, or an OAuth 2
 * owner-only access token), then a JSON file that only its owner can read. A file that group or
 * others can read is refused, not used: credentials must never leak through file permissions.
 */
import fs from 'node:fs';
import { TranslatableError } from './i18n';

export type Credentials =
	| { kind: 'botpassword'; username: string; password: string }
	| { kind: 'oauth2'; accessToken: string };

export class CredentialsError extends TranslatableError {}

export const ENV = {
	username: 'CAPACITY_BOT_USERNAME',
	password: 'CAPACITY_BOT_PASSWORD',
	oauth2: 'CAPACITY_BOT_OAUTH2_TOKEN',
} as const;

/** Fails unless only the owner may read the file. */
export function assertPrivateFile( file: string ): void {
	const mode = fs.statSync( file ).mode % 0o1000;
	// Any permission bit for group or others (the low six bits).
	if ( mode % 0o100 !== 0 ) {
		throw new CredentialsError( 'capacitybuilding-bot-error-file-not-private', file, mode.toString( 8 ) );
	}
}

/**
 * @param data Where the credentials may be
 * @param file The file they come from; undefined for the environment
 * @return The credentials, or null when there are none
 */
function fromObject( data: Record<string, unknown>, file?: string ): Credentials | null {
	if ( typeof data.oauth2Token === 'string' && data.oauth2Token ) {
		return { kind: 'oauth2', accessToken: data.oauth2Token };
	}
	if ( typeof data.username === 'string' && typeof data.password === 'string' && data.username && data.password ) {
		return { kind: 'botpassword', username: data.username, password: data.password };
	}
	if ( 'username' in data || 'password' in data ) {
		throw file === undefined ? new CredentialsError( 'capacitybuilding-bot-error-credentials-incomplete-environment' ) :
			new CredentialsError( 'capacitybuilding-bot-error-credentials-incomplete-file', file );
	}
	return null;
}

/**
 * @param env Environment variables
 * @param file A JSON file with {"username", "password"} or {"oauth2Token"}, or a config file holding them
 * @return The credentials, or null when none are given (read-only commands may run anonymously)
 */
export function loadCredentials( env: NodeJS.ProcessEnv, file?: string ): Credentials | null {
	const fromEnv = fromObject( {
		...( env[ ENV.username ] !== undefined ? { username: env[ ENV.username ] } : {} ),
		...( env[ ENV.password ] !== undefined ? { password: env[ ENV.password ] } : {} ),
		...( env[ ENV.oauth2 ] !== undefined ? { oauth2Token: env[ ENV.oauth2 ] } : {} ),
	} );
	if ( fromEnv ) {
		return fromEnv;
	}
	if ( !file ) {
		return null;
	}
	let data: unknown;
	try {
		data = JSON.parse( fs.readFileSync( file, 'utf8' ) );
	} catch ( error ) {
		throw new CredentialsError( 'capacitybuilding-bot-error-config-unreadable', file, ( error as Error ).message );
	}
	if ( typeof data !== 'object' || data === null ) {
		throw new CredentialsError( 'capacitybuilding-bot-error-config-not-object', file );
	}
	const found = fromObject( data as Record<string, unknown>, file );
	if ( found ) {
		assertPrivateFile( file );
	}
	return found;
}
