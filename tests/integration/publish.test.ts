/**
 * Publishing against the development wiki, beyond the happy path of sync.test.ts:
 * - MediaWiki stores the JSON text the bot sends byte for byte (so the bot's comparison is exact
 *   and a second publish sends no edit request at all, counted at the API);
 * - pages that used to stop publishing for everyone: a request page near the wiki's size limit, a
 *   lone UTF-16 surrogate (from an `&#xD800;` reference on the page, and in a store row directly),
 *   a page whose JSON MediaWiki rejects, and titles with odd characters;
 * - every edit the bot makes: a page the wiki refuses is one skipped page, never a crashed command;
 * - an index large enough to be split into parts, where one changed record rewrites only its part.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Editor, readPages, type Edit, type WriteResult } from '../../bot/edits';
import { Messages } from '../../bot/i18n';
import { Logger } from '../../bot/log';
import { mediaWikiJson } from '../../bot/publish/json';
import { PAGE_LIMIT_BYTES, runPublish, type PublishReport } from '../../bot/publish/publish';
import { Store } from '../../bot/store';
import type { WikiClient } from '../../bot/wiki';
import { readManifest, readPart, type CoachEntry, type HubEntry, type IndexName, type RequestEntry } from '../../modules/core/indexes';
import { COACH_SCHEMA, HUB_SCHEMA, REQUEST_SCHEMA, type CapacityRequest, type CoachProfile } from '../../modules/core/model';
import { requestTitle, sitePages } from '../../modules/core/pages';
import { serialize } from '../../modules/core/wikitext/codec';
import { botClient, runBot, type BotRun } from '../support/bot';
import { personSessions, testWiki, uniqueTitle } from '../support/wiki';

const PASSWORD = 'capacity-test-password-1';
const REQUESTER = 'Pat Publish';
/** A username with characters that need care in titles, links, JSON and wikitext. */
const ODD_USER = 'Zoë O\'Brien-Ünal 🧭 & "Co"';
const ODD_HUB = 'Ça & Co. "Ünïcode" (🧭) ؟';
const en = new Messages( 'en' );
const quiet = new Logger( { quiet: true, write: () => undefined } );
let dir: string;
let client: WikiClient;

const as = personSessions( PASSWORD, 'publish' );

function request( overrides: Partial<CapacityRequest> = {} ): CapacityRequest {
	return {
		title: 'A request to publish', requester: REQUESTER, requesterType: 'individual', organisation: '',
		region: 'SSA', hub: '', topics: [ 'outreach' ], formats: [ 'workshop' ], languages: [ 'en' ], lang: '', neededBy: '',
		description: 'We would like to run a first editing workshop in our town.', status: 'open', holdReason: '', coach: [], offers: [],
		created: '2026-11-01T10:00:00Z', ...overrides,
	};
}

function coach( user: string ): CoachProfile {
	return {
		user, topics: [ 'outreach' ], languages: [ 'en' ], regions: [ 'SSA' ], formats: [ 'coaching' ], availability: 'available',
		awayUntil: '', maxRequests: '3', bio: 'Trainer. '.repeat( 100 ), contact: 'talk', hubs: [],
	};
}

function bot( db: string, base: string, ...args: string[] ): Promise<BotRun> {
	return runBot( [ ...args, '--json', '--db', db, '--base', base ] );
}

function line( run: BotRun, prefix: string ): Record<string, unknown> {
	const found = run.records.find( ( r ) => String( r.message ).startsWith( prefix ) );
	if ( !found ) {
		throw new Error( `No "${ prefix }" line in:\n${ run.lines.join( '\n' ) }` );
	}
	return found;
}

