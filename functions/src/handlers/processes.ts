// (primary adapter) --> domain/processes --> adapters/dynamodb
import { getProcess, listProcesses, processChanges } from '../domain/processes';
import { areaHandler } from '../lib/http';
import { processRoutes } from '#shared/api/areas/processes.routes';
import { stores } from '../adapters/dynamodb';

// Uncached: these pages show an admin's change at once (participation's hot path keeps its cache).
const { freshProcesses: processes, moderation } = stores();

export const handler = areaHandler(processRoutes, {
  listProcesses: async () => ({ items: await listProcesses(processes) }),
  getProcess: async ({ params }) => getProcess(processes, params.processId),
  processChanges: async ({ params }) => ({ items: await processChanges({ processes, moderation }, params.processId) }),
});
