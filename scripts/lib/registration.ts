/**
 * Checks that extension.json registers every built bundle the way it is built: the right files,
 * exactly the Codex components the sources import (CodexModule serves only those), and exactly the
 * messages the sources use (ResourceLoader ships only declared messages to the browser).
 *
 * The shared module (`ext.capacityBuilding.shared`) declares the messages and Codex components of
 * the shared code; a feature declares its own. A feature that uses the shared module depends on it
 * (and one that does not, does not), and does not declare again a message the shared module
 * declares: ResourceLoader delivers the shared module's messages before the feature runs.
 *
 * Message keys are found as string literals in the built bundle, which is why code always spells
 * out whole keys (MediaWiki's convention) instead of building them from parts.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Bundle } from './bundles';
import { SHARED } from '../../modules/init/features';
import { repoRoot } from './paths';

export interface ModuleDefinition {
	class?: string;
	packageFiles?: ( string | { name: string; file?: string } )[];
	styles?: string[];
	messages?: string[];
	codexComponents?: string[];
	dependencies?: string[];
}

export interface ExtensionJson {
	ResourceModules: Record<string, ModuleDefinition>;
	ResourceFileModulePaths: { localBasePath: string };
	requires?: { MediaWiki?: string; extensions?: Record<string, string> };
	TrackingCategories?: string[];
}

export const MODULE_PREFIX = 'ext.capacityBuilding.';

const MESSAGE_KEY = /['"`](capacitybuilding-[a-z0-9-]+)['"`]/g;
const CODEX_IMPORT = /import\s*\{([^}]*)\}\s*from\s*['"]@wikimedia\/codex['"]/g;

export function readExtensionJson(): ExtensionJson {
	return JSON.parse( fs.readFileSync( path.join( repoRoot, 'extension.json' ), 'utf8' ) ) as ExtensionJson;
}

function readSources( bundle: Bundle ): string[] {
	return bundle.inputs.map( ( input ) => fs.readFileSync( path.join( repoRoot, input ), 'utf8' ) );
}

/** Message keys used as literals in the sources of a bundle. */
export function usedMessageKeys( sources: string[] ): Set<string> {
	const keys = new Set<string>();
	for ( const source of sources ) {
		for ( const match of source.matchAll( MESSAGE_KEY ) ) {
			keys.add( match[ 1 ] as string );
		}
	}
	return keys;
}

/** Codex components imported by name in the sources of a bundle (type-only imports excluded). */
export function usedCodexComponents( sources: string[] ): Set<string> {
	const names = new Set<string>();
	for ( const source of sources ) {
		for ( const match of source.matchAll( CODEX_IMPORT ) ) {
			for ( const specifier of ( match[ 1 ] as string ).split( ',' ) ) {
				const name = specifier.trim().split( /\s+as\s+/ )[ 0 ]?.trim() ?? '';
				if ( /^Cdx[A-Za-z]+$/.test( name ) ) {
					names.add( name );
				}
			}
		}
	}
	return names;
}

function difference( a: Iterable<string>, b: Set<string> ): string[] {
	return [ ...a ].filter( ( x ) => !b.has( x ) ).sort();
}

function packageFileTargets( definition: ModuleDefinition ): string[] {
	return ( definition.packageFiles ?? [] ).map( ( f ) => typeof f === 'string' ? f : ( f.file ?? '' ) )
		.filter( Boolean );
}

export function readEnglishMessages(): Record<string, string> {
	return JSON.parse( fs.readFileSync( path.join( repoRoot, 'i18n', 'en.json' ), 'utf8' ) ) as Record<string, string>;
}

/**
 * @param outDir Build output folder
 * @param bundles What the build wrote
 * @param extension extension.json's contents (the real file unless a test passes another)
 * @param english i18n/en.json's contents
 * @return One line per problem; none when the registrations match the bundles
 */
