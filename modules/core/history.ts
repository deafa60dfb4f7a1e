/**
 * A request's status history as every reader shows it: the accepted one, the same on the request
 * page, in the published index and in the statistics. It is the history the bot published in the
 * request's index entry (every accepted status change up to the published revision, judged by the
 * bot), followed by the accepted status changes the view's own judging finds in the revisions made
 * since (core judge.ts judgeView). A change nobody allowed never enters it, however many edits
 * follow: the judge decides, not the page's list of revisions.
 */
import type { HistoryEntry } from './indexes';
import type { AcceptedStatusChange } from './judge';

export interface StatusChange {
	revid: number;
	/** '' when the username is hidden. */
	user: string;
	/** ISO timestamp. */
	timestamp: string;
	/** Status before the change; null for the status the request was created with. */
	from: string | null;
	to: string;
	/** The revision's edit summary (it carries the reason for declining, withdrawing, holding). */
	comment?: string;
}

export interface StatusHistory {
	/** Oldest first. */
	changes: StatusChange[];
	/** The published index kept only the latest changes of a long history: earlier ones are left out. */
	truncated: boolean;
}

function change( revid: number, from: string, to: string, user: string, timestamp: string,
	comment: string | undefined ): StatusChange {
	return { revid, user, timestamp, from: from === '' ? null : from, to, ...( comment ? { comment } : {} ) };
}

/**
 * The accepted status history of a request.
 *
 * @param published The accepted history of the request's index entry ([] when the index does not list it)
 * @param judged The accepted status changes judging found after the published revision (judgeView)
 * @param truncated Whether the index entry's history was cut (its `cut` names `history`)
 * @return One history, oldest first, each change once
 */
export function acceptedHistory( published: readonly HistoryEntry[], judged: readonly AcceptedStatusChange[],
	truncated = false ): StatusHistory {
	const byRevision = new Map<number, StatusChange>();
	for ( const row of published ) {
		byRevision.set( row.revid, change( row.revid, row.from, row.to, row.user, row.at, row.comment ) );
	}
	for ( const row of judged ) {
		byRevision.set( row.revid, change( row.revid, row.from, row.to, row.user, row.timestamp, row.comment ) );
	}
	return { changes: [ ...byRevision.values() ].sort( ( a, b ) => a.revid - b.revid ), truncated };
}

/**
 * When a request's follow-up is due: `days` after the accepted change that completed it, when that
 * change gave it its current status (`changes` oldest first); null when it is not completed now.
 * The bot asks the requester then, and the request page offers the follow-up form from then on.
 */
export function followUpDue( changes: readonly { to: string; at: string }[], days: number ): string | null {
	const last = changes[ changes.length - 1 ];
	const at = last === undefined ? NaN : Date.parse( last.at );
	if ( last?.to !== 'completed' || Number.isNaN( at ) ) {
		return null;
	}
	return new Date( at + days * 86_400_000 ).toISOString().replace( /\.\d{3}Z$/, 'Z' );
}
