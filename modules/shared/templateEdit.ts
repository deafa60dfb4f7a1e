/**
 * The smallest save the request page's actions need: one edit of a page against the revision the
 * user saw. The form's shared save layer (recordSave, apiErrors) was not available when the request
 * page was written; this adapter is meant to be replaced by it, so it keeps to one function.
 *
 * MediaWiki merges an edit made on an older base revision when the lines changed do not overlap;
 * the codec writes one parameter a line, so such a merge is a merge of different fields and safe.
 * When the same line changed (the status, most often), the API answers `editconflict`.
 */
import type { UnknownApiParams } from 'types-mediawiki-api';

export interface TemplateEdit {
	title: string;
	text: string;
	baseRevid: number;
	summary: string;
	/** Change tag, or '' for none. */
	tags: string;
}

export type TemplateEditResult =
	| { kind: 'saved'; revid: number }
	| { kind: 'conflict' }
	| { kind: 'failed'; message: string };

type ApiErrorData = { errors?: { code: string; text?: string; '*'?: string }[]; error?: { code: string; info?: string } };

/** The API's own explanation, in the user's language (errorlang=uselang). */
function apiErrorText( code: string, data: unknown ): string {
	const errors = ( data as ApiErrorData | undefined )?.errors;
	const first = errors?.[ 0 ];
	const text = first?.text ?? first?.[ '*' ] ?? ( data as ApiErrorData | undefined )?.error?.info;
	return text ?? code;
}

function isConflict( code: string ): boolean {
	return code === 'editconflict';
}

type EditResponse = { edit: { result: string; newrevid?: number; nochange?: boolean; oldrevid?: number } };

/** The API call, settled as a value: mw.Api rejects with ( code, data ), which await would cut to the code. */
type Settled = { response: EditResponse } | { code: string; data: unknown };

function postEdit( api: mw.Api, params: UnknownApiParams ): Promise<Settled> {
	return new Promise( ( resolve ) => {
		api.postWithEditToken( params ).then(
			( response: unknown ) => resolve( { response: response as EditResponse } ),
			( code: unknown, data: unknown ) => resolve( { code: typeof code === 'string' ? code : 'http', data } ),
		);
	} );
}

export async function saveTemplateEdit( api: mw.Api, edit: TemplateEdit ): Promise<TemplateEditResult> {
	const outcome = await postEdit( api, {
		action: 'edit', title: edit.title, text: edit.text, baserevid: edit.baseRevid, nocreate: true,
		summary: edit.summary, ...( edit.tags ? { tags: edit.tags } : {} ),
		assert: 'user', errorformat: 'plaintext', errorlang: 'uselang', formatversion: 2,
	} );
	if ( 'code' in outcome ) {
		return isConflict( outcome.code ) ? { kind: 'conflict' } : {
			kind: 'failed', message: mw.message( 'capacitybuilding-requestpage-error-save', apiErrorText( outcome.code, outcome.data ) ).text(),
		};
	}
	const { edit: result } = outcome.response;
	if ( result.result !== 'Success' ) {
		// A captcha or an extension holding the edit back.
		return { kind: 'failed', message: mw.message( 'capacitybuilding-requestpage-error-save', result.result ).text() };
	}
	return { kind: 'saved', revid: result.newrevid ?? result.oldrevid ?? edit.baseRevid };
}
