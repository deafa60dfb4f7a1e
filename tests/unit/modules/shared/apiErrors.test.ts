import { captchaOf, describeApiError, describeEditFailure } from '../../../../modules/shared/apiErrors';

const html = ( code: string, text: string ): unknown => ( { errors: [ { code, html: text } ] } );

describe( 'describeApiError', () => {
	it.each( [
		[ 'blocked', 'capacitybuilding-save-error-blocked', 'none' ],
		[ 'protectedpage', 'capacitybuilding-save-error-protected', 'none' ],
		[ 'cascadeprotected', 'capacitybuilding-save-error-protected', 'none' ],
		[ 'abusefilter-warning', 'capacitybuilding-save-error-abusefilter-warning', 'retry' ],
		[ 'abusefilter-disallowed', 'capacitybuilding-save-error-abusefilter-disallowed', 'edit' ],
		[ 'spamblacklist', 'capacitybuilding-save-error-spamblacklist', 'edit' ],
		[ 'ratelimited', 'capacitybuilding-save-error-ratelimited', 'retry' ],
		[ 'badtoken', 'capacitybuilding-save-error-session', 'login' ],
		[ 'assertuserfailed', 'capacitybuilding-save-error-session', 'login' ],
		[ 'readonly', 'capacitybuilding-save-error-readonly', 'retry' ],
		[ 'editconflict', 'capacitybuilding-save-error-conflict', 'retry' ],
		[ 'missingtitle', 'capacitybuilding-save-error-missing', 'none' ],
		[ 'permissiondenied', 'capacitybuilding-save-error-permission', 'none' ],
	] )( '%s → %s (%s)', ( code, key, recovery ) => {
		expect( describeApiError( code, html( code, '<p>wiki</p>' ) ) ).toMatchObject( { code, key, recovery } );
	} );

	it( 'keeps the message the wiki rendered (an abuse filter’s own warning)', () => {
		expect( describeApiError( 'abusefilter-warning', html( 'abusefilter-warning', '<p>Filter: no shouting</p>' ) ).html )
			.toBe( '<p>Filter: no shouting</p>' );
		expect( describeApiError( 'abusefilter-warning', { error: { code: 'abusefilter-warning', '*': 'old format' } } ).html ).toBe( 'old format' );
	} );

	it( 'names the blocked links of the spam blacklist', () => {
		const data = { errors: [ { code: 'spamblacklist', html: 'x', data: { spamblacklist: { matches: [ 'spam.example', 'bad.example' ] } } } ] };
		expect( describeApiError( 'spamblacklist', data ).params ).toEqual( [ 'spam.example, bad.example' ] );
	} );

	it( 'tells a network failure from an HTTP error', () => {
		expect( describeApiError( 'http', { xhr: { status: 0 }, textStatus: 'error' } ) ).toMatchObject( { key: 'capacitybuilding-save-error-network', recovery: 'retry' } );
		expect( describeApiError( 'http', { xhr: { status: 503 } } ) ).toMatchObject( { key: 'capacitybuilding-save-error-http', params: [ '503' ] } );
	} );

	it( 'shows an unknown code and the wiki’s text, never nothing', () => {
		expect( describeApiError( 'weird-thing', html( 'weird-thing', '<i>Odd</i>' ) ) )
			.toMatchObject( { key: 'capacitybuilding-save-error-unknown', params: [ 'weird-thing', 'Odd' ], html: '<i>Odd</i>' } );
		expect( describeApiError( 'weird-thing' ).params ).toEqual( [ 'weird-thing', '' ] );
	} );
} );

describe( 'captchas', () => {
	it( 'reads ConfirmEdit’s captcha from an edit result', () => {
		expect( captchaOf( { result: 'Failure', captcha: { type: 'image', id: 7, url: '/captcha.png' } } ) ).toEqual( { id: '7', type: 'image', url: '/captcha.png' } );
		expect( captchaOf( { result: 'Success' } ) ).toBeNull();
		expect( describeEditFailure( { result: 'Failure', captcha: { type: 'simple', id: '1', question: '1+1' } } ) ).toMatchObject( { recovery: 'captcha', captcha: { question: '1+1' } } );
		expect( describeEditFailure( { result: 'Failure' } ) ).toMatchObject( { key: 'capacitybuilding-save-error-unknown', params: [ 'edit-failure', '' ] } );
	} );
} );
