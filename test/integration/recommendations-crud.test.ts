import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recommendationSchema } from '#shared/schemas/recommendations';
import { ideaDetailSchema } from '#shared/schemas/idea';
import { decideOk } from '../helpers/moderation';
import { expectProblem, type User } from '../helpers/participation';
import { aRecommendation, createRecommendation, partition, processWithIdeas, setStatus } from '../helpers/recommendations';
import { testStack, type TestStack } from '../helpers/stack';

/**
 * The committee's recommendations through the local gateway (DynamoDB Local, cognito-local): create,
 * read, change, the political committee's decision and delete, with every refusal changing nothing,
 * the audit entries, the taken-up list on the idea page and the follow events for the digests.
 */
const PID = 'anbefalinger-crud';
const OTHER = 'anbefalinger-andet';
const R = `/processes/${PID}/recommendations`;
let stack: TestStack;
let committee: User;
let moderator: User;
let admin: User;
let ideas: string[];
let foreignIdea: string;

beforeAll(async () => {
  stack = await testStack();
  const author = await stack.user({ name: 'Idéforfatter' });
  [committee, moderator, admin] = await Promise.all([
    stack.user({ role: 'committee', name: 'Udvalgsmedlem Ulla' }),
    stack.user({ role: 'moderator', name: 'Moderator' }),
    stack.user({ role: 'admin', name: 'Administrator' }),
  ]);
  ideas = await processWithIdeas(stack, PID, admin, moderator, author, 4);
  foreignIdea = (await processWithIdeas(stack, OTHER, admin, moderator, author, 1))[0]!;
  // One vote on the first idea, so the linked ideas show their votes.
  const voter = await stack.user();
  expect((await stack.api(`/ideas/${ideas[0]}/vote`, { method: 'PUT', token: voter.token })).status).toBe(200);
  await decideOk(stack, moderator.token, ideas[3]!, { action: 'hide', reason: 'Idéen indeholder personoplysninger.' });
}, 120_000);
afterAll(() => stack?.stop());

const list = async () => (await stack.api(R)).json.items as { id: string; title: string }[];
const log = async (targetId: string) =>
  ((await stack.api(`/moderation/log?processId=${PID}&targetId=${targetId}&limit=100`, { token: admin.token })).json.items as { action: string; actorName: string; changes?: unknown[] }[]);

describe('create and read', () => {
  it('the committee creates one: proposed, its ideas with their votes, audited, readable by anyone; HTML stays text', async () => {
    const title = '<script>alert(1)</script> AI & <b>chatbots</b>';
    const rec = await createRecommendation(stack, PID, committee, aRecommendation([ideas[0]!, ideas[1]!], { title }));
    expect(recommendationSchema.safeParse(rec).success).toBe(true);
    expect(rec).toMatchObject({ processId: PID, title, status: 'proposed', effects: { kvalitet: 2, hastighed: 3 }, progress: [] });
    expect(rec.ideas).toEqual([
      { id: ideas[0], title: expect.stringContaining('Idé nummer 1'), status: 'published', voteCount: 1 },
      { id: ideas[1], title: expect.stringContaining('Idé nummer 2'), status: 'published', voteCount: 0 },
    ]);
    const read = await stack.api(`${R}/${rec.id}`);
    expect(read.status).toBe(200);
    expect(read.headers.get('content-type')).toMatch(/^application\/json/);
    expect(read.json.title).toBe(title);
    expect((await list()).map((r) => r.id)).toEqual([rec.id]);
    const entries = await log(rec.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'recommendation-create', actorName: 'Udvalgsmedlem Ulla' });
  });

  it('the idea page names the recommendations that took it up; the followers of each idea are told', async () => {
    const [rec] = await list();
    const idea = await stack.api(`/ideas/${ideas[0]}`);
    expect(ideaDetailSchema.safeParse(idea.json).success).toBe(true);
    expect(idea.json.takenUpBy).toEqual([{ id: rec!.id, title: rec!.title, status: 'proposed' }]);
    expect((await stack.api(`/ideas/${ideas[2]}`)).json.takenUpBy).toBeUndefined();
    const feed = await partition(stack, `FEED#${PID}`);
    const takenUp = feed.filter((e) => e.kind === 'taken-up');
    expect(takenUp.map((e) => e.targetId).sort()).toEqual([ideas[0], ideas[1]].sort());
    expect(takenUp[0]).toMatchObject({ target: 'idea', relatedId: rec!.id, relatedTitle: rec!.title, actorId: committee.userId });
  });

  it("another process's recommendation, an unknown one and an unknown process are 404", async () => {
    const [rec] = await list();
    expectProblem(await stack.api(`/processes/${OTHER}/recommendations/${rec!.id}`), 404);
    expectProblem(await stack.api(`${R}/01JD0000000000000000000000`), 404);
    expectProblem(await stack.api('/processes/findes-ikke/recommendations'), 404);
    expectProblem(await stack.api('/processes/findes-ikke/recommendations', { method: 'POST', token: committee.token, body: aRecommendation([]) }), 404);
  });
});

