/**
 * Everything the request form needs from the wiki before it can be used, loaded in parallel:
 * the configuration (base page, private contacts, change tag), the topics taxonomy, language names
 * in the user's language, and in edit mode the request page being edited — as the judge has it
 * (shared/judgedPages.ts): the form starts from the accepted request, never from a newer edit that
 * was not accepted, and a save is judged before it is sent.
 */
import type { CapacityConfig } from '../core/config';
import type { Problem } from '../core/messages';
import type { CapacityRequest } from '../core/model';
import type { TopicIndex } from '../core/taxonomy';
import { requestPageOf } from '../core/pages';
import { loadJudgedEdit, type JudgedEdit } from '../shared/judgedPages';
import type { LoadedRecordPage } from '../shared/recordSave';
import { RolesLoader } from '../shared/roles';
import { languageChain, loadConfig, loadLanguageNames, loadTaxonomy, type LanguageName } from '../shared/siteData';

export interface FormData {
	config: CapacityConfig;
	topics: TopicIndex;
	languageNames: Map<string, LanguageName>;
	languageChain: string[];
	/** Problems of the configuration or the taxonomy, shown as warnings above the form. */
	siteProblems: Problem[];
	/** Edit mode: the request page as loaded (the judged request, on top of the latest revision: the base revision). */
	page: LoadedRecordPage<CapacityRequest> | null;
	/** Edit mode: how a save is judged, and how the page is judged again after an edit conflict. */
	judging: Pick<JudgedEdit<CapacityRequest>, 'check' | 'reload'> | null;
}

/** The request page to edit, judged; null when the title is no request page or the page does not exist. */
async function loadEdit( api: mw.Api, title: string,
	config: Promise<{ config: CapacityConfig; problems: Problem[] }> ): Promise<JudgedEdit<CapacityRequest> | null> {
	const found = requestPageOf( title );
	if ( !found ) {
		return null;
	}
	return loadJudgedEdit<CapacityRequest>( api, {
		title, page: { kind: 'request', number: found.number }, roles: new RolesLoader( api, found.base, config ),
		reader: mw.user.getName() ?? '',
	} );
}

export async function loadFormData( api: mw.Api, editTitle: string | null ): Promise<FormData> {
	const configRead = loadConfig( api );
	const { config, problems: configProblems } = await configRead;
	const userLanguage = String( mw.config.get( 'wgUserLanguage' ) ?? 'en' );
	const [ taxonomy, languageNames, edit ] = await Promise.all( [
		loadTaxonomy( api, config.basePage ),
		loadLanguageNames( api, userLanguage ),
		editTitle ? loadEdit( api, editTitle, configRead ) : Promise.resolve( null ),
	] );
	return {
		config,
		topics: taxonomy.index,
		languageNames,
		languageChain: languageChain(),
		siteProblems: [ ...configProblems, ...taxonomy.problems ],
		page: edit?.page ?? null,
		judging: edit ? { check: edit.check, reload: edit.reload } : null,
	};
}
