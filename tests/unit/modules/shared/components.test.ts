import { flushPromises, mount } from '@vue/test-utils';
import { CdxButton, CdxMultiselectLookup, CdxTextInput } from '@wikimedia/codex';
import SaveErrorMessage from '../../../../modules/shared/components/SaveErrorMessage.vue';
import PreviewPanel from '../../../../modules/shared/components/PreviewPanel.vue';
import LanguagePicker from '../../../../modules/shared/components/LanguagePicker.vue';
import TopicPicker from '../../../../modules/shared/components/TopicPicker.vue';
import { describeApiError } from '../../../../modules/shared/apiErrors';
import { indexTopics, validateTaxonomy } from '../../../../modules/core/taxonomy';
import { qqx } from '../mwMock';
import { createFakeWiki } from '../fakeWikiApi';

describe( 'SaveErrorMessage', () => {
	it( 'shows the translated message, the wiki’s own message and the code', () => {
		const error = describeApiError( 'abusefilter-disallowed', { errors: [ { code: 'abusefilter-disallowed', html: '<b class="filter">No links to spam</b>' } ] } );
		const wrapper = mount( SaveErrorMessage, { props: { error } } );
		expect( wrapper.text() ).toContain( qqx( 'capacitybuilding-save-error-abusefilter-disallowed' ) );
		expect( wrapper.find( '.filter' ).text() ).toBe( 'No links to spam' );
		expect( wrapper.text() ).toContain( qqx( 'capacitybuilding-save-error-code', 'abusefilter-disallowed' ) );
		// Changing the text is the way out, not retrying.
		expect( wrapper.findComponent( CdxButton ).exists() ).toBe( false );
	} );

	it( 'offers a retry for a network failure', async () => {
		const wrapper = mount( SaveErrorMessage, { props: { error: describeApiError( 'http', { xhr: { status: 0 } } ) } } );
		await wrapper.findComponent( CdxButton ).trigger( 'click' );
		expect( wrapper.emitted( 'retry' ) ).toEqual( [ [ null ] ] );
	} );

	it( 'shows the captcha question and retries with the answer', async () => {
		const error = { ...describeApiError( 'captcha' ), captcha: { id: '9', type: 'simple', question: '3 + 4' } };
		const wrapper = mount( SaveErrorMessage, { props: { error } } );
		expect( wrapper.text() ).toContain( '3 + 4' );
		await wrapper.findComponent( CdxTextInput ).find( 'input' ).setValue( '7' );
		await wrapper.findComponent( CdxButton ).trigger( 'click' );
		expect( wrapper.emitted( 'retry' ) ).toEqual( [ [ { id: '9', word: '7' } ] ] );
	} );

	it( 'links to the login page for an expired session', () => {
		const wrapper = mount( SaveErrorMessage, { props: { error: describeApiError( 'badtoken' ), loginUrl: '/login?returnto=X' } } );
		expect( wrapper.find( 'a' ).attributes( 'href' ) ).toBe( '/login?returnto=X' );
		expect( wrapper.find( 'a' ).text() ).toBe( qqx( 'capacitybuilding-save-login' ) );
	} );
} );

describe( 'PreviewPanel', () => {
	it( 'shows what the wiki parser made of the wikitext', async () => {
		const wiki = createFakeWiki();
		const wrapper = mount( PreviewPanel, { props: { api: wiki.api, wikitext: '{{Capacity request}}', title: 'T' } } );
		expect( wrapper.attributes( 'aria-busy' ) ).toBe( 'true' );
		await new Promise( ( resolve ) => {
			setTimeout( resolve );
		} );
		await flushPromises();
		expect( wrapper.attributes( 'aria-busy' ) ).toBe( 'false' );
		expect( wrapper.find( '.ext-capacitybuilding-preview__content pre' ).text() ).toBe( '{{Capacity request}}' );
		expect( wiki.api.post ).toHaveBeenCalledWith( expect.objectContaining( { action: 'parse', text: '{{Capacity request}}', title: 'T', pst: true } ) );
	} );
} );

describe( 'pickers', () => {
	it( 'the language picker shows chosen languages by name and emits codes', async () => {
		const names = new Map( [ [ 'fr', { name: 'French', autonym: 'français' } ], [ 'ar', { name: 'Arabic', autonym: 'العربية' } ] ] );
		const wrapper = mount( LanguagePicker, { props: { modelValue: [ 'fr', 'xx-unknown' ], names, label: 'Languages' } } );
		const lookup = wrapper.findComponent( CdxMultiselectLookup );
		expect( lookup.props( 'inputChips' ) ).toEqual( [ { value: 'fr', label: 'French' }, { value: 'xx-unknown', label: 'xx-unknown' } ] );
		lookup.vm.$emit( 'update:selected', [ 'fr', 'ar' ] );
		expect( wrapper.emitted( 'update:modelValue' ) ).toEqual( [ [ [ 'fr', 'ar' ] ] ] );
	} );

	it( 'settles after a choice: the typed text cleared, the field not in error, nothing pending', async () => {
		const names = new Map( [ [ 'fr', { name: 'French', autonym: 'français' } ], [ 'ar', { name: 'Arabic', autonym: 'العربية' } ] ] );
		const wrapper = mount( {
			components: { LanguagePicker },
			data: () => ( { chosen: [] as string[], names } ),
			template: '<language-picker v-model="chosen" :names="names" label="Languages"></language-picker>',
		}, { attachTo: document.body } );
		const input = wrapper.find( 'input' );
		// Typing the code: Codex marks the lookup pending until the menu follows the typing.
		await input.setValue( 'ar' );
		await flushPromises();
		const lookup = wrapper.findComponent( CdxMultiselectLookup );
		expect( lookup.props( 'menuItems' ).map( ( item: { value: unknown } ) => item.value ) ).toEqual( [ 'ar' ] );
		expect( wrapper.find( '.cdx-multiselect-lookup--pending' ).exists() ).toBe( false );
		lookup.vm.$emit( 'update:selected', [ 'ar' ] );
		await flushPromises();
		expect( ( wrapper.vm as unknown as { chosen: string[] } ).chosen ).toEqual( [ 'ar' ] );
		expect( ( input.element as HTMLInputElement ).value ).toBe( '' );
		expect( wrapper.find( '.cdx-chip-input--status-error' ).exists() ).toBe( false );
		expect( wrapper.find( '.cdx-multiselect-lookup--pending' ).exists() ).toBe( false );
		// The menu closes (no items); back in the field later, the whole list is offered again.
		expect( lookup.props( 'menuItems' ) ).toHaveLength( 0 );
		await input.trigger( 'blur' );
		await flushPromises();
		expect( lookup.props( 'menuItems' ) ).toHaveLength( 2 );
		wrapper.unmount();
	} );

	it( 'the topic picker offers topics labelled in the user’s language', () => {
		const taxonomy = validateTaxonomy( { version: 1, topics: [ { key: 'community', labels: { en: 'Community', ar: 'مجتمع' } } ] } ).taxonomy!;
		const wrapper = mount( TopicPicker, { props: { modelValue: [], index: indexTopics( taxonomy ), languageChain: [ 'ar', 'en' ], label: 'Topics' } } );
		expect( wrapper.findComponent( CdxMultiselectLookup ).props( 'menuItems' ) ).toEqual( [ { value: 'community', label: 'مجتمع' } ] );
	} );
} );
