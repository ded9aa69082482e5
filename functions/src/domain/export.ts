// handler --> (use case) --> ExportStore, ProcessStore
import type { ExportDocument, ExportQuery, ExportRow, ExportSummary } from '#shared/schemas/export';
import { publicStatuses, type Beneficiary, type IdeaStatus, type PublicStatus } from '#shared/schemas/idea';
import type { Process } from '#shared/schemas/process';
import { participantTypes, type ParticipantType } from '#shared/schemas/user';
import { toCsv, type Table } from './export-formats/csv';
import type { Clock, ProcessStore } from './ports';
import { isPublic } from './ideas';
import { getProcess } from './processes';

/**
 * The committee export: the top ideas of a process by distinct supporters, with the ranking rule in
 * words, a statement on automated processing (AI Act transparency) and figures for the whole process.
 * Nothing here is automated judgement: the order is a count of votes, and only public ideas (those a
 * moderator let stand) take part. No author names or e-mail addresses leave the platform this way.
 */

/** An idea as the export reads it. */
export interface ExportIdea {
  id: string;
  title: string;
  area: string;
  effects: string[];
  beneficiaries: Beneficiary[];
  status: IdeaStatus;
  officialAnswer?: string;
  commentCount: number;
  createdAt: string;
  /** Absent once the author has erased their account (the idea stays, unlinked). */
  authorId?: string;
  authorType: ParticipantType;
  /** On a target of merges: the ideas merged into it. */
  mergedFrom?: string[];
  /** On a merged idea: the idea it was merged into. */
  mergedInto?: string;
  /** Held for moderation after flags. */
  held?: boolean;
}

/** Who voted, as a vote record tells it. */
export interface Voter {
  userId: string;
  participantType: ParticipantType;
}

export interface ExportStore {
  /** Every public idea of a process. Hidden, rejected, withdrawn, merged, pending and held ideas are never among them. */
  publicIdeas(processId: string): Promise<ExportIdea[]>;
  /** Ideas by id, whatever their status (the sources of merges); unknown ids are left out. */
  ideas(ideaIds: string[]): Promise<ExportIdea[]>;
  /** The vote records of each idea, by idea id (an idea without votes may be missing from the map). */
  voters(ideaIds: string[]): Promise<Map<string, Voter[]>>;
  /** Moderation decisions in the process's audit log, counted by action. */
  moderationCounts(processId: string): Promise<Record<string, number>>;
  /** What waits in the moderation queue now. */
  queueCounts(processId: string): Promise<{ pending: number; flagged: number }>;
}

export interface ExportDeps {
  processes: ProcessStore;
  exports: ExportStore;
  clock: Clock;
  /** Prefix of the links to ideas: '' gives site-relative links (`/ideer/<id>`), else e.g. `https://deltag.gentofte.dk`. */
  publicBaseUrl: string;
}

/** A file to download, or the JSON document as it is. */
export type ExportOutput = ExportDocument | { file: { contentType: string; body: string | Uint8Array; filename: string } };

export const TIME_ZONE = 'Europe/Copenhagen';

export const statusNames: Record<PublicStatus, { one: string; many: string }> = {
  published: { one: 'offentliggjort', many: 'offentliggjorte' },
  under_review: { one: 'behandles', many: 'behandlede' },
  selected: { one: 'udvalgt', many: 'udvalgte' },
  not_selected: { one: 'ikke udvalgt', many: 'ikke udvalgte' },
  implemented: { one: 'gennemført', many: 'gennemførte' },
};

export const beneficiaryNames: Record<Beneficiary, string> = {
  citizens: 'borgere',
  businesses: 'virksomheder',
  employees: 'medarbejdere',
  municipality: 'kommunen',
};

export const AUTOMATED_PROCESSING =
  'Ingen automatisk behandling – hverken kunstig intelligens eller anden automatik – har rangeret, filtreret eller ændret idéerne. ' +
  'Rækkefølgen er en ren optælling af stemmer, og alle beslutninger om moderation er truffet af mennesker.';

/**
 * Build the export. Primary course:
 * 1. The process exists (else 404).
 * 2. Read every public idea of the process, the ideas merged into them (following merges of merges),
 *    and the vote records of both.
 * 3. Count each idea's distinct supporters: a person who voted for an idea and for one merged into it counts once.
 * 4. Rank by supporters (most first), then by age (oldest first); keep the area and status asked for; take the top.
 * 5. Add the rule in words, the statement on automated processing and the figures for the whole process.
 */
