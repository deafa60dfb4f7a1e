/**
 * The private route feature (`{{Capacity private route}}`, next to the request form): "talk to
 * someone privately" about a conflict, a conduct matter or an emergency, through the routes the
 * configuration lists.
 */
import { loadConfig } from '../shared/siteData';
import { createMwApp } from '../shared/mwVue';
import PrivateRoute from './PrivateRoute.vue';

export function mount( marker: HTMLElement ): void {
	const api = new mw.Api();
	loadConfig( api ).then( ( { config } ) => {
		createMwApp( PrivateRoute, { api, routes: config.privateRoutes } ).mount( marker );
	}, () => {
		// The marker keeps its no-JavaScript text, which says where to turn; this says why.
		marker.append( ' ', mw.message( 'capacitybuilding-privateroute-load-error' ).text() );
	} );
}
