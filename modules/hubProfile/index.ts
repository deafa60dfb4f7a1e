/**
 * Hub pages (`<base>/Hubs/<Name>`; the `{{Capacity hub}}` template carries the marker): every
 * reader gets the hub's accepted profile with names instead of codes (in place of the template's
 * own rendering, which stays for readers without JavaScript and when loading fails); the hub's
 * accepted contacts and the programme admins get a form to edit it.
 *
 * A hub page that does not exist yet has no template: the init module marks its "missing page"
 * view, and those who may create a hub (admins, contacts of an accepted hub) get the form that
 * creates it. Old revisions, previews and pages that are not hub pages are left alone.
 */
import { hubPage } from '../core/pages';
import { createMwApp } from '../shared/mwVue';
import HubProfile from './HubProfile.vue';

export function mount( marker: HTMLElement ): void {
	const title = ( mw.config.get( 'wgPageName' ) as string ).replace( /_/g, ' ' );
	const found = hubPage( title );
	const current = mw.config.get( 'wgRevisionId' ) === mw.config.get( 'wgCurRevisionId' );
	if ( found === null || mw.config.get( 'wgAction' ) !== 'view' || !current ) {
		return;
	}
	const container = document.createElement( 'div' );
	marker.after( container );
	const missing = mw.config.get( 'wgArticleId' ) === 0;
	createMwApp( HubProfile, {
		api: new mw.Api(),
		title,
		base: found.base,
		hubKey: found.key,
		user: ( mw.config.get( 'wgUserName' ) as string | null ) ?? '',
		missing,
		// The template's rendering (codes) gives way to the profile with names once that has loaded.
		replaces: missing ? null : marker,
	} ).mount( container );
}
