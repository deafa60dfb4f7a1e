/**
 * The wikitext codec: a record ⇄ its template call on a page.
 *
 * Writing is stable and diff-friendly: the template name on the first line, then one
 * `| param = value` line per schema field in schema order (empty ones too, so editors see every
 * field), then parameters the schema does not know (kept as they were written), then `}}`.
 *
 * Reading is tolerant of hand edits: `Template:` prefixes, first-letter case, underscores and
 * spacing in the name, any parameter order, comments and surrounding content (discussion,
 * signatures, tables, galleries) are fine. Unknown, duplicated and positional parameters, markup in
 * values, a missing template and a repeated one become diagnostics, never exceptions.
 */
import { LIST_KINDS, emptyRecord, type FieldSpec, type RecordSchema } from '../model';
import { problem, type Problem } from '../messages';
import { preprocess, type PreprocessorNode, type PreprocessorOptions, type TemplateNode, type TemplatePart } from './preprocessor';
import { normalizeRecord } from '../text';
import { decodeList, decodeValue, encodeList, encodeValue } from './values';

export type CodecOptions = PreprocessorOptions;

/** A parameter the schema does not know, kept so that rewriting the record does not lose it. */
export interface ExtraParameter {
	name: string;
	/** The value's wikitext exactly as written (trimmed). */
	source: string;
}

export interface ParsedRecord<R> {
	record: R;
	/** Offsets of the whole `{{…}}` call in the page. */
	start: number;
	end: number;
	extras: ExtraParameter[];
	diagnostics: Problem[];
}

export interface PageRecord<R> {
	/** The first call of the template on the page, or null when there is none. */
	parsed: ParsedRecord<R> | null;
	/** Problems of the page: a missing or repeated template, and the first call's diagnostics. */
	diagnostics: Problem[];
}

/**
 * The name a template call refers to, normalised as MediaWiki normalises titles, without the
 * `Template:` prefix; null when the call is not a plain template (a parser function, a main
 * namespace page, a name built from other templates).
 */
export function templateName( source: string, title: TemplatePart ): string | null {
	let name = '';
	for ( const node of title.children ) {
		if ( node.type === 'text' ) {
			name += source.slice( node.start, node.end );
		} else if ( node.type !== 'comment' && node.type !== 'ignore' ) {
			return null;
		}
	}
	name = name.replace( /_/g, ' ' ).replace( /[\s\u00A0]+/g, ' ' ).trim();
	const prefixed = /^template\s*:\s*(.*)$/i.exec( name );
	if ( prefixed ) {
		name = prefixed[ 1 ] as string;
	} else if ( name.includes( ':' ) ) {
		// Another namespace, a parser function ({{#if:}}) or a magic word ({{PAGENAME:…}}).
		return null;
	}
	if ( name === '' ) {
		return null;
	}
	return name.charAt( 0 ).toUpperCase() + name.slice( 1 );
}

/** Top-level calls of a template on a page, in page order. */
export function findTemplateCalls( text: string, template: string, options: CodecOptions = {} ): TemplateNode[] {
	const wanted = templateNameOf( template );
	const calls: TemplateNode[] = [];
	const visit = ( nodes: readonly PreprocessorNode[] ): void => {
		for ( const node of nodes ) {
			if ( node.type === 'template' && templateName( text, node.title ) === wanted ) {
				calls.push( node );
			} else if ( node.type === 'heading' ) {
				visit( node.children );
			}
		}
	};
	visit( preprocess( text, options ) );
	return calls;
}

function templateNameOf( template: string ): string {
	return template.charAt( 0 ).toUpperCase() + template.slice( 1 );
}

function isList( field: { kind: FieldSpec<unknown>[ 'kind' ] } ): boolean {
	return LIST_KINDS.includes( field.kind );
}

function nameOf( source: string, nodes: PreprocessorNode[] ): string {
	return decodeValue( source, nodes ).value;
}