describe('refused input changes nothing', () => {
  it.each([
    ['an effect the process does not have', { effects: { kvalitet: 1, ukendt: 2 } }, 'body.effects.ukendt'],
    ["another process's idea", { ideaIds: ['FOREIGN'] }, 'body.ideaIds.0'],
    ['a hidden idea', { ideaIds: ['IDEA1', 'HIDDEN'] }, 'body.ideaIds.1'],
    ['an idea that does not exist', { ideaIds: ['01JD0000000000000000000000'] }, 'body.ideaIds.0'],
    ['a weight above 3', { effects: { kvalitet: 4 } }, 'body.effects.kvalitet'],
    ['the same idea twice', { ideaIds: ['IDEA1', 'IDEA1'] }, 'body.ideaIds'],
    ['a title too short', { title: 'AI' }, 'body.title'],
  ])('%s → 400 at %s', async (_, overrides, path) => {
    const resolved = { ...overrides } as Record<string, unknown>;
    if (Array.isArray(resolved.ideaIds)) {
      resolved.ideaIds = (resolved.ideaIds as string[]).map((i) => (i === 'FOREIGN' ? foreignIdea : i === 'HIDDEN' ? ideas[3] : i === 'IDEA1' ? ideas[0] : i));
    }
    const before = await list();
    const r = await stack.api(R, { method: 'POST', token: committee.token, body: aRecommendation([ideas[2]!], resolved) });
    expectProblem(r, 400);
    expect(r.json.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(r.json.errors.every((e: { message: string }) => e.message.length > 0)).toBe(true);
    expect(await list()).toEqual(before);
    expect((await stack.api(`/ideas/${ideas[2]}`)).json.takenUpBy).toBeUndefined();
  });
});

describe('change', () => {
  it('a change since expectedUpdatedAt is refused with 409 and nothing changes', async () => {
    const [rec] = (await stack.api(R)).json.items;
    const r = await stack.api(`${R}/${rec.id}`, {
      method: 'PUT',
      token: committee.token,
      body: { ...aRecommendation([ideas[0]!], { title: 'En forældet ændring' }), expectedUpdatedAt: '2020-01-01T00:00:00.000Z' },
    });
    expectProblem(r, 409, 'stale');
    expect((await stack.api(`${R}/${rec.id}`)).json).toEqual(rec);
  });

  it('a new title and ideas: the taken-up items follow (the unlinked idea loses it, the new one gets it and its followers are told)', async () => {
    const [rec] = (await stack.api(R)).json.items;
    const r = await stack.api(`${R}/${rec.id}`, {
      method: 'PUT',
      token: committee.token,
      body: { ...aRecommendation([ideas[0]!, ideas[2]!], { title: 'AI-assistent i Borgerservice' }), expectedUpdatedAt: rec.updatedAt },
    });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json.updatedAt > rec.updatedAt).toBe(true);
    expect(r.json.ideas.map((i: { id: string }) => i.id)).toEqual([ideas[0], ideas[2]]);
    expect((await stack.api(`/ideas/${ideas[0]}`)).json.takenUpBy).toEqual([{ id: rec.id, title: 'AI-assistent i Borgerservice', status: 'proposed' }]);
    expect((await stack.api(`/ideas/${ideas[1]}`)).json.takenUpBy).toBeUndefined();
    expect((await stack.api(`/ideas/${ideas[2]}`)).json.takenUpBy).toEqual([{ id: rec.id, title: 'AI-assistent i Borgerservice', status: 'proposed' }]);
    const feed = await partition(stack, `FEED#${PID}`);
    expect(feed.filter((e) => e.kind === 'taken-up').map((e) => e.targetId).sort()).toEqual([ideas[0], ideas[1], ideas[2]].sort());
    const update = (await log(rec.id)).find((e) => e.action === 'recommendation-update');
    expect(update?.changes).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'title', after: 'AI-assistent i Borgerservice' }), expect.objectContaining({ field: 'ideaIds' })]),
    );
  });
});

