import { describe, expect, it } from 'vitest';
import { createComment } from '#functions/domain/comments';
import { flagComment } from '#functions/domain/flags';
import { bulkModerate, moderateComment, moderateUser } from '#functions/domain/moderation';
import { vote } from '#functions/domain/votes';
import { fakeWorld, PROCESS_ID } from '../fakes';

/** Decisions on comments and users, and bulk decisions, on the in-memory ports. Each test: prepare, act, assess. */
function world() {
  const w = fakeWorld();
  const moderator = w.given.user('mod', ['moderator']);
  const author = w.given.user('author');
  return { ...w, moderator, author };
}

const reason = 'Overtræder retningslinjerne for debatten.';

describe('moderateComment', () => {
  it('hides a visible comment with an audit entry, and a restore brings it back with its flags reset', async () => {
    const w = world();
    const comment = w.given.comment(w.given.idea().id, 'author', { flagCount: 2 });

    const hidden = await moderateComment(w.deps, w.moderator, comment.id, { action: 'hide', reason });
    expect(hidden).toMatchObject({ id: comment.id, state: 'hidden' });
    expect(hidden.body).toBeUndefined();
    w.clock.advance(1000);
    const restored = await moderateComment(w.deps, w.moderator, comment.id, { action: 'restore' });

    expect(restored).toMatchObject({ state: 'visible', body: 'En kommentar.' });
    expect(w.tables.comments.get(comment.id)).toMatchObject({ state: 'visible', flagCount: 0, flagsResetAt: w.clock.now().toISOString() });
    const state = (s: string) => ({ kind: 'comment', state: s });
    expect([...w.tables.audit.values()].map((e) => [e.action, e.targetKind, e.ideaId, e.before, e.after])).toEqual([
      ['comment-hide', 'comment', comment.ideaId, state('visible'), state('hidden')],
      ['comment-restore', 'comment', comment.ideaId, state('hidden'), state('visible')],
    ]);
  });

  it('takes a held comment out of the flagged queue when it is decided', async () => {
    const w = world();
    const comment = w.given.comment(w.given.idea().id, 'author');
    for (const f of ['f1', 'f2', 'f3']) await flagComment(w.deps, w.given.user(f), comment.id, { reason: 'spam' });
    expect(await w.deps.moderation.queueCounts(PROCESS_ID)).toEqual({ pending: 0, flagged: 1 });

    await moderateComment(w.deps, w.moderator, comment.id, { action: 'hide', reason });

    expect(await w.deps.moderation.queueCounts(PROCESS_ID)).toEqual({ pending: 0, flagged: 0 });
  });

  it('refuses a decision that does not fit (409), and deleted or unknown comments (404)', async () => {
    const w = world();
    const idea = w.given.idea();
    const visible = w.given.comment(idea.id, 'author');
    const deleted = w.given.comment(idea.id, 'author', { state: 'deleted' });

    await expect(moderateComment(w.deps, w.moderator, visible.id, { action: 'restore' })).rejects.toMatchObject({ status: 409, slug: 'invalid-transition' });
    await expect(moderateComment(w.deps, w.moderator, deleted.id, { action: 'hide', reason })).rejects.toMatchObject({ status: 404 });
    await expect(moderateComment(w.deps, w.moderator, '01JD0000000000000000000000', { action: 'hide', reason })).rejects.toMatchObject({ status: 404 });
    expect(w.tables.audit.size).toBe(0);
  });
});

describe('moderateUser', () => {
  it('blocks a user, audited, so they can read but no longer write; unblocking lets them write again', async () => {
    const w = world();
    const idea = w.given.idea();

    const result = await moderateUser(w.deps, w.moderator, 'author', { action: 'block', reason, hideContent: false });

    expect(result).toEqual({ userId: 'author', blocked: true, hidden: 0 });
    expect([...w.tables.audit.values()]).toEqual([expect.objectContaining({ action: 'block', targetKind: 'user', targetId: 'author', before: { kind: 'account', blocked: false }, after: { kind: 'account', blocked: true }, reason })]);
    await expect(vote(w.deps, w.author, idea.id)).rejects.toMatchObject({ status: 403 });

    await moderateUser(w.deps, w.moderator, 'author', { action: 'unblock' });
    await expect(vote(w.deps, w.author, idea.id)).resolves.toMatchObject({ voted: true });
  });

  it('with hideContent also hides what they wrote that is still in view, counting what it hid', async () => {
    const w = world();
    const theirs = w.given.idea({ authorId: 'author' });
    const alreadyHidden = w.given.idea({ authorId: 'author', status: 'hidden' });
    const other = w.given.idea({ authorId: 'someone-else' });
    const comment = await createComment(w.deps, w.author, other.id, { body: 'Spam spam' });

    const result = await moderateUser(w.deps, w.moderator, 'author', { action: 'block', reason, hideContent: true });

    expect(result).toEqual({ userId: 'author', blocked: true, hidden: 2 });
    expect(w.tables.ideas.get(theirs.id)).toMatchObject({ status: 'hidden', moderationReason: reason });
    expect(w.tables.ideas.get(alreadyHidden.id)!.status).toBe('hidden');
    expect(w.tables.ideas.get(other.id)!.status).toBe('published');
    expect(w.tables.comments.get(comment.id)!.state).toBe('hidden');
  });

  it('answers 404 for a user without a profile', async () => {
    const w = world();

    await expect(moderateUser(w.deps, w.moderator, 'nobody', { action: 'block', reason, hideContent: false })).rejects.toMatchObject({ status: 404 });
    expect(w.tables.audit.size).toBe(0);
  });
});

describe('bulkModerate', () => {
  it('decides each target on its own and reports each one\'s status', async () => {
    const w = world();
    const pending = w.given.idea({ status: 'pending' });
    const published = w.given.idea();

    const result = await bulkModerate(w.deps, w.moderator, {
      action: 'publish',
      targets: [
        { kind: 'idea', id: pending.id },
        { kind: 'idea', id: published.id },
        { kind: 'idea', id: '01JD0000000000000000000000' },
      ],
    });

    expect(result.results.map((r) => r.status)).toEqual([200, 409, 404]);
    expect(w.tables.ideas.get(pending.id)!.status).toBe('published');
    expect([...w.tables.audit.values()].map((e) => e.targetId)).toEqual([pending.id]);
  });

  it('hides ideas and comments in one go, one audit entry each', async () => {
    const w = world();
    const idea = w.given.idea();
    const comment = w.given.comment(idea.id, 'author');

    const result = await bulkModerate(w.deps, w.moderator, { action: 'hide', reason, targets: [{ kind: 'idea', id: idea.id }, { kind: 'comment', id: comment.id }] });

    expect(result.results).toEqual([
      { kind: 'idea', id: idea.id, status: 200 },
      { kind: 'comment', id: comment.id, status: 200 },
    ]);
    expect([...w.tables.audit.values()].map((e) => e.action)).toEqual(['hide', 'comment-hide']);
  });

  it('stops on a failure that is not the client\'s (a broken store), instead of reporting it as a status', async () => {
    const w = world();
    const idea = w.given.idea({ status: 'pending' });
    w.deps.moderation.changeIdea = async () => {
      throw new Error('DynamoDB unavailable');
    };

    await expect(bulkModerate(w.deps, w.moderator, { action: 'publish', targets: [{ kind: 'idea', id: idea.id }] })).rejects.toThrow('DynamoDB unavailable');
  });
});
