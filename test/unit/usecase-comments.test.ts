import { describe, expect, it } from 'vitest';
import { createComment, deleteComment, listComments, myCommentIds, updateComment } from '#functions/domain/comments';
import { COMMENT_EDIT_WINDOW_MINUTES } from '#shared/schemas/comment';
import { defaultRateLimits } from '#shared/schemas/process';
import { DURING_REVIEW, fakeWorld } from '../fakes';

/** Comments on the in-memory ports. Each test: prepare, act, assess (separated by blank lines). */
function world() {
  const w = fakeWorld();
  const author = w.given.user('writer', [], { displayName: 'Mette H.', participantType: 'employee' });
  const idea = w.given.idea({ trendScore: 2 });
  return { ...w, author, idea };
}

describe('createComment', () => {
  it('stores a visible comment signed with the profile\'s name and type, and counts it on the idea', async () => {
    const { deps, tables, author, idea } = world();

    const comment = await createComment(deps, author, idea.id, { body: 'God idé!', stance: 'for' });

    expect(comment).toMatchObject({ ideaId: idea.id, state: 'visible', body: 'God idé!', stance: 'for', authorName: 'Mette H.', authorType: 'employee', edited: false });
    expect(tables.ideas.get(idea.id)!.commentCount).toBe(1);
    expect(tables.ideas.get(idea.id)!.trendScore).toBeGreaterThan(2);
    expect((await listComments(deps, idea.id, 10)).items.map((c) => c.id)).toEqual([comment.id]);
  });

  it('puts a reply under its thread, the threads newest first and the replies oldest first', async () => {
    const { deps, clock, author, idea } = world();
    const first = await createComment(deps, author, idea.id, { body: 'Første' });
    clock.advance(1000);
    const second = await createComment(deps, author, idea.id, { body: 'Anden' });
    clock.advance(1000);
    const reply1 = await createComment(deps, author, idea.id, { body: 'Svar 1', parentId: first.id });
    clock.advance(1000);
    const reply2 = await createComment(deps, author, idea.id, { body: 'Svar 2', parentId: first.id });

    const list = await listComments(deps, idea.id, 10);

    expect(list.items.map((t) => [t.id, t.replies.map((r) => r.id)])).toEqual([
      [second.id, []],
      [first.id, [reply1.id, reply2.id]],
    ]);
  });

  it.each([
    ['a reply', (w: ReturnType<typeof world>, parent: string) => w.given.comment(w.idea.id, 'x', { parentId: parent }).id],
    ['a hidden comment', (w: ReturnType<typeof world>) => w.given.comment(w.idea.id, 'x', { state: 'hidden' }).id],
    ['a comment on another idea', (w: ReturnType<typeof world>) => w.given.comment(w.given.idea().id, 'x').id],
    ['an unknown comment', () => '01JD0000000000000000000000'],
  ])('refuses a reply to %s (409 no-parent), storing nothing', async (_case, parentOf) => {
    const w = world();
    const top = w.given.comment(w.idea.id, 'x');
    const parentId = parentOf(w, top.id);
    const before = w.tables.comments.size;

    await expect(createComment(w.deps, w.author, w.idea.id, { body: 'Svar', parentId })).rejects.toMatchObject({ status: 409, slug: 'no-parent' });
    expect(w.tables.comments.size).toBe(before);
    expect(w.tables.ideas.get(w.idea.id)!.commentCount).toBe(0);
  });

  it('answers 404 for an idea that is not public', async () => {
    const { deps, given, author } = world();
    const pending = given.idea({ status: 'pending' });

    await expect(createComment(deps, author, pending.id, { body: 'Hej' })).rejects.toMatchObject({ status: 404 });
  });

  it('refuses comments in a phase that takes none (409 comments-closed)', async () => {
    const { deps, clock, author, idea } = world();
    clock.set(DURING_REVIEW);

    await expect(createComment(deps, author, idea.id, { body: 'Hej' })).rejects.toMatchObject({ status: 409, slug: 'comments-closed' });
  });

  it('needs a profile (409) and refuses a blocked author (403)', async () => {
    const { deps, given, idea } = world();

    await expect(createComment(deps, { userId: 'nobody', roles: [] }, idea.id, { body: 'Hej' })).rejects.toMatchObject({ status: 409, slug: 'profile-required' });
    await expect(createComment(deps, given.user('blocked', [], { blocked: true }), idea.id, { body: 'Hej' })).rejects.toMatchObject({ status: 403 });
  });

  it('refuses comments over the per-minute limit (429)', async () => {
    const { deps, given, tables, author, idea } = world();
    given.process({ settings: { moderation: 'post', flagThreshold: 3, votesPerPerson: null, personalDataUntil: '2099-01-01T00:00:00.000Z', limits: { ...defaultRateLimits, commentsPerMinute: 1 } } });
    await createComment(deps, author, idea.id, { body: 'Et' });

    await expect(createComment(deps, author, idea.id, { body: 'To' })).rejects.toMatchObject({ status: 429 });
    expect(tables.ideas.get(idea.id)!.commentCount).toBe(1);
  });

  it('lets the write decide when the idea is hidden between the read and the write (409 comments-closed)', async () => {
    const { deps, tables, author, idea } = world();
    const read = deps.profiles.get;
    deps.profiles.get = async (userId) => {
      tables.ideas.get(idea.id)!.status = 'hidden'; // a moderator hides it meanwhile
      return read(userId);
    };

    await expect(createComment(deps, author, idea.id, { body: 'Hej' })).rejects.toMatchObject({ status: 409, slug: 'comments-closed' });
    expect(tables.comments.size).toBe(0);
  });
});

