/**
 * The committed build output (dist/) is what ResourceLoader serves, so it must be exactly what
 * a fresh build of modules/ produces; and it must fit the budgets and match extension.json.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Bundle } from '../../../scripts/lib/bundles';
import { checkBudgets } from '../../../scripts/lib/budgets';
import { distDir, repoRoot } from '../../../scripts/lib/paths';
import { checkModuleRegistrations } from '../../../scripts/lib/registration';

function listFiles( dir: string, prefix = '' ): string[] {
	return fs.readdirSync( dir, { withFileTypes: true } ).flatMap( ( entry ) => entry.isDirectory() ?
		listFiles( path.join( dir, entry.name ), `${ prefix }${ entry.name }/` ) :
		[ `${ prefix }${ entry.name }` ] ).sort();
}

describe( 'build output', () => {
	let freshDir: string;
	let bundles: Bundle[];

	beforeAll( () => {
		freshDir = fs.mkdtempSync( path.join( os.tmpdir(), 'capacitybuilding-build-' ) );
		// The real `npm run build`, into a temporary folder (the build tools are ES modules, which
		// jest's CommonJS runtime cannot load).
		const output = execFileSync( process.execPath, [ require.resolve( 'tsx/cli' ), 'scripts/build.ts', '--out', freshDir, '--json' ],
			{ cwd: repoRoot, encoding: 'utf8' } );
		bundles = JSON.parse( output ) as Bundle[];
	} );

	afterAll( () => {
		fs.rmSync( freshDir, { recursive: true, force: true } );
	} );

	it( 'is committed exactly as a fresh build produces it (run `npm run build` and commit dist/)', () => {
		expect( listFiles( distDir ) ).toEqual( listFiles( freshDir ) );
		for ( const file of listFiles( freshDir ) ) {
			expect( { file, text: fs.readFileSync( path.join( distDir, file ), 'utf8' ) } )
				.toEqual( { file, text: fs.readFileSync( path.join( freshDir, file ), 'utf8' ) } );
		}
	} );

	it( 'builds the init module and a bundle per feature', () => {
		expect( bundles.map( ( b ) => b.feature ) ).toEqual( expect.arrayContaining( [ 'init', 'requestForm' ] ) );
	} );

	it( 'keeps vue and Codex out of the bundles', () => {
		for ( const bundle of bundles ) {
			const code = fs.readFileSync( path.join( freshDir, bundle.script ), 'utf8' );
			expect( code ).not.toMatch( /defineComponent\s*=|function defineComponent|createVNode\s*=/ );
			expect( bundle.inputs.filter( ( input ) => input.includes( 'node_modules' ) ) ).toEqual( [] );
		}
		const form = fs.readFileSync( path.join( freshDir, 'requestForm/index.js' ), 'utf8' );
		expect( form ).toContain( 'require("vue")' );
		expect( form ).toContain( 'require("./codex.js")' );
		expect( form ).toContain( 'require("@wikimedia/codex")' );
	} );

	it( 'stays within the size budgets', () => {
		const report = checkBudgets( freshDir, bundles );
		expect( report.problems ).toEqual( [] );
		expect( report.sizes.find( ( s ) => s.feature === 'init' )?.budgetBytes ).toBe( 3 * 1024 );
	} );

	it( 'is registered in extension.json with its files, Codex components and messages', () => {
		expect( checkModuleRegistrations( freshDir, bundles ) ).toEqual( [] );
	} );
} );
