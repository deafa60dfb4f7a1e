/**
 * Subscribing the current user to new topics on a page, as DiscussionTools' "Subscribe" button on a
 * talk page does (`action=discussiontoolssubscribe` with the page's `p-topics-…` item): the bot's
 * status updates are new sections, so a subscriber is notified of each. The request form subscribes
 * the requester to their new request page; offering or accepting on a request page subscribes whoever
 * does it. A failure is returned, for the caller to show: it never undoes what was saved.
 */
import { API_ERROR_FORMAT, SaveFailure, apiResult, describeApiError, type SaveError } from './apiErrors';

/** DiscussionTools' name for "new topics on this page" (CommentUtils::getNewTopicsSubscriptionId). */
export function newTopicsItem( title: string ): string {
	const parsed = new mw.Title( title );
	return `p-topics-${ parsed.getNamespaceId() }:${ parsed.getMain() }`;
}

/**
 * Subscribes the current user to new topics on `title`.
 *
 * @param api
 * @param title
 * @return null when subscribed; what went wrong otherwise
 */
export async function subscribeToNewTopics( api: mw.Api, title: string ): Promise<SaveError | null> {
	try {
		await apiResult( api.postWithToken( 'csrf', {
			action: 'discussiontoolssubscribe', page: title, commentname: newTopicsItem( title ), subscribe: true,
			formatversion: 2, ...API_ERROR_FORMAT,
		} ) );
		return null;
	} catch ( error ) {
		return error instanceof SaveFailure ? error.error : describeApiError( 'http' );
	}
}
