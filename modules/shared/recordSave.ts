/**
 * Saving records (requests, coach profiles, …) to their wiki pages with the user's own account.
 * Generic over the record kind: the caller passes the schema from modules/core/model.ts.
 *
 * API:
 * - `loadRecordPage( api, title, schema )`: a record page as it is now (record, text, base
 *   revision and start timestamp for a later edit), or null when the page does not exist.
 * - `createRecordPage( options )`: creates `titleFor( n )` create-only, starting at
 *   `firstNumber`; when the number is taken ("articleexists") or cannot be used (its title is
 *   create-protected or blacklisted), reads which numbers above it are free and creatable, and
 *   jumps to one of them chosen at random among the first few (see "Numbering" below).
 *   `numbering( api, titleFor )` reads the first number after the highest existing page, and how
 *   busy numbering is, in one request; `nextNumber` gives only the number.
 * - `createRecordPageAt( options )`: creates one named page (a coach's own profile page)
 *   create-only; when it exists already it throws the "articleexists" `SaveFailure`, for the caller
 *   to load the page and explain (`isCode( error, 'articleexists' )`).
 * - `editRecordPage( options )`: changes only the template block of an existing page (core
 *   `replaceRecord`), with the base revision the user saw. On an edit conflict it reloads the page
 *   and calls the caller's `transform` again with the newer record; a transform that returns null
 *   ("my change no longer applies") ends in `{ kind: 'conflict' }` for the UI to explain.
 *
 * Numbering: many people may submit at the same moment (a workshop where everyone is asked to).
 * Create-only saves guarantee no number is given twice and nothing is overwritten; what matters is
 * the cost. Walking up one number at a time makes the k-th of a burst of n try n - k + 1 times
 * (210 saves for 20). Instead, the first attempt takes the next number (so that a lone request gets
 * no gap), and a save that finds its number taken reads, in one request, which of the next 50
 * numbers are free and creatable by this user (`intestactions=create`), then takes one at random
 * among the first 64 of them (128, then 256 after further losses): the losers of a burst spread
 * out over fresh numbers instead of queueing on the same ones, at about one more save each. When
 * numbering is already busy (r numbers created in the last minute), the first attempt spreads too,
 * over the first 2r + 2 free numbers. Small gaps are the price (a burst of 20 leaves a few dozen
 * numbers unused); a number whose title cannot be created (create-protected, blacklisted) is
 * skipped like a taken one, and only when 200 numbers in a row cannot be created does the save
 * fail, with the wiki's reason.
 *
 * Every save checks the round trip first (serialise → parse → compare, core `roundTripProblems`
 * and a parse of the whole new page), sends the caller's translated summary, adds the configured
 * change tag when the wiki has it active, asserts the user is logged in, and answers a captcha
 * when the caller passes one. Failures are thrown as `SaveFailure` (apiErrors.ts).
 */
import { parsePage, replaceRecord, roundTripProblems, serialize } from '../core/wikitext/codec';
import type { RecordSchema } from '../core/model';
import { normalizeRecord } from '../core/text';
import { API_ERROR_FORMAT, SaveFailure, apiResult, describeEditFailure, type SaveError } from './apiErrors';

export interface SaveContext {
	api: mw.Api;
	/** The edit summary, already translated by the caller. */
	summary: string;
	/** Change tag from the configuration ('' for none); sent only when the wiki has it active. */
	changeTag?: string;
	/** The user's answer to the captcha of the previous attempt. */
	captcha?: { id: string; word: string };
}

export interface LoadedRecordPage<R> {
	title: string;
	/** The page's record; null when the page has no call of the template. */
	record: R | null;
	text: string;
	revid: number;
	/** Timestamp of the revision. */
	timestamp: string;
	/** When the page was read (`starttimestamp`: detects a deletion after reading). */
	startTimestamp: string;
}

export interface SavedPage<R> {
	title: string;
	revid: number;
	record: R;
}

type EditResponse = { edit?: { result?: string; newrevid?: number; title?: string; nochange?: boolean } };

/** Parameters every save sends. */
function saveParams( context: SaveContext, tag: string | null ): Record<string, string | number | boolean> {
	const userLanguage = typeof mw !== 'undefined' ? mw.config.get( 'wgUserLanguage' ) as string | undefined : undefined;
	return {
		action: 'edit',
		formatversion: 2,
		...API_ERROR_FORMAT,
		...( userLanguage ? { uselang: userLanguage } : {} ),
		summary: context.summary,
		assert: 'user',
		...( tag ? { tags: tag } : {} ),
		...( context.captcha ? { captchaid: context.captcha.id, captchaword: context.captcha.word } : {} ),
	};
}

