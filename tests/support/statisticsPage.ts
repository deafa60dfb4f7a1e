/**
 * Every figure of a Statistics.json, as the rows the `<base>/Statistics` page must carry, found
 * under the heading of the part they belong to (the totals, or one view of the charts): what the
 * unit test of the page and the integration test of the published page both check.
 */
import type { Messages } from '../../bot/i18n';
import { bucketLabel, viewHeading } from '../../bot/publish/statisticsPage';
import { STATISTICS_OTHER_KEY, type Counts, type StatisticsIndex } from '../../modules/core/indexes';
import type { MessageKey } from '../../modules/core/messages';
import { AVAILABILITY_MESSAGES, FORMAT_MESSAGES, REGION_MESSAGES, STATUS_MESSAGES, STATUSES, isOneOf, REGIONS, FORMATS, AVAILABILITIES } from '../../modules/core/model';
import { encodeValue } from '../../modules/core/wikitext/values';

export interface ExpectedPart {
	/** The level-3 heading of a view, or null for the totals above the views. */
	heading: string | null;
	/** Table rows, each as its cells. */
	rows: string[][];
	/** Lines of text (a median, an average, a suppression). */
	lines: string[];
}

function name( messages: Messages, key: string ): string {
	if ( key === STATISTICS_OTHER_KEY ) {
		return messages.text( 'capacitybuilding-statistics-other' );
	}
	if ( isOneOf( STATUSES, key ) ) {
		return messages.text( STATUS_MESSAGES[ key ] );
	}
	if ( isOneOf( REGIONS, key ) ) {
		return messages.text( REGION_MESSAGES[ key ] );
	}
	return encodeValue( key );
}

function optionName( messages: Messages, question: string, option: string ): string {
	const key = `capacitybuilding-feedback-${ question }-${ option }` as MessageKey;
	return messages.raw( key ) !== key ? messages.text( key ) : encodeValue( option );
}

function rows( messages: Messages, counts: Counts, label = ( key: string ) => name( messages, key ) ): string[][] {
	return Object.entries( counts ).map( ( [ key, value ] ) => [ label( key ), String( value ) ] );
}

export function expectedParts( stats: StatisticsIndex, messages: Messages ): ExpectedPart[] {
	const m = ( key: MessageKey, ...params: ( string | number )[] ): string => messages.text( key, ...params );
	const totals: ExpectedPart = { heading: null, lines: [], rows: [
		...rows( messages, stats.requests.byStatus ), ...rows( messages, stats.requests.byRegion ),
		...rows( messages, stats.requests.byFormat, ( k ) => ( isOneOf( FORMATS, k ) ? m( FORMAT_MESSAGES[ k ] ) : encodeValue( k ) ) ),
		...rows( messages, stats.requests.byTopic ), ...rows( messages, stats.requests.byLanguage ),
		...rows( messages, stats.requests.byHub ), ...rows( messages, stats.requests.byMonth ),
		...rows( messages, stats.coaches.byAvailability, ( k ) => ( isOneOf( AVAILABILITIES, k ) ? m( AVAILABILITY_MESSAGES[ k ] ) : encodeValue( k ) ) ),
		...rows( messages, stats.coaches.byRegion ), ...rows( messages, stats.coaches.byTopic ), ...rows( messages, stats.coaches.byLanguage ),
		...rows( messages, stats.feedback.byOutcome, ( k ) => optionName( messages, 'outcome', k ) ),
	] };
	const charts = stats.charts;
	if ( !charts ) {
		return [ totals ];
	}
	const say = ( key: MessageKey, ...params: ( string | number )[] ): string => m( key, ...params );
	return [ totals, ...charts.views.map( ( view ): ExpectedPart => ( {
		heading: viewHeading( say, view ),
		rows: [
			...rows( messages, view.byStatus ), ...rows( messages, view.byRegion ), ...rows( messages, view.byHub ),
			...rows( messages, view.byTopic ), ...rows( messages, view.byLanguage ),
			...view.byMonth.map( ( { month, byStatus } ) => [ month, ...STATUSES.map( ( s ) => String( byStatus[ s ] ?? 0 ) ) ] ),
			...view.daysToMatch.buckets.map( ( count, i ) => [ bucketLabel( say, charts.matchBuckets, i ), String( count ) ] ),
			...view.feedback.flatMap( ( figure ) => figure.options.map( ( o ) => [
				optionName( messages, figure.question, o.option ),
				o.range ? m( 'capacitybuilding-statistics-range', o.range.countLow, o.range.countHigh ) : String( o.count ),
				o.range ? m( 'capacitybuilding-statistics-range', o.range.shareLow, o.range.shareHigh ) : String( o.share ),
			] ) ),
		],
		lines: [
			m( 'capacitybuilding-statistics-received', view.received ),
			view.daysToMatch.median === null ? m( 'capacitybuilding-statistics-no-match' ) :
				m( 'capacitybuilding-statistics-median', view.daysToMatch.median, view.daysToMatch.requests ),
			...view.feedback.map( ( f ) => ( f.suppressed ? m( 'capacitybuilding-statistics-suppressed' ) :
				m( 'capacitybuilding-statistics-answers', f.answers ?? 0 ) ) ),
			...view.feedback.filter( ( f ) => f.average !== null ).map( ( f ) => m( 'capacitybuilding-statistics-average', f.average as number ) ),
		],
	} ) ) ];
}

/** The text under a level-3 heading, up to the next one (null: everything above the first). */
export function pageSection( page: string, heading: string | null ): string | null {
	const parts = page.split( /^(?==== [^=])/m );
	if ( heading === null ) {
		return parts[ 0 ] ?? '';
	}
	return parts.find( ( part ) => part.startsWith( `=== ${ heading } ===\n` ) ) ?? null;
}

/** What of the JSON's figures the page lacks: an empty list when it carries every one. */
export function missingFigures( page: string, stats: StatisticsIndex, messages: Messages ): string[] {
	const missing: string[] = [];
	for ( const part of expectedParts( stats, messages ) ) {
		const section = pageSection( page, part.heading );
		if ( section === null ) {
			missing.push( `section ${ part.heading }` );
			continue;
		}
		const lines = new Set( section.split( '\n' ) );
		for ( const row of part.rows ) {
			if ( !lines.has( `| ${ row.join( ' || ' ) }` ) ) {
				missing.push( `${ part.heading }: row ${ row.join( ' || ' ) }` );
			}
		}
		for ( const line of part.lines ) {
			if ( !section.includes( line ) ) {
				missing.push( `${ part.heading }: line ${ line }` );
			}
		}
	}
	return missing;
}
