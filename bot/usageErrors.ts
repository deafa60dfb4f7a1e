/**
 * Commander's usage errors (an unknown option, a missing value…) in the operator's language.
 *
 * Commander words its usage errors in English. Rather than reading that wording back, the command
 * overrides the methods commander raises each usage error from (`unknownOption`, `unknownCommand`,
 * `missingArgument`, `optionMissingArgument`, `missingMandatoryOptionValue`, `_conflictingOption`,
 * `_excessArguments`, and `_callParseArg` for values a parser refuses): each one knows what went
 * wrong from its arguments (the option, the flag, the argument…) and raises the error with
 * commander's own code and a translated text. Commander still decides *whether* it is an error
 * (e.g. `allowUnknownOption`), because each override runs commander's method and only the text of
 * the error that method raises is replaced (`_callParseArg`, eight lines in commander, is written out
 * here because the parser's reason is only known once it throws). These methods are commander's internals (pinned in
 * package.json); tests/unit/bot/usageErrors.test.ts fails if an upgrade renames one. An error
 * raised any other way is shown as commander wrote it.
 */
import { Argument, Command, type ErrorOptions, type Option } from 'commander';
import type { Messages } from './i18n';

/** The commander methods that raise usage errors (not in commander's public types). */
interface CommanderInternals {
	unknownOption( flag: string ): void;
	unknownCommand(): void;
	missingArgument( name: string ): void;
	optionMissingArgument( option: Option ): void;
	missingMandatoryOptionValue( option: Option ): void;
	_conflictingOption( option: Option, conflictingOption: Option ): void;
	_excessArguments( receivedArgs: string[] ): void;
	_callParseArg( target: Option | Argument, value: string, previous: unknown, message: string ): unknown;
}

/** The names of the methods overridden below, for the test that checks commander still has them. */
export const OVERRIDDEN_METHODS: ( keyof CommanderInternals )[] = [ 'unknownOption', 'unknownCommand', 'missingArgument',
	'optionMissingArgument', 'missingMandatoryOptionValue', '_conflictingOption', '_excessArguments', '_callParseArg' ];

const commander = Command.prototype as unknown as CommanderInternals;

/** The most edits commander's suggestions allow, as in commander's `suggestSimilar`. */
const MAX_DISTANCE = 3;

/** Optimal string alignment distance (Damerau–Levenshtein without editing a substring twice). */
function editDistance( a: string, b: string ): number {
	if ( Math.abs( a.length - b.length ) > MAX_DISTANCE ) {
		return Math.max( a.length, b.length );
	}
	const d: number[][] = [];
	for ( let i = 0; i <= a.length; i++ ) {
		d[ i ] = [ i ];
	}
	for ( let j = 0; j <= b.length; j++ ) {
		( d[ 0 ] as number[] )[ j ] = j;
	}
	for ( let j = 1; j <= b.length; j++ ) {
		for ( let i = 1; i <= a.length; i++ ) {
			const row = d[ i ] as number[];
			const above = d[ i - 1 ] as number[];
			const cost = a[ i - 1 ] === b[ j - 1 ] ? 0 : 1;
			row[ j ] = Math.min( ( above[ j ] as number ) + 1, ( row[ j - 1 ] as number ) + 1,
				( above[ j - 1 ] as number ) + cost );
			if ( i > 1 && j > 1 && a[ i - 1 ] === b[ j - 2 ] && a[ i - 2 ] === b[ j - 1 ] ) {
				row[ j ] = Math.min( row[ j ] as number, ( d[ i - 2 ] as number[] )[ j - 2 ] as number + 1 );
			}
		}
	}
	return ( d[ a.length ] as number[] )[ b.length ] as number;
}

/**
 * The candidates most like what was typed, as commander suggests them: the closest by edit distance,
 * if at most 3 edits and more than 40 % alike (options are compared without their leading `--`).
 *
 * @param word What was typed
 * @param candidates The names it could have meant
 * @return The best candidates, sorted (none when nothing is close)
 */
export function suggestSimilar( word: string, candidates: string[] ): string[] {
	const options = word.startsWith( '--' );
	const strip = ( name: string ): string => options ? name.slice( 2 ) : name;
	const typed = strip( word );
	let best = MAX_DISTANCE;
	let similar: string[] = [];
	for ( const candidate of new Set( candidates ) ) {
		const name = strip( candidate );
		if ( name.length <= 1 ) {
			continue;
		}
		const distance = editDistance( typed, name );
		const length = Math.max( typed.length, name.length );
		if ( ( length - distance ) / length <= 0.4 ) {
			continue;
		}
		if ( distance < best ) {
			best = distance;
			similar = [ candidate ];
		} else if ( distance === best ) {
			similar.push( candidate );
		}
	}
	return similar.sort( ( a, b ) => a.localeCompare( b ) );
}

/** A commander command (and its subcommands) whose usage errors are translated. */
export class TranslatedCommand extends Command {
	private readonly messages: Messages;

	/** The translated text of the usage error being raised, and commander's code for it. */
	private raising: { code: string; text: string } | null = null;

	private suggestions = true;

	public constructor( name: string | undefined, messages: Messages ) {
		super( name );
		this.messages = messages;
	}

