/**
 * `npm test`: every check, in order, on a machine that may have nothing installed yet.
 *
 *   1. system packages   PHP for the wiki, Chromium for the browser tests, MariaDB for the store
 *                        tests (installed when root)
 *   2. lint              eslint-config-wikimedia, zero warnings; banana checker over i18n/
 *   3. types             strict type checks of the core, the modules, the Node code and the tests
 *   4. unit              jest: core, bot and tooling logic; client modules in jsdom; the built
 *                        output's freshness, budgets and registrations
 *   5. integration       jest against the development wiki
 *   6. e2e               jest + playwright-core in Debian's Chromium against the development wiki
 *   7. gadgets           the same on the gadget route: the development wiki in gadget mode (its own
 *                        folder and port, the extension not loaded), the bot's setup and deploy
 *                        run, then the gadget route's integration tests (deploy) and the
 *                        end-to-end suite again (but three tests of the wiki's own answers)
 *
 * Each wiki is started once (or a running one is reused) and stopped afterwards if this run
 * started it. All stages run even when one fails, so one run shows every problem.
 *
 *   npm test -- --only lint,unit    run some stages only (e.g. --only gadgets)
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { DevWiki } from './lib/devwiki';
import { repoRoot } from './lib/paths';
import { BROWSER_PACKAGES, MARIADB_PACKAGES, WIKI_PACKAGES, ensureDebianPackages } from './lib/system';

interface Stage {
	name: string;
	run(): Promise<boolean> | boolean;
}

function npmRun( script: string, ...args: string[] ): boolean {
	return npmRunWith( {}, script, ...args );
}

function npmRunWith( env: NodeJS.ProcessEnv, script: string, ...args: string[] ): boolean {
	const result = spawnSync( 'npm', [ 'run', '--silent', script, ...( args.length ? [ '--', ...args ] : [] ) ],
		{ cwd: repoRoot, stdio: 'inherit', env: { ...process.env, ...env } } );
	return result.status === 0;
}

async function main(): Promise<void> {
	const { values } = parseArgs( { options: { only: { type: 'string' } } } );
	const only = values.only ? new Set( values.only.split( ',' ) ) : null;
	const wiki = new DevWiki();
	const gadgetWiki = new DevWiki( { mode: 'gadgets' } );
	let startedWiki = false;
	let startedGadgetWiki = false;
	const gadgetRoute = { CAPACITY_TEST_ROUTE: 'gadgets' };
	const ci = process.env.CI === 'true' ? [ '--ci' ] : [];

	const stages: Stage[] = [
		{
			name: 'system packages',
			run: () => {
				ensureDebianPackages( [ ...WIKI_PACKAGES, ...BROWSER_PACKAGES, ...MARIADB_PACKAGES ], 'the tests' );
				return true;
			},
		},
		{ name: 'lint', run: () => npmRun( 'lint' ) },
		{ name: 'types', run: () => npmRun( 'typecheck' ) },
		{ name: 'unit', run: () => npmRun( 'test:unit', ...ci ) },
		{
			name: 'wiki',
			run: async () => {
				startedWiki = await wiki.start();
				console.log( `${ startedWiki ? 'Started' : 'Reusing' } the development wiki at ${ wiki.server }` );
				return true;
			},
		},
		{ name: 'integration', run: () => npmRun( 'test:integration', '--runInBand', ...ci ) },
		{ name: 'e2e', run: () => npmRun( 'test:e2e', '--runInBand', ...ci ) },
		{
			name: 'gadget wiki',
			run: async () => {
				// The extension-mode wiki's stages are done: free its share of the machine.
				if ( startedWiki ) {
					await wiki.stop();
					startedWiki = false;
				}
				startedGadgetWiki = await gadgetWiki.start();
				console.log( `${ startedGadgetWiki ? 'Started' : 'Reusing' } the gadget-mode wiki at ${ gadgetWiki.server }` );
				return true;
			},
		},
		{ name: 'gadgets integration', run: () => npmRunWith( gadgetRoute, 'test:integration', '--runInBand', ...ci ) },
		{ name: 'gadgets e2e', run: () => npmRunWith( gadgetRoute, 'test:e2e', '--runInBand', ...ci ) },
	];
	/** Stages that need another one first. */
	const needs: Record<string, string> = {
		integration: 'wiki', e2e: 'wiki', 'gadgets integration': 'gadget wiki', 'gadgets e2e': 'gadget wiki',
	};
	const selected = ( name: string ): boolean => !only || only.has( name ) ||
		( only.has( 'gadgets' ) && name.startsWith( 'gadget' ) ) ||
		Object.entries( needs ).some( ( [ stage, need ] ) => need === name && selected( stage ) );

	const results: { name: string; ok: boolean; seconds: number }[] = [];
	const skipped = new Set<string>();
	try {
		for ( const stage of stages ) {
			if ( skipped.has( stage.name ) ) {
				results.push( { name: stage.name, ok: false, seconds: 0 } );
				continue;
			}
			if ( !selected( stage.name ) ) {
				continue;
			}
			console.log( `\n━━ ${ stage.name } ━━` );
			const started = Date.now();
			let ok: boolean;
			try {
				ok = await stage.run();
			} catch ( error ) {
				console.error( error instanceof Error ? error.message : error );
				ok = false;
			}
			results.push( { name: stage.name, ok, seconds: ( Date.now() - started ) / 1000 } );
			if ( !ok && stage.name === 'system packages' ) {
				// Later stages cannot run without these.
				break;
			}
			if ( !ok && ( stage.name === 'wiki' || stage.name === 'gadget wiki' ) ) {
				// The stages on that wiki cannot run.
				for ( const [ dependent, need ] of Object.entries( needs ) ) {
					if ( need === stage.name ) {
						skipped.add( dependent );
					}
				}
			}
		}
	} finally {
		if ( startedWiki ) {
			await wiki.stop();
		}
		if ( startedGadgetWiki ) {
			await gadgetWiki.stop();
		}
	}

	console.log( '\n━━ summary ━━' );
	for ( const r of results ) {
		console.log( `${ r.ok ? '✓' : '✗' } ${ r.name.padEnd( 20 ) } ${ r.seconds.toFixed( 1 ).padStart( 6 ) } s` );
	}
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
