import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '#functions/adapters/dynamodb/client';
import { keys } from '#functions/adapters/dynamodb/keys';
import { processStore } from '#functions/adapters/dynamodb/processes';
import { queryAll } from '#functions/adapters/dynamodb/query';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import { auditLogSchema } from '#shared/schemas/moderation';
import { runRetention } from '#local/retention';
import { gentofteAt } from '../fakes/records';
import { validIdea } from '../fixtures/ideas';
import { testStack, type TestStack } from '../helpers/stack';

/**
 * The retention job through the real adapters against DynamoDB Local: two participants post, vote,
 * comment, reply and flag in a process, a third votes and takes it back, a moderator hides an idea and
 * blocks one of them; one of them also takes part in the seeded process. Then the first process's retention date passes and the job
 * runs as the local stack runs it (the handler EventBridge Scheduler calls in AWS).
 */
const EXPIRING = 'udloebende-forloeb';
const OTHER = 'ai-i-gentofte';
const TableName = mainTable.localName;

let stack: TestStack;
let db: ReturnType<typeof createDocumentClient>;
type User = Awaited<ReturnType<TestStack['user']>>;
let anna: User;
let bo: User;
let carl: User;
let moderator: User;
const ideaIds: Record<'expiring' | 'other', string[]> = { expiring: [], other: [] };

/** Every item stored for a process: its ideas' partitions, its audit log, the participants' tallies and user-index entries. */
async function itemsOf(processId: string, ids: string[]) {
  const partition = (pk: string) => queryAll(db, { TableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk }, ConsistentRead: true });
  // An idea's item collection and its vote buckets (keys.vote: IDEA#<id>#V<b>).
  const ideas = (await Promise.all(ids.flatMap((id) => [keys.idea(id).pk, ...keys.votePartitions(id)].map(partition)))).flat();
  const audit = await partition(keys.auditPartition(processId));
  const tallies = (await Promise.all([anna, bo, carl].map((u) => db.send(new GetCommand({ TableName, Key: keys.voteTally(u.userId, processId) }))))).flatMap((r) => (r.Item ? [r.Item] : []));
  const byUser = (
    await Promise.all(
      [anna, bo, carl].map((u) => queryAll(db, { TableName, IndexName: 'byUser', KeyConditionExpression: 'gsiUser = :u', ExpressionAttributeValues: { ':u': keys.userItems(u.userId) } })),
    )
  )
    .flat()
    .filter((i) => i.processId === processId);
  const auditCopies = (await Promise.all([anna, bo, carl].map((u) => partition(keys.auditTargetPartition(u.userId))))).flat().filter((i) => i.processId === processId);
  return { ideas, audit, tallies, byUser, auditCopies };
}

/** What identifies a participant: id, name, e-mail address, and the sign-in name their ideas carry. */
async function tracesOf(user: User, ideaId?: string) {
  const profile = (await db.send(new GetCommand({ TableName, Key: keys.profile(user.userId) }))).Item!;
  const idea = ideaId ? (await db.send(new GetCommand({ TableName, Key: keys.idea(ideaId) }))).Item! : undefined;
  expect(idea?.authorId ?? user.userId).toBe(user.userId);
  return [user.userId, profile.displayName as string, user.email, ...(idea ? [idea.authorUsername as string] : [])];
}

beforeAll(async () => {
  stack = await testStack();
  db = createDocumentClient(stack.info.dynamodbEndpoint);
  // A second process like the seeded one, with its retention date still ahead while people take part.
  const seeded = gentofteAt(new Date());
  await processStore(db, TableName).put({ ...seeded, id: EXPIRING, title: { da: 'Forløb der udløber', en: 'Expiring process' }, settings: { ...seeded.settings, personalDataUntil: '2099-01-01T00:00:00.000Z' } });
  [anna, bo, carl, moderator] = await Promise.all([
    stack.user({ name: 'Anna Sletmig' }),
    stack.user({ name: 'Bo Glemmig', type: 'business' }),
    stack.user({ name: 'Carl Fortrydsen', type: 'employee' }),
    stack.user({ role: 'moderator', name: 'Mona Moderator' }),
  ]);

  const post = async (processId: string, user: User, title: string) => {
    const r = await stack.api(`/processes/${processId}/ideas`, { method: 'POST', token: user.token, body: validIdea({ title }) });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    return r.json.id as string;
  };
  const ok = async (call: Promise<{ status: number; json: unknown }>, status = 200) => {
    const r = await call;
    expect(r.status, JSON.stringify(r.json)).toBe(status);
    return r.json as { id: string };
  };
  const a1 = await post(EXPIRING, anna, 'Annas idé om AI i borgerservice');
  const b1 = await post(EXPIRING, bo, 'Bos idé om AI i erhvervsservice');
  const b2 = await post(EXPIRING, bo, 'Bos anden idé om AI til byggesager');
  ideaIds.expiring.push(a1, b1, b2);
  for (const [user, idea] of [[bo, a1], [anna, b1], [anna, b2], [bo, b2]] as const) await ok(stack.api(`/ideas/${idea}/vote`, { method: 'PUT', token: user.token }));
  // Carl's only vote, taken back, leaves his tally at 0: it too says he took part.
  await ok(stack.api(`/ideas/${a1}/vote`, { method: 'PUT', token: carl.token }));
  await ok(stack.api(`/ideas/${a1}/vote`, { method: 'DELETE', token: carl.token }));
  const comment = await ok(stack.api(`/ideas/${a1}/comments`, { method: 'POST', token: bo.token, body: { body: 'Godt forslag, det vil spare tid', stance: 'for' } }), 201);
  const reply = await ok(stack.api(`/ideas/${a1}/comments`, { method: 'POST', token: anna.token, body: { body: 'Tak for støtten', parentId: comment.id } }), 201);
  await ok(stack.api(`/ideas/${b1}/flags`, { method: 'POST', token: anna.token, body: { reason: 'off_topic' } }), 201);
  await ok(stack.api(`/comments/${reply.id}/flags`, { method: 'POST', token: bo.token, body: { reason: 'other', text: 'Bare et takkeord' } }), 201);
  await ok(stack.api(`/ideas/${b2}/moderation`, { method: 'POST', token: moderator.token, body: { action: 'hide', reason: 'Reklame for et firma' } }));
  await ok(stack.api(`/moderation/users/${bo.userId}`, { method: 'POST', token: moderator.token, body: { action: 'block', reason: 'Gentagne reklamer' } }));

  // The same two in the seeded process, whose date has not come: Anna posts, Bo (blocked) cannot, Anna votes.
  const g1 = await post(OTHER, anna, 'Annas idé i det andet forløb');
  ideaIds.other.push(g1);
  await ok(stack.api(`/ideas/${g1}/vote`, { method: 'PUT', token: anna.token }));
  await ok(stack.api(`/ideas/${g1}/comments`, { method: 'POST', token: anna.token, body: { body: 'En note til min egen idé' } }), 201);
}, 120_000);
afterAll(() => stack?.stop());

