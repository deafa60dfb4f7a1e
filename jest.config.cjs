'use strict';

/**
 * One jest configuration, one project per test layer:
 * - unit: domain core, bot and tooling logic, in Node;
 * - unit-modules: client modules in jsdom with a mocked `mw` (@vue/test-utils for components);
 * - integration: the bot and the tooling against the real development wiki;
 * - e2e: the client modules in Debian's Chromium against pages of the development wiki.
 * The last two start the development wiki when it is not running and stop it again afterwards.
 */

const tsTransform = [ 'ts-jest', { tsconfig: '<rootDir>/tsconfig.node.json', diagnostics: false } ];

module.exports = {
	projects: [
		{
			displayName: 'unit',
			testEnvironment: 'node',
			testMatch: [ '<rootDir>/tests/unit/**/*.test.ts' ],
			testPathIgnorePatterns: [ '<rootDir>/tests/unit/modules/' ],
			transform: { '^.+\\.ts$': tsTransform }
		},
		{
			displayName: 'unit-modules',
			testEnvironment: 'jsdom',
			testEnvironmentOptions: { customExportConditions: [ 'node', 'node-addons' ] },
			testMatch: [ '<rootDir>/tests/unit/modules/**/*.test.ts' ],
			setupFiles: [ '<rootDir>/tests/unit/modules/setup.ts' ],
			setupFilesAfterEnv: [ '<rootDir>/tests/unit/modules/timeouts.ts' ],
			moduleFileExtensions: [ 'ts', 'js', 'json', 'vue' ],
			transform: {
				'^.+\\.ts$': [ 'ts-jest', { tsconfig: '<rootDir>/tsconfig.modules-tests.json', diagnostics: false } ],
				'^.+\\.vue$': [ '@vue/vue3-jest', { tsConfig: '<rootDir>/tsconfig.modules-tests.json' } ],
				'^.+\\.m?js$': 'babel-jest'
			},
			transformIgnorePatterns: [ '/node_modules/(?!@wikimedia/codex)' ]
		},
		{
			displayName: 'integration',
			testEnvironment: 'node',
			testMatch: [ '<rootDir>/tests/integration/**/*.test.ts' ],
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
