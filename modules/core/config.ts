/**
 * The configuration page `MediaWiki:Gadget-capacityBuilding-config.json` (interface-admins only):
 * the base page, who administers the programme, who evaluates it, the bot accounts, the private
 * routes for sensitive matters (privateRoutes.ts), and the status policy. Missing settings take their defaults;
 * wrong ones are reported and replaced by their defaults, so one typo cannot stop the tools.
 */
import { DEFAULT_BASE_PAGE } from './constants';
import { isPageTitle, isValidUsername, normalizeUsername } from './identifiers';
import { problem, type Problem } from './messages';
import { isNoticeKind, type NoticeKind } from './notices';
import { parseRoutes, type PrivateRoute } from './privateRoutes';

export const CONFIG_PAGE = 'MediaWiki:Gadget-capacityBuilding-config.json';

export interface StatusPolicy {
	/** Days without an edit after which an open or triaged request is listed as stale. */
	staleAfterDays: number;
	/** Whether admins may reopen a completed, declined or withdrawn request. */
	adminsMayReopenClosed: boolean;
}

/** Status updates (bot/notify): which kinds are posted, and where. */
export interface NotificationSettings {
	/**
	 * Kinds switched on (true) or off (false) here; a kind not named keeps its default (the bot's
	 * table of kinds, bot/notify/kinds.ts, says which are on by default).
	 */
	kinds: Partial<Record<NoticeKind, boolean>>;
	/** Kinds also posted as a section on each recipient's user talk page. */
	userTalk: NoticeKind[];
	/**
	 * The programme's noticeboard: where new, stale and urgent requests without a hub (or whose hub
	 * names no noticeboard) are listed. Empty: `<base>/Noticeboard`.
	 */
	noticeboard: string;
	/**
	 * Whether request pages are discussion pages, where a signed post that links to a user page
	 * notifies that user (Meta-Wiki: yes, the main namespace is among `$wgExtraSignatureNamespaces`).
	 * When false, every person is told on their user talk page instead.
	 */
	mentions: boolean;
	/** A request needed within this many days and still without a coach gets a "deadline" notice. */
	deadlineDays: number;
	/** Days after completion when the requester is asked the follow-up (about three months). */
	followUpDays: number;
}

export interface CapacityConfig {
	basePage: string;
	/** Programme admins: may make every move. */
	admins: string[];
	/** Evaluators: read statistics and feedback; no moves. */
	evaluators: string[];
	/** Bot accounts, trusted like admins (they route requests and write indexes). */
	bots: string[];
	/**
	 * Where to turn privately about a conflict, a conduct matter or an emergency, offered next to
	 * the request form. (The older `privateContacts`, a list of usernames, is read as conflict
	 * routes to those accounts.)
	 */
	privateRoutes: PrivateRoute[];
	/** Change tag added to edits made by the tools; empty for none. */
	changeTag: string;
	statusPolicy: StatusPolicy;
	notifications: NotificationSettings;
}

export const DEFAULT_NOTIFICATIONS: NotificationSettings = {
	kinds: {},
	userTalk: [],
	noticeboard: '',
	mentions: true,
	deadlineDays: 14,
	followUpDays: 91,
};

export const DEFAULT_CONFIG: CapacityConfig = {
	basePage: DEFAULT_BASE_PAGE,
	admins: [],
	evaluators: [],
	bots: [],
	privateRoutes: [],
	changeTag: '',
	statusPolicy: { staleAfterDays: 60, adminsMayReopenClosed: true },
	notifications: DEFAULT_NOTIFICATIONS,
};

function isObject( value: unknown ): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray( value );
}

