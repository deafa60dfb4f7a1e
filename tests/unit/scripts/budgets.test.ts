import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkBudgets, FEATURE_BUDGET_BYTES, INIT_BUDGET_BYTES, SHARED_BUDGET_BYTES } from '../../../scripts/lib/budgets';

describe( 'size budgets', () => {
	let dir: string;

	beforeEach( () => {
		dir = fs.mkdtempSync( path.join( os.tmpdir(), 'capacitybuilding-budget-' ) );
		fs.mkdirSync( path.join( dir, 'init' ) );
		fs.mkdirSync( path.join( dir, 'big' ) );
	} );

	afterEach( () => fs.rmSync( dir, { recursive: true, force: true } ) );

	/** Random base64 does not compress below 6 bits a character: at least n bytes once gzipped. */
	function writeIncompressible( file: string, bytes: number ): void {
		const noise = crypto.randomBytes( bytes ).toString( 'base64' );
		fs.writeFileSync( path.join( dir, file ), `window.x = ${ JSON.stringify( noise ) };\n` );
	}

	it( 'fails an init module over 3 KB and a feature over 40 KB, gzipped', () => {
		writeIncompressible( 'init/index.js', INIT_BUDGET_BYTES + 512 );
		writeIncompressible( 'big/index.js', FEATURE_BUDGET_BYTES + 2048 );
		const report = checkBudgets( dir, [
			{ feature: 'init', kind: 'init', script: 'init/index.js', style: null, inputs: [], shared: [] },
			{ feature: 'big', kind: 'feature', script: 'big/index.js', style: null, inputs: [], shared: [] },
		] );
		expect( report.problems ).toHaveLength( 2 );
		expect( report.problems[ 0 ] ).toMatch( /^init: \d+ bytes gzipped, over its budget of 3072 bytes$/ );
		expect( report.problems[ 1 ] ).toMatch( /^big: \d+ bytes gzipped, over its budget of 40960 bytes$/ );
	} );

	it( 'gives the shared module a budget of its own (40 KB)', () => {
		fs.mkdirSync( path.join( dir, 'shared' ) );
		writeIncompressible( 'shared/index.js', SHARED_BUDGET_BYTES + 1024 );
		const report = checkBudgets( dir, [ { feature: 'shared', kind: 'shared', script: 'shared/index.js', style: null, inputs: [], shared: [] } ] );
		expect( report.problems ).toEqual( [ expect.stringMatching( /^shared: \d+ bytes gzipped, over its budget of 40960 bytes$/ ) ] );
	} );

	it( 'passes small bundles and counts their styles too', () => {
		writeIncompressible( 'init/index.js', 1000 );
		fs.writeFileSync( path.join( dir, 'big/index.js' ), 'window.y = 1;\n' );
		fs.writeFileSync( path.join( dir, 'big/index.css' ), '.a { color: red; }\n' );
		const report = checkBudgets( dir, [
			{ feature: 'init', kind: 'init', script: 'init/index.js', style: null, inputs: [], shared: [] },
			{ feature: 'big', kind: 'feature', script: 'big/index.js', style: 'big/index.css', inputs: [], shared: [] },
		] );
		expect( report.problems ).toEqual( [] );
		const big = report.sizes.find( ( s ) => s.feature === 'big' );
		expect( big?.gzipBytes ).toBeGreaterThan( 40 );
	} );
} );
