#!/usr/bin/env node
'use strict';

// The bot runs from its TypeScript sources: tsx compiles them on the fly, so there is no build
// step for bot operators and nothing to go stale.
require( 'tsx/cjs' );
const { main } = require( '../bot/cli.ts' );

main( process.argv.slice( 2 ) ).then( ( code ) => {
	process.exitCode = code;
} );
