/**
 * Coach profile pages (`<base>/Coaches/<Username>`; the `{{Capacity coach}}` template carries the
 * marker): every reader gets the profile with names instead of codes (in place of the template's
 * own rendering, which stays for readers without JavaScript and when loading fails); the profile's
 * owner gets a form to edit it and the requests that match them; anyone else is told whose
 * profile it is and that only its owner edits it.
 *
 * A profile page that does not exist yet has no template: the init module marks its "missing
 * page" view, and the form opens empty to create it (the owner, or a logged-out visitor who logs
 * in to save; anyone else is told whose page it is).
 * Old revisions, previews and pages that are not profile pages are left alone.
 */
import { coachPage } from '../core/pages';
import { createMwApp } from '../shared/mwVue';
import CoachProfile from './CoachProfile.vue';

export function mount( marker: HTMLElement ): void {
	const title = ( mw.config.get( 'wgPageName' ) as string ).replace( /_/g, ' ' );
	const found = coachPage( title );
	const current = mw.config.get( 'wgRevisionId' ) === mw.config.get( 'wgCurRevisionId' );
	if ( found === null || mw.config.get( 'wgAction' ) !== 'view' || !current ) {
		return;
	}
	const container = document.createElement( 'div' );
	marker.after( container );
	const missing = mw.config.get( 'wgArticleId' ) === 0;
	createMwApp( CoachProfile, {
		api: new mw.Api(),
		title,
		base: found.base,
		owner: found.user,
		user: ( mw.config.get( 'wgUserName' ) as string | null ) ?? '',
		missing,
		// The template's rendering (codes) gives way to the profile with names once that has loaded.
		replaces: missing ? null : marker,
		today: new Date().toISOString().slice( 0, 10 ),
	} ).mount( container );
}
