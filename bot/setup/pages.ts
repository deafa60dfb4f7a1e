/**
 * The pages `setup` installs: the templates (with TemplateData), the default topics, the
 * configuration page, the base pages and the tracking categories. Sources live in wiki/ with
 * placeholders (@BASE@, @STATUSES@, @STATUS_LABELS@…) filled in from the core model, so the lists
 * of statuses, regions and the like are written once, in modules/core/model.ts.
 *
 * Templates are "managed": setup keeps them at the shipped version (unless a person edited them).
 * Everything else is "seeded": created when missing and then left to the community.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
	AVAILABILITIES, AVAILABILITY_MESSAGES, CONTACT_METHODS, COACH_SCHEMA, EVALUATION_SCHEMA, FEEDBACK_OUTCOMES,
	FEEDBACK_OUTCOME_MESSAGES, HOLD_REASONS, HOLD_REASON_MESSAGES,
	FEEDBACK_ROLES, FEEDBACK_ROLE_MESSAGES, FEEDBACK_SCHEMA, FEEDBACK_STAGES, FEEDBACK_STAGE_MESSAGES,
	FEEDBACK_USED, FEEDBACK_USED_MESSAGES, FORMATS, HUB_KINDS, HUB_KIND_MESSAGES, HUB_SCHEMA, REGIONS,
	REGION_MESSAGES, REQUEST_SCHEMA, REQUESTER_TYPES, REQUESTER_TYPE_MESSAGES, STATUSES, STATUS_MESSAGES,
} from '../../modules/core/model';
import { CONFIG_PAGE, DEFAULT_NOTIFICATIONS, defaultConfigJson } from '../../modules/core/config';
import { defaultSwitches } from '../notify/kinds';
import { ROOT } from '../paths';
import { normalizeTitle, sitePages } from '../../modules/core/pages';
import type { MessageKey } from '../../modules/core/messages';
import { inAllLanguages, recordTemplateData, type MessageFiles } from './templatedata';

export const WIKI_DIR = path.join( ROOT, 'wiki' );

export interface DesiredPage {
	title: string;
	text: string;
	contentModel: 'wikitext' | 'json';
	/** managed: kept at the shipped version; seeded: created once, then the community's. */
	policy: 'managed' | 'seeded';
}

export interface SetupOptions {
	base: string;
	/** Version of the tools, shown on template documentation and in edit summaries. */
	version: string;
	/** The bot's own account, listed in the default configuration (none when installed without the bot). */
	botUser: string | null;
	messageFiles: MessageFiles;
	/** Content-language texts of messages used in titles (category names). */
	contentText: ( key: MessageKey ) => string;
}

function readSource( ...parts: string[] ): string {
	return fs.readFileSync( path.join( WIKI_DIR, ...parts ), 'utf8' ).replace( /\n+$/, '' );
}

function cases( values: readonly string[], messages: Record<string, MessageKey> ): string {
	return values.map( ( value ) => `${ value }={{int:${ messages[ value ] }}}` ).join( '|' );
}

/** Fills in the placeholders of a source file. */
export function fill( source: string, base: string ): string {
	const values: Record<string, string> = {
		BASE: normalizeTitle( base ),
		STATUSES: STATUSES.join( '|' ),
		REGIONS: REGIONS.join( '|' ),
		REQUESTER_TYPES: REQUESTER_TYPES.join( '|' ),
		FORMATS: FORMATS.join( '|' ),
		AVAILABILITIES: AVAILABILITIES.join( '|' ),
		CONTACT_METHODS: CONTACT_METHODS.join( '|' ),
		HUB_KINDS: HUB_KINDS.join( '|' ),
		FEEDBACK_ROLES: FEEDBACK_ROLES.join( '|' ),
		FEEDBACK_OUTCOMES: FEEDBACK_OUTCOMES.join( '|' ),
		FEEDBACK_STAGES: FEEDBACK_STAGES.join( '|' ),
		FEEDBACK_USED: FEEDBACK_USED.join( '|' ),
		STATUS_LABELS: cases( STATUSES, STATUS_MESSAGES ),
		REGION_LABELS: cases( REGIONS, REGION_MESSAGES ),
		REQUESTER_TYPE_LABELS: cases( REQUESTER_TYPES, REQUESTER_TYPE_MESSAGES ),
		AVAILABILITY_LABELS: cases( AVAILABILITIES, AVAILABILITY_MESSAGES ),
		HUB_KIND_LABELS: cases( HUB_KINDS, HUB_KIND_MESSAGES ),
		FEEDBACK_ROLE_LABELS: cases( FEEDBACK_ROLES, FEEDBACK_ROLE_MESSAGES ),
		FEEDBACK_OUTCOME_LABELS: cases( FEEDBACK_OUTCOMES, FEEDBACK_OUTCOME_MESSAGES ),
		FEEDBACK_STAGE_LABELS: cases( FEEDBACK_STAGES, FEEDBACK_STAGE_MESSAGES ),
		FEEDBACK_USED_LABELS: cases( FEEDBACK_USED, FEEDBACK_USED_MESSAGES ),
		HOLD_REASON_LABELS: cases( HOLD_REASONS, HOLD_REASON_MESSAGES ),
	};
	return source.replace( /@([A-Z_]+)@/g, ( whole, name: string ) => {
		const value = values[ name ];
		if ( value === undefined ) {
			throw new Error( `Unknown placeholder ${ whole }` );
		}
		return value;
	} );
}

