/**
 * `npm run wiki`: installs (when needed) and starts the development wiki, then prints where it is.
 *   npm run wiki -- --reset      throw the wiki away and install a fresh one
 *   npm run wiki -- --port 9000  use another port (or set CAPACITY_WIKI_PORT)
 *   npm run wiki:stop            stop it
 */
import { parseArgs } from 'node:util';
import { DevWiki } from './lib/devwiki';
import { SetupError } from './lib/system';

async function main(): Promise<void> {
	const { values } = parseArgs( {
		options: {
			reset: { type: 'boolean', default: false },
			stop: { type: 'boolean', default: false },
			port: { type: 'string' },
			help: { type: 'boolean', short: 'h', default: false },
		},
	} );
	if ( values.help ) {
		console.log( 'Usage: npm run wiki [-- --reset] [-- --port N]\n       npm run wiki:stop' );
		return;
	}
	const wiki = new DevWiki( values.port ? { port: Number( values.port ) } : {} );
	if ( values.stop ) {
		console.log( await wiki.stop() ? 'Stopped the development wiki.' : 'The development wiki was not running.' );
		return;
	}
	await wiki.install( { reset: values.reset } );
	const started = await wiki.start();
	console.log( [
		`${ started ? 'Started' : 'Already running:' } ${ wiki.server }`,
		`  Credentials (admin and bot password): ${ wiki.credentialsFile }`,
		`  Server log: ${ wiki.logFile }`,
		'  Stop it with: npm run wiki:stop',
	].join( '\n' ) );
}

main().catch( ( error: unknown ) => {
	console.error( error instanceof SetupError ? `✗ ${ error.message }` : error );
	process.exitCode = 1;
} );
