/**
 * `npm test`: every check, on a machine that may have nothing installed yet.
 *
 *   system packages      PHP for the wiki, Chromium for the browser tests, MariaDB for the store
 *                        tests (installed when root); first, as everything else needs them
 * then three lanes at once, each running its stages one after another:
 *   checks               lint (eslint-config-wikimedia, zero warnings; banana checker over i18n/),
 *                        types (strict type checks of the core, the modules, the Node code and the
 *                        tests), unit (jest: core, bot and tooling logic; client modules in jsdom;
 *                        the built output's freshness, budgets and registrations), then
 *                        integration wiki (an extension wiki of the tests' own: `.devwiki-integration/`,
 *                        the development wiki's port + 2) and integration (jest against it)
 *   extension route      wiki (install when needed, start), e2e (jest + playwright-core in
 *                        Debian's Chromium)
 *   gadget route         gadget wiki (the development wiki in gadget mode: its own folder and port,
 *                        the extension not loaded; the bot's setup and deploy run in the
 *                        tests' global setup), gadgets
 *                        integration (deploy), gadgets e2e (the end-to-end suite again, but the
 *                        tests of logic both routes share: tests/e2e/support/routes.ts)
 *
 * The lanes share nothing but the machine: each has its own wiki (folder, port, database), and the
 * tests make their own temporary folders, browsers and bot stores. The gadget and integration
 * wikis are installed once the extension wiki is, as they install from the packages that one
 * downloads. On two cores the lanes keep the processor busy throughout, so the stages are spread
 * to end at about the same time: the integration tests run after the checks, on their own wiki,
 * rather than before the end-to-end tests on the same one.
 *
 * Each stage writes to a file of its own; its output is printed as one block when it ends, so the
 * lanes do not mix their lines. Each wiki is started once (or a running one is reused) and stopped
 * when its lane is done if this run started it. All stages run even when one fails (but the stages
 * of a wiki that did not start), so one run shows every problem; the summary gives each stage's
 * time and the whole run's.
 *
 *   npm test -- --only lint,unit    run some stages only (e.g. --only gadgets)
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DevWiki } from './lib/devwiki';
import { repoRoot } from './lib/paths';
import { BROWSER_PACKAGES, MARIADB_PACKAGES, WIKI_PACKAGES, ensureDebianPackages } from './lib/system';

interface Stage {
	name: string;
	/** The command, run from the repository root, its output going to a file. */
	command: string[];
	env?: NodeJS.ProcessEnv;
	/** For a wiki stage: the wiki it starts (the lane's later stages need it running). */
	wiki?: DevWiki;
	/** A stage of another lane this one waits for (whether that one succeeds or not). */
	after?: string;
}

interface Result {
	name: string;
	ok: boolean;
	seconds: number;
}

function npmRun( script: string, args: string[], env: NodeJS.ProcessEnv = {} ): Pick<Stage, 'command' | 'env'> {
	return { command: [ 'npm', 'run', '--silent', script, ...( args.length ? [ '--', ...args ] : [] ) ], env };
}

/**
 * Runs a command with its output (stdout and stderr, interleaved as written) going to a file,
 * which never blocks it, and returns whether it succeeded and what it printed.
 */
function runToFile( stage: Stage, dir: string ): Promise<{ ok: boolean; output: string }> {
	const file = path.join( dir, `${ stage.name.replace( /\W+/g, '-' ) }.log` );
	const fd = fs.openSync( file, 'w' );
	const [ program, ...args ] = stage.command as [ string, ...string[] ];
	return new Promise( ( resolve ) => {
		const child = spawn( program, args, { cwd: repoRoot, stdio: [ 'ignore', fd, fd ], env: { ...process.env, ...stage.env } } );
		const done = ( ok: boolean, extra = '' ): void => {
			fs.closeSync( fd );
			resolve( { ok, output: fs.readFileSync( file, 'utf8' ) + extra } );
		};
		child.on( 'error', ( error ) => done( false, `\n${ error.message }\n` ) );
		child.on( 'exit', ( code ) => done( code === 0 ) );
	} );
}

/** A promise and the function that settles it. */
function settled(): { promise: Promise<void>; resolve: () => void } {
	let resolve = (): void => undefined;
	const promise = new Promise<void>( ( r ) => {
		resolve = r;
	} );
	return { promise, resolve };
}

function clock(): string {
	return new Date().toISOString().slice( 11, 19 );
}

