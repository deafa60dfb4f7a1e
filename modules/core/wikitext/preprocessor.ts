/**
 * An equivalent of MediaWiki's preprocessor (Preprocessor_Hash::buildDomTreeArrayFromText in
 * MediaWiki 1.43) for page views: it finds templates, template arguments, comments, extension tags
 * (`<nowiki>`, `<pre>`, `<gallery>`…), `<includeonly>` sections and headings exactly where MediaWiki
 * does, and keeps the source offsets of everything so that a template call can be replaced
 * without touching any other byte of the page.
 *
 * It follows MediaWiki's algorithm step by step (brace counting with "rightmost wins", `-{`
 * language-conversion blocks, links that swallow pipes, headings that do the same, comments that
 * eat their line), because a simpler parser disagrees with MediaWiki on exactly the pages people
 * edit by hand. The integration tests compare it with MediaWiki's own parse tree.
 */

/** Extension tags whose content the preprocessor does not look into, as on a default MediaWiki. */
export const DEFAULT_EXTENSION_TAGS: readonly string[] = [
	'pre', 'nowiki', 'gallery', 'indicator', 'langconvert',
	// Common Wikimedia extensions (Meta-Wiki's list comes from siteinfo when the caller has it).
	'ref', 'references', 'templatedata', 'templatestyles', 'syntaxhighlight', 'source', 'math', 'chem', 'ce',
	'poem', 'score', 'timeline', 'hiero', 'imagemap', 'inputbox', 'categorytree', 'charinsert', 'section',
	'mapframe', 'maplink', 'graph', 'talkpage', 'rss', 'languages', 'dynamicpagelist', 'phonos', 'quiz',
];

export interface TextNode { type: 'text'; start: number; end: number }
export interface CommentNode { type: 'comment'; start: number; end: number }
/** `<includeonly>…</includeonly>` and `<noinclude>` tags: present in the source, absent on the page. */
export interface IgnoreNode { type: 'ignore'; start: number; end: number }
/** The `=` between a template parameter's name and value. */
export interface EqualsNode { type: 'equals'; start: number; end: number }
export interface ExtensionTagNode {
	type: 'ext';
	start: number;
	end: number;
	/** Tag name as written. */
	name: string;
	/** Content between the tags; null for a self-closed tag. */
	inner: { start: number; end: number } | null;
}
export interface TemplatePart {
	/** Offsets of the part, without the leading `|`. */
	start: number;
	end: number;
	/** Offset of the first `=` at this level, for named parameters. */
	eq: number | null;
	children: PreprocessorNode[];
}
export interface TemplateNode {
	type: 'template' | 'tplarg';
	start: number;
	end: number;
	title: TemplatePart;
	parts: TemplatePart[];
}
export interface HeadingNode { type: 'heading'; start: number; end: number; level: number; children: PreprocessorNode[] }

export type PreprocessorNode =
	| TextNode | CommentNode | IgnoreNode | EqualsNode | ExtensionTagNode | TemplateNode | HeadingNode;

export interface PreprocessorOptions {
	/** Extension tags registered on the wiki (siteinfo `extensiontags`, without the brackets). */
	extensionTags?: readonly string[];
	/** Whether `-{ … }-` blocks are recognised (true on every Wikimedia wiki). */
	languageConversion?: boolean;
}

interface PartBuilder {
	start: number;
	out: PreprocessorNode[];
	eqIndex: number | null;
	eq: number | null;
	commentEnd: number | null;
	visualEnd: number | null;
}

type Opener = '{' | '[' | '-{' | '\n';

interface Piece {
	open: Opener;
	close: string;
	count: number;
	savedPrefix: string;
	/** Offset of the first opening character (after a saved `-` prefix). */
	start: number;
	parts: PartBuilder[];
}

interface Rule { end: string; names: Record<number, 'template' | 'tplarg' | null>; min: number; max: number }

const RULES: Record<string, Rule> = {
	'{': { end: '}', names: { 2: 'template', 3: 'tplarg' }, min: 2, max: 3 },
	'[': { end: ']', names: { 2: null }, min: 2, max: 2 },
	'-{': { end: '}-', names: { 2: null }, min: 2, max: 2 },
};

const SPACE_OR_TAB = ' \t';

function newPart( start: number, initial: PreprocessorNode[] = [] ): PartBuilder {
	return { start, out: initial, eqIndex: null, eq: null, commentEnd: null, visualEnd: null };
}

