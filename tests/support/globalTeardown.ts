/** After the tests: stop the development wiki only when the tests started it. */
import { testWiki } from './wiki';

export default async function globalTeardown(): Promise<void> {
	if ( globalThis.capacityWikiStartedByTests ) {
		globalThis.capacityWikiStartedByTests = false;
		await testWiki().stop();
	}
}
