/**
 * The actions of a request page as edits: each one changes the request's record with the core's
 * applyAction, rewrites only the template block (replaceRecord keeps every other byte) and saves
 * against the revision the user saw. When another edit landed meanwhile, the page is read again and
 * the action re-applied if the user may still take it; otherwise the user learns what changed.
 */
import { REQUEST_SCHEMA, STATUS_MESSAGES, isOneOf, STATUSES } from '../core/model';
import type { MessageKey } from '../core/messages';
import { applyAction, availableActions, type RequestAction } from '../core/permissions';
import { replaceRecord, roundTripProblems } from '../core/wikitext/codec';
import { saveTemplateEdit } from '../shared/templateEdit';
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

export function editSummary( action: RequestAction ): string {
	return mw.message( SUMMARIES[ action.type ], actionParameter( action ) ).text();
}

/** A status's translated name; an unknown status is shown as written. */
export function statusLabel( status: string ): string {
	return isOneOf( STATUSES, status ) ? mw.message( STATUS_MESSAGES[ status ] ).text() : status;
}

export type ActionOutcome =
	/** Saved; `reapplied` when it was re-applied on top of someone else's edit. */
	| { kind: 'saved'; state: RequestState; reapplied: boolean }
	/** Someone else changed the request so that the action no longer applies. */
	| { kind: 'stale'; state: RequestState }
	/** Not saved: a translated explanation. The state is unchanged. */
	| { kind: 'failed'; message: string };

function sameAction( a: RequestAction, b: RequestAction ): boolean {
	return JSON.stringify( a ) === JSON.stringify( b );
}

/** How many times an action is re-applied after edit conflicts before giving up. */
const MAX_ATTEMPTS = 3;

/**
 * Takes an action on the request as `user` and saves it.
 *
 * @param api
 * @param state The request as the user saw it
 * @param action One of availableActions( state.record, user, … )
 * @param user
 * @param context
 */
export async function performAction(
	api: mw.Api, state: RequestState, action: RequestAction, user: string, context: RequestContext,
): Promise<ActionOutcome> {
	let current = state;
	for ( let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++ ) {
		const next = applyAction( current.record, action, user );
		const problems = roundTripProblems( REQUEST_SCHEMA, next );
		const text = replaceRecord( current.content, REQUEST_SCHEMA, next );
		if ( problems.length > 0 || text === null ) {
			return { kind: 'failed', message: mw.message( 'capacitybuilding-requestpage-error-round-trip' ).text() };
		}
		const result = await saveTemplateEdit( api, {
			title: current.title, text, baseRevid: current.revid, summary: editSummary( action ),
			tags: context.config.changeTag,
		} );
		if ( result.kind === 'failed' ) {
			return result;
		}
		if ( result.kind === 'saved' ) {
			return { kind: 'saved', state: await loadRequestState( api, current.title ), reapplied: attempt > 1 };
		}
		// Edit conflict: read the request again and re-apply if the action still makes sense.
		current = await loadRequestState( api, current.title );
		const still = availableActions( current.record, user, context.permissions, context.hubKeys );
		if ( !still.some( ( candidate ) => sameAction( candidate, action ) ) ) {
			return { kind: 'stale', state: current };
		}
	}
	return { kind: 'failed', message: mw.message( 'capacitybuilding-requestpage-error-busy' ).text() };
}
