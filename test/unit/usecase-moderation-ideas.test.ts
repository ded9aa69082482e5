import { describe, expect, it } from 'vitest';
import { getIdea } from '#functions/domain/ideas';
import { moderateIdea } from '#functions/domain/moderation';
import { fakeWorld, PROCESS_ID } from '../fakes';

/** Decisions on ideas, on the in-memory ports. Each test: prepare, act, assess (separated by blank lines). */
function world() {
  const w = fakeWorld();
  const moderator = w.given.user('mod', ['moderator'], { displayName: 'Mona Moderator' });
  w.given.user('author');
  return { ...w, moderator };
}

const audit = (w: ReturnType<typeof world>, targetId: string) => [...w.tables.audit.values()].filter((e) => e.targetId === targetId);

describe('moderateIdea', () => {
  it('publishes a pending idea: public, out of the pending queue, audited with who and what, and the author told', async () => {
    const w = world();
    const idea = w.given.idea({ status: 'pending' });

    const result = await moderateIdea(w.deps, w.moderator, idea.id, { action: 'publish' });

    expect(result).toMatchObject({ id: idea.id, status: 'published', held: false });
    await expect(getIdea(w.deps, idea.id)).resolves.toMatchObject({ status: 'published' });
    expect(await w.deps.moderation.queueCounts(PROCESS_ID)).toEqual({ pending: 0, flagged: 0 });
    expect(audit(w, idea.id)).toEqual([
      expect.objectContaining({ action: 'publish', actorId: 'mod', actorName: 'Mona Moderator', targetKind: 'idea', before: { kind: 'idea', status: 'pending', held: false }, after: { kind: 'idea', status: 'published', held: false }, at: w.clock.now().toISOString() }),
    ]);
    expect(result.history).toEqual(audit(w, idea.id).map((e) => ({ ...e, ideaId: idea.id })));
    expect(w.deps.notifier.sent).toEqual([expect.objectContaining({ to: 'author@example.dk', subject: expect.stringContaining('offentliggjort') })]);
  });

  it('rejects with the reason told to the author, who is pointed to "Min side"; restoring goes back to pending', async () => {
    const w = world();
    const idea = w.given.idea({ status: 'pending' });

    await moderateIdea(w.deps, w.moderator, idea.id, { action: 'reject', reason: 'Idéen er uden for forløbets emne.' });

    expect(w.tables.ideas.get(idea.id)).toMatchObject({ status: 'rejected', previousStatus: 'pending', moderationReason: 'Idéen er uden for forløbets emne.' });
    expect(w.deps.notifier.sent[0]!.text).toContain('Begrundelse: Idéen er uden for forløbets emne.');
    expect(w.deps.notifier.sent[0]!.text).toContain('/min-side');

    await moderateIdea(w.deps, w.moderator, idea.id, { action: 'restore' });
    expect(w.tables.ideas.get(idea.id)!.status).toBe('pending');
    expect(w.tables.ideas.get(idea.id)!.moderationReason).toBeUndefined();
    expect(await w.deps.moderation.queueCounts(PROCESS_ID)).toEqual({ pending: 1, flagged: 0 });
  });

  it('hides a held idea, taking it out of the flagged queue, and a restore brings back its status with the flags reset', async () => {
    const w = world();
    const idea = w.given.idea({ status: 'under_review', held: true, flagCount: 3 });
    expect(await w.deps.moderation.queueCounts(PROCESS_ID)).toEqual({ pending: 0, flagged: 1 });

    await moderateIdea(w.deps, w.moderator, idea.id, { action: 'hide', reason: 'Personoplysninger i teksten.' });
    expect(w.tables.ideas.get(idea.id)).toMatchObject({ status: 'hidden', previousStatus: 'under_review' });
    expect(await w.deps.moderation.queueCounts(PROCESS_ID)).toEqual({ pending: 0, flagged: 0 });
    w.clock.advance(1000);

    await moderateIdea(w.deps, w.moderator, idea.id, { action: 'restore' });

    expect(w.tables.ideas.get(idea.id)).toMatchObject({ status: 'under_review', flagCount: 0, flagsResetAt: w.clock.now().toISOString() });
    expect(w.tables.ideas.get(idea.id)!.held).toBeUndefined();
    expect(audit(w, idea.id).map((e) => [e.action, e.before, e.after])).toEqual([
      ['hide', { kind: 'idea', status: 'under_review', held: true }, { kind: 'idea', status: 'hidden', held: false }],
      ['restore', { kind: 'idea', status: 'hidden', held: false }, { kind: 'idea', status: 'under_review', held: false }],
    ]);
    expect(w.deps.notifier.sent).toHaveLength(1); // a restore sends no mail
  });

  it('hides a merged idea (personal data found after the merge): off the target\'s list; restore puts it back merged; not into a hidden target', async () => {
    const w = world();
    const [idea, target] = [w.given.idea(), w.given.idea()];
    await moderateIdea(w.deps, w.moderator, idea.id, { action: 'merge', targetId: target.id, reason: 'Samme forslag som en anden idé.' });

    await moderateIdea(w.deps, w.moderator, idea.id, { action: 'hide', reason: 'Personoplysninger i teksten.' });

    expect(w.tables.ideas.get(idea.id)).toMatchObject({ status: 'hidden', previousStatus: 'merged', mergedInto: target.id });
    expect(w.tables.ideas.get(target.id)!.mergedFrom).toEqual([]);
    await moderateIdea(w.deps, w.moderator, idea.id, { action: 'restore' });
    expect(w.tables.ideas.get(idea.id)).toMatchObject({ status: 'merged', mergedInto: target.id });
    expect(w.tables.ideas.get(target.id)!.mergedFrom).toEqual([idea.id]);

    await moderateIdea(w.deps, w.moderator, idea.id, { action: 'reject', reason: 'Strider mod reglerne.' });
    await moderateIdea(w.deps, w.moderator, target.id, { action: 'hide', reason: 'Personoplysninger i teksten.' });
    await expect(moderateIdea(w.deps, w.moderator, idea.id, { action: 'restore' })).rejects.toMatchObject({ status: 409, slug: 'merge-target-gone' });
    expect(w.tables.ideas.get(idea.id)!.status).toBe('rejected');
  });

  it('merges a public idea into another of the same process: read-only, linked both ways, the author told', async () => {
    const w = world();
    const [idea, target] = [w.given.idea(), w.given.idea()];

    const result = await moderateIdea(w.deps, w.moderator, idea.id, { action: 'merge', targetId: target.id, reason: 'Samme forslag som en anden idé.' });

    expect(result).toMatchObject({ status: 'merged', mergedInto: target.id });
    expect(w.tables.ideas.get(target.id)!.mergedFrom).toEqual([idea.id]);
    await expect(getIdea(w.deps, idea.id)).resolves.toMatchObject({ status: 'merged', mergedInto: target.id });
    expect(w.deps.notifier.sent[0]!.subject).toContain('lagt sammen');
  });

  it('refuses a merge into another process\'s idea (409 invalid-merge), a target out of view (409) and itself (400)', async () => {
    const w = world();
    const idea = w.given.idea();
    const elsewhere = w.given.idea({ processId: 'andet-forloeb' });
    const hidden = w.given.idea({ status: 'hidden' });
    const reason = 'Samme forslag som en anden idé.';

    await expect(moderateIdea(w.deps, w.moderator, idea.id, { action: 'merge', targetId: elsewhere.id, reason })).rejects.toMatchObject({ status: 409, slug: 'invalid-merge' });
    await expect(moderateIdea(w.deps, w.moderator, idea.id, { action: 'merge', targetId: hidden.id, reason })).rejects.toMatchObject({ status: 409, slug: 'changed-meanwhile' });
    await expect(moderateIdea(w.deps, w.moderator, idea.id, { action: 'merge', targetId: idea.id, reason })).rejects.toMatchObject({ status: 400 });
    expect(w.tables.ideas.get(idea.id)!.status).toBe('published');
    expect(w.tables.audit.size).toBe(0);
  });

  it('sets a workflow status with the committee\'s answer and deadline; an empty answer removes it again', async () => {
    const w = world();
    const idea = w.given.idea();

    await moderateIdea(w.deps, w.moderator, idea.id, { action: 'set-status', status: 'selected', officialAnswer: 'Udvalget går videre med idéen.', answerDeadline: '2027-03-01' });

    expect(w.tables.ideas.get(idea.id)).toMatchObject({ status: 'selected', officialAnswer: 'Udvalget går videre med idéen.', answerDeadline: '2027-03-01' });
    expect(w.deps.notifier.sent[0]).toMatchObject({ subject: 'Ny status for din idé: Udvalgt', text: expect.stringContaining('Udvalget går videre med idéen.') });

    await moderateIdea(w.deps, w.moderator, idea.id, { action: 'set-status', status: 'selected', officialAnswer: '', answerDeadline: null });
    expect(w.tables.ideas.get(idea.id)!.officialAnswer).toBeUndefined();
    expect(w.tables.ideas.get(idea.id)!.answerDeadline).toBeUndefined();
  });

  it('refuses a decision that does not fit the state (409 invalid-transition) with no audit entry and no mail', async () => {
    const w = world();
    const idea = w.given.idea();

    await expect(moderateIdea(w.deps, w.moderator, idea.id, { action: 'publish' })).rejects.toMatchObject({ status: 409, slug: 'invalid-transition' });
    expect(w.tables.audit.size).toBe(0);
    expect(w.deps.notifier.sent).toEqual([]);
  });

  it('refuses when another moderator changed the idea after it was read (409 changed-meanwhile), writing nothing', async () => {
    const w = world();
    const idea = w.given.idea();
    const read = w.deps.profiles.get;
    w.deps.profiles.get = async (userId) => {
      w.tables.ideas.get(idea.id)!.status = 'hidden'; // the other moderator's decision lands first
      return read(userId);
    };

    await expect(moderateIdea(w.deps, w.moderator, idea.id, { action: 'hide', reason: 'Personoplysninger i teksten.' })).rejects.toMatchObject({ status: 409, slug: 'changed-meanwhile' });
    expect(w.tables.audit.size).toBe(0);
    expect(w.deps.notifier.sent).toEqual([]);
  });

  it('keeps the decision when the mail fails, and logs the failure', async () => {
    const w = world();
    const idea = w.given.idea({ status: 'pending' });
    w.deps.notifier.failWith = new Error('SES is down');

    await moderateIdea(w.deps, w.moderator, idea.id, { action: 'publish' });

    expect(w.tables.ideas.get(idea.id)!.status).toBe('published');
    expect(w.deps.log.errors).toEqual([expect.objectContaining({ message: 'author notification failed', fields: expect.objectContaining({ ideaId: idea.id }) })]);
  });

  it('sends no mail for an author without a sign-in name (a deleted account)', async () => {
    const w = world();
    const idea = w.given.idea({ status: 'pending', authorUsername: undefined });

    await moderateIdea(w.deps, w.moderator, idea.id, { action: 'publish' });

    expect(w.tables.ideas.get(idea.id)!.status).toBe('published');
    expect(w.deps.notifier.sent).toEqual([]);
  });

  it('signs the audit entry "moderator" when the moderator has no profile, and answers 404 for an unknown idea', async () => {
    const w = world();
    const idea = w.given.idea({ status: 'pending' });

    await moderateIdea(w.deps, { userId: 'no-profile', roles: ['moderator'] }, idea.id, { action: 'publish' });

    expect(audit(w, idea.id)[0]).toMatchObject({ actorId: 'no-profile', actorName: 'moderator' });
    await expect(moderateIdea(w.deps, w.moderator, '01JD0000000000000000000000', { action: 'publish' })).rejects.toMatchObject({ status: 404 });
  });
});
