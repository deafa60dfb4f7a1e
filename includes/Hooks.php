<?php
/**
 * The one piece of PHP the extension needs: MediaWiki has no declarative way to add a module to
 * every page view. Everything else is declared in extension.json.
 *
 * @license GPL-2.0-or-later
 */

namespace MediaWiki\Extension\CapacityBuilding;

use MediaWiki\Output\Hook\BeforePageDisplayHook;
use MediaWiki\Output\OutputPage;
use Skin;

class Hooks implements BeforePageDisplayHook {

	/**
	 * Adds the init module, which loads a feature only where the page carries its marker, and the
	 * small stylesheet of the templates' no-JavaScript rendering.
	 *
	 * @param OutputPage $out
	 * @param Skin $skin
	 */
	public function onBeforePageDisplay( $out, $skin ): void {
		$out->addModules( 'ext.capacityBuilding.init' );
		$out->addModuleStyles( 'ext.capacityBuilding.styles' );
	}
}
