/**
 * The pages dump (bot/setup/dump.ts): MediaWiki's export format, its SHA-1s in MediaWiki's base 36,
 * text escaped, and the pages setup installs, for any base page and content language.
 */
import { IMPORT_TIMESTAMP, pagesDump, pagesDumpFor, revisionSha1 } from '../../../bot/setup/dump';
import { loadMessageFiles } from '../../../bot/i18n';

describe( 'pages dump', () => {
	it( 'writes SHA-1s as MediaWiki stores them (base 36, 31 digits)', () => {
		// MediaWiki's well-known SHA-1 of the empty text.
		expect( revisionSha1( '' ) ).toBe( 'phoiac9h4m842xq45sp7s6u21eteeq1' );
		expect( revisionSha1( 'x' ) ).toMatch( /^[0-9a-z]{31}$/ );
	} );

	it( 'escapes titles, summaries and text, and keeps each page\'s content model', () => {
		const xml = pagesDump( [
			{ title: 'A & B', text: '<div class="x">{{#if:1|&amp;}}</div>', contentModel: 'wikitext', policy: 'managed' },
			{ title: 'C/Topics.json', text: '{"a": "<b>"}', contentModel: 'json', policy: 'seeded' },
		], 'Summary "quoted" <tag>' );
		expect( xml ).toContain( '<title>A &amp; B</title>' );
		expect( xml ).toContain( '<comment>Summary &quot;quoted&quot; &lt;tag&gt;</comment>' );
		expect( xml ).toContain( 'xml:space="preserve">&lt;div class=&quot;x&quot;&gt;{{#if:1|&amp;amp;}}&lt;/div&gt;</text>' );
		expect( xml ).toContain( '<model>json</model>\n      <format>application/json</format>' );
		expect( xml.match( new RegExp( `<timestamp>${ IMPORT_TIMESTAMP }</timestamp>`, 'g' ) ) ).toHaveLength( 2 );
	} );

	it( 'holds every page setup installs, under the base page and with category names in the content language', () => {
		const files = loadMessageFiles();
		files.xx = { 'capacitybuilding-category-requests': 'Demandes', 'capacitybuilding-bot-summary-setup-create': 'Création' };
		const xml = pagesDumpFor( { base: 'Projet:Renforcement', language: 'xx', version: '9.9.9', messageFiles: files } );
		const titles = [ ...xml.matchAll( /<title>(.*)<\/title>/g ) ].map( ( m ) => m[ 1 ] );
		expect( titles ).toEqual( expect.arrayContaining( [
			'Template:Capacity request', 'Template:Capacity coach', 'Projet:Renforcement', 'Projet:Renforcement/Request support',
			'Projet:Renforcement/Topics.json', 'MediaWiki:Gadget-capacityBuilding-config.json', 'Category:Demandes',
		] ) );
		expect( xml ).toContain( '<comment>Création</comment>' );
		// Installed without the bot: the configuration lists no bot account.
		expect( xml ).toContain( '&quot;bots&quot;: []' );
	} );
} );
