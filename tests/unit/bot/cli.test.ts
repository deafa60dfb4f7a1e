/**
 * What the bot's command line says to an operator comes from the i18n messages: `--help` (command
 * and option descriptions, headings, exit codes), commander's usage errors and the errors it stops
 * with, in the language CAPACITY_BOT_LANGUAGE or LANG asks for. No wiki is needed: these run before any connection.
 */
import { main } from '../../../bot/cli';
import { loadMessageFiles, Messages, operatorLanguage } from '../../../bot/i18n';
import type { MessageKey } from '../../../modules/core/messages';

const en = new Messages( 'en' );

/** A made-up language with a few messages translated (marked «…»); the rest falls back to English. */
const TRANSLATED: MessageKey[] = [
	'capacitybuilding-bot-help-program', 'capacitybuilding-bot-help-title-usage', 'capacitybuilding-bot-help-title-options',
	'capacitybuilding-bot-help-title-commands', 'capacitybuilding-bot-help-command-sync', 'capacitybuilding-bot-help-option-full',
	'capacitybuilding-bot-help-sync-after', 'capacitybuilding-bot-help-exit-codes', 'capacitybuilding-bot-help-exit-problems',
	'capacitybuilding-bot-help-option-help', 'capacitybuilding-bot-error-no-credentials', 'capacitybuilding-bot-help-interval-invalid',
	'capacitybuilding-bot-error-store-url-unknown-kind', 'capacitybuilding-bot-usage-unknown-option', 'capacitybuilding-bot-usage-did-you-mean',
];
const files = loadMessageFiles();
files.xx = Object.fromEntries( TRANSLATED.map( ( key ) => [ key, `«${ key }»` ] ) );
files.xx[ 'capacitybuilding-bot-log-level-error' ] = 'xx-error: $1';
const xx = new Messages( 'xx', files );

async function run( args: string[], env: NodeJS.ProcessEnv ): Promise<{ code: number; output: string }> {
	const lines: string[] = [];
	const code = await main( args, { env, write: ( line ) => lines.push( line ), messageFiles: files } );
	return { code, output: lines.join( '\n' ) };
}

describe( 'capacity-bot --help', () => {
	it( 'describes the program, its commands and exit codes with the English messages by default', async () => {
		const { code, output } = await run( [ '--help' ], { LANG: 'C' } );
		expect( code ).toBe( 0 );
		for ( const key of [ 'capacitybuilding-bot-help-program', 'capacitybuilding-bot-help-command-setup', 'capacitybuilding-bot-help-command-status',
			'capacitybuilding-bot-help-option-dry-run', 'capacitybuilding-bot-help-exit-codes', 'capacitybuilding-bot-help-exit-stopped' ] as MessageKey[] ) {
			// Commander wraps long lines: compare word by word.
			expect( output.replace( /\s+/g, ' ' ) ).toContain( en.text( key ).replace( /\s+/g, ' ' ) );
		}
		expect( output ).toContain( `  6  ${ en.text( 'capacitybuilding-bot-help-exit-stopped' ) }` );
	} );

	it( 'speaks the operator\'s language, headings included, and falls back to English for what is not translated', async () => {
		const { code, output } = await run( [ 'sync', '--help' ], { CAPACITY_BOT_LANGUAGE: 'xx' } );
		expect( code ).toBe( 0 );
		for ( const key of [ 'capacitybuilding-bot-help-title-usage', 'capacitybuilding-bot-help-title-options', 'capacitybuilding-bot-help-command-sync',
			'capacitybuilding-bot-help-option-full', 'capacitybuilding-bot-help-sync-after', 'capacitybuilding-bot-help-exit-codes',
			'capacitybuilding-bot-help-exit-problems', 'capacitybuilding-bot-help-option-help' ] as MessageKey[] ) {
			expect( output ).toContain( `«${ key }»` );
		}
		expect( output ).not.toMatch( /^(Usage|Options):/m );
		expect( output ).toContain( `  0  ${ en.text( 'capacitybuilding-bot-help-exit-ok' ) }` );
		// Commander's own "(default: …)" is not added to the translated descriptions.
		expect( ( await run( [ 'watch', '--help' ], { CAPACITY_BOT_LANGUAGE: 'xx' } ) ).output ).not.toContain( 'default:' );
	} );

	it( 'reports a usage error and a missing setting in the operator\'s language', async () => {
		const interval = await run( [ 'watch', '--interval', 'soon' ], { CAPACITY_BOT_LANGUAGE: 'xx' } );
		expect( interval.code ).toBe( 2 );
		expect( interval.output ).toContain( xx.text( 'capacitybuilding-bot-help-interval-invalid' ) );
		const noCredentials = await run( [ 'sync' ], { CAPACITY_BOT_LANGUAGE: 'xx' } );
		expect( noCredentials.code ).toBe( 3 );
		expect( noCredentials.output ).toBe( 'xx-error: «capacitybuilding-bot-error-no-credentials»' );
		expect( ( await run( [ 'sync' ], {} ) ).output ).toContain( en.text( 'capacitybuilding-bot-error-no-credentials' ) );
		const store = await run( [ 'status', '--db', 'postgres://user:secret@host/db' ], { CAPACITY_BOT_LANGUAGE: 'xx' } );
		expect( store.code ).toBe( 3 );
		expect( store.output ).toContain( xx.text( 'capacitybuilding-bot-error-store-url', 'postgres://user:***@host/db',
			xx.text( 'capacitybuilding-bot-error-store-url-unknown-kind' ) ) );
		expect( store.output ).toContain( '«capacitybuilding-bot-error-store-url-unknown-kind»' );
	} );
} );

