/**
 * Which bundle holds each file of modules/core and modules/shared (bundles.ts builds them so):
 * the shared module holds the files that two or more features reach through their imports
 * (directly or through other files); a file only one feature reaches moves into that feature's
 * bundle. Every file is thus in exactly one bundle at run time, and the shared module carries
 * only what is really shared.
 *
 * The rule needs no second pass: what a kept file imports is reached by the same features as the
 * kept file, so it is kept too, and a moved file is never imported by a kept one.
 *
 * Kept apart from bundles.ts (which reads the import graph from esbuild) so that it can be tested
 * without building anything.
 */
import type { Bundle } from './bundles';

/** Where the files of modules/core and modules/shared go (paths under modules/, e.g. `core/model.ts`). */
export interface SharingPlan {
	/** Files two or more features reach: the shared module holds them. */
	kept: string[];
	/** File → the one feature that reaches it, whose bundle holds it. */
	moved: Record<string, string>;
}

/** The shared module's name in a plan's answers (`SHARED` in modules/init/features.ts). */
const SHARED_BUNDLE = 'shared';

/**
 * @param features Feature folders, each with its entry point `modules/<feature>/index.ts`
 * @param graph Source file (relative to the repository root) → the source files it imports
 * @param sharedPath A source file's path under modules/ when it is under modules/core or modules/shared, else null
 */
export function placeSharedFiles( features: string[], graph: ReadonlyMap<string, ReadonlySet<string>>,
	sharedPath: ( file: string ) => string | null ): SharingPlan {
	const reachedBy = new Map<string, Set<string>>();
	for ( const feature of features ) {
		const seen = new Set<string>();
		const queue = [ `modules/${ feature }/index.ts` ];
		while ( queue.length ) {
			const file = queue.pop() as string;
			if ( seen.has( file ) ) {
				continue;
			}
			seen.add( file );
			queue.push( ...( graph.get( file ) ?? [] ) );
			const shared = sharedPath( file );
			if ( shared !== null ) {
				reachedBy.set( shared, ( reachedBy.get( shared ) ?? new Set() ).add( feature ) );
			}
		}
	}
	const kept: string[] = [];
	const moved: Record<string, string> = {};
	for ( const [ file, users ] of [ ...reachedBy ].sort( ( [ a ], [ b ] ) => a < b ? -1 : 1 ) ) {
		if ( users.size > 1 ) {
			kept.push( file );
		} else {
			moved[ file ] = [ ...users ][ 0 ] as string;
		}
	}
	return { kept, moved };
}

/**
 * Checks the built bundles against the plan: every file of modules/core and modules/shared in a
 * bundle is where the plan puts it, so none is in two bundles. The init module, which bundles its
 * own few lines and runs without the others, is not checked.
 *
 * @param bundles The built bundles
 * @param plan
 * @param sharedPath As for placeSharedFiles
 * @return One line per file out of place
 */
export function checkPlacement( bundles: Bundle[], plan: SharingPlan,
	sharedPath: ( file: string ) => string | null ): string[] {
	const problems: string[] = [];
	for ( const b of bundles.filter( ( x ) => x.kind !== 'init' ) ) {
		for ( const input of b.inputs ) {
			const file = sharedPath( input );
			const expected = file === null ? null : plan.kept.includes( file ) ? SHARED_BUNDLE : plan.moved[ file ];
			if ( file !== null && expected !== b.feature ) {
				problems.push( `${ file } is in the ${ b.feature } bundle but belongs in ${ expected ?? 'none' }` );
			}
		}
	}
	return problems;
}

/** The report's lines on the files that moved out of the shared module, by feature. */
export function formatPlacement( plan: SharingPlan ): string {
	const byFeature = new Map<string, string[]>();
	for ( const [ file, feature ] of Object.entries( plan.moved ) ) {
		byFeature.set( feature, [ ...( byFeature.get( feature ) ?? [] ), file ] );
	}
	const lines = [ ...byFeature ].sort( ( [ a ], [ b ] ) => a < b ? -1 : 1 )
		.map( ( [ feature, files ] ) => `  ${ feature }: ${ files.join( ', ' ) }` );
	return `Shared module: ${ plan.kept.length } files that several features use; ` +
		( lines.length ? `used by one feature only, so bundled into it:\n${ lines.join( '\n' ) }` : 'none is used by one feature only.' );
}