export async function buildExport(deps: ExportDeps, processId: string, query: ExportQuery): Promise<ExportDocument> {
  const process = await getProcess(deps.processes, processId);
  const now = deps.clock.now();
  const [listed, moderation, queue] = await Promise.all([
    deps.exports.publicIdeas(processId),
    deps.exports.moderationCounts(processId),
    deps.exports.queueCounts(processId),
  ]);
  // The store reads a list only public ideas are on; checking again costs nothing and keeps a stray index entry out.
  const ideas = listed.filter(isPublic);
  const sources = await mergedSources(deps.exports, ideas);
  // Every idea's votes are read, not only those with a vote count: the count is a cache, the records are the truth.
  const wanted = [...ideas.map((i) => i.id), ...[...sources.values()].flat().map((s) => s.id)];
  const voters = await deps.exports.voters([...new Set(wanted)]);
  const counted = ideas.map((idea) => {
    const from = sources.get(idea.id) ?? [];
    return { idea, sources: from, support: supporters(voters.get(idea.id) ?? [], from.map((s) => voters.get(s.id) ?? [])) };
  });

  const ranked = rankIdeas(counted, query);
  const names = namesOf(process);
  return {
    processId,
    processTitle: process.title.da,
    generatedAt: now.toISOString(),
    rule: ruleText(query, names.area, now),
    automatedProcessing: AUTOMATED_PROCESSING,
    summary: { ...summarize(counted, names), moderation, pending: queue.pending, flagged: queue.flagged },
    rows: ranked.map(({ rank, idea, support }) => toRow(rank, idea, support, names, deps.publicBaseUrl)),
  };
}

/** The document in the format asked for: JSON as it is, CSV or XLSX as a file named after the process, the top and the day. */
export async function exportIdeas(deps: ExportDeps, processId: string, query: ExportQuery): Promise<ExportOutput> {
  const doc = await buildExport(deps, processId, query);
  if (query.format === 'json') return doc;
  const filename = `deltag-${processId}-top${query.top}-${localDate(new Date(doc.generatedAt))}.${query.format}`;
  if (query.format === 'csv') {
    return { file: { contentType: 'text/csv; charset=utf-8', body: toCsv(exportTable(doc), { separator: query.sep }), filename } };
  }
  // Loaded on first use: exceljs is most of this function's code, and CSV and JSON never need it.
  const { toXlsx } = await import('./export-formats/xlsx');
  const body = await toXlsx({
    sheetName: 'Idéer',
    table: exportTable(doc),
    created: new Date(doc.generatedAt),
    extraSheets: [
      { name: 'Regel', rows: ruleSheet(doc) },
      { name: 'Overblik', rows: summarySheet(doc.summary) },
    ],
  });
  return { file: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body, filename } };
}

// ---- counting and ranking (pure) ----

export interface Support {
  votes: number;
  votesByType: Record<ParticipantType, number>;
  /** The distinct supporters and the participant type each is counted as. */
  people: Map<string, ParticipantType>;
}

/**
 * Distinct supporters of an idea and of the ideas merged into it. A person is counted once, as the
 * participant type of the first vote record found: the idea's own vote first, then the sources in order.
 */
export function supporters(own: Voter[], merged: Voter[][] = []): Support {
  const people = new Map<string, ParticipantType>();
  for (const list of [own, ...merged]) {
    for (const v of list) if (!people.has(v.userId)) people.set(v.userId, v.participantType);
  }
  return { votes: people.size, votesByType: countByType(people.values()), people };
}

export interface Counted {
  idea: ExportIdea;
  /** Accepted merge sources of the idea (see mergedSources). */
  sources?: ExportIdea[];
  support: Support;
}

/** Most distinct supporters first; equal support: the older idea first (then the id, so the order is total). */
export function rankIdeas<T extends Counted>(ideas: T[], options: { top: number; area?: string; status?: PublicStatus }): (T & { rank: number })[] {
  return ideas
    .filter((c) => (!options.area || c.idea.area === options.area) && (!options.status || c.idea.status === options.status))
    .sort(
      (a, b) =>
        b.support.votes - a.support.votes ||
        a.idea.createdAt.localeCompare(b.idea.createdAt) ||
        a.idea.id.localeCompare(b.idea.id),
    )
    .slice(0, options.top)
    .map((c, i) => ({ ...c, rank: i + 1 }));
}

/** Merges can be chained (C into B, then B into A): follow them this deep at most. */
const MAX_MERGE_DEPTH = 10;

/**
 * The ideas merged into each target, followed through chains of merges. A source counts only if it
 * really is merged into the idea that lists it (status `merged`, `mergedInto` pointing back), so a
 * merge that was undone without tidying `mergedFrom` never counts the same votes twice.
 */