describe('the retention job', () => {
  it('erases nothing while the date is ahead', async () => {
    const before = await itemsOf(EXPIRING, ideaIds.expiring);
    expect((await runRetention()).erased).toEqual([]);
    expect(await itemsOf(EXPIRING, ideaIds.expiring)).toEqual(before);
    expect(JSON.stringify(before)).toContain(anna.userId);
  });

  it('once the date has passed, leaves no trace of the participants in the process, keeps its texts and counts, and the other process as it was', async () => {
    /** What the process's result is made of: each idea's counts, texts and status. */
    const results = () =>
      Promise.all(
        ideaIds.expiring.map(async (id) => {
          const idea = (await db.send(new GetCommand({ TableName, Key: keys.idea(id), ConsistentRead: true }))).Item!;
          return [idea.voteCount, idea.commentCount, idea.title, idea.body, idea.status];
        }),
      );
    const resultsBefore = await results();
    const otherBefore = await itemsOf(OTHER, ideaIds.other);
    const traces = [...(await tracesOf(anna, ideaIds.expiring[0])), ...(await tracesOf(bo, ideaIds.expiring[1])), ...(await tracesOf(carl))];
    expect(JSON.stringify(await itemsOf(EXPIRING, ideaIds.expiring))).toContain(carl.userId);
    await db.send(new UpdateCommand({ TableName, Key: keys.process(EXPIRING), UpdateExpression: 'SET settings.personalDataUntil = :past', ExpressionAttributeValues: { ':past': new Date(Date.now() - 60_000).toISOString() } }));

    const run = await runRetention();

    expect(run.erased).toEqual([{ processId: EXPIRING, ideas: 3, comments: 2, votes: 4, flags: 2, tallies: 3, surveyMarkers: 0, auditEntries: 1 }]);
    const after = await itemsOf(EXPIRING, ideaIds.expiring);
    const stored = JSON.stringify(after);
    for (const trace of traces) expect(stored, trace).not.toContain(trace);
    expect(after.tallies).toEqual([]);
    expect(after.byUser).toEqual([]);
    expect(after.auditCopies).toEqual([]);
    expect(after.ideas.filter((i) => i.type === 'vote' || i.type === 'flag')).toEqual([]);
    expect(await results()).toEqual(resultsBefore);
    const comments = after.ideas.filter((i) => i.type === 'comment');
    expect(comments.map((c) => [c.body, c.authorName])).toEqual(expect.arrayContaining([['Godt forslag, det vil spare tid', 'Tidligere deltager'], ['Tak for støtten', 'Tidligere deltager']]));
    expect(await itemsOf(OTHER, ideaIds.other)).toEqual(otherBefore);
    expect(JSON.stringify(otherBefore)).toContain(anna.userId);
  });

  it('marks the process and writes the job into its audit log; the moderator keeps the decisions but not who was blocked', async () => {
    const process = await processStore(db, TableName).get(EXPIRING);
    expect(process?.personalDataErasedAt).toBeDefined();
    const r = await stack.api(`/moderation/log?processId=${EXPIRING}&limit=50`, { token: moderator.token });
    expect(r.status).toBe(200);
    const log = auditLogSchema.parse(r.json).items;
    expect(log[0]).toMatchObject({ action: 'process-erase', actorId: 'retention', actorName: 'Opbevaringsfrist', targetKind: 'process', targetId: EXPIRING, at: process!.personalDataErasedAt });
    const block = log.find((e) => e.action === 'block');
    expect(block).toMatchObject({ actorName: 'Mona Moderator', reason: 'Gentagne reklamer', targetKind: 'user' });
    expect(block).not.toHaveProperty('targetTitle');
    expect(JSON.stringify(log)).not.toContain(bo.userId);
    expect(log.find((e) => e.action === 'hide')).toMatchObject({ reason: 'Reklame for et firma', targetId: ideaIds.expiring[2] });
    // The public idea shows the placeholder name, as for a deleted account.
    expect((await stack.api(`/ideas/${ideaIds.expiring[0]}`)).json).toMatchObject({ authorName: 'Tidligere deltager', voteCount: 1, commentCount: 2 });
  });

  it('changes nothing on a second run', async () => {
    const before = await itemsOf(EXPIRING, ideaIds.expiring);
    expect((await runRetention()).erased).toEqual([]);
    expect(await itemsOf(EXPIRING, ideaIds.expiring)).toEqual(before);
    expect(before.audit.filter((e) => e.action === 'process-erase')).toHaveLength(1);
  });
});
