import type { ProcessStore } from '#functions/domain/ports';
import { copy, copyOrUndefined, type FakeTables } from './tables';

/**
 * Processes as `adapters/dynamodb/processes.ts` keeps them: an admin's creation only if the id is free
 * (with a clone's survey) and a change only if `updatedAt` is as expected, each with its audit entry or not at all.
 */
export function fakeProcessStore(tables: FakeTables): ProcessStore {
  return {
    list: async () => [...tables.processes.values()].map(copy),
    get: async (processId) => copyOrUndefined(tables.processes.get(processId)),
    put: async (process) => void tables.processes.set(process.id, copy(process)),

    async create(process, audit, survey) {
      if (tables.processes.has(process.id)) return 'exists';
      if (tables.audit.has(audit.id) || (survey && tables.audit.has(survey.audit.id))) throw new Error(`audit entry exists`);
      if (survey && tables.surveys.has(survey.survey.processId)) throw new Error(`survey of ${survey.survey.processId} exists`);
      tables.processes.set(process.id, copy(process));
      tables.audit.set(audit.id, copy(audit));
      if (survey) {
        tables.surveys.set(survey.survey.processId, copy(survey.survey));
        tables.audit.set(survey.audit.id, copy(survey.audit));
      }
      return 'created';
    },

    async update(process, expectedUpdatedAt, audit) {
      const stored = tables.processes.get(process.id);
      if (!stored || stored.updatedAt !== expectedUpdatedAt) return 'stale';
      if (tables.audit.has(audit.id)) throw new Error(`audit entry ${audit.id} exists`);
      // What no admin sets stays as stored, whatever the caller passed.
      const { createdAt, personalDataErasedAt } = stored;
      const { archivedAt: _archivedAt, personalDataErasedAt: _erased, ...decided } = copy(process);
      tables.processes.set(process.id, {
        ...decided,
        ...(process.archivedAt !== undefined ? { archivedAt: process.archivedAt } : {}),
        ...(personalDataErasedAt !== undefined ? { personalDataErasedAt } : {}),
        createdAt,
      });
      tables.audit.set(audit.id, copy(audit));
      return 'updated';
    },
  };
}