describe('updateComment', () => {
  it('lets the author edit within the window; the comment shows as edited, and a null stance removes it', async () => {
    const { deps, clock, author, idea } = world();
    const comment = await createComment(deps, author, idea.id, { body: 'Først', stance: 'against' });
    clock.advance((COMMENT_EDIT_WINDOW_MINUTES - 1) * 60_000);

    const updated = await updateComment(deps, author, comment.id, { body: 'Rettet', stance: null });

    expect(updated).toMatchObject({ body: 'Rettet', edited: true, updatedAt: clock.now().toISOString() });
    expect(updated.stance).toBeUndefined();
    expect(await deps.comments.get(comment.id)).toMatchObject({ body: 'Rettet', edited: true });
  });

  it('refuses after the window (409 edit-window-closed), keeping the text', async () => {
    const { deps, clock, author, idea } = world();
    const comment = await createComment(deps, author, idea.id, { body: 'Først' });
    clock.advance((COMMENT_EDIT_WINDOW_MINUTES + 1) * 60_000);

    await expect(updateComment(deps, author, comment.id, { body: 'Sent' })).rejects.toMatchObject({ status: 409, slug: 'edit-window-closed' });
    expect((await deps.comments.get(comment.id))!.body).toBe('Først');
  });

  it('refuses someone else (403), a held comment (409 not-editable) and a deleted one (404)', async () => {
    const { deps, given, author, idea } = world();
    const mine = await createComment(deps, author, idea.id, { body: 'Min' });
    const held = given.comment(idea.id, author.userId, { state: 'held' });
    const deleted = given.comment(idea.id, author.userId, { state: 'deleted' });

    await expect(updateComment(deps, given.user('other'), mine.id, { body: 'Din' })).rejects.toMatchObject({ status: 403 });
    await expect(updateComment(deps, author, held.id, { body: 'Ny' })).rejects.toMatchObject({ status: 409, slug: 'not-editable' });
    await expect(updateComment(deps, author, deleted.id, { body: 'Ny' })).rejects.toMatchObject({ status: 404 });
  });
});

