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
