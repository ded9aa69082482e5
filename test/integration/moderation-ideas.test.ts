import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { ideaDetailSchema } from '#shared/schemas/idea';
import { myIdeaListSchema } from '#shared/schemas/me';
import { moderatedIdeaSchema, overdueSchema } from '#shared/schemas/moderation';
import { expectProblem, flagBy, P, usersInBatches, type User } from '../helpers/participation';
import { addPreModeratedProcess, auditAll, decide, decideOk, ideaPoster, onLists, PRE, publicIds, queueAll, queuePage } from '../helpers/moderation';
import { testStack, type TestStack } from '../helpers/stack';

/** The moderation workflow of ideas, through the API: queue, decisions, merges, flags, overdue answers. */

const MAIN = 'ai-i-gentofte';
const reason = 'Begrundelse fra moderator';

let stack: TestStack;
let moderator: User;
let secondModerator: User;
let committee: User;
let someone: User;
let postMain: ReturnType<typeof ideaPoster>;
let postPre: ReturnType<typeof ideaPoster>;

beforeAll(async () => {
  stack = await testStack();
  // Before any request names the process: the functions cache processes for 30 s.
  await addPreModeratedProcess(stack);
  [moderator, secondModerator, committee, someone] = await Promise.all([
    stack.user({ role: 'moderator', name: 'Mona Moderator' }),
    stack.user({ role: 'moderator', name: 'Morten Moderator' }),
    stack.user({ role: 'committee', name: 'Udvalgsmedlem' }),
    stack.user({ name: 'Nysgerrig borger' }),
  ]);
  postMain = ideaPoster(stack, MAIN);
  postPre = ideaPoster(stack, PRE);
}, 90_000);
afterAll(() => stack?.stop());

const getIdea = (id: string, user?: User) => stack.api(`/ideas/${id}`, { token: user?.token });
const moderated = async (id: string) => {
  const r = await stack.api(`/moderation/ideas/${id}`, { token: moderator.token });
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  return moderatedIdeaSchema.parse(r.json);
};
const myIdeas = async (user: User) => {
  const r = await stack.api('/me/ideas?limit=50', { token: user.token });
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  return myIdeaListSchema.parse(r.json).items;
};

