import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Bundle } from '../../../scripts/lib/bundles';
import { checkModuleRegistrations, checkWikiRequirements, usedCodexComponents, usedMessageKeys, type ExtensionJson } from '../../../scripts/lib/registration';
import { repoRoot } from '../../../scripts/lib/paths';

describe( 'source scanning', () => {
	it( 'finds whole message keys in any quote style', () => {
		const keys = usedMessageKeys( [
			'mw.msg( \'capacitybuilding-a\' ); $i18n( "capacitybuilding-b-c" ); const k = `capacitybuilding-d`;',
			'// capacitybuilding-not-a-literal, \'other-key\'',
		] );
		expect( [ ...keys ].sort() ).toEqual( [ 'capacitybuilding-a', 'capacitybuilding-b-c', 'capacitybuilding-d' ] );
	} );

	it( 'finds named Codex imports, renamed or on several lines', () => {
		const names = usedCodexComponents( [
			'import { CdxButton, CdxMessage as Message } from \'@wikimedia/codex\';',
			'import {\n\tCdxField,\n\tCdxTextInput\n} from "@wikimedia/codex";',
			'import { useModelWrapper } from \'@wikimedia/codex\';',
		] );
		expect( [ ...names ].sort() ).toEqual( [ 'CdxButton', 'CdxField', 'CdxMessage', 'CdxTextInput' ] );
	} );
} );