/** Reads one template call into a record of the schema. */
export function parseTemplateCall<R>( source: string, call: TemplateNode, schema: RecordSchema<R> ): ParsedRecord<R> {
	const record = emptyRecord( schema ) as Record<string, string | string[]>;
	const byParam = new Map( schema.fields.map( ( field ) => [ field.param, field ] ) );
	const diagnostics: Problem[] = [];
	const seen = new Set<string>();
	const extras: ExtraParameter[] = [];
	let position = 0;
	for ( const part of call.parts ) {
		if ( part.eq === null ) {
			position++;
			if ( decodeValue( source, part.children ).value !== '' ) {
				diagnostics.push( problem( null, 'capacitybuilding-codec-positional-parameter', position ) );
			}
			continue;
		}
		const eq = part.eq;
		const nameNodes = part.children.filter( ( node ) => node.end <= eq );
		const valueNodes = part.children.filter( ( node ) => node.start > eq );
		const name = nameOf( source, nameNodes );
		if ( seen.has( name ) ) {
			diagnostics.push( problem( byParam.get( name )?.key ?? null, 'capacitybuilding-codec-duplicate-parameter', name ) );
		}
		seen.add( name );
		const field = byParam.get( name );
		if ( !field ) {
			const valueSource = source.slice( eq + 1, part.end ).trim();
			const existing = extras.findIndex( ( extra ) => extra.name === name );
			if ( existing !== -1 ) {
				extras.splice( existing, 1 );
			}
			extras.push( { name, source: valueSource } );
			diagnostics.push( problem( null, 'capacitybuilding-codec-unknown-parameter', name ) );
			continue;
		}
		const { value, markup, invalid } = isList( field ) ?
			( ( list ) => ( { ...list, value: list.items } ) )( decodeList( source, valueNodes ) ) :
			decodeValue( source, valueNodes );
		record[ field.key ] = value;
		if ( markup ) {
			diagnostics.push( problem( field.key, 'capacitybuilding-codec-markup', field.param ) );
		}
		if ( invalid ) {
			diagnostics.push( problem( field.key, 'capacitybuilding-codec-lone-surrogate', field.param ) );
		}
	}
	return { record: record as R, start: call.start, end: call.end, extras, diagnostics };
}

/** The record a page holds (its first call of the schema's template), with the page's problems. */
export function parsePage<R>( text: string, schema: RecordSchema<R>, options: CodecOptions = {} ): PageRecord<R> {
	const calls = findTemplateCalls( text, schema.template, options );
	const first = calls[ 0 ];
	if ( !first ) {
		return { parsed: null, diagnostics: [ problem( null, 'capacitybuilding-codec-missing-template', schema.template ) ] };
	}
	const parsed = parseTemplateCall( text, first, schema );
	const diagnostics = [ ...parsed.diagnostics ];
	if ( calls.length > 1 ) {
		diagnostics.push( problem( null, 'capacitybuilding-codec-duplicate-template', schema.template, calls.length ) );
	}
	return { parsed, diagnostics };
}

/** Every call of the schema's template on a page (feedback entries), in page order. */
export function parseAll<R>( text: string, schema: RecordSchema<R>, options: CodecOptions = {} ): ParsedRecord<R>[] {
	return findTemplateCalls( text, schema.template, options )
		.map( ( call ) => parseTemplateCall( text, call, schema ) );
}

/** The template call for a record: stable, one parameter a line. */
export function serialize<R>( schema: RecordSchema<R>, record: R, extras: readonly ExtraParameter[] = [] ): string {
	const values = record as Record<string, string | string[] | undefined>;
	const lines = [ `{{${ schema.template }` ];
	for ( const field of schema.fields ) {
		const value = values[ field.key ];
		let encoded: string;
		if ( isList( field ) ) {
			encoded = encodeList( Array.isArray( value ) ? value : [] );
		} else {
			encoded = encodeValue( typeof value === 'string' ? value : '', field.kind === 'page' ? 'page' : 'text' );
		}
		lines.push( encoded === '' ? `| ${ field.param } =` : `| ${ field.param } = ${ encoded }` );
	}
	for ( const extra of extras ) {
		lines.push( extra.source === '' ? `| ${ extra.name } =` : `| ${ extra.name } = ${ extra.source }` );
	}
	lines.push( '}}' );
	return lines.join( '\n' );
}

/**
 * Fields whose value would not read back exactly (the save path refuses to save then). A value is
 * compared in NFC, as MediaWiki stores it (normalizeRecord): a value that reads back as its NFC
 * form is exact; one with a lone surrogate never is.
 */
export function roundTripProblems<R>( schema: RecordSchema<R>, record: R, options: CodecOptions = {} ): Problem[] {
	const text = serialize( schema, record );
	const { parsed } = parsePage( text, schema, options );
	const original = normalizeRecord( record ) as Record<string, unknown>;
	const back = ( parsed?.record ?? {} ) as Record<string, unknown>;
	return schema.fields
		.filter( ( field ) => JSON.stringify( original[ field.key ] ?? ( isList( field ) ? [] : '' ) ) !== JSON.stringify( back[ field.key ] ) )
		.map( ( field ) => problem( field.key, 'capacitybuilding-codec-round-trip', field.param ) );
}

/**
 * The page with its record replaced and every other byte unchanged. The first call of the
 * template is replaced; parameters the schema does not know are kept. Returns null when the page
 * has no call of the template.
 */
export function replaceRecord<R>(
	text: string, schema: RecordSchema<R>, record: R, options: CodecOptions = {},
): string | null {
	const { parsed } = parsePage( text, schema, options );
	if ( !parsed ) {
		return null;
	}
	return text.slice( 0, parsed.start ) + serialize( schema, record, parsed.extras ) + text.slice( parsed.end );
}

/** The page with a record appended on a line of its own (feedback entries). */
export function appendRecord<R>( text: string, schema: RecordSchema<R>, record: R ): string {
	const trimmed = text.replace( /\s+$/, '' );
	return `${ trimmed }${ trimmed === '' ? '' : '\n\n' }${ serialize( schema, record ) }\n`;
}
