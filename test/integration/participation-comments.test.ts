import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { commentStore } from '#functions/adapters/dynamodb/comments';
import { commentListSchema, commentSchema, type CommentList } from '#shared/schemas/comment';
import { commentMaker, expectProblem, ideaMaker, table, withinOneWindow, type User } from '../helpers/participation';
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

const list = async (ideaId: string, query = '') => {
  const r = await stack.api(`/ideas/${ideaId}/comments${query}`);
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  return commentListSchema.parse(r.json);
};
const patch = (id: string, user: User, body: unknown) => stack.api(`/comments/${id}`, { method: 'PATCH', token: user.token, body });
const remove = (id: string, user: User) => stack.api(`/comments/${id}`, { method: 'DELETE', token: user.token });

/** The idea's stored commentCount must equal its comment items that are not deleted (top-level and replies). */
async function expectExactCount(ideaId: string, expected: number) {
  const items = [...(await db.partition(ideaId, 'COMMENT#')), ...(await db.partition(ideaId, 'REPLY#'))];
  expect(items.filter((i) => i.state !== 'deleted')).toHaveLength(expected);
  expect((await db.idea(ideaId))!.commentCount).toBe(expected);
  expect((await stack.api(`/ideas/${ideaId}`)).json.commentCount).toBe(expected);
}

