// (primary adapter: the hourly schedule) --> domain/follows/digest-run --> adapters/dynamodb, adapters/sqs (or adapters/ses locally)
import type { Context, ScheduledEvent } from 'aws-lambda';
import { mailQueue } from '../adapters/sqs/queue';
import { runMail, type RunReport } from '../domain/follows/digest-run';
import { createLogger } from '../lib/log';
import { runDeps, sendDeps } from './digest-wiring';

/**
 * The digest and alert planner, not an HTTP route: EventBridge Scheduler calls it every hour
 * (cdk/constructs/digest-job.ts) and it puts one message per mail on the queue (QUEUE_URL) for
 * digest-sender.ts. The local stack has no queue: its timer and `npm run digests` call this handler
 * without QUEUE_URL, and each message goes straight to the same sending use case.
 */
const queueUrl = process.env.QUEUE_URL;
const delivery = queueUrl ? { queue: mailQueue(queueUrl) } : { sender: sendDeps };
// The minute's settle guards against a Lambda still writing an event while the scheduled run reads.
// Locally a run is "send now" (`npm run digests`, a demo, a test): what it should tell was written before it started.
const deps = queueUrl ? runDeps : { ...runDeps, settleMs: 0 };

export async function handler(event?: Partial<ScheduledEvent>, context?: Partial<Context>): Promise<RunReport> {
  const log = createLogger({ job: 'digests', correlationId: context?.awsRequestId ?? event?.id ?? crypto.randomUUID() });
  const report = await runMail(deps, delivery, new Date());
  for (const f of report.fanned) log.info('follow events fanned out', { ...f });
  // Ids and kinds only: the addresses stay out of the log.
  log.info('mails planned', { planned: report.planned.length, emptied: report.emptied, queued: queueUrl ? report.planned.length : 0 });
  for (const s of report.sent ?? []) {
    const fields = { kind: s.message.kind, userId: s.message.userId, period: s.message.period, outcome: s.outcome };
    if (s.outcome === 'failed') log.error('mail not sent, tried again at the next run', { ...fields, reason: s.error });
    else log.info('mail handled', fields);
  }
  return report;
}