describe( 'checkModuleRegistrations', () => {
	let dir: string;
	let bundles: Bundle[];

	beforeAll( () => {
		// A tiny fake feature whose "source" is a file in a temporary folder under the repository.
		dir = fs.mkdtempSync( path.join( os.tmpdir(), 'capacitybuilding-registration-' ) );
		fs.mkdirSync( path.join( dir, 'demo' ) );
		fs.writeFileSync( path.join( dir, 'demo/index.js' ), 'mw.msg( "capacitybuilding-demo-title" );\n' );
		fs.writeFileSync( path.join( dir, 'demo/index.css' ), '' );
		const source = path.join( dir, 'source.ts' );
		fs.writeFileSync( source, 'import { CdxButton } from \'@wikimedia/codex\';\nmw.msg( \'capacitybuilding-demo-title\' );\n' );
		bundles = [ { feature: 'demo', kind: 'feature', script: 'demo/index.js', style: 'demo/index.css', inputs: [ path.relative( repoRoot, source ) ], shared: [] } ];
	} );

	afterAll( () => fs.rmSync( dir, { recursive: true, force: true } ) );

	function extensionWith( definition: object ): ExtensionJson {
		return { ResourceFileModulePaths: { localBasePath: 'dist' }, ResourceModules: { 'ext.capacityBuilding.demo': definition } };
	}

	const good = {
		class: 'MediaWiki\\ResourceLoader\\CodexModule',
		packageFiles: [ { name: 'index.js', file: 'demo/index.js' } ],
		styles: [ 'demo/index.css' ],
		codexComponents: [ 'CdxButton' ],
		dependencies: [ 'vue' ],
		messages: [ 'capacitybuilding-demo-title' ],
	};
	const english = { 'capacitybuilding-demo-title': 'Demo' };

	it( 'accepts a registration that matches the bundle', () => {
		expect( checkModuleRegistrations( dir, bundles, extensionWith( good ), english ) ).toEqual( [] );
	} );

	it( 'reports every mismatch', () => {
		const problems = checkModuleRegistrations( dir, bundles, {
			...extensionWith( {
				packageFiles: [ 'other/index.js' ],
				codexComponents: [ 'CdxDialog' ],
				messages: [ 'capacitybuilding-demo-unused' ],
			} ),
			ResourceModules: {
				'ext.capacityBuilding.demo': { packageFiles: [ 'other/index.js' ], codexComponents: [ 'CdxDialog' ], messages: [ 'capacitybuilding-demo-unused' ] },
				'ext.capacityBuilding.gone': { packageFiles: [ 'gone/index.js' ] },
			},
		}, {} );
		expect( problems ).toEqual( [
			'ext.capacityBuilding.demo: its first package file must be demo/index.js',
			'ext.capacityBuilding.demo: styles must be ["demo/index.css"]',
			'ext.capacityBuilding.demo: other/index.js does not exist in the build output',
			'ext.capacityBuilding.demo: uses Codex, so it must be a CodexModule',
			'ext.capacityBuilding.demo: imports CdxButton but codexComponents does not list it',
			'ext.capacityBuilding.demo: codexComponents lists CdxDialog but no source imports it',
			'ext.capacityBuilding.demo: uses Vue components, so it must depend on "vue"',
			'ext.capacityBuilding.demo: uses message capacitybuilding-demo-title but its "messages" does not list it',
			'ext.capacityBuilding.demo: lists message capacitybuilding-demo-unused that none of its sources uses',
			'ext.capacityBuilding.demo: message capacitybuilding-demo-title is missing from i18n/en.json',
			'extension.json registers ext.capacityBuilding.gone but modules/ has no such feature',
		] );
	} );

	describe( 'with the shared module', () => {
		let sharedBundles: Bundle[];

		beforeAll( () => {
			// The shared module uses one message; the feature uses it too, and one of its own.
			fs.mkdirSync( path.join( dir, 'shared' ) );
			fs.writeFileSync( path.join( dir, 'shared/index.js' ), 'mw.msg( "capacitybuilding-demo-shared" );\n' );
			fs.writeFileSync( path.join( dir, 'demo/index.js' ), 'mw.msg( "capacitybuilding-demo-title" ); mw.msg( "capacitybuilding-demo-shared" );\n' );
			sharedBundles = [
				{ ...bundles[ 0 ] as Bundle, shared: [ 'core/demo.ts' ] },
				{ feature: 'shared', kind: 'shared', script: 'shared/index.js', style: null, inputs: [], shared: [ 'core/demo.ts' ] },
			];
		} );

		afterAll( () => {
			fs.writeFileSync( path.join( dir, 'demo/index.js' ), 'mw.msg( "capacitybuilding-demo-title" );\n' );
			fs.rmSync( path.join( dir, 'shared' ), { recursive: true, force: true } );
		} );

		const shared = { packageFiles: [ { name: 'index.js', file: 'shared/index.js' } ], messages: [ 'capacitybuilding-demo-shared' ] };
		const withShared = ( demo: object, sharedDefinition: object = shared ): ExtensionJson => ( {
			ResourceFileModulePaths: { localBasePath: 'dist' },
			ResourceModules: { 'ext.capacityBuilding.demo': demo, 'ext.capacityBuilding.shared': sharedDefinition },
		} );
		const englishWithShared = { ...english, 'capacitybuilding-demo-shared': 'Shared' };

		it( 'accepts a feature that depends on it and declares only its own messages', () => {
			const demo = { ...good, dependencies: [ 'vue', 'ext.capacityBuilding.shared' ] };
			expect( checkModuleRegistrations( dir, sharedBundles, withShared( demo ), englishWithShared ) ).toEqual( [] );
		} );

		it( 'reports a feature that uses it without depending on it, or declares its messages again', () => {
			expect( checkModuleRegistrations( dir, sharedBundles, withShared( good ), englishWithShared ) ).toEqual( [
				'ext.capacityBuilding.demo: uses the shared module, so it must depend on "ext.capacityBuilding.shared"',
			] );
			const again = { ...good, dependencies: [ 'vue', 'ext.capacityBuilding.shared' ], messages: [ 'capacitybuilding-demo-title', 'capacitybuilding-demo-shared' ] };
			expect( checkModuleRegistrations( dir, sharedBundles, withShared( again ), englishWithShared ) ).toEqual( [
				'ext.capacityBuilding.demo: lists message capacitybuilding-demo-shared that ext.capacityBuilding.shared already declares',
			] );
		} );

		it( 'reports a feature that depends on it but uses none of it', () => {
			const demo = { ...good, dependencies: [ 'vue', 'ext.capacityBuilding.shared' ] };
			const unused = [ { ...sharedBundles[ 0 ] as Bundle, shared: [] }, sharedBundles[ 1 ] as Bundle ];
			fs.writeFileSync( path.join( dir, 'demo/index.js' ), 'mw.msg( "capacitybuilding-demo-title" );\n' );
			try {
				expect( checkModuleRegistrations( dir, unused, withShared( demo ), englishWithShared ) ).toEqual( [
					'ext.capacityBuilding.demo: depends on "ext.capacityBuilding.shared" but uses none of it',
				] );
			} finally {
				fs.writeFileSync( path.join( dir, 'demo/index.js' ), 'mw.msg( "capacitybuilding-demo-title" ); mw.msg( "capacitybuilding-demo-shared" );\n' );
			}
		} );

		it( 'checks the shared module\'s own messages exactly', () => {
			const demo = { ...good, dependencies: [ 'vue', 'ext.capacityBuilding.shared' ] };
			expect( checkModuleRegistrations( dir, sharedBundles, withShared( demo, { ...shared, messages: [ 'capacitybuilding-demo-title' ] } ),
				englishWithShared ) ).toEqual( [
				'ext.capacityBuilding.demo: lists message capacitybuilding-demo-title that ext.capacityBuilding.shared already declares',
				'ext.capacityBuilding.demo: uses message capacitybuilding-demo-shared but its "messages" does not list it',
				'ext.capacityBuilding.shared: uses message capacitybuilding-demo-shared but its "messages" does not list it',
				'ext.capacityBuilding.shared: lists message capacitybuilding-demo-title that none of its sources uses',
			] );
		} );
	} );

	it( 'reports a feature extension.json does not register', () => {
		expect( checkModuleRegistrations( dir, bundles, { ResourceFileModulePaths: { localBasePath: 'dist' }, ResourceModules: {} }, english ) )
			.toEqual( [ 'extension.json does not register ext.capacityBuilding.demo for dist/demo/index.js' ] );
	} );
} );

