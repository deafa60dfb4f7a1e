/**
 * The codec against the real wiki: records full of hostile text are saved through the API, read
 * back exactly as MediaWiki stores them (NFC; a lone surrogate, which is no character, as U+FFFD and
 * reported), and MediaWiki's own parser finds on their pages exactly the templates, categories and
 * links the template itself makes — nothing a value smuggled in.
 */
import fc from 'fast-check';
import { readPages } from '../../bot/edits';
import { Messages } from '../../bot/i18n';
import { REQUEST_SCHEMA, type CapacityRequest } from '../../modules/core/model';
import { parsePage, serialize } from '../../modules/core/wikitext/codec';
import { isInert } from '../../modules/core/wikitext/values';
import { HOSTILE_TOKENS, asStored, hostileString } from '../unit/core/wikitext/hostile';
import { botClient, runBot } from '../support/bot';
import { uniqueTitle } from '../support/wiki';
import type { WikiClient } from '../../bot/wiki';

const en = new Messages( 'en' );
const REQUESTS_CATEGORY = en.text( 'capacitybuilding-category-requests' ).replace( / /g, '_' );
const INVALID_CATEGORY = en.text( 'capacitybuilding-category-invalid' ).replace( / /g, '_' );
const OWN_TEMPLATES = [
	'Template:Capacity request', 'Template:Capacity status',
	'MediaWiki:Capacitybuilding-category-requests', 'MediaWiki:Capacitybuilding-category-invalid',
];

/** Every hostile token at once, and the long text people paste. */
const EVERYTHING = HOSTILE_TOKENS.join( ' ' );
const LONG = 'Ünïcödé | {{x}} ~~~~ <nowiki> [[Category:X]] '.repeat( 300 ).slice( 0, 10000 );

const valid: CapacityRequest = {
	title: 'Hostile input test', requester: 'Admin', requesterType: 'individual', organisation: '', region: 'MENA', hub: '',
	topics: [ 'governance' ], formats: [ 'coaching' ], languages: [ 'ar' ], lang: '', holdReason: '', neededBy: '', description: 'x', status: 'open',
	coach: [], offers: [], created: '2026-11-23T10:00:00Z',
};

interface Rendered {
	templates: string[];
	categories: string[];
	links: string[];
	externallinks: string[];
	images: string[];
	properties: Record<string, unknown>;
}

async function save( client: WikiClient, title: string, text: string ): Promise<void> {
	const response = await client.request( { action: 'edit', title, text, summary: 'Codec test', token: client.mwn.csrfToken } );
	expect( response.edit?.result ).toBe( 'Success' );
}

async function rendered( client: WikiClient, title: string ): Promise<Rendered> {
	const response = await client.request( { action: 'parse', page: title, prop: [ 'templates', 'categories', 'links', 'externallinks', 'images', 'properties' ] } );
	const parse = response.parse as Record<string, unknown>;
	return {
		templates: ( parse.templates as { title: string }[] ).map( ( t ) => t.title ).sort(),
		categories: ( parse.categories as { category: string }[] ).map( ( c ) => c.category ).sort(),
		links: ( parse.links as { title: string }[] ).map( ( l ) => l.title ).sort(),
		externallinks: parse.externallinks as string[],
		images: parse.images as string[],
		properties: parse.properties as Record<string, unknown>,
	};
}

