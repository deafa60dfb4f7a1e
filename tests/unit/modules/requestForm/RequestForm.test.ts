import { mount } from '@vue/test-utils';
import { CdxMessage } from '@wikimedia/codex';
import RequestForm from '../../../../modules/requestForm/RequestForm.vue';
import { qqx } from '../mwMock';

describe( 'RequestForm (placeholder)', () => {
	it( 'renders a Codex message with the translated placeholder', () => {
		const wrapper = mount( RequestForm );
		const message = wrapper.findComponent( CdxMessage );
		expect( message.exists() ).toBe( true );
		expect( message.text() ).toBe( qqx( 'capacitybuilding-requestform-placeholder' ) );
	} );
} );
