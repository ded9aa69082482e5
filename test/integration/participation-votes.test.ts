import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { processStart } from '#functions/domain/processes';
import type { IdeaRecord } from '#functions/domain/ports';
import { trendWeight } from '#functions/domain/trending';
import { ideaStore } from '#functions/adapters/dynamodb/ideas';
import { processStore } from '#functions/adapters/dynamodb/processes';
import { gentofteDuring } from '../fakes/records';
import { defaultRateLimits, type Process } from '#shared/schemas/process';
import { myVotesSchema, voteStateSchema } from '#shared/schemas/vote';
import { expectProblem, flagBy, ideaMaker, table, usersInBatches, withinOneWindow, type User } from '../helpers/participation';
import { testStack, type TestStack } from '../helpers/stack';

let stack: TestStack;
let db: ReturnType<typeof table>;
let newIdea: ReturnType<typeof ideaMaker>;
let voter: User;
let other: User;

/** A process whose open phase is now "review" (no votes, no comments), and an idea in it. */
const CLOSED_PROCESS = 'forloeb-i-behandling';
let closedIdeaId: string;
/** An idea in the open process with a public status that no longer takes votes. */
let selectedIdeaId: string;


function storedIdea(process: Process, author: User, overrides: Partial<IdeaRecord>): IdeaRecord {
  const now = new Date();
  const at = now.toISOString();
  return {
    id: ulid(),
    processId: process.id,
    title: 'En idé skrevet direkte i tabellen',
    body: 'Denne idé er lagt i DynamoDB af testen, ikke gennem API’et.',
    excerpt: 'Denne idé er lagt i DynamoDB af testen, ikke gennem API’et.',
    area: process.areas[0]!.id,
    effects: [process.effects[0]!.id],
    beneficiaries: ['citizens'],
    status: 'published',
    authorId: author.userId,
    authorName: 'Testforfatter',
    authorType: 'citizen',
    voteCount: 0,
    commentCount: 0,
    trendScore: trendWeight(now, processStart(process)),
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

beforeAll(async () => {
  stack = await testStack();
  db = table(stack);
  newIdea = ideaMaker(stack);
  [voter, other] = (await usersInBatches(stack, 2)) as [User, User];

  // Written before any request reads it: the functions cache a process for 30 s per warm instance.
  // Seeded so that today lies in its committee's review, when nothing takes votes.
  const processes = processStore(db.client, db.TableName);
  const closed: Process = { ...gentofteDuring('review'), id: CLOSED_PROCESS };
  await processes.put(closed);
  const ideas = ideaStore(db.client, db.TableName);
  const limit = { action: 'idea' as const, max: 100, windowSeconds: 3600 };
  const closedIdea = storedIdea(closed, other, {});
  await ideas.create(closedIdea, limit, new Date());
  closedIdeaId = closedIdea.id;
  const open = (await processes.get('ai-i-gentofte'))!;
  const selected = storedIdea(open, other, { status: 'selected' });
  await ideas.create(selected, limit, new Date());
  selectedIdeaId = selected.id;
}, 90_000);
afterAll(() => stack?.stop());

const vote = (ideaId: string, user: User) => stack.api(`/ideas/${ideaId}/vote`, { method: 'PUT', token: user.token });
const unvote = (ideaId: string, user: User) => stack.api(`/ideas/${ideaId}/vote`, { method: 'DELETE', token: user.token });
const state = (r: { status: number; json: unknown }) => {
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  return voteStateSchema.parse(r.json);
};

describe('vote and un-vote', () => {
  it('are idempotent: a second PUT or DELETE answers the same and changes nothing', async () => {
    const { id } = await newIdea();

    expect(state(await vote(id, voter))).toEqual({ voteCount: 1, voted: true });
    expect(state(await vote(id, voter))).toEqual({ voteCount: 1, voted: true });
    expect((await db.idea(id))!.voteCount).toBe(1);
    expect(await db.votes(id)).toHaveLength(1);

    expect(state(await unvote(id, voter))).toEqual({ voteCount: 0, voted: false });
    expect(state(await unvote(id, voter))).toEqual({ voteCount: 0, voted: false });
    expect((await db.idea(id))!.voteCount).toBe(0);
    expect(await db.votes(id)).toHaveLength(0);

    // Voting again after taking the vote back counts again.
    expect(state(await vote(id, voter))).toEqual({ voteCount: 1, voted: true });
  });

  it('answers a DELETE without a vote with voted=false and leaves the count alone', async () => {
    const { id } = await newIdea();
    expect(state(await vote(id, other))).toEqual({ voteCount: 1, voted: true });

    expect(state(await unvote(id, voter))).toEqual({ voteCount: 1, voted: false });
    expect((await db.idea(id))!.voteCount).toBe(1);
    expect((await db.votes(id)).map((v) => v.userId)).toEqual([other.userId]);
  });

  it('records the vote with the voter, the process and the participant type', async () => {
    const { id } = await newIdea();
    const business = await stack.user({ type: 'business' });
    state(await vote(id, business));
    const [record] = await db.votes(id);
    expect(record).toMatchObject({ ideaId: id, userId: business.userId, processId: 'ai-i-gentofte', participantType: 'business', weight: expect.any(Number) });
  });
});

describe('GET /api/me/votes', () => {
  it('lists which of the given ideas I voted for: voted, not voted and unknown ids', async () => {
    const votedFor = await newIdea();
    const notVoted = await newIdea();
    const unknown = ulid();
    state(await vote(votedFor.id, voter));

    const r = await stack.api(`/me/votes?ideaIds=${votedFor.id},${notVoted.id},${unknown}`, { token: voter.token });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(myVotesSchema.parse(r.json)).toEqual({ voted: [votedFor.id] });

    // Someone else's answer for the same ids is their own.
    const theirs = await stack.api(`/me/votes?ideaIds=${votedFor.id},${notVoted.id},${unknown}`, { token: other.token });
    expect(theirs.json).toEqual({ voted: [] });
  });

  it('takes 100 ids and refuses 101 (400)', async () => {
    const hundred = Array.from({ length: 100 }, () => ulid());
    expect((await stack.api(`/me/votes?ideaIds=${hundred.join(',')}`, { token: voter.token })).json).toEqual({ voted: [] });

    const r = await stack.api(`/me/votes?ideaIds=${[...hundred, ulid()].join(',')}`, { token: voter.token });
    expectProblem(r, 400, 'validation');
    expect(r.json.errors.map((e: { path: string }) => e.path)).toEqual(['query.ideaIds']);
  });

  it('refuses a malformed id and a missing list (400)', async () => {
    const r = await stack.api(`/me/votes?ideaIds=${ulid()},not-an-id`, { token: voter.token });
    expectProblem(r, 400, 'validation');
    expect(r.json.errors[0].path).toMatch(/^query\.ideaIds/);

    expectProblem(await stack.api('/me/votes', { token: voter.token }), 400, 'validation');
    expectProblem(await stack.api('/me/votes?ideaIds=', { token: voter.token }), 400, 'validation');
  });
});

describe('ideas that take no votes', () => {
  it('answers 404 for an unknown idea and 400 for a malformed id', async () => {
    expectProblem(await vote(ulid(), voter), 404, 'not-found');
    expectProblem(await unvote(ulid(), voter), 404, 'not-found');
    expectProblem(await vote('ikke-et-id', voter), 400, 'validation');
  });

  it('keeps voting open on an idea held after three flags (issue 17): its votes stay, new ones count, its page says it is under review', async () => {
    const { id } = await newIdea({ title: 'Idé som bliver anmeldt tre gange' });
    state(await vote(id, other));
    const flaggers = await usersInBatches(stack, 3);
    await flagBy(stack, `/ideas/${id}`, flaggers);
    expect((await db.idea(id))!.held).toBe(true);

    // Three flags cannot freeze a popular idea's voting: whoever reaches its page can still vote.
    const page = await stack.api(`/ideas/${id}`);
    expect(page.status, JSON.stringify(page.json)).toBe(200);
    expect(page.json).toMatchObject({ id, status: 'published', underReview: true, voteCount: 1 });
    expect(state(await vote(id, voter))).toMatchObject({ voteCount: 2, voted: true });
    expect((await db.idea(id))!.voteCount).toBe(2);
    expect(state(await unvote(id, other))).toMatchObject({ voteCount: 1, voted: false });
    expect((await db.votes(id)).map((v) => v.userId)).toEqual([voter.userId]);
    // Still held for the moderators, off the lists.
    expect((await db.idea(id))!).toMatchObject({ held: true, voteCount: 1 });
  });

  it('answers 409 when the idea has a public status other than published', async () => {
    expectProblem(await vote(selectedIdeaId, voter), 409, 'voting-closed');
    expect((await db.idea(selectedIdeaId))!.voteCount).toBe(0);
    expect(await db.votes(selectedIdeaId)).toHaveLength(0);
  });

  it('answers 409 when the open phase of the process takes no votes', async () => {
    expectProblem(await vote(closedIdeaId, voter), 409, 'voting-closed');
    expectProblem(await unvote(closedIdeaId, voter), 409, 'voting-closed');
    expect((await db.idea(closedIdeaId))!.voteCount).toBe(0);
    expect(await db.votes(closedIdeaId)).toHaveLength(0);
    // The idea itself is still public: only voting is closed.
    expect((await stack.api(`/ideas/${closedIdeaId}`)).status).toBe(200);
  });
});

describe('rate limit', () => {
  it('refuses the 31st vote within a minute with 429, Retry-After and a problem body, and counts nothing', async () => {
    const ideas: string[] = [];
    for (let i = 0; i < 31; i++) ideas.push((await newIdea({ title: `Idé ${i} til hastighedsgrænsen` })).id);
    const hasty = await stack.user({ name: 'Hurtig vælger' });

    // The limit counts per clock minute: the 31 votes must fall within one.
    await withinOneWindow(20);
    for (const id of ideas.slice(0, 30)) expect(state(await vote(id, hasty)).voted).toBe(true);
    const refused = await vote(ideas[30]!, hasty);

    expectProblem(refused, 429, 'rate-limited');
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await db.idea(ideas[30]!))!.voteCount).toBe(0);
    expect(await db.votes(ideas[30]!)).toHaveLength(0);
    expect((await db.idea(ideas[29]!))!.voteCount).toBe(1);

    // Others are not limited by it.
    expect(state(await vote(ideas[30]!, other))).toEqual({ voteCount: 1, voted: true });
  }, 90_000);
});
