import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ideaStore } from '#functions/adapters/dynamodb/ideas';
import { processStore } from '#functions/adapters/dynamodb/processes';
import type { ProcessStore } from '#functions/domain/ports';
import { DEMO_DAYS, DEMO_PARTICIPANTS, demoPlan } from './demo-data';
import { runDemoPlan } from './seed-demo';
import { FIRST_PROCESS_ID, firstProcess } from './seed-process';
import type { Pool } from './users';

export { DEMO_PASSWORD } from './seed-demo';

/**
 * Seeds the first process when there is none yet; `startedDaysAgo` backdates it (the demo's process
 * has been open for weeks). Returns whether it did.
 */
export async function seedFirstProcess(stores: { processes: ProcessStore }, now = new Date(), startedDaysAgo = 0): Promise<boolean> {
  if ((await stores.processes.list()).length > 0) return false;
  await stores.processes.put(firstProcess(now, startedDaysAgo));
  return true;
}

export interface SeedOptions {
  kind: 'process' | 'demo';
  /** Generated demo participants besides the eight named ones (tests may ask for fewer). */
  participants?: number;
  now?: Date;
  log?: (message: string) => void;
}

/**
 * What `npm start` seeds into an empty data folder: the first process, and with `--demo` a process
 * in full swing (demo-data.ts). Runs once per data folder: a folder with the process keeps it, and
 * the demo is added only while the process has no ideas (its plan starts on the process's first day).
 */
export async function seedLocalStack(client: DynamoDBDocumentClient, table: string, pool: Pool, options: SeedOptions): Promise<void> {
  const log = options.log ?? (() => undefined);
  const now = options.now ?? new Date();
  const processes = processStore(client, table);
  const demo = options.kind === 'demo';
  if (await seedFirstProcess({ processes }, now, demo ? DEMO_DAYS : 0)) log('seeded the process "AI i Gentofte Kommune"');
  if (!demo) return;

  const existing = await ideaStore(client, table).listPublic({ processId: FIRST_PROCESS_ID, sort: 'new', limit: 1 });
  if (existing.items.length > 0) return;
  const process = await processes.get(FIRST_PROCESS_ID);
  if (Date.parse(process!.phases[0]!.startsAt) > now.getTime() - DEMO_DAYS * 24 * 60 * 60 * 1000) {
    throw new Error('This data folder holds a process that opened after the demo would begin: start the demo on an empty data folder (DELTAG_DATA_DIR, or delete .data/).');
  }
  const started = Date.now();
  await runDemoPlan(client, table, pool, demoPlan(now, options.participants ?? DEMO_PARTICIPANTS), log);
  log(`seeded the demo in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
