/**
 * Reading pages (bot/edits.ts) follows continuation, as MediaWiki continues a response it stopped
 * at its result size limit; and the Editor turns a page the wiki refuses into one skipped page while
 * failures that would fail every edit stop the command.
 */
import { MwnError } from 'mwn';
import { Editor, readPageInfo, readPages } from '../../../bot/edits';
import { Logger } from '../../../bot/log';
import type { WikiClient } from '../../../bot/wiki';

type Params = Record<string, unknown>;

function fakeClient( answer: ( params: Params ) => unknown ): { client: WikiClient; calls: Params[] } {
	const calls: Params[] = [];
	const client = {
		batchSize: 50,
		user: { name: 'Bot' },
		mwn: { csrfToken: 'token' },
		request: ( params: Params ) => {
			calls.push( params );
			try {
				return Promise.resolve( answer( params ) );
			} catch ( error ) {
				return Promise.reject( error );
			}
		},
	} as unknown as WikiClient;
	return { client, calls };
}

const revision = ( revid: number, text: string ): unknown => ( {
	revid, timestamp: '2026-12-01T00:00:00Z', user: 'Bot', sha1: `sha${ revid }`, slots: { main: { contentmodel: 'json', content: text } },
} );

describe( 'reading pages', () => {
	it( 'follows continuation and keeps what earlier responses gave', async () => {
		const { client, calls } = fakeClient( ( params ) => params.rvcontinue === undefined ? {
			query: { pages: [ { title: 'A', revisions: [ revision( 1, 'a' ) ] }, { title: 'B' }, { title: 'C', missing: true } ] },
			continue: { rvcontinue: '2|2', continue: '||' },
		} : {
			query: { pages: [ { title: 'A' }, { title: 'B', revisions: [ revision( 2, 'b' ) ] }, { title: 'C', missing: true } ] },
		} );
		const pages = await readPages( client, [ 'A', 'B', 'C' ] );
		expect( calls ).toHaveLength( 2 );
		expect( [ ...pages.values() ].map( ( p ) => [ p.title, p.exists, p.text, p.revid, p.sha1 ] ) ).toEqual( [
			[ 'A', true, 'a', 1, 'sha1' ], [ 'C', false, '', 0, '' ], [ 'B', true, 'b', 2, 'sha2' ],
		] );
		await readPageInfo( client, [ 'A' ] );
		expect( calls[ 2 ]?.rvprop ).toEqual( [ 'ids', 'timestamp', 'user', 'contentmodel', 'sha1' ] );
	} );
} );

describe( 'the editor', () => {
	const editor = ( answer: ( params: Params ) => unknown ): Editor => new Editor( fakeClient( ( params ) => params.action === 'edit' ? answer( params ) :
		{ query: { pages: [ { title: 'Stop', missing: true } ] } } ).client, new Logger( { quiet: true, write: () => undefined } ), { dryRun: false, stopPage: 'Stop' } );

	it( 'reports a page the wiki refuses and goes on', async () => {
		const refusing = editor( () => {
			throw new MwnError( { code: 'invalid-json-data', info: 'Invalid JSON' } );
		} );
		expect( await refusing.write( { title: 'P', text: '{}', contentModel: 'json', base: null, summary: 's' } ) ).toEqual( { outcome: 'skipped', revid: 0 } );
		expect( refusing.skipped[ 0 ]?.reason ).toContain( 'invalid-json-data' );
		expect( refusing.requests ).toBe( 1 );
	} );

	it( 'stops on failures that would fail every edit', async () => {
		const lost = editor( () => {
			throw new MwnError( { code: 'assertuserfailed', info: 'Not logged in' } );
		} );
		await expect( lost.write( { title: 'P', text: 'x', base: null, summary: 's' } ) ).rejects.toThrow( 'Not logged in' );
	} );

	it( 'never sends a lone surrogate, and sends text in NFC', async () => {
		const sent: Params[] = [];
		const ok = editor( ( params ) => {
			sent.push( params );
			return { edit: { result: 'Success', newrevid: 9 } };
		} );
		expect( ( await ok.write( { title: 'P', text: 'x\uD800', base: null, summary: 's' } ) ).outcome ).toBe( 'skipped' );
		expect( await ok.write( { title: 'Q', text: 'e\u0301', base: null, summary: 's' } ) ).toEqual( { outcome: 'created', revid: 9 } );
		expect( sent.map( ( p ) => p.text ) ).toEqual( [ 'é' ] );
	} );
} );