describe( 'checkWikiRequirements', () => {
	const templates = [
		{ name: 'Capacity thing', text: '{{#switch:{{{kind|}}}|a=A}}[[Category:{{MediaWiki:capacitybuilding-category-things}}]]' },
		{ name: 'Capacity plain', text: 'No parser functions here.' },
	];
	const english = { 'capacitybuilding-category-things': 'Things', 'capacitybuilding-category-things-desc': 'Every thing.' };
	const extension = ( more: Partial<ExtensionJson> ): ExtensionJson => ( { ResourceFileModulePaths: { localBasePath: 'dist' }, ResourceModules: {}, ...more } );

	it( 'passes the real extension.json, templates and messages', () => {
		expect( checkWikiRequirements() ).toEqual( [] );
	} );

	it( 'accepts ParserFunctions required and the categories registered with their descriptions', () => {
		expect( checkWikiRequirements( extension( {
			requires: { MediaWiki: '>= 1.43.0', extensions: { ParserFunctions: '*' } },
			TrackingCategories: [ 'capacitybuilding-category-things' ],
		} ), english, templates ) ).toEqual( [] );
	} );

	it( 'reports a missing requirement, unregistered or stray tracking categories and missing descriptions', () => {
		expect( checkWikiRequirements( extension( { TrackingCategories: [ 'capacitybuilding-category-gone' ] } ),
			{ 'capacitybuilding-category-things': 'Things' }, templates ) ).toEqual( [
			'extension.json must require ParserFunctions: Capacity thing use its parser functions',
			'extension.json: TrackingCategories must list capacitybuilding-category-things (a template adds that category)',
			'extension.json: TrackingCategories lists capacitybuilding-category-gone but no template adds it',
			'tracking category capacitybuilding-category-gone: message capacitybuilding-category-gone is missing from i18n/en.json',
			'tracking category capacitybuilding-category-gone: message capacitybuilding-category-gone-desc is missing from i18n/en.json',
		] );
	} );
} );
