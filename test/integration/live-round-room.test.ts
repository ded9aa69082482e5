import { afterAll, beforeAll, expect, it } from 'vitest';
import { liveCalls, liveEvent, resultOf, room } from '../helpers/live-rounds';
import type { User } from '../helpers/participation';
import { testStack, type TestStack } from '../helpers/stack';

/**
 * The bar for the room: 300 answers within a minute without errors (100 phones answering
 * three questions, 25 requests at a time, all from one address as behind a venue's Wi-Fi), and the
 * results exactly what was sent. Runs in the `alone` project: beside another file's stack on two
 * cores, the minute would measure the other file.
 */

let stack: TestStack;
let moderator: User;

beforeAll(async () => {
  stack = await testStack();
  const [admin, mod] = await Promise.all([stack.user({ role: 'admin' }), stack.user({ role: 'moderator' })]);
  moderator = mod!;
  await liveEvent(stack, 'temadag-rummet', admin!);
}, 120_000);
afterAll(async () => stack?.stop());

it('takes 300 answers from 100 phones within a minute, every one counted', async () => {
  const live = liveCalls(stack, 'temadag-rummet');
  const round = await live.open(moderator);
  const started = Date.now();
  const { statuses, sent, expectedWords, options } = await room(live.answer, round.code!, 100, 25);
  const elapsed = Date.now() - started;
  expect(statuses.filter((s) => s !== 201)).toEqual([]);
  expect(statuses).toHaveLength(300);
  expect(elapsed).toBeLessThan(60_000);

  const rs = await live.results(round, moderator);
  expect(resultOf(rs, 'brug')).toEqual({ questionId: 'brug', count: 100, options: options.map((id) => ({ id, count: sent.brug[id] })) });
  expect(resultOf(rs, 'tillid')).toMatchObject({ count: 100, distribution: sent.tillid });
  expect(resultOf(rs, 'ord').count).toBe(100);
  expect(resultOf(rs, 'ord').words).toEqual(expectedWords);
}, 180_000);