/** Publishes in-process, counting the API's edit requests (action=edit) the way the wiki sees them. */
async function publishCounting( db: string, base: string, editor?: Editor ): Promise<{ report: PublishReport; editRequests: number }> {
	const store = await Store.open( db );
	const spy = jest.spyOn( client, 'request' );
	try {
		const report = await runPublish( {
			client, store, messages: en, base,
			editor: editor ?? new Editor( client, quiet, { dryRun: false, stopPage: sitePages( base ).stop } ),
		} );
		const editRequests = spy.mock.calls.filter( ( [ params ] ) => ( params as Record<string, unknown> ).action === 'edit' ).length;
		return { report, editRequests };
	} finally {
		spy.mockRestore();
		await store.close();
	}
}

/** Every page of the three indexes, as JSON: manifests, and each index's entries. */
async function readIndexes( base: string ): Promise<{ [ N in IndexName ]: unknown[] } & { titles: string[] }> {
	const pages = sitePages( base );
	const manifests = await readPages( client, [ pages.requestsJson, pages.coachesJson, pages.hubsJson ] );
	const out = { requests: [] as unknown[], coaches: [] as unknown[], hubs: [] as unknown[], titles: [] as string[] };
	for ( const [ index, title ] of [ [ 'requests', pages.requestsJson ], [ 'coaches', pages.coachesJson ], [ 'hubs', pages.hubsJson ] ] as const ) {
		const manifest = readManifest( JSON.parse( manifests.get( title )?.text ?? 'null' ), index );
		if ( !manifest ) {
			throw new Error( `${ title } is no manifest` );
		}
		out.titles.push( title, ...manifest.parts.map( ( p ) => p.page ) );
		// By revision, as the clients read them.
		for ( const part of manifest.parts ) {
			const response = await client.request( { action: 'query', revids: part.revid, prop: 'revisions', rvprop: 'content', rvslots: 'main' } );
			const content = response.query?.pages?.[ 0 ]?.revisions?.[ 0 ]?.slots?.main?.content as string;
			out[ index ].push( ...( readPart( JSON.parse( content ), index ) ?? [] ) );
		}
	}
	return out;
}

/** No lone surrogate, no page over the bot's limit. */
function assertPublishable( texts: string[] ): void {
	for ( const text of texts ) {
		expect( text.replace( /[\uD800-\uDBFF][\uDC00-\uDFFF]/g, '' ) ).not.toMatch( /[\uD800-\uDFFF]/ );
		expect( Buffer.byteLength( text ) ).toBeLessThan( PAGE_LIMIT_BYTES );
	}
}

function xml( value: string ): string {
	return value.replace( /&/g, '&amp;' ).replace( /</g, '&lt;' ).replace( />/g, '&gt;' );
}

beforeAll( async () => {
	dir = fs.mkdtempSync( path.join( os.tmpdir(), 'capacity-publish-' ) );
	const wiki = testWiki();
	wiki.ensureUser( REQUESTER, PASSWORD );
	wiki.ensureUser( ODD_USER, PASSWORD );
	const setup = await runBot( [ 'setup', '--json' ] );
	if ( setup.code !== 0 && setup.code !== 5 ) {
		throw new Error( `setup failed: ${ setup.lines.join( '\n' ) }` );
	}
	client = await botClient();
} );

afterAll( () => {
	fs.rmSync( dir, { recursive: true, force: true } );
} );

