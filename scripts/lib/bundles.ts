/**
 * Builds the client bundles that ResourceLoader serves, from TypeScript and Vue single-file
 * components, as CommonJS files (plus a stylesheet where there are styles):
 * - `init`: the tiny module every page loads. It bundles the little it imports and nothing else;
 * - `shared`: the code of modules/core and modules/shared that more than one feature uses, built
 *   once into the module `ext.capacityBuilding.shared`;
 * - one bundle per feature folder (modules/<feature>/index.ts).
 *
 * Which files of modules/core and modules/shared go where (`planSharing`): a file that two or more
 * features reach through their imports (directly or through other files) is *kept* in the shared
 * module; a file only one feature reaches *moves* into that feature's bundle. An import of a kept
 * file, from a feature's own file or from a file that moved into it, does not copy the file: it
 * becomes a reference to the same file's exports in the shared module, which the feature requires
 * by name (and declares as a dependency). So every file is in exactly one bundle at run time: a
 * page that runs two features runs their common code once, and module-level state (caches,
 * registries) is never duplicated. The rule is closed: what a kept file imports is reached by the
 * same features, so it is kept too; a moved file is never imported by a kept one. The build checks
 * this (`checkPlacement`) rather than trusting it.
 *
 * The shared module's package exports one object per kept file some feature imports (directly or
 * from a moved file), keyed by the file's path under modules/ (e.g. `core/model.ts`), and contains
 * what those import in turn. When a new feature starts using a moved file, the file goes back to
 * the shared module by itself; extension.json's `messages` and `codexComponents` follow the code,
 * which the registration check (registration.ts) points out.
 *
 * MediaWiki provides `vue` and Codex, so they are never bundled. The same sources are built in two
 * flavours (`Route`), which reach Codex and the shared module each its own way:
 * - extension (dist/): a CodexModule with `codexComponents` adds a tree-shaken `codex.js` file to
 *   the module's own package, reached with `require( './codex.js' )`; the shared module is
 *   `ext.capacityBuilding.shared`;
 * - gadget (dist/gadgets/, see gadgets.ts): the gadget depends on the full `@wikimedia/codex`
 *   module; the shared module is the gadget `ext.gadget.capacityBuilding-shared`, and the code is
 *   ES2016.
 * Module names on both routes come from `moduleNames` in modules/init/features.ts; both flavours
 * place the files the same way (the placement depends on the imports only).
 */
import * as esbuild from 'esbuild';
import Vue from 'unplugin-vue/esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { SHARED, moduleNames } from '../../modules/init/features';
import { repoRoot } from './paths';
import { checkPlacement, placeSharedFiles, type SharingPlan } from './placement';

export type { SharingPlan } from './placement';

/** Folders under modules/ whose code goes into the shared module rather than into each feature. */
export const SHARED_FOLDERS = [ 'core', 'shared' ];

/** `init` (every page), `shared` (what the features share) or `feature`. */
export type BundleKind = 'init' | 'shared' | 'feature';

export interface Bundle {
	/** Folder name under modules/, e.g. `requestForm`; `shared` for the shared module. */
	feature: string;
	kind: BundleKind;
	/** Path of the built script, relative to the output folder. */
	script: string;
	/** Path of the built stylesheet relative to the output folder, when the bundle has styles. */
	style: string | null;
	/** Source files (relative to the repository root) that went into the bundle. */
	inputs: string[];
	/**
	 * For a feature: the files of the shared module it uses (paths under modules/), which it
	 * requires from the shared module instead of containing them. For the shared module: the files
	 * it exports. Empty for init.
	 */
	shared: string[];
}

const modulesDir = path.join( repoRoot, 'modules' );

/** Feature folders under modules/ (init included), each with an index.ts entry point. */
export function listFeatures(): string[] {
	return fs.readdirSync( modulesDir, { withFileTypes: true } )
		.filter( ( entry ) => entry.isDirectory() && !SHARED_FOLDERS.includes( entry.name ) )
		.filter( ( entry ) => fs.existsSync( path.join( modulesDir, entry.name, 'index.ts' ) ) )
		.map( ( entry ) => entry.name )
		.sort();
}

/**
 * The two flavours of one build: `extension` (dist/, served by the extension's ResourceLoader
 * modules) and `gadget` (dist/gadgets/, published as gadget pages by `capacity-bot deploy`).
 * Same sources; they differ in the JavaScript they may contain (MediaWiki 1.43's ResourceLoader
 * accepts ES2017 from files, but parses wiki pages, gadgets included, as ES2016 and replaces
 * anything newer with an error) and in how a bundle reaches Codex and the shared module.
 */
