import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ideaListSchema } from '#shared/schemas/idea';
import { moderatedIdeaSchema } from '#shared/schemas/moderation';
import { similarListSchema, workspaceSearchSchema } from '#shared/schemas/search';
import { addPreModeratedProcess, decideComment, decideOk, ideaPoster, PRE } from '../helpers/moderation';
import { commentMaker, expectProblem, flagBy, PROCESS, usersInBatches, type User } from '../helpers/participation';
import { eventually as poll } from '../helpers/eventually';
import { testStack, type TestStack } from '../helpers/stack';

/**
 * The search routes through the real local stack (issue 18): ideas posted through the API reach the
 * table's stream, the local poller feeds the projector, and the functions' warm indexes answer the
 * public list's `q`, the similar ideas and the moderators' workspace search. Each check of what the
 * index should hold first waits until a positive search finds it, so a negative one can fail.
 */
let stack: TestStack;
let moderator: User;
let citizen: User;
let post: ReturnType<typeof ideaPoster>;
const ids: Record<string, string> = {};

/** How long the projector and a warm index may take to show a write (seconds in practice). */
const INDEXED_WITHIN_MS = 20_000;

const eventually = <T>(what: string, check: () => Promise<T | undefined>) => poll(what, check, INDEXED_WITHIN_MS);

const list = async (query: string, processId = PROCESS) => {
  const r = await stack.api(`/processes/${processId}/ideas?${query}`);
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  return ideaListSchema.parse(r.json);
};
const similar = async (text: string) => {
  const r = await stack.api(`/processes/${PROCESS}/similar?text=${encodeURIComponent(text)}`);
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  return similarListSchema.parse(r.json).items;
};
const workspace = async (query: string, processId = PROCESS) => {
  const r = await stack.api(`/moderation/processes/${processId}/search?${query}`, { token: moderator.token });
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  return workspaceSearchSchema.parse(r.json);
};
const titles = (items: { title: string }[]) => items.map((i) => i.title).sort();
/** Waits until the list's search for `q` finds exactly these titles. */
const listFinds = (q: string, expected: string[], extra = '') =>
  eventually(`q=${q} finds ${expected.join(', ')}`, async () => {
    const page = await list(`q=${encodeURIComponent(q)}${extra}`);
    return JSON.stringify(titles(page.items)) === JSON.stringify([...expected].sort()) ? page : undefined;
  });

beforeAll(async () => {
  stack = await testStack();
  await addPreModeratedProcess(stack);
  [moderator, citizen] = await Promise.all([stack.user({ role: 'moderator', name: 'Mona Moderator' }), stack.user({ name: 'Carl Borger' })]);
  post = ideaPoster(stack);
  ids.chatbot = (await post({ title: 'Chatbot til borgerservice', area: 'borgerservice-administration', body: 'En chatbot kan svare på spørgsmål om pas og kørekort hele døgnet.' })).id;
  ids.elderly = (await post({ title: 'Chatbot for ældre borgere', area: 'aeldre-sundhed-omsorg', body: 'Ældre kan tale med en venlig robot om deres medicin.' })).id;
  ids.homework = (await post({ title: 'Lektiehjælp med kunstig intelligens', area: 'boern-og-unge', body: 'Elever får hjælp til matematik om aftenen.' })).id;
  ids.html = (await post({ title: 'Sikkerhed <script>alert(1)</script> i skolen', area: 'boern-og-unge', body: 'Brug <img src=x onerror=alert(1)> aldrig; vi taler om skolesikkerhed.' })).id;
  ids.toHide = (await post({ title: 'Droner måler vandstanden', area: 'by-miljoe-klima', body: 'Droner med kvantesvampe-sensorer måler vandstanden i søerne.' })).id;
  ids.toHold = (await post({ title: 'Ansigtsgenkendelse ved rådhuset', area: 'borgerservice-administration', body: 'Kameraer med glimmerkrokodille-teknik genkender borgerne.' })).id;
  ids.pending = (await ideaPoster(stack, PRE)({ title: 'Pendulfisk i havnen', body: 'En pendulfisk tæller fisk i havnen med AI.' })).id;
}, 120_000);
afterAll(() => stack?.stop());

