/**
 * The bot's store: tables as the code sees them (Kysely types). The store is an index and a
 * ledger that `sync --full` can always rebuild from the wiki, except the notification ledger,
 * which remembers what was posted.
 *
 * Records are kept as JSON text (the core's record shapes) next to the columns queries need.
 * Timestamps are ISO 8601 strings as MediaWiki gives them (`2026-12-02T17:15:00Z`), which sort
 * correctly as text on both SQLite and MariaDB.
 */
import type { Generated } from 'kysely';

/** One row per request page `<base>/Requests/R<n>`. */
export interface RequestsTable {
	number: number;
	page: string;
	/** The revision the record was read from: the latest acceptable one. */
	revid: number;
	updated: string;
	status: string;
	/** JSON of the CapacityRequest. */
	record: string;
	/** JSON array of the page's Feedback entries. */
	feedback: string;
}

export interface CoachesTable {
	/** Normalised username (the page name under `<base>/Coaches/`). */
	user: string;
	page: string;
	revid: number;
	updated: string;
	/** JSON of the CoachProfile. */
	record: string;
	/** The profile's first accepted revision: the user has had a coach profile since then. */
	since: Generated<number>;
}

export interface HubsTable {
	hub_key: string;
	page: string;
	revid: number;
	updated: string;
	/** JSON of the Hub. */
	record: string;
}

/** Every status change the bot accepted: from, to, who, when, in which revision. */
export interface StatusHistoryTable {
	id: Generated<number>;
	request_number: number;
	/** Empty when the request was created with this status. */
	from_status: string;
	to_status: string;
	user: string;
	at: string;
	revid: number;
	/** The revision's edit summary ('' when hidden or empty). */
	comment: Generated<string>;
}

/** Every accepted revision of every hub page: who the hub's contacts were from which revision on. */
export interface HubHistoryTable {
	id: Generated<number>;
	page: string;
	hub_key: string;
	revid: number;
	/** JSON array of the contacts' usernames. */
	contacts: string;
}

/** Every revision of the configuration page (its JSON text), to judge each revision with its own time's admins. */
export interface ConfigHistoryTable {
	revid: number;
	/** Timestamp of the revision. */
	at: string;
	text: string;
}

/** What a person should look at, per page; replaced each time the page is synced. */
export interface ProblemsTable {
	id: Generated<number>;
	page: string;
	revid: number;
	/** `invalid` (a value), `malformed` (the page), `rejected` (a change not allowed), `misnamed`. */
	kind: string;
	/** Message key and its parameters (JSON array), translated when shown. */
	message: string;
	params: string;
	/** The field concerned, or empty for the record as a whole. */
	field: string;
	/** Author of the revision concerned. */
	user: string;
}

/** Small named values: the recent-changes cursor, the configuration in force, the last syncs. */
export interface SyncStateTable {
	name: string;
	value: string;
}

/**
 * The notification ledger (migration 3, bot/notify): one row per notice, identified by the key its
 * post carries as a hidden marker and names in its edit summary, so a rerun never posts twice.
 */
export interface NotificationsTable {
	notice_key: string;
	/** A kind of modules/core/notices.ts. */
	kind: string;
	/** The request it is about; 0 for a notice about a coach. */
	request_number: number;
	/** `request` (a section on the request page), `talk` (a user talk page) or `digest` (a noticeboard). */
	channel: string;
	/** The page it goes to. */
	target: string;
	/** JSON array of the usernames it is for (mentioned, or the talk page's owner). */
	recipients: string;
	/** The language it was written in (set when posted). */
	language: Generated<string>;
	/**
	 * `pending`, `posting` (being posted: checked against the wiki before anything else), `sent`,
	 * `skipped`, `failed`.
	 */
	state: string;
	/** JSON `{ key, params }` of why it was skipped or failed; `{}` otherwise. */
	detail: string;
	attempts: Generated<number>;
	/** When the event happened. */
	event_at: string;
	created: string;
	updated: string;
	/** The post's revision, once sent (0 when only found on the page). */
	revid: Generated<number>;
	/** The digest key a noticeboard entry went out in. */
	digest: Generated<string>;
	/** JSON of the event: what the texts are made from. */
	data: string;
}

/** Per request: what the bot last announced, to announce exactly what changed since. */
export interface NotifySnapshotsTable {
	request_number: number;
	revid: number;
	status: string;
	hub: string;
	/** JSON arrays of usernames. */
	offers: string;
	coach: string;
}

/** People's Babel languages (JSON array, best known first), as read on a date. */
export interface NotifyPeopleTable {
	user: string;
	languages: string;
	fetched: string;
}

/** One row per evaluation page `<base>/Evaluation/<quarter>` (migration 4): its accepted entries. */
export interface EvaluationsTable {
	page: string;
	/** The page's quarter, like `2026-Q4`. */
	period: string;
	revid: number;
	updated: string;
	/** JSON array of the page's accepted Evaluation entries. */
	entries: string;
}

export interface Database {
	requests: RequestsTable;
	coaches: CoachesTable;
	hubs: HubsTable;
	evaluations: EvaluationsTable;
	status_history: StatusHistoryTable;
	hub_history: HubHistoryTable;
	config_history: ConfigHistoryTable;
	problems: ProblemsTable;
	sync_state: SyncStateTable;
	notifications: NotificationsTable;
	notify_snapshots: NotifySnapshotsTable;
	notify_people: NotifyPeopleTable;
}
