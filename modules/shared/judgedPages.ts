/**
 * One judged record page, of any kind (request, coach profile, hub), as its page and its forms show
 * it: the page's entry in the published index (`<base>/Requests.json`, `Coaches.json`, `Hubs.json`:
 * the manifest and the one part that holds it), then the page judged forward from the entry's
 * accepted revision (judgedRecords.ts loadJudgedRecord) with the roles that kind of page needs
 * (roles.ts): a request's revisions with the configuration, the accepted hubs and whether their
 * authors have a coach profile; a coach profile's with the configuration only (only the coach and
 * admins may change it); a hub's with the configuration and the other accepted hubs (a contact of
 * one may create a hub; only a hub's own contacts, which the record says, and admins change it).
 *
 * The request page, the request form in edit mode, the coach profile page, the hub page and their
 * forms use it.
 */
import { classify, type RecordPageKind } from '../core/judge';
import type { EntryOf, IndexKey, IndexName } from '../core/indexes';
import { editablePage, loadJudgedRecord, saveCheck, type JudgedRecord, type JudgingRoles } from './judgedRecords';
import type { LoadedRecordPage } from './recordSave';
import type { PermissionContext } from '../core/permissions';
import type { Roles, SiteRoles } from './roles';
import { IndexPartError, loadIndexEntry } from './siteData';

const INDEX_OF: Record<RecordPageKind[ 'kind' ], IndexName> = { request: 'requests', coach: 'coaches', hub: 'hubs' };

function keyOf( page: RecordPageKind ): IndexKey {
	return page.kind === 'request' ? page.number : page.kind === 'coach' ? page.user : page.key;
}

/** A record page's kind, or null when the title is no record page under the base page. */
export function recordPageKind( base: string, title: string ): RecordPageKind | null {
	const kind = classify( base, title );
	return kind.kind === 'request' || kind.kind === 'coach' || kind.kind === 'hub' ? kind : null;
}

/**
 * A record's entry in its published index; null when the index does not list it, or is missing or
 * unreadable (the page is then judged from its first revision).
 *
 * @param api
 * @param base
 * @param page
 */
export async function loadEntry<K extends RecordPageKind>( api: mw.Api, base: string,
	page: K ): Promise<EntryOf[ IndexName ] | null> {
	try {
		return await loadIndexEntry( api, base, INDEX_OF[ page.kind ], keyOf( page ) );
	} catch ( error ) {
		if ( error instanceof IndexPartError ) {
			return null;
		}
		throw error;
	}
}

/**
 * The roles a kind of record page is judged with (see the file comment), for the authors of the
 * revisions to judge and the reader.
 *
 * @param roles The view's roles loader
 * @param page
 * @param reader The reader ('' when logged out)
 */
export function rolesFor( roles: Roles, page: RecordPageKind,
	reader: string ): ( authors: ReadonlySet<string> ) => Promise<JudgingRoles> {
	if ( page.kind === 'request' ) {
		return async ( authors ) => {
			const [ permissions, site ] = await Promise.all( [
				roles.context( [ ...authors, reader ] ), roles.siteRoles(),
			] );
			return { permissions, validation: { hubs: new Set( site.hubs.keys() ) } };
		};
	}
	if ( page.kind === 'hub' ) {
		return async () => ( { permissions: hubRoles( await roles.siteRoles(), page.key ) } );
	}
	return async () => ( {
		permissions: { config: ( await roles.config() ).config, hubs: new Map(), coaches: new Set() },
	} );
}

/**
 * The roles a hub page is judged with: the configuration and the other accepted hubs (a hub read
 * from its own page, before the bot published any, does not make its own contacts hub contacts).
 */
export function hubRoles( site: SiteRoles, key: string ): PermissionContext {
	const others = [ ...site.hubs ].filter( ( [ k ] ) => k !== key );
	return { config: site.config, hubs: new Map( others ), coaches: new Set() };
}

export interface JudgedPage {
	/** The page's entry in the published index; null when not listed. */
	entry: EntryOf[ IndexName ] | null;
	/** The page judged; null when it does not exist. */
	judged: JudgedRecord | null;
}

/**
 * A record page as the judge has it: its index entry and the page judged from it.
 *
 * @param api
 * @param options
 * @param options.title The record page
 * @param options.page Its kind (recordPageKind)
 * @param options.roles The view's roles loader (of the page's base)
 * @param options.reader The reader ('' when logged out): a request's actions need to know whether they coach
 * @param options.entry The entry, when already being read
 */
export async function loadJudgedPage( api: mw.Api, options: {
	title: string;
	page: RecordPageKind;
	roles: Roles;
	reader: string;
	entry?: Promise<EntryOf[ IndexName ] | null>;
} ): Promise<JudgedPage> {
	const entry = await ( options.entry ?? loadEntry( api, options.roles.base, options.page ) );
	const judged = await loadJudgedRecord( api,
		{ title: options.title, page: options.page, published: entry?.revid ?? null },
		rolesFor( options.roles, options.page, options.reader ) );
	return { entry, judged };
}

/** What an edit form needs to save a judged record page (recordSave.ts editRecordPage's options). */
export interface JudgedEdit<R> {
	/** The judged record on top of the latest revision (judgedRecords.ts editablePage). */
	page: LoadedRecordPage<R>;
	/** Refuses a save the judge would not accept from the reader. */
	check: ( text: string ) => void;
	/** Reads and judges the page again (after an edit conflict). */
	reload: () => Promise<LoadedRecordPage<R> | null>;
	/** The page's newer edits that await checking, and whether there are more than were read. */
	judged: JudgedRecord;
}

/**
 * A record page for an edit form: the judged record to start from and save on top of, so that a
 * form never shows (nor saves again) a change that was not accepted. Null when the page does not exist.
 *
 * @param api
 * @param options As for loadJudgedPage
 * @param options.title
 * @param options.page
 * @param options.roles
 * @param options.reader Who will save
 * @param options.empty The record to start from when no revision of the page is accepted (see editablePage)
 */
export async function loadJudgedEdit<R>( api: mw.Api, options: {
	title: string;
	page: RecordPageKind;
	roles: Roles;
	reader: string;
	empty?: R;
} ): Promise<JudgedEdit<R> | null> {
	let { judged } = await loadJudgedPage( api, options );
	if ( !judged ) {
		return null;
	}
	return {
		page: editablePage<R>( judged, options.empty ),
		judged,
		check: ( text ) => {
			const current = judged as JudgedRecord;
			saveCheck( current, options.reader, current.input.context )( text );
		},
		reload: async () => {
			const again = ( await loadJudgedPage( api, options ) ).judged;
			if ( !again ) {
				return null;
			}
			judged = again;
			return editablePage<R>( again, options.empty );
		},
	};
}
