/**
 * The committed build output (dist/) is what ResourceLoader serves, so it must be exactly what
 * a fresh build of modules/ produces; and it must fit the budgets and match extension.json.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Bundle, SharingPlan } from '../../../scripts/lib/bundles';
import { checkBudgets, INIT_BUDGET_BYTES } from '../../../scripts/lib/budgets';
import { checkGadgetBudgets, checkGadgets, splitEnglish, type GadgetDefinition } from '../../../scripts/lib/gadgets';
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
	let gadgets: GadgetDefinition[];
	let plan: SharingPlan;
	let gadgetBundles: Bundle[];
	let gadgetPlan: SharingPlan;

	beforeAll( () => {
		freshDir = fs.mkdtempSync( path.join( os.tmpdir(), 'capacitybuilding-build-' ) );
		// The real `npm run build`, into a temporary folder (the build tools are ES modules, which
		// jest's CommonJS runtime cannot load).
		const output = execFileSync( process.execPath, [ require.resolve( 'tsx/cli' ), 'scripts/build.ts', '--out', freshDir, '--json' ],
			{ cwd: repoRoot, encoding: 'utf8' } );
		( { bundles, plan, gadgets, gadgetBundles, gadgetPlan } = JSON.parse( output ) as {
			bundles: Bundle[]; plan: SharingPlan; gadgets: GadgetDefinition[]; gadgetBundles: Bundle[]; gadgetPlan: SharingPlan;
		} );
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

	it( 'builds the init module, the shared module and a bundle per feature', () => {
		expect( bundles.map( ( b ) => b.feature ) ).toEqual( expect.arrayContaining( [ 'init', 'shared', 'requestForm' ] ) );
		expect( bundles.filter( ( b ) => b.kind === 'shared' ).map( ( b ) => b.script ) ).toEqual( [ 'shared/index.js' ] );
	} );

	it( 'puts each file of modules/core and modules/shared in one bundle: the shared module if several features use it, else that feature', () => {
		const shared = bundles.find( ( b ) => b.kind === 'shared' ) as Bundle;
		const coreAndShared = ( b: Bundle ): string[] => b.inputs.filter( ( input ) => /^modules\/(core|shared)\//.test( input ) )
			.map( ( input ) => input.slice( 'modules/'.length ) );
		// The shared module holds kept files only (and every kept file it needs to).
		const { kept, moved } = plan;
		expect( coreAndShared( shared ).filter( ( file ) => !kept.includes( file ) ) ).toEqual( [] );
		expect( coreAndShared( shared ) ).toEqual( expect.arrayContaining( [ 'core/wikitext/codec.ts', 'core/model.ts' ] ) );
		expect( fs.readFileSync( path.join( freshDir, shared.script ), 'utf8' ) ).toContain( 'capacitybuilding-codec-markup' );
		for ( const bundle of bundles.filter( ( b ) => b.kind === 'feature' ) ) {
			// A feature holds exactly the files that moved into it, and requires the kept ones from the shared module.
			expect( { feature: bundle.feature, files: coreAndShared( bundle ) } ).toEqual( {
				feature: bundle.feature,
				files: coreAndShared( bundle ).filter( ( file ) => moved[ file ] === bundle.feature ),
			} );
			expect( bundle.shared.filter( ( file ) => !kept.includes( file ) ) ).toEqual( [] );
			expect( bundle.shared.length ).toBeGreaterThan( 0 );
			const code = fs.readFileSync( path.join( freshDir, bundle.script ), 'utf8' );
			expect( code ).toContain( 'require("ext.capacityBuilding.shared")' );
			expect( code ).not.toContain( 'capacitybuilding-codec-markup' );
		}
		// No file is in two places, and every moved file is in its feature unless tree shaking dropped all of it.
		const placed = bundles.filter( ( b ) => b.kind !== 'init' ).flatMap( coreAndShared );
		expect( placed.length ).toBe( new Set( placed ).size );
		// The shared module exports exactly the kept files the features require.
		expect( shared.shared ).toEqual( [ ...new Set( bundles.flatMap( ( b ) => b.kind === 'feature' ? b.shared : [] ) ) ].sort() );
	} );

	it( 'keeps in the shared module exactly the files two or more features reach', () => {
		// Through the imports of the features' own sources and of what they import, the graph esbuild reads.
		expect( plan.kept.length ).toBeGreaterThan( 0 );
		expect( Object.keys( plan.moved ).filter( ( file ) => plan.kept.includes( file ) ) ).toEqual( [] );
		const features = bundles.filter( ( b ) => b.kind === 'feature' ).map( ( b ) => b.feature );
		expect( [ ...new Set( Object.values( plan.moved ) ) ].filter( ( f ) => !features.includes( f ) ) ).toEqual( [] );
		// Spot check, independent of the graph: the core's model is used by every feature.
		expect( plan.kept ).toContain( 'core/model.ts' );
	} );

	it( 'places the files the same way in the gadget flavour (ES2016), and as that flavour builds them', () => {
		expect( gadgetPlan ).toEqual( plan );
		const byFeature = ( list: Bundle[] ): Record<string, string[]> => Object.fromEntries( list.map( ( b ) => [ b.feature,
			b.inputs.filter( ( input ) => /^modules\/(core|shared)\//.test( input ) ) ] ) );
		expect( byFeature( gadgetBundles ) ).toEqual( byFeature( bundles ) );
		for ( const bundle of gadgetBundles.filter( ( b ) => b.kind === 'feature' ) ) {
			const code = fs.readFileSync( path.join( freshDir, `gadgets/capacityBuilding-${ bundle.feature }.js` ), 'utf8' );
			expect( code ).toContain( 'require("ext.gadget.capacityBuilding-shared")' );
			expect( code ).not.toContain( 'ext.capacityBuilding.shared' );
		}
	} );

	it( 'keeps the init module on its own: it does not require the shared module', () => {
		const init = bundles.find( ( b ) => b.kind === 'init' ) as Bundle;
		expect( fs.readFileSync( path.join( freshDir, init.script ), 'utf8' ) ).not.toContain( 'ext.capacityBuilding.shared' );
		expect( init.shared ).toEqual( [] );
	} );

	it( 'keeps vue and Codex out of the bundles', () => {
		for ( const bundle of bundles ) {
			const code = fs.readFileSync( path.join( freshDir, bundle.script ), 'utf8' );
			expect( code ).not.toMatch( /defineComponent\s*=|function defineComponent|createVNode\s*=/ );
			expect( bundle.inputs.filter( ( input ) => input.includes( 'node_modules' ) ) ).toEqual( [] );
		}
		const form = fs.readFileSync( path.join( freshDir, 'requestForm/index.js' ), 'utf8' );
		expect( form ).toContain( 'require("vue")' );
		// The extension flavour reaches Codex through its CodexModule's subset, the gadget flavour in full.
		expect( form ).toContain( 'require("./codex.js")' );
		expect( form ).not.toContain( 'require("@wikimedia/codex")' );
		const gadgetForm = fs.readFileSync( path.join( freshDir, 'gadgets/capacityBuilding-requestForm.js' ), 'utf8' );
		expect( gadgetForm ).toContain( 'require("@wikimedia/codex")' );
		expect( gadgetForm ).not.toContain( 'codex.js' );
	} );

	it( 'stays within the size budgets', () => {
		const report = checkBudgets( freshDir, bundles );
		expect( report.problems ).toEqual( [] );
		expect( report.sizes.find( ( s ) => s.feature === 'init' )?.budgetBytes ).toBe( 3 * 1024 );
	} );

	it( 'is registered in extension.json with its files, Codex components and messages', () => {
		expect( checkModuleRegistrations( freshDir, bundles ) ).toEqual( [] );
	} );

	describe( 'gadget flavour', () => {
		const byName = ( name: string ): GadgetDefinition => gadgets.find( ( g ) => g.name === name ) as GadgetDefinition;

		it( 'has the init loader, the styles, the messages, the shared module and every feature as gadgets', () => {
			expect( gadgets.map( ( g ) => g.name ) ).toEqual( [
				'capacityBuilding-styles', 'capacityBuilding-init', 'capacityBuilding-i18n', 'capacityBuilding-shared',
				...bundles.filter( ( b ) => b.kind === 'feature' ).map( ( b ) => `capacityBuilding-${ b.feature }` ),
			] );
			expect( gadgets.filter( ( g ) => g.onMarkerPages ).map( ( g ) => g.name ) ).toEqual( [ 'capacityBuilding-styles', 'capacityBuilding-init' ] );
			expect( byName( 'capacityBuilding-styles' ).type ).toBe( 'styles' );
		} );

		it( 'makes the features package gadgets on vue, the full Codex, the shared gadget and the messages gadget', () => {
			for ( const gadget of gadgets.filter( ( g ) => g.kind === 'feature' ) ) {
				expect( gadget.package ).toBe( true );
				expect( gadget.dependencies ).toEqual( expect.arrayContaining( [ 'vue', '@wikimedia/codex',
					'ext.gadget.capacityBuilding-shared', 'ext.gadget.capacityBuilding-i18n' ] ) );
				expect( gadget.dependencies.filter( ( d ) => d.startsWith( 'ext.capacityBuilding.' ) ) ).toEqual( [] );
				expect( gadget.pages[ 0 ] ).toBe( `${ gadget.name }.js` );
			}
			expect( byName( 'capacityBuilding-init' ).dependencies ).toEqual( [] );
		} );

		it( 'builds every gadget from the same modules, giving mw.messages its English first', () => {
			const form = fs.readFileSync( path.join( freshDir, 'gadgets/capacityBuilding-requestForm.js' ), 'utf8' );
			// One <nowiki> around the page, so that saving it changes nothing (no pre-save transform).
			expect( form ).toMatch( /^\/\/ <nowiki>\n\/\* Generated by `npm run build`[^\n]*\*\/\n"use strict";\nrequire\( "ext\.gadget\.capacityBuilding-i18n" \)\.english\( \{\n\t"capacitybuilding-requestform-/ );
			expect( form ).toContain( 'require("ext.gadget.capacityBuilding-shared")' );
			expect( form ).toMatch( /\n\/\/ <\/nowiki>$/ );
			expect( byName( 'capacityBuilding-requestForm' ).messages ).toContain( 'capacitybuilding-requestform-submit' );
			// The init module's messages travel with the messages gadget, which init loads when it needs them.
			expect( byName( 'capacityBuilding-i18n' ).messages ).toEqual( [ 'capacitybuilding-init-error-load', 'capacitybuilding-init-error-unavailable' ] );
			expect( byName( 'capacityBuilding-i18n' ).deployedPages ).toEqual( [ 'capacityBuilding-i18n.json' ] );
			expect( checkGadgets( freshDir, gadgets ) ).toEqual( [] );
		} );

		it( 'keeps the init loader within 3 KB and every other gadget within its budget', () => {
			const report = checkGadgetBudgets( freshDir, gadgets );
			expect( report.problems ).toEqual( [] );
			// Measured like dist/: the code, with the English messages counted apart.
			const form = report.sizes.find( ( s ) => s.feature === 'capacityBuilding-requestForm' );
			expect( form?.messagesBytes ).toBeGreaterThan( 100 );
			const script = fs.readFileSync( path.join( freshDir, 'gadgets/capacityBuilding-requestForm.js' ), 'utf8' );
			expect( splitEnglish( script ).english ).toMatch( /^require\( "ext\.gadget\.capacityBuilding-i18n" \)\.english\( \{\n\t"capacitybuilding-requestform-/ );
			expect( splitEnglish( script ).code ).not.toContain( 'capacitybuilding-requestform-draft-found":' );
			const init = report.sizes.find( ( s ) => s.feature === 'capacityBuilding-init' );
			expect( init?.budgetBytes ).toBe( INIT_BUDGET_BYTES );
			expect( init?.gzipBytes ).toBeLessThanOrEqual( INIT_BUDGET_BYTES );
		} );
	} );
} );
