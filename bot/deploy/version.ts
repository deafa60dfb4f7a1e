/**
 * The source version `deploy` names in its edit summaries: the git commit of the checkout it runs
 * from (with "-modified" when the working tree differs from it), else the package version.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { VERSION } from '../commands/context';

export function sourceVersion( root = path.resolve( __dirname, '..', '..' ) ): string {
	const result = spawnSync( 'git', [ 'describe', '--always', '--dirty=-modified', '--abbrev=12', '--exclude=*' ],
		{ cwd: root, encoding: 'utf8' } );
	const described = result.status === 0 ? String( result.stdout ).trim() : '';
	return described || VERSION;
}
