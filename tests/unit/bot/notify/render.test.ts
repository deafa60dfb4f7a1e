/**
 * A notice's wikitext (bot/notify/render.ts) and its language (bot/notify/language.ts): the marker
 * and key, mentions, lang/dir, PLURAL and GENDER in the reader's language, qqx showing message keys,
 * and nothing people typed turning into markup.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Messages, loadMessageFiles } from '../../../../bot/i18n';
import type { Notice } from '../../../../bot/notify/ledger';
import { babelLanguages, chooseLanguage, directionOf, type LanguageInfo } from '../../../../bot/notify/language';
import { composeDigest, composeNotice, escapeWikitext, marker, type Voice } from '../../../../bot/notify/render';
import { preprocess } from '../../../../modules/core/wikitext/preprocessor';
import { repoRoot } from '../../../../scripts/lib/paths';

const files = { ...loadMessageFiles(), fr: JSON.parse( fs.readFileSync( path.join( repoRoot, 'tests/fixtures/i18n/fr.json' ), 'utf8' ) ) as Record<string, string> };
const voice = ( language: string, dir: 'ltr' | 'rtl' = 'ltr' ): Voice => ( { language, dir, messages: new Messages( language, files ) } );
const genders = new Map( [ [ 'Carol', 'female' ], [ 'Alice', 'female' ], [ 'Hubert', 'male' ] ] );

function notice( overrides: Partial<Notice> = {} ): Notice {
	return {
		key: 'offered-9-abc', kind: 'offered', request: 12, channel: 'request', target: 'CB/Requests/R12', recipients: [ 'Alice' ],
		language: '', state: 'pending', detail: {}, attempts: 0, eventAt: '2026-01-01T00:00:00Z', created: '2026-01-01T00:00:00Z',
		updated: '2026-01-01T00:00:00Z', revid: 0, digest: '',
		data: { actor: 'Carol', page: 'CB/Requests/R12', title: 'Workshops', coaches: [ 'Carol' ] }, ...overrides,
	};
}

describe( 'composeNotice', () => {
	it( 'writes a signed post that mentions its people, carries its key, and says its language', () => {
		const post = composeNotice( notice(), voice( 'en' ), genders, 'CB' );
		expect( post.heading ).toBe( 'Request R12: an offer of help' );
		expect( post.summary ).toBe( 'Capacity building: an offer of help for request R12 [offered-9-abc]' );
		expect( post.text ).toBe( `<div lang="en" dir="ltr" class="ext-capacitybuilding-notice">${ marker( 'offered-9-abc' ) }\n` +
			'[[User:Alice|Alice]]: Carol has offered to help with the request [[CB/Requests/R12|R12]] (Workshops). ' +
			'You can accept her offer on the request page. ~~~~</div>' );
		expect( marker( 'k-1' ) ).toBe( '<!-- capacitybuilding-notice:k-1 -->' );
	} );

	it( 'writes in the reader\'s language, with PLURAL and GENDER', () => {
		const offered = composeNotice( notice(), voice( 'fr' ), genders, 'CB' );
		expect( offered.text ).toContain( 'lang="fr"' );
		expect( offered.text ).toContain( 'Carol s’est proposée pour aider' );
		expect( offered.heading ).toBe( 'Demande R12 : une offre d’aide' );
		const two = composeNotice( notice( { kind: 'matched', key: 'matched-9', recipients: [ 'Alice', 'Carol', 'Dave' ],
			data: { actor: 'Hubert', page: 'CB/Requests/R12', title: 'Workshops', coaches: [ 'Carol', 'Dave' ] } } ), voice( 'fr' ), genders, 'CB' );
		expect( two.text ).toContain( '[[User:Alice|Alice]],&#32;[[User:Carol|Carol]],&#32;[[User:Dave|Dave]] : Carol,&#32;Dave sont désormais les coachs' );
		const one = composeNotice( notice( { kind: 'matched', key: 'matched-9', data: { actor: 'Alice', page: 'CB/Requests/R12', title: 'W', coaches: [ 'Carol' ] } } ),
			voice( 'en' ), genders, 'CB' );
		expect( one.text ).toContain( 'Carol is now the coach' );
	} );

	it( 'quotes the edit summary as the reason, as plain text', () => {
		const post = composeNotice( notice( { kind: 'on-hold', key: 'on-hold-5', recipients: [ 'Carol' ],
			data: { actor: 'Alice', page: 'CB/Requests/R12', title: 'W', reason: 'Back in {{CURRENTYEAR}} [[Category:X]] ~~~~' } } ), voice( 'en' ), genders, 'CB' );
		expect( post.text ).toContain( 'The request [[CB/Requests/R12|R12]] (W) was put on hold by Alice.\n\nReason given with the change (its edit summary): Back in ' );
		// The reason adds no template, link, category or signature: only the bot's own signature and links remain.
		const nodes = preprocess( post.text ).filter( ( n ) => n.type === 'template' );
		expect( nodes ).toEqual( [] );
		expect( post.text.match( /\[\[/g ) ).toHaveLength( 2 );
		expect( post.text.match( /~~~~/g ) ).toHaveLength( 1 );
	} );

	it( 'shows message keys in qqx, as MediaWiki does', () => {
		const post = composeNotice( notice(), voice( 'qqx' ), genders, 'CB' );
		expect( post.heading ).toBe( '(capacitybuilding-notice-offered-heading: 12)' );
		expect( post.text ).toContain( '(capacitybuilding-notice-addressed: [[User:Alice|Alice]], (capacitybuilding-notice-offered-body: ' );
		expect( post.summary ).toBe( '(capacitybuilding-notice-offered-summary: 12) [offered-9-abc]' );
	} );

	it( 'writes a coach\'s notice without a request number', () => {
		const post = composeNotice( notice( { kind: 'away-ended', key: 'away-x-2026-01-10', request: 0, channel: 'talk', target: 'User talk:Carol',
			recipients: [ 'Carol' ], data: { actor: '', awayUntil: '2026-01-10', profile: 'CB/Coaches/Carol', coaches: [ 'Carol' ] } } ), voice( 'ar', 'rtl' ), genders, 'CB' );
		expect( post.heading ).toBe( 'Are you back? Your coach availability' );
		expect( post.text ).toContain( 'dir="rtl"' );
		expect( post.text ).toContain( 'until 2026-01-10' );
		expect( post.text ).toContain( '[[CB/Coaches/Carol|your coach profile]]' );
	} );
} );

describe( 'composeDigest', () => {
	it( 'lists every entry with its marker in one signed post that mentions the people', () => {
		const entries = [
			notice( { kind: 'submitted', key: 'submitted-1', channel: 'digest', recipients: [ 'Hubert', 'Hana' ], request: 1,
				data: { actor: 'Alice', page: 'CB/Requests/R1', title: 'First' } } ),
			notice( { kind: 'stale', key: 'stale-2-1', channel: 'digest', recipients: [ 'Hubert' ], request: 2,
				data: { actor: '', page: 'CB/Requests/R2', title: 'Second', days: 61, status: 'triaged' } } ),
		];
		const post = composeDigest( entries, 'digest-x', voice( 'en' ), '2026-03-01' );
		expect( post.heading ).toBe( 'Capacity building: 2 requests to look at (2026-03-01)' );
		expect( post.summary ).toBe( 'Capacity building: 2 requests to look at [digest-x]' );
		expect( post.text.split( '\n' ) ).toEqual( [
			`<div lang="en" dir="ltr" class="ext-capacitybuilding-notice">${ marker( 'digest-x' ) }`,
			'[[User:Hubert|Hubert]],&#32;[[User:Hana|Hana]]: These requests need attention:',
			`* New request [[CB/Requests/R1|R1]]: First ${ marker( 'submitted-1' ) }`,
			`* [[CB/Requests/R2|R2]]: Second — no change of status for 61 days (status: Triaged) ${ marker( 'stale-2-1' ) }`,
			'~~~~</div>',
		] );
		expect( composeDigest( entries.slice( 0, 1 ), 'd', voice( 'fr' ), '2026-03-01' ).heading )
			.toBe( 'Renforcement des capacités : une demande à examiner (2026-03-01)' );
	} );
} );

describe( 'escapeWikitext', () => {
	it( 'turns every character wikitext could read as markup into a character reference', () => {
		const hostile = '{{subst:X}} [[Category:Y]] ~~~~ <b>x</b> \'\'i\'\' __NOTOC__ -{zh}- a|b = c\nnext * # : ;';
		const escaped = escapeWikitext( hostile );
		expect( escaped.replace( /&#\d+;/g, '' ) ).not.toMatch( /[{}[\]<>|~'_=\n*#:;&-]/ );
		const decoded = escaped.replace( /&#(\d+);/g, ( _, code: string ) => String.fromCodePoint( Number( code ) ) );
		expect( decoded ).toBe( hostile.replace( /\n/g, ' ' ) );
		expect( escapeWikitext( 'Zoë 🧭 אבג' ) ).toBe( 'Zoë 🧭 אבג' );
	} );
} );

describe( 'the reader\'s language', () => {
	const info = new Map<string, LanguageInfo>( [ [ 'gsw', { fallbacks: [ 'de-ch', 'de' ], dir: 'ltr' } ],
		[ 'arz', { fallbacks: [ 'ar' ], dir: 'rtl' } ] ] );
	const available = new Set( [ 'en', 'fr', 'de', 'ar' ] );

	it( 'orders Babel languages by level, native first', () => {
		expect( babelLanguages( { en: '3', fr: 'N', de: '5', sw: '1', es: 'n' } ) ).toEqual( [ 'fr', 'es', 'de', 'en', 'sw' ] );
		expect( babelLanguages( {} ) ).toEqual( [] );
	} );

	it( 'takes the first candidate it has messages for, through fallback chains, or qqx', () => {
		expect( chooseLanguage( [ 'fr', 'en' ], available, info ) ).toBe( 'fr' );
		expect( chooseLanguage( [ '', 'gsw', 'fr' ], available, info ) ).toBe( 'de' );
		expect( chooseLanguage( [ 'sw', 'arz' ], available, info ) ).toBe( 'ar' );
		expect( chooseLanguage( [ 'qqx' ], available, info ) ).toBe( 'qqx' );
		expect( chooseLanguage( [ 'sw', 'zu' ], available, info ) ).toBeNull();
		expect( directionOf( 'arz', info ) ).toBe( 'rtl' );
		expect( directionOf( 'he', new Map() ) ).toBe( 'rtl' );
		expect( directionOf( 'fr', new Map() ) ).toBe( 'ltr' );
	} );
} );
