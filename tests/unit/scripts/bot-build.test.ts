/**
 * The bot runs in production from dist/bot/capacity-bot.cjs (built by `npm run build`; the build
 * output test checks it is fresh): it needs Node.js and the production dependencies only — what
 * `npm ci --omit=dev` installs on Toolforge — and no TypeScript runner; bin/capacity-bot.cjs runs it,
 * and so does the Toolforge job (jobs.yaml), with no secret written in the file.
 */
import { execFileSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../../scripts/lib/paths';

const bundle = fs.readFileSync( path.join( repoRoot, 'dist/bot/capacity-bot.cjs' ), 'utf8' );
const pkg = JSON.parse( fs.readFileSync( path.join( repoRoot, 'package.json' ), 'utf8' ) ) as {
	dependencies: Record<string, string>; devDependencies: Record<string, string>;
};

describe( 'the compiled bot', () => {
	it( 'requires only Node.js built-ins and production dependencies', () => {
		const required = [ ...new Set( [ ...bundle.matchAll( /require\("([^"]+)"\)/g ) ].map( ( m ) => m[ 1 ] as string ) ) ];
		const packages = required.filter( ( name ) => !name.startsWith( 'node:' ) && !builtinModules.includes( name ) );
		expect( packages.filter( ( name ) => !( name in pkg.dependencies ) ) ).toEqual( [] );
		expect( packages ).toContain( 'mwn' );
		expect( Object.keys( pkg.dependencies ) ).not.toContain( 'tsx' );
	} );

	it( 'is what bin/capacity-bot.cjs runs, without TypeScript', () => {
		const bin = fs.readFileSync( path.join( repoRoot, 'bin/capacity-bot.cjs' ), 'utf8' );
		expect( bin ).toContain( "require( '../dist/bot/capacity-bot.cjs' )" );
		expect( bin ).not.toMatch( /tsx|ts-node|\.ts'/ );
		const version = execFileSync( process.execPath, [ path.join( repoRoot, 'bin/capacity-bot.cjs' ), '--version' ], { encoding: 'utf8' } );
		expect( version.trim() ).toBe( ( JSON.parse( fs.readFileSync( path.join( repoRoot, 'package.json' ), 'utf8' ) ) as { version: string } ).version );
	} );

	it( 'is what the Toolforge jobs run: watch with status updates and publishing, continuously, secrets from envvars', () => {
		const jobs = fs.readFileSync( path.join( repoRoot, 'jobs.yaml' ), 'utf8' );
		const start = jobs.indexOf( '- name: capacity-bot\n' );
		const job = jobs.slice( start, jobs.indexOf( '\n- name:', start + 1 ) );
		expect( job ).toMatch( /command: .*node bin\/capacity-bot\.cjs --json watch .*--notify --publish/ );
		expect( job ).toContain( 'continuous: true' );
		expect( job ).toMatch( /image: node\d+/ );
		expect( jobs ).not.toMatch( /CAPACITY_BOT_[A-Z0-9_]+=|--db\s|mysql:\/\/|password:/i );
	} );
} );
