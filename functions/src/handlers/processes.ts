// (primary adapter) --> domain/processes --> adapters/dynamodb
import { getProcess, listProcesses } from '../domain/processes';
import { areaHandler } from '../lib/http';
import { stores } from '../adapters/dynamodb';

const { processes } = stores();

export const handler = areaHandler({
  listProcesses: async () => ({ items: await listProcesses(processes) }),
  getProcess: async ({ params }) => getProcess(processes, params.processId),
});
