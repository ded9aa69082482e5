import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { commentListSchema } from '#shared/schemas/comment';
import { ideaListSchema, ideaSorts } from '#shared/schemas/idea';
import { commentMaker, expectProblem, flagBy, ideaMaker, P, table, usersInBatches, type User } from '../helpers/participation';
import { testStack, type TestStack } from '../helpers/stack';

let stack: TestStack;
let db: ReturnType<typeof table>;
let newIdea: ReturnType<typeof ideaMaker>;
let comment: ReturnType<typeof commentMaker>;

beforeAll(async () => {
  stack = await testStack();
  db = table(stack);
  newIdea = ideaMaker(stack);
  comment = commentMaker(stack);
}, 90_000);
afterAll(() => stack?.stop());

const flag = (target: string, user: User, body: unknown) => stack.api(`${target}/flags`, { method: 'POST', token: user.token, body });

/** The ids in a public list of the process, for one sort (random needs a seed), all pages. */
async function listed(sort: string, extra = '') {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const r = await stack.api(`${P}/ideas?sort=${sort}&limit=50${sort === 'random' ? '&seed=abc' : ''}${extra}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    const page = ideaListSchema.parse(r.json);
    ids.push(...page.items.map((i) => i.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

/** Is the idea in every public list (every sort, and its area's list)? One answer per list. */
const inLists = async (id: string) => {
  const lists = [...ideaSorts.map((s) => listed(s)), listed('new', '&area=aeldre-sundhed-omsorg')];
  return (await Promise.all(lists)).map((ids) => ids.includes(id));
};

const FLAG_FIELDS = ['flagCount', 'held', 'flags', 'flaggedBy', 'flaggers', 'trendScore', 'authorId'];

describe('flag input', () => {
  it('needs a known reason, and for "other" a text of at least 5 characters', async () => {
    const { id } = await newIdea();
    const [someone] = await usersInBatches(stack, 1);

    const noText = await flag(`/ideas/${id}`, someone!, { reason: 'other' });
    expectProblem(noText, 400, 'validation');
    expect(noText.json.errors.map((e: { path: string }) => e.path)).toEqual(['body.text']);
    expectProblem(await flag(`/ideas/${id}`, someone!, { reason: 'other', text: 'kort' }), 400, 'validation');
    const badReason = await flag(`/ideas/${id}`, someone!, { reason: 'boring' });
    expectProblem(badReason, 400, 'validation');
    expect(badReason.json.errors.map((e: { path: string }) => e.path)).toEqual(['body.reason']);
    expectProblem(await flag(`/ideas/${id}`, someone!, { reason: 'spam', userId: 'x' }), 400, 'validation');
    // Nothing was recorded by the refused flags.
    expect(await db.partition(id, 'FLAG#')).toHaveLength(0);

    const ok = await flag(`/ideas/${id}`, someone!, { reason: 'other', text: 'Idéen indeholder en reklame' });
    expect(ok.status, JSON.stringify(ok.json)).toBe(201);
    expect(ok.json).toEqual({ received: true, held: false });
    const [record] = await db.partition(id, 'FLAG#');
    expect(record).toMatchObject({ ideaId: id, userId: someone!.userId, reason: 'other', text: 'Idéen indeholder en reklame' });
  });

  it('answers 404 for an unknown idea or comment', async () => {
    const [someone] = await usersInBatches(stack, 1);
    expectProblem(await flag(`/ideas/${ulid()}`, someone!, { reason: 'spam' }), 404);
    expectProblem(await flag(`/comments/${ulid()}`, someone!, { reason: 'spam' }), 404);
  });
});

describe('flagging an idea', () => {
  it('takes the idea off the public lists after three distinct flags, without rejecting it or closing its page', async () => {
    const { id } = await newIdea({ title: 'Idé der anmeldes af tre' });
    const flaggers = await usersInBatches(stack, 3);
    expect(await inLists(id)).toEqual(Array(ideaSorts.length + 1).fill(true));

    await flagBy(stack, `/ideas/${id}`, flaggers);

    expect(await inLists(id)).toEqual(Array(ideaSorts.length + 1).fill(false));
    // Issue 17: flags cannot freeze an idea. Its page (and discussion) stays up for whoever has the
    // link, marked as under review, and it keeps taking votes (participation-votes.test.ts).
    const page = await stack.api(`/ideas/${id}`);
    expect(page.status, JSON.stringify(page.json)).toBe(200);
    expect(page.json).toMatchObject({ id, underReview: true });
    for (const field of FLAG_FIELDS) expect(page.json).not.toHaveProperty(field);
    expect((await stack.api(`/ideas/${id}/comments`)).status).toBe(200);

    const item = (await db.idea(id))!;
    expect(item).toMatchObject({ status: 'published', held: true, flagCount: 3, gsiQueue: 'PROC#ai-i-gentofte#QUEUE#flagged' });
    expect(item.queuedAt).toEqual(expect.any(String));
    expect(item).not.toHaveProperty('gsiList');
    expect(item).not.toHaveProperty('gsiArea');
    expect((await db.partition(id, 'FLAG#IDEA#')).map((f) => f.userId).sort()).toEqual(flaggers.map((f) => f.userId).sort());
  });

  it('still shows the held idea to its author under /api/me/ideas, marked as held for review', async () => {
    const { id, author } = await newIdea({ title: 'Idé hvis forfatter stadig skal kunne se den' });
    await flagBy(stack, `/ideas/${id}`, await usersInBatches(stack, 3));
    expect((await db.idea(id))!.held).toBe(true);

    const mine = await stack.api('/me/ideas', { token: author.token });
    expect(mine.status, JSON.stringify(mine.json)).toBe(200);
    const shown = mine.json.items.find((i: { id: string }) => i.id === id);
    expect(shown).toMatchObject({ id, status: 'published', heldForReview: true });
    for (const field of FLAG_FIELDS) expect(shown).not.toHaveProperty(field);
  });

  it('takes one flag per user: a second is 409, and a repeat after the hold is refused too', async () => {
    const { id } = await newIdea();
    const [a, b, c, d] = await usersInBatches(stack, 4);

    await flagBy(stack, `/ideas/${id}`, [a!]);
    expectProblem(await flag(`/ideas/${id}`, a!, { reason: 'spam' }), 409, 'already-flagged');
    expect((await db.idea(id))!.flagCount).toBe(1);
    expect((await db.idea(id))!.held).toBeUndefined();

    await flagBy(stack, `/ideas/${id}`, [b!, c!]);
    expect((await db.idea(id))!.held).toBe(true);
    // The held idea already waits for a moderator: its page is open, and a fourth flag (repeat or new) is told so.
    expectProblem(await flag(`/ideas/${id}`, a!, { reason: 'spam' }), 409, 'under-review');
    expectProblem(await flag(`/ideas/${id}`, d!, { reason: 'spam' }), 409, 'under-review');
    expect((await db.idea(id))!.flagCount).toBe(3);
    expect(await db.partition(id, 'FLAG#IDEA#')).toHaveLength(3);
  });

  it('counts parallel repeats of one user once', async () => {
    const { id } = await newIdea();
    const [a] = await usersInBatches(stack, 1);
    const answers = await Promise.all(Array.from({ length: 5 }, () => flag(`/ideas/${id}`, a!, { reason: 'spam' })));
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    expect((await db.idea(id))!.flagCount).toBe(1);
  });

  it('holds the idea when three users flag it at the same moment', async () => {
    const { id } = await newIdea();
    const flaggers = await usersInBatches(stack, 3);
    const answers = await Promise.all(flaggers.map((f) => flag(`/ideas/${id}`, f, { reason: 'spam' })));
    expect(answers.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(await db.idea(id)).toMatchObject({ flagCount: 3, held: true, gsiQueue: 'PROC#ai-i-gentofte#QUEUE#flagged' });
    expect((await stack.api(`/ideas/${id}`)).json).toMatchObject({ underReview: true });
  });

  it('refuses flagging your own idea (409)', async () => {
    const { id, author } = await newIdea();
    expectProblem(await flag(`/ideas/${id}`, author, { reason: 'spam' }), 409, 'own-content');
    expect(await db.partition(id, 'FLAG#')).toHaveLength(0);
  });

  it('does not hide an idea after two flags', async () => {
    const { id } = await newIdea();
    await flagBy(stack, `/ideas/${id}`, await usersInBatches(stack, 2));
    expect(await inLists(id)).toEqual(Array(ideaSorts.length + 1).fill(true));
    expect((await stack.api(`/ideas/${id}`)).status).toBe(200);
    expect(await db.idea(id)).toMatchObject({ flagCount: 2, gsiList: 'PROC#ai-i-gentofte' });
    expect((await db.idea(id))!.held).toBeUndefined();
  });

  it('tells nobody who flagged: the flagger learns "received", the author sees no flag fields', async () => {
    const { id, author } = await newIdea({ title: 'Idé hvis forfatter ikke må se anmelderne' });
    const flaggers = await usersInBatches(stack, 2);
    for (const f of flaggers) {
      const r = await flag(`/ideas/${id}`, f, { reason: 'personal_data' });
      expect(r.json).toStrictEqual({ received: true, held: false });
    }
    const answers = [
      await stack.api('/me/ideas', { token: author.token }),
      await stack.api(`/ideas/${id}`),
      ...(await Promise.all(ideaSorts.map((s) => stack.api(`${P}/ideas?sort=${s}&limit=50&seed=abc`)))),
    ];
    for (const r of answers) {
      expect(r.status).toBe(200);
      const shown = 'items' in r.json ? r.json.items.find((i: { id: string }) => i.id === id) : r.json;
      expect(shown, JSON.stringify(r.json)).toBeDefined();
      for (const field of FLAG_FIELDS) expect(shown).not.toHaveProperty(field);
      for (const f of flaggers) expect(JSON.stringify(r.json)).not.toContain(f.userId);
    }
  });
});

describe('flagging a comment', () => {
  it('holds the comment after three flags: shown as held with no body or author', async () => {
    const { id } = await newIdea();
    const [author] = await usersInBatches(stack, 1, () => ({ name: 'Anmeldt Kommentator' }));
    const target = await comment(id, { body: 'Noget grimt', stance: 'against' }, author);
    const reply = await comment(id, { body: 'Et svar', parentId: target.id });
    const flaggers = await usersInBatches(stack, 3);

    await flagBy(stack, `/comments/${target.id}`, flaggers.slice(0, 2));
    expect((await stack.api(`/ideas/${id}/comments`)).json.items[0]).toMatchObject({ id: target.id, state: 'visible', body: 'Noget grimt' });

    await flagBy(stack, `/comments/${target.id}`, flaggers.slice(2));
    const threads = commentListSchema.parse((await stack.api(`/ideas/${id}/comments`)).json).items;
    expect(threads).toHaveLength(1);
    const [held] = threads;
    expect(held).toMatchObject({ id: target.id, state: 'held' });
    for (const hidden of ['body', 'authorName', 'authorType', 'stance', 'flagCount']) expect(held).not.toHaveProperty(hidden);
    expect(JSON.stringify(held)).not.toContain('Anmeldt Kommentator');
    // The replies stay readable.
    expect(held!.replies).toEqual([expect.objectContaining({ id: reply.id, state: 'visible', body: 'Et svar' })]);

    const item = (await db.comment(id, target.id))!;
    expect(item).toMatchObject({ state: 'held', flagCount: 3, body: 'Noget grimt', gsiQueue: 'PROC#ai-i-gentofte#QUEUE#flagged' });
    // The idea itself is not affected.
    expect((await db.idea(id))!.held).toBeUndefined();
    expect((await stack.api(`/ideas/${id}`)).status).toBe(200);
  });

  it('holds a reply the same way', async () => {
    const { id } = await newIdea();
    const top = await comment(id, 'Øverst');
    const reply = await comment(id, { body: 'Et anstødeligt svar', parentId: top.id });
    await flagBy(stack, `/comments/${reply.id}`, await usersInBatches(stack, 3));
    const [thread] = commentListSchema.parse((await stack.api(`/ideas/${id}/comments`)).json).items;
    expect(thread!.state).toBe('visible');
    expect(thread!.replies[0]).toMatchObject({ id: reply.id, state: 'held' });
    expect(thread!.replies[0]).not.toHaveProperty('body');
  });

  it('refuses your own comment (409), a second flag (409) and a deleted comment (404)', async () => {
    const { id } = await newIdea();
    const [author, flagger] = await usersInBatches(stack, 2);
    const c = await comment(id, 'Min egen kommentar', author);

    expectProblem(await flag(`/comments/${c.id}`, author!, { reason: 'spam' }), 409, 'own-content');
    await flagBy(stack, `/comments/${c.id}`, [flagger!]);
    expectProblem(await flag(`/comments/${c.id}`, flagger!, { reason: 'offensive' }), 409, 'already-flagged');
    expect((await db.comment(id, c.id))!.flagCount).toBe(1);

    expect((await stack.api(`/comments/${c.id}`, { method: 'DELETE', token: author!.token })).status).toBe(204);
    const [late] = await usersInBatches(stack, 1);
    expectProblem(await flag(`/comments/${c.id}`, late!, { reason: 'spam' }), 404);
  });
});

describe('rate limit', () => {
  it('refuses the 21st flag within an hour (429) and records nothing for it', async () => {
    const { id } = await newIdea();
    const targets: string[] = [];
    for (let i = 0; i < 21; i++) targets.push((await comment(id, `Kommentar ${i} der kan anmeldes`)).id);
    const [eager] = await usersInBatches(stack, 1);

    for (const c of targets.slice(0, 20)) expect((await flag(`/comments/${c}`, eager!, { reason: 'spam' })).status).toBe(201);
    const refused = await flag(`/comments/${targets[20]}`, eager!, { reason: 'spam' });

    expectProblem(refused, 429, 'rate-limited');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await db.partition(id, `FLAG#COMMENT#${targets[20]}#`)).toHaveLength(0);
    expect((await db.comment(id, targets[20]!))!.flagCount).toBeUndefined();
  });
});
