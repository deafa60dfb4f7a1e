/**
 * A notify round against a small local HTTP server that plays a wiki with the Babel extension (the
 * development wiki has none): a coach without a request's language is written to in their Babel
 * language — here through its fallback chain (gsw → de), with a German test translation — Babel is
 * read once and kept in the store, and the round reads in one batched request what it needs.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Editor } from '../../../../bot/edits';
import { Messages, loadMessageFiles } from '../../../../bot/i18n';
import { Logger } from '../../../../bot/log';
import { runNotify } from '../../../../bot/notify/notify';
import { Store } from '../../../../bot/store';
import { WikiClient } from '../../../../bot/wiki';

jest.setTimeout( 30_000 );

type Params = URLSearchParams;

async function fakeWiki(): Promise<{ url: string; seen: Params[]; close: () => Promise<void> }> {
	const seen: Params[] = [];
	let revid = 1000;
	const server = http.createServer( ( req, res ) => {
		let body = '';
		req.on( 'data', ( chunk: Buffer ) => {
			body += chunk.toString();
		} );
		req.on( 'end', () => {
			const q = new URLSearchParams( req.url?.split( '?' )[ 1 ] ?? '' );
			new URLSearchParams( body ).forEach( ( value, key ) => q.set( key, value ) );
			seen.push( q );
			const query: Record<string, unknown> = {};
			const meta = q.get( 'meta' ) ?? '';
			if ( meta.includes( 'siteinfo' ) ) {
				Object.assign( query, { general: { lang: 'en', generator: 'MediaWiki 1.43' }, extensiontags: [ '<nowiki>' ],
					userinfo: { name: 'CapacityBot', rights: [], groups: [ 'bot' ] } } );
			}
			if ( meta.includes( 'babel' ) ) {
				query.babel = { gsw: 'N', en: '2' };
			}
			if ( meta.includes( 'languageinfo' ) ) {
				const info: Record<string, unknown> = { en: { fallbacks: [], dir: 'ltr' }, gsw: { fallbacks: [ 'de-ch', 'de' ], dir: 'ltr' } };
				query.languageinfo = Object.fromEntries( ( q.get( 'licode' ) ?? '' ).split( '|' ).filter( ( c ) => info[ c ] ).map( ( c ) => [ c, info[ c ] ] ) );
			}
			if ( q.get( 'titles' ) ) {
				query.pages = ( q.get( 'titles' ) as string ).split( '|' ).map( ( title ) => ( { title, missing: true, pagelanguage: 'en' } ) );
			}
			if ( ( q.get( 'list' ) ?? '' ).includes( 'users' ) ) {
				query.users = ( q.get( 'ususers' ) ?? '' ).split( '|' ).map( ( name ) => ( { name, gender: 'female' } ) );
			}
			const reply = q.get( 'action' ) === 'edit' ? { edit: { result: 'Success', newrevid: ++revid } } : { query };
			res.writeHead( 200, { 'content-type': 'application/json' } );
			res.end( JSON.stringify( reply ) );
		} );
	} );
	await new Promise<void>( ( resolve ) => {
		server.listen( 0, '127.0.0.1', resolve );
	} );
	const { port } = server.address() as AddressInfo;
	return { url: `http://127.0.0.1:${ port }/api.php`, seen, close: () => new Promise( ( resolve ) => {
		server.close( () => resolve() );
	} ) };
}

function coach( user: string, revid: number ): Parameters<Store[ 'apply' ]>[ 0 ][ 'updates' ][ number ] {
	return { page: `CB/Coaches/${ user }`, action: 'coach', problems: [], value: { user, page: `CB/Coaches/${ user }`, revid,
		updated: '2026-01-01T00:00:00Z', since: revid, record: { user, topics: [ 'outreach' ], languages: [ 'de' ], regions: [],
			formats: [ 'coaching' ], availability: 'away', awayUntil: '2026-02-01', maxRequests: '2', bio: '', contact: 'talk', hubs: [] } } };
}

it( 'writes to a coach in their Babel language through its fallback chain, and reads Babel once', async () => {
	const wiki = await fakeWiki();
	const dir = fs.mkdtempSync( path.join( os.tmpdir(), 'capacity-babel-' ) );
	const store = await Store.open( `sqlite:${ path.join( dir, 'store.sqlite' ) }` );
	const logger = new Logger( { quiet: true, write: () => undefined } );
	const messageFiles = { ...loadMessageFiles(), de: {
		'capacitybuilding-notice-away-ended-heading': 'Sind Sie zurück?',
		'capacitybuilding-notice-away-ended-body': 'Ihr Profil sagt, Sie seien bis $1 abwesend. {{GENDER:$3|Zurück}}? [[$2|Ihr Profil]].',
		'capacitybuilding-notice-away-ended-summary': 'Kapazitätsaufbau: Ihre Verfügbarkeit',
	} };
	try {
		await store.apply( { updates: [ coach( 'Carol', 10 ) ], statusChanges: [], cursor: { timestamp: '2026-01-01T00:00:00Z', rcid: 1 },
			config: '{}', full: false, finished: '2026-01-01T00:00:00Z' } );
		const client = await WikiClient.connect( { api: wiki.url, credentials: null, userAgent: 'CapacityBuilding-tests', logger } );
		const round = ( day: string ): ReturnType<typeof runNotify> => runNotify( { client, store, logger, messages: new Messages( 'en' ),
			messageFiles, base: 'CB', dryRun: false, since: '2026-01-01T00:00:00Z', now: () => new Date( `${ day }T12:00:00Z` ),
			editor: new Editor( client, logger, { dryRun: false, stopPage: 'CB/Bot/Stop' } ) } );
		const before = wiki.seen.length;
		expect( await round( '2026-03-01' ) ).toMatchObject( { sent: 1, edits: 1, reads: 3 } );
		const requests = wiki.seen.slice( before );
		// One batched read (the talk page and the shut-off page, the gender, the content language), Babel,
		// the fallback chain of the Babel language the bot has no messages in, the edit.
		expect( requests.map( ( q ) => q.get( 'meta' ) ?? q.get( 'action' ) ) ).toEqual( [ 'languageinfo', 'babel', 'languageinfo', 'edit' ] );
		expect( requests[ 0 ]?.get( 'titles' ) ).toBe( 'CB/Bot/Stop|User talk:Carol' );
		expect( requests[ 2 ]?.get( 'licode' ) ).toBe( 'gsw' );
		const edit = requests[ 3 ] as Params;
		expect( edit.get( 'title' ) ).toBe( 'User talk:Carol' );
		expect( edit.get( 'sectiontitle' ) ).toBe( 'Sind Sie zurück?' );
		expect( edit.get( 'text' ) ).toContain( '<div lang="de" dir="ltr"' );
		expect( edit.get( 'text' ) ).toContain( 'bis 2026-02-01 abwesend. Zurück?' );
		expect( edit.get( 'notminor' ) ).toBe( '1' );
		// Another coach later: Babel of Carol is not read again (another person is).
		await store.apply( { updates: [ coach( 'Dave', 11 ) ], statusChanges: [], cursor: { timestamp: '2026-01-01T00:00:00Z', rcid: 2 },
			config: '{}', full: false, finished: '2026-01-01T00:00:00Z' } );
		const again = wiki.seen.length;
		expect( await round( '2026-03-02' ) ).toMatchObject( { sent: 1 } );
		expect( wiki.seen.slice( again ).filter( ( q ) => q.get( 'meta' ) === 'babel' ).map( ( q ) => q.get( 'babuser' ) ) ).toEqual( [ 'Dave' ] );
	} finally {
		await store.close();
		await wiki.close();
		fs.rmSync( dir, { recursive: true, force: true } );
	}
} );
