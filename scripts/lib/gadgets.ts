/**
 * The gadget flavour of the build (dist/gadgets/), described: what `scripts/lib/gadgetBuild.ts`
 * writes and the checks `npm run build` makes on it. What `capacity-bot deploy` reads (the
 * description in gadgets.json) is gadgetFiles.ts, which needs no build tools.
 *
 * See gadgetBuild.ts for what each gadget is.
 */
import fs from 'node:fs';
import path from 'node:path';
import { MESSAGES_GADGET, gadgetModule } from '../../modules/core/gadgets';
import type { Bundle } from './bundles';
import { BUDGETS, overBudget, servedSize, servedSizeOf, type BudgetReport, type BundleSize } from './budgets';
import { GADGETS_DIR, type GadgetDefinition } from './gadgetFiles';
import { MODULE_PREFIX, usedMessageKeys } from './registration';

export { GADGETS_DIR, GADGETS_JSON, readGadgets, type GadgetDefinition, type GadgetKind } from './gadgetFiles';

/** The English a gadget's script gives mw.messages first (see gadgetBuild.ts), and the code after it. */
export function splitEnglish( script: string ): { english: string; code: string } {
	const match = /^([\s\S]*?)(require\( "[^"]+" \)\.english\( \{[\s\S]*?\n\} \);\n)/.exec( script );
	if ( !match ) {
		return { english: '', code: script };
	}
	return { english: match[ 2 ] as string, code: ( match[ 1 ] as string ) + script.slice( match[ 0 ].length ) };
}

/**
 * The gadgets' sizes against their budgets, measured like dist/'s (minified, gzipped, code and
 * styles): init 3 KB, the shared gadget 40 KB, every other gadget 40 KB. The English messages a
 * gadget carries are measured apart, as ResourceLoader's messages are not counted on the extension
 * route.
 *
 * @param outDir The build output folder
 * @param gadgets What the build wrote
 */
export function checkGadgetBudgets( outDir: string, gadgets: GadgetDefinition[] ): BudgetReport {
	const sizes: BundleSize[] = gadgetBundles( gadgets ).map( ( b ) => {
		const script = fs.readFileSync( path.join( outDir, b.script ), 'utf8' );
		const { english, code } = b.script.endsWith( '.js' ) ? splitEnglish( script ) : { english: '', code: script };
		const loader = b.script.endsWith( '.css' ) ? 'css' : 'js';
		return {
			feature: b.feature,
			kind: b.kind,
			gzipBytes: servedSizeOf( code, loader ) + ( b.style ? servedSize( path.join( outDir, b.style ) ) : 0 ),
			budgetBytes: BUDGETS[ b.kind ],
			...( english ? { messagesBytes: servedSizeOf( english, 'js' ) } : {} ),
		};
	} );
	return { sizes, problems: overBudget( sizes ) };
}

/** The gadgets as bundles (their built files), for the size budgets. */
export function gadgetBundles( gadgets: GadgetDefinition[] ): Bundle[] {
	return gadgets.map( ( gadget ) => {
		const built = gadget.pages.filter( ( page ) => !gadget.deployedPages.includes( page ) )
			.map( ( page ) => `${ GADGETS_DIR }/${ page }` );
		const script = built.find( ( page ) => page.endsWith( '.js' ) );
		const style = built.find( ( page ) => page.endsWith( '.css' ) ) ?? null;
		return {
			feature: gadget.name,
			kind: gadget.kind === 'init' ? 'init' : gadget.kind === 'shared' ? 'shared' : 'feature',
			// A styles gadget has only its stylesheet.
			script: script ?? style ?? '',
			style: script ? style : null,
			inputs: [],
			shared: [],
		};
	} );
}

/**
 * Checks the gadget flavour: every page exists; every message key a gadget's code uses is in the
 * English it carries or in the English of a gadget it depends on (the messages gadget carries the
 * init module's); no gadget refers to an extension module.
 *
 * @param outDir The build output folder
 * @param gadgets What buildGadgets returned
 * @return One line per problem
 */
export function checkGadgets( outDir: string, gadgets: GadgetDefinition[] ): string[] {
	const problems: string[] = [];
	const byModule = new Map( gadgets.map( ( g ) => [ gadgetModule( g.name ), g ] ) );
	for ( const gadget of gadgets ) {
		for ( const page of gadget.pages.filter( ( p ) => !gadget.deployedPages.includes( p ) ) ) {
			const file = path.join( outDir, GADGETS_DIR, page );
			if ( !fs.existsSync( file ) ) {
				problems.push( `gadget ${ gadget.name }: ${ GADGETS_DIR }/${ page } was not built` );
				continue;
			}
			// Saved as written: no pre-save transform (all inside one <nowiki>), nothing for NFC to change.
			const text = fs.readFileSync( file, 'utf8' );
			const closing = [ ...text.matchAll( /<\/nowiki/gi ) ].length;
			if ( !/^(\/\/ <nowiki>|\/\* <nowiki> \*\/)\n/.test( text ) || closing !== 1 || !/<\/nowiki>( \*\/)?$/.test( text ) ) {
				problems.push( `gadget ${ gadget.name }: ${ page } is not one <nowiki> block` );
			}
			if ( text.normalize( 'NFC' ) !== text ) {
				problems.push( `gadget ${ gadget.name }: ${ page } would be changed by NFC normalisation` );
			}
		}
		const script = gadget.pages[ 0 ] as string;
		if ( !script.endsWith( '.js' ) ) {
			continue;
		}
		const code = fs.readFileSync( path.join( outDir, GADGETS_DIR, script ), 'utf8' );
		// The code after the English prelude (whose keys are the ones it gives).
		const body = code.replace( /^[\s\S]*?\.english\( \{[\s\S]*?\n\} \);\n/, '' );
		const available = new Set( [ ...gadget.messages,
			...gadget.dependencies.flatMap( ( d ) => byModule.get( d )?.messages ?? [] ),
			...( gadget.kind === 'init' ? byModule.get( gadgetModule( MESSAGES_GADGET ) )?.messages ?? [] : [] ) ] );
		for ( const key of [ ...usedMessageKeys( [ body ] ) ].sort() ) {
			if ( !available.has( key ) ) {
				problems.push( `gadget ${ gadget.name }: uses message ${ key }, which neither it nor its dependencies carry` );
			}
		}
		for ( const dependency of gadget.dependencies ) {
			if ( dependency.startsWith( MODULE_PREFIX ) ) {
				problems.push( `gadget ${ gadget.name }: depends on the extension module ${ dependency }` );
			}
		}
		if ( /require\(\s*"ext\.capacityBuilding\./.test( code ) || code.includes( 'require("./codex.js")' ) ) {
			problems.push( `gadget ${ gadget.name }: requires an extension module` );
		}
	}
	return problems;
}
