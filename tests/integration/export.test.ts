/**
 * `capacity-bot export`, the real command in its own process, on a real SQLite store. The store is
 * filled directly (`Store.apply`, as a sync stores its results) rather than by a sync from the
 * development wiki: the export reads only the store, and enough feedback to pass the suppression
 * thresholds would take dozens of accounts on the wiki. Checks: the files and their columns, the
 * figures equal the figures module's on the same store, small groups are suppressed, and a rerun
 * writes the same bytes.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { storeFigures } from '../../bot/export/storeFigures';
import { COLUMNS } from '../../bot/export/files';
import { Store, type StatusChange, type StoredRequest } from '../../bot/store';
import { parsePeriod } from '../../modules/core/figures';
import type { CapacityRequest, Feedback } from '../../modules/core/model';
import { repoRoot } from '../../scripts/lib/paths';
import { sqliteBackend } from '../support/store';

const run = promisify( execFile );
const backend = sqliteBackend();
let db: string;
let out: string;

function request( number: number, overrides: Partial<CapacityRequest>, entries: Feedback[] ): StoredRequest {
	const record: CapacityRequest = {
		title: `Request ${ number }`, requester: `Requester ${ number }`, requesterType: 'group', organisation: '', region: 'ESEAP',
		hub: 'ESEAP hub', topics: [ 'governance' ], formats: [ 'workshop' ], languages: [ 'id' ], lang: '', neededBy: '',
		description: 'Enough words to describe a request.', status: 'completed', holdReason: '', coach: [ 'Coach' ], offers: [ 'Coach' ],
		created: `2026-01-${ String( number ).padStart( 2, '0' ) }T10:00:00Z`, ...overrides,
	};
	const page = `CB export/Requests/R${ number }`;
	return { number, page, revid: 100 + number, updated: '2026-03-20T00:00:00Z', record, feedback: entries };
}

function feedback( number: number, n: number, rating: string, outcome: string ): Feedback[] {
	return Array.from( { length: n }, ( _x, i ) => ( {
		user: `Participant ${ number }-${ i }`, role: 'participant', rating, outcome, confidenceBefore: '', confidenceAfter: '', stage: '', used: '', comment: 'Useful.', learned: '', created: '2026-03-01T00:00:00Z',
	} ) );
}

/** Twelve ESEAP requests with 2 answers each (24), and one SSA request with 3 answers. */
function fixture(): { requests: StoredRequest[]; history: StatusChange[] } {
	const requests = Array.from( { length: 12 }, ( _x, i ) => request( i + 1, {}, feedback( i + 1, 2, i < 2 ? '3' : '5', i < 1 ? 'partly' : 'achieved' ) ) );
	requests.push( request( 13, { region: 'SSA', hub: 'Africa hub', languages: [ 'sw' ], status: 'declined' }, feedback( 13, 3, '2', 'not-achieved' ) ) );
	const history = requests.flatMap( ( r ): StatusChange[] => [
		{ requestNumber: r.number, from: '', to: 'open', user: r.record.requester, at: r.record.created, revid: r.revid },
		{ requestNumber: r.number, from: 'open', to: r.record.status === 'declined' ? 'declined' : 'matched', user: 'Hub contact',
			at: r.record.created.replace( 'T10', 'T22' ), revid: r.revid + 1000 },
	] );
	return { requests, history };
}

beforeAll( async () => {
	await backend.start();
	db = await backend.fresh( 'export' );
	out = fs.mkdtempSync( path.join( os.tmpdir(), 'capacity-export-' ) );
	const { requests, history } = fixture();
	const store = await Store.open( db );
	try {
		await store.apply( {
			updates: requests.map( ( value ) => ( { page: value.page, action: 'request', value, problems: [] } ) ),
			statusChanges: history, cursor: { timestamp: '2026-03-20T00:00:00Z', rcid: 1 }, config: '{}', full: false,
			finished: '2026-03-21T00:00:00Z',
		} );
	} finally {
		await store.close();
	}
} );

afterAll( async () => {
	fs.rmSync( out, { recursive: true, force: true } );
	await backend.stop();
} );

