/**
 * The description of the gadget flavour of the build (dist/gadgets/gadgets.json): what
 * `scripts/lib/gadgetBuild.ts` writes and `capacity-bot deploy` reads. Kept apart from the build's
 * checks (gadgets.ts), which need esbuild: the compiled bot imports this file and must run on a
 * machine with only the production dependencies.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Where the gadget flavour goes, under the build output. */
export const GADGETS_DIR = 'gadgets';
/** The description of the gadgets, under GADGETS_DIR. */
export const GADGETS_JSON = 'gadgets.json';

export type GadgetKind = 'init' | 'styles' | 'messages' | 'shared' | 'feature';

export interface GadgetDefinition {
	/** Gadget name, e.g. `capacityBuilding-requestForm`. */
	name: string;
	kind: GadgetKind;
	/**
	 * Loaded by default, hidden from the preferences, on the pages that can carry a marker (init
	 * and styles); every other gadget is hidden and loaded on demand by the init module.
	 */
	onMarkerPages: boolean;
	/** A package gadget (CommonJS: the first script is the entry point, JSON files are its data). */
	package: boolean;
	/** `styles`: a styles-only gadget, which MediaWiki loads as a stylesheet (also without JavaScript). */
	type: 'general' | 'styles';
	/** ResourceLoader modules it depends on. */
	dependencies: string[];
	/** Its pages (without `MediaWiki:Gadget-`), the entry point first. */
	pages: string[];
	/** Those of its pages that deploy writes itself (the messages manifest); the others are in dist/gadgets/. */
	deployedPages: string[];
	/** The keys of the English messages it carries. */
	messages: string[];
}

/** Reads the description of the built gadgets (dist/gadgets/gadgets.json). */
export function readGadgets( outDir: string ): GadgetDefinition[] {
	return JSON.parse( fs.readFileSync( path.join( outDir, GADGETS_DIR, GADGETS_JSON ), 'utf8' ) ) as GadgetDefinition[];
}
