/**
 * Features the init module may load. A marker on a page names one of these; any other name is
 * ignored, so page content can never make the init module load an arbitrary module.
 */
export const FEATURES = [ 'requestForm', 'requestPage', 'coachDirectory' ] as const;

export type Feature = typeof FEATURES[ number ];

export function isFeature( name: string | undefined ): name is Feature {
	return ( FEATURES as readonly string[] ).includes( name ?? '' );
}

/**
 * ResourceLoader module names under which a feature may be registered: as an extension module,
 * or as a gadget deployed on a wiki that does not run the extension.
 *
 * @param feature
 * @return Candidate module names, preferred first
 */
export function moduleNames( feature: Feature ): string[] {
	return [ `ext.capacityBuilding.${ feature }`, `ext.gadget.capacityBuilding-${ feature }` ];
}
