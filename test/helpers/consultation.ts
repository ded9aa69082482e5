import { expect } from 'vitest';
import { aDefinition } from '../fixtures/process-definitions';
import type { TestStack } from './stack';

/** Helpers for the consultation's documents-side tests: a process with a consultation phase, its setup, a published document. */

const DAY = 24 * 60 * 60 * 1000;
export const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

export const references = {
  name: { da: 'Gentofte Kommunes dataetiske kompas' },
  items: [
    { id: 'aabenhed', label: { da: 'Åbenhed' } },
    { id: 'ansvar', label: { da: 'Ansvar' } },
  ],
};
export const rounds = [
  { id: 'foelgegruppe', kind: 'invited', title: { da: 'Følgegruppen' }, description: { da: 'Medarbejdernes følgegruppe kvalificerer udkastet.' }, startsAt: inDays(-1), endsAt: inDays(14) },
  { id: 'offentlig', kind: 'public', title: { da: 'Offentlig høring' }, startsAt: inDays(-1), endsAt: inDays(30) },
];

/** A process whose consultation phase is open now, created by the admin. */
export async function consultationProcess(stack: TestStack, adminToken: string, id: string) {
  const phases = [{ kind: 'consultation', title: { da: 'Høring' }, startsAt: inDays(-1), endsAt: inDays(30) }];
  const r = await stack.api('/processes', { method: 'POST', token: adminToken, body: aDefinition(id, { phases: phases as never }) });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
}

export async function saveSetup(stack: TestStack, adminToken: string, processId: string, expectedUpdatedAt?: string) {
  const r = await stack.api(`/processes/${processId}/consultation`, { method: 'PUT', token: adminToken, body: { references, rounds, ...(expectedUpdatedAt ? { expectedUpdatedAt } : {}) } });
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  return r.json;
}

export const paragraph = (no: number, da: string, cites?: string[]) => ({ kind: 'paragraph', no, text: { da }, ...(cites ? { cites } : {}) });
export const heading = (da: string) => ({ kind: 'heading', text: { da } });

/** A document created, its draft saved with these blocks and published as version 1; returns the version. */
export async function publishedDocument(stack: TestStack, adminToken: string, processId: string, documentId: string, blocks: unknown[] = [heading('Formål'), paragraph(1, 'Vi bruger AI til at hjælpe.')]) {
  const D = `/processes/${processId}/documents`;
  const created = await stack.api(D, { method: 'POST', token: adminToken, body: { id: documentId, title: { da: `Dokument ${documentId}` } } });
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  const saved = await stack.api(`${D}/${documentId}/draft`, { method: 'PUT', token: adminToken, body: { title: { da: `Dokument ${documentId}` }, blocks, expectedUpdatedAt: created.json.updatedAt } });
  expect(saved.status, JSON.stringify(saved.json)).toBe(200);
  const published = await stack.api(`${D}/${documentId}/versions`, { method: 'POST', token: adminToken, body: { note: { da: 'Første udkast.' }, expectedUpdatedAt: saved.json.updatedAt } });
  expect(published.status, JSON.stringify(published.json)).toBe(201);
  return published.json;
}
