/**
 * Features the init module may load. A marker on a page names one of these; any other name is
 * ignored, so page content can never make the init module load an arbitrary module.
 */
export const FEATURES = [ 'requestForm', 'requestPage', 'coachDirectory', 'coachProfile', 'hubsOverview', 'hubDashboard', 'statistics', 'hubProfile', 'privateRoute' ] as const;

export type Feature = typeof FEATURES[ number ];

export function isFeature( name: string | undefined ): name is Feature {
	return ( FEATURES as readonly string[] ).includes( name ?? '' );
}

/**
 * The module every feature depends on: the code of modules/core and modules/shared, built once
 * (scripts/lib/bundles.ts). Features reach it by name; the init module does not load it.
 */
export const SHARED = 'shared';

/**
 * ResourceLoader module names under which a feature (or the shared module) may be registered: as
 * an extension module, or as a gadget deployed on a wiki that does not run the extension.
 *
 * @param feature
 * @return Candidate module names, preferred first
 */
export function moduleNames( feature: Feature | typeof SHARED ): string[] {
	return [ `ext.capacityBuilding.${ feature }`, `ext.gadget.capacityBuilding-${ feature }` ];
}
