import { encodeTime } from 'ulid';
import { digestPeriod } from '#shared/rules/follow';
import { localDate } from '../../lib/copenhagen-time';
import type { FollowEventLog, Followers, MailSettingsStore, ProcessStore } from '../ports';
import type { DigestStore, MailMessage } from './digest-ports';

/**
 * The digest run's planning half (issue 16), scheduled hourly. First it fans each process's new follow
 * events out to the followers' inboxes, then it names the users whose digest is due.
 *
 * Fan-out is safe to repeat: an inbox item's key is the user and the event, so a run that crashes
 * before moving the cursor only puts the same items again. Events of the last minute are left for the
 * next run, since a ULID made just now on another Lambda may still be written behind the cursor.
 */
export const SETTLE_MS = 60_000;

export interface PlanDeps {
  processes: Pick<ProcessStore, 'list'>;
  events: Pick<FollowEventLog, 'between'>;
  followers: Followers;
  settings: Pick<MailSettingsStore, 'get'>;
  digests: DigestStore;
  /** How long events settle before they are read (default SETTLE_MS; 0 for a run started by hand). */
  settleMs?: number;
}

export interface FanOutReport {
  processId: string;
  events: number;
  delivered: number;
}

/** The highest ULID of the millisecond `at`: "up to and including that moment". */
export const ulidUntil = (at: Date) => `${encodeTime(at.getTime(), 10)}${'Z'.repeat(16)}`;

export async function fanOut(deps: PlanDeps, now: Date): Promise<FanOutReport[]> {
  const until = ulidUntil(new Date(now.getTime() - (deps.settleMs ?? SETTLE_MS)));
  const reports: FanOutReport[] = [];
  for (const process of await deps.processes.list()) {
    const after = await deps.digests.cursor(process.id);
    // A clock behind the cursor (skew between runs) has nothing new to read.
    if (after && after >= until) continue;
    const events = await deps.events.between(process.id, after, until);
    if (events.length === 0) continue;
    let delivered = 0;
    for (const event of events) {
      const recipients = event.toUserId ? [event.toUserId] : await deps.followers.of(event.target, event.targetId);
      // Nobody is told about their own act.
      for (const userId of new Set(recipients)) {
        if (userId === event.actorId) continue;
        await deps.digests.deliver(userId, event);
        delivered++;
      }
    }
    await deps.digests.setCursor(process.id, events[events.length - 1]!.id);
    reports.push({ processId: process.id, events: events.length, delivered });
  }
  return reports;
}

/**
 * One digest message per user whose inbox has items and whose period (their frequency's day or week,
 * in Danish time) has no digest yet. A user who chose `never` has the inbox emptied: nothing piles up
 * to be sent the day they change their mind.
 */
export async function dueDigests(deps: PlanDeps, now: Date): Promise<{ messages: MailMessage[]; emptied: number }> {
  const day = localDate(now);
  const messages: MailMessage[] = [];
  let emptied = 0;
  for (const userId of await deps.digests.dueUsers()) {
    const { digest } = await deps.settings.get(userId);
    if (digest === 'never') {
      await deps.digests.clearInbox(userId, (await deps.digests.inbox(userId)).map((e) => e.id));
      emptied++;
      continue;
    }
    const period = digestPeriod(digest, day);
    if (await deps.digests.mailed(userId, 'digest', period)) continue;
    messages.push({ kind: 'digest', userId, period });
  }
  return { messages, emptied };
}
