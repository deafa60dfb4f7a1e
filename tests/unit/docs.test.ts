/**
 * The repository stands alone: README.md and docs/ link only to files inside the repository (that
 * exist, with the headings a link names) or to the web, never to a file beside the checkout.
 */
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../scripts/lib/paths';

const documents = [ 'README.md', ...fs.readdirSync( path.join( repoRoot, 'docs' ) ).filter( ( f ) => f.endsWith( '.md' ) ).map( ( f ) => `docs/${ f }` ) ];

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function anchor( heading: string ): string {
	return heading.trim().toLowerCase().replace( /[^\p{L}\p{N} _-]/gu, '' ).replace( / /g, '-' );
}

function anchorsOf( file: string ): Set<string> {
	const text = fs.readFileSync( path.join( repoRoot, file ), 'utf8' ).replace( /```[\s\S]*?```/g, '' );
	return new Set( [ ...text.matchAll( /^#{1,6} (.+)$/gm ) ].map( ( m ) => anchor( m[ 1 ] as string ) ) );
}

describe( 'documentation', () => {
	it( 'has the documents the README lists', () => {
		expect( documents ).toEqual( expect.arrayContaining( [ 'docs/architecture.md', 'docs/data-model.md', 'docs/operations.md', 'docs/privacy.md' ] ) );
	} );

	it.each( documents )( '%s links only inside the repository, to files and headings that exist', ( file ) => {
		const text = fs.readFileSync( path.join( repoRoot, file ), 'utf8' ).replace( /```[\s\S]*?```/g, '' );
		const broken: string[] = [];
		for ( const match of text.matchAll( /\]\(([^)\s]+)\)/g ) ) {
			const link = match[ 1 ] as string;
			if ( /^[a-z]+:/i.test( link ) ) {
				continue;
			}
			const [ target, hash ] = link.split( '#' ) as [ string, string | undefined ];
			const resolved = target === '' ? path.join( repoRoot, file ) : path.resolve( path.dirname( path.join( repoRoot, file ) ), target );
			const relative = path.relative( repoRoot, resolved );
			if ( relative.startsWith( '..' ) || path.isAbsolute( relative ) || !fs.existsSync( resolved ) ) {
				broken.push( `${ link }: not a file in the repository` );
			} else if ( hash && resolved.endsWith( '.md' ) && !anchorsOf( relative ).has( hash ) ) {
				broken.push( `${ link }: no such heading` );
			}
		}
		expect( broken ).toEqual( [] );
	} );
} );
