import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { consultationFileOf, consultationFileProblems, consultationFileSchema, readConsultationFile, roundsFor } from '../../cdk/setup/consultation-file';
import { DefinitionFileError, GENTOFTE_FILE, gentofteProcess, localGentofte } from '../../cdk/setup/definition';
import { roundVerdict } from '#shared/rules/consultation';
import { blockSchema, consultationSetupSaveSchema, documentCreateSchema, draftSaveSchema, versionPublishSchema } from '#shared/schemas/consultation';

/** The Gentofte drafts the process ships with (processes/ai-i-gentofte.consultation.json). */
const path = consultationFileOf(GENTOFTE_FILE);
const raw = JSON.parse(readFileSync(path, 'utf8')) as { documents: { blocks: unknown[] }[] };
const file = consultationFileSchema.parse(raw);
const process = gentofteProcess();
const paragraphs = (id: string) => file.documents.find((d) => d.id === id)!.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b] : []));
const copenhagenDay = (iso: string) => new Date(iso).toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' });

describe('processes/ai-i-gentofte.consultation.json', () => {
  it('is, part by part, what the workspace would send: a setup, documents, drafts and first versions, kept as the schemas keep them', () => {
    expect(path).toMatch(/processes\/ai-i-gentofte\.consultation\.json$/);
    expect(consultationFileSchema.parse(raw)).toEqual(raw);
    expect(consultationSetupSaveSchema.parse({ references: file.references, rounds: file.rounds })).toEqual({ references: file.references, rounds: file.rounds });
    for (const doc of file.documents) {
      expect(documentCreateSchema.parse({ id: doc.id, title: doc.title, summary: doc.summary })).toBeTruthy();
      expect(draftSaveSchema.parse({ title: doc.title, summary: doc.summary, blocks: doc.blocks }).blocks).toEqual(doc.blocks);
      for (const block of doc.blocks) expect(blockSchema.parse(block)).toEqual(block);
      expect(versionPublishSchema.parse({ note: doc.note, expectedUpdatedAt: new Date().toISOString() }).changes).toEqual([]);
    }
    expect(readConsultationFile(path, process)).toEqual(file);
    expect(consultationFileProblems(file, process)).toEqual([]);
  });

  it('lists the data-ethics compass as the committee\'s working list of 5–7 principles, each described', () => {
    expect(file.references?.name.da).toBe('Gentofte Kommunes dataetiske kompas');
    const items = file.references!.items;
    expect(items.length).toBeGreaterThanOrEqual(5);
    expect(items.length).toBeLessThanOrEqual(7);
    for (const item of items) expect(item.description?.da.length).toBeGreaterThan(40);
    expect(items.map((i) => i.id)).toEqual(expect.arrayContaining(['gennemsigtighed', 'menneskelig-kontrol', 'privatliv']));
  });

  it('ships the ethical guidelines with 10–15 short paragraphs under headings, most citing a principle, and an ambition with 6–10', () => {
    const ethics = file.documents.find((d) => d.id === 'etiske-retningslinjer')!;
    expect(ethics.title.da).toBe('Etiske retningslinjer for brug af AI i Gentofte Kommune');
    expect(ethics.blocks.filter((b) => b.kind === 'heading').length).toBeGreaterThanOrEqual(3);
    const rules = paragraphs('etiske-retningslinjer');
    expect(rules.length).toBeGreaterThanOrEqual(10);
    expect(rules.length).toBeLessThanOrEqual(15);
    expect(rules.filter((p) => p.cites?.length).length).toBeGreaterThan(rules.length / 2);
    const ambition = paragraphs('ambition');
    expect(file.documents.find((d) => d.id === 'ambition')!.title.da).toBe('Ambition for brug af AI i Gentofte Kommune');
    expect(ambition.length).toBeGreaterThanOrEqual(6);
    expect(ambition.length).toBeLessThanOrEqual(10);
    for (const p of [...rules, ...ambition]) {
      // 1–4 sentences of plain Danish, and the English beside it.
      const sentences = p.text.da.split(/[.?!](?:\s|$)/).filter((s) => s.trim()).length;
      expect(sentences, `§ ${p.no}`).toBeGreaterThanOrEqual(1);
      expect(sentences, `§ ${p.no}`).toBeLessThanOrEqual(4);
      expect(p.text.en, `§ ${p.no} in English`).toBeTruthy();
    }
  });

  it('has the follow-group round first, then the public round inside the process\'s consultation phase, within the committee period', () => {
    const [invited, publicRound] = file.rounds;
    expect(invited).toMatchObject({ id: 'foelgegruppen', kind: 'invited', title: { da: 'Følgegruppen (medarbejdere)' } });
    expect(publicRound).toMatchObject({ kind: 'public', title: { da: 'Offentlig høring' } });
    const phase = process.phases.find((p) => p.kind === 'consultation')!;
    expect(publicRound!.startsAt).toBe(phase.startsAt);
    expect(publicRound!.endsAt).toBe(phase.endsAt);
    expect(Date.parse(invited!.endsAt)).toBeLessThanOrEqual(Date.parse(publicRound!.startsAt));
    // After the committee has begun reviewing the ideas, and ended before the process closes.
    expect(Date.parse(invited!.startsAt)).toBeGreaterThan(Date.parse(process.phases.find((p) => p.kind === 'review')!.startsAt));
    expect(Date.parse(publicRound!.endsAt)).toBeLessThan(Date.parse(process.phases.find((p) => p.kind === 'closed')!.startsAt));
    for (const r of file.rounds) for (const at of [r.startsAt, r.endsAt]) expect(new Date(at).toLocaleTimeString('da-DK', { timeZone: 'Europe/Copenhagen' })).toBe('00.00.00');
    expect([copenhagenDay(invited!.startsAt), copenhagenDay(publicRound!.startsAt)]).toEqual(['2026-01-12', '2026-02-02']);
  });

  it('moves the rounds with the process on the local stack, so the public round opens in its phase and the invited round for members only', () => {
    const seeded = localGentofte(new Date('2026-12-01T10:00:00Z'));
    const [invited, publicRound] = roundsFor(file, process, seeded);
    const phase = seeded.phases.find((p) => p.kind === 'consultation')!;
    expect(publicRound!.startsAt).toBe(phase.startsAt);
    const during = new Date(Date.parse(publicRound!.startsAt) + 86_400_000);
    expect(roundVerdict(seeded, publicRound!, during, false)).toBe('open');
    expect(roundVerdict(seeded, invited!, new Date(Date.parse(invited!.startsAt) + 86_400_000), false)).toBe('not-member');
    expect(roundVerdict(seeded, invited!, new Date(Date.parse(invited!.startsAt) + 86_400_000), true)).toBe('open');
    expect(roundVerdict(seeded, publicRound!, new Date(Date.parse(invited!.startsAt) + 86_400_000), false)).toBe('not-open');
  });

  it('names what is wrong in a file before anything is written', () => {
    const broken = structuredClone(file);
    broken.documents[0]!.blocks = broken.documents[0]!.blocks.map((b) => (b.kind === 'paragraph' && b.no === 2 ? { ...b, no: 7, cites: ['mod'] } : b));
    broken.rounds[1] = { ...broken.rounds[1]!, endsAt: '2026-06-01T22:00:00.000Z' };
    broken.rounds.push({ ...broken.rounds[0]! });
    expect(consultationFileProblems(broken, process)).toEqual([
      'rounds: runden "foelgegruppen" står der to gange',
      'documents.0.blocks: afsnit nr. 7 skulle have nummer 2',
      'documents.0 § 7: "mod" står ikke i referencelisten',
      'rounds.1: den offentlige runde skal ligge inden for forløbets høringsfase',
    ]);
    expect(() => readConsultationFile(GENTOFTE_FILE, process)).toThrow(DefinitionFileError);
  });
});
