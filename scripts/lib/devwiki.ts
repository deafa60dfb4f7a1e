/**
 * The development wiki: MediaWiki 1.43 LTS from Debian 13 ("trixie")'s own packages, extracted
 * into a git-ignored folder of this checkout (no system-wide install, no web server package),
 * SQLite, PHP's built-in server on 127.0.0.1, this working tree loaded as an extension.
 *
 * It comes in two modes, each a wiki of its own (folder, port, database), so both can run at once:
 *   extension  the extension loaded (default folder `.devwiki/` or $CAPACITY_DEVWIKI_DIR, port
 *              8642 or $CAPACITY_WIKI_PORT);
 *   gadgets    the extension not loaded, the tools deployed as gadgets by the bot, as on Meta-Wiki
 *              (folder `.devwiki-gadgets/` or $CAPACITY_GADGETS_DEVWIKI_DIR, port 8643 or
 *              $CAPACITY_GADGETS_WIKI_PORT); it shares the downloaded packages of the other.
 * Another extension wiki (the tests' integration wiki) takes its folder and port from the same
 * variables and the downloaded packages from $CAPACITY_DEVWIKI_PACKAGES_DIR.
 *
 * Layout of the folder:
 *   apt/         the temporary apt configuration and lists used to download the packages
 *   debs/        the downloaded .deb files (kept across --reset; the gadgets wiki uses the extension wiki's)
 *   mediawiki/   the extracted MediaWiki, with local extensions/, images/, config/ and a
 *                generated LocalSettings.php
 *   state/       the database, the installer's settings, the server's pid and log,
 *                credentials.json (mode 0600), and mail/: every e-mail the wiki sent, one JSON
 *                file per message (LocalSettings.dev.php writes them there; none leaves the machine)
 */
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { repoRoot } from './paths';
import { SetupError, WIKI_PACKAGES, capture, ensureDebianPackages, isRoot, run } from './system';

export const DEFAULT_PORT = 8642;
export const DEFAULT_GADGETS_PORT = 8643;

/** `extension`: the extension loaded; `gadgets`: the tools as gadgets, the extension not loaded. */
export type WikiMode = 'extension' | 'gadgets';

const SITE_NAMES: Record<WikiMode, string> = {
	extension: 'CapacityBuilding development wiki',
	gadgets: 'CapacityBuilding development wiki (gadgets)',
};
const DEBIAN_SUITE = 'trixie';
const MEDIAWIKI_PACKAGES = [ 'mediawiki', 'mediawiki-classes' ];
const ADMIN_USER = 'Admin';
const BOT_USER = 'CapacityBot';
const BOT_APP_ID = 'capacitybot';
/** Grants of the bot password: read and write pages, high API limits, and site JSON/JS for setup and deploy. */
const BOT_GRANTS = [ 'basic', 'highvolume', 'editpage', 'createeditmovepage', 'editprotected', 'editsiteconfig', 'delete' ];
/** How long a fresh server may take to answer its first request (cold caches, localisation). */
const START_TIMEOUT_MS = 90_000;

export interface Account {
	username: string;
	password: string;
}

/** One e-mail the wiki "sent" (a file in the state's mail folder, written by LocalSettings.dev.php). */
export interface SentMail {
	to: { address: string; name: string }[];
	from: { address: string; name: string };
	subject: string;
	/** Headers MediaWiki added, e.g. Reply-To (the sender's own address, for user-to-user e-mail). */
	headers: Record<string, string>;
	/** Plain text, or text and HTML. */
	body: string | { text: string; html?: string };
	/** The file it was read from. */
	file: string;
}

export interface Credentials {
	/** The wiki's base URL, e.g. http://127.0.0.1:8642 */
	server: string;
	/** Its action API endpoint. */
	api: string;
	/** An administrator (sysop, bureaucrat, interface-admin). */
	admin: Account;
	/** The bot password the bot logs in with (`CapacityBot@capacitybot`). */
	bot: Account;
}

interface ServerState {
	pid: number;
	port: number;
}

/** Fingerprint of scripts/devwiki/LocalSettings.dev.php, to notice when it changes. */
function settingsHash(): string {
	const file = path.join( repoRoot, 'scripts/devwiki/LocalSettings.dev.php' );
	return crypto.createHash( 'sha256' ).update( fs.readFileSync( file ) ).digest( 'hex' );
}

function randomPassword(): string {
	return crypto.randomBytes( 24 ).toString( 'base64url' );
}