describe('the public list with q', () => {
  it('finds "chatbotten" in ideas titled "Chatbot…", ranked, with the hit marked as text', async () => {
    const page = await listFinds('chatbotten', ['Chatbot til borgerservice', 'Chatbot for ældre borgere']);
    expect(page.items[0]!.highlight!.title).toContainEqual({ text: 'Chatbot', hit: true });
    expect(page.nextCursor).toBeNull();
  });

  it('filters by area and by status together with the search', async () => {
    await listFinds('chatbot', ['Chatbot for ældre borgere'], '&area=aeldre-sundhed-omsorg');
    expect((await list('q=chatbot&status=selected')).items).toEqual([]);
    expect(titles((await list('q=chatbot&status=published&phase=ideas')).items)).toEqual(['Chatbot for ældre borgere', 'Chatbot til borgerservice']);
    expect((await list('q=chatbot&phase=voting')).items).toEqual([]);
  });

  it('gives HTML in a title and in q back as plain text segments', async () => {
    const page = await listFinds('skolen <script>', ['Sikkerhed <script>alert(1)</script> i skolen']);
    const title = page.items[0]!.highlight!.title;
    expect(title.map((s) => s.text).join('')).toBe('Sikkerhed <script>alert(1)</script> i skolen');
    expect(title).toContainEqual({ text: 'skolen', hit: true });
  });

  it('pages with a cursor; an edited cursor or one of another query is a 400 problem', async () => {
    const first = await list('q=chatbot&limit=1');
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await list(`q=chatbot&limit=1&cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect(second.items.map((i) => i.id)).not.toEqual(first.items.map((i) => i.id));
    const raw = JSON.parse(Buffer.from(first.nextCursor!, 'base64url').toString());
    const edited = Buffer.from(JSON.stringify({ ...raw, o: 1e9 })).toString('base64url');
    expectProblem(await stack.api(`/processes/${PROCESS}/ideas?q=chatbot&cursor=${edited}`), 400, 'invalid-cursor');
    expectProblem(await stack.api(`/processes/${PROCESS}/ideas?q=robot&limit=1&cursor=${encodeURIComponent(first.nextCursor!)}`), 400, 'invalid-cursor');
  });

  it('refuses q over 100 characters and similar text over 400 with a Danish problem body', async () => {
    const long = await stack.api(`/processes/${PROCESS}/ideas?q=${'a'.repeat(101)}`);
    expectProblem(long, 400);
    expect(JSON.stringify(long.json)).toMatch(/q/);
    expectProblem(await stack.api(`/processes/${PROCESS}/similar?text=${encodeURIComponent('ord '.repeat(101))}`), 400);
    expectProblem(await stack.api(`/processes/${PROCESS}/similar?text=ab`), 400);
    expectProblem(await stack.api(`/processes/findes-ikke/similar?text=chatbot`), 404);
  });
});

describe('never hidden, pending or held in public', () => {
  it('a hidden idea is gone from the search and the similar ideas at once, without waiting for the index', async () => {
    await listFinds('kvantesvampe', ['Droner måler vandstanden']);
    await eventually('similar finds the drone idea', async () => ((await similar('Droner med kvantesvampe')).some((i) => i.id === ids.toHide) ? true : undefined));

    await decideOk(stack, moderator.token, ids.toHide!, { action: 'hide', reason: 'Personoplysninger i teksten.' });

    expect((await list('q=kvantesvampe')).items).toEqual([]);
    expect((await similar('Droner med kvantesvampe')).map((i) => i.id)).not.toContain(ids.toHide);
    expect(titles((await workspace('q=kvantesvampe')).items)).toEqual(['Droner måler vandstanden']);
  });

  it('a held and a pending idea never appear publicly, but do in the workspace search with their state', async () => {
    await listFinds('glimmerkrokodille', ['Ansigtsgenkendelse ved rådhuset']);
    await flagBy(stack, `/ideas/${ids.toHold}`, await usersInBatches(stack, 3));
    expect((await list('q=glimmerkrokodille')).items).toEqual([]);
    expect(await similar('Ansigtsgenkendelse med glimmerkrokodille')).toEqual([]);

    const held = await eventually('the workspace sees the hold', async () => {
      const hit = (await workspace('q=glimmerkrokodille')).items[0];
      return hit?.held ? hit : undefined;
    });
    expect(held).toMatchObject({ kind: 'idea', id: ids.toHold, status: 'published', held: true });

    const pending = await eventually('the workspace finds the pending idea', async () => (await workspace('q=pendulfisk', PRE)).items[0]);
    expect(pending).toMatchObject({ id: ids.pending, status: 'pending' });
    expect((await list('q=pendulfisk', PRE)).items).toEqual([]);
  });
});

describe('the workspace search', () => {
  it('is for moderators only: a citizen gets 403, an anonymous caller 401', async () => {
    expectProblem(await stack.api(`/moderation/processes/${PROCESS}/search?q=chatbot`, { token: citizen.token }), 403);
    expectProblem(await stack.api(`/moderation/processes/${PROCESS}/search?q=chatbot`), 401);
  });

  it("finds a hidden comment, named by its idea's title", async () => {
    const comment = await commentMaker(stack)(ids.homework!, 'Denne kommentar nævner trappenisser og er grov.');
    const r = await decideComment(stack, moderator.token, comment.id, { action: 'hide', reason: 'Grov tone.' });
    expect(r.status, JSON.stringify(r.json)).toBe(200);

    const hit = await eventually('the hidden comment in the search', async () => {
      const found = (await workspace('q=trappenisser&kind=comments')).items[0];
      return found?.status === 'hidden' ? found : undefined;
    });
    expect(hit).toMatchObject({ kind: 'comment', id: comment.id, ideaId: ids.homework, title: 'Lektiehjælp med kunstig intelligens' });
    expect(hit.highlight.snippet).toContainEqual({ text: 'trappenisser', hit: true });
  });
});

describe('duplicates at review', () => {
  it('records the similar ideas the author was shown and shows them, with the similar ones now, to the moderator', async () => {
    const shown = await eventually('similar ideas for a chatbot text', async () => {
      const items = await similar('En chatbot til borgerservice om pas');
      return items.some((i) => i.id === ids.chatbot) ? items : undefined;
    });
    const created = await post({ title: 'Chatbot om pas og kørekort', area: 'borgerservice-administration', similarShown: [shown[0]!.id, shown[0]!.id, ids.pending!] });

    const r = await stack.api(`/moderation/ideas/${created.id}`, { token: moderator.token });
    expect(r.status).toBe(200);
    const review = moderatedIdeaSchema.parse(r.json).similar!;
    // The pending idea belongs to another process: its id is kept, its title never shown here.
    expect(review.shownToAuthor).toEqual([{ id: shown[0]!.id, title: shown[0]!.title }]);
    expect(review.similar.map((i) => i.id)).toContain(ids.chatbot);
    expect(review.similar.map((i) => i.id)).not.toContain(created.id);
    const publicView = await stack.api(`/ideas/${created.id}`);
    expect(publicView.json).not.toHaveProperty('similarShown');
  });
});
