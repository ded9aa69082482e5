import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ideaDetailSchema } from '#shared/schemas/idea';
import { PLAIN_SUMMARY_MAX } from '#shared/rules/assisted';
import { expectProblem, table, type User } from '../helpers/participation';
import { addPreModeratedProcess, auditAll, decideOk, ideaPoster, PRE } from '../helpers/moderation';
import { testStack, type TestStack } from '../helpers/stack';

/**
 * An idea's plain-language ("letlæst") summary through the API: its author sets and removes it on
 * their own idea in any state, a moderator on any idea (audited with the text before and after),
 * anyone else is refused, and bad input changes nothing.
 */

const MAIN = 'ai-i-gentofte';

let stack: TestStack;
let moderator: User;
let stranger: User;
let post: ReturnType<typeof ideaPoster>;
let postPre: ReturnType<typeof ideaPoster>;

beforeAll(async () => {
  stack = await testStack();
  // Before any request names the process: the functions cache processes for 30 s.
  await addPreModeratedProcess(stack);
  [moderator, stranger] = await Promise.all([stack.user({ role: 'moderator', name: 'Mona Moderator' }), stack.user({ name: 'Anden borger' })]);
  post = ideaPoster(stack, MAIN);
  postPre = ideaPoster(stack, PRE);
}, 90_000);
afterAll(() => stack?.stop());

const put = (ideaId: string, token: string | undefined, body: unknown) => stack.api(`/ideas/${ideaId}/plain-summary`, { method: 'PUT', token, body });
const stored = async (ideaId: string) => (await table(stack).partition(ideaId, 'IDEA'))[0]!;
const publicIdea = async (ideaId: string) => {
  const r = await stack.api(`/ideas/${ideaId}`);
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  return ideaDetailSchema.parse(r.json);
};

describe('the author', () => {
  it('sets, changes and removes the summary on their own idea; the public page shows it; no audit entry for their own words', async () => {
    const { id, author } = await post();
    const set = await put(id, author.token, { plainSummary: '  Vi vil bruge AI til at svare hurtigere på breve.  ' });
    expect(set.status, JSON.stringify(set.json)).toBe(200);
    expect(ideaDetailSchema.parse(set.json).plainSummary).toBe('Vi vil bruge AI til at svare hurtigere på breve.');
    expect((await publicIdea(id)).plainSummary).toBe('Vi vil bruge AI til at svare hurtigere på breve.');

    const changed = await put(id, author.token, { plainSummary: 'Kortere svartid på breve.' });
    expect(changed.status).toBe(200);
    expect((await publicIdea(id)).plainSummary).toBe('Kortere svartid på breve.');

    const removed = await put(id, author.token, { plainSummary: null });
    expect(removed.status).toBe(200);
    expect(removed.json.plainSummary).toBeUndefined();
    expect((await publicIdea(id)).plainSummary).toBeUndefined();
    expect(await stored(id)).not.toHaveProperty('plainSummary');

    const log = await auditAll(stack, moderator.token, MAIN, id);
    expect(log.filter((e) => e.action === 'plain-summary')).toEqual([]);
  });

  it('may write it on a pending idea (not yet public) and on a hidden one', async () => {
    const pending = await postPre();
    expect(pending.status).toBe('pending');
    const r = await put(pending.id, pending.author.token, { plainSummary: 'Lettere at læse.' });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect((await stored(pending.id)).plainSummary).toBe('Lettere at læse.');
    expectProblem(await stack.api(`/ideas/${pending.id}`), 404);

    const hidden = await post();
    await decideOk(stack, moderator.token, hidden.id, { action: 'hide', reason: 'Skjult til test' });
    const h = await put(hidden.id, hidden.author.token, { plainSummary: 'Kort og klart.' });
    expect(h.status, JSON.stringify(h.json)).toBe(200);
    expect((await stored(hidden.id)).plainSummary).toBe('Kort og klart.');
  });

  it('keeps HTML as the plain text it is', async () => {
    const { id, author } = await post();
    const text = '<b>Fed</b> <script>alert(1)</script> & "citat"';
    const r = await put(id, author.token, { plainSummary: text });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect((await publicIdea(id)).plainSummary).toBe(text);
  });
});

