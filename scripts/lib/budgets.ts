/**
 * Size budgets: the init module runs on every page view and must stay tiny (3 KB); each feature
 * bundle has a ceiling (40 KB), and so has the shared module every feature depends on (40 KB).
 * Sizes are measured as served: minified (ResourceLoader minifies what it serves), then gzipped.
 * vue and Codex are not in the bundles, so they are not counted. The report also prints what a
 * page with one feature loads in all (the feature and the shared module).
 */
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Bundle } from './bundles';

export const INIT_BUDGET_BYTES = 3 * 1024;
export const FEATURE_BUDGET_BYTES = 40 * 1024;
export const SHARED_BUDGET_BYTES = 40 * 1024;

export interface BundleSize {
	feature: string;
	kind: Bundle[ 'kind' ];
	gzipBytes: number;
	budgetBytes: number;
	/**
	 * A gadget's built-in English messages, measured apart (as ResourceLoader's messages are not
	 * counted on the extension route).
	 */
	messagesBytes?: number;
}

export interface BudgetReport {
	sizes: BundleSize[];
	problems: string[];
}

/** Minified and gzipped size of some code. */
export function servedSizeOf( source: string, loader: 'js' | 'css' ): number {
	const minified = esbuild.transformSync( source, { loader, minify: true, legalComments: 'none' } ).code;
	return zlib.gzipSync( minified, { level: 9 } ).length;
}

/** Minified and gzipped size of one built file. */
export function servedSize( file: string ): number {
	return servedSizeOf( fs.readFileSync( file, 'utf8' ), file.endsWith( '.css' ) ? 'css' : 'js' );
}

export const BUDGETS: Record<Bundle[ 'kind' ], number> = {
	init: INIT_BUDGET_BYTES, shared: SHARED_BUDGET_BYTES, feature: FEATURE_BUDGET_BYTES,
};

/** The problems of some measured sizes: one line per bundle over its budget. */
export function overBudget( sizes: BundleSize[] ): string[] {
	return sizes
		.filter( ( s ) => s.gzipBytes > s.budgetBytes )
		.map( ( s ) => `${ s.feature }: ${ s.gzipBytes } bytes gzipped, over its budget of ${ s.budgetBytes } bytes` );
}

export function checkBudgets( outDir: string, bundles: Bundle[] ): BudgetReport {
	const sizes = bundles.map( ( bundle ) => {
		const files = [ bundle.script, bundle.style ].filter( ( f ): f is string => f !== null );
		return {
			feature: bundle.feature,
			kind: bundle.kind,
			gzipBytes: files.reduce( ( sum, f ) => sum + servedSize( path.join( outDir, f ) ), 0 ),
			budgetBytes: BUDGETS[ bundle.kind ],
		};
	} );
	return { sizes, problems: overBudget( sizes ) };
}

export function formatBudgetReport( report: BudgetReport ): string {
	const shared = report.sizes.find( ( s ) => s.kind === 'shared' )?.gzipBytes ?? 0;
	const width = Math.max( 16, ...report.sizes.map( ( s ) => s.feature.length ) );
	return report.sizes.map( ( s ) => {
		const share = ( 100 * s.gzipBytes / s.budgetBytes ).toFixed( 0 );
		const page = s.kind === 'feature' && shared ? `; with the shared module ${ s.gzipBytes + shared } B` : '';
		const messages = s.messagesBytes ? `; English messages ${ s.messagesBytes } B more` : '';
		return `  ${ s.feature.padEnd( width ) } ${ String( s.gzipBytes ).padStart( 6 ) } B gzip  (${ share }% of ${ s.budgetBytes } B${ page }${ messages })`;
	} ).join( '\n' );
}
