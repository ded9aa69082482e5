import { describe, expect, it } from 'vitest';
import { createComment, listComments } from '#functions/domain/comments';
import { flagIdea } from '#functions/domain/flags';
import { getIdea } from '#functions/domain/ideas';
import { deleteMyAccount, exportMyData, FORMER_PARTICIPANT, myIdeas } from '#functions/domain/my-data';
import { vote } from '#functions/domain/votes';
import { myDataExportSchema } from '#shared/schemas/me';
import { fakeWorld, PROCESS_ID } from '../fakes';

/**
 * The GDPR use cases on the in-memory ports: a user ("me") who wrote an idea, a comment that another
 * user answered, voted, and flagged someone else's idea. Each test: prepare, act, assess.
 */
async function world() {
  const w = fakeWorld();
  const me = w.given.user('me', [], { displayName: 'Mette H.', organisation: 'Gentofte Bibliotekerne', participantType: 'employee' });
  const other = w.given.user('other');
  const mine = w.given.idea({ authorId: 'me', authorUsername: 'me-login', authorName: 'Mette H.', voteCount: 0, trendScore: 1 });
  const theirs = w.given.idea({ authorId: 'other', trendScore: 1 });
  const comment = await createComment(w.deps, me, theirs.id, { body: 'Min kommentar', stance: 'for' });
  const reply = await createComment(w.deps, other, theirs.id, { body: 'Et svar', parentId: comment.id });
  await vote(w.deps, me, theirs.id);
  await vote(w.deps, other, mine.id);
  await flagIdea(w.deps, me, theirs.id, { reason: 'off_topic', text: 'Handler ikke om AI' });
  return { ...w, me, other, mine, theirs, comment, reply };
}

describe('exportMyData', () => {
  it('gives everything stored about the caller in one document, with the sign-in email and no internal fields', async () => {
    const w = await world();

    const data = await exportMyData(w.deps, w.me);

    expect(() => myDataExportSchema.parse(data)).not.toThrow();
    expect(data.exportedAt).toBe(w.clock.now().toISOString());
    expect(data.profile).toMatchObject({ userId: 'me', displayName: 'Mette H.', organisation: 'Gentofte Bibliotekerne', email: 'me@example.dk' });
    expect(data.ideas).toEqual([expect.objectContaining({ id: w.mine.id, title: w.mine.title, body: w.mine.body })]);
    expect(data.ideas[0]).not.toHaveProperty('authorId');
    expect(data.ideas[0]).not.toHaveProperty('trendScore');
    expect(data.comments).toEqual([expect.objectContaining({ id: w.comment.id, body: 'Min kommentar', stance: 'for' })]);
    expect(data.votes).toEqual([{ ideaId: w.theirs.id, participantType: 'employee', createdAt: w.clock.now().toISOString() }]);
    expect(data.flags).toEqual([{ ideaId: w.theirs.id, reason: 'off_topic', text: 'Handler ikke om AI', createdAt: w.clock.now().toISOString() }]);
  });

  it('leaves the email out without a sign-in name, and gives null for a user without a profile', async () => {
    const w = await world();

    const withoutName = await exportMyData(w.deps, { userId: 'me', roles: [] });
    const nobody = await exportMyData(w.deps, { userId: 'nobody', roles: [] });

    expect(withoutName.profile).not.toHaveProperty('email');
    expect(nobody).toMatchObject({ profile: null, ideas: [], comments: [], votes: [], flags: [], surveys: { answered: [] } });
  });

  it('names the surveys answered signed in by process id and title only, and says why the answers are not there', async () => {
    const w = await world();
    const itemsOf = w.deps.userData.itemsOf;
    // The fake tables hold no survey markers: the store reports two, one of a process since removed.
    w.deps.userData.itemsOf = async (userId) => ({ ...(await itemsOf(userId)), surveysAnswered: [PROCESS_ID, 'fjernet'] });

    const data = myDataExportSchema.parse(await exportMyData(w.deps, w.me));

    const title = w.tables.processes.get(PROCESS_ID)!.title;
    expect(data.surveys.answered).toEqual([{ processId: PROCESS_ID, processTitle: title }, { processId: 'fjernet', processTitle: null }]);
    expect(data.surveys.note.da).toContain('kan ikke føres tilbage til dig');
    expect(data.surveys.note.en).toContain('cannot be traced back to you');
  });
});

