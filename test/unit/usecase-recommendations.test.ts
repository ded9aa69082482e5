import { describe, expect, it } from 'vitest';
import type { RecommendationDeps } from '#functions/domain/recommendations/deps';
import { createRecommendation, deleteRecommendation, setRecommendationStatus, updateRecommendation } from '#functions/domain/recommendations/recommendations';
import { getStatusReport } from '#functions/domain/recommendations/register';
import { addProgressUpdate, setInitiative } from '#functions/domain/recommendations/tracking';
import { ConflictError, NotFoundError, ValidationError } from '#functions/lib/errors';
import { fakeWorld, PROCESS_ID } from '../fakes';
import { fakeFollowEvents, fakeRecommendationStore } from '../fakes/recommendations';

/** The recommendations' use cases on the in-memory ports: decisions, what is written, what followers are told. */
function world(options: { failingFeed?: boolean } = {}) {
  const w = fakeWorld();
  const recs = fakeRecommendationStore(w.tables);
  const feed = fakeFollowEvents(options.failingFeed);
  const deps: RecommendationDeps = { ...w.deps, recommendations: recs.store, followEvents: feed, log: w.deps.log };
  const committee = w.given.user('udvalg-1', ['committee'], { displayName: 'Udvalgsmedlem Ulla' });
  const idea = w.given.idea({ title: 'Chatbot i Borgerservice' });
  return { ...w, deps, recs, feed, committee, idea };
}
const input = (ideaIds: string[]) => ({ title: 'AI i Borgerservice', rationale: 'Borgerne venter for længe i telefonen.', effects: { kvalitet: 2 }, ideaIds });

describe('create', () => {
  it("tells the idea's followers it was taken up, and audits with the member's name", async () => {
    const w = world();
    const rec = await createRecommendation(w.deps, w.committee, PROCESS_ID, input([w.idea.id]));
    expect(w.feed.events).toEqual([
      expect.objectContaining({ kind: 'taken-up', target: 'idea', targetId: w.idea.id, title: 'Chatbot i Borgerservice', relatedId: rec.id, relatedTitle: 'AI i Borgerservice', actorId: 'udvalg-1' }),
    ]);
    expect(w.recs.audit).toEqual([expect.objectContaining({ action: 'recommendation-create', actorName: 'Udvalgsmedlem Ulla', targetKind: 'recommendation', targetId: rec.id })]);
  });

  it('a failing feed is logged and the recommendation is kept', async () => {
    const w = world({ failingFeed: true });
    const rec = await createRecommendation(w.deps, w.committee, PROCESS_ID, input([w.idea.id]));
    expect(w.recs.recs.size).toBe(1);
    expect(rec.ideas.map((i) => i.id)).toEqual([w.idea.id]);
    expect((w.deps.log as unknown as { errors: { message: string }[] }).errors.map((e) => e.message)).toEqual(['follow event not recorded']);
  });

  it('a pending idea and an unknown effect are refused with their paths, and nothing is written', async () => {
    const w = world();
    const pending = w.given.idea({ status: 'pending' });
    const error = await createRecommendation(w.deps, w.committee, PROCESS_ID, { ...input([w.idea.id, pending.id]), effects: { ukendt: 1 } }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors?.map((e) => e.path)).toEqual(['body.effects.ukendt', 'body.ideaIds.1']);
    expect(w.recs.recs.size).toBe(0);
    expect(w.feed.events).toEqual([]);
  });

  it('an unknown process is 404; an archived one 409', async () => {
    const w = world();
    await expect(createRecommendation(w.deps, w.committee, 'findes-ikke', input([]))).rejects.toBeInstanceOf(NotFoundError);
    w.given.process({ archivedAt: '2026-11-01T00:00:00.000Z' });
    await expect(createRecommendation(w.deps, w.committee, PROCESS_ID, input([]))).rejects.toMatchObject({ status: 409, slug: 'process-archived' });
  });
});

