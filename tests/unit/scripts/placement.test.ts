/**
 * Where the build puts each file of modules/core and modules/shared (scripts/lib/placement.ts):
 * the shared module holds what several features reach, a feature what only it reaches.
 */
import type { Bundle } from '../../../scripts/lib/bundles';
import { checkPlacement, formatPlacement, placeSharedFiles } from '../../../scripts/lib/placement';

const sharedPath = ( file: string ): string | null => /^modules\/(core|shared)\//.test( file ) ? file.slice( 'modules/'.length ) : null;

/** Two features: `a` imports the model and a helper only it uses (which imports the codec); `b` the model and a component. */
const graph = new Map<string, Set<string>>( [
	[ 'modules/a/index.ts', new Set( [ 'modules/a/App.vue', 'modules/core/model.ts' ] ) ],
	[ 'modules/a/App.vue', new Set( [ 'modules/shared/onlyA.ts' ] ) ],
	[ 'modules/shared/onlyA.ts', new Set( [ 'modules/core/codec.ts', 'modules/core/constants.ts' ] ) ],
	[ 'modules/b/index.ts', new Set( [ 'modules/core/model.ts', 'modules/shared/Picker.vue' ] ) ],
	[ 'modules/shared/Picker.vue', new Set( [ 'modules/core/constants.ts' ] ) ],
	[ 'modules/core/model.ts', new Set( [ 'modules/core/text.ts' ] ) ],
	// A cycle is walked once.
	[ 'modules/core/text.ts', new Set( [ 'modules/core/model.ts' ] ) ],
] );

const bundle = ( feature: string, inputs: string[], kind: Bundle[ 'kind' ] = 'feature' ): Bundle => (
	{ feature, kind, script: `${ feature }/index.js`, style: null, inputs, shared: [] } );

describe( 'placeSharedFiles', () => {
	it( 'keeps what several features reach, directly or not, and moves what one feature reaches into it', () => {
		expect( placeSharedFiles( [ 'a', 'b' ], graph, sharedPath ) ).toEqual( {
			kept: [ 'core/constants.ts', 'core/model.ts', 'core/text.ts' ],
			moved: { 'core/codec.ts': 'a', 'shared/Picker.vue': 'b', 'shared/onlyA.ts': 'a' },
		} );
	} );

	it( 'takes a file back into the shared module when a second feature starts using it', () => {
		const more = new Map( graph );
		more.set( 'modules/c/index.ts', new Set( [ 'modules/shared/onlyA.ts' ] ) );
		const plan = placeSharedFiles( [ 'a', 'b', 'c' ], more, sharedPath );
		// What the kept file imports is kept too: it is reached by the same features.
		expect( plan.kept ).toEqual( [ 'core/codec.ts', 'core/constants.ts', 'core/model.ts', 'core/text.ts', 'shared/onlyA.ts' ] );
		expect( plan.moved ).toEqual( { 'shared/Picker.vue': 'b' } );
	} );

	it( 'keeps nothing when there is one feature', () => {
		expect( placeSharedFiles( [ 'b' ], graph, sharedPath ).kept ).toEqual( [] );
	} );
} );

describe( 'checkPlacement', () => {
	const plan = placeSharedFiles( [ 'a', 'b' ], graph, sharedPath );

	it( 'accepts bundles built as planned, whatever the init module bundles for itself', () => {
		expect( checkPlacement( [
			bundle( 'init', [ 'modules/init/index.ts', 'modules/core/constants.ts' ], 'init' ),
			bundle( 'shared', [ 'modules/core/model.ts', 'modules/core/text.ts', 'modules/core/constants.ts' ], 'shared' ),
			bundle( 'a', [ 'modules/a/index.ts', 'modules/shared/onlyA.ts', 'modules/core/codec.ts' ] ),
			bundle( 'b', [ 'modules/b/index.ts', 'modules/shared/Picker.vue' ] ),
		], plan, sharedPath ) ).toEqual( [] );
	} );

	it( 'finds a file in two places or in the wrong one', () => {
		expect( checkPlacement( [
			bundle( 'shared', [ 'modules/core/model.ts', 'modules/shared/onlyA.ts' ], 'shared' ),
			bundle( 'a', [ 'modules/a/index.ts', 'modules/shared/onlyA.ts', 'modules/core/model.ts' ] ),
			bundle( 'b', [ 'modules/shared/unknown.ts' ] ),
		], plan, sharedPath ) ).toEqual( [
			'shared/onlyA.ts is in the shared bundle but belongs in a',
			'core/model.ts is in the a bundle but belongs in shared',
			'shared/unknown.ts is in the b bundle but belongs in none',
		] );
	} );
} );

describe( 'formatPlacement', () => {
	it( 'says which files moved into which feature', () => {
		expect( formatPlacement( placeSharedFiles( [ 'a', 'b' ], graph, sharedPath ) ) ).toBe(
			'Shared module: 3 files that several features use; used by one feature only, so bundled into it:\n' +
			'  a: core/codec.ts, shared/onlyA.ts\n' +
			'  b: shared/Picker.vue' );
		expect( formatPlacement( { kept: [ 'core/model.ts' ], moved: {} } ) ).toBe(
			'Shared module: 1 files that several features use; none is used by one feature only.' );
	} );
} );
