import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { processStore } from '#functions/adapters/dynamodb/processes';
import { exportDocumentSchema } from '#shared/schemas/export';
import { ideaDetailSchema, ideaListSchema } from '#shared/schemas/idea';
import { myVotedIdeasSchema, myVotesSchema, voteStateSchema } from '#shared/schemas/vote';
import { gentofteAt } from '../fakes/records';
import { decide, decideOk, ideaPoster } from '../helpers/moderation';
import { expectProblem, table, usersInBatches, type User } from '../helpers/participation';
import { testStack, type TestStack } from '../helpers/stack';

/**
 * The vote rule (at most N ideas per person and process) and merged ideas counted once in public,
 * against DynamoDB Local and cognito-local through the gateway: the rule holds exactly when votes
 * race; after a merge the target's public count, the top list and the committee export agree, each
 * supporter once, through chains of merges and a vote taken back; a supporter sees where their vote went.
 */

/** A process that lets each person vote for 3 ideas. */
const RULE = 'forloeb-med-stemmeregel';
/** A process without a vote rule, for the merges (its lists hold only this file's ideas). */
const MERGES = 'forloeb-med-sammenlaegninger';

let stack: TestStack;
let db: ReturnType<typeof table>;
let moderator: User;
let committee: User;

beforeAll(async () => {
  stack = await testStack();
  db = table(stack);
  // Written before any request reads them: the functions cache a process for 30 s.
  const seeded = gentofteAt(new Date());
  const processes = processStore(db.client, db.TableName);
  await processes.put({ ...seeded, id: RULE, title: { da: 'Forløb med stemmeregel' }, settings: { ...seeded.settings, votesPerPerson: 3 } });
  await processes.put({ ...seeded, id: MERGES, title: { da: 'Forløb med sammenlægninger' }, settings: { ...seeded.settings, votesPerPerson: null } });
  [moderator, committee] = await Promise.all([stack.user({ role: 'moderator' }), stack.user({ role: 'committee' })]);
}, 90_000);
afterAll(() => stack?.stop());

const vote = (ideaId: string, user: User) => stack.api(`/ideas/${ideaId}/vote`, { method: 'PUT', token: user.token });
const unvote = (ideaId: string, user: User) => stack.api(`/ideas/${ideaId}/vote`, { method: 'DELETE', token: user.token });
const ok = (r: { status: number; json: unknown }) => {
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  return voteStateSchema.parse(r.json);
};
const publicCount = async (ideaId: string) => ideaDetailSchema.parse((await stack.api(`/ideas/${ideaId}`)).json).voteCount;
const tally = async (userId: string, processId: string) =>
  (await db.client.send(new GetCommand({ TableName: db.TableName, Key: { pk: `USER#${userId}`, sk: `TALLY#${processId}` }, ConsistentRead: true }))).Item?.n as number | undefined;
const merge = (sourceId: string, targetId: string) => decideOk(stack, moderator.token, sourceId, { action: 'merge', targetId, reason: 'Samme forslag som en anden idé.' });
const exportRows = async (processId: string) => {
  const r = await stack.api(`/processes/${processId}/export?format=json&top=100`, { token: committee.token });
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  return new Map(exportDocumentSchema.parse(r.json).rows.map((row) => [row.id, row.votes]));
};
const topList = async (processId: string) => {
  const r = await stack.api(`/processes/${processId}/ideas?sort=top&limit=50`);
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  return ideaListSchema.parse(r.json).items.map((i) => [i.id, i.voteCount] as const);
};

