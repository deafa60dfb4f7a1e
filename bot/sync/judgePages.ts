/**
 * Sync phase "judge": each page's revisions, oldest first, with the core judge (judgeHistory), each
 * revision parsed and judged with the roles as they were at its time (RoleTimeline): forward from
 * the accepted record for a page the store holds, from nothing for a page judged from its first
 * revision. Pure: the revisions were read before (history.ts), the store is written after
 * (results.ts).
 */
import { judgeHistory, parseRevision, type HistoryOutcome, type ParsedRevision, type JudgedPageKind } from '../../modules/core/judge';
import type { CodecOptions } from '../../modules/core/wikitext/codec';
import { problem } from '../../modules/core/messages';
import type { Known } from './load';
import type { Revision } from './read';
import type { RoleTimeline } from './roles';

export interface PageToJudge {
	title: string;
	pageKind: JudgedPageKind;
	/** The accepted record to judge forward from; null: judge from the page's first revision. */
	known: Known | null;
	/** The revisions after the accepted one (all of them when `known` is null), oldest first. */
	revisions: Revision[];
	/** There are more revisions than were read (the page's history is longer than a sync judges). */
	more: boolean;
}

export interface PageJudgement {
	page: PageToJudge;
	outcome: HistoryOutcome<Revision>;
	/** Each revision judged, as read (content and problems with the roles of its time). */
	parsed: Map<number, ParsedRevision>;
}

/** What a revision holds, validated with the hubs that existed when it was made. */
export function parseAt( kind: JudgedPageKind[ 'kind' ], revision: Revision, timeline: RoleTimeline,
	codec: CodecOptions ): ParsedRevision {
	if ( revision.text === null ) {
		return { content: null, problems: [ problem( null, 'capacitybuilding-bot-sync-content-hidden' ) ] };
	}
	return parseRevision( kind, revision.text, { codec, validation: { hubs: timeline.at( revision.revid ).hubKeys } } );
}

export function judgePage( page: PageToJudge, timeline: RoleTimeline, codec: CodecOptions ): PageJudgement {
	const parsed = new Map<number, ParsedRevision>( page.revisions.map( ( r ) => [ r.revid,
		parseAt( page.pageKind.kind, r, timeline, codec ) ] ) );
	const outcome = judgeHistory( page.pageKind, page.known?.content ?? null, page.revisions.map( ( revision ) => ( {
		revision, content: parsed.get( revision.revid )?.content ?? null,
	} ) ), ( revision ) => timeline.at( revision.revid ).permissions );
	return { page, outcome, parsed };
}
