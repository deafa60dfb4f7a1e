/**
 * Debian packages the development tooling needs (PHP for the wiki, Chromium for end-to-end tests,
 * MariaDB for the store tests). Installed when running as root; otherwise the exact command is
 * printed, since nothing here should ask for a password.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';

export class SetupError extends Error {}

/**
 * PHP for MediaWiki 1.43 (the validator also needs the two libraries Debian keeps out of it).
 * APCu is the wiki's local-server cache, as on Wikimedia's servers: without it ResourceLoader
 * minifies and hashes every module again on every request (a page view costs three times the
 * CPU), which on a two-core CI machine is most of what the browser tests wait for.
 */
export const WIKI_PACKAGES = [
	'php-cli', 'php-sqlite3', 'php-intl', 'php-mbstring', 'php-xml', 'php-gmp', 'php-curl', 'php-apcu',
	'php-luasandbox', 'php-composer-spdx-licenses', 'jsonlint',
];

export const BROWSER_PACKAGES = [ 'chromium', 'fonts-dejavu-core' ];

export const MARIADB_PACKAGES = [ 'mariadb-server' ];

export function isRoot(): boolean {
	return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** Runs a command, streaming its output, and throws with its exit status when it fails. */
export function run( command: string, args: string[], options: SpawnSyncOptions = {} ): void {
	const result = spawnSync( command, args, { stdio: 'inherit', ...options } );
	if ( result.error ) {
		throw new SetupError( `${ command } could not start: ${ result.error.message }` );
	}
	if ( result.status !== 0 ) {
		throw new SetupError( `${ command } ${ args.join( ' ' ) } failed with exit status ${ result.status }` );
	}
}

/** Runs a command and returns its standard output; throws with its standard error when it fails. */
export function capture( command: string, args: string[], options: SpawnSyncOptions = {} ): string {
	const result = spawnSync( command, args, { encoding: 'utf8', ...options } );
	if ( result.error ) {
		throw new SetupError( `${ command } could not start: ${ result.error.message }` );
	}
	if ( result.status !== 0 ) {
		throw new SetupError( `${ command } ${ args.join( ' ' ) } failed: ${ String( result.stderr ).trim() }` );
	}
	return String( result.stdout );
}

export function missingDebianPackages( packages: string[] ): string[] {
	return packages.filter( ( name ) => {
		const result = spawnSync( 'dpkg-query', [ '-W', '-f=${db:Status-Status}', name ], { encoding: 'utf8' } );
		return result.status !== 0 || result.stdout.trim() !== 'installed';
	} );
}

/**
 * Makes sure the packages are installed. Does nothing (and runs nothing) when they already are.
 *
 * @param packages Debian package names
 * @param purpose What they are for, for the message shown to a non-root user
 */
export function ensureDebianPackages( packages: string[], purpose: string ): void {
	const missing = missingDebianPackages( packages );
	if ( !missing.length ) {
		return;
	}
	const line = `apt-get install -y --no-install-recommends ${ missing.join( ' ' ) }`;
	if ( !isRoot() ) {
		throw new SetupError( `${ purpose } needs Debian packages that are not installed. Run as root:\n  ${ line }` );
	}
	console.log( `Installing ${ missing.join( ', ' ) } for ${ purpose }…` );
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	// Another install may be running (a second checkout's tests, unattended upgrades): wait for
	// dpkg's lock instead of failing at once.
	const lock = [ '-o', 'DPkg::Lock::Timeout=900' ];
	const install = (): number | null => spawnSync( 'apt-get',
		[ ...lock, 'install', '-y', '-q', '--no-install-recommends', ...missing ], { stdio: 'inherit', env } ).status;
	if ( install() === 0 ) {
		return;
	}
	// A fresh machine may have no package lists yet, or stale ones.
	run( 'apt-get', [ ...lock, 'update', '-q' ], { env } );
	if ( install() !== 0 ) {
		throw new SetupError( `Could not install ${ missing.join( ' ' ) } (${ line })` );
	}
}
