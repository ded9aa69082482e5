import { randomUUID } from 'node:crypto';
import type { ReminderResult } from '#functions/handlers/event-reminders';
import { startJobTimer, type JobTimer } from './job-timer';

/**
 * The events' reminder job on the local stack: the same handler EventBridge Scheduler calls every
 * hour in AWS, called at start and then on a timer (`npm start`), or once by `npm run reminders`. The
 * handler reads its table from the environment, as in Lambda, so it is imported only once that is set.
 */
export async function runReminders(): Promise<ReminderResult> {
  const { handler } = await import('../../functions/src/handlers/event-reminders.ts');
  return handler({ id: randomUUID(), source: 'deltag.local', 'detail-type': 'Scheduled Event', time: new Date().toISOString() });
}

/** One line per event reminded, for the console (ids and counts; the addresses stay in the outbox). */
export function describeReminders(result: ReminderResult): string[] {
  if (result.reminded.length === 0) return [];
  return result.reminded.map(
    (r) => `reminders: "${r.processId}" / "${r.eventId}": ${r.sent} mailed${r.failed.length ? `, ${r.failed.length} not sent` : ''}`,
  );
}

/** Runs the job now and then every `everyMs` (npm start: hourly, as in AWS). */
export function startReminderTimer(everyMs: number, log: (message: string) => void, job: () => Promise<ReminderResult> = runReminders): JobTimer {
  return startJobTimer('reminders', everyMs, log, job, describeReminders);
}