function pidIsAlive( pid: number ): boolean {
	try {
		process.kill( pid, 0 );
		return true;
	} catch {
		return false;
	}
}

function sleep( ms: number ): Promise<void> {
	return new Promise( ( resolve ) => {
		setTimeout( resolve, ms );
	} );
}

/**
 * The Debian archive this machine already uses, so the download goes to the same mirror.
 * Reads both the deb822 `.sources` files and the one-line `.list` format.
 */
export function machineDebianMirror(): string {
	const candidates: string[] = [];
	const dir = '/etc/apt/sources.list.d';
	const files = [ '/etc/apt/sources.list',
		...( fs.existsSync( dir ) ? fs.readdirSync( dir ).map( ( f ) => path.join( dir, f ) ) : [] ) ];
	for ( const file of files ) {
		if ( !fs.existsSync( file ) ) {
			continue;
		}
		const text = fs.readFileSync( file, 'utf8' );
		for ( const match of text.matchAll( /^URIs:\s*(\S+)/gim ) ) {
			candidates.push( match[ 1 ] as string );
		}
		for ( const line of text.split( '\n' ) ) {
			// One-line format: deb [options] uri suite components
			const words = line.replace( /\[[^\]]*\]/, '' ).trim().split( /\s+/ );
			if ( words[ 0 ] === 'deb' && words[ 1 ] ) {
				candidates.push( words[ 1 ] );
			}
		}
	}
	return candidates.find( ( uri ) => /\/debian\/?$/.test( uri ) ) ?? 'http://deb.debian.org/debian';
}

/** The folder of the extension-mode wiki (which also keeps the downloaded packages). */
function extensionWikiDir(): string {
	return path.resolve( process.env.CAPACITY_DEVWIKI_DIR ?? path.join( repoRoot, '.devwiki' ) );
}

/**
 * The folder whose apt/ and debs/ hold the downloaded packages: the extension wiki's, or
 * $CAPACITY_DEVWIKI_PACKAGES_DIR (another extension wiki, such as the tests' integration wiki,
 * installs from the packages the first one downloaded).
 */
function packagesHome(): string {
	return path.resolve( process.env.CAPACITY_DEVWIKI_PACKAGES_DIR ?? extensionWikiDir() );
}

export class DevWiki {
	public readonly dir: string;

	public readonly port: number;

	public readonly mode: WikiMode;

	public constructor( options: { dir?: string; port?: number; mode?: WikiMode } = {} ) {
		this.mode = options.mode ?? 'extension';
		const gadgets = this.mode === 'gadgets';
		this.dir = path.resolve( options.dir ?? ( gadgets ?
			process.env.CAPACITY_GADGETS_DEVWIKI_DIR ?? path.join( repoRoot, '.devwiki-gadgets' ) : extensionWikiDir() ) );
		const fromEnvironment = gadgets ? process.env.CAPACITY_GADGETS_WIKI_PORT : process.env.CAPACITY_WIKI_PORT;
		this.port = options.port ?? Number( fromEnvironment ?? ( gadgets ? DEFAULT_GADGETS_PORT : DEFAULT_PORT ) );
		if ( !Number.isInteger( this.port ) || this.port < 1 || this.port > 65535 ) {
			throw new SetupError( `Invalid port for the development wiki: ${ String( this.port ) }` );
		}
	}

	/** The wiki's name (also how a running server is recognised as this wiki). */
	public get siteName(): string {
		return SITE_NAMES[ this.mode ];
	}

	public get mediawikiDir(): string {
		return path.join( this.dir, 'mediawiki' );
	}

	public get stateDir(): string {
		return path.join( this.dir, 'state' );
	}

	/** Where the wiki puts every e-mail it sends instead of sending it. */
	public get mailDir(): string {
		return path.join( this.stateDir, 'mail' );
	}

	/** Every e-mail the wiki has sent so far, oldest first. */
	public sentMail(): SentMail[] {
		if ( !fs.existsSync( this.mailDir ) ) {
			return [];
		}
		return fs.readdirSync( this.mailDir ).filter( ( name ) => name.endsWith( '.json' ) ).sort()
			.map( ( name ) => ( {
				...JSON.parse( fs.readFileSync( path.join( this.mailDir, name ), 'utf8' ) ) as Omit<SentMail, 'file'>,
				file: name,
			} ) );
	}

	public get credentialsFile(): string {
		return path.join( this.stateDir, 'credentials.json' );
	}

