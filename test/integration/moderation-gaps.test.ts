import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commentListSchema } from '#shared/schemas/comment';
import { commentMaker, expectProblem, type User } from '../helpers/participation';
import { auditAll, ideaPoster } from '../helpers/moderation';
import { testStack, type TestStack } from '../helpers/stack';

/**
 * The security review's moderation gaps (issue 17), through the gateway: a block also stops edits of
 * what the user wrote before it.
 */

const MAIN = 'ai-i-gentofte';
const reason = 'Gentagne krænkelser af debatreglerne';

let stack: TestStack;
let moderator: User;
let post: ReturnType<typeof ideaPoster>;
let comment: ReturnType<typeof commentMaker>;
let ideaId: string;

beforeAll(async () => {
  stack = await testStack();
  moderator = await stack.user({ role: 'moderator', name: 'Mona Moderator' });
  post = ideaPoster(stack, MAIN);
  comment = commentMaker(stack);
  ideaId = (await post({ title: 'Idé med debat om blokering' })).id;
}, 90_000);
afterAll(() => stack?.stop());

const block = async (userId: string) => {
  const r = await stack.api(`/moderation/users/${userId}`, { method: 'POST', token: moderator.token, body: { action: 'block', reason } });
  expect(r.status, JSON.stringify(r.json)).toBe(200);
};
const shown = async (idea: string, commentId: string) => {
  const r = await stack.api(`/ideas/${idea}/comments?limit=50`);
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  return commentListSchema.parse(r.json).items.flatMap((c) => [c, ...c.replies]).find((c) => c.id === commentId);
};

describe('a block', () => {
  it('stops the blocked author editing a comment written before the block, within the edit window (403, text unchanged)', async () => {
    const author = await stack.user({ name: 'Trold der retter' });
    const c = await comment(ideaId, { body: 'En kommentar fra før blokeringen', stance: 'for' }, author);
    await block(author.userId);

    const r = await stack.api(`/comments/${c.id}`, { method: 'PATCH', token: author.token, body: { body: 'Skældsord skrevet efter blokeringen' } });
    expectProblem(r, 403, 'forbidden');
    expect(r.json.detail).toMatch(/blokeret/);
    expect(await shown(ideaId, c.id)).toMatchObject({ body: 'En kommentar fra før blokeringen', edited: false });
  });

  it("stops the blocked author rewriting their idea's plain-language summary (403, nothing written), while a moderator still may", async () => {
    const author = await stack.user({ name: 'Trold med idé' });
    const { id } = await post({ title: 'Idé fra en der blokeres' }, author);
    await block(author.userId);

    const r = await stack.api(`/ideas/${id}/plain-summary`, { method: 'PUT', token: author.token, body: { plainSummary: 'Skrevet efter blokeringen' } });
    expectProblem(r, 403, 'forbidden');
    expect((await stack.api(`/ideas/${id}`)).json).not.toHaveProperty('plainSummary');
    expect(await auditAll(stack, moderator.token, MAIN, id)).toEqual([]);

    const byModerator = await stack.api(`/ideas/${id}/plain-summary`, { method: 'PUT', token: moderator.token, body: { plainSummary: 'Kort og letlæst' } });
    expect(byModerator.status, JSON.stringify(byModerator.json)).toBe(200);
  });
});