async function exportCli( ...args: string[] ): Promise<string> {
	const { stdout } = await run( process.execPath, [ path.join( repoRoot, 'bin', 'capacity-bot.cjs' ), 'export', '--db', db, ...args ],
		{ env: { ...process.env, CAPACITY_BOT_LANGUAGE: 'en' } } );
	return stdout;
}

function readAll( dir: string ): Record<string, string> {
	return Object.fromEntries( fs.readdirSync( dir ).sort().map( ( name ) => [ name, fs.readFileSync( path.join( dir, name ), 'utf8' ) ] ) );
}

it( 'writes the exports of a quarter from the store, the figures module\'s figures, small groups suppressed', async () => {
	const stdout = await exportCli( '--out', out, '--period', '2026-Q1' );
	expect( stdout ).toContain( 'Export: 5 files in' );
	expect( stdout ).toContain( '13 requests received in the period 2026-Q1' );
	const files = readAll( out );
	const prefix = 'capacity-building-v1-2026-Q1';
	expect( Object.keys( files ) ).toEqual( [ `${ prefix }-dictionary.csv`, `${ prefix }-dictionary.json`, `${ prefix }-feedback.csv`,
		`${ prefix }-requests.csv`, `${ prefix }.json` ] );

	const store = await Store.open( db );
	const expected = await storeFigures( store, parsePeriod( '2026-Q1' )!, null ).finally( () => store.close() );
	expect( JSON.parse( files[ `${ prefix }.json` ]! ) ).toEqual( { generated: '2026-03-20T00:00:00Z', figures: expected.figures } );

	const requests = files[ `${ prefix }-requests.csv` ]!.split( '\r\n' );
	expect( requests[ 0 ] ).toBe( COLUMNS.requests.map( ( c ) => c.name ).join( ',' ) );
	expect( requests[ 1 ] ).toBe( 'all,,13,12,1,0,0.923,0.077,0,13,0.5,12,0.5,0,' );

	const answers = files[ `${ prefix }-feedback.csv` ]!.split( '\r\n' );
	expect( answers[ 0 ] ).toBe( COLUMNS.feedback.map( ( c ) => c.name ).join( ',' ) );
	// SSA: 3 answers, nothing shown. ESEAP: 24 answers; rating 3 chosen 4 times is a range.
	expect( answers.filter( ( line ) => line.startsWith( 'region,SSA,' ) ) ).toEqual( [
		'region,SSA,rating,,,,,,,,,,too-few-answers', 'region,SSA,outcome,,,,,,,,,,too-few-answers',
		'region,SSA,confidenceBefore,,,,,,,,,,too-few-answers', 'region,SSA,confidenceAfter,,,,,,,,,,too-few-answers',
		'region,SSA,used,,,,,,,,,,too-few-answers',
	] );
	expect( answers.filter( ( line ) => line.startsWith( 'region,ESEAP,rating,' ) ) ).toEqual( [
		'region,ESEAP,rating,24,4.67,1,0,,,0,,,', 'region,ESEAP,rating,24,4.67,2,0,,,0,,,',
		'region,ESEAP,rating,24,4.67,3,,1,4,,0.041,0.167,range', 'region,ESEAP,rating,24,4.67,4,0,,,0,,,',
		'region,ESEAP,rating,24,4.67,5,20,,,0.833,,,',
	] );
} );

it( 'writes the same bytes again, and one hub\'s exports under their own names', async () => {
	const before = readAll( out );
	await exportCli( '--out', out, '--period', '2026-Q1' );
	expect( readAll( out ) ).toEqual( before );

	const stdout = await exportCli( '--out', out, '--period', '2026', '--hub', 'Africa hub' );
	expect( stdout ).toContain( 'one request of the hub Africa hub received in the period 2026' );
	const hubFile = path.join( out, 'capacity-building-v1-2026-hub-Africa_hub-requests.csv' );
	expect( fs.readFileSync( hubFile, 'utf8' ).split( '\r\n' )[ 1 ] ).toBe( 'all,,1,0,1,0,0,1,0,1,0.5,0,,0,' );
} );

it( 'refuses a period it cannot read, with exit code 2', async () => {
	await expect( exportCli( '--out', out, '--period', 'spring' ) ).rejects.toMatchObject( { code: 2 } );
} );
