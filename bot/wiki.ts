/**
 * The bot's connection to a wiki: mwn, plus what mwn does not do for a well-behaved Wikimedia bot.
 *
 * - HTTP 429: waits as long as the server's Retry-After says (mwn retries after a fixed pause).
 * - The `ratelimited` API error: backs off exponentially and retries (mwn gives up at once).
 * - maxlag=5 on every request, with enough retries for a long lag (mwn waits Retry-After between).
 * - Counts HTTP requests, so benchmarks and tests can hold the bot to its request budget.
 * - Never lets a password or token reach the logs.
 */
import { Mwn, MwnError, type ApiParams, type ApiResponse, type MwnOptions } from 'mwn';
import type { RawRequestParams } from 'mwn/build/core';
import type { Credentials } from './credentials';
import { Messages, TranslatableError } from './i18n';
import type { Logger } from './log';

export class ConnectionError extends TranslatableError {}
export class LoginError extends TranslatableError {}

export interface WikiClientOptions {
	api: string;
	credentials: Credentials | null;
	userAgent: string;
	logger: Logger;
	/** Retries for maxlag, read-only, network errors, 429 and ratelimited. */
	maxRetries?: number;
	/** Pause before retrying transient errors, in milliseconds. */
	retryPause?: number;
	/** First back-off after a `ratelimited` error, doubled each time. */
	rateLimitPause?: number;
	/** Replaced in tests to avoid real waiting. */
	sleep?: ( ms: number ) => Promise<void>;
	/** Messages for the operator's console (English when not given). */
	messages?: Messages;
}

export interface SiteInfo {
	/** Content language code. */
	language: string;
	/** Extension tags the preprocessor knows, without brackets. */
	extensionTags: string[];
	generator: string;
}

export interface UserInfo {
	name: string;
	loggedIn: boolean;
	rights: string[];
	groups: string[];
}

const defaultSleep = ( ms: number ): Promise<void> => new Promise( ( resolve ) => {
	setTimeout( resolve, ms );
} );

/** Seconds or an HTTP date, as Retry-After allows; null when absent or unreadable. */
export function retryAfterMs( header: unknown, now = Date.now() ): number | null {
	if ( typeof header !== 'string' && typeof header !== 'number' ) {
		return null;
	}
	const text = String( header ).trim();
	if ( /^\d+$/.test( text ) ) {
		return Number( text ) * 1000;
	}
	const date = Date.parse( text );
	return Number.isNaN( date ) ? null : Math.max( 0, date - now );
}

interface Behaviour {
	logger: Logger;
	messages: Messages;
	sleep: ( ms: number ) => Promise<void>;
	maxRetries: number;
	retryPause: number;
	rateLimitPause: number;
}

/** mwn with the additions above. */
class BotMwn extends Mwn {
	public httpRequests = 0;

	public readonly behaviour: Behaviour;

	public constructor( options: MwnOptions, behaviour: Behaviour ) {
		super( options );
		this.behaviour = behaviour;
	}

	public override async rawRequest( requestOptions: RawRequestParams ): ReturnType<Mwn[ 'rawRequest' ]> {
		for ( let attempt = 0; ; attempt++ ) {
			this.httpRequests++;
			try {
				return await super.rawRequest( requestOptions );
			} catch ( error ) {
				type HttpError = { response?: { status?: number; headers?: Record<string, unknown> } };
				const response = ( error as HttpError ).response;
				if ( response?.status !== 429 || attempt >= this.behaviour.maxRetries ) {
					throw error;
				}
				const wait = retryAfterMs( response.headers?.[ 'retry-after' ] ) ?? this.behaviour.retryPause * 2 ** attempt;
				this.behaviour.logger.warn( this.behaviour.messages.text( 'capacitybuilding-bot-log-http-429', Math.round( wait / 1000 ) ), { wait } );
				await this.behaviour.sleep( wait );
			}
		}
	}

	public override async request( params: ApiParams, customRequestOptions?: RawRequestParams ): Promise<ApiResponse> {
		for ( let attempt = 0; ; attempt++ ) {
			try {
				return await super.request( params, customRequestOptions );
			} catch ( error ) {
				if ( !( error instanceof MwnError && error.code === 'ratelimited' ) || attempt >= this.behaviour.maxRetries ) {
					throw error;
				}
				const wait = this.behaviour.rateLimitPause * 2 ** attempt;
				this.behaviour.logger.warn( this.behaviour.messages.text( 'capacitybuilding-bot-log-ratelimited', Math.round( wait / 1000 ) ), { wait } );
				await this.behaviour.sleep( wait );
			}
		}
	}
}

export class WikiClient {
	public readonly api: string;

	public readonly mwn: Mwn;

	public readonly site: SiteInfo;

	public readonly user: UserInfo;

	private readonly counter: BotMwn;

	private constructor( api: string, bot: BotMwn, site: SiteInfo, user: UserInfo ) {
		this.api = api;
		this.mwn = bot;
		this.counter = bot;
		this.site = site;
		this.user = user;
	}

