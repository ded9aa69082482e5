import type { FlagReason } from '#shared/rules/values';
import type { ModerationStore } from '../ports';
import type { HeldItem } from './digest-ports';

/**
 * Flags cannot freeze an idea (issue 17), and the moderators hear at once when flags hold an idea or
 * a comment: at the next digest run (hourly in AWS, every 10 minutes on the local stack), one mail
 * per moderator with alerts on and per hold, without waiting for the flagged queue's
 * `queueAlertHours` alert.
 *
 * Why the planner and not a mail from the flag request: the run already knows the moderators, their
 * own mail settings (alerts off: none), the unsubscribe link and the once-only mail record, and its
 * sender retries through SQS; the flag request would need the directory, SES and the signing key, and
 * a slow or failing SES would slow or fail a citizen's flag. The hold itself is the record: the mail
 * record's period is the item and the moment it was held, so a fourth flag (still the same hold) sends
 * nothing, and a restore followed by new flags (a new hold) alerts again.
 */

/** Holds older than this are left to the queue alert (a first run after a long pause does not mail the whole queue). */
export const HELD_ALERT_WINDOW_MS = 24 * 3_600_000;
/** The flagged queue read per process and run, oldest first: bounded, and far above a real queue. */
const PAGE = 50;
const MAX_PAGES = 4;
const TITLE_MAX = 200;

export async function recentlyHeld(moderation: Pick<ModerationStore, 'queue' | 'flagsOn'>, processId: string, now: Date): Promise<HeldItem[]> {
  const since = now.getTime() - HELD_ALERT_WINDOW_MS;
  const held: HeldItem[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const { items, nextCursor } = await moderation.queue(processId, 'flagged', PAGE, cursor);
    for (const entry of items) {
      if (Date.parse(entry.queuedAt) <= since) continue;
      const target = entry.idea ?? entry.comment;
      if (!target) continue;
      const ideaId = entry.idea?.id ?? entry.comment!.ideaId;
      const reasons: Partial<Record<FlagReason, number>> = {};
      for (const f of await moderation.flagsOn(ideaId, entry.comment?.id, target.flagsResetAt)) reasons[f.reason] = (reasons[f.reason] ?? 0) + 1;
      const title = entry.idea ? entry.idea.title : (entry.comment!.body ?? '').slice(0, TITLE_MAX);
      held.push({ kind: entry.kind, id: target.id, ideaId, title, reasons, queuedAt: entry.queuedAt });
    }
    if (!nextCursor) break;
    cursor = nextCursor;
  }
  return held;
}
