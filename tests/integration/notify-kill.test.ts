/**
 * Exactly once, however the bot is stopped: `capacity-bot notify` runs as a process and is killed
 * with SIGKILL at random moments (a random delay after it starts: while it starts, records notices,
 * reads, marks a notice as being posted, waits for an edit, or marks it sent), at least 20 times
 * across many runs, then run again; in the end every notice is on the wiki exactly once (its
 * marker counted on every page) and none is lost (every event the test caused has its notice).
 *
 * The random delays come from a seeded generator (the seed is printed, and CAPACITY_KILL_SEED
 * replays a run). A post whose edit was under way when the bot was killed may still be saved by the
 * wiki after the next run starts: runs here give such a post 2 seconds (CAPACITY_BOT_NOTIFY_GRACE)
 * before they post it again, as production gives it 2 minutes.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readPages } from '../../bot/edits';
import type { WikiClient } from '../../bot/wiki';
import { COACH_SCHEMA, HUB_SCHEMA, REQUEST_SCHEMA, type CapacityRequest } from '../../modules/core/model';
import { serialize } from '../../modules/core/wikitext/codec';
import { repoRoot } from '../../scripts/lib/paths';
import { botClient, runBot } from '../support/bot';
import { botEnv, personSessions, testWiki, uniqueTitle } from '../support/wiki';

const PASSWORD = 'capacity-test-password-1';
const USERS = { requester: 'Alice Kill', coach: 'Carol Kill', contact: 'Hubert Kill' };
const REQUESTS = 8;
const KILLS = 20;
const base = uniqueTitle( 'CB notify kill' );
const t = ( rest: string ): string => `${ base }/${ rest }`;
const BOARD = t( 'Hubs/Africa/Noticeboard' );
const seed = Number( process.env.CAPACITY_KILL_SEED ?? Date.now() % 1_000_000 );

/** Park and Miller's minimal standard generator: seeded, so a failing run can be replayed. */
function random( state: number ): () => number {
	let x = state % 2147483646 + 1;
	return () => {
		x = x * 48271 % 2147483647;
		return ( x - 1 ) / 2147483646;
	};
}

const as = personSessions( PASSWORD, 'notify kill' );

interface NotifyProcess {
	done: Promise<number | null>;
	kill: () => boolean;
	/** Posts this run has made so far. */
	posted: () => number;
	/** Resolves when the run has logged in (its first line), with the time. */
	connected: Promise<number>;
}

