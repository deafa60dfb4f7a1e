/**
 * The numbered migrations, in order. Add a file `NNN_what.ts` exporting `up` (and `down`) and list
 * it here; the store applies what a database lacks when it opens. Never edit a migration that
 * has shipped: add a new one.
 */
import type { Migration } from 'kysely';
import * as initial from './001_initial';
import * as timelines from './002_timelines';
import * as notices from './003_notices';
import * as evaluations from './004_evaluations';

export const MIGRATIONS: Record<string, Migration> = {
	'001_initial': initial,
	'002_timelines': timelines,
	'003_notices': notices,
	'004_evaluations': evaluations,
};
