/**
 * The kinds of status updates (notices) the bot posts, by name: the configuration page switches
 * them on and off by these names. What each kind is — its event, recipients, channel, messages and
 * whether it is on by default — is defined once, in the bot's table of kinds (bot/notify/kinds.ts).
 */

export const NOTICE_KINDS = [
	/** A new request, announced on its hub's noticeboard (the programme's when it has no hub). */
	'submitted',
	/** A hub took the request (triaged, or routed to another hub) → the requester. */
	'triaged',
	/** A coach offered to help → the requester. */
	'offered',
	/** A coach was accepted → the requester and the coach. */
	'matched',
	'started',
	'completed',
	'declined',
	'withdrawn',
	'on-hold',
	'reopened',
	/** Open or triaged with no status change for the stale period → the hub's contacts (else the admins). */
	'stale',
	/** Needed within the deadline window and still without a coach → the hub's contacts (else the admins). */
	'deadline',
	/**
	 * `notifications.followUpDays` after completion (about three months), the follow-up question
	 * ("did you use what you learned?") → the requester, once, unless they have answered it.
	 */
	'follow-up',
	/** A coach's "away until" date has passed while the profile still says away → the coach. */
	'away-ended',
] as const;

export type NoticeKind = typeof NOTICE_KINDS[ number ];

/** Kinds that go to a noticeboard digest (one edit per noticeboard per round). */
export const DIGEST_KINDS: readonly NoticeKind[] = [ 'submitted', 'stale', 'deadline' ];

export function isNoticeKind( value: string ): value is NoticeKind {
	return ( NOTICE_KINDS as readonly string[] ).includes( value );
}

const DAY_MS = 86_400_000;

/** Statuses in which a request can go stale: it still looks for a coach. */
export const STALE_STATUSES: readonly string[] = [ 'open', 'triaged' ];

/**
 * The stale rule, one for the bot's notices and the views: how many whole stale periods
 * (`staleAfterDays` each) a request in one of STALE_STATUSES has gone without a status change since
 * `since` (its last accepted status change, else its creation). 0 when it is not stale.
 *
 * @param status The request's status
 * @param since When its status last changed (ISO timestamp)
 * @param staleAfterDays The configuration's stale period
 * @param now
 */
export function stalePeriods( status: string, since: string, staleAfterDays: number, now: Date ): number {
	const start = Date.parse( since );
	if ( !STALE_STATUSES.includes( status ) || Number.isNaN( start ) || !( staleAfterDays > 0 ) ) {
		return 0;
	}
	return Math.max( 0, Math.floor( ( now.getTime() - start ) / ( staleAfterDays * DAY_MS ) ) );
}
