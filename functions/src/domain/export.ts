// handler --> (use case) --> ExportStore, ProcessStore
import { isConfigAction } from '#shared/rules/audit';
import { countChannels } from '#shared/rules/channel-shares';
import type { ExportDocument, ExportQuery } from '#shared/schemas/export';
import { localDate } from '../lib/copenhagen-time';
import { toCsv } from './export/csv';
import { AUTOMATED_PROCESSING, namesOf, ruleText, toRow } from './export/document';
import { mergedSources, rankIdeas, summarize, supporters } from './export/ranking';
import { linkedOutside, recommendationTable, toExportRecommendations } from './export/recommendations';
import { channelTable, exportTable, ruleSheet, summarySheet } from './export/sheets';
import type { Clock, ExportStore, ProcessStore } from './ports';
import { isPublic } from './ideas';
import { getProcess } from './processes';

/**
 * The committee export: the top ideas of a process by distinct supporters, with the ranking rule in
 * words, a statement on automated processing (AI Act transparency) and figures for the whole process.
 * Nothing here is automated judgement: the order is a count of votes, and only public ideas (those a
 * moderator let stand) take part. No author names or e-mail addresses leave the platform this way.
 * Its parts live in export/: ranking (the counting), document (rows and words), labels (Danish names),
 * sheets (the spreadsheet form), csv and xlsx (the file writers).
 */

export interface ExportDeps {
  processes: ProcessStore;
  exports: ExportStore;
  clock: Clock;
  /** The site's absolute address (e.g. `https://deltag.gentofte.dk`): the files' links are read outside the site. */
  siteUrl: () => Promise<string>;
}

/** A file to download, or the JSON document as it is. */
export type ExportOutput = ExportDocument | { file: { contentType: string; body: string | Uint8Array; filename: string } };

/**
 * Build the export. Primary course:
 * 1. The process exists (else 404).
 * 2. Read every public idea of the process, the ideas merged into them (following merges of merges),
 *    and the vote records of both.
 * 3. Count each idea's distinct supporters: a person who voted for an idea and for one merged into it counts once
 *    (a merge carries the merged idea's votes to the target, so mostly the target's records say it all).
 * 4. Rank by supporters (most first), then by age (oldest first); keep the area and status asked for; take the top.
 * 5. Add the rule in words, the statement on automated processing and the figures for the whole process,
 *    among them how the contributions came in: the public ideas', their visible comments' and the
 *    survey answers' channels.
 * 6. End with the committee's recommendations, each with the ideas it builds on and their votes as
 *    counted in step 3 (a linked merged idea, outside the ranking, with its own count).
 */
export async function buildExport(deps: ExportDeps, processId: string, query: ExportQuery): Promise<ExportDocument> {
  const process = await getProcess(deps.processes, processId);
  const now = deps.clock.now();
  const [listed, moderation, queue, surveyAnswers, recommendations] = await Promise.all([
    deps.exports.publicIdeas(processId),
    deps.exports.moderationCounts(processId),
    deps.exports.queueCounts(processId),
    deps.exports.surveyAnswerChannels(processId),
    deps.exports.recommendations(processId),
  ]);
  // The store reads a list only public ideas are on; checking again costs nothing and keeps a stray index entry out.
  const ideas = listed.filter(isPublic);
  // The comments counted are those on the ideas counted, so the annex's shares and its totals agree.
  const channels = { ideas: countChannels(ideas.map((i) => i.channel)), comments: await deps.exports.commentChannels(ideas.map((i) => i.id)), surveyAnswers };
  const sources = await mergedSources(deps.exports, ideas);
  // Every idea's votes are read, not only those with a vote count: the count is a cache, the records are the truth.
  const wanted = [...ideas.map((i) => i.id), ...[...sources.values()].flat().filter((s) => !s.votesCarried).map((s) => s.id)];
  const voters = await deps.exports.voters([...new Set(wanted)]);
  const counted = ideas.map((idea) => {
    const from = sources.get(idea.id) ?? [];
    // A source whose votes were carried to its target counts through the target's own vote records
    // (as the public count does): counting it again would bring back a vote its voter took back there.
    const uncarried = from.filter((s) => !s.votesCarried);
    return { idea, sources: from, support: supporters(voters.get(idea.id) ?? [], uncarried.map((s) => voters.get(s.id) ?? [])) };
  });

  const ranked = rankIdeas(counted, query);
  const names = namesOf(process);
  const site = await deps.siteUrl();
  const votesOf = new Map(counted.map(({ idea, support }) => [idea.id, { idea, votes: support.votes }]));
  const outside = linkedOutside(recommendations, votesOf);
  const others = outside.length ? await deps.exports.ideas(outside) : [];
  return {
    processId,
    processTitle: process.title.da,
    generatedAt: now.toISOString(),
    rule: ruleText(query, names.area),
    automatedProcessing: AUTOMATED_PROCESSING,
    summary: { ...summarize(counted, names), moderation: moderationOnly(moderation), pending: queue.pending, flagged: queue.flagged, channels },
    rows: ranked.map(({ rank, idea, support }) => toRow(rank, idea, support, names, site, processId)),
    recommendations: toExportRecommendations(recommendations, votesOf, others, names),
  };
}

/** The document in the format asked for: JSON as it is, CSV or XLSX as a file named after the process, the top and the day. */
export async function exportIdeas(deps: ExportDeps, processId: string, query: ExportQuery): Promise<ExportOutput> {
  const doc = await buildExport(deps, processId, query);
  if (query.format === 'json') return doc;
  const filename = `deltag-${processId}-top${query.top}-${localDate(new Date(doc.generatedAt))}.${query.format}`;
  if (query.format === 'csv') {
    // The ideas, then after an empty line the channel shares: the CSV has no sheets to put them on.
    // The recommendations follow the same way (a header alone when there are none yet).
    const after = [channelTable(doc.summary.channels), recommendationTable(doc)].map((t) => '\r\n' + toCsv(t, { separator: query.sep, bom: false }));
    const body = toCsv(exportTable(doc), { separator: query.sep }) + after.join('');
    return { file: { contentType: 'text/csv; charset=utf-8', body, filename } };
  }
  // Loaded on first use: exceljs is most of this function's code, and CSV and JSON never need it.
  const { toXlsx } = await import('#functions/domain/export/xlsx');
  const body = await toXlsx({
    sheetName: 'Idéer',
    table: exportTable(doc),
    created: new Date(doc.generatedAt),
    extraSheets: [
      { name: 'Regel', rows: ruleSheet(doc) },
      { name: 'Overblik', rows: summarySheet(doc.summary) },
    ],
    lastTables: [
      { name: 'Kanaler', table: channelTable(doc.summary.channels) },
      { name: 'Anbefalinger', table: recommendationTable(doc) },
    ],
  });
  return { file: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body, filename } };
}

/** The summary counts moderators' decisions; the process's own configuration changes are not moderation. */
const moderationOnly = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).filter(([action]) => !isConfigAction(action)));
