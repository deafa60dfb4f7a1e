/**
 * MediaWiki's additions to Vue, typed. The `vue` module of MediaWiki adds `createMwApp`, which is
 * `Vue.createApp` plus MediaWiki's i18n plugin (`$i18n`, `v-i18n-html`) and error logging; feature
 * modules must mount with it. (types-mediawiki declares it as an augmentation of "vue", which
 * vue-tsc does not apply, hence this accessor.)
 */
import * as Vue from 'vue';

export function createMwApp( ...args: Parameters<typeof Vue.createApp> ): ReturnType<typeof Vue.createApp> {
	return ( Vue as unknown as { createMwApp: typeof Vue.createApp } ).createMwApp( ...args );
}
