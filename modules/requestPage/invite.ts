/**
 * "Invite to offer": a hub contact or admin asks a suggested coach, in a new section of the coach's
 * talk page, to offer help with a request. The text names only the request page (never what the
 * requester typed), so nothing a person wrote can add markup to someone else's talk page.
 */
import { apiResult, API_ERROR_FORMAT } from '../shared/apiErrors';

export function invitationParams(
	coach: string, requestPage: string, inviter: string,
): Record<string, string | number | boolean> {
	return {
		action: 'edit',
		title: `User talk:${ coach }`,
		section: 'new',
		sectiontitle: mw.message( 'capacitybuilding-requestpage-invite-subject', requestPage ).text(),
		// The signature is the wiki's own (~~~~), after the invitation's text.
		text: `${ mw.message( 'capacitybuilding-requestpage-invite-body', coach, requestPage, inviter ).text() } ~~~~`,
		summary: mw.message( 'capacitybuilding-requestpage-invite-summary', requestPage ).text(),
		assert: 'user',
		formatversion: 2,
		...API_ERROR_FORMAT,
	};
}

/**
 * Posts the invitation. Failures are thrown as SaveFailure (apiErrors.ts).
 *
 * @param api
 * @param coach The coach's username
 * @param requestPage The request page's title
 * @param inviter The current user's name (for GENDER)
 */
export async function inviteToOffer( api: mw.Api, coach: string, requestPage: string, inviter: string ): Promise<void> {
	await apiResult( api.postWithEditToken( invitationParams( coach, requestPage, inviter ) ) );
}
