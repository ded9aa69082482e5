import { describe, expect, it } from 'vitest';
import { keys, VOTE_BUCKETS, voteBucketOf } from '#functions/adapters/dynamodb/keys';

describe('vote buckets (issue 19: a viral idea\'s votes spread over partitions)', () => {
  it('puts a vote in one of the idea\'s buckets, the same one every time, apart from the idea item\'s partition', () => {
    const key = keys.vote('01IDEA', 'user-7');
    expect(keys.votePartitions('01IDEA')).toContain(key.pk);
    expect(key).toEqual(keys.vote('01IDEA', 'user-7'));
    expect(key.pk).not.toBe(keys.idea('01IDEA').pk);
    expect(key.sk).toBe('VOTE#user-7');
    expect(new Set(keys.votePartitions('01IDEA')).size).toBe(VOTE_BUCKETS);
  });

  it('spreads 30,000 voters evenly enough that no bucket takes a sixth more than its share', () => {
    // 1,000 votes/s x 2 WCU / 16 = 125 WCU/s a bucket; +17 % is still far below a partition's 1,000.
    const counts = new Array<number>(VOTE_BUCKETS).fill(0);
    for (let i = 0; i < 30_000; i++) counts[voteBucketOf(`bench-voter-${i}`)]!++;
    const share = 30_000 / VOTE_BUCKETS;
    expect(Math.max(...counts)).toBeLessThan(share * 1.17);
    expect(Math.min(...counts)).toBeGreaterThan(share * 0.83);
    // Cognito's ids are UUIDs: the same holds for them.
    const uuids = new Array<number>(VOTE_BUCKETS).fill(0);
    for (let i = 0; i < 30_000; i++) uuids[voteBucketOf(`${(i * 2654435761 >>> 0).toString(16).padStart(8, '0')}-4a1b-8c2d-9e3f-${String(i).padStart(12, '0')}`)]!++;
    expect(Math.max(...uuids)).toBeLessThan(share * 1.17);
  });

  it('keeps the bucket of a user id fixed across versions (moving votes would be needed otherwise)', () => {
    expect(['a', 'user-1', 'assisted-p1', '3f2a9c1e-0000-4000-8000-000000000001'].map(voteBucketOf)).toMatchInlineSnapshot(`
      [
        12,
        4,
        9,
        4,
      ]
    `);
  });
});
