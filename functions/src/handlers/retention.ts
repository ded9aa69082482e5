// (primary adapter: the daily schedule) --> domain/retention --> adapters/dynamodb
import type { Context, ScheduledEvent } from 'aws-lambda';
import { ulid } from 'ulid';
import { retentionStore } from '../adapters/dynamodb/retention';
import { userDataStore } from '../adapters/dynamodb/user-data';
import { cachedProcesses, onTable } from './table-stores';
import { documentClient, tableName } from '../adapters/dynamodb/client';
import { consultationReads, roundPeople } from '../adapters/dynamodb/consultation-documents';
import { responseStore } from '../adapters/dynamodb/consultation-responses';
import { signupStore } from '../adapters/dynamodb/event-signups';
import { eventStore } from '../adapters/dynamodb/events';
import { liveRoundStore } from '../adapters/dynamodb/live-rounds';
import { mainTable } from '../adapters/dynamodb/tables';
import { responseRetention } from '../domain/consultation/response-retention';
import { eventRetention } from '../domain/events/event-retention';
import { eraseExpiredProcesses, type ErasureReport } from '../domain/retention';
import { createLogger } from '../lib/log';

/**
 * The retention job, not an HTTP route: EventBridge Scheduler calls it once a day (cdk/constructs/
 * retention-job.ts); on the local stack a timer and `npm run retention` call it the same way.
 */
const processes = cachedProcesses();
const retention = onTable(retentionStore);
const userData = onTable(userDataStore);
const client = documentClient();
const table = tableName(mainTable);
const deps = {
  processes,
  retention,
  userData,
  consultation: roundPeople(client, table),
  consultationResponses: responseRetention(consultationReads(client, table), responseStore(client, table)),
  events: eventRetention({ events: eventStore(client, table), signups: signupStore(client, table), liveRounds: liveRoundStore(client, table) }),
  assisted: retention,
  newId: (now: Date) => ulid(now.getTime()),
};

/** What a run erased; a run in which a process failed throws instead, after erasing the others. */
export interface RetentionResult {
  erased: ErasureReport[];
}

export async function handler(event?: Partial<ScheduledEvent>, context?: Partial<Context>): Promise<RetentionResult> {
  const log = createLogger({ job: 'retention', correlationId: context?.awsRequestId ?? event?.id ?? crypto.randomUUID() });
  const run = await eraseExpiredProcesses(deps, new Date());
  for (const report of run.erased) log.info('personal data erased', { ...report });
  for (const { processId, error } of run.failed) log.error('erasure failed; the next run tries again', { processId, error: describe(error) });
  if (run.failed.length > 0) {
    // A failed invocation shows in the function's Errors metric, where an alarm can see it.
    throw new Error(`retention: erasure failed for ${run.failed.map((f) => f.processId).join(', ')}`);
  }
  if (run.erased.length === 0) log.info('no process past its retention date');
  return { erased: run.erased };
}

const describe = (error: unknown) =>
  error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : { value: String(error) };
