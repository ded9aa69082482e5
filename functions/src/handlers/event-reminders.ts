// (primary adapter: the hourly schedule) --> domain/events/reminders --> adapters/dynamodb, adapters/ses
import type { Context, ScheduledEvent } from 'aws-lambda';
import { cachedProcesses } from './table-stores';
import { documentClient, tableName } from '../adapters/dynamodb/client';
import { signupStore } from '../adapters/dynamodb/event-signups';
import { eventStore } from '../adapters/dynamodb/events';
import { mainTable } from '../adapters/dynamodb/tables';
import { notifier } from '../adapters/ses/notifier';
import { siteUrl } from '../adapters/ssm/site-url';
import { sendDueReminders, type ReminderReport } from '../domain/events/reminders';
import { createLogger } from '../lib/log';

/**
 * The events' reminder job, not an HTTP route: EventBridge Scheduler calls it every hour
 * (cdk/constructs/reminder-job.ts); on the local stack a timer and `npm run reminders` call it the same way.
 */
const processes = cachedProcesses();
const client = documentClient();
const table = tableName(mainTable);
const deps = { processes, events: eventStore(client, table), signups: signupStore(client, table), notifier: notifier(), siteUrl };

export interface ReminderResult {
  reminded: ReminderReport[];
}

export async function handler(event?: Partial<ScheduledEvent>, context?: Partial<Context>): Promise<ReminderResult> {
  const log = createLogger({ job: 'event-reminders', correlationId: context?.awsRequestId ?? event?.id ?? crypto.randomUUID() });
  const reminded = await sendDueReminders(deps, new Date());
  for (const { failed, ...report } of reminded) {
    log.info('event reminders sent', { ...report, failed: failed.length });
    // Ids only: the addresses stay out of the log.
    for (const f of failed) log.error('event reminder not sent', { ...report, signupId: f.signupId, reason: f.reason });
  }
  if (reminded.length === 0) log.info('no event starts within a day that is not reminded yet');
  return { reminded };
}
