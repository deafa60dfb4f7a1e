/**
 * The lines of `MediaWiki:Gadgets-definition` that define the gadgets, and the marked block of
 * that page `deploy --definitions` replaces. The page belongs to the whole wiki: deploy never
 * changes anything outside its block, and refuses to guess when the markers are damaged.
 *
 * Syntax (Gadgets extension of MediaWiki 1.43, MediaWikiGadgetsDefinitionRepo):
 * `* name[ResourceLoader|option|option=value,value]|page.js|page.css|page.json`
 */
import type { GadgetDefinition } from '../../scripts/lib/gadgetFiles';

export const BLOCK_BEGIN = '<!-- capacityBuilding gadgets: begin -->';
export const BLOCK_END = '<!-- capacityBuilding gadgets: end -->';

/** Where the loader (and the templates' styles) run: the pages that can carry a marker. */
export interface Restriction {
	/** Namespace numbers of the pages that can carry a marker (the base page's, by default). */
	namespaces: number[];
}

/** Actions whose pages can show a marker: viewing, and previewing an edit. */
export const MARKER_ACTIONS = [ 'view', 'edit', 'submit' ];

/** The definition line of one gadget. */
export function definitionLine( gadget: GadgetDefinition, restriction: Restriction ): string {
	const options = [ 'ResourceLoader' ];
	if ( gadget.onMarkerPages ) {
		options.push( 'default', 'hidden', `namespaces=${ restriction.namespaces.join( ',' ) }`,
			`actions=${ MARKER_ACTIONS.join( ',' ) }`, 'contentModels=wikitext' );
	} else {
		options.push( 'hidden' );
	}
	if ( gadget.package ) {
		options.push( 'package' );
	}
	if ( gadget.type === 'styles' ) {
		options.push( 'type=styles' );
	}
	if ( gadget.dependencies.length ) {
		options.push( `dependencies=${ gadget.dependencies.join( ',' ) }` );
	}
	return `* ${ gadget.name }[${ options.join( '|' ) }]|${ gadget.pages.join( '|' ) }`;
}

/**
 * The whole block: the markers, a note for people reading the page, and one line per gadget.
 *
 * @param gadgets The built gadgets (dependencies before what depends on them)
 * @param restriction
 * @param note A sentence for people editing the page, in its language
 */
export function definitionBlock( gadgets: readonly GadgetDefinition[], restriction: Restriction,
	note: string ): string {
	return [
		BLOCK_BEGIN,
		// Only "-->" would end the comment early.
		`<!-- ${ note.replace( /--+>/g, '–›' ) } -->`,
		...gadgets.map( ( gadget ) => definitionLine( gadget, restriction ) ),
		BLOCK_END,
	].join( '\n' );
}

export type BlockChange =
	| { kind: 'replaced' | 'appended'; text: string }
	| { kind: 'damaged' };

/**
 * The page with the block put in: in place of the marked block when there is exactly one, at the
 * end when there is none; `damaged` when the markers are not one begin followed by one end.
 *
 * @param page The page's current text ('' when it does not exist)
 * @param block What definitionBlock returned
 */
export function withBlock( page: string, block: string ): BlockChange {
	const begins = page.split( BLOCK_BEGIN ).length - 1;
	const ends = page.split( BLOCK_END ).length - 1;
	if ( begins === 0 && ends === 0 ) {
		const before = page.replace( /\s+$/, '' );
		return { kind: 'appended', text: before ? `${ before }\n\n${ block }` : block };
	}
	const start = page.indexOf( BLOCK_BEGIN );
	const end = page.indexOf( BLOCK_END );
	if ( begins !== 1 || ends !== 1 || end < start ) {
		return { kind: 'damaged' };
	}
	return { kind: 'replaced', text: page.slice( 0, start ) + block + page.slice( end + BLOCK_END.length ) };
}

/** The block as it stands on the page, or null when there is none (or its markers are damaged). */
export function currentBlock( page: string ): string | null {
	const start = page.indexOf( BLOCK_BEGIN );
	const end = page.indexOf( BLOCK_END );
	const once = page.split( BLOCK_BEGIN ).length === 2 && page.split( BLOCK_END ).length === 2;
	return once && end > start ? page.slice( start, end + BLOCK_END.length ) : null;
}