	public get logFile(): string {
		return path.join( this.stateDir, 'server.log' );
	}

	public get server(): string {
		return `http://127.0.0.1:${ this.port }`;
	}

	public get api(): string {
		return `${ this.server }/api.php`;
	}

	/** URL of a page on the wiki. */
	public pageUrl( title: string, query: Record<string, string> = {} ): string {
		const params = new URLSearchParams( { title: title.replace( / /g, '_' ), ...query } );
		return `${ this.server }/index.php?${ params.toString() }`;
	}

	private get serverStateFile(): string {
		return path.join( this.stateDir, 'server.json' );
	}

	private get installedMarker(): string {
		return path.join( this.stateDir, 'installed.json' );
	}

	/** Installs whatever is missing; with reset, throws the wiki away first (keeping the downloads). */
	public async install( options: { reset?: boolean } = {} ): Promise<void> {
		ensureDebianPackages( WIKI_PACKAGES, 'the development wiki' );
		if ( options.reset ) {
			await this.stop();
			fs.rmSync( this.mediawikiDir, { recursive: true, force: true } );
			fs.rmSync( this.stateDir, { recursive: true, force: true } );
		}
		if ( fs.existsSync( this.installedMarker ) && fs.existsSync( path.join( this.mediawikiDir, 'index.php' ) ) ) {
			this.writeLocalSettings();
			this.updateWhenSettingsChanged();
			return;
		}
		const debs = this.downloadPackages();
		this.extract( debs );
		this.runInstaller();
		this.writeLocalSettings();
		this.php( 'update', '--quick' );
		this.createAccounts();
		fs.writeFileSync( this.installedMarker, JSON.stringify( {
			installedAt: new Date().toISOString(),
			debs: debs.map( ( d ) => path.basename( d ) ),
			settings: settingsHash(),
		}, null, '\t' ) + '\n' );
	}

	/**
	 * An installed wiki whose LocalSettings.dev.php changed since (an extension added, say) gets
	 * MediaWiki's database update, so that new extensions find their tables.
	 */
	private updateWhenSettingsChanged(): void {
		const marker = JSON.parse( fs.readFileSync( this.installedMarker, 'utf8' ) ) as Record<string, unknown>;
		const fingerprint = settingsHash();
		if ( String( marker.settings ) !== fingerprint ) {
			this.php( 'update', '--quick' );
			fs.writeFileSync( this.installedMarker, JSON.stringify( { ...marker, settings: fingerprint }, null, '\t' ) + '\n' );
		}
	}

	/** Downloads Debian 13's MediaWiki packages with a temporary apt configuration (cached). */
	private downloadPackages(): string[] {
		const debsDir = path.join( packagesHome(), 'debs' );
		const find = (): string[] => ( fs.existsSync( debsDir ) ? fs.readdirSync( debsDir ) : [] )
			.filter( ( f ) => MEDIAWIKI_PACKAGES.some( ( p ) => f.startsWith( `${ p }_` ) && f.endsWith( '.deb' ) ) )
			.map( ( f ) => path.join( debsDir, f ) );
		if ( find().length === MEDIAWIKI_PACKAGES.length ) {
			return find();
		}
		const aptDir = path.join( packagesHome(), 'apt' );
		for ( const sub of [ 'lists/partial', 'cache/archives/partial', 'sources.list.d' ] ) {
			fs.mkdirSync( path.join( aptDir, sub ), { recursive: true } );
		}
		fs.mkdirSync( debsDir, { recursive: true } );
		const keyring = '/usr/share/keyrings/debian-archive-keyring.gpg';
		const signedBy = fs.existsSync( keyring ) ? `[signed-by=${ keyring }] ` : '';
		const mirror = machineDebianMirror();
		fs.writeFileSync( path.join( aptDir, 'sources.list' ), `deb ${ signedBy }${ mirror } ${ DEBIAN_SUITE } main\n` );
		const aptOptions = [
			'-o', `Dir::Etc::SourceList=${ path.join( aptDir, 'sources.list' ) }`,
			'-o', `Dir::Etc::SourceParts=${ path.join( aptDir, 'sources.list.d' ) }`,
			'-o', `Dir::State::Lists=${ path.join( aptDir, 'lists' ) }`,
			'-o', `Dir::Cache=${ path.join( aptDir, 'cache' ) }`,
			'-o', 'Debug::NoLocking=1',
			...( isRoot() ? [ '-o', 'APT::Sandbox::User=root' ] : [] ),
		];
		console.log( `Downloading ${ MEDIAWIKI_PACKAGES.join( ' and ' ) } from Debian ${ DEBIAN_SUITE } (${ mirror })…` );
		run( 'apt-get', [ ...aptOptions, '-q', 'update' ] );
		run( 'apt-get', [ ...aptOptions, '-q', 'download', ...MEDIAWIKI_PACKAGES ], { cwd: debsDir } );
		const debs = find();
		if ( debs.length !== MEDIAWIKI_PACKAGES.length ) {
			throw new SetupError( `apt-get download did not produce ${ MEDIAWIKI_PACKAGES.join( ', ' ) } in ${ debsDir }` );
		}
		return debs;
	}

