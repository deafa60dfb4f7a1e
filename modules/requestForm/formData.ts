/**
 * Everything the request form needs from the wiki before it can be used, loaded in parallel:
 * the configuration (base page, private contacts, change tag), the topics taxonomy, language names
 * in the user's language, and in edit mode the request page being edited.
 */
import type { CapacityConfig } from '../core/config';
import type { Problem } from '../core/messages';
import { REQUEST_SCHEMA, type CapacityRequest } from '../core/model';
import type { TopicIndex } from '../core/taxonomy';
import { loadRecordPage, type LoadedRecordPage } from '../shared/recordSave';
import { languageChain, loadConfig, loadLanguageNames, loadTaxonomy, type LanguageName } from '../shared/siteData';

export interface FormData {
	config: CapacityConfig;
	topics: TopicIndex;
	languageNames: Map<string, LanguageName>;
	languageChain: string[];
	/** Problems of the configuration or the taxonomy, shown as warnings above the form. */
	siteProblems: Problem[];
	/** Edit mode: the request page as loaded (its revision is the base revision). */
	page: LoadedRecordPage<CapacityRequest> | null;
}

export async function loadFormData( api: mw.Api, editTitle: string | null ): Promise<FormData> {
	const { config, problems: configProblems } = await loadConfig( api );
	const userLanguage = String( mw.config.get( 'wgUserLanguage' ) ?? 'en' );
	const [ taxonomy, languageNames, page ] = await Promise.all( [
		loadTaxonomy( api, config.basePage ),
		loadLanguageNames( api, userLanguage ),
		editTitle ? loadRecordPage( api, editTitle, REQUEST_SCHEMA ) : Promise.resolve( null ),
	] );
	return {
		config,
		topics: taxonomy.index,
		languageNames,
		languageChain: languageChain(),
		siteProblems: [ ...configProblems, ...taxonomy.problems ],
		page,
	};
}
