/**
 * Each workaround this project keeps for a fault of Codex, checked on both stacks the modules run on
 * (Codex 1.14 in MediaWiki 1.43, Codex 2.x on Meta-Wiki): Codex as it is still has the fault
 * (axe-core finds it, or the lookup stays pending or keeps the typed text), and our component has
 * none (components.test.ts shows the picker settling). When a Codex release fixes a fault, its
 * "still needed" test fails here: the workaround can then go (for that stack).
 */
import axe from 'axe-core';
import { computed, defineComponent, h, nextTick, ref } from 'vue';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { CdxField, CdxMultiselectLookup } from '@wikimedia/codex';
import LookupMultiselect from '../../../../modules/shared/components/LookupMultiselect.vue';

declare const clientStack: { expected: { vue: string; codex: string } };

/** The axe rules our workarounds are about (all of impact serious or critical). */
const RULES = [ 'label', 'aria-input-field-name', 'aria-required-children', 'aria-required-parent', 'nested-interactive', 'aria-allowed-attr', 'aria-prohibited-attr' ];

const OPTIONS = [ { value: 'governance', label: 'Governance' }, { value: 'community', label: 'Community' } ];

async function violations( wrapper: VueWrapper ): Promise<string[]> {
	await flushPromises();
	await nextTick();
	const result = await axe.run( wrapper.element as Element, { runOnly: { type: 'rule', values: RULES }, resultTypes: [ 'violations' ] } );
	return result.violations.filter( ( v ) => v.impact === 'serious' || v.impact === 'critical' ).map( ( v ) => v.id ).sort();
}

/** Codex's multiselect lookup inside a field with a label, as Codex documents it, with chips chosen or not. */
function rawLookup( selected: string[] ): VueWrapper {
	return mount( {
		render: () => h( CdxField, {}, {
			label: () => 'Topics',
			default: () => h( CdxMultiselectLookup, {
				inputChips: selected.map( ( value ) => ( { value, label: value } ) ),
				selected,
				menuItems: OPTIONS,
			} ),
		} ),
	}, { attachTo: document.body } );
}

function ourLookup( selected: string[] ): VueWrapper {
	return mount( {
		render: () => h( CdxField, {}, {
			label: () => 'Topics',
			default: () => h( LookupMultiselect, { modelValue: selected, options: OPTIONS, label: 'Topics' } ),
		} ),
	}, { attachTo: document.body } );
}

afterEach( () => {
	document.body.innerHTML = '';
} );

