/**
 * `npm run build`: compiles modules/ into dist/, the files ResourceLoader serves, then checks the
 * size budgets and that extension.json declares what the bundles use.
 *
 *   --out DIR   build somewhere else (the freshness test compares such a build with dist/)
 *   --json      print what was built as JSON instead of the report
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildBundles } from './lib/bundles';
import { distDir } from './lib/paths';
import { checkBudgets, formatBudgetReport } from './lib/budgets';
import { checkModuleRegistrations } from './lib/registration';

async function main(): Promise<void> {
	const { values } = parseArgs( { options: { out: { type: 'string' }, json: { type: 'boolean', default: false } } } );
	const outDir = values.out ? path.resolve( values.out ) : distDir;
	const bundles = await buildBundles( outDir );
	if ( values.json ) {
		console.log( JSON.stringify( bundles ) );
		return;
	}
	console.log( `Built ${ bundles.length } bundles into ${ path.relative( process.cwd(), outDir ) || '.' }/: ${ bundles.map( ( b ) => b.feature ).join( ', ' ) }` );
	const budget = checkBudgets( outDir, bundles );
	console.log( formatBudgetReport( budget ) );
	const problems = [ ...budget.problems, ...checkModuleRegistrations( outDir, bundles ) ];
	if ( problems.length ) {
		console.error( problems.map( ( p ) => `✗ ${ p }` ).join( '\n' ) );
		process.exitCode = 1;
	}
}

main().catch( ( error: unknown ) => {
	console.error( error );
	process.exitCode = 1;
} );
