import { describe, expect, it } from 'vitest';
import { HELD_ALERT_WINDOW_MS, recentlyHeld } from '#functions/domain/follows/held-alerts';
import type { FlagRecord, IdeaRecord, QueueEntry } from '#functions/domain/ports';

/** Which holds the digest run alerts the moderators about: those of the last day, with their reasons counted. */
const now = new Date('2027-03-03T09:00:00.000Z');
const entry = (id: string, msAgo: number): QueueEntry => ({
  kind: 'idea',
  idea: { id, title: `Idé ${id}`, processId: 'p' } as IdeaRecord,
  queuedAt: new Date(now.getTime() - msAgo).toISOString(),
});
const flag = (reason: FlagRecord['reason'], newAccount?: boolean) => ({ reason, ...(newAccount ? { newAccount } : {}) }) as FlagRecord;

function moderation(entries: QueueEntry[], pageSize = 2) {
  return {
    async queue(_p: string, _k: 'pending' | 'flagged', _limit: number, cursor?: string) {
      const start = Number(cursor ?? 0);
      const next = start + pageSize;
      return { items: entries.slice(start, next), nextCursor: next < entries.length ? String(next) : null };
    },
    async flagsOn() {
      return [flag('spam'), flag('spam'), flag('offensive', true)];
    },
  };
}

describe('recentlyHeld', () => {
  it('names the holds of the last day across pages, with every flag reason counted, and leaves older holds to the queue alert', async () => {
    const held = await recentlyHeld(moderation([entry('old', HELD_ALERT_WINDOW_MS + 1), entry('a', 60_000), entry('b', 3_600_000)]), 'p', now);
    expect(held.map((h) => h.id)).toEqual(['a', 'b']);
    expect(held[0]).toMatchObject({ kind: 'idea', ideaId: 'a', title: 'Idé a', reasons: { spam: 2, offensive: 1 } });
  });
});
