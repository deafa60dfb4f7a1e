/**
 * The request form feature (`{{Capacity request form}}`, module `ext.capacityBuilding.requestForm`).
 *
 * `mount( marker )` replaces the marker with the form. Edit mode: when the marker carries
 * `data-capacitybuilding-edit="<request page title>"`, the form loads that page's current values
 * and saving changes only the page's template block, on top of the revision it loaded.
 */
import { createMwApp } from '../shared/mwVue';
import RequestForm from './RequestForm.vue';

export function mount( marker: HTMLElement ): void {
	const editTitle = marker.dataset.capacitybuildingEdit?.trim() || null;
	createMwApp( RequestForm, { api: new mw.Api(), editTitle } ).mount( marker );
}
