/**
 * `npm run build`: compiles modules/ into dist/, the files ResourceLoader serves, and into
 * dist/gadgets/, the same modules as the gadget pages `capacity-bot deploy` publishes
 * (scripts/lib/gadgets.ts); then checks the size budgets of both, that extension.json declares
 * what the bundles use and that each gadget carries the messages it uses. It also writes the pages
 * the tools need as an importable XML dump (dist/capacity-building-pages.xml: the default base
 * page, in English), for wikis that run the extension without the bot, and compiles the bot
 * (bot/ → dist/bot/capacity-bot.cjs, which bin/capacity-bot.cjs runs: no TypeScript at run time).
 *
 *   --out DIR   build somewhere else (the freshness test compares such a build with dist/)
 *   --json      print what was built as JSON ({ bundles, plan, gadgets, gadgetBundles, gadgetPlan }:
 *               the bundles of each flavour and where the shared files went) instead of the report
 */
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_BASE_PAGE } from '../modules/core/constants';
import { loadMessageFiles } from '../bot/i18n';
import { pagesDumpFor } from '../bot/setup/dump';
import { buildBundles } from './lib/bundles';
import { distDir, repoRoot } from './lib/paths';
import { checkBudgets, formatBudgetReport } from './lib/budgets';
import { formatPlacement } from './lib/placement';
import { buildGadgets } from './lib/gadgetBuild';
import { checkGadgetBudgets, checkGadgets } from './lib/gadgets';
import { checkModuleRegistrations, checkWikiRequirements } from './lib/registration';

/** The pages dump, in the build output. */
export const PAGES_DUMP = 'capacity-building-pages.xml';

/** The compiled bot, in the build output. */
export const BOT_BUNDLE = 'bot/capacity-bot.cjs';

/**
 * The bot as one CommonJS file for Node.js: its code, the core and the store's migrations; its npm
 * dependencies stay packages (installed by `npm ci --omit=dev`), and what it reads at run time
 * (i18n/, wiki/, package.json) is found from the checkout's root (bot/paths.ts).
 *
 * @param outDir
 */
async function buildBot( outDir: string ): Promise<void> {
	await esbuild.build( {
		entryPoints: [ path.join( repoRoot, 'bot', 'cli.ts' ) ],
		outfile: path.join( outDir, BOT_BUNDLE ),
		bundle: true,
		platform: 'node',
		target: 'node20',
		format: 'cjs',
		packages: 'external',
		legalComments: 'none',
		logLevel: 'silent',
		banner: { js: '// Built by `npm run build` from bot/ (TypeScript); do not edit. bin/capacity-bot.cjs runs it.' },
	} );
}

async function main(): Promise<void> {
	const { values } = parseArgs( { options: { out: { type: 'string' }, json: { type: 'boolean', default: false } } } );
	const outDir = values.out ? path.resolve( values.out ) : distDir;
	const { bundles, plan } = await buildBundles( outDir );
	const { gadgets, bundles: gadgetBundles, plan: gadgetPlan } = await buildGadgets( outDir );
	await buildBot( outDir );
	const { version } = JSON.parse( fs.readFileSync( path.join( repoRoot, 'package.json' ), 'utf8' ) ) as { version: string };
	fs.writeFileSync( path.join( outDir, PAGES_DUMP ), pagesDumpFor( {
		base: DEFAULT_BASE_PAGE, language: 'en', version, messageFiles: loadMessageFiles(),
	} ) );
	if ( values.json ) {
		console.log( JSON.stringify( { bundles, plan, gadgets, gadgetBundles, gadgetPlan } ) );
		return;
	}
	const shown = path.relative( process.cwd(), outDir ) || '.';
	console.log( `Built ${ bundles.length } bundles into ${ shown }/: ${ bundles.map( ( b ) => b.feature ).join( ', ' ) }` );
	const budget = checkBudgets( outDir, bundles );
	console.log( formatBudgetReport( budget ) );
	console.log( formatPlacement( plan ) );
	console.log( `Built ${ gadgets.length } gadgets into ${ shown }/gadgets/: ${ gadgets.map( ( g ) => g.name ).join( ', ' ) }` );
	const gadgetBudget = checkGadgetBudgets( outDir, gadgets );
	console.log( formatBudgetReport( gadgetBudget ) );
	const samePlace = JSON.stringify( plan ) === JSON.stringify( gadgetPlan ) ? [] :
		[ 'the gadget flavour places the shared files differently from the extension flavour' ];
	const problems = [ ...samePlace, ...budget.problems, ...gadgetBudget.problems,
		...checkModuleRegistrations( outDir, bundles ),
		...checkGadgets( outDir, gadgets ), ...checkWikiRequirements() ];
	if ( problems.length ) {
		console.error( problems.map( ( p ) => `✗ ${ p }` ).join( '\n' ) );
		process.exitCode = 1;
	}
}

main().catch( ( error: unknown ) => {
	console.error( error );
	process.exitCode = 1;
} );