function notifyProcess( db: string ): NotifyProcess {
	const child = spawn( process.execPath, [ path.join( repoRoot, 'bin', 'capacity-bot.cjs' ), 'notify', '--json', '--verbose', '--db', db,
		'--base', base ], {
		env: { ...process.env, ...botEnv(), CAPACITY_BOT_NOTIFY_GRACE: '2' }, stdio: [ 'ignore', 'pipe', 'pipe' ],
	} );
	let stdout = '';
	let onConnected: ( at: number ) => void = () => undefined;
	const connected = new Promise<number>( ( resolve ) => {
		onConnected = resolve;
	} );
	child.stdout.on( 'data', ( chunk: Buffer ) => {
		stdout += chunk.toString();
		onConnected( Date.now() );
	} );
	let stderr = '';
	child.stderr.on( 'data', ( chunk: Buffer ) => {
		stderr += chunk.toString();
	} );
	const done = new Promise<number | null>( ( resolve, reject ) => {
		child.on( 'error', reject );
		// 'close', not 'exit': the process's output is all read by then.
		child.on( 'close', ( code, signal ) => {
			if ( signal === null && code !== 0 ) {
				reject( new Error( `notify exited with ${ code }: ${ stderr }` ) );
			}
			resolve( signal === null ? code : null );
		} );
	} );
	return { done, connected, kill: () => child.exitCode === null && child.kill( 'SIGKILL' ),
		posted: () => ( stdout.match( /"message":"Posted on /g ) ?? [] ).length };
}

function markers( text: string ): string[] {
	return [ ...text.matchAll( /<!-- capacitybuilding-notice:(\S+) -->/g ) ].map( ( m ) => m[ 1 ] as string );
}

it( 'posts every notice exactly once, whenever it is killed', async () => {
	const wiki = testWiki();
	for ( const user of Object.values( USERS ) ) {
		wiki.ensureUser( user, PASSWORD, [ 'bot' ] );
	}
	const dir = fs.mkdtempSync( path.join( os.tmpdir(), 'capacity-notify-kill-' ) );
	const db = `sqlite:${ path.join( dir, 'store.sqlite' ) }`;
	const client: WikiClient = await botClient();
	const next = random( seed );
	console.log( `notify kill test: seed ${ seed } (CAPACITY_KILL_SEED=${ seed } replays it)` );
	try {
		// Without --base: the configuration page is the wiki's, with the default base page other tests expect.
		await runBot( [ 'setup', '--json' ] );
		await client.mwn.save( t( 'Hubs/Africa' ), serialize( HUB_SCHEMA, { name: 'Africa hub', kind: 'regional', regions: [ 'SSA' ], topics: [],
			languages: [ 'en' ], contacts: [ USERS.contact ], noticeboard: BOARD } ), 'test' );
		await ( await as( USERS.coach ) ).save( t( `Coaches/${ USERS.coach }` ), serialize( COACH_SCHEMA, { user: USERS.coach,
			topics: [ 'outreach' ], languages: [ 'en' ], regions: [], formats: [ 'coaching' ], availability: 'available', awayUntil: '',
			maxRequests: '20', bio: '', contact: 'talk', hubs: [] } ), 'test' );
		await runBot( [ 'sync', '--json', '--db', db, '--base', base ] );
		await runBot( [ 'notify', '--json', '--db', db, '--base', base ] );

		const records = new Map<number, CapacityRequest>();
		const save = async ( user: string, n: number, change: Partial<CapacityRequest>, summary: string ): Promise<void> => {
			const title = t( `Requests/R${ n }` );
			const text = ( await readPages( client, [ title ] ) ).get( title )?.text ?? '';
			const record = { ...( records.get( n ) as CapacityRequest ), ...change };
			records.set( n, record );
			await ( await as( user ) ).save( title, serialize( REQUEST_SCHEMA, record ) + text.slice( text.indexOf( '\n}}' ) + 3 ), summary );
		};
		// What each request page should end with: one notice per step below.
		const expected = new Map<number, number>();
		const waves: ( ( n: number ) => Promise<void> )[] = [
			async ( n ) => {
				const record: CapacityRequest = { title: `Request ${ n } of the kill test`, requester: USERS.requester, requesterType: 'individual',
					organisation: '', region: 'SSA', hub: 'Africa', topics: [ 'outreach' ], formats: [ 'workshop' ], languages: [ 'en' ], lang: 'en',
					neededBy: '', description: 'A request made to be announced exactly once.', status: 'open', holdReason: '', coach: [], offers: [],
					created: new Date().toISOString().replace( /\.\d{3}Z$/, 'Z' ) };
				records.set( n, record );
				await ( await as( USERS.requester ) ).create( t( `Requests/R${ n }` ), serialize( REQUEST_SCHEMA, record ), 'New request' );
			},
			( n ) => save( USERS.coach, n, { offers: [ USERS.coach ] }, 'Offering' ),
			( n ) => save( USERS.requester, n, { status: 'matched', coach: [ USERS.coach ] }, 'Accepting' ),
			( n ) => save( USERS.coach, n, { status: 'in-progress' }, 'Starting' ),
		];
		// Then on hold and back, as long as kills are needed.
		const cycle = [
			( n: number ) => save( USERS.requester, n, { status: 'on-hold' }, `Pause ${ n }` ),
			( n: number ) => save( USERS.coach, n, { status: 'matched' }, `Back ${ n }` ),
		];
		let kills = 0;
		let runs = 0;
		// When the kills came: before the run's first post, or after it had posted some.
		const moments = { beforePosting: 0, whilePosting: 0 };
		// Most kills come at a random delay after the run has logged in (its first line), drawn over the
		// length of the longest run that ran to its end, so they spread over reading, recording and
		// posting; one in four at a random delay after the process started.
		let length = 800;
		for ( let wave = 0; kills < KILLS; wave++ ) {
			const step = waves[ wave ] ?? cycle[ ( wave - waves.length ) % 2 ] as ( n: number ) => Promise<void>;
			for ( let n = 1; n <= REQUESTS; n++ ) {
				await step( n );
				// The creations are announced in the digest, every later step on the request page.
				expected.set( n, ( expected.get( n ) ?? 0 ) + ( wave === 0 ? 0 : 1 ) );
			}
			await runBot( [ 'sync', '--json', '--db', db, '--base', base ] );
			// Kill runs at random moments until one runs to its end.
			let killedInARow = 0;
			for ( ;; ) {
				const run = notifyProcess( db );
				const started = Date.now();
				runs++;
				const fromStart = next() < 0.25;
				const delay = Math.floor( next() * length * 1.2 );
				let killed = false;
				let timer: NodeJS.Timeout | undefined;
				const arm = (): void => {
					timer = setTimeout( () => {
						killed = run.kill();
					}, delay );
				};
				if ( fromStart ) {
					arm();
				} else {
					run.connected.then( arm, () => undefined );
				}
				const code = await run.done;
				clearTimeout( timer );
				if ( killed ) {
					kills++;
					killedInARow++;
					// What the run had written before it died tells when it died.
					moments[ run.posted() ? 'whilePosting' : 'beforePosting' ]++;
					// On a busy machine (other tests running beside this one) a run can take longer than
					// the window: every run would be killed and none reach its end. Five kills in a row
					// widen the window, so that one does.
					if ( killedInARow % 5 === 0 ) {
						length *= 2;
					}
				}
				if ( process.env.CAPACITY_KILL_DEBUG ) {
					const st = await runBot( [ 'status', '--json', '--db', db ] );
					console.log( `wave ${ wave } delay ${ delay } ms, ${ code === null ? 'killed' : 'ended' } after ${ Date.now() - started } ms, ` +
						`${ run.posted() } posts; ${ JSON.stringify( st.records.find( ( r ) => r.notices )?.notices ) }` );
				}
				if ( code !== null ) {
					// The longest full run so far (a run that had little left to do is short).
					length = Math.max( length, Date.now() - ( fromStart ? started : await run.connected ) );
					break;
				}
			}
		}
		// Whatever a last kill left being posted, a run after the grace period settles it.
		for ( let attempt = 0; attempt < 10; attempt++ ) {
			const settled = await runBot( [ 'status', '--json', '--db', db ] );
			const counts = settled.records.find( ( r ) => r.notices )?.notices as Record<string, number>;
			if ( counts.pending === 0 && counts.posting === 0 ) {
				break;
			}
			await new Promise( ( resolve ) => {
				setTimeout( resolve, 2500 );
			} );
			await runBot( [ 'notify', '--json', '--db', db, '--base', base ] );
		}
		console.log( `notify kill test: ${ kills } kills in ${ runs } runs (${ moments.beforePosting } before a run's first post, ` +
			`${ moments.whilePosting } after it had posted)` );
		expect( kills ).toBeGreaterThanOrEqual( KILLS );
		expect( moments.whilePosting ).toBeGreaterThan( 0 );

		const status = await runBot( [ 'status', '--json', '--db', db ] );
		const ledger = status.records.filter( ( r ) => r.notice );
		expect( ledger.filter( ( r ) => r.state !== 'sent' ) ).toEqual( [] );
		const titles = [ BOARD, ...[ ...expected.keys() ].map( ( n ) => t( `Requests/R${ n }` ) ) ];
		const pages = await readPages( client, titles );
		const onWiki = titles.flatMap( ( title ) => markers( pages.get( title )?.text ?? '' ) );
		// Exactly once: no marker twice anywhere.
		expect( onWiki.filter( ( key, i ) => onWiki.indexOf( key ) !== i ) ).toEqual( [] );
		// None lost: every notice of the ledger is on the wiki, and every step the test made has its notice.
		expect( ledger.map( ( r ) => r.notice ).filter( ( key ) => !onWiki.includes( key as string ) && !String( key ).startsWith( 'digest-' ) ) )
			.toEqual( [] );
		for ( const [ n, count ] of expected ) {
			expect( { n, notices: markers( pages.get( t( `Requests/R${ n }` ) )?.text ?? '' ).length } ).toEqual( { n, notices: count } );
		}
		expect( markers( pages.get( BOARD )?.text ?? '' ).filter( ( key ) => key.startsWith( 'submitted-' ) ) ).toHaveLength( REQUESTS );
	} finally {
		fs.rmSync( dir, { recursive: true, force: true } );
	}
}, 300_000 );
