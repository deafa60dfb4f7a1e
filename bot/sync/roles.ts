/**
 * The roles as they were at the time of each revision: which configuration was in force (admins,
 * bots, status policy), who each hub's contacts were, who had a coach profile. A revision is judged
 * with the roles accepted before it (by revision id, the wiki's order of saves), so that judging a
 * page's history gives the same answer whenever it is done: in an incremental sync right after the
 * edit, or in a full sync into an empty store long after.
 *
 * Built from the store's timelines (config_history, hub_history, coaches.since) and updated as a
 * sync judges hubs, then coaches, then requests.
 */
import { parseConfig, type CapacityConfig } from '../../modules/core/config';
import type { PermissionContext } from '../../modules/core/permissions';
import type { ConfigRevision, HubTimelineEntry } from '../store';

export interface RolesAt {
	permissions: PermissionContext;
	/** Keys of the hubs that had an accepted record (validation: a request's or a coach's hubs must exist). */
	hubKeys: ReadonlySet<string>;
}

/** A configuration page's JSON, read as the tools read it (problems replaced by defaults). */
export function configOfText( text: string ): CapacityConfig {
	try {
		return parseConfig( text.trim() === '' ? {} : JSON.parse( text ) ).config;
	} catch {
		return parseConfig( {} ).config;
	}
}

type Event =
	| { revid: number; kind: 'config'; config: CapacityConfig }
	| { revid: number; kind: 'hub'; page: string; key: string; contacts: string[] }
	| { revid: number; kind: 'coach'; user: string };

export class RoleTimeline {
	private config: ConfigRevision[];

	private hubs: HubTimelineEntry[];

	/** First accepted revision of each coach profile, by user. */
	private coaches: Map<string, number>;

	private events: Event[] | null = null;

	private readonly cache = new Map<number, RolesAt>();

	public constructor( config: readonly ConfigRevision[], hubs: readonly HubTimelineEntry[],
		coaches: ReadonlyMap<string, number> ) {
		this.config = [ ...config ];
		this.hubs = [ ...hubs ];
		this.coaches = new Map( coaches );
	}

	/** Replaces a hub page's timeline (judged from its first revision, or gone: no entries). */
	public setHub( page: string, entries: readonly HubTimelineEntry[] ): void {
		this.hubs = [ ...this.hubs.filter( ( e ) => e.page !== page ), ...entries ];
		this.changed();
	}

	/** Adds a hub page's newly accepted revisions. */
	public addHub( entries: readonly HubTimelineEntry[] ): void {
		this.hubs.push( ...entries );
		this.changed();
	}

	/** Sets (or, with null, removes) when a user's coach profile was first accepted. */
	public setCoach( user: string, since: number | null ): void {
		if ( since === null ) {
			this.coaches.delete( user );
		} else {
			this.coaches.set( user, since );
		}
		this.changed();
	}

	/** The roles in force for a revision: everything accepted in revisions before it. */
	public at( revid: number ): RolesAt {
		const events = this.sortedEvents();
		// The number of events before the revision identifies the roles in force.
		let low = 0;
		let high = events.length;
		while ( low < high ) {
			const mid = Math.floor( ( low + high ) / 2 );
			if ( ( events[ mid ] as Event ).revid < revid ) {
				low = mid + 1;
			} else {
				high = mid;
			}
		}
		let roles = this.cache.get( low );
		if ( !roles ) {
			roles = this.build( events.slice( 0, low ) );
			this.cache.set( low, roles );
		}
		return roles;
	}

	private build( before: readonly Event[] ): RolesAt {
		let config = parseConfig( {} ).config;
		const contacts = new Map<string, { page: string; contacts: string[] }>();
		const coaches = new Set<string>();
		for ( const event of before ) {
			if ( event.kind === 'config' ) {
				config = event.config;
			} else if ( event.kind === 'hub' ) {
				contacts.set( event.key, { page: event.page, contacts: event.contacts } );
			} else {
				coaches.add( event.user );
			}
		}
		const hubs = new Map( [ ...contacts ].map( ( [ key, hub ] ) => [ key, { contacts: hub.contacts } ] ) );
		return { permissions: { config, hubs, coaches }, hubKeys: new Set( hubs.keys() ) };
	}

	private changed(): void {
		this.events = null;
		this.cache.clear();
	}

	private sortedEvents(): Event[] {
		if ( !this.events ) {
			const configs = new Map<string, CapacityConfig>();
			const events: Event[] = [
				...this.config.map( ( r ): Event => {
					let config = configs.get( r.text );
					if ( !config ) {
						config = configOfText( r.text );
						configs.set( r.text, config );
					}
					return { revid: r.revid, kind: 'config', config };
				} ),
				...this.hubs.map( ( h ): Event => ( { revid: h.revid, kind: 'hub', page: h.page, key: h.key, contacts: h.contacts } ) ),
				...[ ...this.coaches ].map( ( [ user, since ] ): Event => ( { revid: since, kind: 'coach', user } ) ),
			];
			this.events = events.sort( ( a, b ) => a.revid - b.revid );
		}
		return this.events;
	}
}
