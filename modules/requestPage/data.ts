/**
 * Everything a request page shows, read from the wiki: the page's revisions (its current record
 * and its status history, together), the configuration, the hubs, who has a coach profile, and the
 * topics taxonomy (to name the request's topics in the reader's language).
 */
import type { CapacityConfig } from '../core/config';
import { statusHistory, type StatusHistory } from '../core/history';
import { REQUEST_SCHEMA, type CapacityRequest, type Hub } from '../core/model';
import type { Problem } from '../core/messages';
import type { PermissionContext } from '../core/permissions';
import type { TopicIndex } from '../core/taxonomy';
import { parsePage } from '../core/wikitext/codec';
import { loadCoachUsers, loadConfig, loadHubs, loadPageRevisions, loadTaxonomy } from '../shared/siteData';

/** The request as it is now on the wiki. */
export interface RequestState {
	title: string;
	/** The latest revision: the base revision of the next edit. */
	revid: number;
	/** Its timestamp (the next edit's base timestamp). */
	timestamp: string;
	content: string;
	record: CapacityRequest;
	/** Problems of the page's template (unknown parameters, markup in values, …). */
	diagnostics: Problem[];
	history: StatusHistory;
}

/** Who is who around the request. */
export interface RequestContext {
	config: CapacityConfig;
	hubs: Map<string, Hub>;
	/** Hub pages that could not be read (shown, so a broken hub page does not go unnoticed). */
	unreadableHubs: string[];
	permissions: PermissionContext;
	/** Hubs a request can be triaged to, by name. */
	hubKeys: string[];
	/** The topics taxonomy's index (empty when Topics.json is missing or invalid). */
	topics: TopicIndex;
	/** Problems of the configuration or of the taxonomy, shown as warnings. */
	siteProblems: Problem[];
}

/** The base page a request page's title lives under, or null when it is no request page. */
export function basePageOf( title: string ): string | null {
	const match = /^(.+)\/Requests\/R[1-9]\d*$/.exec( title.replace( /_/g, ' ' ) );
	return match ? match[ 1 ] as string : null;
}

export class RequestPageError extends Error {
	public constructor( public readonly problem: Problem ) {
		super( problem.key );
	}
}

/**
 * The request's current state from its whole history (one request for up to 50 revisions).
 *
 * @throws {RequestPageError} when the page is missing or has no readable request template
 */
export async function loadRequestState( api: mw.Api, title: string ): Promise<RequestState> {
	const revisions = await loadPageRevisions( api, title );
	const latest = revisions.at( -1 );
	if ( !latest ) {
		throw new RequestPageError( { field: null, key: 'capacitybuilding-requestpage-error-missing', params: [ title ] } );
	}
	if ( latest.content === null ) {
		throw new RequestPageError( { field: null, key: 'capacitybuilding-requestpage-error-hidden', params: [ title ] } );
	}
	const { parsed, diagnostics } = parsePage( latest.content, REQUEST_SCHEMA );
	if ( !parsed ) {
		throw new RequestPageError( { field: null, key: 'capacitybuilding-requestpage-error-no-template', params: [ title ] } );
	}
	return {
		title, revid: latest.revid, timestamp: latest.timestamp, content: latest.content,
		record: parsed.record, diagnostics,
		history: statusHistory( revisions ),
	};
}

/** Configuration, hubs, coaches and topics, read in parallel. */
export async function loadRequestContext( api: mw.Api, base: string ): Promise<RequestContext> {
	const [ { config, problems }, { hubs, unreadable }, coaches, taxonomy ] = await Promise.all( [
		loadConfig( api ), loadHubs( api, base ), loadCoachUsers( api, base ), loadTaxonomy( api, base ),
	] );
	return {
		config, hubs, unreadableHubs: unreadable,
		topics: taxonomy.index, siteProblems: [ ...problems, ...taxonomy.problems ],
		permissions: { config, hubs, coaches },
		hubKeys: [ ...hubs.keys() ].sort(),
	};
}