describe( 'JSON as MediaWiki stores it', () => {
	it( 'stores the text the bot sends byte for byte, so comparing texts is exact', async () => {
		const editor = new Editor( client, quiet, { dryRun: false, stopPage: sitePages( uniqueTitle( 'CB json' ) ).stop } );
		const every = Array.from( { length: 0x2100 }, ( _, i ) => i ).filter( ( c ) => c < 0xD800 ).map( ( c ) => String.fromCodePoint( c ) ).join( '' );
		const value = {
			controls: every.slice( 0, 0x100 ), latin: every.slice( 0x100 ), nfd: 'e\u0301 A\u030A \u2126 \u1E9B\u0323',
			escapes: '< > & / \\ " \u2028 \u2029 \uFEFF \uFFFE \uFFFF \uFDD0 🧭 \u{10FFFF}', rtl: '\u200Fאבג\u200E مرحبا',
			numbers: [ 0, -0, 1, 2.5, 0.1, 0.0001, 0.00001, 1e-7, 123456789, 4.35, 1e21, 2 ** 63, 2 ** 53 + 2 ],
			empty: {}, emptyList: [], nested: { a: [ [], [ {} ] ] }, '': 'empty key', 10: 'numeric key', flags: [ true, false, null ],
		};
		const title = uniqueTitle( 'CB json probe' );
		const text = mediaWikiJson( value );
		expect( ( await editor.write( { title, text, contentModel: 'json', base: null, summary: 'test' } ) ).outcome ).toBe( 'created' );
		const stored = ( await readPages( client, [ title ] ) ).get( title );
		expect( stored?.text ).toBe( text );
		// And the same again is no edit at all.
		const before = editor.requests;
		expect( ( await editor.write( { title, text, contentModel: 'json', base: stored ?? null, summary: 'test' } ) ).outcome ).toBe( 'unchanged' );
		expect( editor.requests ).toBe( before );
	} );
} );