describe('change and decide', () => {
  it('an unchanged body writes nothing; only newly linked ideas are told', async () => {
    const w = world();
    const rec = await createRecommendation(w.deps, w.committee, PROCESS_ID, input([w.idea.id]));
    const same = await updateRecommendation(w.deps, w.committee, PROCESS_ID, rec.id, { ...input([w.idea.id]), expectedUpdatedAt: rec.updatedAt });
    expect(same.updatedAt).toBe(rec.updatedAt);
    expect(w.recs.audit).toHaveLength(1);
    const second = w.given.idea({ title: 'Tale til tekst' });
    await updateRecommendation(w.deps, w.committee, PROCESS_ID, rec.id, { ...input([w.idea.id, second.id]), expectedUpdatedAt: rec.updatedAt });
    expect(w.feed.events.map((e) => e.targetId)).toEqual([w.idea.id, second.id]);
  });

  it('a linked idea hidden since stays linked out of view when the committee saves the page without it', async () => {
    const w = world();
    const hidden = w.given.idea({ title: 'Skjult senere' });
    const rec = await createRecommendation(w.deps, w.committee, PROCESS_ID, input([w.idea.id, hidden.id]));
    w.tables.ideas.set(hidden.id, { ...w.tables.ideas.get(hidden.id)!, status: 'hidden', previousStatus: 'published' });
    const saved = await updateRecommendation(w.deps, w.committee, PROCESS_ID, rec.id, { ...input([w.idea.id]), title: 'Ny titel', expectedUpdatedAt: rec.updatedAt });
    expect(saved.ideas.map((i) => i.id)).toEqual([w.idea.id]);
    expect([...w.recs.recs.values()][0]!.ideaIds).toEqual([w.idea.id, hidden.id]);
    // Sent back explicitly, it is allowed too; a new hidden idea is not.
    const other = w.given.idea({ status: 'hidden' });
    const error = await updateRecommendation(w.deps, w.committee, PROCESS_ID, rec.id, { ...input([hidden.id, other.id]), expectedUpdatedAt: saved.updatedAt }).catch((e) => e);
    expect((error as ValidationError).errors?.map((e) => e.path)).toEqual(['body.ideaIds.1']);
  });

  it('the same status again with a new note is recorded but tells no one; a new status does', async () => {
    const w = world();
    const rec = await createRecommendation(w.deps, w.committee, PROCESS_ID, input([]));
    const noted = await setRecommendationStatus(w.deps, w.committee, PROCESS_ID, rec.id, { status: 'proposed', note: 'Sendt til Økonomiudvalget.', expectedUpdatedAt: rec.updatedAt });
    expect(noted.statusNote).toBe('Sendt til Økonomiudvalget.');
    expect(w.feed.events).toEqual([]);
    await setRecommendationStatus(w.deps, w.committee, PROCESS_ID, rec.id, { status: 'rejected', expectedUpdatedAt: noted.updatedAt });
    expect(w.feed.events).toEqual([expect.objectContaining({ kind: 'recommendation-status', target: 'recommendation', targetId: rec.id, status: 'rejected' })]);
  });

  it('each write moves updatedAt on, even within one millisecond, so the next stale check holds', async () => {
    const w = world();
    const rec = await createRecommendation(w.deps, w.committee, PROCESS_ID, input([]));
    const changed = await setRecommendationStatus(w.deps, w.committee, PROCESS_ID, rec.id, { status: 'adopted', expectedUpdatedAt: rec.updatedAt });
    expect(changed.updatedAt > rec.updatedAt).toBe(true);
    await expect(setRecommendationStatus(w.deps, w.committee, PROCESS_ID, rec.id, { status: 'rejected', expectedUpdatedAt: rec.updatedAt })).rejects.toMatchObject({ status: 409, slug: 'stale' });
  });

  it('a rejected recommendation is not deleted (409)', async () => {
    const w = world();
    const rec = await createRecommendation(w.deps, w.committee, PROCESS_ID, input([]));
    await setRecommendationStatus(w.deps, w.committee, PROCESS_ID, rec.id, { status: 'rejected', expectedUpdatedAt: rec.updatedAt });
    await expect(deleteRecommendation(w.deps, w.committee, PROCESS_ID, rec.id)).rejects.toBeInstanceOf(ConflictError);
    expect(w.recs.recs.size).toBe(1);
  });
});

describe('the register', () => {
  it('an initiative given an expectedUpdatedAt the first time is stale; progress needs the initiative', async () => {
    const w = world();
    const rec = await createRecommendation(w.deps, w.committee, PROCESS_ID, input([]));
    const adopted = await setRecommendationStatus(w.deps, w.committee, PROCESS_ID, rec.id, { status: 'adopted', expectedUpdatedAt: rec.updatedAt });
    const plan = { owner: 'Borgerservice', startsOn: '2026-12-01', endsOn: '2027-06-30', state: 'planned' as const };
    await expect(addProgressUpdate(w.deps, w.committee, PROCESS_ID, rec.id, { on: '2026-12-01', text: 'Begyndt.' })).rejects.toMatchObject({ slug: 'no-initiative' });
    await expect(setInitiative(w.deps, w.committee, PROCESS_ID, rec.id, { ...plan, expectedUpdatedAt: adopted.updatedAt })).rejects.toMatchObject({ slug: 'stale' });
    const tracked = await setInitiative(w.deps, w.committee, PROCESS_ID, rec.id, plan);
    expect(tracked.initiative).toMatchObject(plan);
    const update = await addProgressUpdate(w.deps, w.committee, PROCESS_ID, rec.id, { on: '2026-12-01', text: 'Begyndt.' });
    expect(update).toMatchObject({ on: '2026-12-01', text: 'Begyndt.', authorName: 'Udvalgsmedlem Ulla' });
  });

  it('a revisit whose earlier round is gone reports nothing and names no earlier process', async () => {
    const w = world();
    w.given.process({ id: 'genbesoeg', clonedFrom: 'slettet-runde' });
    expect(await getStatusReport(w.deps, 'genbesoeg')).toEqual({ processId: 'genbesoeg', today: '2026-11-28', items: [] });
  });
});