describe('deleteComment', () => {
  it('leaves a placeholder without text or author, keeps the replies and takes the count back', async () => {
    const { deps, given, tables, author, idea } = world();
    const comment = await createComment(deps, author, idea.id, { body: 'Slet mig' });
    const reply = await createComment(deps, given.user('other'), idea.id, { body: 'Svar', parentId: comment.id });

    await deleteComment(deps, author, comment.id);

    const [thread] = (await listComments(deps, idea.id, 10)).items;
    expect(thread).toMatchObject({ id: comment.id, state: 'deleted' });
    expect(thread!.body).toBeUndefined();
    expect(thread!.authorName).toBeUndefined();
    expect(thread!.replies.map((r) => [r.id, r.body])).toEqual([[reply.id, 'Svar']]);
    expect(tables.comments.get(comment.id)!.authorId).toBeUndefined();
    expect(tables.ideas.get(idea.id)!.commentCount).toBe(1);
  });

  it('is idempotent: deleting twice counts down once', async () => {
    const { deps, tables, author, idea } = world();
    const comment = await createComment(deps, author, idea.id, { body: 'Slet mig' });
    await deleteComment(deps, author, comment.id);

    await deleteComment(deps, author, comment.id);

    expect(tables.ideas.get(idea.id)!.commentCount).toBe(0);
  });

  it('refuses other users (403), a moderator too (they hide it with a reason instead), and unknown comments (404)', async () => {
    const { deps, given, tables, author, idea } = world();
    const comment = await createComment(deps, author, idea.id, { body: 'Hej' });

    await expect(deleteComment(deps, given.user('other'), comment.id)).rejects.toMatchObject({ status: 403 });
    await expect(deleteComment(deps, given.user('mod', ['moderator']), comment.id)).rejects.toMatchObject({ status: 403, detail: expect.stringMatching(/Skjul/) });
    await expect(deleteComment(deps, author, '01JD0000000000000000000000')).rejects.toMatchObject({ status: 404 });
    expect(tables.comments.get(comment.id)!.state).toBe('visible');
  });
});

describe('listComments and myCommentIds', () => {
  it('reads the discussion of a merged idea, which takes no new comments, and hides a rejected idea\'s', async () => {
    const { deps, tables, author, idea } = world();
    const comment = await createComment(deps, author, idea.id, { body: 'Før sammenlægningen' });
    tables.ideas.set(idea.id, { ...tables.ideas.get(idea.id)!, status: 'merged', mergedInto: idea.id });
    expect((await listComments(deps, idea.id, 10)).items.map((c) => c.id)).toEqual([comment.id]);
    await expect(createComment(deps, author, idea.id, { body: 'Efter' })).rejects.toMatchObject({ status: 404 });
    tables.ideas.set(idea.id, { ...tables.ideas.get(idea.id)!, status: 'rejected' });
    await expect(listComments(deps, idea.id, 10)).rejects.toMatchObject({ status: 404 });
  });

  it('pages the threads with a cursor that only fits its own list (400 otherwise)', async () => {
    const { deps, given, clock, author, idea } = world();
    const ids = [];
    for (let i = 0; i < 3; i++) {
      ids.push((await createComment(deps, author, idea.id, { body: `K${i}` })).id);
      clock.advance(1000);
    }

    const first = await listComments(deps, idea.id, 2);
    const second = await listComments(deps, idea.id, 2, first.nextCursor!);

    expect([...first.items, ...second.items].map((t) => t.id)).toEqual(ids.reverse());
    expect(second.nextCursor).toBeNull();
    await expect(listComments(deps, given.idea().id, 2, first.nextCursor!)).rejects.toMatchObject({ status: 400, slug: 'invalid-cursor' });
  });

  it('answers 404 for the comments of an idea that is not public', async () => {
    const { deps, given } = world();

    await expect(listComments(deps, given.idea({ status: 'rejected' }).id, 10)).rejects.toMatchObject({ status: 404 });
  });

  it('names the caller\'s own comments on an idea, not deleted ones and not others\'', async () => {
    const { deps, given, author, idea } = world();
    const kept = await createComment(deps, author, idea.id, { body: 'Bliver' });
    const gone = await createComment(deps, author, idea.id, { body: 'Slettes' });
    await createComment(deps, given.user('other'), idea.id, { body: 'Andens' });
    await deleteComment(deps, author, gone.id);

    expect(await myCommentIds(deps.comments, author, idea.id)).toEqual({ ids: [kept.id] });
  });
});
