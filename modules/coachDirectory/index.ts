/**
 * The coach directory feature (`{{Capacity coach directory}}`): search and filter every coach.
 */
import { createMwApp } from '../shared/mwVue';
import CoachDirectory from './CoachDirectory.vue';

export function mount( marker: HTMLElement ): void {
	createMwApp( CoachDirectory, {
		api: new mw.Api(),
		today: new Date().toISOString().slice( 0, 10 ),
		user: ( mw.config.get( 'wgUserName' ) as string | null ) ?? '',
	} ).mount( marker );
}
