/**
 * The on-wiki data model (docs/data-model.md): the records people enter, each stored as
 * one template call on a wiki page, and the schema of every template parameter.
 *
 * Records hold exactly what the page says: every scalar is a string and every list a string array,
 * even where the value is invalid ("max_requests = three"), so that nothing a person wrote is lost
 * between reading a page and showing it in a form. Validation (validation.ts) says what is wrong.
 */
import type { MessageKey } from './messages';

export const STATUSES = [
	'open', 'triaged', 'matched', 'in-progress', 'completed', 'declined', 'withdrawn', 'on-hold',
] as const;
export type Status = typeof STATUSES[ number ];

/** Statuses a request never leaves (except by an admin reopening it). */
export const FINAL_STATUSES: readonly Status[] = [ 'completed', 'declined', 'withdrawn' ];

/** Statuses in which a request is still looking for a coach (suggestions and offers make sense). */
export const SEEKING_COACH_STATUSES: readonly string[] = [ 'open', 'triaged' ];

export const STATUS_MESSAGES: Record<Status, MessageKey> = {
	open: 'capacitybuilding-status-open',
	triaged: 'capacitybuilding-status-triaged',
	matched: 'capacitybuilding-status-matched',
	'in-progress': 'capacitybuilding-status-in-progress',
	completed: 'capacitybuilding-status-completed',
	declined: 'capacitybuilding-status-declined',
	withdrawn: 'capacitybuilding-status-withdrawn',
	'on-hold': 'capacitybuilding-status-on-hold',
};

/**
 * Why a request is on hold, as a fixed code (never free text, so nothing private can slip into it).
 * `paused` is what organisers use while something is handled privately, and for any other reason
 * they do not give in public: its label says only that the organisers paused the request, so using
 * it reveals nothing.
 */
export const HOLD_REASONS = [ 'paused', 'requester-asked', 'waiting-for-coach' ] as const;
export type HoldReason = typeof HOLD_REASONS[ number ];

export const HOLD_REASON_MESSAGES: Record<HoldReason, MessageKey> = {
	paused: 'capacitybuilding-hold-reason-paused',
	'requester-asked': 'capacitybuilding-hold-reason-requester-asked',
	'waiting-for-coach': 'capacitybuilding-hold-reason-waiting-for-coach',
};

/** The Wikimedia regions. */
export const REGIONS = [ 'SSA', 'MENA', 'SA', 'ESEAP', 'CEECA', 'NWE', 'LAC', 'NA' ] as const;
export type Region = typeof REGIONS[ number ];

export const REGION_MESSAGES: Record<Region, MessageKey> = {
	SSA: 'capacitybuilding-region-ssa',
	MENA: 'capacitybuilding-region-mena',
	SA: 'capacitybuilding-region-sa',
	ESEAP: 'capacitybuilding-region-eseap',
	CEECA: 'capacitybuilding-region-ceeca',
	NWE: 'capacitybuilding-region-nwe',
	LAC: 'capacitybuilding-region-lac',
	NA: 'capacitybuilding-region-na',
};

export const FORMATS = [ 'workshop', 'coaching', 'mentoring', 'documentation', 'peer-exchange', 'facilitation' ] as const;
export type Format = typeof FORMATS[ number ];

export const FORMAT_MESSAGES: Record<Format, MessageKey> = {
	workshop: 'capacitybuilding-format-workshop',
	coaching: 'capacitybuilding-format-coaching',
	mentoring: 'capacitybuilding-format-mentoring',
	documentation: 'capacitybuilding-format-documentation',
	'peer-exchange': 'capacitybuilding-format-peer-exchange',
	facilitation: 'capacitybuilding-format-facilitation',
};

/**
 * The language code a request lists to say that any language will do (ISO 639 "mul", multiple
 * languages): matching then does not require a shared language. Only requests may list it.
 */
export const ANY_LANGUAGE = 'mul';

export const REQUESTER_TYPES = [ 'individual', 'group', 'organisation' ] as const;
export type RequesterType = typeof REQUESTER_TYPES[ number ];

