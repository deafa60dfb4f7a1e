/**
 * MediaWiki's own validator accepts extension.json, and would reject a broken one with the
 * schema's reason (so this test can fail).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
} );
