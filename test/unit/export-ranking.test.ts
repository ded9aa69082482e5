import { describe, expect, it } from 'vitest';
import { exportIdeas } from '#functions/domain/export';
import { ruleText } from '#functions/domain/export/document';
import { mergedSources, rankIdeas, summarize, supporters } from '#functions/domain/export/ranking';
import { localDate, localDateTime } from '#functions/lib/copenhagen-time';
import { exportDocumentSchema, exportQuerySchema } from '#shared/schemas/export';
import { gentofteAt } from '../fakes/records';
import type { ExportIdea, ExportStore, ProcessStore, RecommendationRecord, Voter } from '#functions/domain/ports';

const c = (userId: string): Voter => ({ userId, participantType: 'citizen' });
const b = (userId: string): Voter => ({ userId, participantType: 'business' });
const e = (userId: string): Voter => ({ userId, participantType: 'employee' });

let n = 0;
const idea = (overrides: Partial<ExportIdea> = {}): ExportIdea => ({
  id: `01JD00000000000000000000${String(++n).padStart(2, '0')}`,
  title: `Idé ${n}`,
  area: 'erhverv',
  effects: ['effektivitet'],
  beneficiaries: ['citizens'],
  status: 'published',
  commentCount: 0,
  createdAt: `2026-11-${String(n).padStart(2, '0')}T10:00:00.000Z`,
  authorId: `author-${n}`,
  authorType: 'citizen',
  ...overrides,
});

describe('supporters', () => {
  it('counts a person once across an idea and the ideas merged into it', () => {
    const s = supporters([c('u1'), c('u2')], [[c('u2'), b('u3')]]);
    expect(s.votes).toBe(3);
    expect(s.votesByType).toEqual({ citizen: 2, business: 1, employee: 0 });
  });

  it("takes a person's type from the target's own vote first, then the sources in order", () => {
    expect(supporters([e('u1')], [[c('u1')]]).votesByType).toEqual({ citizen: 0, business: 0, employee: 1 });
    expect(supporters([], [[b('u1')], [c('u1')]]).votesByType).toEqual({ citizen: 0, business: 1, employee: 0 });
  });

  it('is zero without votes', () => {
    expect(supporters([])).toMatchObject({ votes: 0, votesByType: { citizen: 0, business: 0, employee: 0 } });
  });
});

describe('rankIdeas', () => {
  const support = (votes: number) => supporters(Array.from({ length: votes }, (_, i) => c(`v${i}`)));

  it('orders by supporters, most first; equal support: the oldest first', () => {
    const old = idea({ createdAt: '2026-11-01T00:00:00Z' });
    const young = idea({ createdAt: '2026-11-20T00:00:00Z' });
    const top = idea({ createdAt: '2026-11-25T00:00:00Z' });
    const ranked = rankIdeas(
      [
        { idea: young, support: support(2) },
        { idea: top, support: support(5) },
        { idea: old, support: support(2) },
      ],
      { top: 20 },
    );
    expect(ranked.map((r) => [r.rank, r.idea.id])).toEqual([
      [1, top.id],
      [2, old.id],
      [3, young.id],
    ]);
  });

  it('keeps the area and status asked for, then takes the top N', () => {
    const list = [
      { idea: idea({ area: 'erhverv', status: 'selected' }), support: support(1) },
      { idea: idea({ area: 'erhverv', status: 'published' }), support: support(4) },
      { idea: idea({ area: 'boern-og-unge', status: 'selected' }), support: support(9) },
      { idea: idea({ area: 'erhverv', status: 'selected' }), support: support(3) },
    ];
    expect(rankIdeas(list, { top: 20, area: 'erhverv', status: 'selected' }).map((r) => r.support.votes)).toEqual([3, 1]);
    expect(rankIdeas(list, { top: 2 }).map((r) => [r.rank, r.support.votes])).toEqual([
      [1, 9],
      [2, 4],
    ]);
  });
});