export const REQUESTER_TYPE_MESSAGES: Record<RequesterType, MessageKey> = {
	individual: 'capacitybuilding-requester-type-individual',
	group: 'capacitybuilding-requester-type-group',
	organisation: 'capacitybuilding-requester-type-organisation',
};

export const AVAILABILITIES = [ 'available', 'limited', 'away' ] as const;
export type Availability = typeof AVAILABILITIES[ number ];

export const AVAILABILITY_MESSAGES: Record<Availability, MessageKey> = {
	available: 'capacitybuilding-availability-available',
	limited: 'capacitybuilding-availability-limited',
	away: 'capacitybuilding-availability-away',
};

export const CONTACT_METHODS = [ 'talk', 'email' ] as const;
export type ContactMethod = typeof CONTACT_METHODS[ number ];

export const CONTACT_METHOD_MESSAGES: Record<ContactMethod, MessageKey> = {
	talk: 'capacitybuilding-contact-talk',
	email: 'capacitybuilding-contact-email',
};

export const HUB_KINDS = [ 'regional', 'thematic' ] as const;
export type HubKind = typeof HUB_KINDS[ number ];

export const HUB_KIND_MESSAGES: Record<HubKind, MessageKey> = {
	regional: 'capacitybuilding-hub-kind-regional',
	thematic: 'capacitybuilding-hub-kind-thematic',
};

export const FEEDBACK_ROLES = [ 'requester', 'coach', 'hub-contact', 'participant', 'other' ] as const;
export type FeedbackRole = typeof FEEDBACK_ROLES[ number ];

export const FEEDBACK_ROLE_MESSAGES: Record<FeedbackRole, MessageKey> = {
	requester: 'capacitybuilding-feedback-role-requester',
	coach: 'capacitybuilding-feedback-role-coach',
	'hub-contact': 'capacitybuilding-feedback-role-hub-contact',
	participant: 'capacitybuilding-feedback-role-participant',
	other: 'capacitybuilding-feedback-role-other',
};

export const FEEDBACK_OUTCOMES = [ 'achieved', 'partly', 'not-achieved', 'too-early' ] as const;
export type FeedbackOutcome = typeof FEEDBACK_OUTCOMES[ number ];

export const FEEDBACK_OUTCOME_MESSAGES: Record<FeedbackOutcome, MessageKey> = {
	achieved: 'capacitybuilding-feedback-outcome-achieved',
	partly: 'capacitybuilding-feedback-outcome-partly',
	'not-achieved': 'capacitybuilding-feedback-outcome-not-achieved',
	'too-early': 'capacitybuilding-feedback-outcome-too-early',
};

/**
 * When a feedback entry was given: at completion, or as the follow-up about three months later
 * ("did you use what you learned?"), which is answered with the same form.
 */
export const FEEDBACK_STAGES = [ 'completion', 'follow-up' ] as const;
export type FeedbackStage = typeof FEEDBACK_STAGES[ number ];

export const FEEDBACK_STAGE_MESSAGES: Record<FeedbackStage, MessageKey> = {
	completion: 'capacitybuilding-feedback-stage-completion',
	'follow-up': 'capacitybuilding-feedback-stage-follow-up',
};

/** The follow-up's answer: whether the requester used what they learned. */
export const FEEDBACK_USED = [ 'yes', 'partly', 'no' ] as const;
export type FeedbackUsed = typeof FEEDBACK_USED[ number ];

export const FEEDBACK_USED_MESSAGES: Record<FeedbackUsed, MessageKey> = {
	yes: 'capacitybuilding-feedback-used-yes',
	partly: 'capacitybuilding-feedback-used-partly',
	no: 'capacitybuilding-feedback-used-no',
};

