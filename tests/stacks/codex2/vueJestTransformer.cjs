'use strict';

/**
 * @vue/vue3-jest compiling single-file components with the Vue 3.5 compiler of this stack instead
 * of the root's Vue 3.4 one, for the jest project that runs the client-module tests on Codex 2.x.
 *
 * vue3-jest requires `@vue/compiler-sfc` from its own folder, which gives the root's. This file
 * loads a private copy of vue3-jest's modules (outside Node's module cache, so the Codex 1.14
 * project in the same worker process keeps the root's compiler) whose `@vue/compiler-sfc` is the
 * stack's.
 */
const Module = require( 'node:module' );
const fs = require( 'node:fs' );
const path = require( 'node:path' );
const crypto = require( 'node:crypto' );
const vm = require( 'node:vm' );

const vue3JestDirectory = path.dirname( require.resolve( '@vue/vue3-jest/package.json' ) ) + path.sep;
const stackVue = path.dirname( require.resolve( 'vue/package.json', { paths: [ __dirname ] } ) );
const compilerSfc = require.resolve( '@vue/compiler-sfc', { paths: [ stackVue ] } );

function isVue3JestModule( file ) {
	return file.startsWith( vue3JestDirectory ) && !file.includes( `${ path.sep }node_modules${ path.sep }`, vue3JestDirectory.length );
}

const privateModules = new Map();
let servedCompiler = null;

/**
 * Runs one of vue3-jest's files as a CommonJS module of its own, with the `require` below.
 *
 * @param {string} filename
 * @return {Object} the module's exports
 */
function loadPrivately( filename ) {
	if ( privateModules.has( filename ) ) {
		return privateModules.get( filename ).exports;
	}
	const privateModule = { exports: {} };
	privateModules.set( filename, privateModule );
	const nodeRequire = Module.createRequire( filename );
	function privateRequire( request ) {
		if ( request === '@vue/compiler-sfc' ) {
			// eslint-disable-next-line security/detect-non-literal-require -- the stack's compiler, resolved above
			servedCompiler = require( compilerSfc );
			return servedCompiler;
		}
		const resolved = nodeRequire.resolve( request );
		return isVue3JestModule( resolved ) && resolved.endsWith( '.js' ) ? loadPrivately( resolved ) : nodeRequire( request );
	}
	privateRequire.resolve = nodeRequire.resolve;
	const body = vm.compileFunction( fs.readFileSync( filename, 'utf8' ), [ 'exports', 'require', 'module', '__filename', '__dirname' ], { filename } );
	body.call( privateModule.exports, privateModule.exports, privateRequire, privateModule, filename, path.dirname( filename ) );
	return privateModule.exports;
}

function loadVue3JestWithStackCompiler() {
	return loadPrivately( require.resolve( '@vue/vue3-jest' ) );
}

const vue3Jest = loadVue3JestWithStackCompiler();
/** The version of the compiler vue3-jest really got (undefined if it never asked for one). */
const compilerVersion = servedCompiler && servedCompiler.version;

module.exports = {
	process: vue3Jest.process,
	getCacheKey( ...args ) {
		return crypto.createHash( 'md5' )
			.update( vue3Jest.getCacheKey( ...args ) )
			.update( `compiled privately by @vue/compiler-sfc ${ compilerVersion }` )
			.digest( 'hex' );
	},
	/** Read by tests/unit/modules/stack.test.ts. */
	compilerVersion
};
