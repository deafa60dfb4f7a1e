/** Well-known locations in the working tree. */
import path from 'node:path';

export const repoRoot = path.resolve( __dirname, '..', '..' );

/** Committed build output that ResourceLoader serves. */
export const distDir = path.join( repoRoot, 'dist' );

/** Test and benchmark artifacts (screenshots, logs); git-ignored. */
export const artifactsDir = path.join( repoRoot, 'artifacts' );
