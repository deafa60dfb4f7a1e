/**
 * CSV as RFC 4180 writes it (comma-separated, CRLF line ends, a field quoted when it holds a
 * comma, a quote or a line break, quotes doubled), safe to open in a spreadsheet: a text cell that
 * starts with a character spreadsheets read as the start of a formula (= + - @, tab, carriage
 * return) gets an apostrophe before it, so keys people typed can never run as a formula.
 */

export type Cell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell: numbers as JavaScript writes them, null as an empty cell, text guarded and quoted. */
export function csvCell( value: Cell ): string {
	if ( value === null ) {
		return '';
	}
	if ( typeof value === 'number' ) {
		return String( value );
	}
	const text = FORMULA_START.test( value ) ? `'${ value }` : value;
	return NEEDS_QUOTES.test( text ) ? `"${ text.replace( /"/g, '""' ) }"` : text;
}

/** A whole file: the header row, then the rows, each line ended by CRLF. */
export function csvText( header: readonly string[], rows: readonly ( readonly Cell[] )[] ): string {
	return [ header, ...rows ].map( ( row ) => `${ row.map( csvCell ).join( ',' ) }\r\n` ).join( '' );
}
