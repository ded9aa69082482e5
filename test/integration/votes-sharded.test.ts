import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { foldIdea, shardedCount, shardIdea, shardKey } from '#functions/adapters/dynamodb/vote-counter';
import { userDataStore } from '#functions/adapters/dynamodb/user-data';
import { voteStore } from '#functions/adapters/dynamodb/votes';
import { batchGet } from '#functions/adapters/dynamodb/batch';
import { myVotesSchema, voteStateSchema } from '#shared/schemas/vote';
import { eventually } from '../helpers/eventually';
import { expectProblem, ideaMaker, PROCESS, table, usersInBatches, type User } from '../helpers/participation';
import { testStack, type TestStack } from '../helpers/stack';

/**
 * The vote write path of issue 19 through the real stack: no read before the transaction (404/409 from
 * the idea the refusal returns), and a viral idea's sharded counter (adapters/dynamodb/vote-counter.ts)
 * folded back into its count by the table's stream (handlers/vote-fold.ts through the local poller).
 */
let stack: TestStack;
let db: ReturnType<typeof table>;
let newIdea: ReturnType<typeof ideaMaker>;
let voters: User[];

beforeAll(async () => {
  stack = await testStack();
  db = table(stack);
  newIdea = ideaMaker(stack);
  voters = await usersInBatches(stack, 45);
}, 180_000);
afterAll(() => stack?.stop());

const vote = (ideaId: string, user: User) => stack.api(`/ideas/${ideaId}/vote`, { method: 'PUT', token: user.token });
const unvote = (ideaId: string, user: User) => stack.api(`/ideas/${ideaId}/vote`, { method: 'DELETE', token: user.token });
const ok = (r: { status: number; json: unknown }) => {
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  return voteStateSchema.parse(r.json);
};
const setStatus = (ideaId: string, status: string) =>
  db.client.send(new UpdateCommand({ TableName: db.TableName, Key: { pk: `IDEA#${ideaId}`, sk: 'IDEA' }, UpdateExpression: 'SET #s = :s', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':s': status } }));

describe('no read before the vote: the refusal tells 404 from 409', () => {
  it('answers "missing" for an idea that does not exist, straight from the transaction (DynamoDB Local returns no item)', async () => {
    const store = voteStore(db.client, db.TableName);
    const now = new Date();
    const result = await store.add(
      { ideaId: 'findes-ikke', userId: voters[0]!.userId, processId: PROCESS, participantType: 'citizen', weight: 1, createdAt: now.toISOString() },
      { action: 'vote', max: 30, windowSeconds: 60 },
      now,
      null,
    );
    expect(result).toBe('missing');
  });

  it('after the function has the idea cached: 409 once it stopped taking votes, 404 once it is hidden, and nothing written', async () => {
    const { id } = await newIdea({ title: 'Idé der skifter status efter første stemme' });
    expect(ok(await vote(id, voters[0]!))).toEqual({ voteCount: 1, voted: true });
    await setStatus(id, 'selected');
    expectProblem(await vote(id, voters[1]!), 409, 'voting-closed');
    await setStatus(id, 'hidden');
    expectProblem(await vote(id, voters[2]!), 404);
    await setStatus(id, 'published');
    expect(ok(await vote(id, voters[3]!))).toEqual({ voteCount: 2, voted: true });
    expect((await db.votes(id)).map((v) => v.userId).sort()).toEqual([voters[0]!.userId, voters[3]!.userId].sort());
    expect((await db.idea(id))!.voteCount).toBe(2);
  });

  it('records the type a voter has now, and refuses a voter blocked after the function cached them', async () => {
    const { id } = await newIdea({ title: 'Idé til typeskift og blokering' });
    const [a, b] = [voters[4]!, voters[5]!];
    ok(await vote(id, a)); // a's type is now cached
    await db.client.send(new UpdateCommand({ TableName: db.TableName, Key: { pk: `USER#${a.userId}`, sk: 'PROFILE' }, UpdateExpression: 'SET participantType = :t', ExpressionAttributeValues: { ':t': 'business' } }));
    const { id: second } = await newIdea({ title: 'Anden idé til typeskift' });
    ok(await vote(second, a));
    expect((await db.votes(second)).find((v) => v.userId === a.userId)?.participantType).toBe('business');

    ok(await vote(id, b));
    await db.client.send(new UpdateCommand({ TableName: db.TableName, Key: { pk: `USER#${b.userId}`, sk: 'PROFILE' }, UpdateExpression: 'SET blocked = :t', ExpressionAttributeValues: { ':t': true } }));
    expectProblem(await vote(second, b), 403);
    expect((await db.votes(second)).some((v) => v.userId === b.userId)).toBe(false);
  });
});

