/**
 * Commander's usage errors (an unknown option, a missing value…) in the operator's language.
 * Commander, pinned in package.json, words them in English; each is recognised by its code and its
 * wording, and one that is not recognised is shown as commander wrote it.
 */
import { Command, type ErrorOptions } from 'commander';
import type { MessageKey } from '../modules/core/messages';
import type { Messages } from './i18n';

const USAGE_ERRORS: { code: string; pattern: RegExp; key: MessageKey }[] = [
	{ code: 'commander.unknownOption', pattern: /^error: unknown option '(.*)'$/, key: 'capacitybuilding-bot-usage-unknown-option' },
	{ code: 'commander.unknownCommand', pattern: /^error: unknown command '(.*)'$/, key: 'capacitybuilding-bot-usage-unknown-command' },
	{ code: 'commander.optionMissingArgument', pattern: /^error: option '(.*)' argument missing$/, key: 'capacitybuilding-bot-usage-option-missing-argument' },
	{ code: 'commander.missingArgument', pattern: /^error: missing required argument '(.*)'$/, key: 'capacitybuilding-bot-usage-missing-argument' },
	{ code: 'commander.invalidArgument', pattern: /^error: option '(.*)' argument '(.*)' is invalid\. ([\s\S]*)$/, key: 'capacitybuilding-bot-usage-invalid-argument' },
	{ code: 'commander.conflictingOption', pattern: /^error: option '(.*)' cannot be used with option '(.*)'$/, key: 'capacitybuilding-bot-usage-conflicting-options' },
	{ code: 'commander.excessArguments', pattern: /^error: too many arguments for '(.*)'\./, key: 'capacitybuilding-bot-usage-excess-arguments' },
];

/** Commander's "did you mean" hint after an unknown option or command. */
const SUGGESTION = /\n\(Did you mean (?:one of )?(.*)\?\)$/;

/**
 * A usage error's text in the operator's language.
 *
 * @param message Commander's message
 * @param code Commander's error code
 * @param messages The operator's messages
 * @return The translated text, or `message` when it is not one commander is known to write
 */
export function translateUsageError( message: string, code: string | undefined, messages: Messages ): string {
	const suggestion = SUGGESTION.exec( message );
	const main = suggestion ? message.slice( 0, suggestion.index ) : message;
	const known = USAGE_ERRORS.find( ( error ) => error.code === code );
	const match = known?.pattern.exec( main );
	if ( !known || !match ) {
		return message;
	}
	const text = messages.text( known.key, ...match.slice( 1 ).map( ( part ) => part ?? '' ) );
	if ( !suggestion ) {
		return text;
	}
	const names = ( suggestion[ 1 ] as string ).split( ', ' );
	return `${ text }\n${ messages.text( 'capacitybuilding-bot-usage-did-you-mean', names.join( ', ' ), names.length ) }`;
}

/** A commander command (and its subcommands) whose usage errors are translated. */
export class TranslatedCommand extends Command {
	private readonly messages: Messages;

	public constructor( name: string | undefined, messages: Messages ) {
		super( name );
		this.messages = messages;
	}

	public override createCommand( name?: string ): Command {
		return new TranslatedCommand( name, this.messages );
	}

	public override error( message: string, errorOptions?: ErrorOptions ): never {
		return super.error( translateUsageError( message, errorOptions?.code, this.messages ), errorOptions );
	}
}