describe('deleteMyAccount', () => {
  it('erases votes and flags, keeping the counts of the ideas exact', async () => {
    const w = await world();
    expect(w.tables.ideas.get(w.theirs.id)).toMatchObject({ voteCount: 1, flagCount: 1 });

    await deleteMyAccount(w.deps, w.me);

    expect(w.tables.ideas.get(w.theirs.id)).toMatchObject({ voteCount: 0, flagCount: 1 });
    expect([...w.tables.votes.values()].map((v) => v.userId)).toEqual(['other']);
    expect(w.tables.flags.size).toBe(0);
  });

  it('turns comments into placeholders without author, so the replies of others stay readable', async () => {
    const w = await world();

    await deleteMyAccount(w.deps, w.me);

    const [thread] = (await listComments(w.deps, w.theirs.id, 10)).items;
    expect(thread).toMatchObject({ id: w.comment.id, state: 'deleted' });
    expect(thread!.body).toBeUndefined();
    expect(thread!.replies).toEqual([expect.objectContaining({ id: w.reply.id, body: 'Et svar', state: 'visible' })]);
    expect(w.tables.ideas.get(w.theirs.id)!.commentCount).toBe(1);
  });

  it('keeps the ideas and the votes others gave them, under "Tidligere deltager" and unlinked from the user', async () => {
    const w = await world();

    await deleteMyAccount(w.deps, w.me);

    await expect(getIdea(w.deps, w.mine.id)).resolves.toMatchObject({ authorName: FORMER_PARTICIPANT, voteCount: 1 });
    expect(w.tables.ideas.get(w.mine.id)!.authorId).toBeUndefined();
  });

  it('deletes the profile and, last, the sign-in; nothing about the user is left', async () => {
    const w = await world();

    await deleteMyAccount(w.deps, w.me);

    expect(w.tables.profiles.has('me')).toBe(false);
    expect(w.deps.directory.users.has('me-login')).toBe(false);
    expect(await w.deps.userData.itemsOf('me')).toEqual({ profile: undefined, ideas: [], comments: [], votes: [], flags: [], surveysAnswered: [], roundMemberships: [] });
  });

  it('can run again after a failure half-way, finishing the job without counting anything twice', async () => {
    const w = await world();
    const deleteProfile = w.deps.userData.deleteProfile;
    w.deps.userData.deleteProfile = async () => {
      throw new Error('DynamoDB unavailable');
    };
    await expect(deleteMyAccount(w.deps, w.me)).rejects.toThrow('DynamoDB unavailable');
    expect(w.deps.directory.users.has('me-login')).toBe(true);
    w.deps.userData.deleteProfile = deleteProfile;

    await deleteMyAccount(w.deps, w.me);

    expect(w.tables.profiles.has('me')).toBe(false);
    expect(w.deps.directory.users.has('me-login')).toBe(false);
    expect(w.tables.ideas.get(w.theirs.id)).toMatchObject({ voteCount: 0, commentCount: 1 });
  });
});

describe('myIdeas', () => {
  it('lists the caller\'s ideas in any state, newest first, saying which wait after flags and why one was rejected', async () => {
    const w = await world();
    w.clock.advance(1000);
    const held = w.given.idea({ authorId: 'me', held: true });
    w.clock.advance(1000);
    const rejected = w.given.idea({ authorId: 'me', status: 'rejected', moderationReason: 'Uden for emnet.' });

    const list = await myIdeas(w.deps.ideas, w.me, 10);

    expect(list.items.map((i) => [i.id, i.status, i.heldForReview, i.moderationReason])).toEqual([
      [rejected.id, 'rejected', false, 'Uden for emnet.'],
      [held.id, 'published', true, undefined],
      [w.mine.id, 'published', false, undefined],
    ]);
    expect(list.nextCursor).toBeNull();
  });
});
