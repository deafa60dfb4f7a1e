/**
 * The choices offered by the topic and language pickers, built from what the wiki provides
 * (modules/shared/siteData.ts) and filtered as the user types.
 *
 * API:
 * - `topicOptions( index, languageChain )`: every topic in tree order, labelled in the user's
 *   language (core `topicLabel` fallback), with the path of its parent areas as the description
 *   so the list reads grouped by area.
 * - `languageOptions( names )`: language codes with their names in the user's language and
 *   their autonyms.
 * - `filterOptions( options, query, limit )`: the options matching a typed text (label, code,
 *   description, autonym), best matches first.
 */
import { topicLabel, type TopicIndex } from '../core/taxonomy';
import type { LanguageName } from './siteData';

export interface PickerOption {
	value: string;
	label: string;
	/** Shown under the label: the parent areas of a topic, the autonym of a language. */
	description?: string;
	/** Extra text that matches a search (a language's autonym). */
	search?: string;
}

export function topicOptions( index: TopicIndex, languageChain: readonly string[] ): PickerOption[] {
	const options: PickerOption[] = [];
	for ( const [ key, entry ] of index ) {
		const parents = entry.path.slice( 0, -1 ).map( ( parent ) => {
			const parentEntry = index.get( parent );
			return parentEntry ? topicLabel( parentEntry.topic, languageChain ) : parent;
		} );
		options.push( {
			value: key,
			label: topicLabel( entry.topic, languageChain ),
			...( parents.length ? { description: parents.join( ' › ' ) } : {} ),
		} );
	}
	return options;
}

export function languageOptions( names: ReadonlyMap<string, LanguageName> ): PickerOption[] {
	return [ ...names ].map( ( [ code, name ] ) => ( {
		value: code,
		label: name.name === name.autonym || !name.autonym ? name.name : `${ name.name } (${ code })`,
		description: name.autonym || code,
		search: `${ name.autonym } ${ code }`,
	} ) ).sort( ( a, b ) => a.label.localeCompare( b.label ) );
}

/**
 * @param options
 * @param query What the user typed
 * @param limit How many to return
 */
export function filterOptions( options: readonly PickerOption[], query: string, limit = 50 ): PickerOption[] {
	const q = query.trim().toLocaleLowerCase();
	if ( q === '' ) {
		return options.slice( 0, limit );
	}
	const exact: PickerOption[] = [];
	const prefix: PickerOption[] = [];
	const inside: PickerOption[] = [];
	for ( const option of options ) {
		const label = option.label.toLocaleLowerCase();
		const other = `${ option.value } ${ option.description ?? '' } ${ option.search ?? '' }`.toLocaleLowerCase();
		if ( label === q || option.value.toLocaleLowerCase() === q ) {
			exact.push( option );
		} else if ( label.startsWith( q ) ) {
			prefix.push( option );
		} else if ( label.includes( q ) || other.includes( q ) ) {
			inside.push( option );
		}
	}
	return [ ...exact, ...prefix, ...inside ].slice( 0, limit );
}