describe('pre-moderation', () => {
  it('keeps a pending idea out of public view and in the pending queue until a moderator publishes it', async () => {
    const { id, status, author } = await postPre({ title: 'Ventende idé om chatbot' });
    expect(status).toBe('pending');

    expect(await publicIds(stack, PRE)).not.toContain(id);
    expectProblem(await getIdea(id), 404);
    expectProblem(await getIdea(id, someone), 404);
    expect((await moderated(id)).status).toBe('pending');
    expect((await myIdeas(author)).find((i) => i.id === id)).toMatchObject({ status: 'pending' });

    const before = await queuePage(stack, moderator.token, PRE, 'pending', '&limit=50');
    const item = before.items.find((i) => i.id === id);
    expect(item).toMatchObject({ kind: 'idea', id, ideaId: id, title: 'Ventende idé om chatbot', status: 'pending', flagCount: 0, authorName: 'Idéforfatter' });
    expect(before.counts.pending).toBeGreaterThanOrEqual(1);
    expect(before.counts.pending).toBe((await queueAll(stack, moderator.token, PRE, 'pending')).length);

    const published = await decideOk(stack, moderator.token, id, { action: 'publish' });
    expect(published).toMatchObject({ id, status: 'published', held: false });

    const detail = await getIdea(id);
    expect(detail.status).toBe(200);
    expect(ideaDetailSchema.parse(detail.json).status).toBe('published');
    expect(await publicIds(stack, PRE)).toContain(id);
    const after = await queuePage(stack, moderator.token, PRE, 'pending', '&limit=50');
    expect(after.counts.pending).toBe(before.counts.pending - 1);
    expect(after.items.map((i) => i.id)).not.toContain(id);
  });

  it('lists the pending queue oldest first, with working cursors', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await postPre({ title: `Kø-idé nummer ${i + 1}` })).id);
    const all = await queueAll(stack, moderator.token, PRE, 'pending');
    const queued = all.map((i) => i.id).filter((x) => ids.includes(x));
    expect(queued).toEqual(ids);
    expect(all.map((i) => i.queuedAt)).toEqual([...all.map((i) => i.queuedAt)].sort());

    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await queuePage(stack, moderator.token, PRE, 'pending', `&limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(1);
      paged.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all.map((i) => i.id));
  });

  it('counts a rejected pending idea out of the queue, and tells its author why (my ideas)', async () => {
    const { id, author } = await postPre({ title: 'Idé der afvises' });
    const before = (await queuePage(stack, moderator.token, PRE, 'pending')).counts.pending;

    const missing = await decide(stack, moderator.token, id, { action: 'reject' });
    expectProblem(missing, 400, 'validation');
    expect(missing.json.errors.map((e: { path: string }) => e.path)).toEqual(['body.reason']);

    await decideOk(stack, moderator.token, id, { action: 'reject', reason: 'Idéen handler ikke om AI' });
    expect((await queuePage(stack, moderator.token, PRE, 'pending')).counts.pending).toBe(before - 1);
    expectProblem(await getIdea(id), 404);

    const mine = (await myIdeas(author)).find((i) => i.id === id);
    expect(mine).toMatchObject({ id, status: 'rejected', moderationReason: 'Idéen handler ikke om AI' });
  });
});

describe('ideas out of public view', () => {
  it('are 404 on the public route for everyone, their author and moderators included; authors and moderators have their own routes', async () => {
    // The public route carries no identity (in AWS the JWT authorizer runs on protected routes only).
    const pending = await postPre({ title: 'Min ventende idé' });
    const hidden = await postMain({ title: 'Min skjulte idé' });
    await decideOk(stack, moderator.token, hidden.id, { action: 'hide', reason: 'Indeholder personoplysninger' });
    for (const [{ id, author }, status] of [[pending, 'pending'], [hidden, 'hidden']] as const) {
      for (const who of [undefined, someone, author, moderator]) expectProblem(await getIdea(id, who), 404);
      expect((await myIdeas(author)).find((i) => i.id === id)).toMatchObject({ id, status });
      expect(await moderated(id)).toMatchObject({ id, status });
    }
  });
});

describe('hide and restore', () => {
  it('needs a reason to hide', async () => {
    const { id } = await postMain();
    for (const body of [{ action: 'hide' }, { action: 'hide', reason: '' }, { action: 'hide', reason: 'kort' }]) {
      const r = await decide(stack, moderator.token, id, body);
      expectProblem(r, 400, 'validation');
      expect(r.json.errors.map((e: { path: string }) => e.path)).toEqual(['body.reason']);
    }
    expect((await getIdea(id)).json.status).toBe('published');
    expect(await auditAll(stack, moderator.token, MAIN, id)).toEqual([]);
  });

  it("takes a hidden idea off every list (404 for others, still in the author's own list), and restore brings back the status it had", async () => {
    const { id, author } = await postMain({ title: 'Idé der skjules og gendannes' });
    await decideOk(stack, moderator.token, id, { action: 'set-status', status: 'under_review' });
    expect(await onLists(stack, MAIN, id)).toEqual([true, true, true, true, true]);

    const hidden = await decideOk(stack, moderator.token, id, { action: 'hide', reason: 'Indeholder personoplysninger' });
    expect(hidden).toMatchObject({ status: 'hidden', moderationReason: 'Indeholder personoplysninger' });
    expect(await onLists(stack, MAIN, id)).toEqual([false, false, false, false, false]);
    expect(await publicIds(stack, MAIN, 'new')).not.toContain(id);
    expectProblem(await getIdea(id), 404);
    expectProblem(await getIdea(id, someone), 404);
    expectProblem(await stack.api(`/ideas/${id}/comments`), 404);
    expect((await myIdeas(author)).find((i) => i.id === id)).toMatchObject({ status: 'hidden' });

    const restored = await decideOk(stack, moderator.token, id, { action: 'restore' });
    expect(restored.status).toBe('under_review');
    expect(restored.moderationReason).toBeUndefined();
    expect((await getIdea(id)).json).toMatchObject({ id, status: 'under_review' });
    expect(await onLists(stack, MAIN, id)).toEqual([true, true, true, true, true]);
  });

  it('restores a rejected idea to the status it had', async () => {
    const { id } = await postMain();
    await decideOk(stack, moderator.token, id, { action: 'set-status', status: 'selected' });
    await decideOk(stack, moderator.token, id, { action: 'reject', reason: 'Fejlagtigt udvalgt' });
    expectProblem(await getIdea(id), 404);
    expect((await decideOk(stack, moderator.token, id, { action: 'restore' })).status).toBe('selected');
    expect((await getIdea(id)).json.status).toBe('selected');
  });

  it('restores a hidden idea that was then rejected to the status it had before both', async () => {
    // Hide (was: selected), then reject the hidden idea, then restore: the committee's "selected" must come back.
    const { id } = await postMain();
    await decideOk(stack, moderator.token, id, { action: 'set-status', status: 'selected' });
    await decideOk(stack, moderator.token, id, { action: 'hide', reason: 'Midlertidigt skjult' });
    await decideOk(stack, moderator.token, id, { action: 'reject', reason: 'Afvist efter nærmere kig' });
    expect((await decideOk(stack, moderator.token, id, { action: 'restore', reason: 'Afvist ved en fejl' })).status).toBe('selected');
  });
});

describe('set-status', () => {
  it('moves an idea through the workflow and shows the official answer and the deadline publicly', async () => {
    const { id } = await postMain({ title: 'Idé som udvalget vælger' });
    await decideOk(stack, moderator.token, id, { action: 'set-status', status: 'under_review', answerDeadline: '2099-06-30' });
    expect((await getIdea(id)).json).toMatchObject({ status: 'under_review', answerDeadline: '2099-06-30' });

    const selected = await decideOk(stack, moderator.token, id, {
      action: 'set-status',
      status: 'selected',
      officialAnswer: 'Udvalget går videre med idéen i 2027.',
      answerDeadline: '2099-12-31',
    });
    expect(selected).toMatchObject({ status: 'selected', officialAnswer: 'Udvalget går videre med idéen i 2027.', answerDeadline: '2099-12-31' });

    const pub = await getIdea(id);
    expect(pub.status).toBe(200);
    expect(ideaDetailSchema.parse(pub.json)).toMatchObject({ status: 'selected', officialAnswer: 'Udvalget går videre med idéen i 2027.', answerDeadline: '2099-12-31' });
    const filtered = await stack.api(`${P}/ideas?status=selected&limit=50`);
    expect(filtered.json.items.map((i: { id: string }) => i.id)).toContain(id);

    // An empty answer and a null deadline remove them.
    await decideOk(stack, moderator.token, id, { action: 'set-status', status: 'selected', officialAnswer: '', answerDeadline: null });
    const cleared = (await getIdea(id)).json;
    expect(cleared.officialAnswer).toBeUndefined();
    expect(cleared.answerDeadline).toBeUndefined();
  });

  it('refuses statuses outside the public workflow and bad dates (400)', async () => {
    const { id } = await postMain();
    for (const body of [
      { action: 'set-status', status: 'hidden' },
      { action: 'set-status', status: 'merged' },
      { action: 'set-status', status: 'selected', answerDeadline: '31-12-2099' },
      { action: 'set-status' },
      { action: 'approve' },
      { action: 'publish', extra: true },
    ]) {
      expectProblem(await decide(stack, moderator.token, id, body), 400, 'validation');
    }
    expect((await getIdea(id)).json.status).toBe('published');
  });
});

describe('invalid transitions', () => {
  it('answer 409 and change nothing', async () => {
    const published = (await postMain()).id;
    const hidden = (await postMain()).id;
    const pending = (await postPre()).id;
    await decideOk(stack, moderator.token, hidden, { action: 'hide', reason });
    const cases: [string, unknown][] = [
      [published, { action: 'publish' }],
      [published, { action: 'restore' }],
      [hidden, { action: 'publish' }],
      [hidden, { action: 'hide', reason }],
      [hidden, { action: 'set-status', status: 'selected' }],
      [pending, { action: 'hide', reason }],
      [pending, { action: 'restore' }],
      [pending, { action: 'set-status', status: 'under_review' }],
    ];
    const logBefore = await auditAll(stack, moderator.token, MAIN);
    const preLogBefore = await auditAll(stack, moderator.token, PRE);
    for (const [id, body] of cases) {
      const r = await decide(stack, moderator.token, id, body);
      expect(r.status, `${JSON.stringify(body)} → ${JSON.stringify(r.json)}`).toBe(409);
      expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    expect((await moderated(published)).status).toBe('published');
    expect((await moderated(hidden)).status).toBe('hidden');
    expect((await moderated(pending)).status).toBe('pending');
    expect(await auditAll(stack, moderator.token, MAIN)).toEqual(logBefore);
    expect(await auditAll(stack, moderator.token, PRE)).toEqual(preLogBefore);
  });

  it('answers 404 for an unknown idea', async () => {
    expectProblem(await decide(stack, moderator.token, ulid(), { action: 'hide', reason }), 404);
    expectProblem(await stack.api(`/moderation/ideas/${ulid()}`, { token: moderator.token }), 404);
  });
});

describe('two moderators at once', () => {
  it('never loses a decision: two at once, one wins and the other gets 409 leaving no trace; one after the other, each sees the first', async () => {
    for (let round = 0; round < 3; round++) {
      const { id } = await postPre({ title: `Kapløb ${round + 1}` });
      const [a, b] = await Promise.all([
        decide(stack, moderator.token, id, { action: 'publish' }),
        decide(stack, secondModerator.token, id, { action: 'reject', reason: 'Ligner spam' }),
      ]);
      const history = await auditAll(stack, moderator.token, PRE, id);
      const final = (await moderated(id)).status;
      if (a.status === 200 && b.status === 200) {
        // On a loaded machine the second request may arrive after the first has finished: then it
        // decided on the idea as the first left it (reject a published idea), and the log says so.
        expect(history, JSON.stringify(history)).toHaveLength(2);
        const [last, first] = history; // newest first
        expect(last!.before).toEqual(first!.after);
        expect(last!.after).toMatchObject({ kind: 'idea', status: final });
        continue;
      }
      expect([a.status, b.status].sort(), `${JSON.stringify(a.json)} / ${JSON.stringify(b.json)}`).toEqual([200, 409]);
      const winner = a.status === 200 ? { by: moderator, status: 'published' } : { by: secondModerator, status: 'rejected' };
      expect(final).toBe(winner.status);
      expect(history).toHaveLength(1);
      expect(history[0]).toMatchObject({ actorId: winner.by.userId, after: { kind: 'idea', status: winner.status, held: false } });
    }
  });

  it('lets only one of two identical hides through', async () => {
    const { id } = await postMain();
    const results = await Promise.all([
      decide(stack, moderator.token, id, { action: 'hide', reason: 'Krænkende indhold' }),
      decide(stack, secondModerator.token, id, { action: 'hide', reason: 'Stødende indhold' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await auditAll(stack, moderator.token, MAIN, id)).toHaveLength(1);
  });
});

describe('merge', () => {
  it('makes the merged idea read-only, pointing to the other, which lists it', async () => {
    const a = await postMain({ title: 'Dublet: AI til journalnotater' });
    const b = await postMain({ title: 'Original: AI til journalnotater' });

    const merged = await decideOk(stack, moderator.token, a.id, { action: 'merge', targetId: b.id, reason: 'Samme idé som en anden' });
    expect(merged).toMatchObject({ status: 'merged', mergedInto: b.id });

    const detailA = await getIdea(a.id);
    expect(detailA.status, JSON.stringify(detailA.json)).toBe(200);
    expect(ideaDetailSchema.parse(detailA.json)).toMatchObject({ id: a.id, status: 'merged', mergedInto: b.id });
    const detailB = ideaDetailSchema.parse((await getIdea(b.id)).json);
    expect(detailB.mergedFrom).toEqual([a.id]);
    expect(detailB.status).toBe('published');

    expect(await onLists(stack, MAIN, a.id)).toEqual([false, false, false, false, false]);
    expect(await publicIds(stack, MAIN)).toContain(b.id);

    const vote = await stack.api(`/ideas/${a.id}/vote`, { method: 'PUT', token: someone.token });
    expect([404, 409], JSON.stringify(vote.json)).toContain(vote.status);
    const commented = await stack.api(`/ideas/${a.id}/comments`, { method: 'POST', token: someone.token, body: { body: 'Kommentar til en sammenlagt idé' } });
    expect([404, 409], JSON.stringify(commented.json)).toContain(commented.status);
    const flagged = await stack.api(`/ideas/${a.id}/flags`, { method: 'POST', token: someone.token, body: { reason: 'spam' } });
    expect([404, 409], JSON.stringify(flagged.json)).toContain(flagged.status);
    expect((await moderated(a.id)).voteCount).toBe(0);

    // Merged is final.
    expect((await decide(stack, moderator.token, a.id, { action: 'restore' })).status).toBe(409);
    expect((await decide(stack, moderator.token, a.id, { action: 'merge', targetId: b.id, reason })).status).toBe(409);
  });

  it('keeps both merged ids on the target', async () => {
    const [a, c, b] = [await postMain(), await postMain(), await postMain()];
    await decideOk(stack, moderator.token, a.id, { action: 'merge', targetId: b.id, reason });
    await decideOk(stack, moderator.token, c.id, { action: 'merge', targetId: b.id, reason });
    expect((await getIdea(b.id)).json.mergedFrom).toEqual([a.id, c.id]);
  });

  it('refuses a merge into itself, into another process, into a non-public or unknown idea (4xx, nothing changes)', async () => {
    const a = await postMain();
    const hiddenTarget = await postMain();
    await decideOk(stack, moderator.token, hiddenTarget.id, { action: 'hide', reason });
    const otherProcess = await postPre();
    await decideOk(stack, moderator.token, otherProcess.id, { action: 'publish' });

    const self = await decide(stack, moderator.token, a.id, { action: 'merge', targetId: a.id, reason });
    expect(self.status).toBe(400);
    for (const targetId of [otherProcess.id, hiddenTarget.id, ulid()]) {
      const r = await decide(stack, moderator.token, a.id, { action: 'merge', targetId, reason });
      expect(r.status, JSON.stringify(r.json)).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
    }
    expect(await moderated(a.id)).toMatchObject({ status: 'published' });
    expect((await moderated(otherProcess.id)).mergedFrom).toBeUndefined();
    expect((await moderated(hiddenTarget.id)).mergedFrom).toBeUndefined();
    expect(await auditAll(stack, moderator.token, MAIN, a.id)).toEqual([]);
  });

  it('does not publish a hidden idea by merging it', async () => {
    // A hidden idea (e.g. with personal data) merged into a duplicate must not become readable by anyone.
    const a = await postMain({ title: 'Skjult idé med personoplysninger' });
    const b = await postMain();
    await decideOk(stack, moderator.token, a.id, { action: 'hide', reason: 'Indeholder personoplysninger' });
    await decide(stack, moderator.token, a.id, { action: 'merge', targetId: b.id, reason: 'Samme idé som en anden' });
    expectProblem(await getIdea(a.id), 404);
    expectProblem(await getIdea(a.id, someone), 404);
  });

  it('does not publish a held (flagged) idea by merging it', async () => {
    const a = await postMain({ title: 'Anmeldt idé der lægges sammen' });
    const b = await postMain();
    await flagBy(stack, `/ideas/${a.id}`, await usersInBatches(stack, 3), 'personal_data');
    expect((await moderated(a.id)).held).toBe(true);
    expectProblem(await decide(stack, moderator.token, a.id, { action: 'merge', targetId: b.id, reason: 'Samme idé som en anden' }), 409);
    expect(await moderated(a.id)).toMatchObject({ status: 'published', held: true });
    // Its page stays up while held (flags cannot freeze an idea, issue 17), marked under review, never as merged.
    const page = await getIdea(a.id);
    expect(page.json).toMatchObject({ status: 'published', underReview: true });
    expect(page.json).not.toHaveProperty('mergedInto');
    expect((await getIdea(b.id)).json.mergedFrom).toBeUndefined();
  });

  it('does not publish a pending idea by merging it', async () => {
    const a = await postPre({ title: 'Ikke godkendt dublet' });
    const b = await postPre();
    await decideOk(stack, moderator.token, b.id, { action: 'publish' });
    await decide(stack, moderator.token, a.id, { action: 'merge', targetId: b.id, reason: 'Samme idé som en anden' });
    expectProblem(await getIdea(a.id), 404);
  });
});

describe('flagged ideas', () => {
  it('appear in the flagged queue with reason counts and no flagger ids; restore puts them back and resets the count', async () => {
    const { id } = await postMain({ title: 'Idé der anmeldes tre gange' });
    const flaggers = await usersInBatches(stack, 3);
    await flagBy(stack, `/ideas/${id}`, [flaggers[0]!], 'spam');
    await flagBy(stack, `/ideas/${id}`, flaggers.slice(1), 'offensive');
    expect(await publicIds(stack, MAIN)).not.toContain(id);

    const queue = await queuePage(stack, moderator.token, MAIN, 'flagged', '&limit=50');
    expect(queue.counts.flagged).toBeGreaterThanOrEqual(1);
    const item = queue.items.find((i) => i.id === id);
    expect(item).toMatchObject({ kind: 'idea', id, status: 'published', flagCount: 3, flagReasons: { spam: 1, offensive: 2 } });

    const detail = await stack.api(`/moderation/ideas/${id}`, { token: moderator.token });
    expect(detail.json).toMatchObject({ held: true, flagCount: 3, status: 'published' });
    for (const text of [JSON.stringify(queue.raw), JSON.stringify(detail.json)]) {
      for (const f of flaggers) {
        expect(text).not.toContain(f.userId);
        expect(text).not.toContain(f.email);
      }
    }

    const restored = await decideOk(stack, moderator.token, id, { action: 'restore', reason: 'Ikke i strid med reglerne' });
    expect(restored).toMatchObject({ status: 'published', held: false, flagCount: 0 });
    expect(await onLists(stack, MAIN, id)).toEqual([true, true, true, true, true]);
    expect((await getIdea(id)).status).toBe(200);
    const after = await queuePage(stack, moderator.token, MAIN, 'flagged', '&limit=50');
    expect(after.items.map((i) => i.id)).not.toContain(id);
    expect(after.counts.flagged).toBe(queue.counts.flagged - 1);
  });

  it('are held again after three new flags, and the queue then counts only the new ones', async () => {
    const { id } = await postMain({ title: 'Idé der anmeldes to gange tre' });
    await flagBy(stack, `/ideas/${id}`, await usersInBatches(stack, 3), 'spam');
    await decideOk(stack, moderator.token, id, { action: 'restore', reason: 'Ikke spam' });
    await flagBy(stack, `/ideas/${id}`, await usersInBatches(stack, 3), 'off_topic');
    const item = (await queuePage(stack, moderator.token, MAIN, 'flagged', '&limit=50')).items.find((i) => i.id === id);
    expect(item).toMatchObject({ flagCount: 3 });
    // The reasons shown must describe the three flags that hold it now, as the count does.
    expect(item?.flagReasons).toEqual({ off_topic: 3 });
  });
});

describe('history', () => {
  it('shows every decision on the idea, newest first', async () => {
    const { id } = await postPre({ title: 'Idé med historik' });
    await decideOk(stack, moderator.token, id, { action: 'publish', reason: 'Overholder reglerne' });
    await decideOk(stack, secondModerator.token, id, { action: 'set-status', status: 'under_review', reason: 'Til udvalget' });
    const idea = await moderated(id);
    const state = (status: string) => ({ kind: 'idea', status, held: false });
    expect(idea.history.map((h) => [h.action, h.before, h.after, h.actorId])).toEqual([
      ['set-status', state('published'), state('under_review'), secondModerator.userId],
      ['publish', state('pending'), state('published'), moderator.userId],
    ]);
    expect(idea.history[0]).toMatchObject({ targetId: id, targetKind: 'idea', processId: PRE, reason: 'Til udvalget', actorName: 'Morten Moderator' });
    expect(idea.history[1]).toMatchObject({ reason: 'Overholder reglerne', actorName: 'Mona Moderator' });
  });
});

describe('overdue answers', () => {
  const overdue = async (user: User) => {
    const r = await stack.api(`/moderation/overdue?processId=${MAIN}`, { token: user.token });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    return overdueSchema.parse(r.json).items;
  };

  it('lists ideas whose deadline passed without an answer, until an answer is given', async () => {
    const late = await postMain({ title: 'Idé uden svar til tiden' });
    const future = await postMain({ title: 'Idé med frist i fremtiden' });
    const answered = await postMain({ title: 'Idé med svar og gammel frist' });
    await decideOk(stack, moderator.token, late.id, { action: 'set-status', status: 'under_review', answerDeadline: '2020-01-01' });
    await decideOk(stack, moderator.token, future.id, { action: 'set-status', status: 'under_review', answerDeadline: '2099-01-01' });
    await decideOk(stack, moderator.token, answered.id, { action: 'set-status', status: 'selected', answerDeadline: '2020-01-01', officialAnswer: 'Svar givet.' });

    const list = await overdue(committee);
    expect(list.find((i) => i.id === late.id)).toEqual({ id: late.id, title: 'Idé uden svar til tiden', status: 'under_review', answerDeadline: '2020-01-01' });
    expect(list.map((i) => i.id)).not.toContain(future.id);
    expect(list.map((i) => i.id)).not.toContain(answered.id);
    expect((await overdue(moderator)).map((i) => i.id)).toContain(late.id);

    await decideOk(stack, moderator.token, late.id, { action: 'set-status', status: 'not_selected', officialAnswer: 'Udvalget har valgt andre idéer.' });
    expect((await overdue(committee)).map((i) => i.id)).not.toContain(late.id);
  });
});
