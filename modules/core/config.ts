/**
 * The configuration page `MediaWiki:Gadget-capacityBuilding-config.json` (interface-admins only):
 * the base page, who administers the programme, who evaluates it, the bot accounts, the private
 * contacts for sensitive matters, and the status policy. Missing settings take their defaults;
 * wrong ones are reported and replaced by their defaults, so one typo cannot stop the tools.
 */
import { DEFAULT_BASE_PAGE } from './constants';
import { isPageTitle, isValidUsername, normalizeUsername } from './identifiers';
import { problem, type Problem } from './messages';

export const CONFIG_PAGE = 'MediaWiki:Gadget-capacityBuilding-config.json';

export interface StatusPolicy {
	/** Days without an edit after which an open or triaged request is listed as stale. */
	staleAfterDays: number;
	/** Whether admins may reopen a completed, declined or withdrawn request. */
	adminsMayReopenClosed: boolean;
}

export interface CapacityConfig {
	basePage: string;
	/** Programme admins: may make every move. */
	admins: string[];
	/** Evaluators: read statistics and feedback; no moves. */
	evaluators: string[];
	/** Bot accounts, trusted like admins (they route requests and write indexes). */
	bots: string[];
	/** People to contact privately about disputes, offered instead of a public request. */
	privateContacts: string[];
	/** Change tag added to edits made by the tools; empty for none. */
	changeTag: string;
	statusPolicy: StatusPolicy;
}

export const DEFAULT_CONFIG: CapacityConfig = {
	basePage: DEFAULT_BASE_PAGE,
	admins: [],
	evaluators: [],
	bots: [],
	privateContacts: [],
	changeTag: '',
	statusPolicy: { staleAfterDays: 60, adminsMayReopenClosed: true },
};

function isObject( value: unknown ): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray( value );
}

/** Reads the configuration page's JSON (already parsed), reporting and defaulting what is wrong. */
export function parseConfig( json: unknown ): { config: CapacityConfig; problems: Problem[] } {
	const problems: Problem[] = [];
	const config: CapacityConfig = { ...DEFAULT_CONFIG, statusPolicy: { ...DEFAULT_CONFIG.statusPolicy } };
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
			case 'privateContacts':
				if ( Array.isArray( value ) && value.every( ( v ) => typeof v === 'string' && isValidUsername( normalizeUsername( v ) ) ) ) {
					config[ key ] = ( value as string[] ).map( normalizeUsername );
				} else {
					invalid( key );
				}
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
			default:
				problems.push( problem( key, 'capacitybuilding-config-unknown-key', key ) );
		}
	}
	return { config, problems };
}

/** The JSON the setup command writes on a fresh wiki. */
export function defaultConfigJson( overrides: Partial<CapacityConfig> = {} ): string {
	const config = { ...DEFAULT_CONFIG, ...overrides };
	return JSON.stringify( config, null, '\t' ) + '\n';
}
