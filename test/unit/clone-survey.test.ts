import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cloneProcessWithSurvey } from '#functions/domain/process-admin/clone-survey';
import { createProcess } from '#functions/domain/process-admin/create';
import type { SurveyStore } from '#functions/domain/survey/ports';
import { processDefinitionSchema } from '#shared/schemas/process';
import { surveyDefinitionSchema, type Survey } from '#shared/schemas/survey';
import { fakeWorld } from '../fakes';
import { aDefinition } from '../fixtures/process-definitions';

/** Cloning a process (the two-year revisit) clones its survey: the same questions, no answers, nothing published. */
const NOW = '2027-03-01T10:00:00.000Z';
const definition = surveyDefinitionSchema.parse(JSON.parse(readFileSync(resolve('processes/ai-i-gentofte.survey.json'), 'utf8')));

async function world() {
  const w = fakeWorld({ now: NOW });
  const admin = w.given.user('admin-1', ['admin'], { displayName: 'Ada Admin' });
  // The survey store's read; the copy is written by the process store, in the process's own write.
  const surveys: Pick<SurveyStore, 'get'> = { get: async (processId) => structuredClone(w.tables.surveys.get(processId)) };
  const deps = { ...w.deps, surveys };
  await createProcess(deps, admin, processDefinitionSchema.parse(aDefinition('skoler', {}, new Date(NOW))), w.clock.now());
  const input = { id: 'skoler-2029', title: { da: 'Skoler igen' }, startsAt: '2029-03-01T10:00:00.000Z' };
  return { ...w, admin, deps, input };
}

const surveyAudit = (w: Awaited<ReturnType<typeof world>>) => [...w.tables.audit.values()].filter((a) => a.targetKind === 'survey');

describe('cloneProcessWithSurvey', () => {
  it('copies the survey to the new process without answers or publication, audited with its source', async () => {
    const w = await world();
    const answered: Survey = {
      ...definition,
      processId: 'skoler',
      firstAnswerAt: '2027-02-01T09:00:00.000Z',
      resultsPublishedAt: '2027-02-20T09:00:00.000Z',
      createdAt: '2027-01-01T09:00:00.000Z',
      updatedAt: '2027-01-15T09:00:00.000Z',
    };
    w.tables.surveys.set('skoler', answered);

    const clone = await cloneProcessWithSurvey(w.deps, w.admin, 'skoler', w.input, w.clock.now());

    expect(clone.id).toBe('skoler-2029');
    const copy = w.tables.surveys.get('skoler-2029')!;
    expect(copy).toEqual({ ...definition, processId: 'skoler-2029', createdAt: NOW, updatedAt: NOW });
    expect(copy).not.toHaveProperty('firstAnswerAt');
    expect(copy).not.toHaveProperty('resultsPublishedAt');
    // The source keeps its survey as it was.
    expect(w.tables.surveys.get('skoler')).toEqual(answered);
    expect(clone.clonedFrom).toBe('skoler');
    expect(w.tables.processes.get('skoler-2029')?.clonedFrom).toBe('skoler');
    expect(surveyAudit(w)).toEqual([
      expect.objectContaining({
        processId: 'skoler-2029',
        action: 'survey-save',
        targetKind: 'survey',
        targetId: 'skoler-2029',
        actorId: 'admin-1',
        actorName: 'Ada Admin',
        reason: `Kopieret fra "${definition.title.da}" (skoler)`,
      }),
    ]);
  });

  it('clones a process without a survey as before, and adds none', async () => {
    const w = await world();
    await cloneProcessWithSurvey(w.deps, w.admin, 'skoler', w.input, w.clock.now());
    expect(w.tables.processes.has('skoler-2029')).toBe(true);
    expect(w.tables.surveys.size).toBe(0);
    expect(surveyAudit(w)).toEqual([]);
  });

  it('writes no survey when the process cannot be cloned (a taken id)', async () => {
    const w = await world();
    w.tables.surveys.set('skoler', { ...definition, processId: 'skoler', createdAt: NOW, updatedAt: NOW });
    await expect(cloneProcessWithSurvey(w.deps, w.admin, 'skoler', { ...w.input, id: 'skoler' }, w.clock.now())).rejects.toMatchObject({ status: 409 });
    expect([...w.tables.surveys.keys()]).toEqual(['skoler']);
  });
});
