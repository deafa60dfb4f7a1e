/**
 * Open requests as the client reads them: from the bot's `<base>/Requests.json` when it is there,
 * and current, otherwise from the request pages themselves (50 per API request), so that "requests
 * that match you" works before the bot has run and shows new requests at once.
 */
import type { MatchableRequest } from '../core/matching';
import { REQUEST_SCHEMA, SEEKING_COACH_STATUSES, type CapacityRequest } from '../core/model';
import { requestNumber } from '../core/pages';
import { readRecordPages } from './recordPages';
import { loadRequestsIndex } from './siteData';
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
	const published = await loadRequestsIndex( api, base );
	// Like the directory: an index older than the newest request edit would hide new requests.
	const stale = published !== null &&
		await editedSince( api, base, published.generated, ( title ) => requestNumber( base, title ) !== null );
	const index = stale ? null : published;
	let all: OpenRequest[];
	if ( index ) {
		all = index.requests.map( ( { number, page, request } ) => ( { number, page, request } ) );
	} else {
		const { records } = await readRecordPages( api, base, 'Requests', REQUEST_SCHEMA );
		all = records.flatMap( ( { title, record } ) => {
			const number = requestNumber( base, title );
			return number === null ? [] : [ { number, page: title, request: record } ];
		} );
	}
	return all.filter( ( open ) => SEEKING_COACH_STATUSES.includes( open.request.status ) )
		.sort( ( a, b ) => a.number - b.number );
}
