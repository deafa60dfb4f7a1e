/**
 * The statistics feature (`{{Capacity statistics}}`, at the top of `<base>/Statistics`): charts of
 * Statistics.json by period and hub, each with its data table.
 */
import { createMwApp } from '../shared/mwVue';
import StatisticsCharts from './StatisticsCharts.vue';

export function mount( marker: HTMLElement ): void {
	createMwApp( StatisticsCharts, { api: new mw.Api() } ).mount( marker );
}
