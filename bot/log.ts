/**
 * The bot's console output. Human-readable lines by default (a progress bar on a terminal for long
 * work, plain lines otherwise), one JSON object per line with --json, less with --quiet and more
 * with --verbose. Secrets (passwords, tokens) registered with `redact` never reach the output,
 * whatever prints them.
 */

export type Level = 'debug' | 'info' | 'warn' | 'error';

const ORDER: Record<Level, number> = { debug: 0, info: 1, warn: 2, error: 3 };

export interface LoggerOptions {
	verbose?: boolean;
	quiet?: boolean;
	json?: boolean;
	/** Where lines go (tests pass a collector). */
	write?: ( line: string, level: Level ) => void;
	/** Whether progress bars may be drawn (a terminal, and not JSON). */
	interactive?: boolean;
	/** How a warning or an error line says what it is, e.g. in the operator's language; "warn: …" by default. */
	label?: ( level: 'warn' | 'error', message: string ) => string;
}

export class Logger {
	private readonly minimum: Level;

	private readonly json: boolean;

	private readonly write: ( line: string, level: Level ) => void;

	private readonly interactive: boolean;

	private readonly label: ( level: 'warn' | 'error', message: string ) => string;

	private readonly secrets = new Set<string>();

	private progressShown = false;

	public constructor( options: LoggerOptions = {} ) {
		this.minimum = options.verbose ? 'debug' : options.quiet ? 'warn' : 'info';
		this.json = options.json ?? false;
		this.interactive = !this.json && ( options.interactive ?? Boolean( process.stderr.isTTY ) );
		this.label = options.label ?? ( ( level, message ) => `${ level }: ${ message }` );
		this.write = options.write ?? ( ( line, level ) => {
			( level === 'error' || level === 'warn' ? process.stderr : process.stdout ).write( `${ line }\n` );
		} );
	}

	/** Never print this value (a password, a token). */
	public redact( secret: string | undefined ): void {
		if ( secret && secret.length >= 4 ) {
			this.secrets.add( secret );
		}
	}

	private scrub( text: string ): string {
		let out = text;
		for ( const secret of this.secrets ) {
			out = out.split( secret ).join( '[redacted]' );
		}
		return out;
	}

	public log( level: Level, message: string, data: Record<string, unknown> = {} ): void {
		if ( ORDER[ level ] < ORDER[ this.minimum ] ) {
			return;
		}
		this.clearProgress();
		if ( this.json ) {
			const record = { time: new Date().toISOString(), level, message, ...data };
			this.write( this.scrub( JSON.stringify( record ) ), level );
			return;
		}
		// Structured details are for machines (--json) and for --verbose.
		const details = this.minimum === 'debug' && Object.keys( data ).length ? ` ${ JSON.stringify( data ) }` : '';
		const line = level === 'warn' || level === 'error' ? this.label( level, message ) : message;
		this.write( this.scrub( `${ line }${ details }` ), level );
	}

	public debug( message: string, data?: Record<string, unknown> ): void {
		this.log( 'debug', message, data );
	}

	public info( message: string, data?: Record<string, unknown> ): void {
		this.log( 'info', message, data );
	}

	public warn( message: string, data?: Record<string, unknown> ): void {
		this.log( 'warn', message, data );
	}

	public error( message: string, data?: Record<string, unknown> ): void {
		this.log( 'error', message, data );
	}

	/** Shows how far long work has got: a bar on a terminal, an occasional line otherwise. */
	public progress( label: string, done: number, total: number ): void {
		if ( this.minimum === 'warn' ) {
			return;
		}
		if ( this.interactive ) {
			const width = 30;
			const filled = total > 0 ? Math.round( width * done / total ) : width;
			process.stderr.write( `\r${ label } [${ '#'.repeat( filled ) }${ '.'.repeat( width - filled ) }] ${ done }/${ total }` );
			this.progressShown = true;
			if ( done >= total ) {
				this.clearProgress();
			}
		} else if ( done === total || done % 500 === 0 ) {
			this.debug( `${ label }: ${ done }/${ total }`, { done, total } );
		}
	}

	private clearProgress(): void {
		if ( this.progressShown ) {
			process.stderr.write( '\r\x1b[K' );
			this.progressShown = false;
		}
	}
}
