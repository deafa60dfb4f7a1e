/**
 * What LookupMultiselect does to Codex's multiselect lookup after Codex renders it: fixes of
 * Codex's own markup for assistive technology, and room for its menu below the field. DOM only (no
 * Vue), so the unit tests can show on both Codex stacks which fixes are still needed.
 */

/** Sticky headers of MediaWiki's skins (Vector 2022's appears once the page's title is scrolled away). */
const STICKY_HEADERS = [ '.vector-sticky-header' ];

/**
 * Space wanted below a field for its menu: eight items with descriptions (about 58 px each), its
 * borders and the 16 px Codex keeps free below it.
 */
const MENU_ROOM = 520;

/**
 * Fixes Codex's chip input markup (idempotent; changes attributes only):
 * - the text input is named by the field's label;
 * - the chips' container, a "listbox" that holds the text input and has no name, becomes a group
 *   named by the field's label (a listbox may own only options, and must have a name);
 * - the chips, "options" that each hold a (hidden, unfocusable by Tab) remove button, become
 *   plain focusable elements (an option's content is presentational: it may not hold a control).
 *
 * @param root An element holding one CdxMultiselectLookup (or CdxChipInput)
 * @param label The field's label
 */
export function fixChipsMarkup( root: Element, label: string ): void {
	const input = root.querySelector( '.cdx-chip-input__input' );
	if ( input && input.getAttribute( 'aria-label' ) !== label ) {
		input.setAttribute( 'aria-label', label );
	}
	const chips = root.querySelector( '.cdx-chip-input__chips' );
	if ( chips ) {
		if ( chips.getAttribute( 'role' ) !== 'group' ) {
			chips.setAttribute( 'role', 'group' );
			chips.removeAttribute( 'aria-orientation' );
		}
		if ( chips.getAttribute( 'aria-label' ) !== label ) {
			chips.setAttribute( 'aria-label', label );
		}
	}
	Array.from( root.querySelectorAll( '.cdx-input-chip[role="option"]' ) ).forEach( ( chip ) => chip.removeAttribute( 'role' ) );
}

/**
 * The bottom edge of the skin's sticky header (0 when the skin has none), whether or not it shows
 * yet: it appears as the page scrolls.
 */
export function stickyHeaderBottom(): number {
	let bottom = 0;
	for ( const selector of STICKY_HEADERS ) {
		const header = document.querySelector( selector );
		if ( header ) {
			bottom = Math.max( bottom, header.getBoundingClientRect().height );
		}
	}
	return bottom;
}

/**
 * Scrolls the page so that a menu opening below `field` has room on the screen, and so that it
 * cannot open upwards under the sticky header: when the room below is short, the field goes to
 * just under the header. Codex's menu (floating-ui) opens upwards as soon as its full height does
 * not fit below, shrinking itself to the space above, which it measures from the top of the
 * screen, under the header.
 *
 * @param field The lookup's input box (its chips and text input)
 */
export function makeRoomBelow( field: Element ): void {
	const rect = field.getBoundingClientRect();
	const below = window.innerHeight - rect.bottom;
	if ( below >= MENU_ROOM ) {
		return;
	}
	const by = rect.top - stickyHeaderBottom() - 8;
	if ( by > 0 ) {
		window.scrollBy( { top: by, behavior: 'instant' } );
	}
}
