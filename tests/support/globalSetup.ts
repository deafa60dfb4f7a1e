/**
 * Before the integration and end-to-end tests: reuse the development wiki when it is running,
 * otherwise install (if needed) and start it, and remember to stop it afterwards.
 */
import { DevWiki } from '../../scripts/lib/devwiki';

declare global {
	// eslint-disable-next-line no-var
	var capacityWikiStartedByTests: boolean | undefined;
}

export default async function globalSetup(): Promise<void> {
	const started = await new DevWiki().start();
	globalThis.capacityWikiStartedByTests = ( globalThis.capacityWikiStartedByTests ?? false ) || started;
}
