'use strict';

/**
 * Globals that exist in Node but not in a browser: code under modules/ runs in ResourceLoader, so
 * none of them may appear there (TypeScript's no-undef check is off, so they are named here).
 */
const NODE_GLOBALS = [ 'process', 'Buffer', '__dirname', '__filename', 'global', 'module', 'exports', 'require',
	'setImmediate', 'clearImmediate' ].map( ( name ) => ( {
	name,
	message: 'Node global: code under modules/ runs in the browser.'
} ) );

// eslint-config-wikimedia needs ESLint 8 and its legacy configuration format. The root has no
// environment: browser code (modules/) and Node code each get theirs in an override below.
module.exports = {
	root: true,
	extends: [ 'wikimedia/common', 'wikimedia/language/es2022' ],
	ignorePatterns: [ 'dist/**', '.devwiki/**', 'artifacts/**', 'coverage/**', 'node_modules/**', 'package-lock.json' ],
	parserOptions: { ecmaVersion: 2022 },
	overrides: [
		{
			// Browser code. It may use modern syntax: esbuild lowers it to what ResourceLoader accepts.
			files: [ 'modules/**/*.ts', 'modules/**/*.vue', 'tests/unit/modules/**/*.ts' ],
			extends: [ 'wikimedia/client/es2022', 'wikimedia/vue3/es2022', 'wikimedia/mediawiki' ],
			env: { browser: true },
			rules: {
				// MediaWiki 1.43 ships Vue 3.4.
				'vue/no-unsupported-features': [ 'error', { version: '3.4.27' } ],
				'compat/compat': 'off'
			}
		},
		{
			files: [ 'modules/**/*.ts', 'modules/**/*.vue' ],
			rules: {
				'no-restricted-globals': [ 'error', ...NODE_GLOBALS ],
				'no-restricted-imports': [ 'error', {
					paths: require( 'node:module' ).builtinModules.map( ( name ) => ( {
						name,
						message: 'Node module: code under modules/ runs in the browser.'
					} ) ),
					patterns: [ { group: [ 'node:*' ], message: 'Node module: code under modules/ runs in the browser.' } ]
				} ]
			}
		},
		{
			// Tests of client code look into jsdom's storage, where drafts live (modules/shared/draftStorage.ts).
			files: [ 'tests/unit/modules/**/*.ts' ],
			rules: { 'mediawiki/no-storage': 'off' }
		},
		{
			files: [ 'modules/**/*.vue' ],
			parser: 'vue-eslint-parser',
			parserOptions: { parser: '@typescript-eslint/parser', sourceType: 'module', ecmaVersion: 2022 },
			extends: [ 'wikimedia/typescript' ]
		},
		{
			// The domain core runs in the browser and in the bot: no environment of its own.
			files: [ 'modules/core/**/*.ts' ],
			env: { browser: false },
			rules: {
				'no-restricted-globals': [ 'error', 'mw', 'window', 'document', '$', 'jQuery', 'console', ...NODE_GLOBALS ]
			}
		},
		{
			// Node code. A pattern without a slash matches a file's base name in any folder (so
			// '*.ts' would take in modules/ too): files at the top are named with './'.
			files: [ 'bot/**/*.ts', 'sql/**/*.ts', 'scripts/**/*.ts', 'tests/**/*.ts', 'tests/**/*.cjs', './*.ts',
				'bin/*.cjs', 'scripts/*.cjs', './*.cjs' ],
			excludedFiles: [ 'tests/unit/modules/**' ],
			extends: [ 'wikimedia/node', 'wikimedia/language/es2022' ],
			rules: {
				'n/no-process-exit': 'off',
				// Node 20 has fetch unflagged; the plugin still calls it experimental there.
				'n/no-unsupported-features/node-builtins': [ 'error', { ignores: [ 'fetch', 'AbortSignal.timeout' ] } ],
				'security/detect-non-literal-fs-filename': 'off',
				'security/detect-child-process': 'off'
			}
		},
		{
			// Executables need their #! line.
			files: [ 'bin/*.cjs' ],
			rules: { 'es-x/no-hashbang': 'off' }
		},
		{
			files: [ 'tests/**/*.ts' ],
			extends: [ 'wikimedia/jest' ],
			rules: {
				// jest.isolateModules() needs require().
				'@typescript-eslint/no-require-imports': 'off',
				// Property tests assert through fast-check.
				'jest/expect-expect': [ 'warn', { assertFunctionNames: [ 'expect', 'fc.assert' ] } ]
			}
		},
		{
			files: [ '*.ts', '*.vue' ],
			parserOptions: { sourceType: 'module' },
			rules: {
				// TypeScript resolves the imports and carries the types these JSDoc tags would repeat.
				'n/no-missing-import': 'off',
				'n/no-missing-require': 'off',
				'jsdoc/require-param': 'off',
				'jsdoc/require-returns': 'off',
				'jsdoc/require-param-type': 'off',
				'jsdoc/require-returns-type': 'off',
				'jsdoc/no-undefined-types': 'off',
				// Types may be declared after the code that refers to them.
				'no-use-before-define': 'off',
				'@typescript-eslint/no-use-before-define': [ 'error', { functions: false, ignoreTypeReferences: true } ],
				// Typed keys, not user-controlled property names.
				'security/detect-object-injection': 'off',
				'security/detect-non-literal-regexp': 'off'
			}
		},
		{
			files: [ '*' ],
			rules: {
				'max-len': [ 'warn', {
					code: 120,
					tabWidth: 4,
					ignoreUrls: true,
					ignoreStrings: true,
					ignoreTemplateLiterals: true,
					ignoreRegExpLiterals: true,
					ignoreComments: false
				} ]
			}
		},
		{
			// Tests spell out expectations (tables, records) on one line where that reads better.
			files: [ 'tests/**' ],
			rules: {
				'max-len': [ 'warn', { code: 160, tabWidth: 4, ignoreUrls: true, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true } ]
			}
		}
	]
};
