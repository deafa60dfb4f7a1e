/**
 * Open requests as the client reads them: from the bot's index `<base>/Requests.json` when it is
 * there and current (only the parts whose manifest counts requests that seek a coach), otherwise
 * from the request pages themselves (50 per API request), so that "requests that match you" works
 * before the bot has run and shows new requests at once.
 */
import type { MatchableRequest } from '../core/matching';
import { REQUEST_SCHEMA, SEEKING_COACH_STATUSES, type CapacityRequest } from '../core/model';
import { requestNumber } from '../core/pages';
import { readRecordPages } from './recordPages';
import { loadManifest, loadParts, IndexPartError } from './siteData';
import { editedSince } from './coaches';

export interface OpenRequest {
	number: number;
	page: string;
	request: CapacityRequest;
}

export function matchable( open: OpenRequest ): MatchableRequest {
	return open.request;
}

/** Requests that still look for a coach, by number. */
export async function loadOpenRequests( api: mw.Api, base: string ): Promise<OpenRequest[]> {
	const manifest = await loadManifest( api, base, 'requests' );
	// Like the directory: an index older than the newest request edit would hide new requests.
	const stale = manifest !== null &&
		await editedSince( api, base, manifest.generated, ( title ) => requestNumber( base, title ) !== null );
	let all: OpenRequest[] | null = null;
	if ( manifest && !stale ) {
		const seeking = manifest.parts.filter( ( part ) => !part.statuses ||
			SEEKING_COACH_STATUSES.some( ( status ) => ( part.statuses?.[ status ] ?? 0 ) > 0 ) );
		try {
			all = ( await loadParts( api, manifest, 'requests', { parts: seeking } ) )
				.map( ( { number, page, request } ) => ( { number, page, request } ) );
		} catch ( error ) {
			if ( !( error instanceof IndexPartError ) ) {
				throw error;
			}
		}
	}
	if ( !all ) {
		const { records } = await readRecordPages( api, base, 'Requests', REQUEST_SCHEMA );
		all = records.flatMap( ( { title, record } ) => {
			const number = requestNumber( base, title );
			return number === null ? [] : [ { number, page: title, request: record } ];
		} );
	}
	return all.filter( ( open ) => SEEKING_COACH_STATUSES.includes( open.request.status ) )
		.sort( ( a, b ) => a.number - b.number );
}
