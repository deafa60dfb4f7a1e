/**
 * What a notify round reads from the wiki, in as few requests as the API allows: the target pages
 * (text for `{{bots}}`, page language) with the shut-off page among them, 50 titles a request (500
 * with apihighlimits); in the same requests the genders of the people named (`list=users`), what
 * `meta=languageinfo` says of the languages in play, and — after an interruption — the bot's own
 * recent edits (`list=usercontribs`), to find posts already made. Babel (`meta=babel`) takes one
 * user a request, so people's Babel languages are kept in the store for a while.
 */
import type { ApiParams, ApiResponse } from 'mwn';
import type { PageState } from '../edits';
import type { WikiClient } from '../wiki';
import { babelLanguages, type Dir, type LanguageInfo } from './language';

export interface TargetPage extends PageState {
	/** The page's language (its content language, or what the page says it is in). */
	language: string;
}

export interface Contribution {
	revid: number;
	title: string;
	timestamp: string;
	comment: string;
}

export interface RoundReads {
	pages: Map<string, TargetPage>;
	genders: Map<string, string>;
	languages: Map<string, LanguageInfo>;
	contributions: Contribution[];
}

export interface ReadWanted {
	titles: string[];
	users: string[];
	languages: string[];
	/** The bot's edits back to this time are wanted (null: none). */
	contributionsSince: string | null;
}

type RawPage = {
	title: string; missing?: boolean; invalid?: boolean; pagelanguage?: string;
	revisions?: {
		revid: number; timestamp: string; user?: string; sha1?: string;
		slots?: { main?: { content?: string; contentmodel?: string; sha1?: string } };
	}[];
};

function merge( into: RoundReads, response: ApiResponse, normalized: Map<string, string[]> ): void {
	const result = response.query ?? {};
	// Titles as asked, normalised, then followed through a redirect (a page moved since).
	const spelled = new Map<string, string[]>();
	for ( const entry of ( result.normalized ?? [] ) as { from: string; to: string }[] ) {
		spelled.set( entry.to, [ ...( spelled.get( entry.to ) ?? [] ), entry.from ] );
	}
	for ( const entry of ( result.redirects ?? [] ) as { from: string; to: string }[] ) {
		normalized.set( entry.to, [ ...( normalized.get( entry.to ) ?? [] ), entry.from,
			...( spelled.get( entry.from ) ?? [] ) ] );
	}
	for ( const [ to, from ] of spelled ) {
		normalized.set( to, [ ...( normalized.get( to ) ?? [] ), ...from ] );
	}
	for ( const page of ( result.pages ?? [] ) as RawPage[] ) {
		const revision = page.revisions?.[ 0 ];
		const known = into.pages.get( page.title );
		if ( known?.exists && !revision ) {
			// A continued response repeats pages without their revisions.
			continue;
		}
		const state: TargetPage = {
			title: page.title,
			exists: !page.missing && !page.invalid && revision !== undefined,
			text: revision?.slots?.main?.content ?? '',
			contentModel: revision?.slots?.main?.contentmodel ?? '',
			revid: revision?.revid ?? 0,
			timestamp: revision?.timestamp ?? '',
			user: revision?.user ?? '',
			sha1: revision?.sha1 ?? revision?.slots?.main?.sha1 ?? '',
			language: page.pagelanguage ?? '',
		};
		into.pages.set( page.title, state );
		for ( const asked of normalized.get( page.title ) ?? [] ) {
			into.pages.set( asked, state );
		}
	}
	for ( const user of ( result.users ?? [] ) as { name: string; gender?: string }[] ) {
		into.genders.set( user.name, user.gender ?? 'unknown' );
	}
	type RawInfo = Record<string, { fallbacks?: string[]; dir?: string }>;
	for ( const [ code, info ] of Object.entries( ( result.languageinfo ?? {} ) as RawInfo ) ) {
		into.languages.set( code, { fallbacks: info.fallbacks ?? [], dir: info.dir === 'rtl' ? 'rtl' : 'ltr' as Dir } );
	}
	type RawContribution = { revid: number; title: string; timestamp: string; comment?: string };
	for ( const c of ( result.usercontribs ?? [] ) as RawContribution[] ) {
		into.contributions.push( { revid: c.revid, title: c.title, timestamp: c.timestamp, comment: c.comment ?? '' } );
	}
}

/** One query, followed through its continuations. */
async function continued( client: WikiClient, params: ApiParams, into: RoundReads ): Promise<void> {
	const normalized = new Map<string, string[]>();
	let next: ApiParams = params;
	for ( ;; ) {
		const response = await client.request( next );
		merge( into, response, normalized );
		if ( !response.continue ) {
			return;
		}
		next = { ...params, ...( response.continue as ApiParams ) };
	}
}

/**
 * Reads what a round needs. Every request carries up to a batch of titles and of users; the
 * language information and the bot's recent edits ride along with the first.
 *
 * @param client
 * @param size Titles (and users) a request: 50, or 500 with apihighlimits
 * @param wanted
 */
export async function readRound( client: WikiClient, size: number, wanted: ReadWanted ): Promise<RoundReads> {
	const into: RoundReads = { pages: new Map(), genders: new Map(), languages: new Map(), contributions: [] };
	const titles = [ ...new Set( wanted.titles ) ];
	const users = [ ...new Set( wanted.users ) ];
	const rounds = Math.max( Math.ceil( titles.length / size ), Math.ceil( users.length / size ), 1 );
	for ( let i = 0; i < rounds; i++ ) {
		const batch = titles.slice( i * size, ( i + 1 ) * size );
		const people = users.slice( i * size, ( i + 1 ) * size );
		const lists: string[] = [];
		const params: ApiParams = { action: 'query' };
		if ( batch.length ) {
			Object.assign( params, { titles: batch, redirects: true, prop: [ 'revisions', 'info' ],
				rvprop: [ 'content', 'ids', 'timestamp', 'user', 'contentmodel' ], rvslots: 'main' } );
		}
		if ( people.length ) {
			lists.push( 'users' );
			Object.assign( params, { ususers: people, usprop: 'gender' } );
		}
		if ( i === 0 && wanted.contributionsSince !== null ) {
			lists.push( 'usercontribs' );
			Object.assign( params, { ucuser: client.user.name, ucend: wanted.contributionsSince, uclimit: 'max',
				ucprop: [ 'ids', 'title', 'timestamp', 'comment' ] } );
		}
		if ( lists.length ) {
			params.list = lists;
		}
		if ( i === 0 && wanted.languages.length ) {
			Object.assign( params, { meta: 'languageinfo', licode: [ ...new Set( wanted.languages ) ], liprop: [ 'fallbacks', 'dir' ] } );
		}
		if ( Object.keys( params ).length > 1 ) {
			await continued( client, params, into );
		}
	}
	return into;
}

/** What `meta=languageinfo` says of more languages (one request). */
export async function readLanguages( client: WikiClient, codes: readonly string[], into: RoundReads ): Promise<void> {
	if ( codes.length ) {
		await continued( client, { action: 'query', meta: 'languageinfo', licode: [ ...codes ], liprop: [ 'fallbacks', 'dir' ] }, into );
	}
}

/** A user's Babel languages, best known first; none on a wiki without the Babel extension. */
export async function readBabel( client: WikiClient, user: string ): Promise<string[]> {
	const response = await client.request( { action: 'query', meta: 'babel', babuser: user } );
	return babelLanguages( ( response.query?.babel ?? {} ) as Record<string, string> );
}
