import { existsSync, readFileSync } from 'node:fs';
import * as z from 'zod';
import { consultationSetupSaveSchema, documentCreateSchema, draftSaveSchema, versionPublishSchema, type Block } from '#shared/schemas/consultation';
import type { ProcessDefinition } from '#shared/schemas/process';
import { DefinitionFileError } from './definition';

/**
 * A process's consultation ships beside its definition file, as its survey does: `processes/<id>.json`
 * has its reference list, rounds and draft documents in `processes/<id>.consultation.json`. Each part
 * is what the workspace would send (the setup's save, a document's creation, its draft's blocks, the
 * note of its first version), so the import goes through the same use cases and rules.
 */
export const consultationFileOf = (processFile: string) => processFile.replace(/\.json$/, '.consultation.json');

const { references, rounds } = consultationSetupSaveSchema.shape;
export const consultationFileSchema = z
  .object({
    references,
    rounds,
    documents: z.array(documentCreateSchema.extend({ note: versionPublishSchema.shape.note, blocks: draftSaveSchema.shape.blocks })).max(20),
  })
  .strict();
export type ConsultationFile = z.infer<typeof consultationFileSchema>;
export type ConsultationFileDocument = ConsultationFile['documents'][number];

const paragraphs = (blocks: readonly Block[]) => blocks.flatMap((b) => (b.kind === 'paragraph' ? [b] : []));

/**
 * What the schema cannot see, checked against the process the file belongs to (each a path and a
 * Danish message): unique ids, paragraphs numbered 1, 2, 3 … in order (a first version has used no
 * number before), citations of principles in the reference list, and rounds that can take responses:
 * the public round inside the process's `consultation` phase, the invited round before it.
 */
export function consultationFileProblems(file: ConsultationFile, process: Pick<ProcessDefinition, 'phases'>): string[] {
  const problems: string[] = [];
  const duplicates = (ids: string[]) => ids.filter((id, i) => ids.indexOf(id) !== i);
  for (const id of duplicates(file.rounds.map((r) => r.id))) problems.push(`rounds: runden "${id}" står der to gange`);
  for (const id of duplicates(file.documents.map((d) => d.id))) problems.push(`documents: dokumentet "${id}" står der to gange`);
  for (const id of duplicates(file.references?.items.map((r) => r.id) ?? [])) problems.push(`references: princippet "${id}" står der to gange`);
  const principles = new Set(file.references?.items.map((r) => r.id));
  file.documents.forEach((doc, d) => {
    paragraphs(doc.blocks).forEach((p, i) => {
      if (p.no !== i + 1) problems.push(`documents.${d}.blocks: afsnit nr. ${p.no} skulle have nummer ${i + 1}`);
      for (const cite of p.cites ?? []) if (!principles.has(cite)) problems.push(`documents.${d} § ${p.no}: "${cite}" står ikke i referencelisten`);
    });
  });
  const phase = process.phases.find((p) => p.kind === 'consultation');
  file.rounds.forEach((round, r) => {
    if (round.kind !== 'public') return;
    const inside = phase && Date.parse(phase.startsAt) <= Date.parse(round.startsAt) && (phase.endsAt === undefined || Date.parse(round.endsAt) <= Date.parse(phase.endsAt));
    if (!inside) problems.push(`rounds.${r}: den offentlige runde skal ligge inden for forløbets høringsfase`);
  });
  const firstPublic = Math.min(...file.rounds.filter((r) => r.kind === 'public').map((r) => Date.parse(r.startsAt)));
  file.rounds.forEach((round, r) => {
    if (round.kind === 'invited' && Date.parse(round.endsAt) > firstPublic) problems.push(`rounds.${r}: følgegruppens runde skal slutte, før den offentlige høring begynder`);
  });
  return problems;
}

/**
 * Reads and validates a consultation file against its process; undefined when the process has none.
 * The error names each problem's path, before anything is written.
 */
export function readConsultationFile(path: string, process: Pick<ProcessDefinition, 'phases'>): ConsultationFile | undefined {
  if (!existsSync(path)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new DefinitionFileError(`${path} er ikke gyldig JSON: ${(error as Error).message}`);
  }
  const parsed = consultationFileSchema.safeParse(json);
  const problems = parsed.success
    ? consultationFileProblems(parsed.data, process)
    : parsed.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(hele filen)'}: ${i.message}`);
  if (problems.length > 0) throw new DefinitionFileError(`${path} er ikke en gyldig høring:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  return parsed.data;
}

/**
 * The file's rounds where the process has its consultation: moved by as much as the process's
 * `consultation` phase was moved from the file's (the local stack opens a process on the day it
 * seeds, setup/definition.ts shiftDefinition; the demo opens its consultation two weeks ago), so the
 * public round stays inside the phase and the invited round before it. Without that phase, by as
 * much as the first phase moved.
 */
export function roundsFor(file: ConsultationFile, fileProcess: Pick<ProcessDefinition, 'phases'>, process: Pick<ProcessDefinition, 'phases'>): ConsultationFile['rounds'] {
  // The phase each round is placed by when both have it, else the first phase.
  const anchor = (p: Pick<ProcessDefinition, 'phases'>, both: boolean) => Date.parse((both ? p.phases.find((x) => x.kind === 'consultation')! : p.phases[0]!).startsAt);
  const both = [fileProcess, process].every((p) => p.phases.some((x) => x.kind === 'consultation'));
  const delta = anchor(process, both) - anchor(fileProcess, both);
  const move = (iso: string) => new Date(Date.parse(iso) + delta).toISOString();
  return file.rounds.map((r) => ({ ...r, startsAt: move(r.startsAt), endsAt: move(r.endsAt) }));
}
