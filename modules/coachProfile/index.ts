/**
 * Coach profile pages (`<base>/Coaches/<Username>`; the `{{Capacity coach}}` template carries the
 * marker): the profile's owner gets a form to edit it and the requests that match them; anyone
 * else is told whose profile it is and that only its owner edits it. The template's own rendering
 * stays on the page for everyone: this feature adds to it below.
 * Old revisions, previews and pages that are not profile pages are left alone.
 */
import { coachUser } from '../core/pages';
import { createMwApp } from '../shared/mwVue';
import CoachProfile from './CoachProfile.vue';

/** The base page of a profile page's title, or null when it is not one. */
export function profileBase( title: string ): string | null {
	const match = /^(.+)\/Coaches\/[^/]+$/.exec( title );
	return match && coachUser( match[ 1 ] as string, title ) !== null ? match[ 1 ] as string : null;
}

export function mount( marker: HTMLElement ): void {
	const title = ( mw.config.get( 'wgPageName' ) as string ).replace( /_/g, ' ' );
	const base = profileBase( title );
	const current = mw.config.get( 'wgRevisionId' ) === mw.config.get( 'wgCurRevisionId' );
	if ( base === null || mw.config.get( 'wgAction' ) !== 'view' || !current ) {
		return;
	}
	const container = document.createElement( 'div' );
	marker.after( container );
	createMwApp( CoachProfile, {
		api: new mw.Api(),
		title,
		base,
		owner: coachUser( base, title ),
		user: ( mw.config.get( 'wgUserName' ) as string | null ) ?? '',
	} ).mount( container );
}