export type Route = 'extension' | 'gadget';

/** The ECMAScript version each flavour is lowered to. */
export const TARGETS: Record<Route, string> = { extension: 'es2017', gadget: 'es2016' };

/**
 * Extension flavour: a CodexModule's tree-shaken subset, part of the module's own package. Its
 * exports are copied: the object is a Proxy that throws for names it does not know, and the
 * bundler probes exports for "__esModule".
 */
const CODEX_SHIM = 'module.exports = Object.assign( {}, require( "./codex.js" ) );\n';

/** The shared module by its name on each route: `ext.capacityBuilding.shared`, `ext.gadget.capacityBuilding-shared`. */
const SHARED_BY_ROUTE: Record<Route, string> = Object.fromEntries(
	( [ 'extension', 'gadget' ] as const ).map( ( route, i ) => [ route, moduleNames( SHARED )[ i ] as string ] ) ) as Record<Route, string>;

/**
 * Resolves `@wikimedia/codex` to the CodexModule's subset (extension flavour) or to the full
 * library the gadget depends on (gadget flavour), and keeps MediaWiki's modules external.
 *
 * @param route
 */
function mediaWikiModules( route: Route ): esbuild.Plugin {
	return {
		name: 'mediawiki-modules',
		setup( build ) {
			build.onResolve( { filter: /^@wikimedia\/codex$/ }, ( args ) => route === 'gadget' ?
				{ path: args.path, external: true } :
				{ path: 'codex-shim', namespace: 'codex-shim' } );
			build.onResolve( { filter: /^\.\/codex\.js$/, namespace: 'codex-shim' }, ( args ) => (
				{ path: args.path, external: true } ) );
			build.onLoad( { filter: /.*/, namespace: 'codex-shim' }, () => (
				{ contents: CODEX_SHIM, loader: 'js' } ) );
			build.onResolve( { filter: /^vue$/ }, () => ( { path: 'vue', external: true } ) );
		},
	};
}

/** The path under modules/ (e.g. `core/model.ts`) of the shared source file `file`, or null. */
function sharedPath( file: string ): string | null {
	const relative = path.relative( modulesDir, file ).split( path.sep ).join( '/' );
	return SHARED_FOLDERS.some( ( folder ) => relative.startsWith( `${ folder }/` ) ) ? relative : null;
}

/** The source file an import names (`../core/model` is `modules/core/model.ts`). */
function sourceFile( resolveDir: string, request: string ): string | null {
	const base = path.resolve( resolveDir, request );
	return [ base, `${ base }.ts`, path.join( base, 'index.ts' ) ].find( ( file ) => fs.existsSync( file ) &&
		fs.statSync( file ).isFile() ) ?? null;
}

/**
 * In a feature build: an import of a kept shared file, from a feature's own file or from a shared
 * file that moved into the feature, becomes the matching export of the shared module (`used`
 * collects which files). Imports of moved files are bundled as usual.
 *
 * @param kept The files of modules/core and modules/shared the shared module holds (paths under modules/)
 * @param used Collects the kept paths the features import
 * @param route Which flavour is built
 */
function sharedReferences( kept: ReadonlySet<string>, used: Set<string>, route: Route ): esbuild.Plugin {
	return {
		name: 'shared-references',
		setup( build ) {
			build.onResolve( { filter: /^\.\.?\// }, ( args ) => {
				// Vue SFC blocks import from the component's path with a query: leave those alone.
				const file = args.path.includes( '?' ) ? null : sourceFile( args.resolveDir, args.path );
				const target = file ? sharedPath( file ) : null;
				if ( target === null || !kept.has( target ) ) {
					return undefined;
				}
				used.add( target );
				return { path: target, namespace: 'shared-file-ref' };
			} );
			build.onLoad( { filter: /.*/, namespace: 'shared-file-ref' }, ( args ) => ( {
				contents: `module.exports = require( 'shared-module-ref' )[ ${ JSON.stringify( args.path ) } ];`,
				loader: 'js',
			} ) );
			build.onResolve( { filter: /^shared-module-ref$/ }, () => (
				{ path: 'shared-module-ref', namespace: 'shared-module-ref' } ) );
			build.onResolve( { filter: /.*/, namespace: 'shared-module-ref' }, ( args ) => (
				{ path: args.path, external: true } ) );
			build.onLoad( { filter: /.*/, namespace: 'shared-module-ref' }, () => (
				{ contents: `module.exports = require( ${ JSON.stringify( SHARED_BY_ROUTE[ route ] ) } );\n`, loader: 'js' } ) );
		},
	};
}

