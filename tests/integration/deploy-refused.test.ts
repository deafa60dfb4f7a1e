/**
 * `capacity-bot deploy` on a wiki that runs the extension refuses, before writing anything: the
 * gadgets would load the tools a second time. (The gadget route's own tests are in gadgets/.)
 */
import { Messages } from '../../bot/i18n';
import { runBot } from '../support/bot';
import { testWiki } from '../support/wiki';

describe( 'capacity-bot deploy on a wiki with the extension', () => {
	it( 'refuses, also on a dry run, and says why', async () => {
		for ( const args of [ [ 'deploy' ], [ 'deploy', '--dry-run' ] ] ) {
			const run = await runBot( args );
			expect( run.code ).toBe( 3 );
			expect( run.lines.join( '\n' ) ).toContain( new Messages( 'en' ).text( 'capacitybuilding-bot-error-deploy-extension', testWiki().api ) );
		}
	} );
} );
