/**
 * The roles a view judges revisions with (core permissions.ts PermissionContext): the configuration
 * page (admins, bots, status policy), each hub's contacts, and who has a coach profile — the same
 * roles the bot judges with, as far as a view can know them cheaply:
 *
 * - the configuration: the configuration page as it is now (one request);
 * - hubs: the accepted hubs of the published index `<base>/Hubs.json` (manifest and parts, two
 *   requests: hubs are few);
 * - coaches: whether the few people a view needs to know about (the authors of the revisions it
 *   judges, and the reader) have an accepted profile in `<base>/Coaches.json`: the manifest and
 *   the one or two parts that hold those names, never the whole index.
 *
 * The bot judges each revision with the roles accepted at the time of that revision. A view judges
 * only the few revisions made since the last publish, and uses the roles as published then (and the
 * configuration as it is now) for all of them: between two publishes (a minute apart while the bot
 * watches) roles rarely change. When one did, the view may show an edit as awaiting checking that
 * the bot then accepts (a coach whose profile is newer than the index offers), or, only for a role
 * taken away after the publish and used in that window, accept an edit the bot then rejects; the
 * next publish settles it, and the published record is always the bot's.
 *
 * Before the bot has published an index at all (a wiki without the bot), there are no accepted
 * roles: hubs and coaches are then read from their pages as they are (`source: 'pages'`).
 */
import type { CapacityConfig } from '../core/config';
import { normalizeUsername } from '../core/identifiers';
import { partFor, type CoachEntry, type Manifest, type PartRef } from '../core/indexes';
import type { Problem } from '../core/messages';
import type { Hub } from '../core/model';
import type { PermissionContext } from '../core/permissions';
import { loadCoachUsers, loadConfig, loadHubs, loadIndex, loadManifest, loadParts } from './siteData';

export interface SiteRoles {
	config: CapacityConfig;
	/** Problems of the configuration page (shown as warnings; defaults replace wrong values). */
	configProblems: Problem[];
	/** Accepted hubs by key. */
	hubs: Map<string, Hub>;
	/** Hub pages that could not be read (only when read from the pages). */
	unreadableHubs: string[];
	/** Where hubs came from: the published index, or the pages (nothing published yet). */
	hubSource: 'index' | 'pages';
}

/** What views use of a RolesLoader (its public side, also through Vue's reactive proxies). */
export type Roles = Pick<RolesLoader, 'base' | 'config' | 'siteRoles' | 'coachesManifest' | 'coaches' | 'context'>;

/** Loads the roles of one base page once per view, and who of some people are coaches. */
export class RolesLoader {
	private site: Promise<SiteRoles> | null = null;

	private configRead: Promise<{ config: CapacityConfig; problems: Problem[] }> | null;

	private manifest: Promise<Manifest | null> | null = null;

	private readonly parts = new Map<number, Promise<CoachEntry[]>>();

	private pageCoaches: Promise<Set<string>> | null = null;

	public constructor( private readonly api: mw.Api, public readonly base: string,
		config?: Promise<{ config: CapacityConfig; problems: Problem[] }> ) {
		this.configRead = config ?? null;
	}

	/** The configuration page (read once), with the problems of what is wrong in it. */
	public config(): Promise<{ config: CapacityConfig; problems: Problem[] }> {
		this.configRead ??= loadConfig( this.api );
		return this.configRead;
	}

	/** Configuration and hubs (read once). */
	public siteRoles(): Promise<SiteRoles> {
		this.site ??= this.readSite();
		return this.site;
	}

	private async readSite(): Promise<SiteRoles> {
		const [ { config, problems }, index ] = await Promise.all( [ this.config(), loadIndex( this.api, this.base, 'hubs' ) ] );
		if ( index ) {
			return {
				config, configProblems: problems, hubSource: 'index', unreadableHubs: [],
				hubs: new Map( index.entries.map( ( entry ) => [ entry.key, entry.hub ] ) ),
			};
		}
		const pages = await loadHubs( this.api, this.base );
		return { config, configProblems: problems, hubSource: 'pages', hubs: pages.hubs, unreadableHubs: pages.unreadable };
	}

	/** The coaches index's manifest (read once; null when it is not published). */
	public coachesManifest(): Promise<Manifest | null> {
		this.manifest ??= loadManifest( this.api, this.base, 'coaches' );
		return this.manifest;
	}

	/** Parts of the coaches index, each read once per view (those not read yet, in as few requests as can be). */
	private partsFor( manifest: Manifest, refs: readonly PartRef[] ): Promise<CoachEntry[]>[] {
		const unread = refs.filter( ( ref ) => !this.parts.has( ref.revid ) );
		const missing = [ ...new Map( unread.map( ( ref ) => [ ref.revid, ref ] ) ).values() ];
		if ( missing.length ) {
			const read = new Map<number, CoachEntry[]>();
			const loading = loadParts( this.api, manifest, 'coaches', { parts: missing, onPart: ( part, entries ) => {
				read.set( part.revid, entries );
			} } );
			for ( const ref of missing ) {
				this.parts.set( ref.revid, loading.then( () => read.get( ref.revid ) ?? [] ) );
			}
		}
		return refs.map( ( ref ) => this.parts.get( ref.revid ) as Promise<CoachEntry[]> );
	}

	/**
	 * Which of these users have a coach profile: an entry in the published coaches index (the
	 * manifest and the parts that hold their names, each read once per view), or, when no index is
	 * published, a profile page.
	 *
	 * @param users Usernames ('' for a hidden one is ignored)
	 * @return The coaches among them, by normalised username
	 */
	public async coaches( users: Iterable<string> ): Promise<Set<string>> {
		const wanted = [ ...new Set( [ ...users ].filter( ( user ) => user !== '' ).map( normalizeUsername ) ) ];
		const manifest = await this.coachesManifest();
		if ( !manifest ) {
			this.pageCoaches ??= loadCoachUsers( this.api, this.base );
			const pages = new Set( [ ...await this.pageCoaches ].map( normalizeUsername ) );
			return new Set( wanted.filter( ( user ) => pages.has( user ) ) );
		}
		const found = new Set<string>();
		const located = wanted.flatMap( ( user ) => {
			const ref = partFor( manifest, user );
			return ref ? [ { user, ref } ] : [];
		} );
		const parts = this.partsFor( manifest, located.map( ( { ref } ) => ref ) );
		await Promise.all( located.map( async ( { user }, i ) => {
			if ( ( await parts[ i ] as CoachEntry[] ).some( ( entry ) => normalizeUsername( entry.user ) === user ) ) {
				found.add( user );
			}
		} ) );
		return found;
	}

	/** The permission context for judging changes by these users (and the reader). */
	public async context( users: Iterable<string> ): Promise<PermissionContext> {
		const [ site, coaches ] = await Promise.all( [ this.siteRoles(), this.coaches( users ) ] );
		return { config: site.config, hubs: site.hubs, coaches };
	}
}