interface TemplateSource {
	name: string;
	templateData: object;
}

function templateSources( files: MessageFiles ): TemplateSource[] {
	const simple = ( description: MessageKey, params: Record<string, object> = {} ): object => ( {
		description: inAllLanguages( files, description ), params, format: 'inline',
	} );
	return [
		{ name: 'Capacity request', templateData: recordTemplateData( REQUEST_SCHEMA, 'capacitybuilding-templatedata-request', files ) },
		{ name: 'Capacity coach', templateData: recordTemplateData( COACH_SCHEMA, 'capacitybuilding-templatedata-coach', files ) },
		{ name: 'Capacity hub', templateData: recordTemplateData( HUB_SCHEMA, 'capacitybuilding-templatedata-hub', files ) },
		{ name: 'Capacity feedback', templateData: recordTemplateData( FEEDBACK_SCHEMA, 'capacitybuilding-templatedata-feedback', files ) },
		{ name: 'Capacity evaluation', templateData: recordTemplateData( EVALUATION_SCHEMA, 'capacitybuilding-templatedata-evaluation', files ) },
		{
			name: 'Capacity status',
			templateData: simple( 'capacitybuilding-templatedata-status', {
				1: {
					label: inAllLanguages( files, 'capacitybuilding-request-field-status' ),
					description: inAllLanguages( files, 'capacitybuilding-templatedata-status-param' ),
					type: 'line', required: true, suggestedvalues: [ ...STATUSES ],
				},
			} ),
		},
		// Before the form, which transcludes it.
		{ name: 'Capacity private route', templateData: simple( 'capacitybuilding-templatedata-private-route' ) },
		{ name: 'Capacity request form', templateData: simple( 'capacitybuilding-templatedata-request-form' ) },
		{ name: 'Capacity coach directory', templateData: simple( 'capacitybuilding-templatedata-coach-directory' ) },
		{ name: 'Capacity hubs overview', templateData: simple( 'capacitybuilding-templatedata-hubs-overview' ) },
		{ name: 'Capacity admins queue', templateData: simple( 'capacitybuilding-templatedata-admins-queue' ) },
		{ name: 'Capacity statistics', templateData: simple( 'capacitybuilding-templatedata-statistics' ) },
	];
}

function templatePage( source: TemplateSource, options: SetupOptions ): DesiredPage {
	const body = fill( readSource( 'templates', `${ source.name }.wikitext` ), options.base );
	const doc = [
		'<noinclude>',
		`{{int:capacitybuilding-template-doc|${ options.version }}}`,
		'<templatedata>',
		JSON.stringify( source.templateData, null, '\t' ),
		'</templatedata>',
		'</noinclude>',
	].join( '\n' );
	return { title: `Template:${ source.name }`, text: `${ body }${ doc }`, contentModel: 'wikitext', policy: 'managed' };
}

const CATEGORIES: { name: MessageKey; description: MessageKey; hidden: boolean }[] = [
	{ name: 'capacitybuilding-category-requests', description: 'capacitybuilding-category-requests-description', hidden: false },
	{ name: 'capacitybuilding-category-coaches', description: 'capacitybuilding-category-coaches-description', hidden: false },
	{ name: 'capacitybuilding-category-hubs', description: 'capacitybuilding-category-hubs-description', hidden: false },
	{ name: 'capacitybuilding-category-invalid', description: 'capacitybuilding-category-invalid-description', hidden: true },
];

/** Every page setup installs, in the order it installs them (templates before the pages using them). */
export function desiredPages( options: SetupOptions ): DesiredPage[] {
	const base = normalizeTitle( options.base );
	const pages: DesiredPage[] = templateSources( options.messageFiles )
		.map( ( source ) => templatePage( source, options ) );
	const seeded = ( title: string, file: string ): DesiredPage => ( {
		title, text: fill( readSource( 'pages', file ), base ), contentModel: 'wikitext', policy: 'seeded',
	} );
	pages.push(
		{ title: sitePages( base ).topics, text: readSource( 'pages', 'Topics.json' ), contentModel: 'json', policy: 'seeded' },
		{ title: CONFIG_PAGE, contentModel: 'json', policy: 'seeded', text: defaultConfigJson( {
			basePage: base, bots: options.botUser ? [ options.botUser ] : [],
			// Every kind of status update with its default switch, so the page shows what can be switched.
			notifications: { ...DEFAULT_NOTIFICATIONS, kinds: defaultSwitches() },
		} ).trim() },
		seeded( base, 'Base.wikitext' ),
		seeded( `${ base }/Request support`, 'Request support.wikitext' ),
		seeded( `${ base }/Requests`, 'Requests.wikitext' ),
		seeded( `${ base }/Coaches`, 'Coaches.wikitext' ),
		seeded( `${ base }/Hubs`, 'Hubs.wikitext' ),
		seeded( `${ base }/Queue`, 'Queue.wikitext' ),
	);
	const categorySource = readSource( 'pages', 'Category.wikitext' );
	for ( const category of CATEGORIES ) {
		pages.push( {
			title: `Category:${ options.contentText( category.name ) }`,
			text: fill( categorySource.replace( '@HIDDEN@', category.hidden ? '__HIDDENCAT__\n' : '' ).replace( '@DESCRIPTION@', category.description ), base ),
			contentModel: 'wikitext',
			policy: 'seeded',
		} );
	}
	return pages;
}
