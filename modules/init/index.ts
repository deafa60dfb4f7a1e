/**
 * Runs on every page view and must stay tiny (no Vue, no Codex): it looks for the markers that
 * CapacityBuilding's templates put on a page and loads only the feature modules they name.
 * Pages without markers pay for this file and nothing else.
 *
 * A marker is `<div class="ext-capacitybuilding-marker" data-capacitybuilding-feature="…">` whose
 * content is the no-JavaScript rendering; the feature replaces it when it mounts.
 *
 * It also settles the drafts kept in the browser (shared/draftStorage.ts): MediaWiki says nothing
 * to scripts when someone logs out, so each page view checks whose drafts are kept.
 *
 * Two kinds of page carry no template yet: a coach's profile page before the coach created it, and
 * a hub page before the hub is created. Their "missing page" view gets a coachProfile or hubProfile
 * marker here, so the coach (or whoever may create the hub) finds the form that creates the page
 * where the directory, the hubs overview (and the design) say it lives.
 */
import { MESSAGES_GADGET, gadgetModule } from '../core/gadgets';
import { coachPage, hubPage } from '../core/pages';
import { settleDraftsForThisPage } from '../shared/draftStorage';
import type { FeatureModule } from '../shared/feature';
import { isFeature, moduleNames, type Feature } from './features';

const MARKER_SELECTOR = '.ext-capacitybuilding-marker[data-capacitybuilding-feature]';
const MOUNTED_ATTRIBUTE = 'data-capacitybuilding-mounted';

function registeredModule( feature: Feature ): string | null {
	return moduleNames( feature ).find( ( name ) => mw.loader.getState( name ) !== null ) ?? null;
}

/**
 * Replaces a marker's content with an error box, so a failure is visible where the feature
 * should have been instead of leaving a silently dead page.
 *
 * @param marker
 * @param text Already translated error text
 */
function showError( marker: HTMLElement, text: string ): void {
	mw.loader.load( 'mediawiki.codex.messagebox.styles' );
	const box = document.createElement( 'div' );
	box.className = 'cdx-message cdx-message--block cdx-message--error';
	box.setAttribute( 'role', 'alert' );
	const icon = document.createElement( 'span' );
	icon.className = 'cdx-message__icon';
	const content = document.createElement( 'div' );
	content.className = 'cdx-message__content';
	content.textContent = text;
	box.append( icon, content );
	marker.prepend( box );
}

const MESSAGES_MODULE = gadgetModule( MESSAGES_GADGET );

/**
 * Settles when the messages are in mw.messages. On the extension route ResourceLoader delivers
 * them with each module; on the gadget route the messages gadget fetches the reader's
 * translations (modules/gadgets/i18n.ts), and a feature mounts only after that.
 */
function messagesReady(): Promise<unknown> {
	if ( mw.loader.getState( MESSAGES_MODULE ) === null ) {
		return Promise.resolve();
	}
	return Promise.resolve( mw.loader.using( MESSAGES_MODULE ) )
		.then( ( requireModule ) => ( requireModule( MESSAGES_MODULE ) as { ready: Promise<void> } ).ready );
}

function showErrors( markers: HTMLElement[], key: 'capacitybuilding-init-error-load' | 'capacitybuilding-init-error-unavailable', feature: Feature ): void {
	const show = (): void => markers.forEach( ( marker ) => showError( marker, mw.msg( key, feature ) ) );
	messagesReady().then( show, show );
}

function mountAll( feature: Feature, markers: HTMLElement[] ): void {
	const name = registeredModule( feature );
	if ( name === null ) {
		showErrors( markers, 'capacitybuilding-init-error-unavailable', feature );
		return;
	}
	Promise.resolve( mw.loader.using( name ) ).then( ( requireModule ) => messagesReady().then( () => {
		const featureModule = requireModule( name ) as FeatureModule;
		markers.forEach( ( marker ) => featureModule.mount( marker ) );
	} ) ).catch( ( error: unknown ) => {
		mw.log.error( error );
		showErrors( markers, 'capacitybuilding-init-error-load', feature );
	} );
}

/**
 * Finds unmounted markers in freshly rendered content (a page view, a live preview) and loads
 * each named feature once.
 *
 * @param root Content that was just added to the page
 * @return The features found, for the `capacityBuilding.init.scanned` hook
 */
function scan( root: ParentNode ): Feature[] {
	const byFeature = new Map<Feature, HTMLElement[]>();
	Array.from( root.querySelectorAll<HTMLElement>( MARKER_SELECTOR ) ).forEach( ( marker ) => {
		const feature = marker.dataset.capacitybuildingFeature;
		if ( !isFeature( feature ) || marker.hasAttribute( MOUNTED_ATTRIBUTE ) ) {
			return;
		}
		marker.setAttribute( MOUNTED_ATTRIBUTE, '' );
		byFeature.set( feature, [ ...( byFeature.get( feature ) ?? [] ), marker ] );
	} );
	byFeature.forEach( ( markers, feature ) => mountAll( feature, markers ) );
	return [ ...byFeature.keys() ];
}

/**
 * Adds a coachProfile or hubProfile marker to the view of a coach profile or hub page that does not
 * exist yet (by its title alone: the feature checks the configured base page before showing anything).
 *
 * @param root Content that was just added to the page
 */
function markMissingPage( root: Element ): void {
	const title = String( mw.config.get( 'wgPageName' ) ?? '' );
	// Special pages (namespace -1) have no article either, and their titles may look like anything.
	if ( root.id !== 'mw-content-text' || mw.config.get( 'wgArticleId' ) !== 0 ||
		Number( mw.config.get( 'wgNamespaceNumber' ) ) < 0 ||
		mw.config.get( 'wgAction' ) !== 'view' || root.querySelector( MARKER_SELECTOR ) ) {
		return;
	}
	const feature = coachPage( title ) ? 'coachProfile' : hubPage( title ) ? 'hubProfile' : null;
	if ( feature ) {
		const marker = document.createElement( 'div' );
		marker.className = 'ext-capacitybuilding-marker';
		marker.dataset.capacitybuildingFeature = feature;
		root.prepend( marker );
	}
}

// Drafts belong to one account: on every page view, before any form loads, drafts of another
// account (or of one that logged out) leave the browser's lasting storage (see draftStorage.ts).
settleDraftsForThisPage();

mw.hook( 'wikipage.content' ).add( ( $content: JQuery ) => {
	const features: Feature[] = [];
	$content.each( ( _index, element ) => {
		markMissingPage( element );
		features.push( ...scan( element ) );
	} );
	// Announces that a scan finished and what it started loading (used by tests and other gadgets).
	mw.hook( 'capacityBuilding.init.scanned' ).fire( features );
} );