type TagsResponse = { query: { tags: { name: string; active?: boolean }[] }; continue?: { tgcontinue: string } };

const activeTags = new WeakMap<mw.Api, Promise<Set<string>>>();

/**
 * The tag to send: the configured one when the wiki defines it and it is active (an inactive or
 * unknown tag would make the edit fail), otherwise null.
 */
export async function usableChangeTag( api: mw.Api, tag: string | undefined ): Promise<string | null> {
	if ( !tag ) {
		return null;
	}
	let tags = activeTags.get( api );
	if ( !tags ) {
		tags = ( async () => {
			const active = new Set<string>();
			let tgcontinue: string | undefined;
			do {
				const response = await apiResult<TagsResponse>(
					api.get( { action: 'query', list: 'tags', tgprop: 'active', tglimit: 'max', formatversion: 2, ...( tgcontinue ? { tgcontinue } : {} ) } ) );
				response.query.tags.filter( ( t ) => t.active ).forEach( ( t ) => active.add( t.name ) );
				tgcontinue = response.continue?.tgcontinue;
			} while ( tgcontinue );
			return active;
		} )();
		activeTags.set( api, tags );
	}
	return ( await tags ).has( tag ) ? tag : null;
}

function roundTripFailure( field: string ): SaveFailure {
	return new SaveFailure( { code: 'roundtrip', key: 'capacitybuilding-codec-round-trip', params: [ field ], recovery: 'edit' } );
}

/**
 * Refuses to save a page whose record would not read back exactly as the user typed it (in NFC, as
 * MediaWiki stores every text: core normalizeRecord).
 *
 * @param schema
 * @param record
 * @param pageText The whole page as it would be saved
 */
export function checkRoundTrip<R>( schema: RecordSchema<R>, record: R, pageText: string ): void {
	const problem = roundTripProblems( schema, record )[ 0 ];
	if ( problem ) {
		throw roundTripFailure( String( problem.params[ 0 ] ) );
	}
	const back = parsePage( pageText, schema ).parsed?.record;
	if ( !back ) {
		throw roundTripFailure( schema.template );
	}
	const original = normalizeRecord( record ) as Record<string, unknown>;
	const read = back as Record<string, unknown>;
	const wrong = schema.fields.find(
		( field ) => JSON.stringify( original[ field.key ] ) !== JSON.stringify( read[ field.key ] ) );
	if ( wrong ) {
		throw roundTripFailure( wrong.param );
	}
}

type Revision = { revid: number; timestamp: string; slots: { main: { content: string } } };

type RevisionsResponse = {
	curtimestamp?: string;
	query: { pages: { title: string; missing?: boolean; revisions?: Revision[] }[] };
};

export async function loadRecordPage<R>(
	api: mw.Api, title: string, schema: RecordSchema<R>,
): Promise<LoadedRecordPage<R> | null> {
	const response = await apiResult<RevisionsResponse>( api.get( {
		action: 'query', titles: title, prop: 'revisions', rvprop: [ 'ids', 'timestamp', 'content' ], rvslots: 'main',
		curtimestamp: true, formatversion: 2, ...API_ERROR_FORMAT,
	} ) );
	const page = response.query.pages[ 0 ];
	const revision = page?.revisions?.[ 0 ];
	if ( !page || page.missing || !revision ) {
		return null;
	}
	const text = revision.slots.main.content;
	return {
		title: page.title,
		record: parsePage( text, schema ).parsed?.record ?? null,
		text,
		revid: revision.revid,
		timestamp: revision.timestamp,
		startTimestamp: response.curtimestamp ?? '',
	};
}

export async function sendEdit(
	context: SaveContext, params: Record<string, string | number | boolean>,
): Promise<{ revid: number; title: string; nochange: boolean }> {
	const tag = await usableChangeTag( context.api, context.changeTag );
	const request = { ...saveParams( context, tag ), ...params };
	const response = await apiResult<EditResponse>( context.api.postWithEditToken( request ) );
	const edit = response.edit;
	if ( !edit || edit.result !== 'Success' ) {
		throw new SaveFailure( describeEditFailure( edit ) );
	}
	return { revid: edit.newrevid ?? 0, title: edit.title ?? String( params.title ), nochange: !!edit.nochange };
}