/** A request for support (`{{Capacity request}}` on `<base>/Requests/R<n>`). */
export interface CapacityRequest {
	title: string;
	requester: string;
	requesterType: string;
	organisation: string;
	region: string;
	/** Hub key (the page name under `<base>/Hubs/`); when empty, the bot publishes candidate hubs (routing.ts). */
	hub: string;
	/** Topic keys from the taxonomy. */
	topics: string[];
	formats: string[];
	/** Language codes. */
	languages: string[];
	/**
	 * "Language for updates": the language the bot writes its notices about this request in
	 * (a language code; empty for requests made before the field existed).
	 */
	lang: string;
	/** ISO date, optional. */
	neededBy: string;
	description: string;
	status: string;
	/**
	 * Why the request is on hold (a HOLD_REASONS code); empty in any other status. Read pages always
	 * carry it (the codec fills every field); a record a store kept from before the field existed may
	 * lack it, which the code reading it treats as empty.
	 */
	holdReason: string;
	/** Assigned coach(es). */
	coach: string[];
	/** Coaches who offered help. */
	offers: string[];
	/** ISO timestamp of creation. */
	created: string;
}

/** A coach's profile (`{{Capacity coach}}` on `<base>/Coaches/<Username>`). */
export interface CoachProfile {
	user: string;
	topics: string[];
	languages: string[];
	regions: string[];
	formats: string[];
	availability: string;
	/** ISO date until which an "away" coach is away, optional. */
	awayUntil: string;
	/** Maximum number of requests at once, a whole number. */
	maxRequests: string;
	bio: string;
	contact: string;
	/** Hub keys. */
	hubs: string[];
}

/** A hub (`{{Capacity hub}}` on `<base>/Hubs/<Name>`). */
export interface Hub {
	name: string;
	kind: string;
	regions: string[];
	topics: string[];
	languages: string[];
	/** Usernames of the hub's contacts. */
	contacts: string[];
	/** Page where new requests are announced. */
	noticeboard: string;
}

/** One feedback entry (`{{Capacity feedback}}`, appended on a request page). */
export interface Feedback {
	user: string;
	role: string;
	/** 1 to 5, optional. */
	rating: string;
	outcome: string;
	/** Confidence in the subject before and after the support, 1 to 5, optional. */
	confidenceBefore: string;
	confidenceAfter: string;
	/** `completion` (also when empty) or `follow-up`. */
	stage: string;
	/** Follow-ups: whether what was learned was used (FEEDBACK_USED), optional. */
	used: string;
	comment: string;
	/** A short public "what we learned" note, listed on `<base>/Learning`; optional. */
	learned: string;
	created: string;
}

/**
 * One independent evaluation entry (`{{Capacity evaluation}}`, on `<base>/Evaluation/<period>`):
 * the third party's assessment of a quarter, of one hub or (hub empty) of the whole programme.
 * Only a person listed in `config.evaluators` may write one, in their own name (permissions.ts).
 */
export interface Evaluation {
	/** The quarter assessed (`2026-Q4`); it must be the quarter of the page the entry is on. */
	period: string;
	/** Hub key; empty for the whole programme. */
	hub: string;
	evaluator: string;
	assessment: string;
	findings: string;
	recommendations: string;
	created: string;
}

/** How a field is validated, encoded and offered in forms. */
export type FieldKind =
	| 'text' | 'multiline' | 'enum' | 'enumList' | 'topicList' | 'language' | 'languageList'
	| 'user' | 'userList' | 'date' | 'timestamp' | 'integer' | 'hub' | 'hubList' | 'page';

export const LIST_KINDS: readonly FieldKind[] = [ 'enumList', 'topicList', 'languageList', 'userList', 'hubList' ];

export interface FieldSpec<R> {
	/** Property of the record. */
	key: keyof R & string;
	/** Template parameter name (snake_case, as editors type it). */
	param: string;
	kind: FieldKind;
	required: boolean;
	/** Length limits in characters (code points) for text, number of items for lists. */
	min?: number;
	max?: number;
	/** Allowed values for enum and enumList fields. */
	values?: readonly string[];
	/** Label shown in forms, in TemplateData and on the review page. */
	label: MessageKey;
	/** Short help shown under the field and in TemplateData. */
	help: MessageKey;
}

export interface RecordSchema<R> {
	/** Template name, as it appears in `{{…}}`. */
	template: string;
	/** Fields in the order they are written to the page. */
	fields: FieldSpec<R>[];
}

