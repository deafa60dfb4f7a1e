/**
 * Request–coach matching: ranks coaches for a request (and, the other way round, requests for a
 * coach) and explains every suggestion with reasons a reader can understand in their own language.
 *
 * Pure and isomorphic: the request page, the coach's own profile page and the bot all call the same
 * function. Reasons are message keys with the codes they name (topic keys, language codes, region
 * and format values), never text: the caller turns the codes into names in the reader's language,
 * joins each list of names with the language's list separator and renders the message — one whole
 * sentence about the coach ("Speaks the request's languages: Spanish and French.") — so nothing is
 * built by concatenating sentences.
 *
 * Scoring, in words:
 * - topics: for each topic of the request, the best relation to one of the coach's topics counts —
 *   the same topic most, then a sub-topic or the parent area, then a sibling topic. A coach with no
 *   related topic at all is not a match.
 * - languages: a shared language is required, unless the request lists ANY_LANGUAGE ("mul"),
 *   in which case shared languages still count but are not required.
 * - region, formats: each overlap adds a little.
 * - availability and load: coaches who can take the request come first; among them "limited"
 *   and a fuller load count against. Coaches at their maximum and coaches away come after every
 *   coach who can take it, and away coaches come last.
 */
import type { MessageKey, MessageParam } from './messages';
import { ANY_LANGUAGE, type CapacityRequest, type CoachProfile } from './model';
import { isIsoDate, sameUser } from './identifiers';
import { topicRelation, type TopicIndex, type TopicRelation } from './taxonomy';

/** What matching needs of a request. */
export type MatchableRequest = Pick<CapacityRequest, 'topics' | 'languages' | 'region' | 'formats'>;

/** A coach as the index (`IndexedCoach`) or a page read gives it. */
export interface MatchableCoach {
	user: string;
	profile: CoachProfile;
	/** Requests the coach is matched to or working on now. */
	activeRequests: number;
}

/** The kind of codes a reason lists, so the caller knows how to name them. */
export type ReasonListKind = 'topic' | 'language' | 'region' | 'format';

/**
 * One reason, positive or negative, about the coach. Render it as the message `key` with
 * parameters: $1 = the coach's user name (for GENDER), then
 * $2 = the names of `list.values` joined as a list (when `list` is present),
 * $3 = the number of values (for PLURAL), then `params` in order.
 * With `date` instead: $2 = that date written out in the reader's language, then `params`.
 * Otherwise `params` are $2, $3… as they are.
 */
export interface MatchReason {
	key: MessageKey;
	list?: { kind: ReasonListKind; values: string[] };
	/** A date the reason names (YYYY-MM-DD), for the caller to write out in the reader's language. */
	date?: string;
	params: MessageParam[];
	/** Whether the reason speaks for (plus) or against (minus) the coach. */
	effect: 'plus' | 'minus';
}

/** Where a coach stands regardless of score: who can take the request comes first. */
export type MatchTier = 'open' | 'full' | 'away';

export interface CoachMatch<C extends MatchableCoach = MatchableCoach> {
	coach: C;
	score: number;
	tier: MatchTier;
	reasons: MatchReason[];
}

export interface MatchOptions {
	/** Today's date (YYYY-MM-DD): an "away" coach whose away_until is before it is back. */
	today?: string;
	/** Usernames never suggested (the requester, coaches who already offered or are assigned). */
	exclude?: readonly string[];
	/** At most this many suggestions. */
	limit?: number;
}

/** Points for the best relation of a coach's topic to a request topic. */
export const TOPIC_POINTS: Readonly<Record<TopicRelation, number>> = {
	same: 10,
	// The coach has a more specific topic under the requested area.
	child: 6,
	// The coach covers the whole area the requested topic belongs to.
	parent: 5,
	sibling: 2,
	unrelated: 0,
};
export const LANGUAGE_POINTS = 6;
export const EXTRA_LANGUAGE_POINTS = 1;
export const REGION_POINTS = 3;
export const FORMAT_POINTS = 2;
export const AVAILABLE_POINTS = 3;
/** Taken off in proportion to the share of the coach's capacity already in use. */
export const LOAD_PENALTY = 4;

