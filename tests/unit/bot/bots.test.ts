/**
 * {{bots}} and {{nobots}} with the full rules (bot/bots.ts): allow, deny, optout with the bot's
 * message type and `all`, several templates (the first denying one wins), found with the core
 * preprocessor (not in comments or nowiki; inside other templates' parameters).
 */
import { botsAllow } from '../../../bot/edits';
import { NOTICE_MESSAGE_TYPE, botsRule } from '../../../bot/bots';

const BOT = 'CapacityBot';
const rule = ( text: string, type: string | null = NOTICE_MESSAGE_TYPE ): string => {
	const result = botsRule( text, BOT, type );
	return result.allowed ? 'allowed' : `${ result.by }: ${ result.template }`;
};

describe( 'botsRule', () => {
	it( 'allows a page without the templates, and {{bots}} alone', () => {
		expect( rule( 'Just talk. ~~~~' ) ).toBe( 'allowed' );
		expect( rule( '{{bots}}' ) ).toBe( 'allowed' );
	} );

	it( 'denies every bot with {{nobots}}, however it is spelt', () => {
		expect( rule( '{{nobots}}' ) ).toBe( 'nobots: {{nobots}}' );
		expect( rule( '{{ Template:Nobots }}' ) ).toBe( 'nobots: {{ Template:Nobots }}' );
		expect( rule( '== Heading {{nobots}} ==' ) ).toBe( 'nobots: {{nobots}}' );
	} );

	it( 'reads allow= and deny= lists of bot names, all and none', () => {
		expect( rule( '{{bots|allow=CapacityBot}}' ) ).toBe( 'allowed' );
		expect( rule( '{{bots|allow=capacitybot, OtherBot}}' ) ).toBe( 'allowed' );
		expect( rule( '{{bots|allow=all}}' ) ).toBe( 'allowed' );
		expect( rule( '{{bots|allow=OtherBot}}' ) ).toBe( 'allow: {{bots|allow=OtherBot}}' );
		expect( rule( '{{bots|allow=none}}' ) ).toBe( 'allow: {{bots|allow=none}}' );
		expect( rule( '{{bots|deny=OtherBot}}' ) ).toBe( 'allowed' );
		expect( rule( '{{bots|deny=none}}' ) ).toBe( 'allowed' );
		expect( rule( '{{bots|deny=Capacity_Bot,CapacityBot}}' ) ).toBe( 'deny: {{bots|deny=Capacity_Bot,CapacityBot}}' );
		expect( rule( '{{bots|deny=all}}' ) ).toBe( 'deny: {{bots|deny=all}}' );
	} );

	it( 'reads optout= with the bot\'s message type and all, only for edits that leave a message', () => {
		expect( rule( '{{bots|optout=capacitybuilding}}' ) ).toBe( 'optout: {{bots|optout=capacitybuilding}}' );
		expect( rule( '{{bots|optout=nosource, CapacityBuilding}}' ) ).toBe( 'optout: {{bots|optout=nosource, CapacityBuilding}}' );
		expect( rule( '{{bots|optout=all}}' ) ).toBe( 'optout: {{bots|optout=all}}' );
		expect( rule( '{{bots|optout=nosource}}' ) ).toBe( 'allowed' );
		// An index page is no message: optout does not keep the bot off it.
		expect( rule( '{{bots|optout=all}}', null ) ).toBe( 'allowed' );
		expect( botsAllow( '{{bots|optout=all}}', BOT ) ).toBe( true );
		expect( botsAllow( '{{nobots}}', BOT ) ).toBe( false );
	} );

	it( 'reads several templates in page order: the first one that denies decides', () => {
		expect( rule( '{{bots|allow=all}}\n{{bots|deny=CapacityBot}}' ) ).toBe( 'deny: {{bots|deny=CapacityBot}}' );
		expect( rule( '{{bots|optout=all}} then {{nobots}}' ) ).toBe( 'optout: {{bots|optout=all}}' );
		expect( rule( '{{bots|deny=OtherBot}}{{bots|optout=news}}' ) ).toBe( 'allowed' );
	} );

	it( 'finds templates where MediaWiki does, not in comments or nowiki, and inside other templates', () => {
		expect( rule( '<!-- {{nobots}} -->' ) ).toBe( 'allowed' );
		expect( rule( '<nowiki>{{nobots}}</nowiki>' ) ).toBe( 'allowed' );
		expect( rule( '<pre>{{bots|deny=all}}</pre>' ) ).toBe( 'allowed' );
		expect( rule( '{{Archive box|{{nobots}}}}' ) ).toBe( 'nobots: {{nobots}}' );
		expect( rule( '{{Nobotsatall}}' ) ).toBe( 'allowed' );
		expect( rule( '{{bots|deny=<!-- nobody -->CapacityBot}}' ) ).toBe( 'deny: {{bots|deny=<!-- nobody -->CapacityBot}}' );
	} );
} );