describe('a moderator', () => {
  it("sets and removes the summary on someone else's idea, each audited with the text before and after", async () => {
    const { id, author } = await post();
    await put(id, author.token, { plainSummary: 'Forfatterens tekst.' });

    const r = await put(id, moderator.token, { plainSummary: 'Moderatorens tekst.' });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect((await publicIdea(id)).plainSummary).toBe('Moderatorens tekst.');
    const removed = await put(id, moderator.token, { plainSummary: null });
    expect(removed.status).toBe(200);
    expect((await publicIdea(id)).plainSummary).toBeUndefined();

    const entries = (await auditAll(stack, moderator.token, MAIN, id)).filter((e) => e.action === 'plain-summary');
    expect(entries).toHaveLength(2);
    const [removal, change] = entries; // newest first
    expect(change).toMatchObject({
      actorName: 'Mona Moderator', targetKind: 'idea', targetId: id,
      before: { kind: 'text', text: 'Forfatterens tekst.' }, after: { kind: 'text', text: 'Moderatorens tekst.' },
    });
    expect(removal).toMatchObject({ before: { kind: 'text', text: 'Moderatorens tekst.' } });
    expect(removal!.after).toBeUndefined();
  });

  it('writing the same text again changes nothing and logs nothing', async () => {
    const { id } = await post();
    await put(id, moderator.token, { plainSummary: 'Samme tekst.' });
    const before = await stored(id);
    const again = await put(id, moderator.token, { plainSummary: 'Samme tekst.' });
    expect(again.status).toBe(200);
    expect((await stored(id)).updatedAt).toBe(before.updatedAt);
    expect((await auditAll(stack, moderator.token, MAIN, id)).filter((e) => e.action === 'plain-summary')).toHaveLength(1);
  });
});

describe('refusals change nothing', () => {
  it('another signed-in user: 403; no one signed in: 401; an unknown idea: 404', async () => {
    const { id, author } = await post();
    await put(id, author.token, { plainSummary: 'Original.' });
    expectProblem(await put(id, stranger.token, { plainSummary: 'Overtaget.' }), 403);
    expectProblem(await put(id, stranger.token, { plainSummary: null }), 403);
    expectProblem(await put(id, undefined, { plainSummary: 'Anonym.' }), 401);
    expectProblem(await put('01HZZZZZZZZZZZZZZZZZZZZZZZ', author.token, { plainSummary: 'Findes ikke.' }), 404);
    expect((await stored(id)).plainSummary).toBe('Original.');
  });

  it(`over ${PLAIN_SUMMARY_MAX} characters, empty, or an unknown field: 400 naming the field in Danish`, async () => {
    const { id, author } = await post();
    await put(id, author.token, { plainSummary: 'Original.' });
    const long = await put(id, author.token, { plainSummary: 'a'.repeat(PLAIN_SUMMARY_MAX + 1) });
    expectProblem(long, 400);
    expect(long.json.errors).toEqual([expect.objectContaining({ path: 'body.plainSummary', message: expect.stringMatching(/tegn/) })]);
    expectProblem(await put(id, author.token, { plainSummary: '   ' }), 400);
    expectProblem(await put(id, author.token, { plainSummary: 'Ok.', extra: 1 }), 400);
    expectProblem(await put(id, author.token, {}), 400);
    expect((await put(id, author.token, { plainSummary: 'a'.repeat(PLAIN_SUMMARY_MAX) })).status).toBe(200);
    expect((await stored(id)).plainSummary).toHaveLength(PLAIN_SUMMARY_MAX);
  });
});