/** Reads the configuration page's JSON (already parsed), reporting and defaulting what is wrong. */
export function parseConfig( json: unknown ): { config: CapacityConfig; problems: Problem[] } {
	const problems: Problem[] = [];
	const config: CapacityConfig = { ...DEFAULT_CONFIG, statusPolicy: { ...DEFAULT_CONFIG.statusPolicy },
		notifications: { ...DEFAULT_NOTIFICATIONS, kinds: {}, userTalk: [] } };
	if ( !isObject( json ) ) {
		return { config, problems: [ problem( null, 'capacitybuilding-config-not-object' ) ] };
	}
	const invalid = ( key: string ): void => {
		problems.push( problem( key, 'capacitybuilding-config-invalid-value', key ) );
	};
	for ( const [ key, value ] of Object.entries( json ) ) {
		switch ( key ) {
			case 'basePage':
				if ( typeof value === 'string' && isPageTitle( value ) ) {
					config.basePage = value.replace( /_/g, ' ' );
				} else {
					invalid( key );
				}
				break;
			case 'admins':
			case 'evaluators':
			case 'bots':
				if ( Array.isArray( value ) && value.every( ( v ) => typeof v === 'string' && isValidUsername( normalizeUsername( v ) ) ) ) {
					config[ key ] = ( value as string[] ).map( normalizeUsername );
				} else {
					invalid( key );
				}
				break;
			case 'privateRoutes':
			case 'privateContacts':
				config.privateRoutes = [ ...config.privateRoutes, ...parseRoutes( value, key, problems ) ];
				break;
			case 'changeTag':
				if ( typeof value === 'string' ) {
					config.changeTag = value;
				} else {
					invalid( key );
				}
				break;
			case 'statusPolicy':
				if ( !isObject( value ) ) {
					invalid( key );
					break;
				}
				for ( const [ policyKey, policyValue ] of Object.entries( value ) ) {
					const path = `statusPolicy.${ policyKey }`;
					if ( policyKey === 'staleAfterDays' && Number.isInteger( policyValue ) && ( policyValue as number ) > 0 ) {
						config.statusPolicy.staleAfterDays = policyValue as number;
					} else if ( policyKey === 'adminsMayReopenClosed' && typeof policyValue === 'boolean' ) {
						config.statusPolicy.adminsMayReopenClosed = policyValue;
					} else if ( policyKey === 'staleAfterDays' || policyKey === 'adminsMayReopenClosed' ) {
						invalid( path );
					} else {
						problems.push( problem( path, 'capacitybuilding-config-unknown-key', path ) );
					}
				}
				break;
			case 'notifications':
				if ( isObject( value ) ) {
					parseNotifications( value, config.notifications, problems );
				} else {
					invalid( key );
				}
				break;
			default:
				problems.push( problem( key, 'capacitybuilding-config-unknown-key', key ) );
		}
	}
	return { config, problems };
}

/** The `notifications` object: each setting checked on its own, so one mistake keeps the rest. */
function parseNotifications( json: Record<string, unknown>, settings: NotificationSettings,
	problems: Problem[] ): void {
	const invalid = ( path: string ): void => {
		problems.push( problem( path, 'capacitybuilding-config-invalid-value', path ) );
	};
	for ( const [ key, value ] of Object.entries( json ) ) {
		const path = `notifications.${ key }`;
		switch ( key ) {
			case 'kinds':
				if ( !isObject( value ) ) {
					invalid( path );
					break;
				}
				for ( const [ kind, on ] of Object.entries( value ) ) {
					if ( !isNoticeKind( kind ) ) {
						problems.push( problem( `${ path }.${ kind }`, 'capacitybuilding-config-unknown-key', `${ path }.${ kind }` ) );
					} else if ( typeof on === 'boolean' ) {
						settings.kinds[ kind ] = on;
					} else {
						invalid( `${ path }.${ kind }` );
					}
				}
				break;
			case 'userTalk':
				if ( Array.isArray( value ) && value.every( ( v ) => typeof v === 'string' && isNoticeKind( v ) ) ) {
					settings.userTalk = [ ...new Set( value as NoticeKind[] ) ];
				} else {
					invalid( path );
				}
				break;
			case 'noticeboard':
				if ( typeof value === 'string' && ( value === '' || isPageTitle( value ) ) ) {
					settings.noticeboard = value.replace( /_/g, ' ' );
				} else {
					invalid( path );
				}
				break;
			case 'mentions':
				if ( typeof value === 'boolean' ) {
					settings.mentions = value;
				} else {
					invalid( path );
				}
				break;
			case 'deadlineDays':
				if ( Number.isInteger( value ) && ( value as number ) > 0 && ( value as number ) <= 365 ) {
					settings.deadlineDays = value as number;
				} else {
					invalid( path );
				}
				break;
			case 'followUpDays':
				if ( Number.isInteger( value ) && ( value as number ) >= 0 && ( value as number ) <= 730 ) {
					settings.followUpDays = value as number;
				} else {
					invalid( path );
				}
				break;
			default:
				problems.push( problem( path, 'capacitybuilding-config-unknown-key', path ) );
		}
	}
}

/** The JSON the setup command writes on a fresh wiki. */
export function defaultConfigJson( overrides: Partial<CapacityConfig> = {} ): string {
	const config = { ...DEFAULT_CONFIG, ...overrides };
	return JSON.stringify( config, null, '\t' ) + '\n';
}
