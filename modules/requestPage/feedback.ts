/**
 * The feedback form's data and save: one `{{Capacity feedback}}` entry signed to its author and
 * appended to the request page, or their own entry edited in place. Saved like the page's actions
 * (actions.ts): written over the page's latest revision with that revision as the base, checked to
 * read back exactly as typed, judged as the bot will judge it (core checkFeedbackChange, through
 * saveCheck) before it is sent; after an edit conflict the page is read and judged again and the
 * entry written over it again.
 */
import { followUpDue } from '../core/history';
import { FEEDBACK_SCHEMA, type Feedback, type FeedbackRole } from '../core/model';
import { feedbackRoleFor } from '../core/permissions';
import { sameUser } from '../core/identifiers';
import { appendRecord, parseAll, serialize } from '../core/wikitext/codec';
import { SaveFailure, type SaveError } from '../shared/apiErrors';
import { editablePage, saveCheck } from '../shared/judgedRecords';
import { checkRoundTrip, isCode, sendEdit } from '../shared/recordSave';
import { loadRequestState, type RequestContext, type RequestState } from './data';

export type FeedbackStage = 'completion' | 'follow-up';

/** What the form asks (each an answer as the template stores it, '' for none). */
export type FeedbackAnswers = Pick<Feedback,
	'rating' | 'outcome' | 'confidenceBefore' | 'confidenceAfter' | 'used' | 'comment' | 'learned'>;

export const EMPTY_ANSWERS: FeedbackAnswers = {
	rating: '', outcome: '', confidenceBefore: '', confidenceAfter: '', used: '', comment: '', learned: '',
};

/** The longest "what we learned" note (validation allows as much). */
export const LEARNED_LENGTH = 1000;

/** What the form offers `user` on a request: their role and the stage, or null (no form). */
export interface FeedbackOffer {
	role: FeedbackRole;
	stage: FeedbackStage;
	/** Their accepted entry of that stage, edited in place; null: a new entry. */
	own: Feedback | null;
}

/** The request's accepted feedback entries. */
export function acceptedFeedback( state: RequestState ): Feedback[] {
	const content = state.judged.record?.content;
	return content?.kind === 'request' ? content.feedback : [];
}

/**
 * The form for `user`: the requester and the assigned coach of a completed request; the requester
 * answers the follow-up once it is due (the follow-up period after the accepted completion).
 */
export function feedbackOffer(
	state: RequestState, user: string, context: RequestContext, today: Date,
): FeedbackOffer | null {
	const role = feedbackRoleFor( state.record, user, context.permissions );
	if ( role === null ) {
		return null;
	}
	const changes = state.history.changes.map( ( change ) => ( { to: change.to, at: change.timestamp } ) );
	const due = followUpDue( changes, context.config.notifications.followUpDays );
	const stage: FeedbackStage = role === 'requester' && due !== null && Date.parse( due ) <= today.getTime() ?
		'follow-up' : 'completion';
	const own = acceptedFeedback( state ).filter( ( entry ) => sameUser( entry.user, user ) &&
		( entry.stage === 'follow-up' ) === ( stage === 'follow-up' ) );
	return { role, stage, own: own[ own.length - 1 ] ?? null };
}

/** The page text with `entry` in place of the entry keyed like `previous`, or appended. */
export function withEntry( text: string, entry: Feedback, previous: Feedback | null ): string {
	const calls = previous ? parseAll( text, FEEDBACK_SCHEMA ) : [];
	const call = calls.find( ( c ) => previous !== null && sameUser( c.record.user, previous.user ) &&
		c.record.created === previous.created );
	if ( !call ) {
		return appendRecord( text, FEEDBACK_SCHEMA, entry );
	}
	return text.slice( 0, call.start ) + serialize( FEEDBACK_SCHEMA, entry, call.extras ) + text.slice( call.end );
}

/**
 * The text of `entry`'s own template call in `text` (found by author and creation time), or ''.
 * The save checks the round trip on this call: the page's first call is someone else's entry
 * once the requester and the coach have both left feedback.
 */
export function entryText( text: string, entry: Feedback ): string {
	const call = parseAll( text, FEEDBACK_SCHEMA ).find( ( c ) => sameUser( c.record.user, entry.user ) &&
		c.record.created === entry.created );
	return call ? text.slice( call.start, call.end ) : '';
}

function now(): string {
	return new Date().toISOString().replace( /\.\d{3}Z$/, 'Z' );
}

export type FeedbackOutcome =
	| { kind: 'saved'; state: RequestState }
	| { kind: 'failed'; error: SaveError };

/**
 * Saves `answers` as `user`'s entry (a new one, or their own one edited in place).
 *
 * @param api
 * @param state The request as the user saw it
 * @param offer What the form offered (feedbackOffer)
 * @param answers What they answered
 * @param user
 * @param context
 * @param captcha The answer to the captcha of the previous attempt
 * @param captcha.id
 * @param captcha.word
 */
export async function saveFeedback( api: mw.Api, state: RequestState, offer: FeedbackOffer, answers: FeedbackAnswers,
	user: string, context: RequestContext, captcha?: { id: string; word: string } ): Promise<FeedbackOutcome> {
	const entry: Feedback = {
		...answers, used: offer.stage === 'follow-up' ? answers.used : '',
		user: offer.own?.user ?? user, role: offer.own?.role ?? offer.role,
		stage: offer.stage === 'follow-up' ? 'follow-up' : '', created: offer.own?.created ?? now(),
	};
	const summary = mw.message( offer.own ?
		'capacitybuilding-feedback-summary-edit' : 'capacitybuilding-feedback-summary-add' ).text();
	let current = state;
	try {
		for ( let attempt = 1; ; attempt++ ) {
			const page = editablePage( current.judged );
			const text = withEntry( page.text, entry, offer.own );
			checkRoundTrip( FEEDBACK_SCHEMA, entry, entryText( text, entry ) );
			saveCheck( current.judged, user, current.judged.input.context )( text );
			try {
				const save = { api, summary, changeTag: context.config.changeTag, ...( captcha ? { captcha } : {} ) };
				await sendEdit( save, {
					title: page.title, text, nocreate: true, baserevid: page.revid,
					...( page.startTimestamp ? { starttimestamp: page.startTimestamp } : {} ),
				} );
				break;
			} catch ( error: unknown ) {
				if ( !isCode( error, 'editconflict' ) || attempt >= 3 ) {
					throw error;
				}
				current = await loadRequestState( api, state.title, context, Promise.resolve( state.entry ) );
			}
		}
		return { kind: 'saved', state: await loadRequestState( api, state.title, context, Promise.resolve( state.entry ) ) };
	} catch ( error: unknown ) {
		if ( error instanceof SaveFailure ) {
			return { kind: 'failed', error: error.error };
		}
		throw error;
	}
}