describe( 'hostile values on the real wiki', () => {
	let client: WikiClient;

	beforeAll( async () => {
		client = await botClient();
		const setup = await runBot( [ 'setup' ] );
		if ( setup.code !== 0 ) {
			throw new Error( `setup failed: ${ setup.lines.join( '\n' ) }` );
		}
	} );

	it( 'keeps hostile free text exact and inert', async () => {
		const records: CapacityRequest[] = [
			{ ...valid, title: '{{subst:PAGENAME}} ~~~~ | x', organisation: '</nowiki>[[Category:Spam]]<!--', description: EVERYTHING },
			{ ...valid, title: ' \u200F\u202Eمرحبا 😀 ', organisation: '&amp; &lt;b&gt;', description: LONG },
			...fc.sample( fc.record( { title: hostileString( 15 ).filter( ( t ) => t !== '' ), organisation: hostileString( 15 ), description: hostileString( 60 ) } ), { numRuns: 12, seed: 20261123 } )
				.map( ( hostile ) => ( { ...valid, ...hostile } ) ),
		];
		const titles = records.map( () => uniqueTitle( 'Codec test/Free text' ) );
		for ( const [ i, record ] of records.entries() ) {
			await save( client, titles[ i ] as string, serialize( REQUEST_SCHEMA, record ) );
		}
		const pages = await readPages( client, titles );
		const baselineTitle = uniqueTitle( 'Codec test/Baseline' );
		await save( client, baselineTitle, serialize( REQUEST_SCHEMA, { ...valid, title: 'Plain title', organisation: 'Plain', description: 'Plain' } ) );
		const baseline = await rendered( client, baselineTitle );
		expect( baseline.links ).toEqual( [ 'User:Admin' ] );
		for ( const [ i, record ] of records.entries() ) {
			const title = titles[ i ] as string;
			const { parsed, diagnostics } = parsePage( pages.get( title )?.text ?? '', REQUEST_SCHEMA, { extensionTags: client.site.extensionTags } );
			expect( diagnostics.filter( ( d ) => d.key !== 'capacitybuilding-codec-lone-surrogate' ) ).toEqual( [] );
			expect( parsed?.record ).toEqual( asStored( record ) );
			expect( { title, ...await rendered( client, title ) } ).toEqual( { title, ...baseline } );
		}
	} );

	it( 'keeps hostile text in every field exact, and adds nothing but the template\'s own output', async () => {
		const samples = fc.sample( fc.tuple( hostileString( 8 ), hostileString( 8 ), hostileString( 20 ) ), { numRuns: 10, seed: 42 } );
		for ( const [ short, other, long ] of samples ) {
			const record: CapacityRequest = {
				title: long, requester: short, requesterType: other, organisation: long, region: short, hub: other,
				topics: [ short, other ].filter( Boolean ), formats: [ other ].filter( Boolean ), languages: [ short ].filter( Boolean ), lang: '', holdReason: '',
				neededBy: other, description: long, status: short, coach: [ other ].filter( Boolean ), offers: [ short, long ].filter( Boolean ),
				created: other,
			};
			const title = uniqueTitle( 'Codec test/Every field' );
			await save( client, title, serialize( REQUEST_SCHEMA, record ) );
			const text = ( await readPages( client, [ title ] ) ).get( title )?.text ?? '';
			expect( parsePage( text, REQUEST_SCHEMA, { extensionTags: client.site.extensionTags } ).parsed?.record ).toEqual( asStored( record ) );
			const page = await rendered( client, title );
			// Links the template makes from values that are written as they are (a user, a hub), in NFC.
			const [ user, hub ] = [ asStored( short ), asStored( other ) ];
			const allowedLinks = [
				...( isInert( user ) && record.requester ? [ `User:${ user.charAt( 0 ).toUpperCase() }${ user.slice( 1 ) }` ] : [] ),
				...( isInert( hub ) && record.hub ? [ `Capacity building/Hubs/${ hub }` ] : [] ),
			];
			expect( page.templates.every( ( t ) => OWN_TEMPLATES.includes( t ) ) ).toBe( true );
			expect( page.categories.every( ( c ) => c === REQUESTS_CATEGORY || c === INVALID_CATEGORY ) ).toBe( true );
			expect( page.links.filter( ( l ) => !allowedLinks.includes( l ) ) ).toEqual( [] );
			expect( page.externallinks ).toEqual( [] );
			expect( page.images ).toEqual( [] );
			expect( page.properties ).toEqual( {} );
		}
	} );
} );
