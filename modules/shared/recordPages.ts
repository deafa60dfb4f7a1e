/**
 * Reads every record page under a folder of the base page (`<base>/Coaches/…`, `<base>/Requests/…`)
 * straight from the wiki, 50 pages per request with continuation: the way the tools work before the
 * bot has published its JSON indexes, or when those are out of date.
 */
import type { RecordSchema } from '../core/model';
import { normalizeTitle } from '../core/pages';
import { parsePage } from '../core/wikitext/codec';

/** Pages read per request (the API's limit for page content without apihighlimits). */
export const PAGE_BATCH = 50;

export interface RecordPage<R> {
	title: string;
	revid: number;
	timestamp: string;
	record: R;
	/** The page's template is malformed (the codec reported problems while reading it). */
	malformed: boolean;
}

/** The base page's namespace number and its title without the namespace, as the API wants them. */
export function namespaced( base: string ): { namespace: number; prefix: string } {
	const title = new mw.Title( normalizeTitle( base ) );
	return { namespace: title.getNamespaceId(), prefix: title.getMain().replace( /_/g, ' ' ) };
}

type Revision = { revid: number; timestamp: string; slots: { main: { content: string } } };
type AllPagesResponse = {
	query?: { pages: { title: string; revisions?: Revision[] }[] };
	continue?: Record<string, string>;
};

/**
 * @param api
 * @param base The base page
 * @param folder The folder under the base page, such as "Coaches"
 * @param schema The record each page holds
 * @return The records, and the titles of pages that hold none (listed, never hidden)
 */
export async function readRecordPages<R>(
	api: mw.Api, base: string, folder: string, schema: RecordSchema<R>,
): Promise<{ records: RecordPage<R>[]; unreadable: string[] }> {
	const { namespace, prefix } = namespaced( base );
	const records: RecordPage<R>[] = [];
	const unreadable: string[] = [];
	let cont: Record<string, string> | undefined;
	do {
		const response = await api.get( {
			action: 'query', generator: 'allpages', gapnamespace: namespace, gapprefix: `${ prefix }/${ folder }/`,
			gaplimit: PAGE_BATCH, gapfilterredir: 'nonredirects',
			prop: 'revisions', rvprop: [ 'content', 'ids', 'timestamp' ], rvslots: 'main', formatversion: 2,
			... cont,
		} ) as AllPagesResponse;
		for ( const page of response.query?.pages ?? [] ) {
			const revision = page.revisions?.[ 0 ];
			if ( !revision ) {
				continue;
			}
			const { parsed, diagnostics } = parsePage<R>( revision.slots.main.content, schema );
			if ( parsed ) {
				const { revid, timestamp } = revision;
				records.push( {
					title: page.title, revid, timestamp, record: parsed.record, malformed: diagnostics.length > 0,
				} );
			} else {
				unreadable.push( page.title );
			}
		}
		cont = response.continue;
	} while ( cont );
	return { records, unreadable };
}
