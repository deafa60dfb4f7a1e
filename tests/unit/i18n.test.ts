/**
 * Every message is used, every used message exists, and each has documentation for translators.
 * Message keys are always written out whole in the sources (MediaWiki's convention), which is what
 * makes this check possible.
 */
import fs from 'node:fs';
import path from 'node:path';
import en from '../../i18n/en.json';
import qqq from '../../i18n/qqq.json';
import { repoRoot } from '../../scripts/lib/paths';

const SOURCE_DIRS = [ 'modules', 'bot', 'sql', 'wiki', 'scripts' ];
const SOURCE_FILE = /\.(ts|vue|wikitext|json|css)$/;

function sourceFiles( dir: string ): string[] {
	return fs.readdirSync( dir, { withFileTypes: true } ).flatMap( ( entry ) => {
		const full = path.join( dir, entry.name );
		return entry.isDirectory() ? sourceFiles( full ) : SOURCE_FILE.test( entry.name ) ? [ full ] : [];
	} );
}

const sources = [
	...SOURCE_DIRS.flatMap( ( dir ) => sourceFiles( path.join( repoRoot, dir ) ) ),
	path.join( repoRoot, 'extension.json' ),
].map( ( file ) => ( { file: path.relative( repoRoot, file ), text: fs.readFileSync( file, 'utf8' ) } ) );

const keys = Object.keys( en ).filter( ( key ) => !key.startsWith( '@' ) );

/** MediaWiki names these itself: the description of each tracking category is its message's name plus "-desc". */
const trackingDescriptions = new Set( ( JSON.parse( fs.readFileSync( path.join( repoRoot, 'extension.json' ), 'utf8' ) ) as
	{ TrackingCategories?: string[] } ).TrackingCategories?.map( ( key ) => `${ key }-desc` ) ?? [] );

describe( 'messages', () => {
	it( 'are all used somewhere', () => {
		const unused = keys.filter( ( key ) => !trackingDescriptions.has( key ) &&
			!sources.some( ( { text } ) => new RegExp( `['"\`:]${ key }(?![a-z0-9-])` ).test( text ) ) );
		expect( unused ).toEqual( [] );
	} );

	it( 'exist when a source uses them', () => {
		const known = new Set( keys );
		const missing = sources.flatMap( ( { file, text } ) => [ ...text.matchAll( /['"`:](capacitybuilding-[a-z0-9-]+)(?![a-z0-9-])/g ) ]
			.map( ( match ) => match[ 1 ] as string )
			.filter( ( key ) => !known.has( key ) && !key.endsWith( '-' ) )
			.map( ( key ) => `${ file }: ${ key }` ) );
		expect( missing ).toEqual( [] );
	} );

	it( 'are documented for translators', () => {
		const documented = qqq as unknown as Record<string, string>;
		expect( keys.filter( ( key ) => !documented[ key ]?.trim() ) ).toEqual( [] );
	} );
} );