export function checkModuleRegistrations(
	outDir: string,
	bundles: Bundle[],
	extension: ExtensionJson = readExtensionJson(),
	english: Record<string, string> = readEnglishMessages(),
): string[] {
	const problems: string[] = [];
	const registered = new Set( Object.keys( extension.ResourceModules ) );
	const sharedName = MODULE_PREFIX + SHARED;
	const sharedMessages = new Set( extension.ResourceModules[ sharedName ]?.messages ?? [] );
	for ( const bundle of bundles ) {
		const name = MODULE_PREFIX + bundle.feature;
		const definition = extension.ResourceModules[ name ];
		if ( !definition ) {
			problems.push( `extension.json does not register ${ name } for dist/${ bundle.script }` );
			continue;
		}
		registered.delete( name );
		const targets = packageFileTargets( definition );
		if ( targets[ 0 ] !== bundle.script ) {
			problems.push( `${ name }: its first package file must be ${ bundle.script }` );
		}
		const styles = definition.styles ?? [];
		const expectedStyles = bundle.style ? [ bundle.style ] : [];
		if ( JSON.stringify( styles ) !== JSON.stringify( expectedStyles ) ) {
			problems.push( `${ name }: styles must be ${ JSON.stringify( expectedStyles ) }` );
		}
		for ( const file of [ ...targets, ...styles ] ) {
			if ( !fs.existsSync( path.join( outDir, file ) ) ) {
				problems.push( `${ name }: ${ file } does not exist in the build output` );
			}
		}
		const sources = readSources( bundle );
		const codex = usedCodexComponents( sources );
		const declaredCodex = new Set( definition.codexComponents ?? [] );
		if ( codex.size && !definition.class?.endsWith( 'CodexModule' ) ) {
			problems.push( `${ name }: uses Codex, so it must be a CodexModule` );
		}
		for ( const c of difference( codex, declaredCodex ) ) {
			problems.push( `${ name }: imports ${ c } but codexComponents does not list it` );
		}
		for ( const c of difference( declaredCodex, codex ) ) {
			problems.push( `${ name }: codexComponents lists ${ c } but no source imports it` );
		}
		if ( codex.size && !( definition.dependencies ?? [] ).includes( 'vue' ) ) {
			problems.push( `${ name }: uses Vue components, so it must depend on "vue"` );
		}
		const usesShared = bundle.kind === 'feature' && bundle.shared.length > 0;
		const dependsOnShared = ( definition.dependencies ?? [] ).includes( sharedName );
		if ( usesShared && !dependsOnShared ) {
			problems.push( `${ name }: uses the shared module, so it must depend on "${ sharedName }"` );
		}
		if ( !usesShared && dependsOnShared ) {
			problems.push( `${ name }: depends on "${ sharedName }" but uses none of it` );
		}
		// Message keys from the bundle itself: exactly the literals that survived tree shaking.
		const used = usedMessageKeys( [ fs.readFileSync( path.join( outDir, bundle.script ), 'utf8' ) ] );
		const declared = new Set( ( definition.messages ?? [] ).filter( ( k ) => k.startsWith( 'capacitybuilding-' ) ) );
		const inherited = usesShared ? sharedMessages : new Set<string>();
		for ( const key of [ ...declared ].filter( ( k ) => inherited.has( k ) ).sort() ) {
			problems.push( `${ name }: lists message ${ key } that ${ sharedName } already declares` );
		}
		for ( const key of difference( difference( used, declared ), inherited ) ) {
			problems.push( `${ name }: uses message ${ key } but its "messages" does not list it` );
		}
		for ( const key of difference( declared, used ) ) {
			problems.push( `${ name }: lists message ${ key } that none of its sources uses` );
		}
		for ( const key of difference( used, new Set( Object.keys( english ) ) ) ) {
			problems.push( `${ name }: message ${ key } is missing from i18n/en.json` );
		}
	}
	for ( const name of registered ) {
		const definition = extension.ResourceModules[ name ];
		// Styles-only modules (no package files) are served as written, not built.
		if ( name.startsWith( MODULE_PREFIX ) && definition?.packageFiles ) {
			problems.push( `extension.json registers ${ name } but modules/ has no such feature` );
		}
	}
	return problems;
}

/** Parser functions of the ParserFunctions extension (core's own, like #language, are not listed). */
const PARSER_FUNCTIONS = /\{\{\s*#(?:if|ifeq|iferror|ifexpr|ifexist|switch|expr|time|timel|timef|timefl|titleparts|rel2abs)\s*:/;
const CATEGORY_FROM_MESSAGE = /\[\[Category:\{\{MediaWiki:(capacitybuilding-[a-z0-9-]+)\}\}\]\]/g;

/** The templates setup installs (wiki/templates/*.wikitext): name and source. */
export function readTemplates(): { name: string; text: string }[] {
	const dir = path.join( repoRoot, 'wiki', 'templates' );
	return fs.readdirSync( dir ).filter( ( file ) => file.endsWith( '.wikitext' ) ).sort()
		.map( ( file ) => ( { name: file.replace( /\.wikitext$/, '' ), text: fs.readFileSync( path.join( dir, file ), 'utf8' ) } ) );
}

/**
 * Checks what extension.json says about the wiki pages: it requires the extensions the templates
 * need (ParserFunctions for #if and #switch), and registers as tracking categories exactly the
 * categories the templates add (named by messages), each with its "-desc" message, which
 * Special:TrackingCategories shows.
 *
 * @param extension extension.json's contents
 * @param english i18n/en.json's contents
 * @param templates The templates' sources
 * @return One line per problem
 */
export function checkWikiRequirements(
	extension: ExtensionJson = readExtensionJson(),
	english: Record<string, string> = readEnglishMessages(),
	templates: { name: string; text: string }[] = readTemplates(),
): string[] {
	const problems: string[] = [];
	const usingParserFunctions = templates.filter( ( t ) => PARSER_FUNCTIONS.test( t.text ) ).map( ( t ) => t.name );
	if ( usingParserFunctions.length && !extension.requires?.extensions?.ParserFunctions ) {
		problems.push( `extension.json must require ParserFunctions: ${ usingParserFunctions.join( ', ' ) } use its parser functions` );
	}
	const added = new Set( templates.flatMap(
		( t ) => [ ...t.text.matchAll( CATEGORY_FROM_MESSAGE ) ].map( ( m ) => m[ 1 ] as string ) ) );
	const registered = new Set( extension.TrackingCategories ?? [] );
	for ( const key of difference( added, registered ) ) {
		problems.push( `extension.json: TrackingCategories must list ${ key } (a template adds that category)` );
	}
	for ( const key of difference( registered, added ) ) {
		problems.push( `extension.json: TrackingCategories lists ${ key } but no template adds it` );
	}
	for ( const key of [ ...registered ].sort() ) {
		for ( const message of [ key, `${ key }-desc` ] ) {
			if ( !english[ message ] ) {
				problems.push( `tracking category ${ key }: message ${ message } is missing from i18n/en.json` );
			}
		}
	}
	return problems;
}