/** Whether a save failed with this API error code. */
export function isCode( error: unknown, code: string ): boolean {
	return error instanceof SaveFailure && error.error.code === code;
}

export interface CreateOptions<R> extends SaveContext {
	schema: RecordSchema<R>;
	record: R;
	/** The page title for a number, e.g. `n => requestTitle( base, n )`. */
	titleFor: ( n: number ) => string;
	firstNumber: number;
	/**
	 * How many numbers were created in the last minute (from `numbering`): when some were, the
	 * first attempt already spreads, over 2 free numbers for each of them and 2 more.
	 */
	recentlyCreated?: number;
	/** Wikitext after the template block (a heading for discussion, say); none by default. */
	after?: string;
	/** How many saves to try before giving up. */
	maxAttempts?: number;
	/** Random numbers in [0, 1) (tests pass their own). */
	random?: () => number;
}

/** A new page's text: the template block, then what follows it; its round trip checked. */
function newPageText<R>( options: { schema: RecordSchema<R>; record: R; after?: string } ): string {
	const text = serialize( options.schema, options.record ) + '\n' + ( options.after ?? '' );
	checkRoundTrip( options.schema, options.record, text );
	return text;
}

/**
 * Errors of a create-only save that mean "not this number" rather than "not you" or "not this
 * text": taken, or its title protected against creation (MediaWiki 1.43 answers `protectedpage`
 * for a create-protected title, older versions `protectedtitle`; `cascadeprotected` when a
 * cascading protection covers it), or blacklisted.
 */
const UNUSABLE_NUMBER = [ 'articleexists', 'protectedpage', 'protectedtitle', 'cascadeprotected', 'titleblacklist-forbidden' ];

/** How many numbers one read of free numbers looks at (the API's limit of titles per request). */
const NUMBERS_READ = 50;

/** Among how many free numbers the first retry chooses; each further retry doubles it. */
const FIRST_SPREAD = 64;

type InfoResponse = { query?: { pages?: { title: string; missing?: boolean; actions?: { create?: boolean } }[] } };

/**
 * The numbers from `from` on (50 of them) whose pages do not exist and that this user may create
 * (`intestactions=create`: protection, blacklists and rights), in order, read in one request.
 *
 * @param api
 * @param titleFor
 * @param from
 */
export async function freeNumbers( api: mw.Api, titleFor: ( n: number ) => string, from: number ): Promise<number[]> {
	const numbers = Array.from( { length: NUMBERS_READ }, ( _, i ) => from + i );
	const byTitle = new Map<string, number>();
	numbers.forEach( ( n ) => byTitle.set( titleFor( n ), n ) );
	const response = await apiResult<InfoResponse>( api.get( {
		action: 'query', titles: [ ...byTitle.keys() ], prop: 'info', intestactions: 'create', formatversion: 2, ...API_ERROR_FORMAT,
	} ) );
	const free = new Set<number>();
	for ( const page of response.query?.pages ?? [] ) {
		const n = byTitle.get( page.title ) ?? byTitle.get( page.title.replace( /_/g, ' ' ) );
		if ( n !== undefined && page.missing && page.actions?.create !== false ) {
			free.add( n );
		}
	}
	return numbers.filter( ( n ) => free.has( n ) );
}

/**
 * Creates the record's page at a free number. Two people saving at once never get the same page:
 * the save is create-only; a number taken meanwhile, or one whose title this user cannot create,
 * is left for one of the free numbers above it (see "Numbering" above).
 */
export async function createRecordPage<R>(
	options: CreateOptions<R>,
): Promise<SavedPage<R> & { number: number; attempts: number }> {
	const text = newPageText( options );
	const attempts = options.maxAttempts ?? 8;
	const random = options.random ?? Math.random;
	/** One of the first `spread` free numbers from `from` on, at random; null when 200 numbers have none. */
	const pick = async ( from: number, spread: number ): Promise<number | null> => {
		for ( let start = from; start < from + 4 * NUMBERS_READ; start += NUMBERS_READ ) {
			const free = await freeNumbers( options.api, options.titleFor, start );
			if ( free.length ) {
				return free[ Math.floor( random() * Math.min( spread, free.length ) ) ] as number;
			}
		}
		return null;
	};
	const recent = options.recentlyCreated ?? 0;
	let n: number | null = recent > 0 ? await pick( options.firstNumber, 2 * recent + 2 ) : null;
	n ??= options.firstNumber;
	let lastError: unknown = null;
	for ( let attempt = 1; attempt <= attempts && n !== null; attempt++ ) {
		const title = options.titleFor( n );
		try {
			const saved = await sendEdit( options, { title, text, createonly: true } );
			return { title: saved.title, revid: saved.revid, record: options.record, number: n, attempts: attempt };
		} catch ( error ) {
			if ( !UNUSABLE_NUMBER.some( ( code ) => isCode( error, code ) ) ) {
				throw error;
			}
			lastError = error;
			n = attempt < attempts ? await pick( n + 1, FIRST_SPREAD * 2 ** ( attempt - 1 ) ) : null;
		}
	}
	if ( isCode( lastError, 'articleexists' ) ) {
		const exhausted: SaveError = { code: 'articleexists', key: 'capacitybuilding-save-error-exists', params: [], recovery: 'retry' };
		throw new SaveFailure( exhausted );
	}
	// Nothing this user may create: the last number's reason (create-protected, blacklisted) says why.
	throw lastError;
}