export const REQUEST_SCHEMA: RecordSchema<CapacityRequest> = {
	template: 'Capacity request',
	fields: [
		{ key: 'title', param: 'title', kind: 'text', required: true, min: 5, max: 120, label: 'capacitybuilding-request-field-title', help: 'capacitybuilding-request-help-title' },
		{ key: 'requester', param: 'requester', kind: 'user', required: true, label: 'capacitybuilding-request-field-requester', help: 'capacitybuilding-request-help-requester' },
		{ key: 'requesterType', param: 'requester_type', kind: 'enum', required: true, values: REQUESTER_TYPES, label: 'capacitybuilding-request-field-requester-type', help: 'capacitybuilding-request-help-requester-type' },
		{ key: 'organisation', param: 'organisation', kind: 'text', required: false, max: 200, label: 'capacitybuilding-request-field-organisation', help: 'capacitybuilding-request-help-organisation' },
		{ key: 'region', param: 'region', kind: 'enum', required: true, values: REGIONS, label: 'capacitybuilding-request-field-region', help: 'capacitybuilding-request-help-region' },
		{ key: 'hub', param: 'hub', kind: 'hub', required: false, label: 'capacitybuilding-request-field-hub', help: 'capacitybuilding-request-help-hub' },
		{ key: 'topics', param: 'topics', kind: 'topicList', required: true, min: 1, max: 10, label: 'capacitybuilding-request-field-topics', help: 'capacitybuilding-request-help-topics' },
		{ key: 'formats', param: 'formats', kind: 'enumList', required: true, min: 1, values: FORMATS, label: 'capacitybuilding-request-field-formats', help: 'capacitybuilding-request-help-formats' },
		{ key: 'languages', param: 'languages', kind: 'languageList', required: true, min: 1, max: 10, label: 'capacitybuilding-request-field-languages', help: 'capacitybuilding-request-help-languages' },
		{ key: 'lang', param: 'lang', kind: 'language', required: false, label: 'capacitybuilding-request-field-lang', help: 'capacitybuilding-request-help-lang' },
		{ key: 'neededBy', param: 'needed_by', kind: 'date', required: false, label: 'capacitybuilding-request-field-needed-by', help: 'capacitybuilding-request-help-needed-by' },
		{ key: 'description', param: 'description', kind: 'multiline', required: true, min: 20, max: 20000, label: 'capacitybuilding-request-field-description', help: 'capacitybuilding-request-help-description' },
		{ key: 'status', param: 'status', kind: 'enum', required: true, values: STATUSES, label: 'capacitybuilding-request-field-status', help: 'capacitybuilding-request-help-status' },
		{ key: 'holdReason', param: 'hold_reason', kind: 'enum', required: false, values: HOLD_REASONS, label: 'capacitybuilding-request-field-hold-reason', help: 'capacitybuilding-request-help-hold-reason' },
		{ key: 'coach', param: 'coach', kind: 'userList', required: false, max: 5, label: 'capacitybuilding-request-field-coach', help: 'capacitybuilding-request-help-coach' },
		{ key: 'offers', param: 'offers', kind: 'userList', required: false, max: 50, label: 'capacitybuilding-request-field-offers', help: 'capacitybuilding-request-help-offers' },
		{ key: 'created', param: 'created', kind: 'timestamp', required: true, label: 'capacitybuilding-request-field-created', help: 'capacitybuilding-request-help-created' },
	],
};

