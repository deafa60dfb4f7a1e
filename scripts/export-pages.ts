/**
 * `npm run pages:export -- [--base <page>] [--language <code>] [--out <file>]`: writes the pages
 * the tools need (templates, topics, configuration, base pages, categories) as a MediaWiki XML
 * dump for a wiki that runs the extension without the bot, for its base page and content
 * language. `npm run build` already writes dist/capacity-building-pages.xml for the default base
 * page in English. Import with `php maintenance/run.php importDump <file>` (see bot/setup/dump.ts
 * for what importing does to pages a wiki already has).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadMessageFiles } from '../bot/i18n';
import { pagesDumpFor } from '../bot/setup/dump';
import { DEFAULT_BASE_PAGE } from '../modules/core/constants';
import { repoRoot } from './lib/paths';

const { values } = parseArgs( { options: {
	base: { type: 'string', default: DEFAULT_BASE_PAGE },
	language: { type: 'string', default: 'en' },
	out: { type: 'string', default: 'capacity-building-pages.xml' },
} } );
const { version } = JSON.parse( fs.readFileSync( path.join( repoRoot, 'package.json' ), 'utf8' ) ) as { version: string };
const messageFiles = loadMessageFiles();
const dump = pagesDumpFor( { base: values.base, language: values.language, version, messageFiles } );
fs.writeFileSync( values.out, dump );
console.log( `Wrote ${ values.out } (base page "${ values.base }", content language ${ values.language }).` );
console.log( `Import it with: php maintenance/run.php importDump ${ path.resolve( values.out ) }` );
