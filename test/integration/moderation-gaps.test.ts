import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commentListSchema } from '#shared/schemas/comment';
import { commentMaker, expectProblem, type User } from '../helpers/participation';
import { ideaDetailSchema } from '#shared/schemas/idea';
import { auditAll, decide, decideComment, decideOk, ideaPoster, onLists } from '../helpers/moderation';
import { respond, respondableProcess } from '../helpers/consultation-responses';
import { testStack, type TestStack } from '../helpers/stack';

/**
 * The security review's moderation gaps (issue 17), through the gateway: a block also stops edits of
 * what the user wrote before it; someone else's comment is removed only by a moderation decision
 * with a reason and an audit entry, never by a silent delete; a merged idea can still be hidden or
 * rejected, and then leaves the merge target's list.
 */

const MAIN = 'ai-i-gentofte';
const HEARING = 'hoering-huller';
const reason = 'Gentagne krænkelser af debatreglerne';

let stack: TestStack;
let moderator: User;
let admin: User;
let post: ReturnType<typeof ideaPoster>;
let comment: ReturnType<typeof commentMaker>;
let ideaId: string;

beforeAll(async () => {
  stack = await testStack();
  [moderator, admin] = await Promise.all([stack.user({ role: 'moderator', name: 'Mona Moderator' }), stack.user({ role: 'admin', name: 'Sekretariatet' })]);
  await respondableProcess(stack, admin, HEARING);
  post = ideaPoster(stack, MAIN);
  comment = commentMaker(stack);
  ideaId = (await post({ title: 'Idé med debat om blokering' })).id;
}, 120_000);
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

  it('stops the blocked author editing their comment on a paragraph of a consultation within the edit window (403, text unchanged)', async () => {
    const author = await stack.user({ name: 'Trold i høringen' });
    const created = await respond(stack, HEARING, author, { paragraphNo: 1, position: 'disagree', comment: 'Skrevet før blokeringen' });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    await block(author.userId);

    const r = await stack.api(`/consultation-responses/${created.json.id}`, { method: 'PATCH', token: author.token, body: { comment: 'Skrevet efter blokeringen' } });
    expectProblem(r, 403, 'forbidden');
    expect(JSON.stringify((await stack.api('/me/consultation-responses', { token: author.token })).json)).toContain('Skrevet før blokeringen');
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

describe("someone else's comment", () => {
  it('is not deleted by a moderator (403 pointing to moderation, comment unchanged, no trace); hiding it takes a reason and leaves an audit entry', async () => {
    const author = await stack.user({ name: 'Kommentarens forfatter' });
    const c = await comment(ideaId, 'En kommentar med en persons telefonnummer', author);
    const logBefore = await auditAll(stack, moderator.token, MAIN, c.id);

    const r = await stack.api(`/comments/${c.id}`, { method: 'DELETE', token: moderator.token });
    expectProblem(r, 403, 'forbidden');
    expect(r.json.detail).toMatch(/[Ss]kjul/);
    expect(await shown(ideaId, c.id)).toMatchObject({ state: 'visible', body: 'En kommentar med en persons telefonnummer' });
    expect(await auditAll(stack, moderator.token, MAIN, c.id)).toEqual(logBefore);

    // The moderation path: a reason is required, and the decision is logged with it.
    expectProblem(await decideComment(stack, moderator.token, c.id, { action: 'hide' }), 400, 'validation');
    const hidden = await decideComment(stack, moderator.token, c.id, { action: 'hide', reason: 'Indeholder personoplysninger' });
    expect(hidden.status, JSON.stringify(hidden.json)).toBe(200);
    expect(await shown(ideaId, c.id)).toMatchObject({ state: 'hidden' });
    const log = await auditAll(stack, moderator.token, MAIN, c.id);
    expect(log.map((e) => [e.action, e.reason, e.actorId])).toEqual([['comment-hide', 'Indeholder personoplysninger', moderator.userId]]);
  });

  it('on a paragraph of a consultation is not deleted by a moderator either (403, response unchanged); its author still may', async () => {
    const author = await stack.user({ name: 'Høringssvarets forfatter' });
    const created = await respond(stack, HEARING, author, { paragraphNo: 2, position: 'agree', comment: 'Mit navn er Hans Hansen, Strandvejen 1' });
    expect(created.status, JSON.stringify(created.json)).toBe(201);

    const r = await stack.api(`/consultation-responses/${created.json.id}`, { method: 'DELETE', token: moderator.token });
    expectProblem(r, 403, 'forbidden');
    expect(r.json.detail).toMatch(/[Ss]kjul/);
    expect(JSON.stringify((await stack.api('/me/consultation-responses', { token: author.token })).json)).toContain('Strandvejen 1');

    expect((await stack.api(`/consultation-responses/${created.json.id}`, { method: 'DELETE', token: author.token })).status).toBe(204);
  });
});

describe('a merged idea', () => {
  const publicIdea = async (id: string) => {
    const r = await stack.api(`/ideas/${id}`);
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    return ideaDetailSchema.parse(r.json);
  };

  it('can be hidden (personal data found after the merge): it leaves the target\'s merged list, the carried votes stay, and restore brings it back merged', async () => {
    const [a, c, b] = [await post({ title: 'Dublet med et CPR-nummer' }), await post({ title: 'Anden dublet' }), await post({ title: 'Målidéen' })];
    const voter = await stack.user({ name: 'Stemmer' });
    expect((await stack.api(`/ideas/${a.id}/vote`, { method: 'PUT', token: voter.token })).status).toBe(200);
    await decideOk(stack, moderator.token, a.id, { action: 'merge', targetId: b.id, reason: 'Samme idé' });
    await decideOk(stack, moderator.token, c.id, { action: 'merge', targetId: b.id, reason: 'Samme idé' });
    expect((await publicIdea(b.id)).mergedFrom).toEqual([a.id, c.id]);
    expect((await publicIdea(b.id)).voteCount).toBe(1);

    const hidden = await decideOk(stack, moderator.token, a.id, { action: 'hide', reason: 'Indeholder et CPR-nummer' });
    expect(hidden).toMatchObject({ status: 'hidden', mergedInto: b.id });
    expectProblem(await stack.api(`/ideas/${a.id}`), 404);
    expect(await onLists(stack, MAIN, a.id)).toEqual([false, false, false, false, false]);
    const target = await publicIdea(b.id);
    expect(target.mergedFrom).toEqual([c.id]);
    expect(target.voteCount).toBe(1);
    const log = await auditAll(stack, moderator.token, MAIN, a.id);
    expect(log.map((e) => [e.action, e.reason])).toEqual([['hide', 'Indeholder et CPR-nummer'], ['merge', 'Samme idé']]);

    const restored = await decideOk(stack, moderator.token, a.id, { action: 'restore' });
    expect(restored).toMatchObject({ status: 'merged', mergedInto: b.id });
    expect((await publicIdea(a.id)).mergedInto).toBe(b.id);
    expect((await publicIdea(b.id)).mergedFrom).toEqual([c.id, a.id]);
  });

  it('can be rejected: it leaves the target\'s merged list, and the target keeps the rest', async () => {
    const [a, c, b] = [await post(), await post(), await post()];
    await decideOk(stack, moderator.token, a.id, { action: 'merge', targetId: b.id, reason: 'Samme idé' });
    await decideOk(stack, moderator.token, c.id, { action: 'merge', targetId: b.id, reason: 'Samme idé' });

    expect(await decideOk(stack, moderator.token, c.id, { action: 'reject', reason: 'Strider mod reglerne' })).toMatchObject({ status: 'rejected' });
    expectProblem(await stack.api(`/ideas/${c.id}`), 404);
    expect((await publicIdea(b.id)).mergedFrom).toEqual([a.id]);
    await decideOk(stack, moderator.token, a.id, { action: 'reject', reason: 'Strider mod reglerne' });
    expect((await publicIdea(b.id)).mergedFrom ?? []).toEqual([]);
  });

  it('two merged ideas hidden at once both leave the list', async () => {
    const [a, c, b] = [await post(), await post(), await post()];
    await decideOk(stack, moderator.token, a.id, { action: 'merge', targetId: b.id, reason: 'Samme idé' });
    await decideOk(stack, moderator.token, c.id, { action: 'merge', targetId: b.id, reason: 'Samme idé' });
    const [ra, rc] = await Promise.all([a, c].map((x) => decide(stack, moderator.token, x.id, { action: 'hide', reason: 'Personoplysninger' })));
    expect([ra!.status, rc!.status]).toEqual([200, 200]);
    expect((await publicIdea(b.id)).mergedFrom ?? []).toEqual([]);
  });

  it('is not restored merged into a target that is no longer readable (409, stays hidden)', async () => {
    const [a, b] = [await post(), await post()];
    await decideOk(stack, moderator.token, a.id, { action: 'merge', targetId: b.id, reason: 'Samme idé' });
    await decideOk(stack, moderator.token, a.id, { action: 'hide', reason: 'Personoplysninger' });
    await decideOk(stack, moderator.token, b.id, { action: 'hide', reason: 'Personoplysninger' });
    expectProblem(await decide(stack, moderator.token, a.id, { action: 'restore' }), 409);
    expectProblem(await stack.api(`/ideas/${a.id}`), 404);
  });
});