/** The shared module's entry point: an object of each shared file's exports, keyed by its path. */
function sharedEntry( files: string[] ): esbuild.Plugin {
	return {
		name: 'shared-module-entry',
		setup( build ) {
			build.onResolve( { filter: /^shared-module-entry$/ }, () => (
				{ path: 'index', namespace: 'shared-module-entry' } ) );
			build.onLoad( { filter: /.*/, namespace: 'shared-module-entry' }, () => ( {
				contents: `module.exports = {\n${ files.map( ( file ) => `\t${ JSON.stringify( file ) }: require( ${ JSON.stringify( `./${ file }` ) } )` ).join( ',\n' ) }\n};\n`,
				resolveDir: modulesDir,
				loader: 'js',
			} ) );
		},
	};
}

/**
 * The esbuild settings every bundle shares.
 *
 * @param outDir
 * @param entryPoints Output name (without extension) → source file
 * @param plugins Plugins of this bundle, before the ones every bundle has
 * @param route Which flavour is built
 */
function buildOptions( outDir: string, entryPoints: Record<string, string>, plugins: esbuild.Plugin[],
	route: Route ): esbuild.BuildOptions & { metafile: true; write: false } {
	return {
		absWorkingDir: repoRoot,
		metafile: true,
		write: false,
		entryPoints,
		outdir: outDir,
		bundle: true,
		format: 'cjs',
		platform: 'browser',
		// MediaWiki 1.43's ResourceLoader accepts ES2017 from files and ES2016 from wiki pages;
		// newer syntax is lowered here.
		target: TARGETS[ route ],
		// Gadget pages are saved through MediaWiki, which normalises text to NFC: ASCII leaves it nothing to change.
		charset: route === 'gadget' ? 'ascii' : 'utf8',
		legalComments: 'none',
		logLevel: 'warning',
		banner: {
			js: '/* Generated by `npm run build` from modules/; do not edit. */',
			css: '/* Generated by `npm run build` from modules/; do not edit. */',
		},
		plugins: [
			...plugins,
			mediaWikiModules( route ),
			Vue( {
				isProduction: true,
				sourceMap: false,
				root: repoRoot,
				features: {
					optionsAPI: false,
					prodDevtools: false,
					// Hash the path relative to the root and the source only: identical on every clone.
					componentIdGenerator: 'filepath-source',
				},
			} ) as esbuild.Plugin,
		],
	};
}

/**
 * Runs esbuild on some entry points with the settings every bundle shares, and writes the output
 * (after removing the absolute checkout path esbuild puts in comments).
 *
 * @param outDir
 * @param entryPoints Output name (without extension) → source file
 * @param plugins Plugins of this bundle, before the ones every bundle has
 * @param route Which flavour is built
 */
export async function bundle( outDir: string, entryPoints: Record<string, string>,
	plugins: esbuild.Plugin[], route: Route = 'extension' ): Promise<esbuild.Metafile> {
	const result = await esbuild.build( buildOptions( outDir, entryPoints, plugins, route ) );
	for ( const file of result.outputFiles ) {
		fs.mkdirSync( path.dirname( file.path ), { recursive: true } );
		fs.writeFileSync( file.path, file.text.split( repoRoot + path.sep ).join( '' ) );
	}
	return result.metafile;
}

/**
 * The import graph of the features' sources, from a build that writes nothing: source file
 * (relative to the repository root; a Vue SFC's blocks count as the component) → what it imports.
 */
async function importGraph( features: string[], route: Route ): Promise<Map<string, Set<string>>> {
	const entryPoints = Object.fromEntries( features.map( ( feature ) => [ `${ feature }/index`,
		path.join( modulesDir, feature, 'index.ts' ) ] ) );
	const result = await esbuild.build( { ...buildOptions( path.join( repoRoot, '.import-graph' ), entryPoints, [], route ),
		logLevel: 'silent' } );
	const node = ( input: string ): string => input.replace( /\?.*$/, '' );
	const graph = new Map<string, Set<string>>();
	for ( const [ input, info ] of Object.entries( result.metafile.inputs ) ) {
		const imports = graph.get( node( input ) ) ?? new Set<string>();
		for ( const imported of info.imports ) {
			if ( !imported.external && node( imported.path ) !== node( input ) ) {
				imports.add( node( imported.path ) );
			}
		}
		graph.set( node( input ), imports );
	}
	return graph;
}

/**
 * Where the files of modules/core and modules/shared go in this build (see placement.ts).
 *
 * @param features The features (init excluded: it bundles its own few lines and loads no shared module)
 * @param route Which flavour is built (the placement is the same for both: it depends on the imports only)
 */
