/**
 * The actions of a request page as edits: each one changes the request's record with the core's
 * applyAction and saves it with the shared save layer (only the template block, on the revision
 * the user saw). When another edit landed meanwhile, the action is re-applied if the user may still
 * take it; otherwise the user learns what changed.
 */
import { REQUEST_SCHEMA, STATUS_MESSAGES, isOneOf, STATUSES, type CapacityRequest } from '../core/model';
import type { MessageKey } from '../core/messages';
import { applyAction, availableActions, type RequestAction } from '../core/permissions';
import { SaveFailure, type SaveError } from '../shared/apiErrors';
import { editablePage, saveCheck } from '../shared/judgedRecords';
import { editRecordPage } from '../shared/recordSave';
import { subscribeToNewTopics } from '../shared/subscriptions';
import { loadRequestState, type RequestContext, type RequestState } from './data';

export const ACTION_LABELS: Record<RequestAction[ 'type' ], MessageKey> = {
	offer: 'capacitybuilding-requestpage-action-offer',
	'retract-offer': 'capacitybuilding-requestpage-action-retract-offer',
	accept: 'capacitybuilding-requestpage-action-accept',
	start: 'capacitybuilding-requestpage-action-start',
	complete: 'capacitybuilding-requestpage-action-complete',
	withdraw: 'capacitybuilding-requestpage-action-withdraw',
	hold: 'capacitybuilding-requestpage-action-hold',
	reopen: 'capacitybuilding-requestpage-action-reopen',
	triage: 'capacitybuilding-requestpage-action-triage',
	decline: 'capacitybuilding-requestpage-action-decline',
};

/** Edit summaries, in the language of the user making the edit. */
const SUMMARIES: Record<RequestAction[ 'type' ], MessageKey> = {
	offer: 'capacitybuilding-requestpage-summary-offer',
	'retract-offer': 'capacitybuilding-requestpage-summary-retract-offer',
	accept: 'capacitybuilding-requestpage-summary-accept',
	start: 'capacitybuilding-requestpage-summary-start',
	complete: 'capacitybuilding-requestpage-summary-complete',
	withdraw: 'capacitybuilding-requestpage-summary-withdraw',
	hold: 'capacitybuilding-requestpage-summary-hold',
	reopen: 'capacitybuilding-requestpage-summary-reopen',
	triage: 'capacitybuilding-requestpage-summary-triage',
	decline: 'capacitybuilding-requestpage-summary-decline',
};

/** The parameter an action's label and summary take (the coach accepted, the hub routed to). */
export function actionParameter( action: RequestAction ): string {
	return action.type === 'accept' ? action.coach : action.type === 'triage' ? action.hub : '';
}

/** The actions that end or pause a request: they ask for confirmation and take an optional reason. */
export type ConfirmedAction = 'decline' | 'withdraw' | 'hold';

/** Edit summaries with the reason the user gave ($1). */
const SUMMARIES_WITH_REASON: Record<ConfirmedAction, MessageKey> = {
	decline: 'capacitybuilding-requestpage-summary-decline-reason',
	withdraw: 'capacitybuilding-requestpage-summary-withdraw-reason',
	hold: 'capacitybuilding-requestpage-summary-hold-reason',
};

/** The longest reason taken (an edit summary holds 500 characters; the message needs some of them). */
export const REASON_LENGTH = 300;

/**
 * The edit summary of an action, with the user's reason when they gave one (on one line: an edit
 * summary has no line breaks).
 *
 * @param action
 * @param reason
 */
export function editSummary( action: RequestAction, reason = '' ): string {
	const oneLine = reason.replace( /\s+/g, ' ' ).trim().slice( 0, REASON_LENGTH );
	if ( oneLine && action.type in SUMMARIES_WITH_REASON ) {
		return mw.message( SUMMARIES_WITH_REASON[ action.type as ConfirmedAction ], oneLine ).text();
	}
	return mw.message( SUMMARIES[ action.type ], actionParameter( action ) ).text();
}

