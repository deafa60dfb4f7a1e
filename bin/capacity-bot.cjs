#!/usr/bin/env node
'use strict';

// The bot runs from JavaScript compiled by `npm run build` (dist/bot/capacity-bot.cjs, committed
// and checked for freshness in CI), so running it needs Node.js and the npm dependencies only, no
// TypeScript runner. During development, `npm run bot -- …` runs the TypeScript sources instead.
const { main } = require( '../dist/bot/capacity-bot.cjs' );

main( process.argv.slice( 2 ) ).then( ( code ) => {
	process.exitCode = code;
} );
