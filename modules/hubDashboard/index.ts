/**
 * The hub dashboard feature: on a hub page (`<base>/Hubs/<key>`, the `{{Capacity hub}}` template
 * carries the marker, under the hub's profile) the hub's intake queue, triage actions, coaches and
 * figures; with `data-capacitybuilding-queue="admins"` (`{{Capacity admins queue}}`, on
 * `<base>/Queue`) the programme admins' queue of requests no hub covers. The base page and the hub
 * come from the page's title. Old revisions, previews and other pages keep the no-JavaScript content.
 */
import { hubKey, normalizeTitle } from '../core/pages';
import { createMwApp } from '../shared/mwVue';
import HubDashboard from './HubDashboard.vue';
import type { QueueScope } from './queue';

/** Where a marker on this title belongs: the base page and whose queue, or null. */
export function placeOf( title: string, admins: boolean ): { base: string; scope: QueueScope } | null {
	const normalized = normalizeTitle( title );
	if ( admins ) {
		const slash = normalized.lastIndexOf( '/' );
		return slash > 0 ? { base: normalized.slice( 0, slash ), scope: { kind: 'admins' } } : null;
	}
	const at = normalized.lastIndexOf( '/Hubs/' );
	const base = at > 0 ? normalized.slice( 0, at ) : '';
	const key = base === '' ? null : hubKey( base, normalized );
	return key === null ? null : { base, scope: { kind: 'hub', key } };
}

export function mount( marker: HTMLElement ): void {
	const current = mw.config.get( 'wgRevisionId' ) === mw.config.get( 'wgCurRevisionId' );
	const place = placeOf( mw.config.get( 'wgPageName' ) as string, marker.dataset.capacitybuildingQueue === 'admins' );
	if ( place === null || mw.config.get( 'wgAction' ) !== 'view' || !current ) {
		return;
	}
	const user = ( mw.config.get( 'wgUserName' ) as string | null ) ?? '';
	createMwApp( HubDashboard, { api: new mw.Api(), base: place.base, scope: place.scope, user } ).mount( marker );
}
