'use strict';

/**
 * One jest configuration, one project per test layer:
 * - unit: domain core, bot and tooling logic, in Node;
 * - unit-modules: client modules in jsdom with a mocked `mw` (@vue/test-utils for components), on
 *   the Vue 3.4 + Codex 1.14 that MediaWiki 1.43 ships;
 * - unit-modules-codex2: the same tests on the current Codex 2.x and the Vue 3.5 it needs, which
 *   Meta-Wiki runs (installed from tests/stacks/codex2);
 * - integration: the bot and the tooling against the real development wiki;
 * - e2e: the client modules in Debian's Chromium against pages of the development wiki.
 * Integration and e2e run on the extension route, or with CAPACITY_TEST_ROUTE=gadgets on the
 * gadget route (the development wiki in gadget mode, the tools deployed as gadgets).
 * The last two start the development wiki when it is not running and stop it again afterwards.
 */

const path = require( 'node:path' );

/** The route the integration and end-to-end tests run on (tests/support/wiki.ts). */
const gadgetRoute = process.env.CAPACITY_TEST_ROUTE === 'gadgets';

const tsTransform = [ 'ts-jest', { tsconfig: '<rootDir>/tsconfig.node.json', diagnostics: false } ];

/**
 * The Vue and Codex a client-module project runs on. `expected` is what the stack test
 * (tests/unit/modules/stack.test.ts) checks was really loaded, so a project cannot silently fall
 * back to the other stack.
 */
const mediaWiki143Stack = {
	expected: { vue: '3.4', codex: '1.14' },
	moduleNameMapper: {},
	vueTransformer: '@vue/vue3-jest'
};

const codex2Directory = path.join( __dirname, 'tests/stacks/codex2' );
const vue35Directory = path.dirname( require.resolve( 'vue/package.json', { paths: [ codex2Directory ] } ) );
function fromCodex2Stack( request, base = codex2Directory ) {
	return require.resolve( request, { paths: [ base ] } );
}
const codex2Stack = {
	expected: { vue: '3.5', codex: '2' },
	moduleNameMapper: {
		'^vue$': fromCodex2Stack( 'vue' ),
		'^@wikimedia/codex$': fromCodex2Stack( '@wikimedia/codex' ),
		// What @vue/test-utils requires besides `vue`: it must be the same Vue.
		'^@vue/compiler-dom$': fromCodex2Stack( '@vue/compiler-dom', vue35Directory ),
		'^@vue/server-renderer$': fromCodex2Stack( '@vue/server-renderer', vue35Directory )
	},
	vueTransformer: '<rootDir>/tests/stacks/codex2/vueJestTransformer.cjs'
};

function clientModulesProject( displayName, stack ) {
	return {
		displayName,
		testEnvironment: 'jsdom',
		testEnvironmentOptions: { customExportConditions: [ 'node', 'node-addons' ] },
		testMatch: [ '<rootDir>/tests/unit/modules/**/*.test.ts' ],
		setupFiles: [ '<rootDir>/tests/unit/modules/setup.ts' ],
		setupFilesAfterEnv: [ '<rootDir>/tests/unit/modules/timeouts.ts' ],
		moduleFileExtensions: [ 'ts', 'js', 'json', 'vue' ],
		moduleNameMapper: stack.moduleNameMapper,
		globals: { clientStack: { expected: stack.expected, vueTransformer: stack.vueTransformer } },
		transform: {
			'^.+\\.ts$': [ 'ts-jest', { tsconfig: '<rootDir>/tsconfig.modules-tests.json', diagnostics: false } ],
			'^.+\\.vue$': [ stack.vueTransformer, { tsConfig: '<rootDir>/tsconfig.modules-tests.json' } ],
			'^.+\\.m?js$': 'babel-jest'
		},
		transformIgnorePatterns: [ '/node_modules/(?!@wikimedia/codex)' ]
	};
}

module.exports = {
	projects: [
		{
			displayName: 'unit',
			testEnvironment: 'node',
			testMatch: [ '<rootDir>/tests/unit/**/*.test.ts' ],
			testPathIgnorePatterns: [ '<rootDir>/tests/unit/modules/' ],
			transform: { '^.+\\.ts$': tsTransform }
		},
		clientModulesProject( 'unit-modules', mediaWiki143Stack ),
		clientModulesProject( 'unit-modules-codex2', codex2Stack ),
		{
			displayName: 'integration',
			testEnvironment: 'node',
			// The gadget route's tests (deploy) need the wiki in gadget mode: they run on their own,
			// with CAPACITY_TEST_ROUTE=gadgets; every other one on the extension route.
			testMatch: [ gadgetRoute ? '<rootDir>/tests/integration/gadgets/**/*.test.ts' : '<rootDir>/tests/integration/**/*.test.ts' ],
			testPathIgnorePatterns: gadgetRoute ? [] : [ '<rootDir>/tests/integration/gadgets/' ],
			globalSetup: '<rootDir>/tests/support/globalSetup.ts',
			globalTeardown: '<rootDir>/tests/support/globalTeardown.ts',
			setupFilesAfterEnv: [ '<rootDir>/tests/support/timeouts.ts' ],
			transform: { '^.+\\.ts$': tsTransform }
		},
		{
			displayName: 'e2e',
			testEnvironment: 'node',
			testMatch: [ '<rootDir>/tests/e2e/**/*.test.ts' ],
			globalSetup: '<rootDir>/tests/support/globalSetup.ts',
			globalTeardown: '<rootDir>/tests/support/globalTeardown.ts',
			setupFilesAfterEnv: [ '<rootDir>/tests/support/timeouts.ts' ],
			transform: { '^.+\\.ts$': [ 'ts-jest', { tsconfig: '<rootDir>/tsconfig.e2e.json', diagnostics: false } ] }
		}
	]
};
