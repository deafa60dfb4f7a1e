/**
 * Sync phase "results": what judging a page means for the store — its record (the last accepted
 * revision, or the one the store had when none after it is accepted), its problems, its accepted
 * status changes, and its place in the role timelines (a hub's contacts, a coach's first accepted
 * revision). The same function serves a page judged forward and one judged from its first revision,
 * so both end with the same store.
 *
 * Problems of a page: the revisions after the last accepted one that were not accepted (with why),
 * what is wrong with the accepted revision's values, the newest revision when it holds no record
 * (blanked, template removed, content hidden), and a history longer than a sync judges.
 */
import { statusChangesOf } from '../../modules/core/judge';
import type { Problem } from '../../modules/core/messages';
import type { HubTimelineEntry, PageUpdate, StatusChange, StoredProblem } from '../store';
import type { PageJudgement } from './judgePages';
import type { Revision } from './read';

export interface PageResult {
	update: PageUpdate;
	/** Accepted status changes, oldest first (all of the request's when judged from its first revision). */
	statusChanges: StatusChange[];
	/** The request's stored history is replaced by `statusChanges` (judged from its first revision). */
	replacesHistory: boolean;
	/** A hub's accepted revisions (replacing its timeline when judged from its first revision). */
	hubEntries: HubTimelineEntry[];
	/** A coach's first accepted revision; null when the page has no accepted record. */
	coachSince: number | null;
	/** Revisions not accepted (reported). */
	rejected: { revision: Revision; reason: Problem }[];
	/** Whether the accepted record changed (a new accepted revision, or the record gone). */
	changed: boolean;
}

function problemKind( p: Problem ): StoredProblem[ 'kind' ] {
	return p.key.startsWith( 'capacitybuilding-codec-' ) ? 'malformed' : 'invalid';
}

export function toStored( page: string, revision: { revid: number; user: string }, problems: Problem[],
	kind?: StoredProblem[ 'kind' ] ): StoredProblem[] {
	return problems.map( ( p ) => ( {
		page, revid: revision.revid, kind: kind ?? problemKind( p ), message: p.key, params: p.params,
		field: p.field ?? '', user: revision.user,
	} ) );
}

/**
 * @param judgement The page judged
 * @param old The problems the store has for the page
 * @param hadRecord Whether the store has a record for the page
 * @param maxRevisions The most revisions of a page a sync judges (for the 'history too long' problem)
 */
export function resultOf( judgement: PageJudgement, old: readonly StoredProblem[], hadRecord: boolean,
	maxRevisions: number ): PageResult {
	const { page, outcome, parsed } = judgement;
	const { title, pageKind, known } = page;
	const problems: StoredProblem[] = outcome.rejected.flatMap( ( r ) => toStored( title, r.revision, [ r.reason ], 'rejected' ) );
	const extra: StoredProblem[] = [];
	const newest = page.revisions[ page.revisions.length - 1 ];
	if ( newest && !parsed.get( newest.revid )?.content ) {
		// A page without its record now (blanked, template removed): the accepted record is kept.
		extra.push( ...toStored( title, newest, parsed.get( newest.revid )?.problems ?? [], 'malformed' ) );
	}
	if ( newest && page.more ) {
		extra.push( ...toStored( title, newest, [
			{ field: null, key: 'capacitybuilding-bot-sync-history-too-long', params: [ maxRevisions ] },
		], 'rejected' ) );
	}
	const last = outcome.accepted[ outcome.accepted.length - 1 ];
	const base = {
		statusChanges: [] as StatusChange[], replacesHistory: known === null, hubEntries: [] as HubTimelineEntry[],
		coachSince: known?.since ?? null, rejected: outcome.rejected,
	};
	if ( !last ) {
		if ( known ) {
			// The accepted record stays, with what was wrong with it.
			const kept = old.filter( ( p ) => p.kind !== 'rejected' && p.revid === known.revid );
			return { ...base, update: { page: title, action: 'keep', problems: [ ...problems, ...extra, ...kept ] }, changed: false };
		}
		return { ...base, coachSince: null, update: { page: title, action: 'remove', problems: [ ...problems, ...extra ] },
			changed: hadRecord };
	}
	problems.push( ...toStored( title, last.revision, parsed.get( last.revision.revid )?.problems ?? [] ), ...extra );
	const { revision, content } = last;
	const common = { page: title, revid: revision.revid, updated: revision.timestamp };
	const result = { ...base, changed: known?.revid !== revision.revid };
	if ( content.kind === 'request' && pageKind.kind === 'request' ) {
		const number = pageKind.number;
		return {
			...result,
			update: { page: title, action: 'request', problems, value: { ...common, number, record: content.record, feedback: content.feedback } },
			statusChanges: statusChangesOf( outcome.accepted ).map( ( c ) => ( {
				requestNumber: number, from: c.from, to: c.to, user: c.user, at: c.timestamp, revid: c.revid,
				comment: c.comment,
			} ) ),
		};
	}
	if ( content.kind === 'coach' && pageKind.kind === 'coach' ) {
		const since = known?.since ?? ( outcome.accepted[ 0 ] as typeof last ).revision.revid;
		return {
			...result, coachSince: since,
			update: { page: title, action: 'coach', problems, value: { ...common, user: pageKind.user, record: content.record, since } },
		};
	}
	if ( content.kind === 'hub' && pageKind.kind === 'hub' ) {
		const key = pageKind.key;
		return {
			...result,
			update: { page: title, action: 'hub', problems, value: { ...common, key, record: content.record } },
			hubEntries: outcome.accepted.map( ( a ) => ( { page: title, key, revid: a.revision.revid,
				contacts: a.content.kind === 'hub' ? a.content.record.contacts : [] } ) ),
		};
	}
	if ( content.kind === 'evaluation' && pageKind.kind === 'evaluation' ) {
		return {
			...result,
			update: { page: title, action: 'evaluation', problems, value: { ...common, period: pageKind.period, entries: content.entries } },
		};
	}
	throw new Error( `A ${ content.kind } record on a ${ pageKind.kind } page` );
}