describe( 'publishing pages that used to stop everyone', () => {
	const base = uniqueTitle( 'CB publish' );
	const t = ( rest: string ): string => `${ base }/${ rest }`;
	let db: string;

	beforeAll( async () => {
		db = `sqlite:${ path.join( dir, 'poison.sqlite' ) }`;
		const requester = await as( REQUESTER );
		await client.mwn.save( t( `Hubs/${ ODD_HUB }` ), serialize( HUB_SCHEMA, {
			name: 'Odd hub', kind: 'regional', regions: [ 'SSA' ], topics: [], languages: [ 'en' ], contacts: [ ODD_USER ], noticeboard: '',
		} ), 'test' );
		await ( await as( ODD_USER ) ).save( t( `Coaches/${ ODD_USER }` ), serialize( COACH_SCHEMA, coach( ODD_USER ) ), 'test' );
		await requester.save( t( 'Requests/R1' ), serialize( REQUEST_SCHEMA, request( { title: 'An ordinary request', hub: ODD_HUB } ) ), 'test' );
		// Near the wiki's size limit ($wgMaxArticleSize, 2048 KiB by default): 2,000 KiB of description,
		// in lines of words (MediaWiki takes minutes to save one 1 MiB word).
		const words = 'Ünïcode words for a long request description, written over many lines.\n';
		const huge = words.repeat( Math.floor( 2000 * 1024 / Buffer.byteLength( words ) ) );
		await requester.save( t( 'Requests/R2' ), serialize( REQUEST_SCHEMA, request( { title: 'At the size limit', description: huge } ) ), 'test' );
		// A lone surrogate written as a character reference, as a hand edit might.
		const template = serialize( REQUEST_SCHEMA, request( { title: 'With a lone surrogate' } ) );
		await requester.save( t( 'Requests/R3' ), template.replace( 'We would like', 'We &#xD800; would like' ), 'test' );
		const sync = await bot( db, base, 'sync', '--full' );
		if ( sync.code !== 0 && sync.code !== 5 ) {
			throw new Error( sync.lines.join( '\n' ) );
		}
	} );

	it( 'publishes everything else, cuts the huge request to a summary, and lists what it could not publish', async () => {
		const run = await bot( db, base, 'publish' );
		expect( [ 0, 5 ] ).toContain( run.code );
		const { requests, coaches, hubs, titles } = await readIndexes( base );
		const entries = requests as RequestEntry[];
		const byNumber = new Map( entries.map( ( e ) => [ e.number, e ] ) );
		expect( byNumber.get( 1 )?.request ).toMatchObject( { title: 'An ordinary request', hub: ODD_HUB } );
		expect( byNumber.get( 2 )?.cut ).toEqual( [ 'description' ] );
		expect( byNumber.get( 2 )?.state ).toBe( 'invalid' );
		// R3: left out (its text is not valid Unicode), or stored without the lone surrogate if sync refused it.
		expect( JSON.stringify( byNumber.get( 3 ) ?? null ) ).not.toMatch( /\\ud800/i );
		expect( ( coaches as CoachEntry[] ).map( ( c ) => c.user ) ).toEqual( [ ODD_USER ] );
		expect( ( hubs as HubEntry[] ).map( ( h ) => h.key ) ).toEqual( [ ODD_HUB ] );
		const pages = sitePages( base );
		const all = await readPages( client, [ ...titles, pages.statisticsJson, pages.requestsIndex, pages.coachesIndex, pages.statistics, pages.review ] );
		assertPublishable( [ ...all.values() ].map( ( p ) => p.text ) );
		expect( all.get( pages.coachesIndex )?.text ).toContain( `[[:${ t( `Coaches/${ ODD_USER }` ) }|` );
		expect( all.get( pages.requestsIndex )?.text ).toContain( '<nowiki>Ça &amp; Co. "Ünïcode" (🧭) ؟</nowiki>' );
		expect( all.get( pages.review )?.text ).toContain( `[[:${ t( 'Requests/R3' ) }]]` );
		const parsed = await client.request( { action: 'parse', page: pages.requestsIndex, prop: [ 'links' ] } );
		expect( parsed.parse.links.map( ( l: { title: string } ) => l.title ) ).toEqual( expect.arrayContaining( [ t( 'Requests/R1' ), t( 'Requests/R2' ) ] ) );
	} );

	it( 'sends not one edit request when published again', async () => {
		const { report, editRequests } = await publishCounting( db, base );
		expect( editRequests ).toBe( 0 );
		expect( report.edits ).toBe( 0 );
		expect( Object.values( report.outcomes ).every( ( o ) => o === 'unchanged' ) ).toBe( true );
	} );

	it( 'leaves out a store row holding a lone surrogate, reports it, and publishes it again once fixed', async () => {
		const store = await Store.open( db );
		const original = ( await store.requests() ).find( ( r ) => r.number === 1 );
		try {
			await store.db.updateTable( 'requests' ).set( { record: JSON.stringify( { ...original?.record, title: 'Broken \uD800 title' } ) } )
				.where( 'number', '=', 1 ).execute();
		} finally {
			await store.close();
		}
		const run = await bot( db, base, 'publish' );
		expect( run.code ).toBe( 5 );
		expect( run.lines.join( '\n' ) ).toContain( t( 'Requests/R1' ) );
		const { requests } = await readIndexes( base );
		expect( ( requests as RequestEntry[] ).map( ( e ) => e.number ) ).not.toContain( 1 );
		expect( ( requests as RequestEntry[] ).map( ( e ) => e.number ) ).toContain( 2 );
		const review = ( await readPages( client, [ sitePages( base ).review ] ) ).get( sitePages( base ).review )?.text ?? '';
		expect( review ).toContain( en.text( 'capacitybuilding-bot-publish-problem-encoding', 'title' ) );
		assertPublishable( [ review ] );

		const fixed = await Store.open( db );
		try {
			await fixed.db.updateTable( 'requests' ).set( { record: JSON.stringify( original?.record ) } ).where( 'number', '=', 1 ).execute();
		} finally {
			await fixed.close();
		}
		await bot( db, base, 'publish' );
		expect( ( ( await readIndexes( base ) ).requests as RequestEntry[] ).map( ( e ) => e.number ) ).toContain( 1 );
	} );

	it( 'goes on when the wiki refuses a page (invalid JSON), lists it, and keeps that index\'s manifest', async () => {
		const pages = sitePages( base );
		const manifestBefore = ( await readPages( client, [ pages.hubsJson ] ) ).get( pages.hubsJson );
		// A changed hub and a changed request: both indexes have a part to write.
		await client.mwn.save( t( `Hubs/${ ODD_HUB }` ), serialize( HUB_SCHEMA, {
			name: 'Odd hub, renamed', kind: 'regional', regions: [ 'SSA' ], topics: [], languages: [ 'en' ], contacts: [ ODD_USER ], noticeboard: '',
		} ), 'test' );
		await ( await as( REQUESTER ) ).save( t( 'Requests/R1' ), serialize( REQUEST_SCHEMA, request( { title: 'An ordinary request, edited', hub: ODD_HUB } ) ), 'test' );
		await bot( db, base, 'sync' );
		// This editor turns the hubs' part into JSON MediaWiki refuses (an escaped lone surrogate).
		class Corrupting extends Editor {
			public override write( edit: Edit ): Promise<WriteResult> {
				return super.write( edit.title === `${ pages.hubsJson }/1` ? { ...edit, text: '{"entries": "\\ud800"}' } : edit );
			}
		}
		const { report } = await publishCounting( db, base, new Corrupting( client, quiet, { dryRun: false, stopPage: pages.stop } ) );
		expect( report.outcomes[ `${ pages.hubsJson }/1` ] ).toBe( 'skipped' );
		expect( report.outcomes[ pages.hubsJson ] ).toBe( 'skipped' );
		expect( report.outcomes[ `${ pages.requestsJson }/1` ] ).toBe( 'edited' );
		expect( report.outcomes[ pages.requestsJson ] ).toBe( 'edited' );
		expect( report.problems.map( ( p ) => [ p.page, p.message ] ) ).toEqual( expect.arrayContaining( [
			[ `${ pages.hubsJson }/1`, 'capacitybuilding-bot-publish-problem-not-saved' ],
			[ pages.hubsJson, 'capacitybuilding-bot-publish-problem-manifest-kept' ],
		] ) );
		expect( String( report.problems.find( ( p ) => p.page === `${ pages.hubsJson }/1` )?.params[ 0 ] ) ).toContain( 'invalid-json-data' );
		const after = await readPages( client, [ pages.hubsJson, pages.review ] );
		expect( after.get( pages.hubsJson )?.revid ).toBe( manifestBefore?.revid );
		expect( after.get( pages.review )?.text ).toContain( `[[:${ pages.hubsJson }/1]]` );
		// Readers still get the previous, consistent hubs index; the next publish completes it.
		expect( ( ( await readIndexes( base ) ).hubs as HubEntry[] )[ 0 ]?.hub.name ).toBe( 'Odd hub' );
		const next = await bot( db, base, 'publish' );
		// The hubs' part and manifest and the review page; and the reports of the current and the previous
		// quarter (the programme's and the hub's), which name the renamed hub: runPublish above wrote none;
		// and the evaluation page (runPublish asked for no quarter) and the learning page (the open-data
		// pages are as the earlier publishes of this base wrote them).
		expect( line( next, 'Publish:' ) ).toMatchObject( { edits: 9 } );
		expect( ( ( await readIndexes( base ) ).hubs as HubEntry[] )[ 0 ]?.hub.name ).toBe( 'Odd hub, renamed' );
		expect( ( await readPages( client, [ pages.review ] ) ).get( pages.review )?.text ).not.toContain( `[[:${ pages.hubsJson }/1]]` );
	} );

	it( 'makes any edit the wiki refuses one skipped page, never an exception', async () => {
		const editor = new Editor( client, quiet, { dryRun: false, stopPage: sitePages( base ).stop } );
		const refused: Edit[] = [
			{ title: t( 'Refused/Invalid JSON' ), text: '{"x": "\\ud800"}', contentModel: 'json', base: null, summary: 'test' },
			{ title: t( 'Refused/Too big' ), text: 'x'.repeat( 2049 * 1024 ), base: null, summary: 'test' },
			{ title: `${ base }/Bad [title]`, text: 'x', base: null, summary: 'test' },
		];
		for ( const edit of refused ) {
			expect( ( await editor.write( edit ) ).outcome ).toBe( 'skipped' );
		}
		expect( editor.skipped.map( ( s ) => s.reason ) ).toEqual( [
			expect.stringContaining( 'invalid-json-data' ), expect.stringContaining( 'contenttoobig' ), expect.stringContaining( 'invalidtitle' ),
		] );
		expect( ( await editor.write( { title: t( 'Refused/Fine' ), text: 'Fine.', base: null, summary: 'test' } ) ).outcome ).toBe( 'created' );
	} );
} );

