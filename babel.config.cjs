'use strict';

// Only for jest: turns the ES modules that @vue/vue3-jest and Codex produce into CommonJS.
module.exports = {
	presets: [ [ '@babel/preset-env', { targets: { node: 'current' } } ] ]
};
