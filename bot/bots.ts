/**
 * `{{bots}}` and `{{nobots}}`: whether a page lets this bot edit it, and lets it leave a message of
 * a given type, by the rules of https://en.wikipedia.org/wiki/Template:Bots (the convention bots on
 * Wikimedia wikis follow):
 *
 * - `{{nobots}}`: no bot edits the page;
 * - `{{bots}}`: every bot may;
 * - `{{bots|allow=A,B}}`: only the bots listed (`all`: every bot; `none`: none);
 * - `{{bots|deny=A,B}}`: every bot but those listed (`all`: none; `none`: every bot);
 * - `{{bots|optout=T,U}}`: no message of the types listed (`all`: no message of any type) — this
 *   bot's status updates are the type `capacitybuilding`.
 *
 * A page may carry several of these; they are read in page order and the first one that denies
 * decides. Templates are found with the core preprocessor, as MediaWiki finds them (not in comments,
 * `<nowiki>` or other extension tags; also inside another template's parameters, which MediaWiki
 * may expand), never with a regular expression.
 */
import { templateName } from '../modules/core/wikitext/codec';
import { preprocess, type PreprocessorNode, type TemplateNode } from '../modules/core/wikitext/preprocessor';
import { decodeValue } from '../modules/core/wikitext/values';
import type { PreprocessorOptions } from '../modules/core/wikitext/preprocessor';

/** The message type of the bot's status updates, for `{{bots|optout=…}}`. */
export const NOTICE_MESSAGE_TYPE = 'capacitybuilding';

export type BotsRule =
	| { allowed: true }
	/** `template`: the denying call as written on the page (shortened); `by`: what in it denies. */
	| { allowed: false; template: string; by: 'nobots' | 'allow' | 'deny' | 'optout' };

function calls( text: string, options: PreprocessorOptions ): TemplateNode[] {
	const found: TemplateNode[] = [];
	const visit = ( nodes: readonly PreprocessorNode[] ): void => {
		for ( const node of nodes ) {
			if ( node.type === 'template' ) {
				const name = templateName( text, node.title );
				if ( name === 'Bots' || name === 'Nobots' ) {
					found.push( node );
				}
				for ( const part of node.parts ) {
					visit( part.children );
				}
			} else if ( node.type === 'heading' ) {
				visit( node.children );
			}
		}
	};
	visit( preprocess( text, options ) );
	return found.sort( ( a, b ) => a.start - b.start );
}

function list( value: string ): string[] {
	return value.split( ',' ).map( ( item ) => item.replace( /_/g, ' ' ).trim().toLowerCase() ).filter( ( item ) => item !== '' );
}

/**
 * Whether a page lets this bot edit it (and leave a message of `messageType`, when given).
 *
 * @param text The page's wikitext
 * @param botName The bot's username
 * @param messageType The type of message the edit leaves, for `optout=`; null for other edits
 * @param options Preprocessor options (the wiki's extension tags)
 */
export function botsRule( text: string, botName: string, messageType: string | null,
	options: PreprocessorOptions = {} ): BotsRule {
	const name = botName.replace( /_/g, ' ' ).trim().toLowerCase();
	for ( const call of calls( text, options ) ) {
		const shown = text.slice( call.start, call.end ).replace( /\s+/g, ' ' ).slice( 0, 120 );
		if ( templateName( text, call.title ) === 'Nobots' ) {
			return { allowed: false, template: shown, by: 'nobots' };
		}
		for ( const part of call.parts ) {
			if ( part.eq === null ) {
				continue;
			}
			const eq = part.eq;
			const key = decodeValue( text, part.children.filter( ( n ) => n.end <= eq ) ).value.trim().toLowerCase();
			const values = list( decodeValue( text, part.children.filter( ( n ) => n.start > eq ) ).value );
			if ( key === 'allow' && ( values.includes( 'none' ) || ( !values.includes( 'all' ) && !values.includes( name ) ) ) ) {
				return { allowed: false, template: shown, by: 'allow' };
			}
			if ( key === 'deny' && !values.includes( 'none' ) && ( values.includes( 'all' ) || values.includes( name ) ) ) {
				return { allowed: false, template: shown, by: 'deny' };
			}
			if ( key === 'optout' && messageType !== null && ( values.includes( 'all' ) || values.includes( messageType.toLowerCase() ) ) ) {
				return { allowed: false, template: shown, by: 'optout' };
			}
		}
	}
	return { allowed: true };
}