export async function mergedSources(store: Pick<ExportStore, 'ideas'>, targets: ExportIdea[]): Promise<Map<string, ExportIdea[]>> {
  const known = new Map<string, ExportIdea>(targets.map((t) => [t.id, t]));
  let frontier = [...new Set(targets.flatMap((t) => t.mergedFrom ?? []))].filter((id) => !known.has(id));
  for (let depth = 0; frontier.length > 0 && depth < MAX_MERGE_DEPTH; depth++) {
    const found = await store.ideas(frontier);
    for (const idea of found) known.set(idea.id, idea);
    frontier = [...new Set(found.flatMap((i) => i.mergedFrom ?? []))].filter((id) => !known.has(id));
  }

  const result = new Map<string, ExportIdea[]>();
  for (const target of targets) {
    const accepted: ExportIdea[] = [];
    const seen = new Set([target.id]);
    const walk = (parent: ExportIdea, depth: number) => {
      if (depth >= MAX_MERGE_DEPTH) return;
      for (const id of parent.mergedFrom ?? []) {
        const source = known.get(id);
        if (!source || seen.has(id) || source.status !== 'merged' || source.mergedInto !== parent.id) continue;
        seen.add(id);
        accepted.push(source);
        walk(source, depth + 1);
      }
    };
    walk(target, 0);
    if (accepted.length) result.set(target.id, accepted);
  }
  return result;
}

// ---- the document's parts ----

interface Names {
  area: (id: string) => string;
  effect: (id: string) => string;
  areas: string[];
}

function namesOf(process: Process): Names {
  const areas = new Map(process.areas.map((a) => [a.id, a.name.da]));
  const effects = new Map(process.effects.map((e) => [e.id, e.name.da]));
  return {
    // An area or effect the process no longer lists keeps its id rather than vanishing.
    area: (id) => areas.get(id) ?? id,
    effect: (id) => effects.get(id) ?? id,
    areas: [...areas.values()],
  };
}

function toRow(rank: number, idea: ExportIdea, support: Support, names: Names, base: string): ExportRow {
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
    link: ideaLink(base, idea.id),
  };
}

/** The SPA's page of an idea (`/ideer/:id`), under the public base URL when one is set. */
export const ideaLink = (base: string, ideaId: string) => `${base.replace(/\/+$/, '')}/ideer/${ideaId}`;

export function ruleText(query: Pick<ExportQuery, 'top' | 'area' | 'status'>, areaName: (id: string) => string, at: Date): string {
  const statuses = query.status ? [query.status] : publicStatuses;
  const among = listInDanish(statuses.map((s) => statusNames[s].many));
  const area = query.area ? ` inden for området ${areaName(query.area)}` : '';
  return (
    `Top ${query.top} efter antal stemmer blandt ${among} idéer${area}, pr. ${localDateTime(at)}. ` +
    'Hver person tæller én gang pr. idé, også når idéer er lagt sammen. Ved lige mange stemmer står den ældste idé først.'
  );
}

/** Figures for the whole process (not only the exported rows): public ideas, participants, votes, comments. */
export function summarize(counted: Counted[], names: Pick<Names, 'area' | 'areas'>): Omit<ExportSummary, 'moderation' | 'pending' | 'flagged'> {
  const ideasByArea = Object.fromEntries(names.areas.map((a) => [a, 0]));
  const votesByArea = Object.fromEntries(names.areas.map((a) => [a, 0]));
  const ideasByStatus = Object.fromEntries(publicStatuses.map((s) => [s, 0]));
  const people = new Map<string, ParticipantType>();
  // Authors first, with the type they posted as; an erased author (no authorId) can no longer be told apart.
  for (const { idea, sources } of counted) {
    for (const i of [idea, ...(sources ?? [])]) if (i.authorId && !people.has(i.authorId)) people.set(i.authorId, i.authorType);
  }
  let votes = 0;
  let comments = 0;
  const votesByType = countByType([]);
  for (const { idea, support } of counted) {
    const area = names.area(idea.area);
    ideasByArea[area] = (ideasByArea[area] ?? 0) + 1;
    ideasByStatus[idea.status] = (ideasByStatus[idea.status] ?? 0) + 1;
    votesByArea[area] = (votesByArea[area] ?? 0) + support.votes;
    votes += support.votes;
    comments += idea.commentCount;
    for (const t of participantTypes) votesByType[t] += support.votesByType[t];
    for (const [userId, type] of support.people) if (!people.has(userId)) people.set(userId, type);
  }
  return {
    ideas: counted.length,
    ideasByArea,
    ideasByStatus,
    participants: countByType(people.values()),
    votes,
    votesByType,
    votesByArea,
    comments,
  };
}

function countByType(types: Iterable<ParticipantType>): Record<ParticipantType, number> {
  const counts = { citizen: 0, business: 0, employee: 0 };
  for (const t of types) counts[t] += 1;
  return counts;
}

// ---- the spreadsheet form (CSV and XLSX share it) ----

