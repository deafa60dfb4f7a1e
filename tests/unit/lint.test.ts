/**
 * The lint configuration keeps Node out of browser code: a Node global or a Node module used in a
 * file under modules/ is an error, while the same code in the bot, the scripts or a file at the
 * top of the repository is fine. (A pattern without a slash in .eslintrc.cjs matches base names
 * in every folder, which once gave modules/ the Node environment.)
 */
import path from 'node:path';
import { repoRoot } from '../../scripts/lib/paths';

/** The little of ESLint 8's API used here (it ships no types). */
interface LintResult {
	messages: { ruleId: string | null; line: number }[];
}
const { ESLint } = require( 'eslint' ) as {
	ESLint: new ( options: { cwd: string } ) => { lintText( code: string, where: { filePath: string } ): Promise<LintResult[]> };
};

const eslint = new ESLint( { cwd: repoRoot } );

async function lint( file: string, code: string ): Promise<string[]> {
	const [ result ] = await eslint.lintText( code, { filePath: path.join( repoRoot, file ) } );
	return ( result?.messages ?? [] ).map( ( message ) => `${ message.ruleId ?? 'parse' }:${ message.line }` );
}

const NODE_CODE = [
	'import fs from \'node:fs\';',
	'import path from \'path\';',
	'export const home = process.env.HOME;',
	'export const here = __dirname;',
	'export const bytes = Buffer.from( \'x\' );',
	'export const files = [ fs, path ];',
	'',
].join( '\n' );

const VUE_CODE = [
	'<template>',
	'\t<div>{{ home }}</div>',
	'</template>',
	'',
	'<script setup lang="ts">',
	'const home = process.env.HOME;',
	'</script>',
	'',
].join( '\n' );

describe( 'lint: browser code', () => {
	it.each( [ 'modules/shared/example.ts', 'modules/core/example.ts', 'modules/init/example.ts', 'modules/requestForm/example.ts' ] )(
		'rejects Node globals and Node modules in %s', async ( file ) => {
			expect( await lint( file, NODE_CODE ) ).toEqual( [
				'no-restricted-imports:1', 'no-restricted-imports:2', 'no-restricted-globals:3', 'no-restricted-globals:4',
				'no-restricted-globals:5',
			] );
		} );

	it( 'accepts a module of its own that shares a Node module\'s name', async () => {
		expect( await lint( 'modules/core/example.ts', 'import { x } from \'./constants\';\n\nexport const y = x;\n' ) ).toEqual( [] );
	} );

	it( 'rejects a Node global in a Vue component under modules/', async () => {
		expect( await lint( 'modules/shared/components/ExampleThing.vue', VUE_CODE ) ).toContain( 'no-restricted-globals:6' );
	} );

	it.each( [ 'bot/example.ts', 'scripts/lib/example.ts', 'sql/example.ts', 'example.ts' ] )( 'accepts the same code in Node code: %s', async ( file ) => {
		expect( await lint( file, NODE_CODE ) ).toEqual( [] );
	} );
} );
