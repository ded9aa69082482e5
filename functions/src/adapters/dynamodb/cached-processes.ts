import type { ProcessStore } from '../../domain/ports';

/**
 * Processes change rarely (an admin edits phases or settings) and are read on every vote, comment and
 * flag; a warm function keeps each for PROCESS_TTL_MS. A change reaches every function within that.
 */
const PROCESS_TTL_MS = 30_000;

export function cached(store: ProcessStore): ProcessStore {
  const entries = new Map<string, { at: number; value: Awaited<ReturnType<ProcessStore['get']>> }>();
  return {
    ...store,
    async get(processId) {
      const hit = entries.get(processId);
      if (hit && Date.now() - hit.at < PROCESS_TTL_MS) return hit.value;
      const value = await store.get(processId);
      entries.set(processId, { at: Date.now(), value });
      return value;
    },
  };
}
