/**
 * The client modules must run on the Codex in MediaWiki 1.43 (1.14, with Vue 3.4) and on the
 * current Codex 2.x (with Vue 3.5) that Meta-Wiki runs: jest runs every client-module test once per
 * stack (projects unit-modules and unit-modules-codex2 in jest.config.cjs). This checks that each
 * project really loads the stack it is named for, so a broken mapping cannot fall back unnoticed.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { version as vueVersion } from 'vue';
import { CdxButton } from '@wikimedia/codex';
import { mount } from '@vue/test-utils';
import SaveErrorMessage from '../../../modules/shared/components/SaveErrorMessage.vue';
import { describeApiError } from '../../../modules/shared/apiErrors';

declare const clientStack: {
	expected: { vue: string; codex: string };
	vueTransformer: string;
};

/** The version in the package.json of the package that holds `file`. */
function packageVersion( file: string ): { name: string; version: string } {
	let directory = path.dirname( file );
	for ( ;; ) {
		try {
			// eslint-disable-next-line security/detect-non-literal-fs-filename -- a folder above a resolved module
			const manifest = JSON.parse( readFileSync( path.join( directory, 'package.json' ), 'utf8' ) ) as { name?: string; version?: string };
			if ( manifest.name && manifest.version ) {
				return { name: manifest.name, version: manifest.version };
			}
		} catch {
			// No package.json here: look one level up.
		}
		const parent = path.dirname( directory );
		if ( parent === directory ) {
			throw new Error( `no package.json above ${ file }` );
		}
		directory = parent;
	}
}

function hasPrefix( version: string, prefix: string ): boolean {
	return version === prefix || version.startsWith( `${ prefix }.` );
}

describe( 'the Vue and Codex this project runs on', () => {
	it( 'loads the expected Vue', () => {
		expect( hasPrefix( vueVersion, clientStack.expected.vue ) ).toBe( true );
		// @vue/test-utils mounts with that same Vue: a component it mounts renders through it.
		const wrapper = mount( SaveErrorMessage, { props: { error: describeApiError( 'http', { xhr: { status: 0 } } ) } } );
		expect( wrapper.findComponent( CdxButton ).exists() ).toBe( true );
		expect( ( wrapper.vm.$ as unknown as { appContext: { app: { version: string } } } ).appContext.app.version ).toBe( vueVersion );
	} );

	it( 'loads the expected Codex', () => {
		const codex = packageVersion( require.resolve( '@wikimedia/codex' ) );
		expect( codex.name ).toBe( '@wikimedia/codex' );
		expect( hasPrefix( codex.version, clientStack.expected.codex ) ).toBe( true );
		// `vue` and the Vue that reports its version are one package, not two copies.
		const vue = packageVersion( require.resolve( 'vue' ) );
		expect( vue ).toEqual( { name: 'vue', version: vueVersion } );
	} );

	it( 'compiles single-file components with the compiler of the same Vue', () => {
		// The transformer runs in Node, outside jest's module registry: ask Node which compiler it uses.
		const nodeRequire = createRequire( __filename );
		const transformer = clientStack.vueTransformer.replace( '<rootDir>', path.resolve( __dirname, '../../..' ) );
		const exported = nodeRequire( transformer ) as { compilerVersion?: string };
		const compilerVersion = exported.compilerVersion ??
			( createRequire( nodeRequire.resolve( transformer ) )( '@vue/compiler-sfc' ) as { version: string } ).version;
		expect( compilerVersion ).toBe( vueVersion );
	} );
} );
