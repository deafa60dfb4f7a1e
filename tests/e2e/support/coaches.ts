/**
 * Coach profiles and coach-related pages for end-to-end tests: seeded through the API with the
 * core's serializer (the same wikitext the profile form writes), plus logging a browser in.
 */
import type { Mwn } from 'mwn';
import type { Page } from 'playwright-core';
import { COACH_SCHEMA, emptyRecord, type CoachProfile } from '../../../modules/core/model';
import { coachTitle, sitePages } from '../../../modules/core/pages';
import { serialize } from '../../../modules/core/wikitext/codec';
import { DEFAULT_BASE_PAGE } from '../../../modules/core/constants';
import { INDEX_VERSION, type IndexedCoach, type Manifest } from '../../../modules/core/indexes';
import type { DevWiki } from '../../../scripts/lib/devwiki';

export const BASE = DEFAULT_BASE_PAGE;

export function profile( user: string, fields: Partial<CoachProfile> = {} ): CoachProfile {
	return {
		...emptyRecord( COACH_SCHEMA ),
		user, topics: [ 'governance' ], languages: [ 'en' ], formats: [ 'coaching' ], availability: 'available',
		maxRequests: '2', contact: 'talk', ...fields,
	};
}

/** Saves a profile page as its coach would; returns the revision's id and timestamp. */
export async function saveProfile( bot: Mwn, coach: CoachProfile, before = '', after = '' ): Promise<{ revid: number; timestamp: string }> {
	const title = coachTitle( BASE, coach.user );
	const response = await bot.save( title, `${ before }${ serialize( COACH_SCHEMA, coach ) }${ after }`, 'End-to-end test: coach profile' ) as { newrevid?: number; pageid: number };
	const info = await bot.request( { action: 'query', titles: title, prop: 'revisions', rvprop: [ 'ids', 'timestamp' ], formatversion: 2 } ) as
		{ query: { pages: { revisions: { revid: number; timestamp: string }[] }[] } };
	const revision = info.query.pages[ 0 ]?.revisions[ 0 ];
	return { revid: revision?.revid ?? response.newrevid ?? 0, timestamp: revision?.timestamp ?? '' };
}

/** Writes `<base>/Coaches.json` as the bot would publish it: one part, then the manifest naming its revision. */
export async function writeCoachesIndex( bot: Mwn, generated: string, coaches: IndexedCoach[] ): Promise<void> {
	const title = sitePages( BASE ).coachesJson;
	const part = { version: INDEX_VERSION, index: 'coaches', id: 1, entries: coaches };
	const saved = await bot.request( {
		action: 'edit', title: `${ title }/1`, text: JSON.stringify( part ), contentmodel: 'json',
		summary: 'End-to-end test: coaches index', token: bot.csrfToken, formatversion: 2,
	} ) as { edit: { newrevid?: number; nochange?: boolean } };
	let revid = saved.edit.newrevid;
	if ( revid === undefined ) {
		const info = await bot.request( { action: 'query', titles: `${ title }/1`, prop: 'revisions', rvprop: 'ids', formatversion: 2 } ) as
			{ query: { pages: { revisions: { revid: number }[] }[] } };
		revid = info.query.pages[ 0 ]?.revisions[ 0 ]?.revid ?? 0;
	}
	const manifest: Manifest = {
		version: INDEX_VERSION, index: 'coaches', base: BASE, generated, count: coaches.length,
		parts: coaches.length ? [ {
			id: 1, page: `${ title }/1`, revid, first: coaches[ 0 ]?.user ?? '', last: coaches[ coaches.length - 1 ]?.user ?? '',
			count: coaches.length, bytes: JSON.stringify( part ).length,
		} ] : [],
	};
	await bot.request( {
		action: 'edit', title, text: JSON.stringify( manifest ), contentmodel: 'json',
		summary: 'End-to-end test: coaches index', token: bot.csrfToken,
	} );
}

/** Removes `<base>/Coaches.json`, so that the directory must read the pages. */
export async function deleteCoachesIndex( bot: Mwn ): Promise<void> {
	const title = sitePages( BASE ).coachesJson;
	const exists = await bot.request( { action: 'query', titles: title, formatversion: 2 } ) as { query: { pages: { missing?: boolean }[] } };
	if ( !exists.query.pages[ 0 ]?.missing ) {
		await bot.delete( title, 'End-to-end test: directory without index' );
	}
}

/** Logs the browser page in through Special:UserLogin. */
export async function logIn( page: Page, wiki: DevWiki, username: string, password: string ): Promise<void> {
	await page.goto( wiki.pageUrl( 'Special:UserLogin' ) );
	await page.fill( '#wpName1', username );
	await page.fill( '#wpPassword1', password );
	await Promise.all( [ page.waitForNavigation(), page.click( '#wpLoginAttempt' ) ] );
}
