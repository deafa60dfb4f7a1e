/**
 * `capacity-bot setup` on the development wiki: installs the pages, is idempotent, respects
 * people's edits, and the installed templates render with TemplateData, badges and tracking
 * categories.
 */
import { readPages } from '../../bot/edits';
import { Messages } from '../../bot/i18n';
import { COACH_SCHEMA, FEEDBACK_SCHEMA, HUB_SCHEMA, REQUEST_SCHEMA, type RecordSchema } from '../../modules/core/model';
import { serialize } from '../../modules/core/wikitext/codec';
import { botClient, runBot } from '../support/bot';
import { testWiki, uniqueTitle } from '../support/wiki';
import type { WikiClient } from '../../bot/wiki';

const en = new Messages( 'en' );
const TEMPLATES = [ 'Capacity request', 'Capacity coach', 'Capacity hub', 'Capacity feedback', 'Capacity evaluation', 'Capacity status', 'Capacity request form', 'Capacity coach directory', 'Capacity hubs overview', 'Capacity admins queue', 'Capacity statistics', 'Capacity private route' ];

async function revisions( client: WikiClient, titles: string[] ): Promise<Record<string, number>> {
	const pages = await readPages( client, titles );
	return Object.fromEntries( titles.map( ( title ) => [ title, pages.get( title )?.revid ?? 0 ] ) );
}

