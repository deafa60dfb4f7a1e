/**
 * `npm run bot -- …`: the bot from its TypeScript sources (development). In production
 * bin/capacity-bot.cjs runs the same program compiled by `npm run build`.
 */
import { main } from './cli';

main( process.argv.slice( 2 ) ).then( ( code ) => {
	process.exitCode = code;
} );
