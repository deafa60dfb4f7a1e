/**
 * The figures of the store: what the open-data exports (`capacity-bot export`) and the report
 * pages (`publish`) are computed from, so the two always count the same requests.
 */
import { computeFigures, type FigureChange, type FigureRequest, type Figures, type Period } from '../../modules/core/figures';
import { badlyEncoded } from '../publish/entries';
import type { Store, StoredRequest } from '../store';

/**
 * What the figures are computed from, of the stored requests: the exports and the reports both
 * read them through here, so they count the same requests.
 *
 * @param stored The store's requests
 */
export function figureRequests( stored: readonly StoredRequest[] ): FigureRequest[] {
	// As Statistics.json does: a record whose text is not valid Unicode cannot be published anywhere.
	return stored.filter( ( r ) => badlyEncoded( [ r.record, r.feedback ] ) === null )
		.map( ( r ) => ( { number: r.number, request: r.record, feedback: r.feedback } ) );
}

/**
 * The figures of the store's records, and the newest revision they were computed from: what
 * `capacity-bot export` writes and what `publish` puts on the evaluation's open-data pages.
 *
 * @param stored The store's requests
 * @param history The store's accepted status history
 * @param period The period
 * @param hub A hub key, or null for the programme
 */
export function figuresOf( stored: readonly StoredRequest[], history: readonly FigureChange[],
	period: Period, hub: string | null ): { figures: Figures; generated: string | null } {
	const requests = stored.filter( ( r ) => badlyEncoded( [ r.record, r.feedback ] ) === null );
	const times = [ ...requests.map( ( r ) => r.updated ), ...history.map( ( c ) => c.at ) ];
	const generated = times.reduce<string | null>( ( a, b ) => ( a === null || b > a ? b : a ), null );
	const figures = computeFigures( figureRequests( requests ), history, period, hub );
	return { figures, generated };
}

/** The figures of the store, and the newest revision they were computed from. */
export async function storeFigures(
	store: Store, period: Period, hub: string | null,
): Promise<{ figures: Figures; generated: string | null }> {
	return figuresOf( await store.requests(), await store.statusHistory(), period, hub );
}