export interface CreateAtOptions<R> extends SaveContext {
	schema: RecordSchema<R>;
	record: R;
	title: string;
	/** Wikitext after the template block; none by default. */
	after?: string;
}

/**
 * Creates the record's page at one given title, create-only: someone who created it meanwhile is
 * never overwritten (the "articleexists" `SaveFailure` is thrown instead).
 */
export async function createRecordPageAt<R>( options: CreateAtOptions<R> ): Promise<SavedPage<R>> {
	const text = newPageText( options );
	const saved = await sendEdit( options, { title: options.title, text, createonly: true } );
	return { title: saved.title, revid: saved.revid, record: options.record };
}

/** Where numbering stands: the number after the highest one taken, and how busy it is. */
export interface NumberingState {
	next: number;
	/** Numbers created in the last minute. */
	recentlyCreated: number;
}

type RecentResponse = { curtimestamp?: string; query?: { recentchanges?: { title: string; timestamp: string }[] } };

/**
 * Where numbering stands, in one request in the usual case: the pages created most recently in the
 * namespace (`list=recentchanges`, new pages, newest first) tell the highest number and how many
 * numbers were created in the last minute. When none of them is a numbered page (no request in the
 * last 500 new pages of the namespace, or in the wiki's recent changes at all), every numbered
 * page is listed instead (`list=allpages`, 500 a request).
 *
 * @param api
 * @param titleFor
 */
export async function numbering( api: mw.Api, titleFor: ( n: number ) => string ): Promise<NumberingState> {
	const probe = titleFor( 1 );
	const info = await apiResult<{ query: { pages: { ns: number; title: string }[] } }>(
		api.get( { action: 'query', titles: probe, formatversion: 2 } ) );
	const page = info.query.pages[ 0 ];
	if ( !page ) {
		return { next: 1, recentlyCreated: 0 };
	}
	const fullPrefix = page.title.slice( 0, -1 );
	const numberOf = ( title: string ): number | null => {
		const rest = title.startsWith( fullPrefix ) ? title.slice( fullPrefix.length ) : '';
		return /^[1-9]\d{0,8}$/.test( rest ) ? Number( rest ) : null;
	};
	const recent = await apiResult<RecentResponse>( api.get( {
		action: 'query', list: 'recentchanges', rcnamespace: page.ns, rctype: 'new', rcprop: [ 'title', 'timestamp' ],
		rclimit: 'max', curtimestamp: true, formatversion: 2,
	} ) );
	const created = ( recent.query?.recentchanges ?? [] )
		.map( ( change ) => ( { n: numberOf( change.title ), at: Date.parse( change.timestamp ) } ) )
		.filter( ( change ): change is { n: number; at: number } => change.n !== null );
	if ( created.length ) {
		const now = recent.curtimestamp ? Date.parse( recent.curtimestamp ) : Date.now();
		return {
			next: Math.max( ...created.map( ( change ) => change.n ) ) + 1,
			recentlyCreated: created.filter( ( change ) => now - change.at < 60_000 ).length,
		};
	}
	return { next: await highestListed( api, page, numberOf ) + 1, recentlyCreated: 0 };
}

