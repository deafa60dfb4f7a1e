/**
 * Open requests as the client matches them: the accepted requests of the bot's index
 * `<base>/Requests.json` that still seek a coach (only the parts whose manifest counts such
 * requests are read). Never a request page's current text: a request whose newer edits the bot has
 * not accepted is matched as it was accepted, and a request created since the last publish is
 * matched once the bot has accepted it (docs/data-model.md, "Judging"). Without an index there is
 * nothing accepted to match (`published: false`).
 */
import type { MatchableRequest } from '../core/matching';
import { SEEKING_COACH_STATUSES, type CapacityRequest } from '../core/model';
import { loadManifest, loadParts, IndexPartError } from './siteData';

export interface OpenRequest {
	number: number;
	page: string;
	request: CapacityRequest;
}

export function matchable( open: OpenRequest ): MatchableRequest {
	return open.request;
}

export interface LoadedOpenRequests {
	requests: OpenRequest[];
	/** Whether the bot has published a readable index of requests. */
	published: boolean;
}

/** Requests that still look for a coach, by number. */
export async function loadOpenRequests( api: mw.Api, base: string ): Promise<LoadedOpenRequests> {
	const manifest = await loadManifest( api, base, 'requests' );
	if ( !manifest ) {
		return { requests: [], published: false };
	}
	const seeking = manifest.parts.filter( ( part ) => !part.statuses ||
		SEEKING_COACH_STATUSES.some( ( status ) => ( part.statuses?.[ status ] ?? 0 ) > 0 ) );
	try {
		const entries = await loadParts( api, manifest, 'requests', { parts: seeking } );
		const requests = entries.map( ( { number, page, request } ) => ( { number, page, request } ) )
			.filter( ( open ) => SEEKING_COACH_STATUSES.includes( open.request.status ) )
			.sort( ( a, b ) => a.number - b.number );
		return { requests, published: true };
	} catch ( error ) {
		if ( error instanceof IndexPartError ) {
			return { requests: [], published: false };
		}
		throw error;
	}
}
