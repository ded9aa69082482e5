import { describe, expect, it } from 'vitest';
import { flagComment, flagIdea } from '#functions/domain/flags';
import { moderatedIdea, moderateIdea, moderationQueue, overdueAnswers } from '#functions/domain/moderation';
import { queueSchema } from '#shared/schemas/moderation';
import { fakeWorld, PROCESS_ID } from '../fakes';
import { fakeSearch } from '../fakes/search';

/** What moderators read: the queue, one idea with its history, overdue answers (the audit log: usecase-audit.test.ts). Each test: prepare, act, assess. */
function world() {
  const w = fakeWorld();
  const moderator = w.given.user('mod', ['moderator']);
  w.given.user('author');
  const flaggers = ['f1', 'f2', 'f3'].map((id) => w.given.user(id));
  return { ...w, moderator, flaggers };
}

describe('moderationQueue', () => {
  it('lists waiting ideas oldest first, pages them, and counts both queues', async () => {
    const w = world();
    const first = w.given.idea({ status: 'pending', createdAt: '2026-11-28T10:00:00.000Z' });
    const third = w.given.idea({ status: 'pending', createdAt: '2026-11-28T12:00:00.000Z' });
    const second = w.given.idea({ status: 'pending', createdAt: '2026-11-28T11:00:00.000Z' });

    const page1 = await moderationQueue(w.deps, PROCESS_ID, 'pending', 2);
    const page2 = await moderationQueue(w.deps, PROCESS_ID, 'pending', 2, page1.nextCursor!);

    expect([...page1.items, ...page2.items].map((i) => i.id)).toEqual([first.id, second.id, third.id]);
    expect(page2.nextCursor).toBeNull();
    expect(page1.counts).toEqual({ pending: 3, flagged: 0 });
    expect(() => queueSchema.parse(page1)).not.toThrow();
  });

  it('shows how many flags gave each reason and their texts, never who flagged', async () => {
    const w = world();
    const idea = w.given.idea({ authorId: 'author' });
    await flagIdea(w.deps, w.flaggers[0]!, idea.id, { reason: 'spam', text: 'Reklame for et firma' });
    await flagIdea(w.deps, w.flaggers[1]!, idea.id, { reason: 'spam' });
    await flagIdea(w.deps, w.flaggers[2]!, idea.id, { reason: 'personal_data' });

    const queue = await moderationQueue(w.deps, PROCESS_ID, 'flagged', 10);

    expect(queue.items).toEqual([
      expect.objectContaining({ id: idea.id, flagCount: 3, flagReasons: { spam: 2, personal_data: 1 }, flagTexts: ['Reklame for et firma'] }),
    ]);
    expect(JSON.stringify(queue)).not.toMatch(/"f[123]"/);
  });

  it('counts only the flags since the last restore', async () => {
    const w = world();
    const idea = w.given.idea({ authorId: 'author' });
    for (const f of w.flaggers) await flagIdea(w.deps, f, idea.id, { reason: 'spam' });
    w.clock.advance(1000);
    await moderateIdea(w.deps, w.moderator, idea.id, { action: 'restore' });
    w.clock.advance(1000);
    for (const f of w.flaggers) await flagIdea(w.deps, f, idea.id, { reason: 'off_topic' });

    const queue = await moderationQueue(w.deps, PROCESS_ID, 'flagged', 10);

    expect(queue.items[0]).toMatchObject({ flagCount: 3, flagReasons: { off_topic: 3 } });
  });

  it('lists a held comment with the start of its text as title and the idea it belongs to', async () => {
    const w = world();
    const idea = w.given.idea({ authorId: 'author' });
    const comment = w.given.comment(idea.id, 'author', { body: 'x'.repeat(100) });
    for (const f of w.flaggers) await flagComment(w.deps, f, comment.id, { reason: 'offensive' });

    const queue = await moderationQueue(w.deps, PROCESS_ID, 'flagged', 10);

    expect(queue.items).toEqual([expect.objectContaining({ kind: 'comment', id: comment.id, ideaId: idea.id, title: 'x'.repeat(80), status: 'held' })]);
  });

  it('refuses a cursor from another queue (400)', async () => {
    const w = world();
    for (let i = 0; i < 3; i++) w.given.idea({ status: 'pending' });
    const page = await moderationQueue(w.deps, PROCESS_ID, 'pending', 1);

    await expect(moderationQueue(w.deps, PROCESS_ID, 'flagged', 1, page.nextCursor!)).rejects.toMatchObject({ status: 400, slug: 'invalid-cursor' });
  });
});

describe('moderatedIdea', () => {
  it('shows an idea in any state with its history, newest first, and its author\'s block state', async () => {
    const w = world();
    w.tables.profiles.get('author')!.blocked = true;
    const idea = w.given.idea({ status: 'pending', authorId: 'author' });
    await moderateIdea(w.deps, w.moderator, idea.id, { action: 'publish' });
    w.clock.advance(1000);
    await moderateIdea(w.deps, w.moderator, idea.id, { action: 'hide', reason: 'Personoplysninger i teksten.' });

    const seen = await moderatedIdea({ ...w.deps, search: fakeSearch(w.tables).cache }, idea.id);

    expect(seen).toMatchObject({ status: 'hidden', moderationReason: 'Personoplysninger i teksten.', author: { userId: 'author', blocked: true } });
    expect(seen.history.map((e) => e.action)).toEqual(['hide', 'publish']);
    await expect(moderatedIdea({ ...w.deps, search: fakeSearch(w.tables).cache }, '01JD0000000000000000000000')).rejects.toMatchObject({ status: 404 });
  });
});

describe('overdueAnswers', () => {
  it('lists public ideas past their answer deadline without an official answer', async () => {
    const w = world();
    const overdue = w.given.idea({ status: 'under_review', answerDeadline: '2026-11-01', title: 'Forsinket' });
    w.given.idea({ status: 'under_review', answerDeadline: '2026-11-01', officialAnswer: 'Svar givet.' });
    w.given.idea({ status: 'under_review', answerDeadline: '2026-12-31' });
    w.given.idea({ status: 'hidden', answerDeadline: '2026-11-01' });

    const result = await overdueAnswers(w.deps, PROCESS_ID);

    expect(result).toEqual({ items: [{ id: overdue.id, title: 'Forsinket', status: 'under_review', answerDeadline: '2026-11-01' }] });
  });
});
