import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { TransactHooks } from './transactions';
import { DEFAULT_SHARDS, shardIdea } from './vote-counter';

/**
 * When to shard an idea's counter (vote-counter.ts), as one container sees it:
 * - at once when DynamoDB throttles the idea item inside a vote's transaction (ThrottlingError /
 *   ProvisionedThroughputExceeded: the partition's 1,000 WCU/s is reached), or
 * - when this container alone has written more than HOT_VOTES votes on the idea's own counter within
 *   WINDOW_MS (100 a second, sustained for 5 s): far below the ~500/s one counter takes, so the switch
 *   comes before the limit, and other containers add their own share on top. (The vote races test,
 *   test/integration/participation-vote-races.test.ts, casts at most ~350 votes on one idea and reads the
 *   idea's count at once: it stays below this by design.)
 * A burst of transaction conflicts alone does not shard: 200 simultaneous votes conflict on the idea
 * item without nearing its capacity (the transaction's retries absorb them), and an unsharded idea's
 * count is exact on the item at once, which the rest of the app reads.
 * Bounded memory: at most MAX_TRACKED ideas are followed; the oldest window is forgotten first.
 */
const WINDOW_MS = 5000;
const HOT_VOTES = 500;
const MAX_TRACKED = 1000;
const THROTTLED = new Set(['ThrottlingError', 'ProvisionedThroughputExceeded']);

export function hotIdeas(client: DynamoDBDocumentClient, table: string, now = () => Date.now()) {
  const windows = new Map<string, { start: number; votes: number }>();
  const switching = new Map<string, Promise<unknown>>();

  const shard = (ideaId: string) => {
    if (!switching.has(ideaId)) {
      // Once per container and idea; a failed switch (e.g. the idea is gone) may be tried again later.
      const done = shardIdea(client, table, ideaId, DEFAULT_SHARDS).catch(() => switching.delete(ideaId));
      switching.set(ideaId, done);
    }
    return switching.get(ideaId)!;
  };

  return {
    /** Hooks for a vote's transaction on the idea's own counter (item 1). */
    hooks(ideaId: string): TransactHooks {
      return { onRetry: (codes) => void (THROTTLED.has(codes[1] ?? '') && shard(ideaId)) };
    },

    /** One vote written on the idea's own counter; shards the idea once this container sees it hot. */
    async counted(ideaId: string): Promise<void> {
      const t = now();
      let w = windows.get(ideaId);
      if (!w || t - w.start > WINDOW_MS) {
        windows.delete(ideaId);
        if (windows.size >= MAX_TRACKED) windows.delete(windows.keys().next().value!);
        w = { start: t, votes: 0 };
        windows.set(ideaId, w);
      }
      w.votes++;
      if (w.votes > HOT_VOTES) await shard(ideaId);
    },
  };
}
