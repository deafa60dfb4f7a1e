/**
 * Commander's usage errors reach the operator as messages, recognised by commander's error code and
 * the structured information of the method that raises them (never by their English wording), in
 * the operator's language.
 */
import { Argument, Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { loadMessageFiles, Messages } from '../../../bot/i18n';
import { OVERRIDDEN_METHODS, TranslatedCommand, suggestSimilar } from '../../../bot/usageErrors';
import type { MessageKey } from '../../../modules/core/messages';

const USAGE_KEYS: MessageKey[] = [
	'capacitybuilding-bot-usage-unknown-option', 'capacitybuilding-bot-usage-unknown-command',
	'capacitybuilding-bot-usage-option-missing-argument', 'capacitybuilding-bot-usage-missing-argument',
	'capacitybuilding-bot-usage-invalid-argument', 'capacitybuilding-bot-usage-invalid-command-argument',
	'capacitybuilding-bot-usage-conflicting-options', 'capacitybuilding-bot-usage-excess-arguments',
	'capacitybuilding-bot-usage-missing-mandatory-option', 'capacitybuilding-bot-usage-did-you-mean',
];

/** A made-up language whose usage messages show their key and parameters. */
const files = loadMessageFiles();
files.xx = Object.fromEntries( USAGE_KEYS.map( ( key ) => [ key, `«${ key }» [$1] [$2] [$3]` ] ) );
const languages = { en: new Messages( 'en', files ), xx: new Messages( 'xx', files ) };

/** A small program with one of each thing commander can complain about. */
function program( messages: Messages ): { command: Command; errors: string[] } {
	const errors: string[] = [];
	const root = new TranslatedCommand( 'tool', messages )
		.exitOverride()
		.configureOutput( { writeOut: () => undefined, writeErr: ( text ) => errors.push( text ) } )
		.addOption( new Option( '--loud' ).conflicts( 'silent' ) )
		.addOption( new Option( '--silent' ) );
	root.command( 'copy' )
		.addArgument( new Argument( '<count>' ).argParser( ( value ) => {
			if ( !/^\d+$/.test( value ) ) {
				throw new InvalidArgumentError( 'a number' );
			}
			return Number( value );
		} ) )
		.argument( '<target>' )
		.requiredOption( '--mode <mode>' )
		.option( '--depth <levels>', '', ( value ) => {
			if ( value !== 'deep' ) {
				throw new InvalidArgumentError( 'deep or nothing' );
			}
			return value;
		} )
		.option( '--force' )
		.action( () => undefined );
	root.command( 'list' ).action( () => undefined );
	root.command( 'lenient' ).allowUnknownOption().allowExcessArguments().action( () => undefined );
	return { command: root, errors };
}

async function usageError( args: string[], messages: Messages ): Promise<{ code: string; text: string }> {
	const { command, errors } = program( messages );
	try {
		await command.parseAsync( args, { from: 'user' } );
	} catch ( error ) {
		expect( error ).toBeInstanceOf( CommanderError );
		const text = errors.join( '' ).trimEnd();
		expect( ( error as CommanderError ).message ).toBe( text );
		return { code: ( error as CommanderError ).code, text };
	}
	throw new Error( `no usage error for ${ args.join( ' ' ) }` );
}

const CASES: [ string, string[], string, ( m: Messages ) => string ][] = [
	[ 'unknown option, with a suggestion', [ 'copy', '1', 'x', '--mode', 'a', '--forse' ], 'commander.unknownOption',
		( m ) => `${ m.text( 'capacitybuilding-bot-usage-unknown-option', '--forse' ) }\n${ m.text( 'capacitybuilding-bot-usage-did-you-mean', '--force', 1 ) }` ],
	[ 'unknown option, a global one suggested from a subcommand', [ 'list', '--lound' ], 'commander.unknownOption',
		( m ) => `${ m.text( 'capacitybuilding-bot-usage-unknown-option', '--lound' ) }\n${ m.text( 'capacitybuilding-bot-usage-did-you-mean', '--loud', 1 ) }` ],
	[ 'unknown option, nothing like it', [ 'list', '--zzzzzzzz' ], 'commander.unknownOption',
		( m ) => m.text( 'capacitybuilding-bot-usage-unknown-option', '--zzzzzzzz' ) ],
	[ 'unknown command, with suggestions', [ 'lst' ], 'commander.unknownCommand',
		( m ) => `${ m.text( 'capacitybuilding-bot-usage-unknown-command', 'lst' ) }\n${ m.text( 'capacitybuilding-bot-usage-did-you-mean', 'list', 1 ) }` ],
	[ 'missing argument', [ 'copy', '1', '--mode', 'a' ], 'commander.missingArgument',
		( m ) => m.text( 'capacitybuilding-bot-usage-missing-argument', 'target' ) ],
	[ 'option without its value', [ 'copy', '1', 'x', '--mode' ], 'commander.optionMissingArgument',
		( m ) => m.text( 'capacitybuilding-bot-usage-option-missing-argument', '--mode <mode>' ) ],
	[ 'required option not given', [ 'copy', '1', 'x' ], 'commander.missingMandatoryOptionValue',
		( m ) => m.text( 'capacitybuilding-bot-usage-missing-mandatory-option', '--mode <mode>' ) ],
	[ 'option value refused by its parser', [ 'copy', '1', 'x', '--mode', 'a', '--depth', 'shallow' ], 'commander.invalidArgument',
		( m ) => m.text( 'capacitybuilding-bot-usage-invalid-argument', '--depth <levels>', 'shallow', 'deep or nothing' ) ],
	[ 'argument value refused by its parser', [ 'copy', 'one', 'x', '--mode', 'a' ], 'commander.invalidArgument',
		( m ) => m.text( 'capacitybuilding-bot-usage-invalid-command-argument', 'count', 'one', 'a number' ) ],
	[ 'conflicting options', [ '--loud', '--silent', 'list' ], 'commander.conflictingOption',
		( m ) => m.text( 'capacitybuilding-bot-usage-conflicting-options', '--loud', '--silent' ) ],
	[ 'too many arguments', [ 'list', 'extra' ], 'commander.excessArguments',
		( m ) => m.text( 'capacitybuilding-bot-usage-excess-arguments', 'list' ) ],
];

describe.each( Object.entries( languages ) )( 'usage errors in %s', ( language, messages ) => {
	it.each( CASES )( '%s', async ( _name, args, code, expected ) => {
		const error = await usageError( args, messages );
		expect( error ).toEqual( { code, text: expected( messages ) } );
		// Nothing of commander's English wording is left.
		expect( error.text ).not.toMatch( /error: |\(Did you mean|argument missing|cannot be used with option|too many arguments|is invalid\./ );
		// In the made-up language every line is a translated message.
		expect( error.text.split( '\n' ).every( ( line ) => line.startsWith( '«capacitybuilding-bot-usage-' ) ) ).toBe( language === 'xx' );
	} );
} );

describe( 'TranslatedCommand', () => {
	it( 'overrides methods commander still has (a commander upgrade that renames one fails here)', () => {
		const prototype = Command.prototype as unknown as Record<string, unknown>;
		expect( OVERRIDDEN_METHODS.filter( ( name ) => typeof prototype[ name ] !== 'function' ) ).toEqual( [] );
	} );

	it( 'leaves commander to decide what is an error: an allowed unknown option is none', async () => {
		const { command, errors } = program( languages.en );
		await command.parseAsync( [ 'lenient', '--whatever' ], { from: 'user' } );
		expect( errors ).toEqual( [] );
	} );

	it( 'shows an error raised another way as it was written', async () => {
		const { command, errors } = program( languages.xx );
		command.command( 'fail' ).action( function ( this: Command ) {
			this.error( 'a message of its own', { code: 'tool.own' } );
		} );
		await expect( command.parseAsync( [ 'fail' ], { from: 'user' } ) ).rejects.toMatchObject( { code: 'tool.own' } );
		expect( errors.join( '' ).trim() ).toBe( 'a message of its own' );
	} );

	it( 'offers no suggestion when suggestions are turned off', async () => {
		const { command, errors } = program( languages.en );
		command.showSuggestionAfterError( false );
		await expect( command.parseAsync( [ 'lst' ], { from: 'user' } ) ).rejects.toBeInstanceOf( CommanderError );
		expect( errors.join( '' ).trim() ).toBe( languages.en.text( 'capacitybuilding-bot-usage-unknown-command', 'lst' ) );
	} );
} );

describe( 'suggestSimilar', () => {
	it.each( [
		[ '--ful', [ '--full', '--force', '--help' ], [ '--full' ] ],
		[ 'sink', [ 'setup', 'sync', 'status', 'publish', 'watch' ], [ 'sync' ] ],
		[ 'stat', [ 'setup', 'status', 'start' ], [ 'start' ] ],
		[ 'puplish', [ 'publish' ], [ 'publish' ] ],
		[ 'xyz', [ 'setup', 'sync' ], [] ],
		[ 'sycn', [ 'sync', 'sync' ], [ 'sync' ] ],
		[ 'ab', [ 'abc', 'abd' ], [ 'abc', 'abd' ] ],
	] )( '%s among %j: %j', ( typed, candidates, expected ) => {
		expect( suggestSimilar( typed, candidates ) ).toEqual( expected );
	} );
} );
