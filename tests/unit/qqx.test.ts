/**
 * The check of the qqx end-to-end test finds text that is not a message, and only that.
 */
import { untranslated } from '../support/qqx';

describe( 'untranslated text on a qqx screen', () => {
	it( 'accepts message keys with their parameters, nested, and the allowed content, dates and numbers', () => {
		expect( untranslated( [
			'(capacitybuilding-requestform-submit)',
			'(capacitybuilding-directory-count: 3, (capacitybuilding-region-lac))',
			'(capacitybuilding-match-reason-languages: Ana Lima, español(and)(word-separator)English, 2)',
			'Ana Lima · 12 · R123456 · Dec 2, 2026, 11:30 PM · January 10, 2027',
			'(cdx-chip-input-remove-chip-aria-label: governance)',
		].join( '\n' ), [ 'Ana Lima', 'español', 'English', 'R123456', 'governance' ] ) ).toEqual( [] );
	} );

	it( 'takes allowed content out as whole words only, never out of a key', () => {
		expect( untranslated( '(capacitybuilding-request-field-languages) es', [ 'es' ] ) ).toEqual( [] );
		expect( untranslated( 'Spanish', [ 'es' ] ) ).toEqual( [ 'Spanish' ] );
	} );

	it( 'finds English (or any text) that is not a message, also beside keys and inside parentheses', () => {
		expect( untranslated( [
			'(capacitybuilding-requestform-submit) Save',
			'Loading…',
			'(optional)',
			'(capacitybuilding-x: Ana Lima) and more',
		].join( '\n' ), [ 'Ana Lima' ] ) ).toEqual( [ 'Save', 'Loading…', '(optional)', 'and more' ] );
	} );
} );
