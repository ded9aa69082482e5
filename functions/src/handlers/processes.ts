// (primary adapter) --> domain/processes --> adapters/dynamodb
import { getProcess, listProcesses, processChanges } from '../domain/processes';
import { areaHandler } from '../lib/http';
import { processRoutes } from '#shared/api/areas/processes.routes';
import { moderationStore } from '../adapters/dynamodb/moderation';
import { freshProcesses, onTable } from './table-stores';

// Uncached: these pages show an admin's change at once (participation's hot path keeps its cache).
const processes = freshProcesses();
const moderation = onTable(moderationStore);

export const handler = areaHandler(processRoutes, {
  listProcesses: async () => ({ items: await listProcesses(processes) }),
  getProcess: async ({ params }) => getProcess(processes, params.processId),
  processChanges: async ({ params }) => ({ items: await processChanges({ processes, moderation }, params.processId) }),
});
