/**
 * `npm run bench`: runs every benchmark in scripts/bench/ (or the ones named) and prints their
 * figures. Speed is measured here, never asserted in tests.
 *
 *   npm run bench                 all benchmarks
 *   npm run bench -- sync         only scripts/bench/sync.ts
 *   npm run bench -- publish      publishing at 100,000 requests and 20,000 coaches (scripts/bench/publish.ts)
 */
import fs from 'node:fs';
import path from 'node:path';

export interface Benchmark {
	/** Runs the benchmark and prints its figures (requests, times, ratios). */
	bench( args: string[] ): Promise<void>;
}

async function main(): Promise<void> {
	// Benchmark names come first; options (and their values) after them belong to the benchmarks.
	const args = process.argv.slice( 2 );
	const firstOption = args.findIndex( ( arg ) => arg.startsWith( '-' ) );
	const names = firstOption < 0 ? args : args.slice( 0, firstOption );
	const dir = path.join( __dirname, 'bench' );
	const available = fs.readdirSync( dir ).filter( ( f ) => f.endsWith( '.ts' ) ).map( ( f ) => f.replace( /\.ts$/, '' ) ).sort();
	const chosen = names.length ? names : available;
	for ( const name of chosen ) {
		if ( !available.includes( name ) ) {
			throw new Error( `No benchmark "${ name }"; available: ${ available.join( ', ' ) || 'none' }` );
		}
		console.log( `\n━━ bench: ${ name } ━━` );
		const benchmark = await import( path.join( dir, `${ name }.ts` ) ) as Benchmark;
		await benchmark.bench( process.argv.slice( 2 ) );
	}
	if ( !available.length ) {
		console.log( 'No benchmarks yet (scripts/bench/*.ts).' );
	}
}

main().catch( ( error: unknown ) => {
	console.error( error );
	process.exitCode = 1;
} );
