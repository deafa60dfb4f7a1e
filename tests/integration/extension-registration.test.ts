/**
 * MediaWiki's own validator accepts extension.json, and would reject a broken one with the
 * schema's reason (so this test can fail); the wiki lists the tracking categories it registers.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import en from '../../i18n/en.json';
import { repoRoot } from '../../scripts/lib/paths';
import { testWiki } from '../support/wiki';

describe( 'extension.json', () => {
	const wiki = testWiki();

	it( 'passes MediaWiki\'s validateRegistrationFile', () => {
		const result = wiki.validateRegistrationFile( path.join( repoRoot, 'extension.json' ) );
		expect( result.output ).toContain( 'validates against the schema' );
		expect( result.ok ).toBe( true );
	} );

	it( 'is rejected with the schema\'s reason when broken', () => {
		const dir = fs.mkdtempSync( path.join( os.tmpdir(), 'capacitybuilding-extjson-' ) );
		try {
			const broken = JSON.parse( fs.readFileSync( path.join( repoRoot, 'extension.json' ), 'utf8' ) );
			broken.ResourceModules[ 'ext.capacityBuilding.init' ].messages = 'not-a-list';
			broken.NoSuchTopLevelKey = true;
			const file = path.join( dir, 'extension.json' );
			fs.writeFileSync( file, JSON.stringify( broken ) );
			const result = wiki.validateRegistrationFile( file );
			expect( result.ok ).toBe( false );
			expect( result.output ).toMatch( /does not validate|NoSuchTopLevelKey|not allowed|String value found/ );
		} finally {
			fs.rmSync( dir, { recursive: true, force: true } );
		}
	} );

	it( 'registers the templates\' categories as tracking categories, described on Special:TrackingCategories', async () => {
		const response = await fetch( wiki.pageUrl( 'Special:TrackingCategories', { uselang: 'en' } ) );
		const html = await response.text();
		for ( const key of [ 'capacitybuilding-category-requests', 'capacitybuilding-category-coaches', 'capacitybuilding-category-hubs',
			'capacitybuilding-category-invalid' ] as const ) {
			expect( html ).toContain( `>${ en[ key ] }</a>` );
			expect( html ).toContain( en[ `${ key }-desc` ].replace( /\[\[[^\]|]*\]\]/g, '' ).split( ':' )[ 0 ] as string );
		}
	} );
} );
