import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { bulkResultSchema, moderatedIdeaSchema } from '#shared/schemas/moderation';
import { commentListSchema } from '#shared/schemas/comment';
import { validIdea } from '../fixtures/ideas';
import { commentMaker, expectProblem, flagBy, P, usersInBatches, type User } from '../helpers/participation';
import { auditAll, decide, decideComment, decideOk, ideaPoster, publicIds, queuePage } from '../helpers/moderation';
import { testStack, type TestStack } from '../helpers/stack';

/** Comment moderation, blocking users and bulk actions, through the API. */

const MAIN = 'ai-i-gentofte';
const reason = 'Strider mod debatreglerne';

let stack: TestStack;
let moderator: User;
let admin: User;
let post: ReturnType<typeof ideaPoster>;
let comment: ReturnType<typeof commentMaker>;
let ideaId: string;

beforeAll(async () => {
  stack = await testStack();
  [moderator, admin] = await Promise.all([stack.user({ role: 'moderator', name: 'Mona Moderator' }), stack.user({ role: 'admin', name: 'Adam Admin' })]);
  post = ideaPoster(stack, MAIN);
  comment = commentMaker(stack);
  ideaId = (await post({ title: 'Idé med debat' })).id;
}, 90_000);
afterAll(() => stack?.stop());

const thread = async (idea: string, commentId: string) => {
  const r = await stack.api(`/ideas/${idea}/comments?limit=50`);
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  const items = commentListSchema.parse(r.json).items;
  return items.flatMap((c) => [c, ...c.replies]).find((c) => c.id === commentId);
};
const moderateUser = (userId: string, body: unknown) => stack.api(`/moderation/users/${userId}`, { method: 'POST', token: moderator.token, body });

describe('comment moderation', () => {
  it('hides a comment only with a reason; a hidden comment shows neither text nor author; restore shows it again', async () => {
    const c = await comment(ideaId, 'En grov kommentar', undefined);

    for (const body of [{ action: 'hide' }, { action: 'hide', reason: 'kort' }]) {
      const r = await decideComment(stack, moderator.token, c.id, body);
      expectProblem(r, 400, 'validation');
      expect(r.json.errors.map((e: { path: string }) => e.path)).toEqual(['body.reason']);
    }
    expect(await thread(ideaId, c.id)).toMatchObject({ state: 'visible', body: 'En grov kommentar' });

    const hidden = await decideComment(stack, moderator.token, c.id, { action: 'hide', reason });
    expect(hidden.status, JSON.stringify(hidden.json)).toBe(200);
    expect(hidden.json).toMatchObject({ id: c.id, state: 'hidden' });
    const shown = await thread(ideaId, c.id);
    expect(shown).toMatchObject({ id: c.id, state: 'hidden' });
    for (const field of ['body', 'authorName', 'authorType', 'stance']) expect(shown).not.toHaveProperty(field);

    // Hiding twice is a stale decision.
    expect((await decideComment(stack, moderator.token, c.id, { action: 'hide', reason })).status).toBe(409);

    const restored = await decideComment(stack, moderator.token, c.id, { action: 'restore' });
    expect(restored.status, JSON.stringify(restored.json)).toBe(200);
    expect(await thread(ideaId, c.id)).toMatchObject({ state: 'visible', body: 'En grov kommentar', authorName: 'Kommentator' });
    expect((await decideComment(stack, moderator.token, c.id, { action: 'restore' })).status).toBe(409);
  });

  it('answers 404 for an unknown comment and 400 for an unknown action', async () => {
    expectProblem(await decideComment(stack, moderator.token, ulid(), { action: 'hide', reason }), 404);
    const c = await comment(ideaId, 'Endnu en kommentar');
    expectProblem(await decideComment(stack, moderator.token, c.id, { action: 'publish' }), 400, 'validation');
    expectProblem(await decideComment(stack, moderator.token, c.id, { action: 'reject', reason }), 400, 'validation');
  });

  it('puts a comment held by three flags in the flagged queue as kind "comment"; restore makes it visible again', async () => {
    const c = await comment(ideaId, 'En kommentar der anmeldes');
    await flagBy(stack, `/comments/${c.id}`, await usersInBatches(stack, 3), 'personal_data');
    expect(await thread(ideaId, c.id)).toMatchObject({ state: 'held' });

    const queue = await queuePage(stack, moderator.token, MAIN, 'flagged', '&limit=50');
    const item = queue.items.find((i) => i.id === c.id);
    expect(item).toMatchObject({ kind: 'comment', id: c.id, ideaId, status: 'held', flagCount: 3, flagReasons: { personal_data: 3 }, text: 'En kommentar der anmeldes' });

    const restored = await decideComment(stack, moderator.token, c.id, { action: 'restore', reason: 'Ingen personoplysninger' });
    expect(restored.status, JSON.stringify(restored.json)).toBe(200);
    expect(await thread(ideaId, c.id)).toMatchObject({ state: 'visible', body: 'En kommentar der anmeldes' });
    expect((await queuePage(stack, moderator.token, MAIN, 'flagged', '&limit=50')).items.map((i) => i.id)).not.toContain(c.id);
  });
});