const TIER_ORDER: Record<MatchTier, number> = { open: 0, full: 1, away: 2 };

/** The coach's maximum number of requests at once, or null when the profile does not say validly. */
function maximum( profile: CoachProfile ): number | null {
	return /^\d{1,9}$/.test( profile.maxRequests ) && Number( profile.maxRequests ) > 0 ? Number( profile.maxRequests ) : null;
}

/** Whether an "away" coach is still away on `today`. Without a date or a valid away_until: yes. */
export function isAway( profile: CoachProfile, today?: string ): boolean {
	if ( profile.availability !== 'away' ) {
		return false;
	}
	return !( today && isIsoDate( profile.awayUntil ) && profile.awayUntil < today );
}

function topicReasons(
	request: MatchableRequest, profile: CoachProfile, topics: TopicIndex,
): { points: number; reasons: MatchReason[] } {
	const exact: string[] = [];
	const related: string[] = [];
	let points = 0;
	for ( const wanted of request.topics ) {
		let best: TopicRelation = 'unrelated';
		let bestTopic = '';
		for ( const offered of profile.topics ) {
			const relation = topicRelation( topics, wanted, offered );
			if ( TOPIC_POINTS[ relation ] > TOPIC_POINTS[ best ] ) {
				best = relation;
				bestTopic = offered;
			}
		}
		points += TOPIC_POINTS[ best ];
		if ( best === 'same' ) {
			exact.push( wanted );
		} else if ( best !== 'unrelated' && !related.includes( bestTopic ) && !exact.includes( bestTopic ) ) {
			related.push( bestTopic );
		}
	}
	const reasons: MatchReason[] = [];
	if ( exact.length ) {
		reasons.push( { key: 'capacitybuilding-match-reason-topics', list: { kind: 'topic', values: exact }, params: [], effect: 'plus' } );
	}
	if ( related.length ) {
		reasons.push( { key: 'capacitybuilding-match-reason-related-topics', list: { kind: 'topic', values: related }, params: [], effect: 'plus' } );
	}
	return { points, reasons };
}

function overlap( wanted: readonly string[], offered: readonly string[] ): string[] {
	return wanted.filter( ( value, i ) => offered.includes( value ) && wanted.indexOf( value ) === i );
}

/**
 * How well one coach fits one request, or null when the coach cannot be suggested at all (no
 * related topic, or no shared language where one is required).
 *
 * @param request
 * @param coach
 * @param topics The taxonomy's index (relations between topics)
 * @param options
 */