/** Appends literal source text, merging it with a text node that ends where it starts. */
function addLiteral( accum: PreprocessorNode[], start: number, end: number ): void {
	if ( end <= start ) {
		return;
	}
	const last = accum[ accum.length - 1 ];
	if ( last && last.type === 'text' && last.end === start ) {
		last.end = end;
	} else {
		accum.push( { type: 'text', start, end } );
	}
}

/** Appends nodes, merging adjacent text (an `=` node stays a node, as in MediaWiki). */
function appendAll( accum: PreprocessorNode[], nodes: PreprocessorNode[] ): void {
	for ( const node of nodes ) {
		if ( node.type === 'text' ) {
			addLiteral( accum, node.start, node.end );
		} else {
			accum.push( node );
		}
	}
}

/** Number of characters from `from` on that belong to `chars` (PHP's strspn), at most `max`. */
function spanForward( text: string, chars: string, from: number, max = Infinity ): number {
	let n = 0;
	while ( n < max && from + n < text.length && chars.includes( text[ from + n ] as string ) ) {
		n++;
	}
	return n;
}

/** Number of characters before `before` that belong to `chars` (strspn over the reversed text). */
function spanBackward( text: string, chars: string, before: number ): number {
	let n = 0;
	while ( before - n - 1 >= 0 && chars.includes( text[ before - n - 1 ] as string ) ) {
		n++;
	}
	return n;
}

function escapeRegExp( s: string ): string {
	return s.replace( /[.*+?^${}()|[\]\\]/g, '\\$&' );
}

/** PHP's \s without the u modifier: ASCII whitespace only. */
const WS = '[ \\t\\n\\x0B\\f\\r]';

const elementsRegexCache = new Map<string, RegExp>();

/** Matches, at a `<`, a tag name of interest or the start of a comment (cached per tag list). */
function elementsRegexFor( names: string[] ): RegExp {
	const key = names.join( '|' );
	let regex = elementsRegexCache.get( key );
	if ( !regex ) {
		regex = new RegExp( `(?:${ names.map( escapeRegExp ).join( '|' ) })(?=${ WS }|\\/>|>)|!--`, 'iy' );
		elementsRegexCache.set( key, regex );
	}
	return regex;
}

/**
 * The literal text and nodes a piece stands for when its closing is not found (or, for links,
 * when it closes: links are not elements, only a way to keep their pipes to themselves).
 */
function breakSyntax( piece: Piece, openingCount?: number ): PreprocessorNode[] {
	const result: PreprocessorNode[] = [];
	if ( piece.open === '\n' ) {
		appendAll( result, piece.parts[ 0 ]?.out ?? [] );
		return result;
	}
	const count = openingCount ?? piece.count;
	// The opening characters used: the last `count` of them, after any saved prefix.
	const openEnd = piece.start + piece.count;
	const openStart = openingCount === undefined ? piece.start - piece.savedPrefix.length : openEnd - count;
	addLiteral( result, openStart, openEnd );
	piece.parts.forEach( ( part, index ) => {
		if ( index > 0 ) {
			// The pipe before this part.
			addLiteral( result, part.start - 1, part.start );
		}
		appendAll( result, part.out );
	} );
	return result;
}

function toPart( builder: PartBuilder, end: number ): TemplatePart {
	return { start: builder.start, end, eq: builder.eq, children: builder.out };
}

/**
 * Parses wikitext the way MediaWiki's preprocessor does for a page view.
 *
 * @param text Page wikitext
 * @param options Extension tags of the wiki and whether language conversion is on
 * @return The top-level nodes, covering the whole text in order
 */
