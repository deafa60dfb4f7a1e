/**
 * Names on the gadget route (Meta-Wiki), shared by the build (scripts/lib/gadgets.ts), the bot's
 * `deploy` and the client code that runs there.
 *
 * Every gadget is `capacityBuilding-<part>`, its pages `MediaWiki:Gadget-capacityBuilding-<part>.js`
 * (and `.css`, `.json`), and ResourceLoader knows it as `ext.gadget.capacityBuilding-<part>`.
 * Translations are published as one JSON page per language,
 * `MediaWiki:Gadget-capacityBuilding-i18n-<language>.json`, and the messages gadget's package file
 * `capacityBuilding-i18n.json` (the manifest) lists them with a version each.
 */

/** Start of every gadget name and gadget page name. */
export const GADGET_PREFIX = 'capacityBuilding-';

/** Namespace prefix of gadget pages (`MediaWiki:Gadget-<page>`). */
export const GADGET_PAGE_PREFIX = 'MediaWiki:Gadget-';

/** The gadget that gives the other gadgets their messages (modules/gadgets/i18n.ts). */
export const MESSAGES_GADGET = `${ GADGET_PREFIX }i18n`;

/** The messages gadget's package file that lists the published languages (written by deploy). */
export const MESSAGES_MANIFEST = `${ MESSAGES_GADGET }.json`;

/** ResourceLoader's name of a gadget. */
export function gadgetModule( gadget: string ): string {
	return `ext.gadget.${ gadget }`;
}

/** The messages of one language published for the gadgets (a JSON page). */
export function messagesPage( language: string ): string {
	return `${ GADGET_PAGE_PREFIX }${ MESSAGES_GADGET }-${ language }.json`;
}

/**
 * The manifest: for each published language (not English, which the gadgets carry), the version of
 * its page (a hash of its content), so that a browser knows when its copy is stale.
 */
export interface MessagesManifest {
	languages: Record<string, string>;
}
