/**
 * The topics taxonomy (`<base>/Topics.json`): a tree of capacity topics, each with a stable key, an
 * optional Wikidata item, and its name: either a message (the default topics,
 * `"message": "capacitybuilding-topic-<key>"`, translated on translatewiki like every message, see
 * topicMessages.ts) or labels by language code written on the page (topics a community adds;
 * English required). A message is shown in the reader's language as MediaWiki falls back; labels
 * fall back through the reader's language chain to English, then to the key.
 *
 * `validateTaxonomy` is the runtime check (returning translatable problems); the same rules are
 * published as a JSON Schema (schemas/topics.schema.json) and tests keep the two in agreement.
 */
import { isKey, isLanguageCode } from './identifiers';
import { problem, type MessageKey, type Problem } from './messages';
import { TOPIC_MESSAGES } from './topicMessages';

export interface Topic {
	key: string;
	/** Wikidata item, such as "Q42". */
	qid?: string;
	/** The message naming a default topic (one of TOPIC_MESSAGES). */
	message?: MessageKey;
	/** Label by language code; English is required when the topic names no message. */
	labels?: Record<string, string>;
	children?: Topic[];
}

export interface Taxonomy {
	version: 1;
	topics: Topic[];
}

export interface IndexedTopic {
	topic: Topic;
	/** Key of the parent topic; null for a root area. */
	parent: string | null;
	/** Keys from the root area down to this topic. */
	path: string[];
}

export type TopicIndex = ReadonlyMap<string, IndexedTopic>;

const MAX_DEPTH = 3;
const MAX_LABEL_LENGTH = 100;

function isObject( value: unknown ): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray( value );
}

/** Checks parsed Topics.json; returns the taxonomy only when it is valid. */
export function validateTaxonomy( json: unknown ): { taxonomy: Taxonomy | null; problems: Problem[] } {
	const problems: Problem[] = [];
	const seen = new Set<string>();
	const at = ( path: string, key: Parameters<typeof problem>[ 1 ], ...params: ( string | number )[] ): void => {
		problems.push( problem( path, key, path, ...params ) );
	};
	const checkTopics = ( topics: unknown, path: string, depth: number ): void => {
		if ( !Array.isArray( topics ) ) {
			at( path, 'capacitybuilding-topics-not-list' );
			return;
		}
		topics.forEach( ( topic: unknown, index ) => {
			const here = `${ path }[${ index }]`;
			if ( !isObject( topic ) ) {
				at( here, 'capacitybuilding-topics-not-object' );
				return;
			}
			for ( const property of Object.keys( topic ) ) {
				if ( ![ 'key', 'qid', 'message', 'labels', 'children' ].includes( property ) ) {
					at( `${ here }.${ property }`, 'capacitybuilding-topics-unknown-property' );
				}
			}
			if ( typeof topic.key !== 'string' || !isKey( topic.key ) ) {
				at( `${ here }.key`, 'capacitybuilding-topics-invalid-key' );
			} else if ( seen.has( topic.key ) ) {
				at( `${ here }.key`, 'capacitybuilding-topics-duplicate-key', topic.key );
			} else {
				seen.add( topic.key );
			}
			if ( topic.qid !== undefined && ( typeof topic.qid !== 'string' || !/^Q[1-9]\d*$/.test( topic.qid ) ) ) {
				at( `${ here }.qid`, 'capacitybuilding-topics-invalid-qid' );
			}
			const named = topic.message !== undefined;
			if ( named && !( TOPIC_MESSAGES as readonly unknown[] ).includes( topic.message ) ) {
				at( `${ here }.message`, 'capacitybuilding-topics-unknown-message', String( topic.message ) );
			}
			if ( named && topic.labels === undefined ) {
				// A message names the topic: no labels needed.
			} else if ( !isObject( topic.labels ) || ( !named && typeof topic.labels.en !== 'string' ) ) {
				at( `${ here }.labels`, 'capacitybuilding-topics-missing-english' );
			} else {
				for ( const [ language, label ] of Object.entries( topic.labels ) ) {
					if ( !isLanguageCode( language ) || typeof label !== 'string' || label.trim() === '' || [ ...label ].length > MAX_LABEL_LENGTH ) {
						at( `${ here }.labels.${ language }`, 'capacitybuilding-topics-invalid-label' );
					}
				}
			}
			if ( topic.children !== undefined ) {
				if ( depth + 1 >= MAX_DEPTH ) {
					at( `${ here }.children`, 'capacitybuilding-topics-too-deep', MAX_DEPTH );
				} else {
					checkTopics( topic.children, `${ here }.children`, depth + 1 );
				}
			}
		} );
	};
	if ( !isObject( json ) ) {
		at( '', 'capacitybuilding-topics-not-object' );
		return { taxonomy: null, problems };
	}
	if ( json.version !== 1 ) {
		at( 'version', 'capacitybuilding-topics-version' );
	}
	for ( const property of Object.keys( json ) ) {
		if ( ![ 'version', 'topics', '$schema' ].includes( property ) ) {
			at( property, 'capacitybuilding-topics-unknown-property' );
		}
	}
	checkTopics( json.topics, 'topics', 0 );
	return { taxonomy: problems.length ? null : json as unknown as Taxonomy, problems };
}

