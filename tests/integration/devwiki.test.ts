/**
 * The development wiki is real and usable by the bot: it logs in with the bot password that
 * `npm run wiki` created, saves a page and reads it back through the API.
 */
import fs from 'node:fs';
import { Mwn } from 'mwn';
import { testWiki, uniqueTitle } from '../support/wiki';

describe( 'development wiki', () => {
	const wiki = testWiki();
	let bot: Mwn;

	beforeAll( async () => {
		const { api, bot: account } = wiki.credentials();
		bot = await Mwn.init( {
			apiUrl: api,
			username: account.username,
			password: account.password,
			userAgent: 'CapacityBuilding-tests/0.1 (integration tests)',
			silent: true,
		} );
	} );

	it( 'runs MediaWiki 1.43 with the extensions this project builds on', async () => {
		const info = await bot.request( { action: 'query', meta: 'siteinfo', siprop: 'general|extensions' } );
		expect( info.query?.general.generator ).toMatch( /^MediaWiki 1\.43\./ );
		const names = ( info.query?.extensions as { name: string }[] ).map( ( e ) => e.name );
		expect( names ).toEqual( expect.arrayContaining( [
			'CapacityBuilding', 'Gadgets', 'Echo', 'DiscussionTools', 'ParserFunctions', 'TemplateData', 'Scribunto',
		] ) );
	} );

	it( 'lets the bot log in with its bot password, with high API limits', async () => {
		const info = await bot.userinfo( { uiprop: [ 'groups', 'rights' ] } );
		expect( info.name ).toBe( 'CapacityBot' );
		expect( info.groups ).toEqual( expect.arrayContaining( [ 'bot' ] ) );
		expect( info.rights ).toEqual( expect.arrayContaining( [ 'apihighlimits', 'edit', 'createpage' ] ) );
	} );

	it( 'saves a page and reads back exactly what was saved', async () => {
		const title = uniqueTitle( 'Integration test' );
		const text = 'Hello from the bot | {{!}} ünïcödé ✓\n\n* a list';
		const saved = await bot.save( title, text, 'Integration test' );
		expect( saved.result ).toBe( 'Success' );
		const page = await bot.read( title, { rvprop: [ 'content', 'user' ] } );
		expect( page.revisions?.[ 0 ]?.content ).toBe( text );
		expect( page.revisions?.[ 0 ]?.user ).toBe( 'CapacityBot' );
	} );

	it( 'keeps the credentials file readable by its owner only', () => {
		const permissions = ( fs.statSync( wiki.credentialsFile ).mode % 0o1000 ).toString( 8 );
		expect( permissions ).toBe( '600' );
	} );

	it( 'runs Lua modules through Scribunto', async () => {
		const result = await bot.request( { action: 'expandtemplates', text: '{{#invoke:Capacity test probe|x}}', prop: 'wikitext' } );
		// No module of that name exists: Scribunto answers with its own error, which proves it runs.
		expect( result.expandtemplates.wikitext ).toContain( 'scribunto-error' );
	} );
} );
