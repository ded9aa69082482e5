// handler --> (use case) --> ProcessStore
import type { Process } from '#shared/schemas/process';
import { NotFoundError } from '../lib/errors';
import type { ProcessStore } from './ports';

export async function listProcesses(processes: ProcessStore): Promise<Process[]> {
  return processes.list();
}

export async function getProcess(processes: ProcessStore, processId: string): Promise<Process> {
  const process = await processes.get(processId);
  if (!process) throw new NotFoundError('Forløbet findes ikke.');
  return process;
}

/** When the process began: the start of its first phase (t0 for trending weights). */
export const processStart = (process: Process) => new Date(process.phases[0]!.startsAt);
