/**
 * Writes the preprocessor's nodes in the XML format of MediaWiki's own parse tree
 * (`action=parse&prop=parsetree`), so the two can be compared character for character.
 * MediaWiki's `lineStart` and heading `i` attributes carry no structure and are left out
 * (normalizeMediaWikiXml removes them from MediaWiki's side).
 */
import type { PreprocessorNode, TemplatePart } from '../../modules/core/wikitext/preprocessor';

/** An element, written self-closed when empty as MediaWiki does. */
function element( name: string, content: string ): string {
	return content === '' ? `<${ name }/>` : `<${ name }>${ content }</${ name }>`;
}

function escape( text: string ): string {
	return text.replace( /&/g, '&amp;' ).replace( /</g, '&lt;' ).replace( />/g, '&gt;' ).replace( /"/g, '&quot;' );
}

function nodesToXml( text: string, nodes: readonly PreprocessorNode[], depth: number ): string {
	return nodes.map( ( node ) => nodeToXml( text, node, depth ) ).join( '' );
}

function partToXml( text: string, part: TemplatePart, index: number, depth: number ): string {
	if ( part.eq === null ) {
		return `<part><name index="${ index }"/>${ element( 'value', nodesToXml( text, part.children, depth ) ) }</part>`;
	}
	const eq = part.eq;
	const name = part.children.filter( ( n ) => n.end <= eq );
	const value = part.children.filter( ( n ) => n.start > eq );
	return `<part>${ element( 'name', nodesToXml( text, name, depth ) ) }<equals>=</equals>${ element( 'value', nodesToXml( text, value, depth ) ) }</part>`;
}

function nodeToXml( text: string, node: PreprocessorNode, depth: number ): string {
	const source = text.slice( node.start, node.end );
	switch ( node.type ) {
		case 'text':
			return escape( source );
		case 'equals':
			return '<equals>=</equals>';
		case 'comment':
			return `<comment>${ escape( source ) }</comment>`;
		case 'ignore':
			return `<ignore>${ escape( source ) }</ignore>`;
		case 'heading': {
			const tag = depth === 0 ? 'h' : 'possible-h';
			return `<${ tag } level="${ node.level }">${ nodesToXml( text, node.children, depth ) }</${ tag }>`;
		}
		case 'ext': {
			const attrStart = node.start + 1 + node.name.length;
			const attrEnd = node.inner ? node.inner.start - 1 : node.end - 2;
			const attr = text.slice( attrStart, attrEnd );
			let xml = `<ext><name>${ escape( node.name ) }</name>${ attr ? `<attr>${ escape( attr ) }</attr>` : '<attr/>' }`;
			if ( node.inner ) {
				xml += element( 'inner', escape( text.slice( node.inner.start, node.inner.end ) ) );
				if ( node.inner.end < node.end ) {
					xml += `<close>${ escape( text.slice( node.inner.end, node.end ) ) }</close>`;
				}
			}
			return `${ xml }</ext>`;
		}
		case 'template':
		case 'tplarg': {
			let index = 0;
			const parts = node.parts.map( ( part ) => partToXml( text, part, part.eq === null ? ++index : 0, depth + 1 ) );
			return `<${ node.type }>${ element( 'title', nodesToXml( text, node.title.children, depth + 1 ) ) }${ parts.join( '' ) }</${ node.type }>`;
		}
	}
}

export function toParseTreeXml( text: string, nodes: readonly PreprocessorNode[] ): string {
	return `<root>${ nodesToXml( text, nodes, 0 ) }</root>`;
}

/** Removes the attributes that carry no structure from MediaWiki's parse tree XML. */
export function normalizeMediaWikiXml( xml: string ): string {
	return xml.replace( / lineStart="1"/g, '' ).replace( / i="\d+"/g, '' );
}
