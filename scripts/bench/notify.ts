/**
 * `npm run bench -- notify`: what status updates cost on the development wiki.
 *
 * For k requests (10 and 120; `--sizes 10,120` to choose) under a fresh base, made (by the bot
 * account, which the configuration lists among its bots) and each offered help by a coach through
 * the API (real edits, judged by a real sync), it prints
 * for the round that announces them — k offers on the request pages and k new requests in one digest
 * on the hub's noticeboard — the notices, the edits and the API reads, with 50 titles a read (as
 * without `apihighlimits`) and against the targets: k request page notices cost k edits plus one per
 * digest, and at most ⌈k/50⌉ + 2 reads. Then a round with nothing to announce: 0 edits and at most
 * 1 read (the target: it makes none). Speed is printed, never asserted.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Editor } from '../../bot/edits';
import { Messages, loadMessageFiles } from '../../bot/i18n';
import { Logger } from '../../bot/log';
import { runNotify, type NotifyReport } from '../../bot/notify/notify';
import { Store } from '../../bot/store';
import { runSync } from '../../bot/sync/sync';
import { WikiClient } from '../../bot/wiki';
import { Mwn } from 'mwn';
import { COACH_SCHEMA, HUB_SCHEMA, REQUEST_SCHEMA, type CapacityRequest } from '../../modules/core/model';
import { requestTitle, sitePages } from '../../modules/core/pages';
import { serialize } from '../../modules/core/wikitext/codec';
import { DevWiki } from '../lib/devwiki';

const PEOPLE = { requester: 'Bench Notify Requester', coach: 'Bench Notify Coach', contact: 'Bench Notify Contact' };
const PASSWORD = 'capacity-bench-password-1';

function iso( ms = Date.now() ): string {
	return new Date( ms ).toISOString().replace( /\.\d{3}Z$/, 'Z' );
}

async function benchSize( client: WikiClient, k: number ): Promise<void> {
	const base = `CB bench notify ${ k } ${ Date.now().toString( 36 ) }`;
	const board = `${ base }/Hubs/Bench/Noticeboard`;
	const coach = await Mwn.init( { apiUrl: client.api, username: PEOPLE.coach, password: PASSWORD, silent: true,
		suppressAPIWarnings: true, userAgent: 'CapacityBuilding-bench (notify)' } );
	const since = iso( Date.now() - 1000 );
	const seeding = Date.now();
	await client.mwn.save( `${ base }/Hubs/Bench`, serialize( HUB_SCHEMA, { name: 'Bench hub', kind: 'regional', regions: [ 'SSA' ],
		topics: [], languages: [ 'en' ], contacts: [ PEOPLE.contact ], noticeboard: board } ), 'bench' );
	await coach.save( `${ base }/Coaches/${ PEOPLE.coach }`, serialize( COACH_SCHEMA, { user: PEOPLE.coach, topics: [ 'outreach' ],
		languages: [ 'en' ], regions: [], formats: [ 'coaching' ], availability: 'available', awayUntil: '', maxRequests: '20', bio: '',
		contact: 'talk', hubs: [] } ), 'bench' );
	for ( let n = 1; n <= k; n++ ) {
		const record: CapacityRequest = { title: `Bench request ${ n }`, requester: PEOPLE.requester, requesterType: 'individual',
			organisation: '', region: 'SSA', hub: 'Bench', topics: [ 'outreach' ], formats: [ 'workshop' ], languages: [ 'en' ], lang: 'en',
			neededBy: '', description: 'A request made by the notify benchmark.', status: 'open', holdReason: '', coach: [], offers: [], created: iso() };
		await client.mwn.create( requestTitle( base, n ), serialize( REQUEST_SCHEMA, record ), 'bench' );
		await coach.save( requestTitle( base, n ), serialize( REQUEST_SCHEMA, { ...record, offers: [ PEOPLE.coach ] } ), 'bench' );
	}
	console.log( `\nk = ${ k } requests under [[${ base }]], each offered help by a coach: ${ 2 * k + 2 } edits through the API in ` +
		`${ ( ( Date.now() - seeding ) / 1000 ).toFixed( 1 ) } s` );
	const logger = new Logger( { quiet: true, write: () => undefined } );
	const messages = new Messages( 'en' );
	const dir = fs.mkdtempSync( path.join( os.tmpdir(), 'capacity-bench-notify-' ) );
	const store = await Store.open( `sqlite:${ path.join( dir, 'store.sqlite' ) }` );
	try {
		await runSync( { client, store, logger, messages, base, full: true } );
		const round = async ( label: string ): Promise<NotifyReport> => {
			const started = process.hrtime.bigint();
			const editor = new Editor( client, logger, { dryRun: false, stopPage: sitePages( base ).stop } );
			const report = await runNotify( { client, store, logger, messages, messageFiles: loadMessageFiles(), base,
				since, dryRun: false, batchSize: 50, editor } );
			const seconds = Number( process.hrtime.bigint() - started ) / 1e9;
			const digests = `${ report.digests } ${ report.digests === 1 ? 'digest' : 'digests' }`;
			console.log( `  ${ label.padEnd( 28 ) } ${ String( report.recorded ).padStart( 4 ) } notices, ` +
				`${ String( report.edits ).padStart( 4 ) } edits (${ digests }), ${ String( report.reads ).padStart( 2 ) } reads, ` +
				`${ seconds.toFixed( 2 ).padStart( 6 ) } s` );
			return report;
		};
		const first = await round( 'announcing round' );
		// k new requests go into the digest; the other notices are new sections on request pages.
		const pageNotices = first.sent - k;
		const editsOk = first.edits === pageNotices + first.digests;
		const readsBound = Math.ceil( pageNotices / 50 ) + 2;
		console.log( `  ${ ''.padEnd( 28 ) } ${ pageNotices } request page notices + ${ k } digest entries: ${ first.edits } edits = ` +
			`${ pageNotices } + ${ first.digests } (target k + one a digest: ${ editsOk ? 'yes' : 'NO' }); ${ first.reads } reads ≤ ` +
			`⌈${ pageNotices }/50⌉ + 2 = ${ readsBound }: ${ first.reads <= readsBound ? 'yes' : 'NO' }` );
		const idle = await round( 'round with nothing new' );
		console.log( `  ${ ''.padEnd( 28 ) } target 0 edits and at most 1 read: ${ idle.edits === 0 && idle.reads <= 1 ? 'yes' : 'NO' }` );
	} finally {
		await store.close();
		fs.rmSync( dir, { recursive: true, force: true } );
	}
}

export async function bench( args: string[] ): Promise<void> {
	const at = args.indexOf( '--sizes' );
	const sizes = at >= 0 ? ( args[ at + 1 ] ?? '' ).split( ',' ).map( Number ).filter( ( x ) => x > 0 ) : [ 10, 120 ];
	const wiki = new DevWiki();
	const started = await wiki.start();
	try {
		for ( const user of Object.values( PEOPLE ) ) {
			wiki.ensureUser( user, PASSWORD );
		}
		// The coach makes 2k edits in a minute or two: the wiki's sysop group only lifts its edit rate
		// limit (the tools give it no role for it).
		wiki.ensureUser( PEOPLE.coach, PASSWORD, [ 'sysop' ] );
		const { api, bot } = wiki.credentials();
		const client = await WikiClient.connect( {
			api, credentials: { kind: 'botpassword', username: bot.username, password: bot.password },
			userAgent: 'CapacityBuilding-bench/0.1 (npm run bench)', logger: new Logger( { quiet: true, write: () => undefined } ),
		} );
		console.log( 'Status updates: 50 titles a read (as without apihighlimits); each request page notice is one new section.' );
		for ( const k of sizes ) {
			await benchSize( client, k );
		}
	} finally {
		if ( started ) {
			await wiki.stop();
		}
	}
}
