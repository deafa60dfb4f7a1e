/** After the tests: stop the development wiki only when the tests started it. */
import { DevWiki } from '../../scripts/lib/devwiki';

export default async function globalTeardown(): Promise<void> {
	if ( globalThis.capacityWikiStartedByTests ) {
		globalThis.capacityWikiStartedByTests = false;
		await new DevWiki().stop();
	}
}