/** A status's translated name; an unknown status is shown as written. */
export function statusLabel( status: string ): string {
	return isOneOf( STATUSES, status ) ? mw.message( STATUS_MESSAGES[ status ] ).text() : status;
}

export type ActionOutcome =
	/**
	 * Saved; `reapplied` when it was re-applied on top of someone else's edit; `unsubscribed` when
	 * the user should have been subscribed to the page's new topics and could not be (why).
	 */
	| { kind: 'saved'; state: RequestState; reapplied: boolean; unsubscribed: SaveError | null }
	/** Someone else changed the request so that the action no longer applies. */
	| { kind: 'stale'; state: RequestState }
	/** Not saved; the error says why and what the user can do (retry, captcha, log in). */
	| { kind: 'failed'; error: SaveError };

/** The same action, whatever hold reason was chosen with it (the reason is the user's, not the page's). */
function sameAction( a: RequestAction, b: RequestAction ): boolean {
	const plain = ( action: RequestAction ): string => JSON.stringify( action.type === 'hold' ? { type: 'hold' } : action );
	return plain( a ) === plain( b );
}

/**
 * Takes an action on the request as `user` and saves it: an edit of the template block only. The
 * action is applied to the judged record (the one the page shows), written over the template block
 * of the page's latest revision, with that revision as the base (so nothing saved meanwhile is
 * overwritten unseen), and sent only when the judge accepts the result from `user`
 * (judgedRecords.ts editablePage, saveCheck). So when the latest revision holds a change that was
 * not accepted, the action is taken on the accepted request: the fields that change altered go back
 * to their accepted values (the page says so beforehand), and a result that would carry such a
 * change (one outside the template block, like someone's feedback altered) is refused with the
 * judge's reason. After an edit conflict the page is read and judged again, and the action is
 * re-applied only if the user may still take it on the request as it is then.
 *
 * @param api
 * @param state The request as the user saw it
 * @param action One of availableActions( state.record, user, … )
 * @param user
 * @param context
 * @param captcha The answer to the captcha of the previous attempt
 * @param captcha.id
 * @param captcha.word
 * @param reason Why (declining, withdrawing, putting on hold): goes into the edit summary
 */
export async function performAction(
	api: mw.Api, state: RequestState, action: RequestAction, user: string, context: RequestContext,
	captcha?: { id: string; word: string }, reason = '',
): Promise<ActionOutcome> {
	let attempts = 0;
	let current = state;
	try {
		const outcome = await editRecordPage<CapacityRequest>( {
			api, summary: editSummary( action, reason ), changeTag: context.config.changeTag,
			...( captcha ? { captcha } : {} ),
			schema: REQUEST_SCHEMA,
			page: editablePage( state.judged ),
			transform: ( record ) => {
				attempts++;
				const still = availableActions( record, user, current.judged.input.context, context.hubKeys );
				return still.some( ( candidate ) => sameAction( candidate, action ) ) ?
					applyAction( record, action, user ) : null;
			},
			reload: async () => {
				current = await loadRequestState( api, state.title, context, Promise.resolve( state.entry ) );
				return editablePage( current.judged );
			},
			check: ( text ) => saveCheck( current.judged, user, current.judged.input.context )( text ),
		} );
		const now = await loadRequestState( api, state.title, context, Promise.resolve( state.entry ) );
		if ( outcome.kind === 'conflict' ) {
			return { kind: 'stale', state: now };
		}
		// Offering or accepting makes the user one of the people the request's updates are for: like the
		// requester (the request form), they follow the page's new topics, where the bot posts them.
		const follows = action.type === 'offer' || action.type === 'accept';
		const unsubscribed = follows ? await subscribeToNewTopics( api, state.title ) : null;
		return { kind: 'saved', state: now, reapplied: attempts > 1, unsubscribed };
	} catch ( error: unknown ) {
		if ( error instanceof SaveFailure ) {
			return { kind: 'failed', error: error.error };
		}
		throw error;
	}
}