describe('the vote rule', () => {
  it('lets a person vote for exactly 3 ideas when 10 votes race, refusing the rest with 409 vote-limit in Danish', async () => {
    const post = ideaPoster(stack, RULE);
    const ideas: string[] = [];
    for (let i = 0; i < 11; i++) ideas.push((await post({ title: `Idé ${i} i forløbet med stemmeregel` })).id);
    const [racer] = await usersInBatches(stack, 1);

    const answers = await Promise.all(ideas.slice(0, 10).map((id) => vote(id, racer!)));

    const passed = answers.filter((a) => a.status === 200);
    const refused = answers.filter((a) => a.status !== 200);
    expect(passed).toHaveLength(3);
    expect(refused).toHaveLength(7);
    for (const r of refused) {
      expectProblem(r, 409, 'vote-limit');
      expect(r.json.detail).toBe('Du har brugt alle dine 3 stemmer i dette forløb. Tag en stemme tilbage for at stemme på en anden idé.');
    }
    const stored = (await Promise.all(ideas.slice(0, 10).map((id) => db.votes(id)))).flat();
    expect(stored.map((v) => v.userId)).toEqual([racer!.userId, racer!.userId, racer!.userId]);
    expect(await tally(racer!.userId, RULE)).toBe(3);
    const counts = await Promise.all(ideas.slice(0, 10).map(publicCount));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(3);

    const mine = await stack.api(`/me/votes?ideaIds=${ideas.join(',')}&processId=${RULE}`, { token: racer!.token });
    expect(myVotesSchema.parse(mine.json)).toMatchObject({ votesLeft: 0 });
    expect(mine.json.voted).toHaveLength(3);

    // Taking one back gives it back; the next vote uses it up again.
    const votedFor = mine.json.voted[0] as string;
    expect(ok(await unvote(votedFor, racer!))).toMatchObject({ voted: false, votesLeft: 1 });
    expect(ok(await vote(ideas[10]!, racer!))).toMatchObject({ voted: true, votesLeft: 0 });
    expectProblem(await vote(votedFor, racer!), 409, 'vote-limit');
  }, 120_000);

  it('holds per person when many people race, and leaves a process without a rule unlimited', async () => {
    const post = ideaPoster(stack, RULE);
    const ideas = [(await post()).id, (await post()).id, (await post()).id, (await post()).id];
    const people = await usersInBatches(stack, 8);

    const answers = await Promise.all(people.flatMap((p) => ideas.map((id) => vote(id, p))));

    expect(answers.filter((a) => a.status === 200)).toHaveLength(8 * 3);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(8);
    for (const p of people) expect(await tally(p.userId, RULE), p.userId).toBe(3);
    const counts = await Promise.all(ideas.map(publicCount));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(24);
    // Without a rule the answer names no votes left, and /me/votes says null.
    const free = (await ideaPoster(stack, MERGES)()).id;
    expect(ok(await vote(free, people[0]!))).toEqual({ voteCount: 1, voted: true });
    expect((await stack.api(`/me/votes?ideaIds=${free}&processId=${MERGES}`, { token: people[0]!.token })).json).toEqual({ voted: [free], votesLeft: null });
  }, 120_000);
});

