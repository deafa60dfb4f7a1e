/**
 * Runs before every client-module test file: a fresh fake `mw`, and the `$i18n` that MediaWiki's
 * createMwApp() gives every Vue component.
 */
import { config } from '@vue/test-utils';
import { installMw } from './mwMock';

installMw();
config.global.mocks = {
	$i18n: ( key: string, ...params: unknown[] ) => mw.message( key, ...( params as string[] ) ),
};

// jsdom lays nothing out and has no scrollIntoView, which Codex 2's dialog calls when it opens.
if ( typeof Element.prototype.scrollIntoView !== 'function' ) {
	Element.prototype.scrollIntoView = () => undefined;
}
