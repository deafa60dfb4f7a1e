'use strict';

/**
 * Entry point of `npm start`, `npm test` and `npm run bench` on a machine that may have nothing
 * yet: installs the npm dependencies when they are missing or older than package-lock.json, then
 * runs the given TypeScript script with tsx. Plain JavaScript with no dependencies on purpose.
 *
 * Usage: node scripts/bootstrap.cjs scripts/<script>.ts [args…]
 */

const { spawnSync } = require( 'node:child_process' );
const fs = require( 'node:fs' );
const path = require( 'node:path' );

const root = path.resolve( __dirname, '..' );
const lockFile = path.join( root, 'package-lock.json' );
const installedLock = path.join( root, 'node_modules', '.package-lock.json' );

function mtime( file ) {
	try {
		return fs.statSync( file ).mtimeMs;
	} catch ( e ) {
		return null;
	}
}

const installed = mtime( installedLock );
if ( installed === null || installed < ( mtime( lockFile ) || 0 ) ) {
	console.log( 'Installing npm dependencies (npm ci)…' );
	const npm = spawnSync( 'npm', [ 'ci', '--no-audit', '--no-fund' ], { cwd: root, stdio: 'inherit' } );
	if ( npm.status !== 0 ) {
		console.error( 'npm ci failed; see the output above.' );
		process.exit( npm.status || 1 );
	}
}

const [ script, ...args ] = process.argv.slice( 2 );
if ( !script ) {
	console.error( 'Usage: node scripts/bootstrap.cjs scripts/<script>.ts [args…]' );
	process.exit( 2 );
}
const tsx = require.resolve( 'tsx/cli', { paths: [ root ] } );
const result = spawnSync( process.execPath, [ tsx, path.resolve( root, script ), ...args ], { cwd: root, stdio: 'inherit' } );
process.exit( result.status === null ? 1 : result.status );
