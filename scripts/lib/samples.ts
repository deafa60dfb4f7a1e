/**
 * Sample pages on the development wiki, so that `npm start` shows every feature at work.
 * Idempotent: a page is written only when its text differs.
 */
import { Mwn } from 'mwn';
import type { DevWiki } from './devwiki';

export const SAMPLE_PAGES: Record<string, string> = {
	'Capacity building/Request support': [
		'Ask the movement for help with training, coaching, mentoring or facilitation.',
		'',
		'<div class="ext-capacitybuilding-marker" data-capacitybuilding-feature="requestForm">The request form needs JavaScript.</div>',
	].join( '\n' ),
};

export async function loginAsBot( wiki: DevWiki ): Promise<Mwn> {
	const credentials = wiki.credentials();
	return Mwn.init( {
		apiUrl: credentials.api,
		username: credentials.bot.username,
		password: credentials.bot.password,
		userAgent: 'CapacityBuilding-devtools/0.1 (development wiki sample data)',
		silent: true,
	} );
}

export async function seedSamplePages( wiki: DevWiki ): Promise<void> {
	const bot = await loginAsBot( wiki );
	for ( const [ title, text ] of Object.entries( SAMPLE_PAGES ) ) {
		const current = await bot.read( title ).then( ( page ) => page.revisions?.[ 0 ]?.content ?? null );
		if ( current !== text ) {
			await bot.save( title, text, 'Sample page for the development wiki' );
		}
	}
}