export async function planSharing( features: string[], route: Route ): Promise<SharingPlan> {
	return placeSharedFiles( features, await importGraph( features, route ),
		( file ) => sharedPath( path.join( repoRoot, file ) ) );
}

/** What went into the output `script` (only files that put code into it: tree shaking can drop a whole file). */
function inputsOf( metafile: esbuild.Metafile, outDir: string, script: string ): string[] {
	const output = Object.entries( metafile.outputs )
		.find( ( [ file ] ) => path.resolve( repoRoot, file ) === path.join( outDir, script ) );
	const inputs = Object.entries( output?.[ 1 ].inputs ?? {} )
		.filter( ( [ , info ] ) => info.bytesInOutput > 0 )
		.map( ( [ input ] ) => input )
		// Vue SFCs appear once per block (`App.vue?vue&type=script…`): keep the file.
		.map( ( input ) => input.replace( /\?.*$/, '' ) )
		.filter( ( input ) => !input.includes( ':' ) && fs.existsSync( path.join( repoRoot, input ) ) );
	return [ ...new Set( inputs ) ].sort();
}

/** The shared paths a feature's output requires (its `shared-file-ref:` inputs). */
function sharedInputsOf( metafile: esbuild.Metafile, outDir: string, script: string ): string[] {
	const output = Object.entries( metafile.outputs )
		.find( ( [ file ] ) => path.resolve( repoRoot, file ) === path.join( outDir, script ) );
	return Object.keys( output?.[ 1 ].inputs ?? {} )
		.filter( ( input ) => input.startsWith( 'shared-file-ref:' ) )
		.map( ( input ) => input.slice( 'shared-file-ref:'.length ) )
		.sort();
}

/**
 * Builds every bundle into outDir and returns what was written and where the shared files went.
 * The output is deterministic (no absolute paths, no timestamps) so that a fresh build can be
 * compared byte for byte with the committed one.
 *
 * @param outDir
 * @param route Which flavour to build (the gadget flavour is then made into pages by gadgets.ts)
 */
export async function buildBundles( outDir: string, route: Route = 'extension' ): Promise<{ bundles: Bundle[]; plan: SharingPlan }> {
	const features = listFeatures();
	fs.rmSync( outDir, { recursive: true, force: true } );
	fs.mkdirSync( outDir, { recursive: true } );
	const entry = ( feature: string ): Record<string, string> => (
		{ [ `${ feature }/index` ]: path.join( modulesDir, feature, 'index.ts' ) } );
	const styleOf = ( feature: string ): string | null => fs.existsSync( path.join( outDir, feature, 'index.css' ) ) ?
		`${ feature }/index.css` : null;

	// The init module: on its own, bundling what it imports (a few lines of core).
	const initMeta = await bundle( outDir, entry( 'init' ), [], route );
	// The features, each referring to the kept files it imports and containing the ones that moved into it…
	const featureNames = features.filter( ( feature ) => feature !== 'init' );
	const plan = await planSharing( featureNames, route );
	const used = new Set<string>();
	const featureEntries = Object.assign( {}, ...featureNames.map( entry ) ) as Record<string, string>;
	const references = sharedReferences( new Set( plan.kept ), used, route );
	const featureMeta = await bundle( outDir, featureEntries, [ references ], route );
	// …and the shared module, exporting exactly the kept files they import.
	const sharedFiles = [ ...used ].sort();
	const sharedMeta = await bundle( outDir, { [ `${ SHARED }/index` ]: 'shared-module-entry' },
		[ sharedEntry( sharedFiles ) ], route );

	const bundles: Bundle[] = [];
	for ( const feature of features ) {
		const script = `${ feature }/index.js`;
		const metafile = feature === 'init' ? initMeta : featureMeta;
		bundles.push( {
			feature,
			kind: feature === 'init' ? 'init' : 'feature',
			script,
			style: styleOf( feature ),
			inputs: inputsOf( metafile, outDir, script ),
			shared: feature === 'init' ? [] : sharedInputsOf( metafile, outDir, script ),
		} );
	}
	const sharedScript = `${ SHARED }/index.js`;
	bundles.push( {
		feature: SHARED,
		kind: 'shared',
		script: sharedScript,
		style: styleOf( SHARED ),
		inputs: inputsOf( sharedMeta, outDir, sharedScript ),
		shared: sharedFiles,
	} );
	const misplaced = checkPlacement( bundles, plan, ( file ) => sharedPath( path.join( repoRoot, file ) ) );
	if ( misplaced.length ) {
		// Two copies of a file would be two copies of its module-level state.
		throw new Error( `Shared files out of place (${ route }):\n${ misplaced.join( '\n' ) }` );
	}
	return { bundles, plan };
}