	/** Connects, logs in when credentials are given, and reads what the bot needs to know of the wiki. */
	public static async connect( options: WikiClientOptions ): Promise<WikiClient> {
		const { logger } = options;
		const credentials = options.credentials;
		if ( credentials?.kind === 'botpassword' ) {
			logger.redact( credentials.password );
		} else if ( credentials?.kind === 'oauth2' ) {
			logger.redact( credentials.accessToken );
		}
		const maxRetries = options.maxRetries ?? 12;
		const messages = options.messages ?? new Messages( 'en' );
		const bot = new BotMwn( {
			apiUrl: options.api,
			userAgent: options.userAgent,
			silent: true,
			suppressAPIWarnings: true,
			maxRetries,
			retryPause: options.retryPause ?? 5000,
			defaultParams: { maxlag: 5, formatversion: 2 },
			...( credentials?.kind === 'oauth2' ? { OAuth2AccessToken: credentials.accessToken } : {} ),
		}, {
			logger,
			messages,
			sleep: options.sleep ?? defaultSleep,
			maxRetries,
			retryPause: options.retryPause ?? 5000,
			rateLimitPause: options.rateLimitPause ?? 60_000,
		} );
		try {
			if ( credentials?.kind === 'botpassword' ) {
				await bot.login( { username: credentials.username, password: credentials.password } );
			} else if ( credentials?.kind === 'oauth2' ) {
				bot.initOAuth();
				await bot.getTokensAndSiteInfo();
			}
		} catch ( error ) {
			const code = ( error as MwnError ).code;
			if ( error instanceof MwnError && code !== undefined && !/^E[A-Z]+$/.test( code ) ) {
				throw new LoginError( 'capacitybuilding-bot-error-login', options.api, error.info ?? code );
			}
			throw new ConnectionError( 'capacitybuilding-bot-error-unreachable', options.api, ( error as Error ).message );
		}
		let response: ApiResponse;
		try {
			response = await bot.request( {
				action: 'query', meta: [ 'siteinfo', 'userinfo' ], siprop: [ 'general', 'extensiontags' ], uiprop: [ 'rights', 'groups' ],
			} );
		} catch ( error ) {
			throw new ConnectionError( 'capacitybuilding-bot-error-unreachable', options.api, ( error as Error ).message );
		}
		const general = response.query?.general as { lang: string; generator: string };
		type RawUserInfo = { name: string; anon?: boolean; rights?: string[]; groups?: string[] };
		const userinfo = response.query?.userinfo as RawUserInfo;
		const site: SiteInfo = {
			language: general.lang,
			generator: general.generator,
			extensionTags: ( response.query?.extensiontags as string[] ?? [] ).map( ( tag ) => tag.replace( /^<|>$/g, '' ) ),
		};
		const user: UserInfo = {
			name: userinfo.name,
			loggedIn: !userinfo.anon,
			rights: userinfo.rights ?? [],
			groups: userinfo.groups ?? [],
		};
		if ( user.loggedIn ) {
			// Every later request fails instead of silently running logged out if the session is lost.
			bot.options.defaultParams = { ...bot.options.defaultParams, assert: 'user', assertuser: user.name };
		}
		logger.debug( messages.text( 'capacitybuilding-bot-log-connected', options.api, site.generator, user.name ),
			{ rights: user.rights.length } );
		return new WikiClient( options.api, bot, site, user );
	}

	/** HTTP requests made so far (retries included). */
	public get requestCount(): number {
		return this.counter.httpRequests;
	}

	/** Whether the account may ask for 500 items a request instead of 50. */
	public get highLimits(): boolean {
		return this.user.rights.includes( 'apihighlimits' );
	}

	/** Titles a read request may carry. */
	public get batchSize(): number {
		return this.highLimits ? 500 : 50;
	}

	public request( params: ApiParams ): Promise<ApiResponse> {
		return this.mwn.request( params );
	}

	/**
	 * A write that must not be repeated blindly (a new section: repeating it would post twice). Errors
	 * that say nothing was saved are waited out and retried (maxlag, read-only, rate limits, HTTP 429);
	 * any other failure, a network failure included (the edit may have been saved), is thrown as is,
	 * without mwn's automatic retry.
	 *
	 * @param params
	 */
	public async postOnce( params: ApiParams ): Promise<ApiResponse> {
		const { maxRetries, retryPause, sleep, logger, messages } = this.counter.behaviour;
		for ( let attempt = 0; ; attempt++ ) {
			try {
				// mwn counts its retries in retryNumber: starting at the maximum turns them off.
				return await this.mwn.request( params, { retryNumber: Number.MAX_SAFE_INTEGER } as RawRequestParams );
			} catch ( error ) {
				const code = error instanceof MwnError ? error.code : undefined;
				if ( ( code !== 'maxlag' && code !== 'readonly' ) || attempt >= maxRetries ) {
					throw error;
				}
				logger.warn( messages.text( 'capacitybuilding-bot-log-lagged', Math.round( retryPause / 1000 ) ), { code } );
				await sleep( retryPause );
			}
		}
	}
}
