/**
 * Size budgets from DESIGN.md: the init module runs on every page view and must stay tiny; each
 * feature bundle has a ceiling too. Sizes are measured as served: minified (ResourceLoader minifies
 * what it serves), then gzipped. vue and Codex are not in the bundles, so they are not counted.
 */
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Bundle } from './bundles';

export const INIT_BUDGET_BYTES = 3 * 1024;
export const FEATURE_BUDGET_BYTES = 40 * 1024;

export interface BundleSize {
	feature: string;
	gzipBytes: number;
	budgetBytes: number;
}

export interface BudgetReport {
	sizes: BundleSize[];
	problems: string[];
}

/** Minified and gzipped size of one built file. */
export function servedSize( file: string ): number {
	const source = fs.readFileSync( file, 'utf8' );
	const loader = file.endsWith( '.css' ) ? 'css' : 'js';
	const minified = esbuild.transformSync( source, { loader, minify: true, legalComments: 'none' } ).code;
	return zlib.gzipSync( minified, { level: 9 } ).length;
}

export function checkBudgets( outDir: string, bundles: Bundle[] ): BudgetReport {
	const sizes = bundles.map( ( bundle ) => {
		const files = [ bundle.script, bundle.style ].filter( ( f ): f is string => f !== null );
		return {
			feature: bundle.feature,
			gzipBytes: files.reduce( ( sum, f ) => sum + servedSize( path.join( outDir, f ) ), 0 ),
			budgetBytes: bundle.feature === 'init' ? INIT_BUDGET_BYTES : FEATURE_BUDGET_BYTES,
		};
	} );
	const problems = sizes
		.filter( ( s ) => s.gzipBytes > s.budgetBytes )
		.map( ( s ) => `${ s.feature }: ${ s.gzipBytes } bytes gzipped, over its budget of ${ s.budgetBytes } bytes` );
	return { sizes, problems };
}

export function formatBudgetReport( report: BudgetReport ): string {
	return report.sizes.map( ( s ) => {
		const share = ( 100 * s.gzipBytes / s.budgetBytes ).toFixed( 0 );
		return `  ${ s.feature.padEnd( 16 ) } ${ String( s.gzipBytes ).padStart( 6 ) } B gzip  (${ share }% of ${ s.budgetBytes } B)`;
	} ).join( '\n' );
}
