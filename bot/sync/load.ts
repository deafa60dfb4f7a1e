/**
 * Sync phase "load the store": what the store knows before this sync — each page's accepted record
 * and problems, and the timelines of the roles (configuration revisions, hub contacts, coaches),
 * from which RoleTimeline tells the roles at the time of any revision.
 */
import type { Content, PageKind } from '../../modules/core/judge';
import type { ConfigRevision, HubTimelineEntry, Store, StoredCoach, StoredEvaluation, StoredHub, StoredProblem, StoredRequest } from '../store';

type StoredRecord = StoredRequest | StoredCoach | StoredHub | StoredEvaluation;

/** A page's accepted record as the store holds it. */
export interface Known {
	content: Content;
	revid: number;
	/** For a coach profile: its first accepted revision. */
	since: number;
}

export interface StoreState {
	/** Accepted records by page title. */
	records: Map<string, StoredRecord>;
	problems: Map<string, StoredProblem[]>;
	configHistory: ConfigRevision[];
	hubTimeline: HubTimelineEntry[];
	/** When each coach's profile was first accepted, by user. */
	coachSince: Map<string, number>;
}

export async function loadStore( store: Store ): Promise<StoreState> {
	const [ requests, coaches, hubs, evaluations, problems, configHistory, hubTimeline ] = await Promise.all( [
		store.requests(), store.coaches(), store.hubs(), store.evaluations(), store.problems(), store.configHistory(),
		store.hubTimeline() ] );
	const byPage = new Map<string, StoredProblem[]>();
	for ( const p of problems ) {
		byPage.set( p.page, [ ...( byPage.get( p.page ) ?? [] ), p ] );
	}
	return {
		records: new Map<string, StoredRecord>( [ ...requests, ...coaches, ...hubs, ...evaluations ]
			.map( ( r ) => [ r.page, r ] ) ),
		problems: byPage,
		configHistory,
		hubTimeline,
		coachSince: new Map( coaches.map( ( c ) => [ c.user, c.since ?? c.revid ] ) ),
	};
}

/** The accepted record of a page as judging uses it. */
export function knownOf( kind: PageKind, stored: StoredRecord ): Known {
	if ( kind.kind === 'request' ) {
		const r = stored as StoredRequest;
		return { content: { kind: 'request', record: r.record, feedback: r.feedback }, revid: r.revid, since: 0 };
	}
	if ( kind.kind === 'coach' ) {
		const c = stored as StoredCoach;
		return { content: { kind: 'coach', record: c.record }, revid: c.revid, since: c.since ?? c.revid };
	}
	if ( kind.kind === 'evaluation' ) {
		return { content: { kind: 'evaluation', entries: ( stored as StoredEvaluation ).entries }, revid: stored.revid, since: 0 };
	}
	return { content: { kind: 'hub', record: ( stored as StoredHub ).record }, revid: stored.revid, since: 0 };
}