describe('mergedSources', () => {
  const storeOf = (all: ExportIdea[]) => {
    const reads: string[][] = [];
    return {
      reads,
      store: { ideas: async (ids: string[]) => (reads.push(ids), all.filter((i) => ids.includes(i.id))) } satisfies Pick<ExportStore, 'ideas'>,
    };
  };

  it('follows chains of merges (C into B into A) and accepts only sources that point back', async () => {
    const a = idea();
    const bIdea = idea({ status: 'merged', mergedInto: a.id });
    const cIdea = idea({ status: 'merged', mergedInto: bIdea.id });
    const restored = idea({ status: 'published' });
    const elsewhere = idea({ status: 'merged', mergedInto: 'another' });
    bIdea.mergedFrom = [cIdea.id];
    a.mergedFrom = [bIdea.id, restored.id, elsewhere.id, 'unknown'];
    const { store } = storeOf([a, bIdea, cIdea, restored, elsewhere]);
    const sources = await mergedSources(store, [a, restored]);
    expect(sources.get(a.id)?.map((s) => s.id)).toEqual([bIdea.id, cIdea.id]);
    expect(sources.has(restored.id)).toBe(false);
  });

  it('reads nothing when no idea has merges, and survives a cycle', async () => {
    const { store, reads } = storeOf([]);
    expect((await mergedSources(store, [idea(), idea()])).size).toBe(0);
    expect(reads).toEqual([]);

    const x = idea({ status: 'merged' });
    const y = idea({ status: 'merged', mergedInto: x.id, mergedFrom: [x.id] });
    x.mergedFrom = [y.id];
    x.mergedInto = y.id;
    const target = idea({ mergedFrom: [x.id] });
    x.mergedInto = target.id;
    const cyclic = storeOf([x, y, target]);
    expect((await mergedSources(cyclic.store, [target])).get(target.id)?.map((s) => s.id)).toEqual([x.id, y.id]);
  });
});

describe('summarize', () => {
  it('counts public ideas by area and status, distinct participants, votes and comments', () => {
    const names = { area: (id: string) => ({ erhverv: 'Erhverv', 'boern-og-unge': 'Børn og unge' })[id] ?? id, areas: ['Børn og unge', 'Erhverv'] };
    const i1 = idea({ area: 'erhverv', authorId: 'u1', authorType: 'business', commentCount: 2 });
    const i2 = idea({ area: 'erhverv', status: 'selected', authorId: undefined, commentCount: 1 });
    const s = summarize(
      [
        { idea: i1, support: supporters([c('u1'), c('u2')]) },
        { idea: i2, support: supporters([e('u3')], [[c('u2')]]) },
      ],
      names,
    );
    expect(s).toEqual({
      ideas: 2,
      ideasByArea: { 'Børn og unge': 0, Erhverv: 2 },
      ideasByStatus: { published: 1, under_review: 0, selected: 1, not_selected: 0, implemented: 0 },
      // u1 as the business they posted as; u2 once; u3; the erased author of i2 is not counted.
      participants: { citizen: 1, business: 1, employee: 1 },
      votes: 4,
      votesByType: { citizen: 3, business: 0, employee: 1 },
      votesByArea: { 'Børn og unge': 0, Erhverv: 4 },
      comments: 3,
    });
  });
});

describe('words and dates', () => {
  it('states the rule with the statuses and the area in Danish, and no time (the document carries generatedAt)', () => {
    expect(ruleText({ top: 20 }, (id) => id)).toMatch(
      /^Top 20 efter antal stemmer blandt idéer med status offentliggjort, under behandling, udvalgt, ikke udvalgt eller gennemført\. /,
    );
    expect(ruleText({ top: 5, area: 'erhverv', status: 'selected' }, () => 'Erhverv')).toMatch(
      /^Top 5 efter antal stemmer blandt idéer med status udvalgt inden for området Erhverv\. Hver person/,
    );
    expect(ruleText({ top: 20 }, (id) => id)).not.toMatch(/\d{4}/);
  });

  it('uses the day in Denmark, also around midnight and in summer time', () => {
    expect(localDate(new Date('2026-11-27T23:30:00Z'))).toBe('2026-11-28');
    expect(localDateTime(new Date('2026-07-01T22:15:00Z'))).toBe('02-07-2026 00:15');
  });

});