export const COACH_SCHEMA: RecordSchema<CoachProfile> = {
	template: 'Capacity coach',
	fields: [
		{ key: 'user', param: 'user', kind: 'user', required: true, label: 'capacitybuilding-coach-field-user', help: 'capacitybuilding-coach-help-user' },
		{ key: 'topics', param: 'topics', kind: 'topicList', required: true, min: 1, max: 20, label: 'capacitybuilding-coach-field-topics', help: 'capacitybuilding-coach-help-topics' },
		{ key: 'languages', param: 'languages', kind: 'languageList', required: true, min: 1, max: 20, label: 'capacitybuilding-coach-field-languages', help: 'capacitybuilding-coach-help-languages' },
		{ key: 'regions', param: 'regions', kind: 'enumList', required: false, values: REGIONS, label: 'capacitybuilding-coach-field-regions', help: 'capacitybuilding-coach-help-regions' },
		{ key: 'formats', param: 'formats', kind: 'enumList', required: true, min: 1, values: FORMATS, label: 'capacitybuilding-coach-field-formats', help: 'capacitybuilding-coach-help-formats' },
		{ key: 'availability', param: 'availability', kind: 'enum', required: true, values: AVAILABILITIES, label: 'capacitybuilding-coach-field-availability', help: 'capacitybuilding-coach-help-availability' },
		{ key: 'awayUntil', param: 'away_until', kind: 'date', required: false, label: 'capacitybuilding-coach-field-away-until', help: 'capacitybuilding-coach-help-away-until' },
		{ key: 'maxRequests', param: 'max_requests', kind: 'integer', required: true, min: 1, max: 20, label: 'capacitybuilding-coach-field-max-requests', help: 'capacitybuilding-coach-help-max-requests' },
		{ key: 'bio', param: 'bio', kind: 'multiline', required: false, max: 5000, label: 'capacitybuilding-coach-field-bio', help: 'capacitybuilding-coach-help-bio' },
		{ key: 'contact', param: 'contact', kind: 'enum', required: true, values: CONTACT_METHODS, label: 'capacitybuilding-coach-field-contact', help: 'capacitybuilding-coach-help-contact' },
		{ key: 'hubs', param: 'hubs', kind: 'hubList', required: false, max: 10, label: 'capacitybuilding-coach-field-hubs', help: 'capacitybuilding-coach-help-hubs' },
	],
};

export const HUB_SCHEMA: RecordSchema<Hub> = {
	template: 'Capacity hub',
	fields: [
		{ key: 'name', param: 'name', kind: 'text', required: true, min: 2, max: 100, label: 'capacitybuilding-hub-field-name', help: 'capacitybuilding-hub-help-name' },
		{ key: 'kind', param: 'kind', kind: 'enum', required: true, values: HUB_KINDS, label: 'capacitybuilding-hub-field-kind', help: 'capacitybuilding-hub-help-kind' },
		{ key: 'regions', param: 'regions', kind: 'enumList', required: false, values: REGIONS, label: 'capacitybuilding-hub-field-regions', help: 'capacitybuilding-hub-help-regions' },
		{ key: 'topics', param: 'topics', kind: 'topicList', required: false, max: 50, label: 'capacitybuilding-hub-field-topics', help: 'capacitybuilding-hub-help-topics' },
		{ key: 'languages', param: 'languages', kind: 'languageList', required: false, max: 50, label: 'capacitybuilding-hub-field-languages', help: 'capacitybuilding-hub-help-languages' },
		{ key: 'contacts', param: 'contacts', kind: 'userList', required: true, min: 1, max: 20, label: 'capacitybuilding-hub-field-contacts', help: 'capacitybuilding-hub-help-contacts' },
		{ key: 'noticeboard', param: 'noticeboard', kind: 'page', required: false, label: 'capacitybuilding-hub-field-noticeboard', help: 'capacitybuilding-hub-help-noticeboard' },
	],
};

