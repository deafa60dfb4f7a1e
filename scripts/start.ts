/**
 * `npm start`, the main job on a fresh machine: build the modules, bring up the development wiki
 * with this extension and sample pages, and say where to look.
 *
 *   npm start -- --gadgets   the same on the development wiki in gadget mode: no extension, the
 *                            tools deployed as gadgets by the bot (setup, deploy --definitions)
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { DevWiki } from './lib/devwiki';
import { repoRoot } from './lib/paths';
import { SAMPLE_PAGES, seedSampleRecords } from './lib/samples';
import { SetupError } from './lib/system';

async function main(): Promise<void> {
	console.log( '━━ build ━━' );
	if ( spawnSync( 'npm', [ 'run', '--silent', 'build' ], { cwd: repoRoot, stdio: 'inherit' } ).status !== 0 ) {
		throw new SetupError( 'The build failed; see above.' );
	}
	const { values } = parseArgs( { options: { gadgets: { type: 'boolean', default: false } } } );
	console.log( '\n━━ development wiki ━━' );
	const wiki = new DevWiki( { mode: values.gadgets ? 'gadgets' : 'extension' } );
	const started = await wiki.start();
	console.log( `\n━━ bot: setup${ values.gadgets ? ', deploy' : '' }, sample pages, sync, publish ━━` );
	await seedSampleRecords( wiki );
	console.log( [
		'',
		`${ wiki.siteName } ${ started ? 'is up' : 'was already running' } at ${ wiki.server }`,
		'Look at:',
		...SAMPLE_PAGES.map( ( title ) => `  ${ wiki.pageUrl( title ) }` ),
		`Log in as Admin or use the bot password; both are in ${ wiki.credentialsFile } (mode 0600).`,
		`Server log: ${ wiki.logFile }`,
		values.gadgets ?
			'Stop the wiki with `npm run wiki:stop -- --gadgets`; `npm run wiki -- --gadgets --reset` gives a fresh one.' :
			'Stop the wiki with `npm run wiki:stop`; `npm run wiki -- --reset` gives a fresh one.',
	].join( '\n' ) );
}

main().catch( ( error: unknown ) => {
	console.error( error instanceof SetupError ? `✗ ${ error.message }` : error );
	process.exitCode = 1;
} );
