/**
 * The hubs overview feature (`{{Capacity hubs overview}}`, on `<base>/Hubs`): every hub, and
 * "which hub is mine?".
 */
import { createMwApp } from '../shared/mwVue';
import HubsOverview from './HubsOverview.vue';

export function mount( marker: HTMLElement ): void {
	createMwApp( HubsOverview, { api: new mw.Api() } ).mount( marker );
}
