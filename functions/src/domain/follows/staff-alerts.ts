import { createHash } from 'node:crypto';
import { DEFAULT_QUEUE_ALERT_HOURS, DEFAULT_REMIND_DAYS_BEFORE } from '#shared/rules/follow';
import { localDate } from '../../lib/copenhagen-time';
import type { MailSettingsStore, ModerationStore, ProcessStore, UserDirectory } from '../ports';
import { recentlyHeld } from './held-alerts';
import { mailSlot, type DigestStore, type MailMessage, type ReminderIdea } from './digest-ports';

/**
 * The staff's mails (issue 16), planned with the digests every hour:
 * - a moderator is alerted when a process's pending or flagged queue has an item older than the
 *   process's `followUp.queueAlertHours`: at most once a day per process (the mail record's period);
 * - the committee is reminded of ideas whose answer deadline falls within `remindDaysBefore` days and
 *   that have no official answer yet: once per idea and deadline (a conditional put marks it, so
 *   overlapping runs remind once; a moved deadline is reminded again).
 * - a moderator is alerted when flags hold an idea or a comment, once per hold (held-alerts.ts);
 * Staff who turned alerts off (Min side or the mail's link) get neither.
 */
export interface StaffDeps {
  processes: Pick<ProcessStore, 'list'>;
  moderation: Pick<ModerationStore, 'queue' | 'queueCounts' | 'flagsOn'>;
  directory: Pick<UserDirectory, 'membersOf'>;
  settings: Pick<MailSettingsStore, 'get'>;
  digests: DigestStore;
}

const DAY_MS = 86_400_000;

export async function staffAlerts(deps: StaffDeps, now: Date): Promise<MailMessage[]> {
  const today = localDate(now);
  const members = memo((role: string) => deps.directory.membersOf(role));
  const alertsOn = memo(async (userId: string) => (await deps.settings.get(userId)).alerts);
  const messages: MailMessage[] = [];
  const toStaff = async (role: string, make: (userId: string) => MailMessage) => {
    for (const { userId } of await members(role)) {
      if (!(await alertsOn(userId))) continue;
      const message = make(userId);
      const slot = mailSlot(message);
      if (!(await deps.digests.mailed(userId, slot.kind, slot.period))) messages.push(message);
    }
  };

  for (const process of await deps.processes.list()) {
    if (process.archivedAt) continue;
    const followUp = process.settings.followUp;

    const hours = followUp?.queueAlertHours ?? DEFAULT_QUEUE_ALERT_HOURS;
    const oldest = (
      await Promise.all((['pending', 'flagged'] as const).map(async (kind) => (await deps.moderation.queue(process.id, kind, 1)).items[0]?.queuedAt))
    )
      .filter((at): at is string => !!at)
      .sort()[0];
    if (oldest && now.getTime() - Date.parse(oldest) > hours * 3_600_000) {
      const { pending, flagged } = await deps.moderation.queueCounts(process.id);
      await toStaff('moderator', (userId) => ({ kind: 'queue-alert', userId, period: today, processId: process.id, pending, flagged, oldestAt: oldest }));
    }
    for (const item of await recentlyHeld(deps.moderation, process.id, now)) {
      await toStaff('moderator', (userId) => ({ kind: 'held-alert', userId, period: `${item.id}#${item.queuedAt}`, processId: process.id, item }));
    }

    const days = followUp?.remindDaysBefore ?? DEFAULT_REMIND_DAYS_BEFORE;
    const due = await deps.digests.deadlinesBetween(process.id, today, localDate(new Date(now.getTime() + days * DAY_MS)));
    const ideas: ReminderIdea[] = [];
    for (const idea of due) if (await deps.digests.remind(process.id, idea.id, idea.answerDeadline, now)) ideas.push(idea);
    if (ideas.length > 0) {
      // The ideas this run marked, named in the period: a later run's newly marked ideas are another mail.
      const hash = createHash('sha256').update(ideas.map((i) => `${i.id}#${i.answerDeadline}`).join(',')).digest('hex').slice(0, 16);
      await toStaff('committee', (userId) => ({ kind: 'deadline-reminder', userId, period: `${today}#${hash}`, processId: process.id, ideas }));
    }
  }
  return messages;
}

function memo<T>(load: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const seen = new Map<string, Promise<T>>();
  return (key) => {
    if (!seen.has(key)) seen.set(key, load(key));
    return seen.get(key)!;
  };
}
