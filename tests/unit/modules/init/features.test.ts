import { FEATURES, isFeature, moduleNames } from '../../../../modules/init/features';

describe( 'init features', () => {
	it( 'accepts only listed feature names', () => {
		expect( isFeature( 'requestForm' ) ).toBe( true );
		expect( isFeature( 'jquery' ) ).toBe( false );
		expect( isFeature( '' ) ).toBe( false );
		expect( isFeature( undefined ) ).toBe( false );
		expect( isFeature( 'toString' ) ).toBe( false );
	} );

	it( 'names the extension module first, then the gadget', () => {
		for ( const feature of FEATURES ) {
			expect( moduleNames( feature ) ).toEqual( [
				`ext.capacityBuilding.${ feature }`,
				`ext.gadget.capacityBuilding-${ feature }`,
			] );
		}
	} );
} );
