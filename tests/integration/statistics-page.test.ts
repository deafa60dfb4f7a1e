/**
 * The statistics page the bot publishes on the development wiki, `<base>/Statistics`: after a
 * sync and a publish, it carries every figure of the `<base>/Statistics.json` published with it
 * (the totals and each view of the charts, by period and hub) as wikitables, and its marker
 * renders as the statistics module's marker.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Mwn } from 'mwn';
import { readPages } from '../../bot/edits';
import { Messages } from '../../bot/i18n';
import type { WikiClient } from '../../bot/wiki';
import type { StatisticsIndex } from '../../modules/core/indexes';
import { HUB_SCHEMA, REQUEST_SCHEMA, type CapacityRequest } from '../../modules/core/model';
import { sitePages } from '../../modules/core/pages';
import { serialize } from '../../modules/core/wikitext/codec';
import { botClient, runBot, syncAndPublish } from '../support/bot';
import { missingFigures } from '../support/statisticsPage';
import { testWiki, uniqueTitle } from '../support/wiki';

const PASSWORD = 'capacity-test-password-1';
const REQUESTER = 'Sam Statistics';
const HUBS = [ 'Statistics hub Ünï', 'Statistics hub "two" & Co' ];
const base = uniqueTitle( 'CB statistics' );
const en = new Messages( 'en' );
let dir: string;
let client: WikiClient;

function request( overrides: Partial<CapacityRequest> ): CapacityRequest {
	return {
		title: 'A request for the statistics', requester: REQUESTER, requesterType: 'group', organisation: '',
		region: 'SSA', hub: HUBS[ 0 ] as string, topics: [ 'outreach' ], formats: [ 'workshop' ], languages: [ 'en', 'sw' ], lang: '',
		neededBy: '', description: 'We would like to run a first editing workshop in our town.', status: 'open', holdReason: '', coach: [], offers: [],
		created: '2026-08-01T10:00:00Z', ...overrides,
	};
}

beforeAll( async () => {
	dir = fs.mkdtempSync( path.join( os.tmpdir(), 'capacity-statistics-' ) );
	testWiki().ensureUser( REQUESTER, PASSWORD );
	const setup = await runBot( [ 'setup', '--json' ] );
	if ( setup.code !== 0 && setup.code !== 5 ) {
		throw new Error( `setup failed: ${ setup.lines.join( '\n' ) }` );
	}
	client = await botClient();
	for ( const hub of HUBS ) {
		await client.mwn.save( `${ base }/Hubs/${ hub }`, serialize( HUB_SCHEMA, {
			name: hub, kind: 'regional', regions: [ 'SSA' ], topics: [], languages: [ 'en' ], contacts: [ 'Someone' ], noticeboard: '',
		} ), 'test' );
	}
	const requester = await Mwn.init( {
		apiUrl: testWiki().credentials().api, username: REQUESTER, password: PASSWORD,
		userAgent: 'CapacityBuilding-tests (statistics page)', silent: true, suppressAPIWarnings: true,
	} );
	const records = [
		request( {} ),
		request( { created: '2026-05-03T10:00:00Z', region: 'LAC', topics: [ 'governance', '{{subst:X}}' ] } ),
		request( { created: '2026-11-20T10:00:00Z', hub: HUBS[ 1 ] as string, languages: [ 'ar' ] } ),
		request( { created: '2025-12-31T23:00:00Z', hub: '' } ),
	];
	for ( const [ i, record ] of records.entries() ) {
		await requester.save( `${ base }/Requests/R${ i + 1 }`, serialize( REQUEST_SCHEMA, record ), 'test' );
	}
	await syncAndPublish( base, path.join( dir, 'store.sqlite' ) );
} );

afterAll( () => {
	fs.rmSync( dir, { recursive: true, force: true } );
} );

it( 'publishes every figure of Statistics.json on the statistics page, with the charts\' marker', async () => {
	const pages = sitePages( base );
	const read = await readPages( client, [ pages.statisticsJson, pages.statistics ] );
	const stats = JSON.parse( read.get( pages.statisticsJson )?.text ?? '{}' ) as StatisticsIndex;
	const page = read.get( pages.statistics )?.text ?? '';
	expect( stats.requests.total ).toBe( 4 );
	expect( stats.charts?.periods ).toEqual( [ 'all', '2026-Q4', '2026-Q3', '2026-Q2', '2025-Q4' ] );
	expect( stats.charts?.hubs ).toEqual( [ ...HUBS ].sort() );
	expect( stats.charts?.views.length ).toBe( 3 + 4 + 3 );
	expect( missingFigures( page, stats, en ) ).toEqual( [] );
	const html = await client.mwn.parseTitle( pages.statistics );
	expect( html ).toContain( 'data-capacitybuilding-feature="statistics"' );
	// What people typed stays text on the rendered page.
	expect( html ).toContain( '{{subst:X}}' );
} );
