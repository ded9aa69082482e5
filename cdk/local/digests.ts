import { randomUUID } from 'node:crypto';
import type { RunReport } from '#functions/domain/follows/digest-run';
import { startJobTimer, type JobTimer } from './job-timer';

/**
 * The digests and staff alerts on the local stack: the same planner EventBridge Scheduler calls every
 * hour in AWS, without a queue (no QUEUE_URL), so each planned mail goes straight to the sender and
 * becomes an .eml in the outbox. Called at start and then on a timer (`npm start`), or once by
 * `npm run digests`. The handler reads its table from the environment, so it is imported only once that is set.
 */
export async function runDigests(): Promise<RunReport> {
  const { handler } = await import('../../functions/src/handlers/digests.ts');
  return handler({ id: randomUUID(), source: 'deltag.local', 'detail-type': 'Scheduled Event', time: new Date().toISOString() });
}

/** One line per mail (kind, user id, period, outcome; the addresses stay in the outbox). */
export function describeDigests(report: RunReport): string[] {
  const lines = report.fanned.map((f) => `digests: "${f.processId}": ${f.events} events to ${f.delivered} inboxes`);
  if (report.emptied) lines.push(`digests: ${report.emptied} who chose no digests had their news dropped`);
  for (const s of report.sent ?? []) {
    lines.push(`digests: ${s.message.kind} to ${s.message.userId} (${s.message.period}): ${s.outcome}${s.error ? ` (${s.error})` : ''}`);
  }
  return lines;
}

/** Runs the job now and then every `everyMs` (npm start: every 10 minutes, so a demo sees its digest soon). */
export function startDigestTimer(everyMs: number, log: (message: string) => void, job: () => Promise<RunReport> = runDigests): JobTimer {
  return startJobTimer('digests', everyMs, log, job, describeDigests);
}
