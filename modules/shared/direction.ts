/**
 * The reader's interface language and its direction, as MediaWiki set them on the page's `<html>`
 * (the user language, which ResourceLoader also flips Codex's styles for). Every feature's root
 * carries both: the page content around a feature has the wiki's content language, which may run
 * the other way, and Codex's styles, flipped for the interface, only match an interface direction.
 * Text people typed (names, titles, bios) is shown with `dir="auto"` inside.
 */
export interface InterfaceLanguage {
	/** BCP 47 code of the interface language. */
	lang: string;
	dir: 'ltr' | 'rtl';
}

export function interfaceLanguage(): InterfaceLanguage {
	const html = document.documentElement;
	const lang = html.lang || String( mw.config.get( 'wgUserLanguage' ) ?? 'en' );
	return { lang, dir: html.dir === 'rtl' ? 'rtl' : 'ltr' };
}