describe('threads and replies', () => {
  it('lists the newest thread first, each with its replies oldest first', async () => {
    const { id } = await newIdea();
    const first = await comment(id, 'Den første kommentar');
    const second = await comment(id, 'Den anden kommentar');
    // Replies to both threads, interleaved in time.
    const r1 = await comment(id, { body: 'Svar 1 til den første', parentId: first.id });
    const r2 = await comment(id, { body: 'Svar 1 til den anden', parentId: second.id });
    const r3 = await comment(id, { body: 'Svar 2 til den første', parentId: first.id });
    const third = await comment(id, 'Den tredje kommentar');
    expect(r1).toMatchObject({ parentId: first.id, ideaId: id, state: 'visible' });

    const page = await list(id);
    expect(page.items.map((t) => t.id)).toEqual([third.id, second.id, first.id]);
    expect(page.items.map((t) => t.replies.map((r) => r.id))).toEqual([[], [r2.id], [r1.id, r3.id]]);
    expect(page.items[2]!.replies.map((r) => r.body)).toEqual(['Svar 1 til den første', 'Svar 2 til den første']);
    expect(page.nextCursor).toBeNull();
    await expectExactCount(id, 6);
  });

  it('refuses a reply to a reply (409), and a parent from another idea (409)', async () => {
    const { id } = await newIdea();
    const { id: otherIdea } = await newIdea();
    const top = await comment(id, 'Øverste kommentar');
    const reply = await comment(id, { body: 'Et svar', parentId: top.id });
    const foreign = await comment(otherIdea, 'Kommentar til en anden idé');
    const someone = await stack.user();

    const nested = await stack.api(`/ideas/${id}/comments`, { method: 'POST', token: someone.token, body: { body: 'Svar på svar', parentId: reply.id } });
    expectProblem(nested, 409, 'no-parent');
    const cross = await stack.api(`/ideas/${id}/comments`, { method: 'POST', token: someone.token, body: { body: 'Forkert idé', parentId: foreign.id } });
    expectProblem(cross, 409, 'no-parent');
    const missing = await stack.api(`/ideas/${id}/comments`, { method: 'POST', token: someone.token, body: { body: 'Intet ophav', parentId: ulid() } });
    expectProblem(missing, 409, 'no-parent');
    await expectExactCount(id, 2);
  });

  it('pages through threads with a cursor: three pages, no gaps, no duplicates', async () => {
    const { id } = await newIdea();
    const threads: string[] = [];
    for (let i = 0; i < 10; i++) threads.push((await comment(id, `Tråd nummer ${i}`)).id);
    // A reply on a thread of each page, so each page brings exactly its own threads' replies.
    const replies = new Map<string, string>();
    for (const t of [threads[9]!, threads[5]!, threads[0]!]) replies.set(t, (await comment(id, { body: `Svar til ${t}`, parentId: t })).id);

    const pages: CommentList[] = [];
    let cursor: string | null = null;
    do {
      const page: CommentList = await list(id, `?limit=4${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      pages.push(page);
      cursor = page.nextCursor;
    } while (cursor && pages.length < 5);

    expect(pages.map((p) => p.items.length)).toEqual([4, 4, 2]);
    expect(pages.flatMap((p) => p.items.map((t) => t.id))).toEqual([...threads].reverse());
    for (const t of pages.flatMap((p) => p.items)) expect(t.replies.map((r) => r.id)).toEqual(replies.has(t.id) ? [replies.get(t.id)] : []);
    expect(pages[2]!.nextCursor).toBeNull();
  });

  it('refuses a limit outside 1–50 and a cursor that is not one (400)', async () => {
    const { id } = await newIdea();
    for (const q of ['limit=0', 'limit=51', 'limit=abc', 'cursor=%%%', 'cursor=bm90LWEtY3Vyc29y', 'sort=new']) {
      expectProblem(await stack.api(`/ideas/${id}/comments?${q}`), 400);
    }
  });

  it('refuses a cursor from another idea (400)', async () => {
    const a = await newIdea();
    const b = await newIdea();
    for (let i = 0; i < 3; i++) await comment(a.id, `Kommentar ${i}`);
    const page = await list(a.id, '?limit=2');
    expect(page.nextCursor).toEqual(expect.any(String));
    expectProblem(await stack.api(`/ideas/${b.id}/comments?cursor=${page.nextCursor}`), 400);
  });
});

describe('commentCount', () => {
  it('stays exact through creates and deletes, including a double DELETE', async () => {
    const { id } = await newIdea();
    const author = await stack.user();
    const a = await comment(id, 'Første', author);
    const b = await comment(id, 'Anden', author);
    const reply = await comment(id, { body: 'Svar på anden', parentId: b.id }, author);
    await expectExactCount(id, 3);

    expect((await remove(a.id, author)).status).toBe(204);
    await expectExactCount(id, 2);
    // Deleting again is answered the same and counts nothing.
    expect((await remove(a.id, author)).status).toBe(204);
    await expectExactCount(id, 2);

    // Deletes of the same comment at once (a double tap, a retry) still count once.
    const all = await Promise.all(Array.from({ length: 10 }, () => remove(reply.id, author)));
    expect(all.map((r) => r.status)).toEqual(Array(10).fill(204));
    await expectExactCount(id, 1);

    await comment(id, 'Tredje', author);
    await expectExactCount(id, 2);
  });

  it('counts a delete once even when two deletes both read the comment as visible (the store condition)', async () => {
    // Two requests that both read "visible" before either writes: the store's own condition must stop
    // the second decrement. Driven through the store, as HTTP timing rarely produces this interleaving.
    const { id } = await newIdea();
    const c = await comment(id, 'Slettes af to på én gang');
    const comments = commentStore(db.client, db.TableName);
    const seenByBoth = (await comments.get(c.id))!;
    expect(seenByBoth.state).toBe('visible');

    expect(await comments.remove(seenByBoth, new Date())).toBe(true);
    expect(await comments.remove(seenByBoth, new Date())).toBe(false);
    await expectExactCount(id, 0);
  });
});

describe('edit', () => {
  it('lets the author edit within 15 minutes: edited=true, new body and stance', async () => {
    const { id } = await newIdea();
    const author = await stack.user();
    const c = await comment(id, { body: 'Jeg er for', stance: 'for' }, author);
    expect(c).toMatchObject({ edited: false, stance: 'for' });
    // 14 minutes old is still inside the window.
    await db.backdateComment(id, c.id, 14);

    const r = await patch(c.id, author, { body: 'Jeg er alligevel imod', stance: 'against' });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(commentSchema.parse(r.json)).toMatchObject({ id: c.id, body: 'Jeg er alligevel imod', stance: 'against', edited: true });

    // stance: null takes the stance away; the list shows what was stored.
    const cleared = await patch(c.id, author, { body: 'Nu uden holdning', stance: null });
    expect(cleared.status, JSON.stringify(cleared.json)).toBe(200);
    expect(cleared.json).not.toHaveProperty('stance');
    const [shown] = (await list(id)).items;
    expect(shown).toMatchObject({ id: c.id, body: 'Nu uden holdning', edited: true, state: 'visible' });
    expect(shown).not.toHaveProperty('stance');
  });

  it('refuses an edit after the window (409) and leaves the text', async () => {
    const { id } = await newIdea();
    const author = await stack.user();
    const c = await comment(id, 'Skrevet for længe siden', author);
    await db.backdateComment(id, c.id, 16);

    expectProblem(await patch(c.id, author, { body: 'For sent rettet' }), 409, 'edit-window-closed');
    expect((await db.comment(id, c.id))).toMatchObject({ body: 'Skrevet for længe siden', edited: false });
  });

  it("refuses an edit of someone else's comment (403), and of a deleted one (404)", async () => {
    const { id } = await newIdea();
    const [author, stranger] = [await stack.user(), await stack.user()];
    const c = await comment(id, 'Min kommentar', author);

    expectProblem(await patch(c.id, stranger, { body: 'Overtaget' }), 403, 'forbidden');
    expect((await db.comment(id, c.id))!.body).toBe('Min kommentar');

    expect((await remove(c.id, author)).status).toBe(204);
    expectProblem(await patch(c.id, author, { body: 'Genopstået' }), 404, 'not-found');
  });

  it('refuses an unknown comment (404) and a malformed id (400)', async () => {
    const someone = await stack.user();
    expectProblem(await patch(ulid(), someone, { body: 'Hvem?' }), 404);
    expectProblem(await remove(ulid(), someone), 404);
    expectProblem(await patch('nej', someone, { body: 'Hvem?' }), 400, 'validation');
  });
});

describe('delete', () => {
  it('leaves a placeholder without body and author, and the replies readable', async () => {
    const { id } = await newIdea();
    const author = await stack.user({ name: 'Slettes Snart' });
    const parent = await comment(id, { body: 'Forælder der slettes', stance: 'neutral' }, author);
    const reply = await comment(id, { body: 'Svaret bliver stående', parentId: parent.id });

    expect((await remove(parent.id, author)).status).toBe(204);

    const [thread] = (await list(id)).items;
    expect(thread).toMatchObject({ id: parent.id, state: 'deleted' });
    for (const hidden of ['body', 'authorName', 'authorType', 'stance']) expect(thread).not.toHaveProperty(hidden);
    expect(thread!.replies).toEqual([expect.objectContaining({ id: reply.id, state: 'visible', body: 'Svaret bliver stående' })]);
    expect(JSON.stringify(thread)).not.toContain('Slettes Snart');
    // A deleted comment takes no new replies.
    const late = await stack.api(`/ideas/${id}/comments`, { method: 'POST', token: author.token, body: { body: 'For sent', parentId: parent.id } });
    expectProblem(late, 409, 'no-parent');
  });

  it('is the author’s only: another citizen and a moderator get 403 (a moderator hides it with a reason instead)', async () => {
    const { id } = await newIdea();
    const [author, stranger, moderator] = [await stack.user(), await stack.user(), await stack.user({ role: 'moderator' })];
    const c = await comment(id, 'Kun min at slette', author);

    expectProblem(await remove(c.id, stranger), 403, 'forbidden');
    expectProblem(await remove(c.id, moderator), 403, 'forbidden');
    expect((await db.comment(id, c.id))!.state).toBe('visible');
    expect((await remove(c.id, author)).status).toBe(204);
    expect((await db.comment(id, c.id))!.state).toBe('deleted');
    await expectExactCount(id, 0);
  });

  it('takes back the trend weight the comment added (a deleted comment leaves no trace in trending)', async () => {
    const { id } = await newIdea();
    const author = await stack.user();
    const before = (await db.idea(id))!.trendScore as number;
    const c = await comment(id, 'Kommentar der straks slettes', author);
    expect((await db.idea(id))!.trendScore).toBeGreaterThan(before);

    expect((await remove(c.id, author)).status).toBe(204);
    // As an un-vote subtracts the weight its vote added: else post-and-delete pumps an idea up "trending".
    expect((await db.idea(id))!.trendScore as number).toBeCloseTo(before, 6);
  });
});

describe('GET /api/me/comments', () => {
  it("lists the ids of my comments on one idea that are not deleted, and nobody else's", async () => {
    const { id } = await newIdea();
    const { id: elsewhere } = await newIdea();
    const [me, them] = [await stack.user(), await stack.user()];
    const kept = await comment(id, 'Bliver', me);
    const deleted = await comment(id, 'Slettes', me);
    const myReply = await comment(id, { body: 'Mit svar', parentId: kept.id }, me);
    await comment(id, 'Andres', them);
    await comment(elsewhere, 'Et andet sted', me);
    expect((await remove(deleted.id, me)).status).toBe(204);

    const r = await stack.api(`/me/comments?ideaId=${id}`, { token: me.token });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect([...r.json.ids].sort()).toEqual([kept.id, myReply.id].sort());
    expectProblem(await stack.api('/me/comments?ideaId=nope', { token: me.token }), 400, 'validation');
  });
});

describe('input', () => {
  it('returns <script> in a body as the same text', async () => {
    const { id } = await newIdea();
    const body = '<script>alert("xss")</script> & <img src=x onerror=alert(1)>';
    const c = await comment(id, body);
    expect(c.body).toBe(body);
    expect((await list(id)).items[0]!.body).toBe(body);
  });

  it('refuses a body over 2000 characters with path body.body, and an empty one', async () => {
    const { id } = await newIdea();
    const someone = await stack.user();
    const post = (body: unknown) => stack.api(`/ideas/${id}/comments`, { method: 'POST', token: someone.token, body });

    const long = await post({ body: 'x'.repeat(2001) });
    expectProblem(long, 400, 'validation');
    expect(long.json.errors.map((e: { path: string }) => e.path)).toEqual(['body.body']);
    expectProblem(await post({ body: '   ' }), 400, 'validation');
    expect((await post({ body: 'x'.repeat(2000) })).status).toBe(201);
    await expectExactCount(id, 1);
  });

  it('takes the stances for, against and neutral, and no other', async () => {
    const { id } = await newIdea();
    for (const stance of ['for', 'against', 'neutral']) expect((await comment(id, { body: `Holdning ${stance}`, stance })).stance).toBe(stance);
    const someone = await stack.user();
    const bad = await stack.api(`/ideas/${id}/comments`, { method: 'POST', token: someone.token, body: { body: 'Måske', stance: 'maybe' } });
    expectProblem(bad, 400, 'validation');
    expect(bad.json.errors.map((e: { path: string }) => e.path)).toEqual(['body.stance']);
    const unknownField = await stack.api(`/ideas/${id}/comments`, { method: 'POST', token: someone.token, body: { body: 'Hej', authorName: 'Falsk' } });
    expectProblem(unknownField, 400, 'validation');
    expect(new Set((await list(id)).items.map((t) => t.stance))).toEqual(new Set(['for', 'against', 'neutral']));
  });

  it('answers 404 for comments on an unknown idea', async () => {
    const someone = await stack.user();
    expectProblem(await stack.api(`/ideas/${ulid()}/comments`), 404, 'not-found');
    expectProblem(await stack.api(`/ideas/${ulid()}/comments`, { method: 'POST', token: someone.token, body: { body: 'Hallo?' } }), 404, 'not-found');
  });
});

describe('rate limit', () => {
  it('refuses the 11th comment within a minute with 429 and counts nothing', async () => {
    const { id } = await newIdea();
    const chatty = await stack.user();
    await withinOneWindow(20);
    for (let i = 0; i < 10; i++) await comment(id, `Kommentar nummer ${i}`, chatty);

    const refused = await stack.api(`/ideas/${id}/comments`, { method: 'POST', token: chatty.token, body: { body: 'Den ellevte' } });
    expectProblem(refused, 429, 'rate-limited');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    await expectExactCount(id, 10);
  });
});
