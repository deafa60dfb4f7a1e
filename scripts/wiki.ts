/**
 * `npm run wiki`: installs (when needed) and starts the development wiki, then prints where it is.
 *   npm run wiki -- --reset      throw the wiki away and install a fresh one
 *   npm run wiki -- --port 9000  use another port (or set CAPACITY_WIKI_PORT)
 *   npm run wiki -- --gadgets    the wiki in gadget mode instead: no extension, the tools deployed as
 *                                gadgets by the bot's setup and deploy (its own folder and port,
 *                                CAPACITY_GADGETS_WIKI_PORT, default 8643)
 *   npm run wiki -- --gadgets --no-deploy   only start it (the tests' global setup deploys)
 *   npm run wiki:stop            stop it (-- --gadgets: the gadget-mode wiki)
 */
import { parseArgs } from 'node:util';
import { DevWiki } from './lib/devwiki';
import { seedSamples } from './lib/samples';
import { SetupError } from './lib/system';

async function main(): Promise<void> {
	const { values } = parseArgs( {
		options: {
			reset: { type: 'boolean', default: false },
			stop: { type: 'boolean', default: false },
			gadgets: { type: 'boolean', default: false },
			'no-deploy': { type: 'boolean', default: false },
			port: { type: 'string' },
			help: { type: 'boolean', short: 'h', default: false },
		},
	} );
	if ( values.help ) {
		console.log( 'Usage: npm run wiki [-- --reset] [-- --port N] [-- --gadgets [--no-deploy]]\n       npm run wiki:stop [-- --gadgets]' );
		return;
	}
	const mode = values.gadgets ? 'gadgets' : 'extension';
	const wiki = new DevWiki( { mode, ...( values.port ? { port: Number( values.port ) } : {} ) } );
	if ( values.stop ) {
		console.log( await wiki.stop() ? `Stopped ${ wiki.siteName }.` : `${ wiki.siteName } was not running.` );
		return;
	}
	await wiki.install( { reset: values.reset } );
	const started = await wiki.start();
	if ( mode === 'gadgets' && !values[ 'no-deploy' ] ) {
		console.log( 'Installing the pages and deploying the gadgets (capacity-bot setup, deploy --definitions)…' );
		await seedSamples( wiki );
	}
	console.log( [
		`${ started ? 'Started' : 'Already running:' } ${ wiki.siteName } at ${ wiki.server }`,
		`  Credentials (admin and bot password): ${ wiki.credentialsFile }`,
		`  Server log: ${ wiki.logFile }`,
		`  Stop it with: npm run wiki:stop${ mode === 'gadgets' ? ' -- --gadgets' : '' }`,
	].join( '\n' ) );
}

main().catch( ( error: unknown ) => {
	console.error( error instanceof SetupError ? `✗ ${ error.message }` : error );
	process.exitCode = 1;
} );