	public override createCommand( name?: string ): Command {
		return new TranslatedCommand( name, this.messages );
	}

	public override showSuggestionAfterError( displaySuggestion = true ): this {
		this.suggestions = displaySuggestion;
		return super.showSuggestionAfterError( displaySuggestion );
	}

	/**
	 * Raises commander's usage error `code` with `text` instead of commander's English: runs
	 * commander's method (which decides whether it is an error at all); `error` swaps the text.
	 *
	 * @param code Commander's error code
	 * @param text The translated text
	 * @param raise Commander's method
	 */
	private translate( code: string, text: string, raise: () => void ): void {
		const outer = this.raising;
		this.raising = { code, text };
		try {
			raise();
		} finally {
			this.raising = outer;
		}
	}

	private hint( typed: string, candidates: string[] ): string {
		const similar = this.suggestions ? suggestSimilar( typed, candidates ) : [];
		if ( !similar.length ) {
			return '';
		}
		return `\n${ this.messages.text( 'capacitybuilding-bot-usage-did-you-mean', similar.join( ', ' ), similar.length ) }`;
	}

	public override error( message: string, errorOptions?: ErrorOptions ): never {
		const raising = this.raising;
		this.raising = null;
		return super.error( raising && raising.code === errorOptions?.code ? raising.text : message, errorOptions );
	}

	public unknownOption( flag: string ): void {
		// The long options of this command and the commands above it, as commander suggests them.
		const candidates: string[] = [];
		const commands: Command[] = [ this ];
		for ( let parent = this.parent; parent; parent = parent.parent ) {
			commands.push( parent );
		}
		for ( const command of commands ) {
			for ( const option of command.createHelp().visibleOptions( command ) ) {
				if ( option.long ) {
					candidates.push( option.long );
				}
			}
		}
		const text = this.messages.text( 'capacitybuilding-bot-usage-unknown-option', flag ) +
			( flag.startsWith( '--' ) ? this.hint( flag, candidates ) : '' );
		this.translate( 'commander.unknownOption', text, () => commander.unknownOption.call( this, flag ) );
	}

	public unknownCommand(): void {
		const typed = this.args[ 0 ] ?? '';
		const candidates = this.createHelp().visibleCommands( this )
			.flatMap( ( command ) => [ command.name(), ...command.aliases() ] );
		const text = this.messages.text( 'capacitybuilding-bot-usage-unknown-command', typed ) + this.hint( typed, candidates );
		this.translate( 'commander.unknownCommand', text, () => commander.unknownCommand.call( this ) );
	}

	public missingArgument( name: string ): void {
		const text = this.messages.text( 'capacitybuilding-bot-usage-missing-argument', name );
		this.translate( 'commander.missingArgument', text, () => commander.missingArgument.call( this, name ) );
	}

	public optionMissingArgument( option: Option ): void {
		const text = this.messages.text( 'capacitybuilding-bot-usage-option-missing-argument', option.flags );
		this.translate( 'commander.optionMissingArgument', text, () => commander.optionMissingArgument.call( this, option ) );
	}

	public missingMandatoryOptionValue( option: Option ): void {
		const text = this.messages.text( 'capacitybuilding-bot-usage-missing-mandatory-option', option.flags );
		this.translate( 'commander.missingMandatoryOptionValue', text,
			() => commander.missingMandatoryOptionValue.call( this, option ) );
	}

	public _conflictingOption( option: Option, conflictingOption: Option ): void {
		// Named by their flags (the bot declares no option read from an environment variable).
		const text = this.messages.text( 'capacitybuilding-bot-usage-conflicting-options', option.flags, conflictingOption.flags );
		// eslint-disable-next-line no-underscore-dangle
		this.translate( 'commander.conflictingOption', text, () => commander._conflictingOption.call( this, option, conflictingOption ) );
	}

	public _excessArguments( receivedArgs: string[] ): void {
		const text = this.messages.text( 'capacitybuilding-bot-usage-excess-arguments', this.name() );
		// eslint-disable-next-line no-underscore-dangle
		this.translate( 'commander.excessArguments', text, () => commander._excessArguments.call( this, receivedArgs ) );
	}

	public _callParseArg( target: Option | Argument, value: string, previous: unknown,
		invalidArgumentMessage: string ): unknown {
		// Commander's own method, with the translated text: the parser's reason is only known once it throws.
		const parse = target.parseArg as ( raw: string, earlier: unknown ) => unknown;
		try {
			return parse.call( target, value, previous );
		} catch ( error ) {
			const { code, exitCode } = error as { code?: unknown; exitCode?: number };
			if ( code === 'commander.invalidArgument' ) {
				const reason = ( error as Error ).message;
				const text = target instanceof Argument ?
					this.messages.text( 'capacitybuilding-bot-usage-invalid-command-argument', target.name(), value, reason ) :
					this.messages.text( 'capacitybuilding-bot-usage-invalid-argument', target.flags, value, reason );
				this.translate( code, text, () => this.error( `${ invalidArgumentMessage } ${ reason }`, { exitCode, code } ) );
			}
			throw error;
		}
	}
}
