/**
 * The request form feature (`{{Capacity request form}}`). For now a placeholder that proves the
 * whole path: marker → init module → this bundle → a Codex component mounted in the page.
 */
import { createMwApp } from '../shared/mwVue';
import RequestForm from './RequestForm.vue';

export function mount( marker: HTMLElement ): void {
	createMwApp( RequestForm ).mount( marker );
}
