/**
 * Suppression rules for figures drawn from answers people gave (feedback), so that published
 * figures never single out a small group (docs/exports.md#suppression):
 *
 * 1. No figure for a question with fewer than MIN_ANSWERS answers: not its number of answers,
 *    its average or any option.
 * 2. An option chosen by 1 to MIN_OPTION_COUNT − 1 answers is given as a range (its count
 *    between 1 and MIN_OPTION_COUNT − 1, its share between the shares those give), never as
 *    an exact count or share. An option nobody chose is given as 0: there is nobody to single out.
 *
 * Every level applies them on its own: a question of the programme, of one hub, of one region…
 */

/** A question needs at least this many answers before any figure of it is published. */
export const MIN_ANSWERS = 10;
/** An option chosen fewer times than this (but at least once) is given as a range. */
export const MIN_OPTION_COUNT = 5;

/** Shares are rounded to this many decimals (0.125 is 12.5 %). */
const SHARE_DECIMALS = 3;

/** Why a figure is not given exactly. */
export type Suppression = 'too-few-answers' | 'range';

/** One option of a question as published. */
export interface OptionFigure {
	option: string;
	/** How many answers chose it; null when given as a range. */
	count: number | null;
	/** Its share of the answers (0 to 1); null when given as a range. */
	share: number | null;
	/** The range given instead of the exact count and share. */
	range: { countLow: number; countHigh: number; shareLow: number; shareHigh: number } | null;
}

/** A question as published: nothing but `suppressed` when it has too few answers. */
export interface QuestionFigure {
	question: string;
	/** Answers to the question; null when suppressed. */
	answers: number | null;
	/** Mean of numeric answers, two decimals; null for other questions and when suppressed. */
	average: number | null;
	suppressed: 'too-few-answers' | null;
	/** In the question's order of options; empty when suppressed. */
	options: OptionFigure[];
}

function roundDown( value: number ): number {
	const scale = 10 ** SHARE_DECIMALS;
	return Math.floor( value * scale + 1e-9 ) / scale;
}

function roundUp( value: number ): number {
	const scale = 10 ** SHARE_DECIMALS;
	return Math.ceil( value * scale - 1e-9 ) / scale;
}

/** A share rounded half up to SHARE_DECIMALS. */
export function share( count: number, total: number ): number {
	const scale = 10 ** SHARE_DECIMALS;
	return Math.round( scale * count / total ) / scale;
}

/**
 * Applies the rules to the answers one question got.
 *
 * @param question The question's key
 * @param counts How many answers chose each option, in the question's order of options
 * @param average The mean of the answers (numeric questions), or null
 */
export function suppressQuestion(
	question: string, counts: readonly ( readonly [ string, number ] )[], average: number | null,
): QuestionFigure {
	const answers = counts.reduce( ( sum, [ , count ] ) => sum + count, 0 );
	if ( answers < MIN_ANSWERS ) {
		return { question, answers: null, average: null, suppressed: 'too-few-answers', options: [] };
	}
	const options = counts.map( ( [ option, count ] ): OptionFigure => {
		if ( count > 0 && count < MIN_OPTION_COUNT ) {
			const [ low, high ] = [ 1, MIN_OPTION_COUNT - 1 ];
			// Rounded outwards, so the true share is always inside the range.
			const range = {
				countLow: low, countHigh: high,
				shareLow: roundDown( low / answers ), shareHigh: roundUp( high / answers ),
			};
			return { option, count: null, share: null, range };
		}
		return { option, count, share: share( count, answers ), range: null };
	} );
	return { question, answers, average, suppressed: null, options };
}
