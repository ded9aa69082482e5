// handler (hourly schedule) --> (use case) --> ProcessStore, EventStore, SignupStore, Notifier
import { reminderDue } from '#shared/rules/events';
import type { Notifier, ProcessStore } from '../ports';
import type { EventRecord, EventStore, SignupRecord, SignupStore } from './ports';
import { reminderMail } from './reminder-mail';

export interface ReminderDeps {
  processes: Pick<ProcessStore, 'list'>;
  events: Pick<EventStore, 'events' | 'markReminderSent'>;
  signups: Pick<SignupStore, 'list'>;
  notifier: Notifier;
  siteUrl: () => Promise<string>;
}

/** What one run did for one event. */
export interface ReminderReport {
  processId: string;
  eventId: string;
  /** Mails handed to the mail service. */
  sent: number;
  /** Seat holders without an address, or whose mail failed (logged by the caller; not tried again). */
  failed: { signupId: string; reason: string }[];
}

/** Sign-ups read per page. */
const PAGE = 200;

/**
 * The reminder mail the day before an event (issue 14). Primary course, every hour:
 * 1. Read every process's events and keep those `reminderDue` (starting within 24 hours, not cancelled,
 *    not reminded yet) that are published: an event taken off the site is not announced by mail.
 * 2. Read the site's address first: without it no link can be built, and nothing is marked.
 * 3. Mark the event reminded (a conditional write): a run that finds it marked already (the job
 *    overlapping itself) leaves it. The mark comes before the mails, so a person gets at most one
 *    reminder; a run cut short between mark and mails loses some, which a second mail would not mend.
 * 4. Mail every seat holder (the waiting list gets none: they have no seat to come to). A failed mail
 *    is reported, not retried, and does not stop the others.
 */
export async function sendDueReminders(deps: ReminderDeps, now: Date): Promise<ReminderReport[]> {
  const due: EventRecord[] = [];
  for (const process of await deps.processes.list()) {
    for (const event of await deps.events.events(process.id)) if (event.published && reminderDue(event, now)) due.push(event);
  }
  if (due.length === 0) return [];
  const siteUrl = await deps.siteUrl();
  const reports: ReminderReport[] = [];
  for (const event of due) {
    if (!(await deps.events.markReminderSent(event.processId, event.id, now.toISOString()))) continue;
    reports.push(await remind(deps, event, siteUrl));
  }
  return reports;
}

async function remind(deps: ReminderDeps, event: EventRecord, siteUrl: string): Promise<ReminderReport> {
  const report: ReminderReport = { processId: event.processId, eventId: event.id, sent: 0, failed: [] };
  let cursor: string | undefined;
  do {
    const page = await deps.signups.list(event.processId, event.id, { state: 'seat', limit: PAGE, ...(cursor ? { cursor } : {}) });
    for (const signup of page.items) await mailOne(deps, event, signup, siteUrl, report);
    cursor = page.nextCursor;
  } while (cursor);
  return report;
}

async function mailOne(deps: ReminderDeps, event: EventRecord, signup: SignupRecord, siteUrl: string, report: ReminderReport): Promise<void> {
  if (signup.state !== 'seat') return;
  if (!signup.email) {
    report.failed.push({ signupId: signup.id, reason: 'no e-mail address' });
    return;
  }
  try {
    await deps.notifier.send({ to: signup.email, ...reminderMail(event, signup, siteUrl) });
    report.sent++;
  } catch (error) {
    report.failed.push({ signupId: signup.id, reason: error instanceof Error ? error.message : String(error) });
  }
}