	/**
	 * Extracts the packages and turns Debian's layout back into a self-contained MediaWiki: Debian
	 * points LocalSettings.php, config, extensions and images at /etc and /var/lib, and moves docs/
	 * (which holds extension.json's schemas) to /usr/share/doc, gzipped.
	 */
	private extract( debs: string[] ): void {
		const unpacked = path.join( this.dir, 'unpacked' );
		fs.rmSync( unpacked, { recursive: true, force: true } );
		fs.mkdirSync( this.dir, { recursive: true } );
		fs.rmSync( this.mediawikiDir, { recursive: true, force: true } );
		for ( const deb of debs ) {
			run( 'dpkg-deb', [ '-x', deb, unpacked ] );
		}
		fs.renameSync( path.join( unpacked, 'usr/share/mediawiki' ), this.mediawikiDir );
		for ( const link of [ 'LocalSettings.php', 'config', 'extensions', 'images' ] ) {
			fs.rmSync( path.join( this.mediawikiDir, link ), { recursive: true, force: true } );
		}
		for ( const dir of [ 'config', 'images', 'extensions' ] ) {
			fs.mkdirSync( path.join( this.mediawikiDir, dir ) );
		}
		for ( const extension of fs.readdirSync( path.join( this.mediawikiDir, 'extensions-core' ) ) ) {
			fs.symlinkSync( path.join( '..', 'extensions-core', extension ), path.join( this.mediawikiDir, 'extensions', extension ) );
		}
		fs.symlinkSync( repoRoot, path.join( this.mediawikiDir, 'extensions', 'CapacityBuilding' ) );
		this.restoreDocs( path.join( unpacked, 'usr/share/doc/mediawiki/docs' ), path.join( this.mediawikiDir, 'docs' ) );
		fs.rmSync( unpacked, { recursive: true, force: true } );
	}

	private restoreDocs( from: string, to: string ): void {
		fs.mkdirSync( to, { recursive: true } );
		for ( const entry of fs.readdirSync( from, { withFileTypes: true } ) ) {
			const source = path.join( from, entry.name );
			if ( entry.isDirectory() ) {
				this.restoreDocs( source, path.join( to, entry.name ) );
			} else if ( entry.name.endsWith( '.gz' ) ) {
				const unzipped = zlib.gunzipSync( fs.readFileSync( source ) );
				fs.writeFileSync( path.join( to, entry.name.slice( 0, -3 ) ), unzipped );
			} else {
				fs.copyFileSync( source, path.join( to, entry.name ) );
			}
		}
	}

	private runInstaller(): void {
		fs.rmSync( this.stateDir, { recursive: true, force: true } );
		fs.mkdirSync( path.join( this.stateDir, 'db' ), { recursive: true } );
		fs.mkdirSync( path.join( this.stateDir, 'cache' ), { recursive: true } );
		const admin: Account = { username: ADMIN_USER, password: randomPassword() };
		console.log( 'Installing MediaWiki (SQLite)…' );
		// No LocalSettings.php may exist while the installer runs.
		fs.rmSync( path.join( this.mediawikiDir, 'LocalSettings.php' ), { force: true } );
		this.php( 'install',
			'--dbtype=sqlite', `--dbpath=${ path.join( this.stateDir, 'db' ) }`, '--dbname=devwiki',
			`--confpath=${ this.stateDir }`, `--server=${ this.server }`, '--scriptpath=',
			'--lang=en', `--pass=${ admin.password }`, '--skins=Vector', this.siteName, admin.username );
		fs.renameSync( path.join( this.stateDir, 'LocalSettings.php' ), path.join( this.stateDir, 'LocalSettings.install.php' ) );
		this.writeCredentials( {
			server: this.server,
			api: this.api,
			admin,
			bot: { username: `${ BOT_USER }@${ BOT_APP_ID }`, password: '' },
		} );
	}

