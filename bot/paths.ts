/**
 * Where the bot finds the files it reads at run time (messages, the pages setup installs, its
 * version): the checkout's root, found upwards from this file, so that the same code works from
 * its TypeScript sources (bot/) and built (dist/bot/capacity-bot.cjs, which bin/capacity-bot.cjs runs).
 */
import fs from 'node:fs';
import path from 'node:path';

function findRoot( start: string ): string {
	for ( let dir = start; ; dir = path.dirname( dir ) ) {
		if ( fs.existsSync( path.join( dir, 'package.json' ) ) && fs.existsSync( path.join( dir, 'i18n', 'en.json' ) ) ) {
			return dir;
		}
		if ( path.dirname( dir ) === dir ) {
			throw new Error( `No checkout of CapacityBuilding (package.json and i18n/) above ${ start }` );
		}
	}
}

export const ROOT = findRoot( __dirname );
