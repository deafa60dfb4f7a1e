/**
 * Whether the current user may edit a page, and if not, why, in the wiki's own words: a protected
 * page (or a blocked user, a title blacklist…) shows the reason instead of buttons whose saves
 * would fail. One request: `prop=info` with `intestactions=edit` and the full detail of the
 * refusal, rendered by the wiki in the reader's language.
 */
import { API_ERROR_FORMAT, apiResult } from './apiErrors';

export interface Editability {
	canEdit: boolean;
	/** Why not, as HTML the wiki rendered (its messages for protection, blocks…); empty when allowed. */
	reasons: string[];
}

type InfoResponse = {
	query?: { pages?: { actions?: { edit?: boolean | { code: string; html?: string; text?: string }[] } }[] };
};

export async function loadEditability( api: mw.Api, title: string ): Promise<Editability> {
	const userLanguage = mw.config.get( 'wgUserLanguage' ) as string | undefined;
	const response = await apiResult<InfoResponse>( api.get( {
		action: 'query', titles: title, prop: 'info', intestactions: 'edit', intestactionsdetail: 'full',
		formatversion: 2, ...API_ERROR_FORMAT, ...( userLanguage ? { uselang: userLanguage } : {} ),
	} ) );
	const edit = response.query?.pages?.[ 0 ]?.actions?.edit;
	if ( edit === undefined || edit === true || ( Array.isArray( edit ) && edit.length === 0 ) ) {
		return { canEdit: true, reasons: [] };
	}
	const reasons = Array.isArray( edit ) ? edit.map( ( error ) => error.html ?? error.text ?? error.code ) : [];
	return { canEdit: false, reasons };
}
