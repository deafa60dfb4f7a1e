/**
 * A small stand-in for MediaWiki's `mw` in jsdom. Messages render like MediaWiki's `uselang=qqx`:
 * `(key: param1, param2)`, so tests assert which message and parameters were used without
 * depending on English wording.
 */

type HookHandler = ( ...args: unknown[] ) => void;

export function qqx( key: string, ...params: unknown[] ): string {
	return params.length ? `(${ key }: ${ params.map( String ).join( ', ' ) })` : `(${ key })`;
}

function fakeMessage( key: string, params: unknown[] ): mw.Message {
	const text = (): string => qqx( key, ...params );
	return {
		text,
		plain: text,
		escaped: text,
		parse: text,
		exists: () => true,
		params: ( more: unknown[] ) => fakeMessage( key, [ ...params, ...more ] ),
	} as unknown as mw.Message;
}

interface FakeHook {
	add( ...handlers: HookHandler[] ): FakeHook;
	fire( ...args: unknown[] ): FakeHook;
	remove(): FakeHook;
}

export interface FakeHooks {
	hook( name: string ): FakeHook;
	fired: Map<string, unknown[][]>;
}

/** mw.hook with memory, as in MediaWiki: a handler added after a fire is called at once. */
function fakeHooks(): FakeHooks {
	const handlers = new Map<string, HookHandler[]>();
	const fired = new Map<string, unknown[][]>();
	return {
		fired,
		hook( name ) {
			const api = {
				add( ...added: HookHandler[] ) {
					handlers.set( name, [ ...( handlers.get( name ) ?? [] ), ...added ] );
					const last = fired.get( name )?.at( -1 );
					if ( last ) {
						added.forEach( ( h ) => h( ...last ) );
					}
					return api;
				},
				fire( ...args: unknown[] ) {
					fired.set( name, [ ...( fired.get( name ) ?? [] ), args ] );
					( handlers.get( name ) ?? [] ).forEach( ( h ) => h( ...args ) );
					return api;
				},
				remove() {
					return api;
				},
			};
			return api;
		},
	};
}

// The fake's type is inferred on purpose: it is FakeMw, with jest's mock types.
// eslint-disable-next-line @typescript-eslint/explicit-function-return-type
function createFakeMw() {
	const hooks = fakeHooks();
	/** mw.storage's backing store (values as mw.storage keeps them: strings). */
	const stored = new Map<string, string>();
	return {
		msg: jest.fn( ( key: string, ...params: unknown[] ) => qqx( key, ...params ) ),
		message: jest.fn( ( key: string, ...params: unknown[] ) => fakeMessage( key, params ) ),
		hook: hooks.hook,
		/** Every fire of every hook, by hook name. */
		hooksFired: hooks.fired,
		loader: {
			getState: jest.fn( ( _name: string ): string | null => null ),
			using: jest.fn(
				( _names: string | string[] ): Promise<( name: string ) => unknown> => Promise.resolve( () => ( {} ) ),
			),
			load: jest.fn(),
			require: jest.fn(),
		},
		log: { error: jest.fn(), warn: jest.fn(), deprecate: jest.fn() },
		config: { get: jest.fn() },
		notify: jest.fn(),
		/** mw.storage over a Map; `stored` lets tests look inside. */
		storage: {
			stored,
			get: jest.fn( ( key: string ): string | null => stored.get( key ) ?? null ),
			set: jest.fn( ( key: string, value: string ): boolean => {
				stored.set( key, value );
				return true;
			} ),
			getObject: jest.fn( ( key: string ): unknown => {
				const value = stored.get( key );
				return value === undefined ? null : JSON.parse( value );
			} ),
			setObject: jest.fn( ( key: string, value: unknown ): boolean => {
				stored.set( key, JSON.stringify( value ) );
				return true;
			} ),
			remove: jest.fn( ( key: string ): boolean => stored.delete( key ) ),
		},
		user: {
			getName: jest.fn( (): string | null => null ),
			isAnon: jest.fn( (): boolean => true ),
		},
		util: {
			getUrl: jest.fn( ( title: string, query?: Record<string, string> ) => `/wiki/${ encodeURIComponent( title.replace( / /g, '_' ) ) }${ query ? `?${ new URLSearchParams( query ).toString() }` : '' }` ),
		},
		language: {
			getFallbackLanguageChain: jest.fn( (): string[] => [ 'en' ] ),
		},
		/** mw.Title for titles in the main namespace. */
		Title: class {
			private readonly text: string;

			public constructor( text: string ) {
				this.text = text;
			}

			public getNamespaceId(): number {
				return 0;
			}

			public getMain(): string {
				return this.text.replace( / /g, '_' );
			}
		},
	};
}

export type FakeMw = ReturnType<typeof createFakeMw>;

/** Installs a fresh fake as the global `mw` and returns it for the test to configure. */
export function installMw(): FakeMw {
	const fake = createFakeMw();
	( globalThis as unknown as { mw: FakeMw } ).mw = fake;
	return fake;
}