describe('a sharded counter', () => {
  it('keeps one vote per person at once and folds to the exact count: votes, repeats and un-votes by many users', async () => {
    const { id } = await newIdea({ title: 'Viral idé med delt tæller' });
    // Voters 6 on: the block above (voter 5) is for good.
    const crowd = voters.slice(6, 41);
    const before = crowd.slice(0, 5);
    for (const v of before) ok(await vote(id, v));
    expect(await shardIdea(db.client, db.TableName, id, 4)).toBe(4);
    // Sharding again never lowers N or takes a second snapshot.
    expect(await shardIdea(db.client, db.TableName, id, 2)).toBe(4);
    expect((await db.idea(id))!).toMatchObject({ counterShards: 4, voteBase: 5 });

    // 30 more vote at once (the five before among them: repeats), and each of ten then votes twice more.
    // Five at a time: two shared cores carry that within the function's 10 s limit beside other stacks.
    for (let i = 0; i < crowd.length; i += 5) {
      for (const a of await Promise.all(crowd.slice(i, i + 5).map((v) => vote(id, v)))) expect(ok(a).voted).toBe(true);
    }
    for (const v of crowd.slice(10, 20)) for (const a of await Promise.all([vote(id, v), vote(id, v)])) expect(ok(a).voted).toBe(true);
    // "Have I voted" is exact at once: the vote item itself, not the folded count.
    for (const v of crowd.slice(0, 3)) {
      const mine = myVotesSchema.parse((await stack.api(`/me/votes?ideaIds=${id}`, { token: v.token })).json);
      expect(mine.voted).toEqual([id]);
    }
    // Ten take their vote back, two of them twice.
    const leaving = crowd.slice(20, 30);
    for (const a of await Promise.all([...leaving, ...leaving.slice(0, 2)].map((v) => unvote(id, v)))) expect(ok(a).voted).toBe(false);

    const expected = 25;
    expect(await db.votes(id)).toHaveLength(expected);
    expect(await shardedCount(db.client, db.TableName, id)).toBe(expected);
    // The idea item is not written by sharded votes; the stream's fold brings its count within seconds.
    const folded = await eventually('the fold writes the idea count', async () => ((await db.idea(id))!.voteCount === expected ? true : undefined), 15_000);
    expect(folded).toBe(true);
    const shards = await batchGet(db.client, db.TableName, [0, 1, 2, 3].map((k) => shardKey(id, k)), true);
    expect(5 + shards.reduce((s, i) => s + Number(i.n), 0)).toBe(expected);
    // The trend score stays a sum of live votes' weights: base plus the shards' weights.
    const idea = (await db.idea(id))!;
    expect(idea.trendScore).toBeCloseTo(idea.trendBase + shards.reduce((s, i) => s + Number(i.w), 0), 6);
    // A fold of the same state writes nothing (its sequence is not newer); the public page shows the count.
    expect(await foldIdea(db.client, db.TableName, id)).toEqual({ folded: false, reason: 'stale' });
    expect((await stack.api(`/ideas/${id}`)).json.voteCount).toBe(expected);
    expect(JSON.stringify((await stack.api(`/ideas/${id}`)).json)).not.toMatch(/counterShards|voteBase|foldSeq/);
  }, 60_000);

  it('keeps a vote erased outside the vote path out of the folded count (erasure moves the bases too)', async () => {
    const { id } = await newIdea({ title: 'Delt idé hvor en stemme slettes med kontoen' });
    for (const v of [voters[41]!, voters[44]!]) ok(await vote(id, v));
    await shardIdea(db.client, db.TableName, id, 4);
    ok(await vote(id, voters[3]!));
    await eventually('folded', async () => ((await db.idea(id))!.voteCount === 3 ? true : undefined), 15_000);
    // The account erasure's own transaction (my-data.ts): the vote item goes, the idea's counters move by it.
    const [gone] = (await db.votes(id)).filter((v) => v.userId === voters[41]!.userId);
    await userDataStore(db.client, db.TableName).eraseVote(gone as never);
    expect((await db.idea(id))!.voteCount).toBe(2);
    // A later vote makes the fold run again: it must not bring the erased vote back.
    ok(await vote(id, voters[1]!));
    await eventually('folded after the erasure', async () => ((await db.idea(id))!.voteCount === 3 ? true : undefined), 15_000);
    expect(await db.votes(id)).toHaveLength(3);
  }, 30_000);

  it('turns a vote of a function that has not seen the switch onto the shards (nothing lost)', async () => {
    const { id } = await newIdea({ title: 'Idé der deles mens en funktion husker den udelt' });
    ok(await vote(id, voters[42]!)); // the function now holds the idea unsharded
    await shardIdea(db.client, db.TableName, id, 8);
    expect(ok(await vote(id, voters[43]!)).voted).toBe(true);
    expect(await shardedCount(db.client, db.TableName, id)).toBe(2);
    expect((await db.idea(id))!.voteBase).toBe(1);
    await eventually('folded', async () => ((await db.idea(id))!.voteCount === 2 ? true : undefined), 15_000);
  }, 30_000);
});