describe( 'capacity-bot setup', () => {
	let client: WikiClient;
	const titles = [ ...TEMPLATES.map( ( t ) => `Template:${ t }` ), 'Capacity building/Topics.json', 'MediaWiki:Gadget-capacityBuilding-config.json', 'Capacity building', 'Capacity building/Queue' ];

	beforeAll( async () => {
		client = await botClient();
		const first = await runBot( [ 'setup', '--json' ] );
		if ( first.code !== 0 ) {
			throw new Error( `setup failed: ${ first.lines.join( '\n' ) }` );
		}
	} );

	it( 'has installed every page', async () => {
		const pages = await readPages( client, titles );
		for ( const title of titles ) {
			expect( { title, exists: pages.get( title )?.exists } ).toEqual( { title, exists: true } );
		}
		expect( pages.get( 'Capacity building/Topics.json' )?.contentModel ).toBe( 'json' );
		expect( pages.get( 'MediaWiki:Gadget-capacityBuilding-config.json' )?.contentModel ).toBe( 'json' );
	} );

	it( 'makes no edit on a second run', async () => {
		const before = await revisions( client, titles );
		const second = await runBot( [ 'setup', '--json' ] );
		expect( second.code ).toBe( 0 );
		const summary = second.records.find( ( r ) => String( r.message ).startsWith( 'Setup:' ) );
		expect( summary ).toMatchObject( { created: [], updated: [], skipped: [], edits: 0 } );
		expect( await revisions( client, titles ) ).toEqual( before );
	} );

	it( 'leaves a template a person edited alone, and replaces it with --force', async () => {
		const admin = testWiki().credentials().admin;
		const { Mwn } = await import( 'mwn' );
		const human = await Mwn.init( {
			apiUrl: client.api, username: admin.username, password: admin.password, userAgent: 'CapacityBuilding-tests', silent: true, suppressAPIWarnings: true,
		} );
		const title = 'Template:Capacity status';
		const shipped = ( await readPages( client, [ title ] ) ).get( title )?.text as string;
		await human.save( title, `${ shipped }\n<!-- local change -->`, 'Local customisation' );

		const dryRun = await runBot( [ 'setup', '--json', '--dry-run', '--force' ] );
		expect( dryRun.code ).toBe( 0 );
		expect( dryRun.lines.some( ( line ) => line.includes( '-<!-- local change -->' ) ) ).toBe( true );
		const kept = await runBot( [ 'setup', '--json' ] );
		expect( kept.code ).toBe( 5 );
		expect( ( await readPages( client, [ title ] ) ).get( title )?.text ).toContain( 'local change' );

		const forced = await runBot( [ 'setup', '--json', '--force' ] );
		expect( forced.code ).toBe( 0 );
		expect( ( await readPages( client, [ title ] ) ).get( title )?.text ).toBe( shipped );
	} );

	it( 'describes the record templates with TemplateData from the schema', async () => {
		const response = await client.request( { action: 'templatedata', titles: 'Template:Capacity request', lang: 'en' } );
		type TemplateData = { params: Record<string, { label: string; required: boolean }>; paramOrder: string[] };
		const data = Object.values( response.pages as Record<string, TemplateData> )[ 0 ];
		expect( data?.paramOrder ).toEqual( REQUEST_SCHEMA.fields.map( ( f ) => f.param ) );
		expect( data?.params.title ).toMatchObject( { label: en.text( 'capacitybuilding-request-field-title' ), required: true } );
	} );

	it( 'renders a request without JavaScript, with its status badge and tracking categories', async () => {
		const record = {
			title: 'Grant writing help', requester: 'Admin', requesterType: 'individual', organisation: '', region: 'NWE', hub: '',
			topics: [ 'grant-writing' ], formats: [ 'coaching' ], languages: [ 'en' ], lang: '', neededBy: '', description: 'Line one\nLine two',
			status: 'open', holdReason: '', coach: [], offers: [], created: '2026-11-23T10:00:00Z',
		};
		const good = uniqueTitle( 'Setup test/Request' );
		const bad = uniqueTitle( 'Setup test/Broken request' );
		await client.request( { action: 'edit', title: good, text: serialize( REQUEST_SCHEMA, record ), token: client.mwn.csrfToken } );
		await client.request( { action: 'edit', title: bad, text: serialize( REQUEST_SCHEMA, { ...record, status: 'finished', title: '' } ), token: client.mwn.csrfToken } );
		const parse = async ( page: string ): Promise<{ html: string; categories: string[] }> => {
			const response = await client.request( { action: 'parse', page, prop: [ 'text', 'categories' ], uselang: 'en' } );
			return {
				html: response.parse.text as string,
				categories: ( response.parse.categories as { category: string }[] ).map( ( c ) => c.category.replace( /_/g, ' ' ) ),
			};
		};
		const rendered = await parse( good );
		expect( rendered.html ).toContain( 'ext-capacitybuilding-status--open' );
		expect( rendered.html ).toContain( `>${ en.text( 'capacitybuilding-status-open' ) }<` );
		expect( rendered.html ).toContain( en.text( 'capacitybuilding-region-nwe' ) );
		expect( rendered.html ).toContain( 'data-capacitybuilding-feature="requestPage"' );
		expect( rendered.categories ).toEqual( [ en.text( 'capacitybuilding-category-requests' ) ] );
		const broken = await parse( bad );
		expect( broken.html ).toContain( 'ext-capacitybuilding-status--invalid' );
		expect( broken.categories.sort() ).toEqual( [ en.text( 'capacitybuilding-category-invalid' ), en.text( 'capacitybuilding-category-requests' ) ].sort() );
	} );

	it.each( [
		[ COACH_SCHEMA, { user: 'Admin', topics: [ 'governance' ], languages: [ 'en' ], regions: [ 'NWE' ], formats: [ 'coaching' ], availability: 'available', awayUntil: '', maxRequests: '3', bio: 'Bio', contact: 'email', hubs: [] }, { availability: 'busy' }, 'capacitybuilding-category-coaches', 'ext-capacitybuilding-availability--available' ],
		[ HUB_SCHEMA, { name: 'Test hub', kind: 'regional', regions: [ 'NWE' ], topics: [], languages: [ 'en' ], contacts: [ 'Admin' ], noticeboard: '' }, { kind: 'galactic' }, 'capacitybuilding-category-hubs', en.text( 'capacitybuilding-hub-kind-regional' ) ],
		[ FEEDBACK_SCHEMA, { user: 'Admin', role: 'requester', rating: '4', outcome: 'achieved', comment: 'Useful', created: '2026-11-23T10:00:00Z' }, { role: 'judge' }, null, en.text( 'capacitybuilding-feedback-outcome-achieved' ) ],
	] as [ RecordSchema<unknown>, Record<string, unknown>, Record<string, unknown>, 'capacitybuilding-category-coaches' | 'capacitybuilding-category-hubs' | null, string ][] )(
		'renders record template %# without JavaScript and tracks invalid data', async ( schema, record, broken, category, shown ) => {
			const good = uniqueTitle( `Setup test/${ schema.template }` );
			const bad = uniqueTitle( `Setup test/Broken ${ schema.template }` );
			await client.request( { action: 'edit', title: good, text: serialize( schema, record ), token: client.mwn.csrfToken } );
			await client.request( { action: 'edit', title: bad, text: serialize( schema, { ...record, ...broken } ), token: client.mwn.csrfToken } );
			const parse = async ( page: string ): Promise<{ html: string; categories: string[] }> => {
				const response = await client.request( { action: 'parse', page, prop: [ 'text', 'categories' ], uselang: 'en' } );
				return { html: response.parse.text as string, categories: ( response.parse.categories as { category: string }[] ).map( ( c ) => c.category.replace( /_/g, ' ' ) ) };
			};
			const rendered = await parse( good );
			expect( rendered.html ).toContain( shown );
			expect( rendered.categories ).toEqual( category ? [ en.text( category ) ] : [] );
			expect( ( await parse( bad ) ).categories ).toContain( en.text( 'capacitybuilding-category-invalid' ) );
		} );
} );
