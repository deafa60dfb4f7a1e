/**
 * A stand-in for Meta-Wiki's OAuth 2 in front of the development wiki, which has no OAuth extension.
 * It answers the bot's API requests only when they carry `Authorization: Bearer <token>` with the
 * token it was given (as the OAuth extension does, with `mwoauth-invalid-authorization` otherwise),
 * refuses every cookie login (`action=login`, `clientlogin`), and forwards the requests to the dev
 * wiki as the account the token stands for: a session it holds itself (from that account's bot
 * password), whose cookies never reach the client. So the client is who the token says and nothing
 * else; what this does not test is the OAuth extension's own checks (grants, expiry, consumer).
 */
import http from 'node:http';
import { Mwn } from 'mwn';

export interface GatewayRequest {
	action: string;
	bearer: boolean;
	cookie: boolean;
}

export class OAuth2Gateway {
	public readonly seen: GatewayRequest[] = [];

	private server: http.Server | null = null;

	private cookie = '';

	public constructor( private readonly api: string, private readonly token: string ) {}

	/** The gateway's API endpoint. */
	public get url(): string {
		const address = this.server?.address();
		return typeof address === 'object' && address ? `http://127.0.0.1:${ address.port }/api.php` : '';
	}

	/** Logs the token's account in (its bot password) and starts listening on a free loopback port. */
	public async start( account: { username: string; password: string } ): Promise<void> {
		const session = await Mwn.init( { apiUrl: this.api, username: account.username, password: account.password,
			userAgent: 'CapacityBuilding-tests (OAuth 2 gateway)', silent: true, suppressAPIWarnings: true } );
		this.cookie = await session.cookieJar.getCookieString( this.api );
		this.server = http.createServer( ( request, response ) => {
			this.handle( request, response ).catch( () => response.destroy() );
		} );
		await new Promise<void>( ( resolve ) => {
			( this.server as http.Server ).listen( 0, '127.0.0.1', resolve );
		} );
	}

	public async stop(): Promise<void> {
		await new Promise<void>( ( resolve ) => {
			if ( this.server ) {
				this.server.close( () => resolve() );
			} else {
				resolve();
			}
		} );
	}

	private async handle( request: http.IncomingMessage, response: http.ServerResponse ): Promise<void> {
		const chunks: Buffer[] = [];
		for await ( const chunk of request ) {
			chunks.push( chunk as Buffer );
		}
		const body = Buffer.concat( chunks );
		const url = new URL( request.url ?? '/', 'http://gateway' );
		const form = new URLSearchParams( request.method === 'POST' && /urlencoded/.test( request.headers[ 'content-type' ] ?? '' ) ?
			body.toString() : '' );
		const action = url.searchParams.get( 'action' ) ?? form.get( 'action' ) ?? ( /name="action"\r\n\r\n([^\r]*)/.exec( body.toString() )?.[ 1 ] ?? '' );
		const bearer = request.headers.authorization === `Bearer ${ this.token }`;
		this.seen.push( { action, bearer, cookie: Boolean( request.headers.cookie ) } );
		const fail = ( code: string, info: string ): void => {
			response.writeHead( 200, { 'content-type': 'application/json', 'mediawiki-api-error': code } );
			response.end( JSON.stringify( { error: { code, info } } ) );
		};
		if ( !bearer ) {
			fail( 'mwoauth-invalid-authorization', 'The authorization headers in your request are not valid: Invalid access token' );
			return;
		}
		if ( action === 'login' || action === 'clientlogin' ) {
			fail( 'badvalue', 'Cookie logins are refused here: this client is authenticated by its OAuth 2 token' );
			return;
		}
		const headers: Record<string, string> = { cookie: this.cookie };
		for ( const name of [ 'content-type', 'user-agent', 'accept', 'api-user-agent' ] ) {
			const value = request.headers[ name ];
			if ( typeof value === 'string' ) {
				headers[ name ] = value;
			}
		}
		const forwarded = await fetch( `${ this.api }${ url.search }`, {
			method: request.method, headers, ...( request.method === 'POST' ? { body } : {} ),
		} );
		const out: Record<string, string> = {};
		forwarded.headers.forEach( ( value, name ) => {
			// The session stays the gateway's; the client gets no cookie.
			if ( name !== 'set-cookie' && name !== 'content-encoding' && name !== 'content-length' && name !== 'transfer-encoding' ) {
				out[ name ] = value;
			}
		} );
		response.writeHead( forwarded.status, out );
		response.end( Buffer.from( await forwarded.arrayBuffer() ) );
	}
}
