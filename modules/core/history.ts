/**
 * A request's status history, derived from its page history: each revision's content is read with
 * the codec and every revision whose status differs from the one before it is a status change.
 * Revisions without a readable template (vandalism, a broken hand edit) are skipped rather than
 * reported as a change to "nothing", so that reverting them does not show a false change either;
 * they are counted so the page can say that some revisions could not be read.
 */
import { REQUEST_SCHEMA } from './model';
import { parsePage } from './wikitext/codec';

export interface RevisionContent {
	revid: number;
	/** The revision before this one on the page (0 for the first revision). */
	parentid: number;
	user: string;
	/** ISO timestamp. */
	timestamp: string;
	/** The main slot's wikitext; null when it is hidden (revision deletion). */
	content: string | null;
	/** The edit summary ('' when none or hidden). */
	comment?: string;
}

export interface StatusChange {
	revid: number;
	/** The revision before the change, for a diff link (0 when the page was created). */
	parentid: number;
	user: string;
	timestamp: string;
	/** Status before the change; null for the status the request was created with. */
	from: string | null;
	to: string;
	/** The edit summary of the revision (it carries the reason for declining, withdrawing, holding). */
	comment?: string;
}

export interface StatusHistory {
	/** Oldest first. */
	changes: StatusChange[];
	/** Revisions whose content was hidden or had no request template. */
	unreadable: number;
}

/**
 * The status changes of a request page.
 *
 * @param revisions The page's revisions, in any order
 */
export function statusHistory( revisions: readonly RevisionContent[] ): StatusHistory {
	const ordered = [ ...revisions ].sort( ( a, b ) => a.revid - b.revid );
	const changes: StatusChange[] = [];
	let unreadable = 0;
	let previous: string | null = null;
	for ( const revision of ordered ) {
		const parsed = revision.content === null ? null : parsePage( revision.content, REQUEST_SCHEMA ).parsed;
		if ( parsed === null ) {
			unreadable++;
			continue;
		}
		const status = parsed.record.status;
		if ( status !== previous ) {
			changes.push( {
				revid: revision.revid, parentid: revision.parentid, user: revision.user,
				timestamp: revision.timestamp, from: previous, to: status,
				...( revision.comment ? { comment: revision.comment } : {} ),
			} );
			previous = status;
		}
	}
	return { changes, unreadable };
}