export function preprocess( text: string, options: PreprocessorOptions = {} ): PreprocessorNode[] {
	const extensionTags = options.extensionTags ?? DEFAULT_EXTENSION_TAGS;
	const languageConversion = options.languageConversion ?? true;
	// Page view (not transclusion): <includeonly> sections are dropped, <noinclude> and
	// <onlyinclude> tags are ignored but their content stays.
	const ignoredTags = [ 'noinclude', '/noinclude', 'onlyinclude', '/onlyinclude' ];
	const ignoredElements = [ 'includeonly' ];
	const xmlishElements = [ ...extensionTags, 'includeonly' ];
	const allowMissingEndTag = [ 'includeonly', 'noinclude', 'onlyinclude' ];
	const elementsRegex = elementsRegexFor( [ ...xmlishElements, ...ignoredTags ] );
	const searchBase = languageConversion ? '[{<\n-' : '[{<\n';

	const root: PartBuilder = newPart( 0 );
	const stack: Piece[] = [];
	const top = (): Piece | undefined => stack[ stack.length - 1 ];
	const currentPart = (): PartBuilder => {
		const piece = top();
		return piece ? piece.parts[ piece.parts.length - 1 ] as PartBuilder : root;
	};
	let accum = root.out;
	let findEquals = false;
	let findPipe = false;
	let inHeading = false;
	const noMoreClosingTag = new Set<string>();
	let fakeLineStart = true;
	let i = 0;
	const length = text.length;

	const refreshFlags = (): void => {
		const piece = top();
		accum = currentPart().out;
		if ( !piece ) {
			findEquals = false;
			findPipe = false;
			inHeading = false;
			return;
		}
		findPipe = piece.open !== '\n' && piece.open !== '[';
		findEquals = findPipe && piece.parts.length > 1 && currentPart().eqIndex === null;
		inHeading = piece.open === '\n';
	};

	while ( true ) {
		let found: 'line-start' | 'line-end' | 'pipe' | 'equals' | 'angle' | 'close' | 'open';
		let curChar = '';
		let rule: Rule | null = null;
		if ( fakeLineStart ) {
			found = 'line-start';
		} else {
			const currentClosing = top()?.close ?? '';
			const search = searchBase + currentClosing + ( findPipe ? '|' : '' ) + ( findEquals ? '=' : '' );
			let literalEnd = i;
			while ( literalEnd < length && !search.includes( text[ literalEnd ] as string ) ) {
				literalEnd++;
			}
			addLiteral( accum, i, literalEnd );
			i = literalEnd;
			if ( i >= length ) {
				if ( currentClosing === '\n' ) {
					// A past-the-end run to finish off the heading.
					found = 'line-end';
				} else {
					break;
				}
			} else {
				curChar = text[ i ] as string;
				const curTwoChar = text.slice( i, i + 2 );
				if ( curChar === '|' ) {
					found = 'pipe';
				} else if ( curChar === '=' ) {
					found = 'equals';
				} else if ( curChar === '<' ) {
					found = 'angle';
				} else if ( curChar === '\n' ) {
					found = inHeading ? 'line-end' : 'line-start';
				} else if ( curTwoChar === currentClosing ) {
					found = 'close';
					curChar = curTwoChar;
				} else if ( curChar === currentClosing ) {
					found = 'close';
				} else if ( RULES[ curTwoChar ] && ( curTwoChar !== '-{' || languageConversion ) ) {
					curChar = curTwoChar;
					found = 'open';
					rule = RULES[ curTwoChar ] as Rule;
				} else if ( RULES[ curChar ] ) {
					found = 'open';
					rule = RULES[ curChar ] as Rule;
				} else {
					// A '-' not starting '-{', or a '}' that closes nothing.
					addLiteral( accum, i, i + 1 );
					i++;
					continue;
				}
			}
		}

		if ( found === 'angle' ) {
			elementsRegex.lastIndex = i + 1;
			const match = elementsRegex.exec( text );
			if ( !match ) {
				addLiteral( accum, i, i + 1 );
				i++;
				continue;
			}
			const name = match[ 0 ];
			if ( name === '!--' ) {
				const endPos = text.indexOf( '-->', i + 4 );
				if ( endPos === -1 ) {
					// An unclosed comment runs to the end.
					accum.push( { type: 'comment', start: i, end: length } );
					i = length;
					continue;
				}
				// A run of comments alone on its line takes the line (and one newline) with it.
				const wsStart = i ? i - spanBackward( text, SPACE_OR_TAB, i ) : 0;
				let wsEnd = endPos + 3;
				wsEnd += spanForward( text, SPACE_OR_TAB, wsEnd );
				const comments: [ number, number ][] = [ [ wsStart, wsEnd ] ];
				while ( text.startsWith( '<!--', wsEnd ) ) {
					let c = text.indexOf( '-->', wsEnd + 4 );
					if ( c === -1 ) {
						break;
					}
					c += 3;
					c += spanForward( text, SPACE_OR_TAB, c );
					comments.push( [ wsEnd, c ] );
					wsEnd = c;
				}
				let startPos: number;
				let lastPos: number;
				if ( wsStart > 0 && text[ wsStart - 1 ] === '\n' && text[ wsEnd ] === '\n' ) {
					const wsLength = i - wsStart;
					const last = accum[ accum.length - 1 ];
					const lastText = last && last.type === 'text' && last.end === i ? text.slice( last.start, last.end ) : '';
					if ( last && wsLength > 0 && spanBackward( lastText, SPACE_OR_TAB, lastText.length ) >= wsLength ) {
						last.end -= wsLength;
						if ( last.end === last.start ) {
							accum.pop();
						}
					}
					const [ lastStart, lastEnd ] = comments.pop() as [ number, number ];
					for ( const [ cStart, cEnd ] of comments ) {
						accum.push( { type: 'comment', start: cStart, end: cEnd } );
					}
					startPos = lastStart;
					// Including the newline after the comments.
					lastPos = lastEnd;
					fakeLineStart = true;
				} else {
					startPos = i;
					lastPos = endPos + 2;
				}
				const piece = top();
				if ( piece ) {
					const part = currentPart();
					if ( part.commentEnd !== wsStart - 1 ) {
						part.visualEnd = wsStart;
					}
					part.commentEnd = lastPos;
				}
				i = lastPos + 1;
				accum.push( { type: 'comment', start: startPos, end: lastPos + 1 } );
				continue;
			}
			const attrStart = i + name.length + 1;
			const tagEndPos = text.indexOf( '>', attrStart );
			if ( tagEndPos === -1 ) {
				addLiteral( accum, i, i + 1 );
				i++;
				continue;
			}
			const lowerName = name.toLowerCase();
			if ( ignoredTags.includes( lowerName ) ) {
				accum.push( { type: 'ignore', start: i, end: tagEndPos + 1 } );
				i = tagEndPos + 1;
				continue;
			}
			const tagStartPos = i;
			let inner: { start: number; end: number } | null;
			if ( text[ tagEndPos - 1 ] === '/' ) {
				inner = null;
				i = tagEndPos + 1;
			} else {
				const closeRegex = new RegExp( `</${ escapeRegExp( name ) }${ WS }*>`, 'gi' );
				closeRegex.lastIndex = tagEndPos + 1;
				const close = noMoreClosingTag.has( lowerName ) ? null : closeRegex.exec( text );
				if ( close ) {
					inner = { start: tagEndPos + 1, end: close.index };
					i = close.index + close[ 0 ].length;
				} else if ( allowMissingEndTag.includes( name ) ) {
					inner = { start: tagEndPos + 1, end: length };
					i = length;
				} else {
					// No end tag: the opening tag is literal text.
					i = tagEndPos + 1;
					addLiteral( accum, tagStartPos, i );
					noMoreClosingTag.add( lowerName );
					continue;
				}
			}
			if ( ignoredElements.includes( lowerName ) ) {
				accum.push( { type: 'ignore', start: tagStartPos, end: i } );
				continue;
			}
			accum.push( { type: 'ext', start: tagStartPos, end: i, name, inner } );
		} else if ( found === 'line-start' ) {
			if ( fakeLineStart ) {
				fakeLineStart = false;
			} else {
				addLiteral( accum, i, i + 1 );
				i++;
			}
			const count = spanForward( text, '=', i, Math.min( length, 6 ) );
			if ( count === 1 && findEquals ) {
				// Looks like a name=value separator: let the equals handler have it.
			} else if ( count > 0 ) {
				stack.push( {
					open: '\n', close: '\n', count, savedPrefix: '', start: i,
					parts: [ newPart( i, [ { type: 'text', start: i, end: i + count } ] ) ],
				} );
				refreshFlags();
				i += count;
			}
		} else if ( found === 'line-end' ) {
			const piece = top() as Piece;
			const part = currentPart();
			const wsLength = spanBackward( text, SPACE_OR_TAB, i );
			let searchStart = i - wsLength;
			if ( part.commentEnd !== null && part.commentEnd === searchStart - 1 ) {
				searchStart = part.visualEnd ?? searchStart;
				searchStart -= spanBackward( text, SPACE_OR_TAB, searchStart );
			}
			const equalsLength = spanBackward( text, '=', searchStart );
			let element: PreprocessorNode[];
			if ( equalsLength > 0 ) {
				let count: number;
				if ( searchStart - equalsLength === piece.start ) {
					// Only equals signs on the line.
					count = equalsLength < 3 ? 0 : Math.min( 6, Math.floor( ( equalsLength - 1 ) / 2 ) );
				} else {
					count = Math.min( equalsLength, piece.count );
				}
				element = count > 0 ?
					[ { type: 'heading', start: piece.start, end: i, level: count, children: part.out } ] :
					part.out;
			} else {
				element = part.out;
			}
			stack.pop();
			refreshFlags();
			appendAll( accum, element );
			// The newline is not consumed: it may open the next heading.
		} else if ( found === 'open' ) {
			let currentRule = rule as Rule;
			let opener = curChar as Opener;
			let count = opener.length > 1 ?
				spanForward( text, opener[ opener.length - 1 ] as string, i + 1 ) + 1 :
				spanForward( text, opener, i );
			let savedPrefix = '';
			if ( opener === '-{' && count > opener.length ) {
				// "-{{" opens a template: the rightmost rule wins.
				savedPrefix = '-';
				i++;
				opener = '{';
				count--;
				currentRule = RULES[ '{' ] as Rule;
			}
			if ( count >= currentRule.min ) {
				stack.push( {
					open: opener, close: currentRule.end, count, savedPrefix, start: i,
					parts: [ newPart( i + count ) ],
				} );
				refreshFlags();
			} else {
				addLiteral( accum, i - savedPrefix.length, i + count );
			}
			i += count;
		} else if ( found === 'close' ) {
			const piece = top() as Piece;
			let maxCount = piece.count;
			if ( piece.close === '}-' && curChar === '}' ) {
				maxCount--;
			}
			const count = curChar.length > 1 ? curChar.length : spanForward( text, curChar, i, maxCount );
			const pieceRule = RULES[ piece.open ] as Rule;
			let matchingCount: number;
			if ( count > pieceRule.max ) {
				matchingCount = pieceRule.max;
			} else {
				matchingCount = count;
				while ( matchingCount > 0 && !( matchingCount in pieceRule.names ) ) {
					matchingCount--;
				}
			}
			if ( matchingCount <= 0 ) {
				addLiteral( accum, i, i + count );
				i += count;
				continue;
			}
			const name = pieceRule.names[ matchingCount ] ?? null;
			let element: PreprocessorNode[];
			if ( name === null ) {
				element = breakSyntax( piece, matchingCount );
				addLiteral( element, i, i + matchingCount );
			} else {
				const [ titleBuilder, ...partBuilders ] = piece.parts as [ PartBuilder, ...PartBuilder[] ];
				const ends = [ ...partBuilders.map( ( p ) => p.start - 1 ), i ];
				element = [ {
					type: name,
					start: piece.start + piece.count - matchingCount,
					end: i + matchingCount,
					title: toPart( titleBuilder, ends[ 0 ] as number ),
					parts: partBuilders.map( ( p, index ) => toPart( p, ends[ index + 1 ] as number ) ),
				} ];
			}
			i += matchingCount;
			stack.pop();
			refreshFlags();
			if ( matchingCount < piece.count ) {
				piece.count -= matchingCount;
				piece.parts = [ newPart( piece.start + piece.count ) ];
				if ( piece.count >= pieceRule.min ) {
					stack.push( piece );
					refreshFlags();
				} else if ( piece.count === 1 && piece.open === '{' && piece.savedPrefix === '-' ) {
					piece.savedPrefix = '';
					piece.open = '-{';
					piece.count = 2;
					piece.start -= 1;
					piece.close = ( RULES[ '-{' ] as Rule ).end;
					stack.push( piece );
					refreshFlags();
				} else {
					addLiteral( accum, piece.start - piece.savedPrefix.length, piece.start + piece.count );
				}
			} else if ( piece.savedPrefix !== '' ) {
				addLiteral( accum, piece.start - piece.savedPrefix.length, piece.start );
			}
			appendAll( accum, element );
		} else if ( found === 'pipe' ) {
			( top() as Piece ).parts.push( newPart( i + 1 ) );
			refreshFlags();
			i++;
		} else if ( found === 'equals' ) {
			const part = currentPart();
			accum.push( { type: 'equals', start: i, end: i + 1 } );
			part.eqIndex = accum.length - 1;
			part.eq = i;
			findEquals = false;
			i++;
		}
	}

	// Whatever is still open was never closed: it is literal text.
	for ( const piece of stack ) {
		appendAll( root.out, breakSyntax( piece ) );
	}
	return root.out;
}
