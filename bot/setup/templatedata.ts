/**
 * TemplateData for the record templates, generated from the core schema so that the visual editor,
 * the template wizard and the forms all describe the same parameters. Labels and descriptions come
 * from i18n/*.json in every language translators have provided.
 */
import type { FieldKind, FieldSpec, RecordSchema } from '../../modules/core/model';
import type { MessageKey } from '../../modules/core/messages';

export type MessageFiles = Record<string, Record<string, string>>;

/** The text of a message in every language that has it (English always). */
export function inAllLanguages( files: MessageFiles, key: MessageKey ): Record<string, string> {
	const texts: Record<string, string> = {};
	for ( const language of Object.keys( files ).sort() ) {
		const text = files[ language ]?.[ key ];
		if ( text ) {
			texts[ language ] = text;
		}
	}
	return texts;
}

const TYPES: Record<FieldKind, string> = {
	text: 'line',
	multiline: 'string',
	enum: 'line',
	enumList: 'line',
	topicList: 'line',
	language: 'line',
	languageList: 'line',
	user: 'wiki-user-name',
	userList: 'line',
	date: 'date',
	timestamp: 'date',
	integer: 'number',
	hub: 'line',
	hubList: 'line',
	page: 'wiki-page-name',
};

export function recordTemplateData<R>( schema: RecordSchema<R>, description: MessageKey, files: MessageFiles ): object {
	const params: Record<string, object> = {};
	for ( const field of schema.fields as FieldSpec<unknown>[] ) {
		params[ field.param ] = {
			label: inAllLanguages( files, field.label ),
			description: inAllLanguages( files, field.help ),
			type: TYPES[ field.kind ],
			required: field.required,
			...( field.kind === 'enum' && field.values ? { suggestedvalues: [ ...field.values ] } : {} ),
		};
	}
	return {
		description: inAllLanguages( files, description ),
		params,
		paramOrder: schema.fields.map( ( field ) => field.param ),
		format: 'block',
	};
}
