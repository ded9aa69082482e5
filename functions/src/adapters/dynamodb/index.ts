import type { ProcessStore } from '../../domain/ports';
import { documentClient, tableName } from './client';
import { commentStore } from './comments';
import { exportStore } from './export';
import { flagStore } from './flags';
import { ideaStore } from './ideas';
import { moderationStore } from './moderation';
import { processStore } from './processes';
import { profileStore } from './profiles';
import { retentionStore } from './retention';
import { searchDocStore } from './search-docs';
import { mainTable } from './tables';
import { userDataStore } from './user-data';
import { voteStore } from './votes';

/** The DynamoDB adapters of every port, on the function's one client. Built once per cold start. */
export function stores() {
  const client = documentClient();
  const table = tableName(mainTable);
  return {
    processes: cached(processStore(client, table)),
    /** Read at every call: for the admin's changes (checked against what is stored) and the process pages, which show a change at once. */
    freshProcesses: processStore(client, table),
    ideas: ideaStore(client, table),
    profiles: profileStore(client, table),
    votes: voteStore(client, table),
    comments: commentStore(client, table),
    flags: flagStore(client, table),
    userData: userDataStore(client, table),
    moderation: moderationStore(client, table),
    exports: exportStore(client, table),
    retention: retentionStore(client, table),
    /** Search documents and their change log (issue 18): the projector writes, the search cache reads. */
    searchDocs: searchDocStore(client, table),
  };
}

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