describe( 'usage errors', () => {
	it.each( [
		[ [ 'sync', '--ful' ], [ en.text( 'capacitybuilding-bot-usage-unknown-option', '--ful' ), en.text( 'capacitybuilding-bot-usage-did-you-mean', '--full', 1 ) ] ],
		[ [ 'sink' ], [ en.text( 'capacitybuilding-bot-usage-unknown-command', 'sink' ), en.text( 'capacitybuilding-bot-usage-did-you-mean', 'sync', 1 ) ] ],
		[ [ 'watch', '--interval' ], [ en.text( 'capacitybuilding-bot-usage-option-missing-argument', '--interval <seconds>' ) ] ],
		[ [ 'watch', '--interval', '0' ], [ en.text( 'capacitybuilding-bot-usage-invalid-argument', '--interval <seconds>', '0',
			en.text( 'capacitybuilding-bot-help-interval-invalid' ) ) ] ],
		[ [ '--verbose', '--quiet', 'status' ], [ en.text( 'capacitybuilding-bot-usage-conflicting-options', '--verbose', '--quiet' ) ] ],
		[ [ 'status', 'extra' ], [ en.text( 'capacitybuilding-bot-usage-excess-arguments', 'status' ) ] ],
	] )( 'are messages: %j', async ( args, expected ) => {
		const { code, output } = await run( args, {} );
		expect( code ).toBe( 2 );
		expect( output.split( '\n' ).slice( 0, expected.length ) ).toEqual( expected );
	} );

	it( 'are in the operator\'s language', async () => {
		const { code, output } = await run( [ 'sync', '--ful' ], { CAPACITY_BOT_LANGUAGE: 'xx' } );
		expect( code ).toBe( 2 );
		expect( output ).toContain( '«capacitybuilding-bot-usage-unknown-option»\n«capacitybuilding-bot-usage-did-you-mean»' );
		expect( output ).not.toContain( 'unknown option' );
	} );
} );

describe( 'operatorLanguage', () => {
	it.each( [
		[ { CAPACITY_BOT_LANGUAGE: 'fr', LANG: 'de_DE.UTF-8' }, 'fr' ],
		[ { LANG: 'de_DE.UTF-8' }, 'de' ],
		[ { LANG: 'C' }, 'en' ],
		[ { LANG: 'C.UTF-8' }, 'en' ],
		[ {}, 'en' ],
	] )( 'picks the language of %j', ( env, language ) => {
		expect( operatorLanguage( env ) ).toBe( language );
	} );
} );
