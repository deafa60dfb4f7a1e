/**
 * Before the integration and end-to-end tests: reuse the development wiki when it is running,
 * otherwise install (if needed) and start it, and remember to stop it afterwards. On the gadget
 * route, the bot's setup and deploy then bring the wiki's pages and gadgets up to date with this
 * working tree (a deploy with nothing new makes no edit).
 */
import { seedSamples } from '../../scripts/lib/samples';
import { testWiki } from './wiki';

declare global {
	// eslint-disable-next-line no-var
	var capacityWikiStartedByTests: boolean | undefined;
}

export default async function globalSetup(): Promise<void> {
	const wiki = testWiki();
	const started = await wiki.start();
	globalThis.capacityWikiStartedByTests = ( globalThis.capacityWikiStartedByTests ?? false ) || started;
	if ( wiki.mode === 'gadgets' ) {
		await seedSamples( wiki );
	}
}