describe('exportIdeas with fakes', () => {
  const process = gentofteAt(new Date('2026-11-01T00:00:00Z'));
  const notHere = async (): Promise<never> => {
    throw new Error('the export changes no process');
  };
  const processes: ProcessStore = { list: async () => [process], get: async (id) => (id === process.id ? process : undefined), put: async () => undefined, create: notHere, update: notHere };
  const a = idea({ area: 'erhverv', effects: ['effektivitet', 'kvalitet'], beneficiaries: ['businesses', 'municipality'], officialAnswer: 'Vi ser på det.' });
  const bMerged = idea({ status: 'merged', mergedInto: a.id, voteCount: 2 });
  a.mergedFrom = [bMerged.id];
  const other = idea({ area: 'boern-og-unge' });
  const stray = idea({ status: 'hidden' });
  const held = idea({ held: true });
  const votes = new Map<string, Voter[]>([
    [a.id, [c('u1'), c('u2')]],
    [bMerged.id, [c('u2'), b('u3')]],
    [other.id, [e('u4')]],
    [stray.id, [c('s1'), c('s2'), c('s3'), c('s4')]],
    [held.id, [c('s1'), c('s2'), c('s3'), c('s4')]],
  ]);
  const exports: ExportStore = {
    // A hidden and a held idea slipped through the store: the use case still leaves them out.
    publicIdeas: async () => [other, stray, a, held],
    ideas: async (ids) => [bMerged].filter((i) => ids.includes(i.id)),
    voters: async (ids) => new Map(ids.map((id) => [id, votes.get(id) ?? []])),
    moderationCounts: async () => ({ merge: 1, hide: 2 }),
    queueCounts: async () => ({ pending: 0, flagged: 1 }),
    commentChannels: async (ids) => ({ web: ids.length, 'assisted-in-person': 0, 'assisted-phone': 1, paper: 0, event: 0 }),
    surveyAnswerChannels: async () => ({ web: 3, 'assisted-in-person': 0, 'assisted-phone': 0, paper: 1, event: 0 }),
    recommendations: async () => [recommendation],
  };
  // Builds on a counted idea, a merged one (outside the ranking), a hidden one and an id that is gone.
  const recommendation: RecommendationRecord = {
    id: '01JD0000000000000000000R01',
    processId: process.id,
    title: 'AI-hjælp til ansøgninger',
    rationale: 'Borgerne venter for længe.\nAI kan sortere.',
    effects: { effektivitet: 3, kvalitet: 0, 'ukendt-effekt': 1 },
    ideaIds: [a.id, bMerged.id, stray.id, '01JD0000000000000000000X99'],
    status: 'adopted',
    aiLens: { aiActCategory: 'high-risk', highRiskArea: 'essential-services', dpiaNeeded: true, digitalExclusion: false, ethicsNote: '=1+1 og en note' },
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
    createdBy: 'committee-1',
  };
  const deps = { processes, exports, clock: { now: () => new Date('2026-11-27T13:00:00Z') }, siteUrl: async () => 'https://deltag.example.dk' };

  it('builds a document the schema accepts, with Danish names and merged supporters once', async () => {
    const doc = await exportIdeas(deps, process.id, exportQuerySchema.parse({ format: 'json' }));
    const parsed = exportDocumentSchema.parse(doc);
    expect(parsed.rows.map((r) => [r.rank, r.id, r.votes])).toEqual([
      [1, a.id, 3],
      [2, other.id, 1],
    ]);
    expect(parsed.rows[0]).toMatchObject({
      area: 'Erhverv',
      effects: ['Effektivitet', 'Kvalitet'],
      beneficiaries: ['businesses', 'municipality'],
      officialAnswer: 'Vi ser på det.',
      votesByType: { citizen: 2, business: 1, employee: 0 },
      link: `https://deltag.example.dk/forloeb/${process.id}/ideer/${a.id}`,
    });
    expect(parsed.rows[1]?.officialAnswer).toBe('');
    expect(parsed.summary).toMatchObject({ ideas: 2, votes: 4, moderation: { merge: 1, hide: 2 }, pending: 0, flagged: 1 });
    // Only the public ideas' channels (none recorded: the web), and their comments only.
    expect(parsed.summary.channels).toEqual({
      ideas: { web: 2, 'assisted-in-person': 0, 'assisted-phone': 0, paper: 0, event: 0 },
      comments: { web: 2, 'assisted-in-person': 0, 'assisted-phone': 1, paper: 0, event: 0 },
      surveyAnswers: { web: 3, 'assisted-in-person': 0, 'assisted-phone': 0, paper: 1, event: 0 },
    });
    expect(parsed.automatedProcessing).toMatch(/Ingen automatisk behandling/);
  });

  it('names the CSV file after the process, the top and the day', async () => {
    const out = await exportIdeas(deps, process.id, exportQuerySchema.parse({ format: 'csv', top: '7' }));
    expect('file' in out && out.file.filename).toBe('deltag-ai-i-gentofte-top7-2026-11-27.csv');
    const csv = 'file' in out ? (out.file.body as string) : '';
    expect(csv.split('\r\n')[1]).toBe(`1;${a.id};${a.title};Erhverv;Effektivitet, Kvalitet;Virksomheder, Kommunen som helhed;Offentliggjort;Vi ser på det.;3;2;1;0;0;${a.createdAt.slice(0, 10)};https://deltag.example.dk/forloeb/${process.id}/ideer/${a.id};;;;`);
    // After the ideas and the channels, a blank line and the recommendations' block.
    const blocks = csv.split('\r\n\r\n');
    expect(blocks).toHaveLength(3);
    expect(blocks[2]!.split('\r\n')[0]).toBe(
      'Anbefaling;Id;Status;Begrundelse;Forventede effekter;Bygger på idéerne;AI-forordning;DPIA nødvendig;Berører digitalt udfordrede;Dataetiske bemærkninger',
    );
    expect(blocks[2]).toContain(
      `AI-hjælp til ansøgninger;${recommendation.id};Vedtaget af det politiske udvalg;"Borgerne venter for længe.\nAI kan sortere.";` +
        `"Effektivitet: Stor (3 af 3); ukendt-effekt: Nogen (1 af 3)";"${a.title} (3 stemmer); ${bMerged.title} (2 stemmer)";` +
        `Højrisiko efter AI-forordningen (bilag III): Adgang til offentlige ydelser og vigtige tjenester;Ja;Nej;'=1+1 og en note\r\n`,
    );
  });

  it('ends the document with the recommendations: effects by name, linked ideas with the ranking’s votes, hidden and unknown ideas left out', async () => {
    const doc = exportDocumentSchema.parse(await exportIdeas(deps, process.id, exportQuerySchema.parse({ format: 'json' })));
    expect(doc.recommendations).toEqual([
      {
        id: recommendation.id,
        title: 'AI-hjælp til ansøgninger',
        rationale: recommendation.rationale,
        status: 'adopted',
        effects: { Effektivitet: 3, Kvalitet: 0, 'ukendt-effekt': 1 },
        ideas: [
          { id: a.id, title: a.title, votes: 3 },
          { id: bMerged.id, title: bMerged.title, votes: 2 },
        ],
        aiLens: recommendation.aiLens,
      },
    ]);
  });
});