describe( `Codex ${ clientStack.expected.codex }: multiselect lookup workarounds (LookupMultiselect)`, () => {
	it( 'is still needed: without chips, Codex’s chips container is an unnamed listbox that owns the text input', async () => {
		const found = await violations( rawLookup( [] ) );
		expect( found ).toEqual( expect.arrayContaining( [ 'aria-input-field-name', 'aria-required-children' ] ) );
	} );

	it( 'is still needed: with chips, each chip is an option holding its remove button', async () => {
		const found = await violations( rawLookup( [ 'governance' ] ) );
		expect( found ).toEqual( expect.arrayContaining( [ 'aria-input-field-name', 'aria-required-children', 'nested-interactive' ] ) );
	} );

	it( 'is still needed: the field’s label does not name the text input', async () => {
		const wrapper = rawLookup( [] );
		await flushPromises();
		const input = wrapper.find( 'input' ).element as HTMLInputElement;
		const labelled = !!input.getAttribute( 'aria-label' ) || !!input.getAttribute( 'aria-labelledby' ) ||
			( !!input.id && !!document.querySelector( `label[for="${ input.id }"]` ) );
		expect( labelled ).toBe( false );
	} );

	it( 'is still needed: menu items that follow the typing at once leave Codex "pending" (animated) for ever', async () => {
		// The plain way: chips and selection bound to a list, menu items computed from the typed text.
		const wrapper = mount( defineComponent( {
			components: { CdxMultiselectLookup },
			setup() {
				const chips = ref<{ value: string; label: string }[]>( [] );
				const selected = ref<string[]>( [] );
				const typed = ref<string | number>( '' );
				const items = computed( () => OPTIONS.filter( ( option ) => option.label.toLowerCase().includes( String( typed.value ).toLowerCase() ) ) );
				return { chips, selected, typed, items };
			},
			template: '<cdx-multiselect-lookup v-model:input-chips="chips" v-model:selected="selected" v-model:input-value="typed" :menu-items="items"></cdx-multiselect-lookup>',
		} ), { attachTo: document.body } );
		await wrapper.find( 'input' ).setValue( 'gov' );
		await flushPromises();
		await new Promise( ( resolve ) => {
			setTimeout( resolve, 10 );
		} );
		expect( wrapper.find( '.cdx-multiselect-lookup--pending' ).exists() ).toBe( true );
	} );

	it( 'is still needed: with the chips following the chosen values, a choice leaves the typed text (and an error)', async () => {
		const wrapper = mount( defineComponent( {
			components: { CdxMultiselectLookup },
			setup() {
				const selected = ref<string[]>( [] );
				const typed = ref<string | number>( '' );
				// Chips derived from the chosen values, as a component whose v-model is a list of values has
				// them (changes passed on only when real: Codex echoes chips and selection into each other).
				const chips = computed( {
					get: () => selected.value.map( ( value ) => ( { value, label: value } ) ),
					set: ( items: { value: string | number }[] ) => {
						const values = items.map( ( item ) => String( item.value ) );
						if ( JSON.stringify( values ) !== JSON.stringify( selected.value ) ) {
							selected.value = values;
						}
					},
				} );
				return { chips, selected, typed, items: [ { value: 'gov', label: 'gov' } ] };
			},
			template: '<cdx-multiselect-lookup v-model:input-chips="chips" v-model:selected="selected" v-model:input-value="typed" :menu-items="items"></cdx-multiselect-lookup>',
		} ), { attachTo: document.body } );
		await wrapper.find( 'input' ).setValue( 'gov' );
		await flushPromises();
		wrapper.findComponent( CdxMultiselectLookup ).vm.$emit( 'update:selected', [ 'gov' ] );
		await flushPromises();
		expect( ( wrapper.find( 'input' ).element as HTMLInputElement ).value ).toBe( 'gov' );
		expect( wrapper.find( '.cdx-chip-input--status-error' ).exists() ).toBe( true );
	} );

	it.each( [ [ 'without chips', [] ], [ 'with chips', [ 'governance', 'community' ] ] ] )( 'our picker has none of these faults %s', async ( _name, selected ) => {
		const wrapper = ourLookup( selected );
		expect( await violations( wrapper ) ).toEqual( [] );
		expect( wrapper.find( 'input' ).attributes( 'aria-label' ) ).toBe( 'Topics' );
		expect( wrapper.find( '.cdx-chip-input__chips' ).attributes() ).toMatchObject( { role: 'group', 'aria-label': 'Topics' } );
	} );

	it( 'keeps the fix when Codex renders new chips', async () => {
		const wrapper = mount( LookupMultiselect, { props: { modelValue: [], options: OPTIONS, label: 'Topics' }, attachTo: document.body } );
		await wrapper.setProps( { modelValue: [ 'governance' ] } );
		await wrapper.setProps( { modelValue: [ 'governance', 'community' ] } );
		await flushPromises();
		// The MutationObserver's callback runs as a microtask after Codex's render.
		await new Promise( ( resolve ) => {
			setTimeout( resolve );
		} );
		expect( wrapper.findAll( '.cdx-input-chip' ).map( ( chip ) => chip.attributes( 'role' ) ) ).toEqual( [ undefined, undefined ] );
		expect( await violations( wrapper ) ).toEqual( [] );
	} );
} );
