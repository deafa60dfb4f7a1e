/**
 * The contract between the init module and a feature module: the init module finds the
 * feature's markers on the page, loads the module and calls `mount` once per marker.
 */
export interface FeatureModule {
	/**
	 * Replaces the marker's no-JavaScript content with the feature's interface.
	 *
	 * @param marker The marker element the page carries (its `data-*` attributes are the feature's parameters)
	 */
	mount( marker: HTMLElement ): void;
}
