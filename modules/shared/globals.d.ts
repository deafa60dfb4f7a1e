// MediaWiki's globals (`mw`, jQuery) and the `$i18n` its `vue` module gives every component.
// / <reference types="types-mediawiki" />
