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
 * Notifications the bot will post (status updates, to come): one row per notice, identified by the
 * hidden marker it carries on the wiki, so a rerun never posts twice.
 */
export interface NotificationsTable {
	id: Generated<number>;
	marker: string;
	request_number: number;
	kind: string;
	/** Page the notice goes to. */
	target: string;
	/** Revision that caused it. */
	revid: number;
	/** `pending`, `posted` or `skipped`. */
	state: string;
	created: string;
	/** When it was posted (or skipped); empty until then. */
	done: string;
}

export interface Database {
	requests: RequestsTable;
	coaches: CoachesTable;
	hubs: HubsTable;
	status_history: StatusHistoryTable;
	hub_history: HubHistoryTable;
	config_history: ConfigHistoryTable;
	problems: ProblemsTable;
	sync_state: SyncStateTable;
	notifications: NotificationsTable;
}
