/**
 * Layout checks for end-to-end tests of every screen in right-to-left languages and on narrow
 * screens: more than the document's direction, what a reader would see is wrong.
 *
 * `layoutProblems( page, root, { lang, dir } )` lists, for the feature root `root`:
 * - the root does not carry the interface's `lang` and `dir`;
 * - the page scrolls sideways; an element sticks out of the root (an overlay such as a dialog: of
 *   the screen) or of the screen;
 * - text is cut off (an element that hides its overflow is too small for its text, across or down);
 * - mirrored wrong for the direction: a checkbox's or radio's box on the wrong side of its label, or
 *   away from it; a select's arrow on the wrong side; text of a right-to-left block not starting at
 *   its right edge (or a left-to-right one at its left edge).
 * Each problem is a short sentence naming the element, so a failing test says what is wrong.
 */
import type { Page } from 'playwright-core';

export interface ExpectedLanguage {
	lang: string;
	dir: 'ltr' | 'rtl';
}

/** The viewports every screen is checked at. */
export const VIEWPORTS = {
	desktop: { width: 1280, height: 900 },
	phone: { width: 360, height: 740 },
} as const;

export async function layoutProblems( page: Page, root: string, expected: ExpectedLanguage ): Promise<string[]> {
	return page.evaluate( ( [ selector, want ] ) => {
		const problems: string[] = [];
		const roots = Array.from( document.querySelectorAll<HTMLElement>( selector ) );
		if ( !roots.length ) {
			return [ `no ${ selector } on the page` ];
		}
		const name = ( el: Element ): string => {
			const classes = typeof el.className === 'string' ? el.className.trim().split( /\s+/ ).filter( Boolean ).slice( 0, 2 ) : [];
			const text = ( el.textContent ?? '' ).trim().replace( /\s+/g, ' ' ).slice( 0, 30 );
			return `<${ el.tagName.toLowerCase() }${ classes.length ? ` class="${ classes.join( ' ' ) }"` : '' }>${ text ? ` "${ text }"` : '' }`;
		};
		const shown = ( el: Element ): boolean => {
			const rect = el.getBoundingClientRect();
			const style = getComputedStyle( el );
			return rect.width > 1 && rect.height > 1 && style.visibility !== 'hidden' && style.display !== 'none' &&
				// Closed menus are positioned out of the way, and visually hidden status texts are 1 px.
				!el.closest( '.cdx-menu[style*="visibility: hidden"], [aria-hidden="true"]' );
		};
		/** The box of an element's own text, or null when it has none. */
		const textBox = ( el: Element ): DOMRect | null => {
			const range = document.createRange();
			range.selectNodeContents( el );
			const rects = Array.from( range.getClientRects() ).filter( ( r ) => r.width > 0 );
			if ( !rects.length ) {
				return null;
			}
			return new DOMRect(
				Math.min( ...rects.map( ( r ) => r.left ) ), Math.min( ...rects.map( ( r ) => r.top ) ),
				Math.max( ...rects.map( ( r ) => r.right ) ) - Math.min( ...rects.map( ( r ) => r.left ) ),
				Math.max( ...rects.map( ( r ) => r.bottom ) ) - Math.min( ...rects.map( ( r ) => r.top ) ),
			);
		};

		const html = document.documentElement;
		if ( html.scrollWidth > html.clientWidth + 1 ) {
			problems.push( `the page scrolls sideways by ${ html.scrollWidth - html.clientWidth } px` );
		}
		for ( const feature of roots ) {
			const [ lang, direction ] = [ feature.getAttribute( 'lang' ), feature.getAttribute( 'dir' ) ];
			if ( lang !== want.lang || direction !== want.dir ) {
				problems.push( `${ name( feature ) } has lang="${ lang }" dir="${ direction }", not lang="${ want.lang }" dir="${ want.dir }"` );
			}
			const box = feature.getBoundingClientRect();
			for ( const el of Array.from( feature.querySelectorAll( '*' ) ) ) {
				if ( !shown( el ) || el.closest( 'svg' ) ) {
					continue;
				}
				const rect = el.getBoundingClientRect();
				// An overlay (a dialog and its backdrop) is placed against the screen, not the feature.
				const overlay = ( () => {
					for ( let node: Element | null = el; node && node !== feature; node = node.parentElement ) {
						if ( getComputedStyle( node ).position === 'fixed' ) {
							return true;
						}
					}
					return false;
				} )();
				if ( !overlay && ( rect.left < box.left - 1 || rect.right > box.right + 1 ) ) {
					problems.push( `${ name( el ) } sticks out of the ${ rect.left < box.left - 1 ? 'left' : 'right' } side of the feature` );
				} else if ( rect.left < -1 || rect.right > window.innerWidth + 1 ) {
					problems.push( `${ name( el ) } sticks out of the screen` );
				}
				const style = getComputedStyle( el );
				const isField = el.matches( 'input, textarea, select, img' );
				const hasText = Array.from( el.childNodes ).some( ( node ) => node.nodeType === Node.TEXT_NODE && ( node.textContent ?? '' ).trim() !== '' );
				if ( !isField && hasText ) {
					const cutAcross = style.overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1;
					const cutDown = style.overflowY !== 'visible' && el.scrollHeight > el.clientHeight + 1;
					if ( cutAcross || cutDown ) {
						problems.push( `${ name( el ) } cuts off its text (${ cutAcross ? `${ el.scrollWidth } px wide in ${ el.clientWidth }` : `${ el.scrollHeight } px tall in ${ el.clientHeight }` })` );
					}
				}
			}

			// Mirroring: checkboxes and radios.
			for ( const control of Array.from( feature.querySelectorAll( '.cdx-checkbox, .cdx-radio' ) ) ) {
				const icon = control.querySelector( '.cdx-checkbox__icon, .cdx-radio__icon' );
				const label = control.querySelector( '.cdx-label__label__text, .cdx-checkbox__label, .cdx-radio__label' );
				const text = label ? textBox( label ) : null;
				if ( !icon || !text || !shown( icon ) ) {
					continue;
				}
				const mark = icon.getBoundingClientRect();
				const dir = getComputedStyle( control ).direction;
				const wrongSide = dir === 'rtl' ? mark.left < text.left : mark.right > text.right;
				const gap = dir === 'rtl' ? mark.left - text.right : text.left - mark.right;
				if ( wrongSide ) {
					problems.push( `${ name( control ) }: the box is on the ${ dir === 'rtl' ? 'left' : 'right' } of its label in ${ dir }` );
				} else if ( gap > 24 ) {
					problems.push( `${ name( control ) }: the box is ${ Math.round( gap ) } px away from its label` );
				}
			}
			// Selects: the arrow at the end of the handle.
			for ( const handle of Array.from( feature.querySelectorAll( '.cdx-select-vue__handle' ) ) ) {
				const indicator = handle.querySelector( '.cdx-select-vue__indicator' );
				if ( !indicator || !shown( handle ) ) {
					continue;
				}
				const h = handle.getBoundingClientRect();
				const arrow = indicator.getBoundingClientRect();
				const dir = getComputedStyle( handle ).direction;
				const atEnd = dir === 'rtl' ? arrow.left - h.left < h.width / 2 : arrow.left - h.left > h.width / 2;
				if ( !atEnd ) {
					problems.push( `${ name( handle ) }: the select's arrow is at the start of the field in ${ dir }` );
				}
				const text = textBox( handle );
				if ( text && ( dir === 'rtl' ? text.left < arrow.left : text.right > arrow.right ) ) {
					problems.push( `${ name( handle ) }: the select's text runs past its arrow` );
				}
			}
			// Text alignment: a block's text starts at the block's start edge.
			const blocks = feature.querySelectorAll( 'p, h2, h3, h4, dt, dd, legend, .cdx-label__label__text, .cdx-card__text__title, .cdx-message__content > p' );
			for ( const block of Array.from( blocks ) ) {
				const style = getComputedStyle( block );
				const text = textBox( block );
				if ( !shown( block ) || !text || style.textAlign === 'center' || style.display === 'inline' ) {
					continue;
				}
				const rect = block.getBoundingClientRect();
				const padStart = parseFloat( style.direction === 'rtl' ? style.paddingRight : style.paddingLeft ) +
					parseFloat( style.direction === 'rtl' ? style.borderRightWidth : style.borderLeftWidth );
				const offset = style.direction === 'rtl' ? ( rect.right - padStart ) - text.right : text.left - ( rect.left + padStart );
				if ( text.width < rect.width - padStart - 4 && offset > 4 ) {
					problems.push( `${ name( block ) }: its ${ style.direction } text does not start at its ${ style.direction === 'rtl' ? 'right' : 'left' } edge (${ Math.round( offset ) } px away)` );
				}
			}
		}
		return [ ...new Set( problems ) ];
	}, [ root, expected ] as const );
}