export const FEEDBACK_SCHEMA: RecordSchema<Feedback> = {
	template: 'Capacity feedback',
	fields: [
		{ key: 'user', param: 'user', kind: 'user', required: true, label: 'capacitybuilding-feedback-field-user', help: 'capacitybuilding-feedback-help-user' },
		{ key: 'role', param: 'role', kind: 'enum', required: true, values: FEEDBACK_ROLES, label: 'capacitybuilding-feedback-field-role', help: 'capacitybuilding-feedback-help-role' },
		{ key: 'rating', param: 'rating', kind: 'integer', required: false, min: 1, max: 5, label: 'capacitybuilding-feedback-field-rating', help: 'capacitybuilding-feedback-help-rating' },
		{ key: 'outcome', param: 'outcome', kind: 'enum', required: false, values: FEEDBACK_OUTCOMES, label: 'capacitybuilding-feedback-field-outcome', help: 'capacitybuilding-feedback-help-outcome' },
		{ key: 'confidenceBefore', param: 'confidence_before', kind: 'integer', required: false, min: 1, max: 5, label: 'capacitybuilding-feedback-field-confidence-before', help: 'capacitybuilding-feedback-help-confidence-before' },
		{ key: 'confidenceAfter', param: 'confidence_after', kind: 'integer', required: false, min: 1, max: 5, label: 'capacitybuilding-feedback-field-confidence-after', help: 'capacitybuilding-feedback-help-confidence-after' },
		{ key: 'stage', param: 'stage', kind: 'enum', required: false, values: FEEDBACK_STAGES, label: 'capacitybuilding-feedback-field-stage', help: 'capacitybuilding-feedback-help-stage' },
		{ key: 'used', param: 'used', kind: 'enum', required: false, values: FEEDBACK_USED, label: 'capacitybuilding-feedback-field-used', help: 'capacitybuilding-feedback-help-used' },
		{ key: 'comment', param: 'comment', kind: 'multiline', required: true, min: 1, max: 5000, label: 'capacitybuilding-feedback-field-comment', help: 'capacitybuilding-feedback-help-comment' },
		{ key: 'learned', param: 'learned', kind: 'multiline', required: false, max: 1000, label: 'capacitybuilding-feedback-field-learned', help: 'capacitybuilding-feedback-help-learned' },
		{ key: 'created', param: 'created', kind: 'timestamp', required: true, label: 'capacitybuilding-feedback-field-created', help: 'capacitybuilding-feedback-help-created' },
	],
};

export const EVALUATION_SCHEMA: RecordSchema<Evaluation> = {
	template: 'Capacity evaluation',
	fields: [
		{ key: 'period', param: 'period', kind: 'text', required: true, min: 7, max: 7, label: 'capacitybuilding-evaluation-field-period', help: 'capacitybuilding-evaluation-help-period' },
		{ key: 'hub', param: 'hub', kind: 'hub', required: false, label: 'capacitybuilding-evaluation-field-hub', help: 'capacitybuilding-evaluation-help-hub' },
		{ key: 'evaluator', param: 'evaluator', kind: 'user', required: true, label: 'capacitybuilding-evaluation-field-evaluator', help: 'capacitybuilding-evaluation-help-evaluator' },
		{ key: 'assessment', param: 'assessment', kind: 'multiline', required: true, min: 1, max: 10000, label: 'capacitybuilding-evaluation-field-assessment', help: 'capacitybuilding-evaluation-help-assessment' },
		{ key: 'findings', param: 'findings', kind: 'multiline', required: false, max: 10000, label: 'capacitybuilding-evaluation-field-findings', help: 'capacitybuilding-evaluation-help-findings' },
		{ key: 'recommendations', param: 'recommendations', kind: 'multiline', required: false, max: 10000, label: 'capacitybuilding-evaluation-field-recommendations', help: 'capacitybuilding-evaluation-help-recommendations' },
		{ key: 'created', param: 'created', kind: 'timestamp', required: true, label: 'capacitybuilding-evaluation-field-created', help: 'capacitybuilding-evaluation-help-created' },
	],
};

/**
 * The label message of a feedback question counted in the figures (a FEEDBACK_SCHEMA field key such
 * as `confidenceBefore`), or null for a key the form does not have.
 */
export function feedbackQuestionLabel( question: string ): MessageKey | null {
	return FEEDBACK_SCHEMA.fields.find( ( field ) => field.key === question )?.label ?? null;
}

/** A record with every field empty, in the shape the schema describes. */
export function emptyRecord<R>( schema: RecordSchema<R> ): R {
	const record: Record<string, string | string[]> = {};
	for ( const field of schema.fields ) {
		record[ field.key ] = LIST_KINDS.includes( field.kind ) ? [] : '';
	}
	return record as R;
}

export function isOneOf<T extends string>( values: readonly T[], value: string ): value is T {
	return ( values as readonly string[] ).includes( value );
}

/**
 * The profile a coach starts from when creating theirs: their name, available, reached on their
 * talk page (the choices every account can make); everything else is theirs to fill in.
 */
export function newCoachProfile( user: string ): CoachProfile {
	return { ...emptyRecord( COACH_SCHEMA ), user, availability: 'available', contact: 'talk' };
}