describe('blocking a user', () => {
  it('refuses their writes with 403 and a problem body, lets them read, and unblock lets them write again', async () => {
    const [abuser, other] = await Promise.all([stack.user({ name: 'Trold' }), stack.user({ name: 'Anden' })]);
    const othersIdea = (await post({}, other)).id;
    const othersComment = (await comment(othersIdea, 'En helt almindelig kommentar', other)).id;

    const blocked = await moderateUser(abuser.userId, { action: 'block', reason: 'Gentagne krænkelser' });
    expect(blocked.status, JSON.stringify(blocked.json)).toBe(200);
    expect(blocked.json).toEqual({ userId: abuser.userId, blocked: true, hidden: 0 });

    const writes = {
      idea: () => stack.api(`${P}/ideas`, { method: 'POST', token: abuser.token, body: validIdea() }),
      comment: () => stack.api(`/ideas/${othersIdea}/comments`, { method: 'POST', token: abuser.token, body: { body: 'Spam spam spam' } }),
      vote: () => stack.api(`/ideas/${othersIdea}/vote`, { method: 'PUT', token: abuser.token }),
      flagIdea: () => stack.api(`/ideas/${othersIdea}/flags`, { method: 'POST', token: abuser.token, body: { reason: 'spam' } }),
      flagComment: () => stack.api(`/comments/${othersComment}/flags`, { method: 'POST', token: abuser.token, body: { reason: 'spam' } }),
    };
    for (const [what, write] of Object.entries(writes)) {
      const r = await write();
      expect(r.status, `${what}: ${JSON.stringify(r.json)}`).toBe(403);
      expectProblem(r, 403);
    }

    for (const read of [`${P}/ideas`, `/ideas/${othersIdea}`, `/ideas/${othersIdea}/comments`, '/me', '/me/ideas', `/me/votes?ideaIds=${othersIdea}`]) {
      const r = await stack.api(read, { token: abuser.token });
      expect(r.status, `${read}: ${JSON.stringify(r.json)}`).toBe(200);
    }
    const lookup = await stack.api(`/users?email=${encodeURIComponent(abuser.email)}`, { token: admin.token });
    expect(lookup.json).toMatchObject({ userId: abuser.userId, blocked: true });

    const unblocked = await moderateUser(abuser.userId, { action: 'unblock' });
    expect(unblocked.status, JSON.stringify(unblocked.json)).toBe(200);
    expect(unblocked.json).toMatchObject({ userId: abuser.userId, blocked: false });
    expect((await writes.idea()).status).toBe(201);
    expect((await writes.comment()).status).toBe(201);
    expect((await writes.vote()).status).toBe(200);
    expect((await writes.flagIdea()).status).toBe(201);
  });

  it("shows moderators the author's account on the idea, blocked or not, and none once the account is deleted", async () => {
    const author = await stack.user({ name: 'Forfatter' });
    const id = (await post({ title: 'En idé fra en forfatter' }, author)).id;
    const view = async () => {
      const r = await stack.api(`/moderation/ideas/${id}`, { token: moderator.token });
      expect(r.status, JSON.stringify(r.json)).toBe(200);
      return moderatedIdeaSchema.parse(r.json);
    };
    expect((await view()).author).toEqual({ userId: author.userId, blocked: false });

    expect((await moderateUser(author.userId, { action: 'block', reason: 'Gentagne krænkelser' })).status).toBe(200);
    expect((await view()).author).toEqual({ userId: author.userId, blocked: true });
    // The public idea says nothing about the author's account.
    expect((await stack.api(`/ideas/${id}`)).json).not.toHaveProperty('author');

    expect((await stack.api('/me', { method: 'DELETE', token: author.token })).status).toBe(204);
    expect(await view()).not.toHaveProperty('author');
  });

  it('needs a reason to block, and answers 404 for an unknown user', async () => {
    const someone = await stack.user();
    const r = await moderateUser(someone.userId, { action: 'block' });
    expectProblem(r, 400, 'validation');
    expect(r.json.errors.map((e: { path: string }) => e.path)).toEqual(['body.reason']);
    expectProblem(await moderateUser('00000000-0000-0000-0000-000000000000', { action: 'block', reason }), 404);
    const me = await stack.api('/me', { token: someone.token });
    expect(me.json.blocked).toBeFalsy();
  });

  it('with hideContent hides all their public ideas and visible comments in one action', async () => {
    const abuser = await stack.user({ name: 'Spammer' });
    const ideas = [(await post({ title: 'Spam-idé nummer et' }, abuser)).id, (await post({ title: 'Spam-idé nummer to' }, abuser)).id];
    const comments = [(await comment(ideaId, 'Spam-kommentar et', abuser)).id, (await comment(ideas[0]!, 'Spam-kommentar to', abuser)).id];
    // Already hidden by a moderator: not hidden again, not counted.
    const alreadyHidden = (await post({ title: 'Allerede skjult spam' }, abuser)).id;
    await decideOk(stack, moderator.token, alreadyHidden, { action: 'hide', reason });

    const r = await moderateUser(abuser.userId, { action: 'block', reason: 'Spam-konto', hideContent: true });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json).toEqual({ userId: abuser.userId, blocked: true, hidden: ideas.length + comments.length });

    const listed = await publicIds(stack, MAIN);
    for (const id of ideas) {
      expect(listed).not.toContain(id);
      expectProblem(await stack.api(`/ideas/${id}`), 404);
    }
    const onOtherIdea = await thread(ideaId, comments[0]!);
    expect(onOtherIdea).toMatchObject({ state: 'hidden' });
    expect(onOtherIdea).not.toHaveProperty('body');
    // Each hidden item has its own audit entry with the block's reason.
    for (const id of [...ideas, ...comments]) {
      const log = await auditAll(stack, moderator.token, MAIN, id);
      expect(log.map((e) => [e.action, e.reason])).toEqual([[ideas.includes(id) ? 'hide' : 'comment-hide', 'Spam-konto']]);
    }
  });

  it('is not lifted by the blocked user editing their profile', async () => {
    const abuser = await stack.user({ name: 'Trold to' });
    expect((await moderateUser(abuser.userId, { action: 'block', reason })).status).toBe(200);
    const patched = await stack.api('/me', { method: 'PATCH', token: abuser.token, body: { displayName: 'Helt ny person', participantType: 'business' } });
    expect(patched.status, JSON.stringify(patched.json)).toBe(200);
    expect(patched.json).toMatchObject({ displayName: 'Helt ny person', blocked: true });
    const idea = await stack.api(`${P}/ideas`, { method: 'POST', token: abuser.token, body: validIdea() });
    expectProblem(idea, 403);
    expect((await stack.api('/me', { token: abuser.token })).json).toMatchObject({ blocked: true });
  });

  it('does not let blocking and a profile edit at the same moment lose the block', async () => {
    // A profile edit reads the profile, then writes it whole: a block landing in between must survive.
    // The window is one DynamoDB round trip, so several rounds of edits in flight around the block.
    for (let round = 0; round < 8; round++) {
      const abuser = await stack.user({ name: `Samtidig ${round}` });
      let done = false;
      let edits = 0;
      const editLoop = async () => {
        while (!done) {
          const r = await stack.api('/me', { method: 'PATCH', token: abuser.token, body: { displayName: `Navn ${round}-${edits++}`, participantType: 'citizen' } });
          expect(r.status).toBe(200);
        }
      };
      const loops = [editLoop(), editLoop(), editLoop()];
      await new Promise((r) => setTimeout(r, 50));
      const block = await moderateUser(abuser.userId, { action: 'block', reason });
      done = true;
      await Promise.all(loops);
      expect(block.status).toBe(200);
      const idea = await stack.api(`${P}/ideas`, { method: 'POST', token: abuser.token, body: validIdea() });
      expect(idea.status, `round ${round} (${edits} edits): a blocked user could post: ${JSON.stringify(idea.json)}`).toBe(403);
    }
  });
});