export function matchCoach<C extends MatchableCoach>(
	request: MatchableRequest, coach: C, topics: TopicIndex, options: MatchOptions = {},
): CoachMatch<C> | null {
	const { profile } = coach;
	const topic = topicReasons( request, profile, topics );
	if ( topic.points === 0 ) {
		return null;
	}
	const anyLanguage = request.languages.includes( ANY_LANGUAGE ) || request.languages.length === 0;
	const languages = overlap( request.languages.filter( ( code ) => code !== ANY_LANGUAGE ), profile.languages );
	if ( !languages.length && !anyLanguage ) {
		return null;
	}
	let score = topic.points;
	const reasons: MatchReason[] = [];
	if ( languages.length ) {
		score += LANGUAGE_POINTS + EXTRA_LANGUAGE_POINTS * ( languages.length - 1 );
		reasons.push( { key: 'capacitybuilding-match-reason-languages', list: { kind: 'language', values: languages }, params: [], effect: 'plus' } );
	}
	reasons.push( ...topic.reasons );
	if ( request.region !== '' && profile.regions.includes( request.region ) ) {
		score += REGION_POINTS;
		reasons.push( { key: 'capacitybuilding-match-reason-region', list: { kind: 'region', values: [ request.region ] }, params: [], effect: 'plus' } );
	}
	const formats = overlap( request.formats, profile.formats );
	if ( formats.length ) {
		score += FORMAT_POINTS * formats.length;
		reasons.push( { key: 'capacitybuilding-match-reason-formats', list: { kind: 'format', values: formats }, params: [], effect: 'plus' } );
	}
	const max = maximum( profile );
	let tier: MatchTier = 'open';
	if ( isAway( profile, options.today ) ) {
		tier = 'away';
		reasons.push( isIsoDate( profile.awayUntil ) ?
			{ key: 'capacitybuilding-match-reason-away-until', date: profile.awayUntil, params: [], effect: 'minus' } :
			{ key: 'capacitybuilding-match-reason-away', params: [], effect: 'minus' } );
	} else if ( max !== null && coach.activeRequests >= max ) {
		tier = 'full';
		reasons.push( { key: 'capacitybuilding-match-reason-full', params: [ max ], effect: 'minus' } );
	} else {
		if ( profile.availability === 'limited' ) {
			reasons.push( { key: 'capacitybuilding-match-reason-limited', params: [], effect: 'minus' } );
		} else {
			score += AVAILABLE_POINTS;
		}
		if ( max !== null ) {
			score -= LOAD_PENALTY * coach.activeRequests / max;
			reasons.push( { key: 'capacitybuilding-match-reason-capacity', params: [ max - coach.activeRequests ], effect: 'plus' } );
		}
	}
	return { coach, score: Math.round( score * 100 ) / 100, tier, reasons };
}

/** Best suggestions first: tier (open, full, away), then score, then name. */
export function compareMatches( a: CoachMatch, b: CoachMatch ): number {
	return TIER_ORDER[ a.tier ] - TIER_ORDER[ b.tier ] || b.score - a.score ||
		a.coach.user.localeCompare( b.coach.user );
}

/**
 * Coaches for a request, best first, each with its reasons. Coaches who cannot be suggested
 * (see matchCoach) and excluded users are left out.
 *
 * @param request
 * @param coaches
 * @param topics The taxonomy's index
 * @param options
 */
export function rankCoaches<C extends MatchableCoach>(
	request: MatchableRequest, coaches: readonly C[], topics: TopicIndex, options: MatchOptions = {},
): CoachMatch<C>[] {
	const excluded = options.exclude ?? [];
	const matches: CoachMatch<C>[] = [];
	for ( const coach of coaches ) {
		if ( excluded.some( ( name ) => sameUser( name, coach.user ) ) ) {
			continue;
		}
		const match = matchCoach( request, coach, topics, options );
		if ( match ) {
			matches.push( match );
		}
	}
	matches.sort( compareMatches );
	return options.limit === undefined ? matches : matches.slice( 0, options.limit );
}

export interface RequestMatch<R> {
	request: R;
	score: number;
	reasons: MatchReason[];
}

/**
 * Requests that match a coach ("requests that match you"), best first: the same scoring as
 * rankCoaches seen from the coach's side. The coach's own availability is not held against a
 * request, so only the request-related reasons are returned.
 *
 * @param coach
 * @param requests Open requests with whatever the caller needs to show them
 * @param toMatchable How to get the matchable fields of one of `requests`
 * @param topics The taxonomy's index
 * @param limit At most this many
 */
export function rankRequests<R>(
	coach: MatchableCoach, requests: readonly R[], toMatchable: ( request: R ) => MatchableRequest,
	topics: TopicIndex, limit?: number,
): RequestMatch<R>[] {
	const ranked: RequestMatch<R>[] = [];
	for ( const request of requests ) {
		const match = matchCoach( toMatchable( request ), coach, topics );
		if ( match ) {
			const reasons = match.reasons.filter( ( r ) => r.list !== undefined );
			ranked.push( { request, score: match.score, reasons } );
		}
	}
	ranked.sort( ( a, b ) => b.score - a.score );
	return limit === undefined ? ranked : ranked.slice( 0, limit );
}
