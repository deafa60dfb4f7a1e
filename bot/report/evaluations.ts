/**
 * Accepted independent evaluation entries as wikitext: the table the evaluation page shows per
 * quarter and each report page shows beside the self-evaluation (docs/reports.md). The entries'
 * texts are people's: each is shown exactly, inside `<nowiki>` (encodeValue), so it never adds a
 * template, a link or a category; its line breaks are kept.
 */
import { isValidUsername } from '../../modules/core/identifiers';
import type { Evaluation } from '../../modules/core/model';
import { encodeValue } from '../../modules/core/wikitext/values';
import type { Messages } from '../i18n';

/** Hub keys to their pages and names. */
export type HubNames = ReadonlyMap<string, { page: string; name: string }>;

/** A text people wrote, exactly, with its line breaks. */
export function peoplesText( value: string ): string {
	return value === '' ? '' : `<div style="white-space: pre-line;">${ encodeValue( value ) }</div>`;
}

function user( name: string ): string {
	return isValidUsername( name ) ? `[[User:${ name }|${ encodeValue( name ) }]]` : encodeValue( name );
}

function hubCell( hub: string, hubs: HubNames, messages: Messages ): string {
	if ( hub === '' ) {
		return messages.text( 'capacitybuilding-evaluation-programme' );
	}
	const named = hubs.get( hub );
	return named ? `[[:${ named.page }|${ encodeValue( named.name ) }]]` : encodeValue( hub );
}

/**
 * Entries as one table, in a stable order (hub, then evaluator, then time written).
 *
 * @param entries Accepted entries
 * @param hubs Hub names, to link the hubs assessed
 * @param messages Messages in the wiki's content language
 */
export function evaluationTable( entries: readonly Evaluation[], hubs: HubNames, messages: Messages ): string {
	const say = ( key: Parameters<Messages[ 'text' ]>[ 0 ] ): string => messages.text( key );
	const sorted = [ ...entries ].sort( ( a, b ) => ( a.hub + '\u0000' + a.evaluator + '\u0000' + a.created <
		b.hub + '\u0000' + b.evaluator + '\u0000' + b.created ? -1 : 1 ) );
	const headers = [
		say( 'capacitybuilding-bot-evaluation-column-hub' ), say( 'capacitybuilding-bot-evaluation-column-evaluator' ),
		say( 'capacitybuilding-evaluation-field-assessment' ), say( 'capacitybuilding-evaluation-field-findings' ),
		say( 'capacitybuilding-evaluation-field-recommendations' ), say( 'capacitybuilding-bot-evaluation-column-created' ),
	];
	return [
		'{| class="wikitable"',
		`! ${ headers.join( ' !! ' ) }`,
		...sorted.map( ( e ) => `|-\n| ${ [ hubCell( e.hub, hubs, messages ), user( e.evaluator ), peoplesText( e.assessment ),
			peoplesText( e.findings ), peoplesText( e.recommendations ), encodeValue( e.created ) ]
			.map( ( cell ) => cell === '' ? ' ' : cell ).join( ' || ' ) }`.replace( /\s+$/, '' ) ),
		'|}',
	].join( '\n' );
}
