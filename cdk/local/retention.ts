import { randomUUID } from 'node:crypto';
import type { RetentionResult } from '#functions/handlers/retention';
import { startJobTimer, type JobTimer } from './job-timer';

/**
 * The retention job on the local stack: the same handler EventBridge Scheduler calls in AWS, called
 * once at start and then on a timer (`npm start`), or once by `npm run retention`. The handler reads
 * its table from the environment, as in Lambda, so it is imported only once that is set.
 */
export async function runRetention(): Promise<RetentionResult> {
  const { handler } = await import('../../functions/src/handlers/retention.ts');
  // What a scheduled event carries that the handler reads: an id for the log's correlation id.
  return handler({ id: randomUUID(), source: 'deltag.local', 'detail-type': 'Scheduled Event', time: new Date().toISOString() });
}

/** One line per process erased, for the console. */
export function describeRun(result: RetentionResult): string[] {
  if (result.erased.length === 0) return ['retention: no process past its retention date'];
  return result.erased.map(
    (r) =>
      `retention: erased the personal data in "${r.processId}": made anonymous: ideas ${r.ideas}, comments ${r.comments}; ` +
      `deleted: votes ${r.votes}, flags ${r.flags}, vote tallies ${r.tallies}` +
      `${r.signups ? `, event sign-ups ${r.signups}` : ''}${r.liveMarkers ? `, live answer markers ${r.liveMarkers}` : ''}${r.assistedPersons ? `, assisted citizens ${r.assistedPersons}` : ''}; ` +
      `audit entries that named a participant: ${r.auditEntries}`,
  );
}

export type RetentionTimer = JobTimer;

/** Runs the job now and then every `everyMs`, one run at a time; a failed run is logged and tried again next time. */
export function startRetentionTimer(everyMs: number, log: (message: string) => void, job: () => Promise<RetentionResult> = runRetention): RetentionTimer {
  return startJobTimer('retention', everyMs, log, job, describeRun);
}
