import type { ExportQuery, ExportRow } from '#shared/schemas/export';
import { publicStatuses, type PublicStatus } from '#shared/schemas/idea';
import type { Process } from '#shared/schemas/process';
import { ideaLink } from '../links';
import type { ExportIdea } from '../ports';
import { statusesInSentence } from './labels';
import type { AreaNames, Support } from './ranking';

/**
 * The export document's words and rows: an idea as a row (area and effect names, link), the ranking
 * rule in a sentence and the statement on automated processing. No author names or e-mail addresses
 * go into a row: the committee sees ideas and counts, never who is behind them.
 */

export const AUTOMATED_PROCESSING =
  'Ingen automatisk behandling – hverken kunstig intelligens eller anden automatik – har rangeret, filtreret eller ændret idéerne. ' +
  'Rækkefølgen er en ren optælling af stemmer, og alle beslutninger om moderation er truffet af mennesker.';

export interface Names extends AreaNames {
  effect: (id: string) => string;
}

export function namesOf(process: Process): Names {
  const areas = new Map(process.areas.map((a) => [a.id, a.name.da]));
  const effects = new Map(process.effects.map((e) => [e.id, e.name.da]));
  return {
    // An area or effect the process no longer lists keeps its id rather than vanishing.
    area: (id) => areas.get(id) ?? id,
    effect: (id) => effects.get(id) ?? id,
    areas: [...areas.values()],
  };
}

/** `siteUrl`: the site's absolute address; the row's link (to the idea in its process) is read in a spreadsheet, not on the site. */
export function toRow(rank: number, idea: ExportIdea, support: Support, names: Names, siteUrl: string, processId: string): ExportRow {
  return {
    rank,
    id: idea.id,
    title: idea.title,
    area: names.area(idea.area),
    effects: idea.effects.map(names.effect),
    beneficiaries: idea.beneficiaries,
    // Only public ideas are read, so the status is a public one.
    status: idea.status as PublicStatus,
    officialAnswer: idea.officialAnswer ?? '',
    votes: support.votes,
    votesByType: support.votesByType,
    comments: idea.commentCount,
    createdAt: idea.createdAt,
    link: ideaLink(siteUrl, { id: idea.id, processId }),
    ...(idea.aiLens ? { aiLens: idea.aiLens } : {}),
  };
}

/**
 * The ranking rule in one sentence, without a time: the moment the ranking was taken is the
 * document's `generatedAt`, which each reader writes once in its own way (the annex as "1. dec.
 * 2026, 11.29" like every date in the app, the spreadsheets in their "Dannet" row). A second copy in
 * this sentence gave the annex two date formats side by side.
 */
export function ruleText(query: Pick<ExportQuery, 'top' | 'area' | 'status'>, areaName: (id: string) => string): string {
  const statuses = query.status ? [query.status] : publicStatuses;
  const area = query.area ? ` inden for området ${areaName(query.area)}` : '';
  return (
    `Top ${query.top} efter antal stemmer blandt idéer med status ${statusesInSentence(statuses)}${area}. ` +
    'Hver person tæller én gang pr. idé, også når idéer er lagt sammen. Ved lige mange stemmer står den ældste idé først.'
  );
}
