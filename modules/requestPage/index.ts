/**
 * Request pages (`<base>/Requests/R<n>`; the `{{Capacity request}}` template carries the marker):
 * the status and key facts, the actions the current user may take, and the status history.
 * Old revisions, previews and pages that are not request pages keep the template's own rendering.
 */
import { createMwApp } from '../shared/mwVue';
import { basePageOf } from './data';
import RequestPage from './RequestPage.vue';

export function mount( marker: HTMLElement ): void {
	const title = ( mw.config.get( 'wgPageName' ) as string ).replace( /_/g, ' ' );
	const base = basePageOf( title );
	const current = mw.config.get( 'wgRevisionId' ) === mw.config.get( 'wgCurRevisionId' );
	if ( base === null || mw.config.get( 'wgAction' ) !== 'view' || !current ) {
		return;
	}
	const user = ( mw.config.get( 'wgUserName' ) as string | null ) ?? '';
	createMwApp( RequestPage, {
		api: new mw.Api(), title, base, user, today: new Date().toISOString().slice( 0, 10 ),
	} ).mount( marker );
}
