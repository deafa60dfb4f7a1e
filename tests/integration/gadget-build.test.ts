/**
 * The gadget flavour parses as ECMAScript 2016 with MediaWiki's own parser (Peast, as
 * ResourceLoader uses it for gadget pages), so ResourceLoader serves the code rather than an
 * error in its place; the parser really refuses newer syntax, so this test can fail.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { distDir } from '../../scripts/lib/paths';
import { GADGETS_DIR, readGadgets } from '../../scripts/lib/gadgets';
import { testWiki } from '../support/wiki';

describe( 'gadget flavour of the build', () => {
	const wiki = testWiki();

	it( 'is ECMAScript 2016 in every script, as MediaWiki parses gadget pages', () => {
		const scripts = readGadgets( distDir ).flatMap( ( gadget ) => gadget.pages
			.filter( ( page ) => page.endsWith( '.js' ) && !gadget.deployedPages.includes( page ) )
			.map( ( page ) => path.join( distDir, GADGETS_DIR, page ) ) );
		expect( scripts.length ).toBeGreaterThanOrEqual( 7 );
		const errors = wiki.parseAsWikiPageScripts( scripts );
		expect( [ ...errors ].filter( ( [ , error ] ) => error !== null ) ).toEqual( [] );
		expect( errors.size ).toBe( scripts.length );
	} );

	it( 'would be refused with newer syntax (async functions, object spread)', () => {
		const dir = fs.mkdtempSync( path.join( os.tmpdir(), 'capacitybuilding-es2016-' ) );
		try {
			const files = [ 'async function f() { await 1; }', 'var a = { ...b };', 'var c = 2 ** 3;' ].map( ( code, i ) => {
				const file = path.join( dir, `${ i }.js` );
				fs.writeFileSync( file, code );
				return file;
			} );
			const errors = wiki.parseAsWikiPageScripts( files );
			expect( errors.get( files[ 0 ] as string ) ).toEqual( expect.any( String ) );
			expect( errors.get( files[ 1 ] as string ) ).toEqual( expect.any( String ) );
			// Exponentiation is ES2016: accepted.
			expect( errors.get( files[ 2 ] as string ) ).toBeNull();
		} finally {
			fs.rmSync( dir, { recursive: true, force: true } );
		}
	} );
} );