describe("the political committee's decision", () => {
  it('adopted with a note: shown, on the idea pages, audited, and the followers of the recommendation are told', async () => {
    const [rec] = (await stack.api(R)).json.items;
    const adopted = await setStatus(stack, PID, committee, rec, 'adopted', 'Vedtaget på Økonomiudvalgets møde 3. december.');
    expect(adopted).toMatchObject({ status: 'adopted', statusNote: 'Vedtaget på Økonomiudvalgets møde 3. december.', statusChangedAt: adopted.updatedAt });
    expect((await stack.api(`/ideas/${ideas[0]}`)).json.takenUpBy[0].status).toBe('adopted');
    const feed = (await partition(stack, `FEED#${PID}`)).filter((e) => e.kind === 'recommendation-status');
    expect(feed).toHaveLength(1);
    expect(feed[0]).toMatchObject({ target: 'recommendation', targetId: rec.id, status: 'adopted', title: rec.title });
    expect((await log(rec.id)).map((e) => e.action)).toContain('recommendation-status');
  });

  it('an unknown status is 400; a stale one 409; neither changes anything', async () => {
    const [rec] = (await stack.api(R)).json.items;
    const bad = await stack.api(`${R}/${rec.id}/status`, { method: 'POST', token: committee.token, body: { status: 'vedtaget', expectedUpdatedAt: rec.updatedAt } });
    expectProblem(bad, 400);
    expect(bad.json.errors[0]).toMatchObject({ path: 'body.status', message: 'Ukendt status' });
    const stale = await stack.api(`${R}/${rec.id}/status`, { method: 'POST', token: committee.token, body: { status: 'rejected', expectedUpdatedAt: '2020-01-01T00:00:00Z' } });
    expectProblem(stale, 409, 'stale');
    expect((await stack.api(`${R}/${rec.id}`)).json).toEqual(rec);
  });
});

describe('delete', () => {
  it('an adopted recommendation stays (409); a proposed one goes with its taken-up items, audited', async () => {
    const [adopted] = (await stack.api(R)).json.items;
    expectProblem(await stack.api(`${R}/${adopted.id}`, { method: 'DELETE', token: committee.token }), 409, 'not-deletable');
    expect((await stack.api(`${R}/${adopted.id}`)).status).toBe(200);

    const proposed = await createRecommendation(stack, PID, committee, aRecommendation([ideas[1]!], { title: 'Anbefaling der slettes igen' }));
    expect((await stack.api(`/ideas/${ideas[1]}`)).json.takenUpBy).toHaveLength(1);
    const r = await stack.api(`${R}/${proposed.id}`, { method: 'DELETE', token: committee.token });
    expect(r.status).toBe(204);
    expectProblem(await stack.api(`${R}/${proposed.id}`), 404);
    expect((await stack.api(`/ideas/${ideas[1]}`)).json.takenUpBy).toBeUndefined();
    expect(await partition(stack, `TAKENUP#${ideas[1]}`)).toEqual([]);
    expect((await log(proposed.id)).map((e) => e.action)).toEqual(['recommendation-delete', 'recommendation-create']);
  });
});