/** The highest numbered page, from a listing of every page under the prefix. */
async function highestListed(
	api: mw.Api, page: { ns: number; title: string }, numberOf: ( title: string ) => number | null,
): Promise<number> {
	const withoutNamespace = page.ns === 0 ? page.title : page.title.slice( page.title.indexOf( ':' ) + 1 );
	const prefix = withoutNamespace.slice( 0, -1 );
	let highest = 0;
	let apcontinue: string | undefined;
	do {
		type AllPages = { query: { allpages: { title: string }[] }; continue?: { apcontinue: string } };
		const response = await apiResult<AllPages>( api.get( {
			action: 'query', list: 'allpages', apnamespace: page.ns, apprefix: prefix, aplimit: 'max', formatversion: 2,
			...( apcontinue ? { apcontinue } : {} ),
		} ) );
		for ( const { title } of response.query.allpages ) {
			highest = Math.max( highest, numberOf( title ) ?? 0 );
		}
		apcontinue = response.continue?.apcontinue;
	} while ( apcontinue );
	return highest;
}

/**
 * The number after the highest `titleFor( n )` page that exists (1 when there is none). A hint:
 * `createRecordPage` still moves on when someone takes it first.
 */
export async function nextNumber( api: mw.Api, titleFor: ( n: number ) => string ): Promise<number> {
	return ( await numbering( api, titleFor ) ).next;
}

export interface EditOptions<R> extends SaveContext {
	schema: RecordSchema<R>;
	/**
	 * The page as the user saw it (its revision is the base revision). After an edit conflict the
	 * page is read again and `transform` applied to the newer record.
	 */
	page: LoadedRecordPage<R>;
	/**
	 * The user's change, applied to the record as the page has it now. Returns null when the
	 * change no longer makes sense on that record (someone else changed the same thing).
	 */
	transform: ( current: R ) => R | null;
	/** How many edit conflicts to re-apply through before reporting one. */
	maxAttempts?: number;
	/**
	 * Reads the page again after an edit conflict (default: loadRecordPage, the page as it is). A
	 * view that shows the judged record passes its own, so the change is re-applied to the judged
	 * record again (judgedRecords.ts).
	 */
	reload?: () => Promise<LoadedRecordPage<R> | null>;
	/**
	 * Checks the new page text before it is sent; throws a SaveFailure to refuse it (a view that
	 * judges refuses a save the judge would not accept: judgedRecords.ts judgeSave).
	 */
	check?: ( text: string, record: R, page: LoadedRecordPage<R> ) => void;
}

export type EditOutcome<R> =
	| { kind: 'saved'; page: SavedPage<R> }
	/** The change made no difference; nothing was saved. */
	| { kind: 'unchanged'; page: SavedPage<R> }
	/** `transform` refused the newer record; `current` is what the page holds now. */
	| { kind: 'conflict'; current: LoadedRecordPage<R> };

function missingTemplate( template: string ): SaveFailure {
	return new SaveFailure( { code: 'missingtemplate', key: 'capacitybuilding-save-error-no-template', params: [ template ], recovery: 'none' } );
}

/** Changes only the template block of an existing record page, with base revision checks. */
export async function editRecordPage<R>( options: EditOptions<R> ): Promise<EditOutcome<R>> {
	let page = options.page;
	const attempts = options.maxAttempts ?? 3;
	for ( let attempt = 1; ; attempt++ ) {
		if ( page.record === null ) {
			throw missingTemplate( options.schema.template );
		}
		const record = options.transform( page.record );
		if ( record === null ) {
			return { kind: 'conflict', current: page };
		}
		const text = replaceRecord( page.text, options.schema, record );
		if ( text === null ) {
			throw missingTemplate( options.schema.template );
		}
		if ( text === page.text ) {
			return { kind: 'unchanged', page: { title: page.title, revid: page.revid, record } };
		}
		checkRoundTrip( options.schema, record, text );
		options.check?.( text, record, page );
		try {
			// The base revision only: with `basetimestamp` as well, MediaWiki (1.43) takes a conflicting
			// edit saved within the same second as the base revision for one by the same user and
			// lets this save overwrite it (EditPage's userWasLastToEdit compares timestamps with >).
			const saved = await sendEdit( options, {
				title: page.title, text, nocreate: true,
				baserevid: page.revid,
				...( page.startTimestamp ? { starttimestamp: page.startTimestamp } : {} ),
			} );
			return { kind: 'saved', page: { title: saved.title, revid: saved.revid, record } };
		} catch ( error ) {
			if ( !isCode( error, 'editconflict' ) || attempt >= attempts ) {
				throw error;
			}
			const reloaded = options.reload ? await options.reload() :
				await loadRecordPage( options.api, page.title, options.schema );
			if ( !reloaded ) {
				throw new SaveFailure( { code: 'missingtitle', key: 'capacitybuilding-save-error-missing', params: [], recovery: 'none' } );
			}
			page = reloaded;
		}
	}
}