export function indexTopics( taxonomy: Taxonomy ): TopicIndex {
	const index = new Map<string, IndexedTopic>();
	const walk = ( topics: Topic[], parent: string | null, path: string[] ): void => {
		for ( const topic of topics ) {
			const here = [ ...path, topic.key ];
			index.set( topic.key, { topic, parent, path: here } );
			walk( topic.children ?? [], topic.key, here );
		}
	};
	walk( taxonomy.topics, null, [] );
	return index;
}

/**
 * The label in the first language of the chain that has one, then English, then the key.
 *
 * @param topic
 * @param languageChain The reader's language and its fallbacks, e.g. [ 'pt-br', 'pt', 'en' ]
 */
export function topicLabel( topic: Topic, languageChain: readonly string[] ): string {
	for ( const language of [ ...languageChain, 'en' ] ) {
		const label = topic.labels?.[ language ];
		if ( label ) {
			return label;
		}
	}
	return topic.key;
}

/**
 * The taxonomy with each message-named topic labelled in the reader's language by its message,
 * so that `topicLabel` finds it first (a label written on the page for that language stays).
 *
 * @param taxonomy
 * @param language The reader's language (the first of their chain)
 * @param translate The message's text in the reader's language, or null when unavailable
 */
export function localizeTopics( taxonomy: Taxonomy, language: string,
	translate: ( key: MessageKey ) => string | null ): Taxonomy {
	const localize = ( topics: Topic[] ): Topic[] => topics.map( ( topic ) => {
		const text = topic.message && !topic.labels?.[ language ] ? translate( topic.message ) : null;
		return {
			...topic,
			...( text ? { labels: { ...topic.labels, [ language ]: text } } : {} ),
			...( topic.children ? { children: localize( topic.children ) } : {} ),
		};
	} );
	return { ...taxonomy, topics: localize( taxonomy.topics ) };
}

/** A topic and everything under it (selecting a root area selects its sub-topics). */
export function withDescendants( index: TopicIndex, key: string ): string[] {
	const entry = index.get( key );
	if ( !entry ) {
		return [];
	}
	const keys = [ key ];
	for ( const child of entry.topic.children ?? [] ) {
		keys.push( ...withDescendants( index, child.key ) );
	}
	return keys;
}

export type TopicRelation = 'same' | 'parent' | 'child' | 'sibling' | 'unrelated';

/** How topic `b` relates to topic `a` (for matching: an exact topic counts more than a relative). */
export function topicRelation( index: TopicIndex, a: string, b: string ): TopicRelation {
	if ( a === b ) {
		return 'same';
	}
	const entryA = index.get( a );
	const entryB = index.get( b );
	if ( !entryA || !entryB ) {
		return 'unrelated';
	}
	if ( entryA.path.includes( b ) ) {
		return 'parent';
	}
	if ( entryB.path.includes( a ) ) {
		return 'child';
	}
	return entryA.parent !== null && entryA.parent === entryB.parent ? 'sibling' : 'unrelated';
}