describe('bulk', () => {
  it('hides several ideas in one call with a reason, with a result per target', async () => {
    const ids = [(await post()).id, (await post()).id, (await post()).id];
    const stale = (await post()).id;
    await decideOk(stack, moderator.token, stale, { action: 'hide', reason });
    const unknown = ulid();
    const targets = [...ids, stale, unknown].map((id) => ({ kind: 'idea', id }));

    const r = await stack.api('/moderation/bulk', { method: 'POST', token: moderator.token, body: { action: 'hide', reason: 'Dubletter fra samme afsender', targets } });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    const { results } = bulkResultSchema.parse(r.json);
    expect(results.map((x) => [x.id, x.status])).toEqual([
      [ids[0], 200],
      [ids[1], 200],
      [ids[2], 200],
      [stale, 409],
      [unknown, 404],
    ]);
    const listed = await publicIds(stack, MAIN);
    for (const id of ids) {
      expect(listed).not.toContain(id);
      expect((await auditAll(stack, moderator.token, MAIN, id)).map((e) => [e.action, e.reason])).toEqual([['hide', 'Dubletter fra samme afsender']]);
    }
    expect(await auditAll(stack, moderator.token, MAIN, stale)).toHaveLength(1);
  });

  it('hides comments and ideas together', async () => {
    const idea = (await post()).id;
    const c = await comment(ideaId, 'Kommentar i en bunke');
    const r = await stack.api('/moderation/bulk', {
      method: 'POST',
      token: moderator.token,
      body: { action: 'hide', reason, targets: [{ kind: 'idea', id: idea }, { kind: 'comment', id: c.id }] },
    });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json.results.map((x: { status: number }) => x.status)).toEqual([200, 200]);
    expect(await thread(ideaId, c.id)).toMatchObject({ state: 'hidden' });
  });

  it('refuses hide or reject without a reason, publish on comments, and empty or oversized selections (400, nothing changes)', async () => {
    const id = (await post()).id;
    const one = [{ kind: 'idea', id }];
    for (const body of [
      { action: 'hide', targets: one },
      { action: 'reject', targets: one },
      { action: 'publish', targets: [{ kind: 'comment', id: ulid() }] },
      { action: 'merge', reason, targets: one },
      { action: 'hide', reason, targets: [] },
      { action: 'hide', reason, targets: Array.from({ length: 51 }, () => ({ kind: 'idea', id: ulid() })) },
    ]) {
      const r = await stack.api('/moderation/bulk', { method: 'POST', token: moderator.token, body });
      expectProblem(r, 400, 'validation');
    }
    const noReason = await stack.api('/moderation/bulk', { method: 'POST', token: moderator.token, body: { action: 'hide', targets: one } });
    expect(noReason.json.errors.map((e: { path: string }) => e.path)).toEqual(['body.reason']);
    expect((await stack.api(`/ideas/${id}`)).json.status).toBe('published');
    expect(await auditAll(stack, moderator.token, MAIN, id)).toEqual([]);
  });

  it('answers a moderation of one idea that is not in the right state with its own status, not 5xx', async () => {
    const id = (await post()).id;
    const r = await decide(stack, moderator.token, id, { action: 'publish' });
    expect(r.status).toBe(409);
  });
});