/** Danish headers, in the order of the schema's fields. Widths are in characters, for XLSX. */
const columns: Table['columns'] = [
  { header: 'Placering', kind: 'number', width: 10 },
  { header: 'Id', kind: 'text', width: 29 },
  { header: 'Titel', kind: 'text', width: 50, wrap: true },
  { header: 'Område', kind: 'text', width: 28 },
  { header: 'Forventede effekter', kind: 'text', width: 30, wrap: true },
  { header: 'Hvem gavner det', kind: 'text', width: 26, wrap: true },
  { header: 'Status', kind: 'text', width: 16 },
  { header: 'Officielt svar', kind: 'text', width: 50, wrap: true },
  { header: 'Stemmer i alt', kind: 'number', width: 13 },
  { header: 'Stemmer fra borgere', kind: 'number', width: 13 },
  { header: 'Stemmer fra erhvervsdrivende', kind: 'number', width: 16 },
  { header: 'Stemmer fra medarbejdere', kind: 'number', width: 15 },
  { header: 'Kommentarer', kind: 'number', width: 13 },
  { header: 'Oprettet', kind: 'date', width: 12 },
  { header: 'Link', kind: 'link', width: 40 },
];

export function exportTable(doc: Pick<ExportDocument, 'rows'>): Table {
  return {
    columns,
    rows: doc.rows.map((r) => [
      r.rank,
      r.id,
      r.title,
      r.area,
      r.effects.join(', '),
      r.beneficiaries.map((b) => beneficiaryNames[b]).join(', '),
      statusNames[r.status].one,
      r.officialAnswer,
      r.votes,
      r.votesByType.citizen,
      r.votesByType.business,
      r.votesByType.employee,
      r.comments,
      localDate(new Date(r.createdAt)),
      r.link,
    ]),
  };
}

function ruleSheet(doc: ExportDocument): (string | number)[][] {
  return [
    ['Forløb', doc.processTitle],
    ['Regel', doc.rule],
    ['Automatisk behandling', doc.automatedProcessing],
    ['Dannet', localDateTime(new Date(doc.generatedAt))],
    ['Antal idéer i udtrækket', doc.rows.length],
    ['Personoplysninger', 'Udtrækket indeholder ingen navne eller e-mailadresser på forslagsstillere eller stemmegivere.'],
  ];
}

/** The audit log's actions in Danish for the overview sheet; an action not listed here shows as recorded. */
const actionNames: Record<string, string> = {
  publish: 'offentliggjort',
  hide: 'skjult',
  restore: 'gendannet',
  reject: 'afvist',
  merge: 'lagt sammen',
  'set-status': 'status ændret',
  block: 'bruger blokeret',
  unblock: 'blokering ophævet',
  roles: 'roller ændret',
  'comment-hide': 'kommentar skjult',
  'comment-restore': 'kommentar gendannet',
};

function summarySheet(s: ExportSummary): (string | number)[][] {
  const typed = (label: string, by: Record<ParticipantType, number>) => [
    [`${label}, borgere`, by.citizen],
    [`${label}, erhvervsdrivende`, by.business],
    [`${label}, medarbejdere`, by.employee],
  ];
  return [
    ['Offentlige idéer i alt', s.ideas],
    ...Object.entries(s.ideasByArea).map(([area, n]) => [`Idéer, ${area}`, n]),
    ...publicStatuses.map((st) => [`Idéer, ${statusNames[st].one}`, s.ideasByStatus[st] ?? 0]),
    ['Deltagere i alt (forslag eller stemmer)', s.participants.citizen + s.participants.business + s.participants.employee],
    ...typed('Deltagere', s.participants),
    ['Stemmer i alt', s.votes],
    ...typed('Stemmer', s.votesByType),
    ...Object.entries(s.votesByArea).map(([area, n]) => [`Stemmer, ${area}`, n]),
    ['Kommentarer i alt', s.comments],
    ...Object.entries(s.moderation)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([action, n]) => [`Moderationsbeslutninger, ${actionNames[action] ?? action}`, n]),
    ['Venter på forhåndsgodkendelse', s.pending],
    ['Tilbageholdt efter anmeldelser (idéer og kommentarer)', s.flagged],
  ];
}

// ---- dates in Danish time ----

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function local(at: Date) {
  const p = Object.fromEntries(parts.formatToParts(at).map((x) => [x.type, x.value]));
  return { y: p.year!, m: p.month!, d: p.day!, h: p.hour!, min: p.minute! };
}

/** `2026-11-27`: the day in Denmark, ISO order (unambiguous in any spreadsheet). */
export function localDate(at: Date): string {
  const { y, m, d } = local(at);
  return `${y}-${m}-${d}`;
}

/** `27-11-2026 14:00`, Danish time, for sentences a person reads. */
export function localDateTime(at: Date): string {
  const { y, m, d, h, min } = local(at);
  return `${d}-${m}-${y} ${h}:${min}`;
}

function listInDanish(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} og ${items[items.length - 1]}`;
}