async function main(): Promise<void> {
	const { values } = parseArgs( { options: { only: { type: 'string' } } } );
	const only = values.only ? new Set( values.only.split( ',' ) ) : null;
	const wiki = new DevWiki();
	const gadgetWiki = new DevWiki( { mode: 'gadgets' } );
	const gadgetRoute = { CAPACITY_TEST_ROUTE: 'gadgets' };
	// The integration tests' own extension wiki: they run beside the end-to-end tests, not after them.
	const integrationWiki = new DevWiki( { dir: path.join( repoRoot, '.devwiki-integration' ), port: wiki.port + 2 } );
	const onIntegrationWiki = {
		CAPACITY_DEVWIKI_DIR: integrationWiki.dir, CAPACITY_WIKI_PORT: String( integrationWiki.port ),
		CAPACITY_DEVWIKI_PACKAGES_DIR: wiki.dir,
	};
	const ci = process.env.CI === 'true' ? [ '--ci' ] : [];

	const lanes: Stage[][] = [
		[
			{ name: 'lint', ...npmRun( 'lint', [] ) },
			{ name: 'types', ...npmRun( 'typecheck', [] ) },
			{ name: 'unit', ...npmRun( 'test:unit', ci ) },
			{ name: 'integration wiki', ...npmRun( 'wiki', [], onIntegrationWiki ), wiki: integrationWiki, after: 'wiki' },
			{ name: 'integration', ...npmRun( 'test:integration', [ '--runInBand', ...ci ], onIntegrationWiki ) },
		],
		[
			{ name: 'wiki', ...npmRun( 'wiki', [] ), wiki },
			{ name: 'e2e', ...npmRun( 'test:e2e', [ '--runInBand', ...ci ] ) },
		],
		[
			{ name: 'gadget wiki', ...npmRun( 'wiki', [ '--gadgets', '--no-deploy' ] ), wiki: gadgetWiki, after: 'wiki' },
			{ name: 'gadgets integration', ...npmRun( 'test:integration', [ '--runInBand', ...ci ], gadgetRoute ) },
			{ name: 'gadgets e2e', ...npmRun( 'test:e2e', [ '--runInBand', ...ci ], gadgetRoute ) },
		],
	];
	/** Stages that need another one first. */
	const needs: Record<string, string> = {
		integration: 'integration wiki', e2e: 'wiki', 'gadgets integration': 'gadget wiki', 'gadgets e2e': 'gadget wiki',
	};
	const selected = ( name: string ): boolean => !only || only.has( name ) ||
		( only.has( 'gadgets' ) && name.startsWith( 'gadget' ) ) ||
		Object.entries( needs ).some( ( [ stage, need ] ) => need === name && selected( stage ) );

	const results: Result[] = [];
	const runStarted = Date.now();
	if ( selected( 'system packages' ) ) {
		console.log( '\n━━ system packages ━━' );
		const begin = Date.now();
		let ok = true;
		try {
			ensureDebianPackages( [ ...WIKI_PACKAGES, ...BROWSER_PACKAGES, ...MARIADB_PACKAGES ], 'the tests' );
		} catch ( error ) {
			console.error( error instanceof Error ? error.message : error );
			ok = false;
		}
		results.push( { name: 'system packages', ok, seconds: ( Date.now() - begin ) / 1000 } );
	}

	const logDir = fs.mkdtempSync( path.join( os.tmpdir(), 'capacitybuilding-test-' ) );
	/** Wikis this run started, to stop when their lane is done. */
	const started = new Set<DevWiki>();
	/** Settles when a stage is done (or known not to run). */
	const done = new Map( lanes.flat().map( ( stage ) => [ stage.name, settled() ] ) );

	const runLane = async ( lane: Stage[] ): Promise<void> => {
		let wikiFailed = false;
		for ( const stage of lane ) {
			if ( !selected( stage.name ) ) {
				done.get( stage.name )?.resolve();
				continue;
			}
			if ( wikiFailed ) {
				// The stages on that wiki cannot run.
				results.push( { name: stage.name, ok: false, seconds: 0 } );
				console.log( `\n━━ ${ stage.name } ━━ ✗ not run: its wiki did not start` );
				done.get( stage.name )?.resolve();
				continue;
			}
			if ( stage.after ) {
				await done.get( stage.after )?.promise;
			}
			const wasRunning = stage.wiki ? await stage.wiki.isRunning() : false;
			console.log( `▶ ${ clock() } ${ stage.name }` );
			const begin = Date.now();
			const { ok, output } = await runToFile( stage, logDir );
			const seconds = ( Date.now() - begin ) / 1000;
			if ( stage.wiki && !wasRunning && await stage.wiki.isRunning() ) {
				started.add( stage.wiki );
			}
			results.push( { name: stage.name, ok, seconds } );
			console.log( `\n━━ ${ stage.name } ━━ ${ ok ? '✓' : '✗' } ${ seconds.toFixed( 1 ) } s (ended ${ clock() })\n${ output.trimEnd() }` );
			wikiFailed = !ok && stage.wiki !== undefined;
			done.get( stage.name )?.resolve();
		}
		for ( const stage of lane ) {
			if ( stage.wiki && started.has( stage.wiki ) ) {
				await stage.wiki.stop();
				started.delete( stage.wiki );
			}
		}
	};

	if ( !results.some( ( r ) => !r.ok ) ) {
		try {
			await Promise.all( lanes.map( runLane ) );
		} finally {
			for ( const w of started ) {
				await w.stop();
			}
			fs.rmSync( logDir, { recursive: true, force: true } );
		}
	}

	const order = [ 'system packages', ...lanes.flat().map( ( stage ) => stage.name ) ];
	results.sort( ( a, b ) => order.indexOf( a.name ) - order.indexOf( b.name ) );
	console.log( '\n━━ summary ━━' );
	for ( const r of results ) {
		console.log( `${ r.ok ? '✓' : '✗' } ${ r.name.padEnd( 20 ) } ${ r.seconds.toFixed( 1 ).padStart( 6 ) } s` );
	}
	console.log( `  ${ 'all (lanes at once)'.padEnd( 20 ) } ${ ( ( Date.now() - runStarted ) / 1000 ).toFixed( 1 ).padStart( 6 ) } s` );
	const failed = results.filter( ( r ) => !r.ok );
	if ( failed.length ) {
		console.log( `\n${ failed.length } stage(s) failed: ${ failed.map( ( r ) => r.name ).join( ', ' ) }` );
		process.exitCode = 1;
	}
}

main().catch( ( error: unknown ) => {
	console.error( error );
	process.exitCode = 1;
} );