	/** The LocalSettings.php MediaWiki reads: the installer's settings, this port, then ours. */
	private writeLocalSettings(): void {
		const php = ( value: string ): string => `'${ value.replace( /[\\']/g, ( c ) => `\\${ c }` ) }'`;
		const contents = [
			'<?php',
			'// Generated by scripts/lib/devwiki.ts on every start; edit scripts/devwiki/LocalSettings.dev.php instead.',
			`$capacityDevWikiState = ${ php( this.stateDir ) };`,
			`$capacityDevWikiMode = ${ php( this.mode ) };`,
			'require "$capacityDevWikiState/LocalSettings.install.php";',
			`$wgServer = ${ php( this.server ) };`,
			`require ${ php( path.join( repoRoot, 'scripts/devwiki/LocalSettings.dev.php' ) ) };`,
			'',
		].join( '\n' );
		fs.writeFileSync( path.join( this.mediawikiDir, 'LocalSettings.php' ), contents );
	}

	private createAccounts(): void {
		const credentials = this.credentials();
		this.php( 'createAndPromote', '--force', '--sysop', '--bureaucrat', '--interface-admin',
			credentials.admin.username, credentials.admin.password );
		const botPassword = crypto.randomBytes( 16 ).toString( 'hex' );
		this.php( 'createAndPromote', '--force', '--bot', '--sysop', '--interface-admin', BOT_USER, randomPassword() );
		this.php( 'createBotPassword', `--appid=${ BOT_APP_ID }`, `--grants=${ BOT_GRANTS.join( ',' ) }`, BOT_USER, botPassword );
		this.writeCredentials( { ...credentials, bot: { username: `${ BOT_USER }@${ BOT_APP_ID }`, password: botPassword } } );
	}

	/**
	 * Creates (or updates) a user account for tests and sample data.
	 *
	 * @param username
	 * @param password
	 * @param groups Extra groups, e.g. [ 'sysop' ]
	 */
	public ensureUser( username: string, password: string, groups: string[] = [] ): void {
		this.php( 'createAndPromote', '--force', ...( groups.length ? [ `--custom-groups=${ groups.join( ',' ) }` ] : [] ), username, password );
	}

	/** Gives an account a confirmed e-mail address (what user-to-user e-mail needs on both ends). */
	public setEmail( username: string, email: string ): void {
		this.php( 'resetUserEmail', '--no-reset-password', username, email );
	}

	private writeCredentials( credentials: Credentials ): void {
		fs.writeFileSync( this.credentialsFile, JSON.stringify( credentials, null, '\t' ) + '\n', { mode: 0o600 } );
		// writeFileSync's mode applies only when it creates the file.
		fs.chmodSync( this.credentialsFile, 0o600 );
	}

	public credentials(): Credentials {
		if ( !fs.existsSync( this.credentialsFile ) ) {
			throw new SetupError( `The development wiki is not installed (no ${ this.credentialsFile }); run npm run wiki` );
		}
		const stored = JSON.parse( fs.readFileSync( this.credentialsFile, 'utf8' ) ) as Credentials;
		// The port can change between runs; the accounts do not.
		return { ...stored, server: this.server, api: this.api };
	}

	/** Runs a MediaWiki maintenance script and returns its output. */
	public php( script: string, ...args: string[] ): string {
		try {
			return capture( 'php', [ path.join( this.mediawikiDir, 'maintenance/run.php' ), script, ...args ],
				{ cwd: this.mediawikiDir, maxBuffer: 64 * 1024 * 1024 } );
		} catch ( error ) {
			throw new SetupError( `maintenance/run.php ${ script } failed: ${ ( error as Error ).message }` );
		}
	}

	/** Whether our server answers on our port. */
	public async isRunning(): Promise<boolean> {
		const state = this.readServerState();
		if ( !state || state.port !== this.port || !pidIsAlive( state.pid ) ) {
			return false;
		}
		return ( await this.answeringSiteName() ) === this.siteName;
	}

	private async answeringSiteName(): Promise<string | null> {
		try {
			const response = await fetch( `${ this.api }?action=query&meta=siteinfo&format=json&formatversion=2`,
				{ signal: AbortSignal.timeout( 10_000 ) } );
			const body = await response.json() as { query?: { general?: { sitename?: string } } };
			return body.query?.general?.sitename ?? null;
		} catch {
			return null;
		}
	}

