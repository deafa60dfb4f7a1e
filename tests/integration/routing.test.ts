/**
 * Routing on the development wiki: the bot's sync and publish give every request without a hub its
 * candidate hubs in the published index (a request in a regional hub's region has that hub; one no
 * hub covers is in the programme admins' queue), follow a new hub at the next publish, and never
 * edit a request page to do so.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Mwn } from 'mwn';
import { readPages } from '../../bot/edits';
import type { WikiClient } from '../../bot/wiki';
import { readManifest, readPart, type RequestEntry } from '../../modules/core/indexes';
import { HUB_SCHEMA, REQUEST_SCHEMA, type CapacityRequest, type Hub } from '../../modules/core/model';
import { sitePages } from '../../modules/core/pages';
import { serialize } from '../../modules/core/wikitext/codec';
import { botClient, runBot, syncAndPublish } from '../support/bot';
import { testWiki, uniqueTitle } from '../support/wiki';

const PASSWORD = 'capacity-test-password-1';
const REQUESTER = 'Rita Routing';
const CONTACT = 'Hana Hubcontact';
const base = uniqueTitle( 'CB routing' );
const t = ( rest: string ): string => `${ base }/${ rest }`;
let dir: string;
let client: WikiClient;
let requester: Mwn;

function request( overrides: Partial<CapacityRequest> = {} ): CapacityRequest {
	return {
		title: 'A request to route', requester: REQUESTER, requesterType: 'group', organisation: '',
		region: 'SSA', hub: '', topics: [ 'grant-writing' ], formats: [ 'workshop' ], languages: [ 'en' ], lang: '', neededBy: '',
		description: 'We would like help with writing our first grant application.', status: 'open', holdReason: '', coach: [], offers: [],
		created: '2026-11-01T10:00:00Z', ...overrides,
	};
}

function hub( overrides: Partial<Hub> ): Hub {
	return { name: 'A hub', kind: 'regional', regions: [], topics: [], languages: [], contacts: [ CONTACT ], noticeboard: '', ...overrides };
}

/** The published request entries, read as the clients read them (manifest, then parts by revision). */
async function entries(): Promise<Map<number, RequestEntry>> {
	const title = sitePages( base ).requestsJson;
	const manifest = readManifest( JSON.parse( ( await readPages( client, [ title ] ) ).get( title )?.text ?? 'null' ), 'requests' );
	if ( !manifest ) {
		throw new Error( `${ title } is no manifest` );
	}
	const out = new Map<number, RequestEntry>();
	for ( const part of manifest.parts ) {
		const response = await client.request( { action: 'query', revids: part.revid, prop: 'revisions', rvprop: 'content', rvslots: 'main' } );
		const content = response.query?.pages?.[ 0 ]?.revisions?.[ 0 ]?.slots?.main?.content as string;
		for ( const entry of readPart( JSON.parse( content ), 'requests' ) ?? [] ) {
			out.set( entry.number, entry );
		}
	}
	return out;
}

/** The latest revision of each request page: the bot must never add one. */
async function latestRevisions( numbers: number[] ): Promise<number[]> {
	const pages = await readPages( client, numbers.map( ( n ) => t( `Requests/R${ n }` ) ) );
	return numbers.map( ( n ) => pages.get( t( `Requests/R${ n }` ) )?.revid ?? 0 );
}

beforeAll( async () => {
	dir = fs.mkdtempSync( path.join( os.tmpdir(), 'capacity-routing-' ) );
	const wiki = testWiki();
	wiki.ensureUser( REQUESTER, PASSWORD );
	wiki.ensureUser( CONTACT, PASSWORD );
	const setup = await runBot( [ 'setup', '--json' ] );
	if ( setup.code !== 0 && setup.code !== 5 ) {
		throw new Error( `setup failed: ${ setup.lines.join( '\n' ) }` );
	}
	client = await botClient();
	requester = await Mwn.init( {
		apiUrl: wiki.credentials().api, username: REQUESTER, password: PASSWORD,
		userAgent: 'CapacityBuilding-tests (routing)', silent: true, suppressAPIWarnings: true,
	} );
	// Hubs are created by the bot's account, a programme admin (as the publish tests do).
	await client.mwn.save( t( 'Hubs/Africa Hub' ), serialize( HUB_SCHEMA, hub( { name: 'Africa Hub', regions: [ 'SSA' ] } ) ), 'test' );
	await client.mwn.save( t( 'Hubs/Grants en français' ), serialize( HUB_SCHEMA, hub( {
		name: 'Grants en français', kind: 'thematic', topics: [ 'grant-writing' ], languages: [ 'fr' ],
	} ) ), 'test' );
	await requester.save( t( 'Requests/R1' ), serialize( REQUEST_SCHEMA, request( { title: 'In the Africa hub\'s region' } ) ), 'test' );
	await requester.save( t( 'Requests/R2' ), serialize( REQUEST_SCHEMA, request( { title: 'Nobody covers this', region: 'NA', languages: [ 'de' ] } ) ), 'test' );
	await requester.save( t( 'Requests/R3' ), serialize( REQUEST_SCHEMA, request( { title: 'A grant in French', region: 'LAC', languages: [ 'es', 'fr' ] } ) ), 'test' );
	await requester.save( t( 'Requests/R4' ), serialize( REQUEST_SCHEMA, request( { title: 'Already with a hub', hub: 'Africa Hub' } ) ), 'test' );
} );

afterAll( () => {
	fs.rmSync( dir, { recursive: true, force: true } );
} );

describe( 'routing in the published index', () => {
	const store = (): string => path.join( dir, 'store.sqlite' );

	it( 'gives a request in a hub\'s region that hub, and an uncovered one the programme admins\' queue', async () => {
		const before = await latestRevisions( [ 1, 2, 3, 4 ] );
		await syncAndPublish( base, store() );
		const published = await entries();
		expect( [ 1, 2, 3, 4 ].map( ( n ) => [ n, published.get( n )?.route ] ) ).toEqual( [
			[ 1, { hubs: [ 'Africa Hub' ], queue: 'hubs' } ],
			[ 2, { hubs: [], queue: 'admins' } ],
			[ 3, { hubs: [ 'Grants en français' ], queue: 'hubs' } ],
			[ 4, undefined ],
		] );
		// The records are the pages': nobody's hub was set, and no request page was edited.
		expect( [ 1, 2, 3 ].map( ( n ) => published.get( n )?.request.hub ) ).toEqual( [ '', '', '' ] );
		expect( await latestRevisions( [ 1, 2, 3, 4 ] ) ).toEqual( before );
	} );

	it( 'follows a new hub at the next publish, still without editing the requests', async () => {
		const before = await latestRevisions( [ 1, 2, 3, 4 ] );
		await client.mwn.save( t( 'Hubs/North America Hub' ), serialize( HUB_SCHEMA, hub( { name: 'North America Hub', regions: [ 'NA' ] } ) ), 'test' );
		await syncAndPublish( base, store() );
		const published = await entries();
		expect( published.get( 2 )?.route ).toEqual( { hubs: [ 'North America Hub' ], queue: 'hubs' } );
		expect( published.get( 1 )?.route ).toEqual( { hubs: [ 'Africa Hub' ], queue: 'hubs' } );
		expect( await latestRevisions( [ 1, 2, 3, 4 ] ) ).toEqual( before );
	} );
} );
