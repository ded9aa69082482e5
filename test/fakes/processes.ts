import type { ProcessStore } from '#functions/domain/ports';
import { copy, copyOrUndefined, type FakeTables } from './tables';

export function fakeProcessStore(tables: FakeTables): ProcessStore {
  return {
    list: async () => [...tables.processes.values()].map(copy),
    get: async (processId) => copyOrUndefined(tables.processes.get(processId)),
    put: async (process) => void tables.processes.set(process.id, copy(process)),
  };
}
