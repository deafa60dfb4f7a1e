/**
 * The default topics' names are messages (`capacitybuilding-topic-<key>`), translated like every
 * other message; the default Topics.json (wiki/pages/) names them with `"message"`. Spelt out here so
 * that the client modules ship them (ResourceLoader ships only the messages a module's code names)
 * and so that Topics.json can name only these, never an arbitrary message.
 */
import type { MessageKey } from './messages';

export const TOPIC_MESSAGES: readonly MessageKey[] = [
	'capacitybuilding-topic-organisational',
	'capacitybuilding-topic-governance',
	'capacitybuilding-topic-grant-writing',
	'capacitybuilding-topic-financial-management',
	'capacitybuilding-topic-fundraising',
	'capacitybuilding-topic-legal-and-compliance',
	'capacitybuilding-topic-staff-and-hr',
	'capacitybuilding-topic-communication',
	'capacitybuilding-topic-communications-planning',
	'capacitybuilding-topic-social-media',
	'capacitybuilding-topic-media-relations',
	'capacitybuilding-topic-storytelling',
	'capacitybuilding-topic-translation',
	'capacitybuilding-topic-learning',
	'capacitybuilding-topic-training-of-trainers',
	'capacitybuilding-topic-evaluation',
	'capacitybuilding-topic-documentation',
	'capacitybuilding-topic-online-learning',
	'capacitybuilding-topic-community',
	'capacitybuilding-topic-volunteer-management',
	'capacitybuilding-topic-conflict-resolution',
	'capacitybuilding-topic-event-organising',
	'capacitybuilding-topic-outreach-and-education',
	'capacitybuilding-topic-onboarding-newcomers',
	'capacitybuilding-topic-safety-and-conduct',
	'capacitybuilding-topic-social',
	'capacitybuilding-topic-knowledge-equity',
	'capacitybuilding-topic-gender-diversity',
	'capacitybuilding-topic-language-communities',
	'capacitybuilding-topic-accessibility',
	'capacitybuilding-topic-strategic',
	'capacitybuilding-topic-strategic-planning',
	'capacitybuilding-topic-partnerships',
	'capacitybuilding-topic-glam',
	'capacitybuilding-topic-advocacy',
	'capacitybuilding-topic-leadership',
	'capacitybuilding-topic-technology',
	'capacitybuilding-topic-technical-skills',
	'capacitybuilding-topic-tools-and-bots',
	'capacitybuilding-topic-wikidata',
	'capacitybuilding-topic-data-and-statistics',
	'capacitybuilding-topic-digital-security',
];