	private readServerState(): ServerState | null {
		try {
			return JSON.parse( fs.readFileSync( this.serverStateFile, 'utf8' ) ) as ServerState;
		} catch {
			return null;
		}
	}

	/**
	 * Installs when needed and starts the server unless it already runs.
	 *
	 * @return Whether this call started the server (so the caller knows to stop it)
	 */
	public async start(): Promise<boolean> {
		await this.install();
		if ( await this.isRunning() ) {
			return false;
		}
		await this.stop();
		if ( ( await this.answeringSiteName() ) !== null || await this.portAnswers() ) {
			throw new SetupError( `Port ${ this.port } is used by another program; choose another with CAPACITY_WIKI_PORT` );
		}
		const log = fs.openSync( this.logFile, 'a' );
		const child = spawn( 'php', [ '-d', 'opcache.enable_cli=1', '-S', `127.0.0.1:${ this.port }`, '-t', this.mediawikiDir ], {
			cwd: this.mediawikiDir,
			detached: true,
			stdio: [ 'ignore', log, log ],
			// Several workers, so that concurrent requests (and a request that waits on another) proceed.
			env: { ...process.env, PHP_CLI_SERVER_WORKERS: '4' },
		} );
		fs.closeSync( log );
		child.unref();
		if ( child.pid === undefined ) {
			throw new SetupError( 'Could not start php -S' );
		}
		fs.writeFileSync( this.serverStateFile, JSON.stringify( { pid: child.pid, port: this.port } ) + '\n' );
		const deadline = Date.now() + START_TIMEOUT_MS;
		while ( Date.now() < deadline ) {
			if ( !pidIsAlive( child.pid ) ) {
				throw new SetupError( `The wiki's server exited at start; see ${ this.logFile }:\n${ this.logTail() }` );
			}
			if ( ( await this.answeringSiteName() ) === this.siteName ) {
				return true;
			}
			await sleep( 250 );
		}
		await this.stop();
		throw new SetupError( `The wiki did not answer within ${ START_TIMEOUT_MS / 1000 } s; see ${ this.logFile }:\n${ this.logTail() }` );
	}

	private async portAnswers(): Promise<boolean> {
		try {
			await fetch( this.server, { signal: AbortSignal.timeout( 2000 ) } );
			return true;
		} catch {
			return false;
		}
	}

	private logTail(): string {
		try {
			return fs.readFileSync( this.logFile, 'utf8' ).split( '\n' ).slice( -20 ).join( '\n' );
		} catch {
			return '';
		}
	}

	/** Stops the server this folder started, if any. */
	public async stop(): Promise<boolean> {
		const state = this.readServerState();
		fs.rmSync( this.serverStateFile, { force: true } );
		if ( !state || !pidIsAlive( state.pid ) ) {
			return false;
		}
		for ( const signal of [ 'SIGTERM', 'SIGKILL' ] as const ) {
			try {
				// The server and its workers form one process group.
				process.kill( -state.pid, signal );
			} catch {
				// Already gone.
			}
			for ( let i = 0; i < 40 && pidIsAlive( state.pid ); i++ ) {
				await sleep( 100 );
			}
			if ( !pidIsAlive( state.pid ) ) {
				return true;
			}
		}
		return !pidIsAlive( state.pid );
	}

	/**
	 * Parses JavaScript files with the parser and the ECMAScript version MediaWiki's ResourceLoader
	 * uses for wiki pages (scripts/devwiki/es2016.php); returns each file's syntax error, or null.
	 */
	public parseAsWikiPageScripts( files: string[] ): Map<string, string | null> {
		const output = capture( 'php', [ path.join( repoRoot, 'scripts/devwiki/es2016.php' ), this.mediawikiDir, ...files ],
			{ cwd: this.mediawikiDir, maxBuffer: 16 * 1024 * 1024 } );
		return new Map( output.trim().split( '\n' ).map( ( line ) => {
			const { file, error } = JSON.parse( line ) as { file: string; error: string | null };
			return [ file, error ];
		} ) );
	}

	/** Runs MediaWiki's own validator on an extension.json; returns its exit status and output. */
	public validateRegistrationFile( file: string ): { ok: boolean; output: string } {
		const result = spawnSync( 'php', [ path.join( this.mediawikiDir, 'maintenance/run.php' ), 'validateRegistrationFile', file ],
			{ cwd: this.mediawikiDir, encoding: 'utf8' } );
		return { ok: result.status === 0, output: `${ result.stdout }${ result.stderr }`.trim() };
	}
}
