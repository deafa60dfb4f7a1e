/**
 * The shared learning page `<base>/Learning` (docs/reports.md): the accepted "what we learned" notes
 * (the `learned` field of accepted `{{Capacity feedback}}` entries), grouped by topic and by region,
 * each linking back to its request, as sortable wikitext tables readable without JavaScript.
 *
 * Notes are people's text: each is shown exactly, inside `<nowiki>`, so it never adds a template,
 * a link or a category. The page is searched with the wiki's own search: a link opens
 * Special:Search limited to the request pages, where the notes were written (a reader of any wiki
 * knows that box; a page of a few hundred notes is also found with the browser's find).
 */
import { REGION_MESSAGES, REGIONS, isOneOf, type Feedback } from '../../modules/core/model';
import { isValidUsername } from '../../modules/core/identifiers';
import type { MessageKey } from '../../modules/core/messages';
import { normalizeTitle, sitePages } from '../../modules/core/pages';
import { encodeValue } from '../../modules/core/wikitext/values';
import type { Messages } from '../i18n';
import { peoplesText } from '../report/evaluations';
import type { StoredRequest } from '../store';
import type { PublishedPage } from './content';
import { badlyEncoded } from './entries';

/** One note, with the request it comes from. */
interface Note {
	request: StoredRequest;
	entry: Feedback;
}

/** The accepted notes, by request number then by the time they were written. */
export function learningNotes( requests: readonly StoredRequest[] ): Note[] {
	return [ ...requests ].sort( ( a, b ) => a.number - b.number )
		.filter( ( r ) => badlyEncoded( [ r.record, r.feedback ] ) === null )
		.flatMap( ( request ) => request.feedback.filter( ( entry ) => entry.learned.trim() !== '' )
			.sort( ( a, b ) => ( a.created < b.created ? -1 : a.created > b.created ? 1 : 0 ) )
			.map( ( entry ) => ( { request, entry } ) ) );
}

function regionName( region: string, messages: Messages ): string {
	return isOneOf( REGIONS, region ) ? messages.text( REGION_MESSAGES[ region ] ) : encodeValue( region );
}

const COLUMNS: readonly MessageKey[] = [
	'capacitybuilding-bot-learning-column-request', 'capacitybuilding-bot-learning-column-note',
	'capacitybuilding-bot-learning-column-by', 'capacitybuilding-bot-learning-column-region',
	'capacitybuilding-bot-learning-column-topics',
];

function noteTable( notes: readonly Note[], messages: Messages ): string {
	const say = messages.text.bind( messages );
	const headers = COLUMNS.map( ( key ) => say( key ) );
	const rows = notes.map( ( { request, entry } ) => {
		const by = isValidUsername( entry.user ) ? `[[User:${ entry.user }|${ encodeValue( entry.user ) }]]` : encodeValue( entry.user );
		return `|-\n| ${ [
			`[[:${ request.page }|R${ request.number }]]`, peoplesText( entry.learned ), by,
			regionName( request.record.region, messages ), request.record.topics.map( ( t ) => encodeValue( t ) ).join( ', ' ),
		].map( ( cell ) => cell === '' ? ' ' : cell ).join( ' || ' ) }`;
	} );
	return [ '{| class="wikitable sortable"', `! ${ headers.join( ' !! ' ) }`, ...rows, '|}' ].join( '\n' );
}

/** Notes grouped by a key (sorted), a section per group. */
function grouped( notes: readonly Note[], keys: ( note: Note ) => string[], heading: ( key: string ) => string,
	messages: Messages ): string[] {
	const groups = new Map<string, Note[]>();
	for ( const note of notes ) {
		for ( const key of new Set( keys( note ) ) ) {
			groups.set( key, [ ...( groups.get( key ) ?? [] ), note ] );
		}
	}
	return [ ...groups.keys() ].sort().flatMap( ( key ) => [ `=== ${ heading( key ) } ===`, noteTable( groups.get( key ) ?? [], messages ), '' ] );
}

/**
 * The learning page.
 *
 * @param base The base page
 * @param requests The store's requests (their accepted feedback)
 * @param messages Messages in the wiki's content language
 */
export function learningPage( base: string, requests: readonly StoredRequest[], messages: Messages ): PublishedPage {
	const b = normalizeTitle( base );
	const notes = learningNotes( requests );
	const search = `{{fullurl:Special:Search|prefix=${ encodeURIComponent( `${ b }/Requests/` ) }&fulltext=1}}`;
	const lines = [ messages.text( 'capacitybuilding-bot-learning-intro' ), '',
		messages.text( 'capacitybuilding-bot-learning-search', search ), '' ];
	if ( !notes.length ) {
		lines.push( messages.text( 'capacitybuilding-bot-learning-none' ) );
	} else {
		lines.push( `== ${ messages.text( 'capacitybuilding-bot-learning-heading-topic' ) } ==`,
			...grouped( notes, ( n ) => n.request.record.topics, ( key ) => encodeValue( key ), messages ),
			`== ${ messages.text( 'capacitybuilding-bot-learning-heading-region' ) } ==`,
			...grouped( notes, ( n ) => [ n.request.record.region ], ( key ) => regionName( key, messages ),
				messages ) );
	}
	return { title: sitePages( b ).learning, contentModel: 'wikitext', text: lines.join( '\n' ).replace( /\n+$/, '' ),
		summary: 'capacitybuilding-bot-learning-summary' };
}
