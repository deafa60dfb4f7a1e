/**
 * Rendering wikitext as the wiki would, before saving (`action=parse`): what the preview panel
 * shows. `renderPreview( api, wikitext, title )` resolves to the HTML the real parser produced
 * (with pre-save transforms such as signatures applied), or throws a `SaveFailure`.
 */
import { API_ERROR_FORMAT, apiResult } from './apiErrors';

export async function renderPreview( api: mw.Api, wikitext: string, title: string ): Promise<string> {
	const userLanguage = mw.config.get( 'wgUserLanguage' ) as string | undefined;
	const response = await apiResult<{ parse: { text: string } }>( api.post( {
		action: 'parse', title, text: wikitext, contentmodel: 'wikitext', pst: true, preview: true,
		disableeditsection: true, disablelimitreport: true, prop: 'text', formatversion: 2,
		...API_ERROR_FORMAT, ...( userLanguage ? { uselang: userLanguage } : {} ),
	} ) );
	return response.parse.text;
}
