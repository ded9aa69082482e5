import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '#functions/domain/ports';
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

/** The survey store's definition part, with the condition the real one writes under (no survey yet). */
function fakeSurveys() {
  const stored = new Map<string, Survey>();
  const audit: AuditRecord[] = [];
  const store: Pick<SurveyStore, 'get' | 'save'> = {
    get: async (processId) => structuredClone(stored.get(processId)),
    async save(survey, expectedUpdatedAt, _structural, entry) {
      const now = stored.get(survey.processId);
      if (expectedUpdatedAt === undefined ? now : now?.updatedAt !== expectedUpdatedAt) return 'stale';
      stored.set(survey.processId, structuredClone(survey));
      audit.push(entry);
      return 'saved';
    },
  };
  return { store, stored, audit };
}

async function world() {
  const w = fakeWorld({ now: NOW });
  const admin = w.given.user('admin-1', ['admin'], { displayName: 'Ada Admin' });
  const surveys = fakeSurveys();
  const deps = { ...w.deps, surveys: surveys.store };
  await createProcess(deps, admin, processDefinitionSchema.parse(aDefinition('skoler', {}, new Date(NOW))), w.clock.now());
  const input = { id: 'skoler-2029', title: { da: 'Skoler igen' }, startsAt: '2029-03-01T10:00:00.000Z' };
  return { ...w, admin, deps, surveys, input };
}

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
    w.surveys.stored.set('skoler', answered);

    const clone = await cloneProcessWithSurvey(w.deps, w.admin, 'skoler', w.input, w.clock.now());

    expect(clone.id).toBe('skoler-2029');
    const copy = w.surveys.stored.get('skoler-2029')!;
    expect(copy).toEqual({ ...definition, processId: 'skoler-2029', createdAt: NOW, updatedAt: NOW });
    expect(copy).not.toHaveProperty('firstAnswerAt');
    expect(copy).not.toHaveProperty('resultsPublishedAt');
    // The source keeps its survey as it was.
    expect(w.surveys.stored.get('skoler')).toEqual(answered);
    expect(w.surveys.audit).toEqual([
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
    expect(w.surveys.stored.size).toBe(0);
    expect(w.surveys.audit).toEqual([]);
  });

  it('writes no survey when the process cannot be cloned (a taken id)', async () => {
    const w = await world();
    w.surveys.stored.set('skoler', { ...definition, processId: 'skoler', createdAt: NOW, updatedAt: NOW });
    await expect(cloneProcessWithSurvey(w.deps, w.admin, 'skoler', { ...w.input, id: 'skoler' }, w.clock.now())).rejects.toMatchObject({ status: 409 });
    expect([...w.surveys.stored.keys()]).toEqual(['skoler']);
  });
});