describe( 'an index split into parts', () => {
	const base = uniqueTitle( 'CB parts' );
	const N = 1200;
	let db: string;

	beforeAll( async () => {
		db = `sqlite:${ path.join( dir, 'parts.sqlite' ) }`;
		const pages: string[] = [];
		for ( let n = 1; n <= N; n++ ) {
			const text = serialize( REQUEST_SCHEMA, request( { title: `Request ${ n } about workshops`, description: `${ 'A long enough description. '.repeat( 30 ) }${ n }` } ) );
			pages.push( `<page><title>${ xml( requestTitle( base, n ) ) }</title><ns>0</ns><revision><timestamp>2026-11-01T10:00:00Z</timestamp>` +
				`<contributor><username>${ xml( REQUESTER ) }</username></contributor><model>wikitext</model><format>text/x-wiki</format>` +
				`<text xml:space="preserve">${ xml( text ) }</text></revision></page>` );
		}
		const file = path.join( dir, 'parts.xml' );
		fs.writeFileSync( file, `<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11" xml:lang="en">\n${ pages.join( '\n' ) }\n</mediawiki>\n` );
		testWiki().php( 'importDump', '--no-updates', file );
		const sync = await bot( db, base, 'sync', '--full' );
		if ( sync.code !== 0 ) {
			throw new Error( sync.lines.join( '\n' ) );
		}
	} );

	it( 'publishes bounded parts, then rewrites only the part (and list subpage) of a changed record', async () => {
		const first = await bot( db, base, 'publish' );
		expect( first.code ).toBe( 0 );
		const pages = sitePages( base );
		const manifest = readManifest( JSON.parse( ( await readPages( client, [ pages.requestsJson ] ) ).get( pages.requestsJson )?.text ?? 'null' ), 'requests' );
		expect( manifest?.parts.length ).toBeGreaterThan( 1 );
		expect( manifest?.count ).toBe( N );
		const { requests, titles } = await readIndexes( base );
		expect( requests ).toHaveLength( N );
		assertPublishable( [ ...( await readPages( client, titles ) ).values() ].map( ( p ) => p.text ) );

		const middle = Math.round( N / 2 );
		await ( await as( REQUESTER ) ).save( requestTitle( base, middle ), serialize( REQUEST_SCHEMA, request( {
			title: 'A changed title', description: `${ 'A long enough description. '.repeat( 30 ) }${ middle }`,
		} ) ), 'test' );
		await bot( db, base, 'sync' );
		const { report, editRequests } = await publishCounting( db, base );
		const part = manifest?.parts.find( ( p ) => Number( p.first ) <= middle && middle <= Number( p.last ) );
		// The part, its list subpage, the manifest, and Statistics.json (whose `generated` is the newest revision).
		expect( Object.entries( report.outcomes ).filter( ( [ , o ] ) => o !== 'unchanged' ).map( ( [ title ] ) => title ).sort() ).toEqual( [
			`${ pages.requestsJson }/${ part?.id }`, pages.requestsJson, `${ pages.requestsIndex }/${ part?.id }`, pages.statisticsJson,
		].sort() );
		expect( editRequests ).toBe( 4 );
		expect( ( await publishCounting( db, base ) ).editRequests ).toBe( 0 );
	} );
} );