describe('merged ideas counted once in public', () => {
  it('counts each supporter of a merge once on the target, in its detail, the top list and the export, and says where votes went', async () => {
    const post = ideaPoster(stack, MERGES);
    const [source, target, other] = [(await post({ title: 'Kilden' })).id, (await post({ title: 'Målet' })).id, (await post({ title: 'En anden' })).id];
    const v = await usersInBatches(stack, 10);
    // Source: v0..v4; target: v4, v5; other: v6..v9 (four, more than the target before the merge).
    for (const u of v.slice(0, 5)) ok(await vote(source, u));
    for (const u of [v[4]!, v[5]!]) ok(await vote(target, u));
    for (const u of v.slice(6, 10)) ok(await vote(other, u));
    const trendBefore = (await db.idea(target))!.trendScore as number;
    const carriedWeights = (await db.votes(source)).filter((r) => r.userId !== v[4]!.userId).map((r) => r.weight as number);

    await merge(source, target);

    expect(await publicCount(target)).toBe(6);
    expect((await topList(MERGES)).filter(([id]) => [source, target, other].includes(id))).toEqual([
      [target, 6],
      [other, 4],
    ]);
    const rows = await exportRows(MERGES);
    expect([rows.get(target), rows.get(other), rows.get(source)]).toEqual([6, 4, undefined]);
    const stored = await db.idea(target);
    expect(stored!.trendScore).toBeCloseTo(trendBefore + carriedWeights.reduce((a, b) => a + b, 0), 6);
    const onTarget = await db.votes(target);
    expect(onTarget).toHaveLength(6);
    expect(onTarget.filter((r) => r.carriedFrom === source).map((r) => r.userId).sort()).toEqual(v.slice(0, 4).map((u) => u.userId).sort());
    expect((await db.votes(source)).every((r) => r.movedTo === target)).toBe(true);
    expect((await db.idea(source))!.votesCarriedAt).toEqual(expect.any(String));

    // A repeated merge is refused as before and carries nothing again.
    expectProblem(await decide(stack, moderator.token, source, { action: 'merge', targetId: target, reason: 'Samme forslag igen.' }), 409, 'invalid-transition');
    expect(await publicCount(target)).toBe(6);

    // A supporter of the merged idea sees it on Min side with where the vote counts now.
    const list = await stack.api(`/me/voted-ideas?processId=${MERGES}`, { token: v[0]!.token });
    expect(list.status, JSON.stringify(list.json)).toBe(200);
    expect(myVotedIdeasSchema.parse(list.json).items).toEqual([
      expect.objectContaining({ ideaId: source, title: 'Kilden', status: 'merged', countsFor: { ideaId: target, title: 'Målet' } }),
    ]);
  }, 120_000);

  it('follows a chain (C into B into A), and a carried vote taken back on A leaves the public count and the export equal', async () => {
    const post = ideaPoster(stack, MERGES);
    const [a, b, c] = [(await post({ title: 'Idé A' })).id, (await post({ title: 'Idé B' })).id, (await post({ title: 'Idé C' })).id];
    const [v1, v2, v3] = await usersInBatches(stack, 3);
    ok(await vote(a, v1!));
    ok(await vote(b, v2!));
    ok(await vote(c, v1!));
    ok(await vote(c, v3!));

    await merge(c, b);
    expect(await publicCount(b)).toBe(3);
    await merge(b, a);

    expect(await publicCount(a)).toBe(3);
    expect((await exportRows(MERGES)).get(a)).toBe(3);
    // v3's vote went C → B → A; taking it back on A takes it out of both counts.
    expect(ok(await unvote(a, v3!))).toEqual({ voteCount: 2, voted: false });
    expect(await publicCount(a)).toBe(2);
    expect((await exportRows(MERGES)).get(a)).toBe(2);

    const v1List = myVotedIdeasSchema.parse((await stack.api('/me/voted-ideas', { token: v1!.token })).json).items;
    expect(v1List.map((i) => [i.ideaId, i.countsFor?.ideaId])).toEqual(expect.arrayContaining([[a, undefined], [c, a]]));
    expect(v1List).toHaveLength(2);
    const v3List = myVotedIdeasSchema.parse((await stack.api('/me/voted-ideas', { token: v3!.token })).json).items;
    expect(v3List).toEqual([expect.objectContaining({ ideaId: c, status: 'merged' })]);
    expect(v3List[0]).not.toHaveProperty('countsFor');
  }, 120_000);

  it('merges an idea with 120 supporters, 30 of whom support the target too, within one request', async () => {
    const post = ideaPoster(stack, MERGES);
    const [source, target] = [(await post({ title: 'Stor kilde' })).id, (await post({ title: 'Stort mål' })).id];
    const voters = await usersInBatches(stack, 120);
    // A few votes at a time: the votes are the setting here, not the test (the vote races have their own file).
    for (let i = 0; i < voters.length; i += 8) await Promise.all(voters.slice(i, i + 8).map((u) => vote(source, u).then(ok)));
    for (let i = 90; i < voters.length; i += 8) await Promise.all(voters.slice(i, i + 8).map((u) => vote(target, u).then(ok)));

    const started = Date.now();
    await merge(source, target);
    const took = Date.now() - started;

    expect(took, `the merge took ${took} ms`).toBeLessThan(10_000);
    console.info(`merge of 120 votes (30 shared) took ${took} ms`);
    expect(await publicCount(target)).toBe(120);
    expect(await db.votes(target)).toHaveLength(120);
    expect((await exportRows(MERGES)).get(target)).toBe(120);
  }, 240_000);
});
