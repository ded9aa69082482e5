import { describe, expect, it } from 'vitest';
import { createIdea, listIdeas } from '#functions/domain/ideas';
import { moderatedIdea } from '#functions/domain/moderation';
import { isClose, similarIdeas } from '#functions/domain/search/similar';
import { searchWorkspace } from '#functions/domain/search/workspace-search';
import { ideaListQuerySchema } from '#shared/schemas/idea';
import { workspaceSearchQuerySchema } from '#shared/schemas/search';
import type { IdeaRecord } from '#functions/domain/ports';
import { fakeWorld, PROCESS_ID } from '../fakes';
import { fakeSearch } from '../fakes/search';
import { validIdea } from '../fixtures/ideas';

/**
 * The search use cases on the in-memory ports with the real engine (fakes/search.ts builds its index
 * from the tables as the projector would). Each test: prepare, act, assess.
 */
function world() {
  const w = fakeWorld();
  const search = fakeSearch(w.tables);
  const deps = { ...w.deps, search: search.cache };
  const idea = (title: string, over: Partial<IdeaRecord> = {}) => w.given.idea({ title, body: `${title}. En idé til kommunen.`, excerpt: title, ...over });
  const list = (query: Record<string, unknown>) => listIdeas(deps, PROCESS_ID, ideaListQuerySchema.parse(query));
  const workspace = (query: Record<string, unknown>) => searchWorkspace(deps, PROCESS_ID, workspaceSearchQuerySchema.parse(query));
  const titles = (items: { title: string }[]) => items.map((i) => i.title);
  return { ...w, deps, search, idea, list, workspace, titles };
}

describe('listIdeas with q', () => {
  it('finds "chatbotten" in an idea titled "Chatbot…", ranks it, marks the hit as text, and shows public ideas only', async () => {
    const w = world();
    w.idea('Chatbot til borgerservice', { voteCount: 7 });
    w.idea('Lektiehjælp med AI');
    w.idea('Chatbot der venter på godkendelse', { status: 'pending' });
    w.idea('Chatbot skjult af moderator', { status: 'hidden' });
    w.idea('Chatbot holdt efter anmeldelser', { held: true });

    const page = await w.list({ q: 'chatbotten' });

    expect(w.titles(page.items)).toEqual(['Chatbot til borgerservice']);
    expect(page.items[0]).toMatchObject({ voteCount: 7, highlight: { title: [{ text: 'Chatbot', hit: true }, { text: ' til borgerservice' }] } });
    expect(page.nextCursor).toBeNull();
  });

  it('decides every item on the idea itself: hidden or held after the index was built, it is gone at once', async () => {
    const w = world();
    const hideMe = w.idea('Robotstøvsuger på plejehjem');
    const holdMe = w.idea('Robotplæneklipper i parken');
    w.search.freeze();
    expect((await w.list({ q: 'robot' })).items).toHaveLength(2);

    w.tables.ideas.get(hideMe.id)!.status = 'hidden';
    w.tables.ideas.get(holdMe.id)!.held = true;
    w.tables.ideas.get(hideMe.id)!.title = 'Robotstøvsuger på plejehjem';

    expect((await w.list({ q: 'robot' })).items).toEqual([]);
    expect((await similarIdeas(w.deps as never, PROCESS_ID, 'Robotstøvsuger til plejehjem')).items).toEqual([]);
  });

  it('filters by area, status and phase together with the search', async () => {
    const w = world();
    w.idea('Chatbot for ældre', { area: 'aeldre-sundhed-omsorg' });
    w.idea('Chatbot for unge', { area: 'boern-og-unge', status: 'selected' });
    w.idea('Chatbot før forløbet', { createdAt: '2026-11-26T12:00:00.000Z' });

    expect(w.titles((await w.list({ q: 'chatbot', area: 'boern-og-unge' })).items)).toEqual(['Chatbot for unge']);
    expect(w.titles((await w.list({ q: 'chatbot', status: 'selected' })).items)).toEqual(['Chatbot for unge']);
    expect(w.titles((await w.list({ q: 'chatbot', phase: 'ideas' })).items).sort()).toEqual(['Chatbot for unge', 'Chatbot for ældre']);
    expect((await w.list({ q: 'chatbot', phase: 'voting' })).items).toEqual([]);
  });

  it('finds an idea by its area name', async () => {
    const w = world();
    w.idea('Bedre skemaer', { area: 'kultur-idraet-fritid' });
    w.idea('Bedre journaler', { area: 'aeldre-sundhed-omsorg' });

    expect(w.titles((await w.list({ q: 'idræt' })).items)).toEqual(['Bedre skemaer']);
  });

  it('pages with an offset cursor bound to its query: every hit once; an edited or borrowed cursor is a 400', async () => {
    const w = world();
    for (let i = 0; i < 5; i++) w.idea(`Chatbot nummer ${i}`);

    const first = await w.list({ q: 'chatbot', limit: 2 });
    const second = await w.list({ q: 'chatbot', limit: 2, cursor: first.nextCursor });
    const third = await w.list({ q: 'chatbot', limit: 2, cursor: second.nextCursor });

    expect(new Set(w.titles([...first.items, ...second.items, ...third.items])).size).toBe(5);
    expect(third.nextCursor).toBeNull();
    const tampered = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(first.nextCursor!, 'base64url').toString()), o: -1 })).toString('base64url');
    await expect(w.list({ q: 'chatbot', limit: 2, cursor: tampered })).rejects.toMatchObject({ status: 400, slug: 'invalid-cursor' });
    await expect(w.list({ q: 'chatbot', limit: 2, area: 'erhverv', cursor: first.nextCursor })).rejects.toMatchObject({ status: 400 });
    await expect(w.list({ q: 'chatbot', limit: 2, cursor: 'ikke-en-cursor' })).rejects.toMatchObject({ status: 400 });
  });

  it('one letter is no search: the ordinary list, and the phase filter works without q too', async () => {
    const w = world();
    w.idea('Alfa');
    w.idea('Beta før forløbet', { createdAt: '2026-11-26T12:00:00.000Z' });

    expect((await w.list({ q: 'x' })).items).toHaveLength(2);
    expect(w.titles((await w.list({ phase: 'ideas' })).items)).toEqual(['Alfa']);
    expect((await w.list({ phase: 'information' })).items).toEqual([]);
  });
});

describe('similarIdeas', () => {
  it('suggests close public ideas with their live votes, not unrelated ones sharing common words, at most five', async () => {
    const w = world();
    for (let i = 0; i < 6; i++) w.idea(`Chatbot på hjemmesiden ${i}`, { voteCount: 10 + i });
    const topics = 'Cykelstier Skoleskemaer Madspild Parkering Affald Vejbump Biblioteker Svømmehaller Legepladser Bænke Lygtepæle Skraldespande Hundeskove Havnebad Snerydning Busser Fortove Træer Kantiner Tandpleje Vuggestuer Plejehjem Genbrug Solceller';
    for (const topic of topics.split(' ')) {
      w.idea(`Bedre ${topic.toLocaleLowerCase('da')}`, { body: `Kommunen kan bruge data om ${topic.toLocaleLowerCase('da')}. Kommunen bør spare.` });
    }

    const { items } = await similarIdeas(w.deps, PROCESS_ID, 'En chatbot der svarer borgerne på kommunens hjemmeside');

    expect(items).toHaveLength(5);
    expect(items.every((i) => i.title.startsWith('Chatbot'))).toBe(true);
    expect(items.every((i) => i.voteCount === w.tables.ideas.get(i.id)!.voteCount && i.status === 'published')).toBe(true);
    // "kommunen" and "bruge" are in most ideas: sharing them says nothing about being the same idea.
    expect((await similarIdeas(w.deps, PROCESS_ID, 'Kommunen bør bruge AI')).items).toEqual([]);
    expect((await similarIdeas(w.deps, PROCESS_ID, 'Færre hundeskove')).items.map((i) => i.title)).toEqual(['Bedre hundeskove']);
  });

  it('is 404 for an unknown or archived process', async () => {
    const w = world();
    await expect(similarIdeas(w.deps, 'findes-ikke', 'chatbot')).rejects.toMatchObject({ status: 404 });
    w.given.process({ archivedAt: '2026-11-28T00:00:00.000Z' });
    await expect(similarIdeas(w.deps, PROCESS_ID, 'chatbot')).rejects.toMatchObject({ status: 404 });
  });

  it('counts a telling word in the title, or two different telling words, as close', () => {
    const telling = (word: string) => word !== 'ai' && word !== 'kommunen';
    expect(isClose({ title: [{ text: 'Chatbot', hit: true }], snippet: [] }, telling)).toBe(true);
    expect(isClose({ title: [{ text: 'AI', hit: true }, { text: ' i skolen' }], snippet: [{ text: 'kommunen', hit: true }] }, telling)).toBe(false);
    expect(isClose({ title: [{ text: 'Noget' }], snippet: [{ text: 'data', hit: true }, { text: ' og ' }, { text: 'Data', hit: true }] }, telling)).toBe(false);
    expect(isClose({ title: [{ text: 'Noget' }], snippet: [{ text: 'data', hit: true }, { text: ' og ' }, { text: 'skole', hit: true }] }, telling)).toBe(true);
  });
});

describe('searchWorkspace', () => {
  it('finds ideas in any status, hidden, pending and held too, with their current status', async () => {
    const w = world();
    w.idea('Ansigtsgenkendelse skjult', { status: 'hidden' });
    w.idea('Ansigtsgenkendelse afventer', { status: 'pending' });
    w.idea('Ansigtsgenkendelse holdt', { held: true });

    const { items } = await w.workspace({ q: 'ansigtsgenkendelse' });
    expect(items.map((i) => [i.title, i.status, i.held]).sort()).toEqual([
      ['Ansigtsgenkendelse afventer', 'pending', false],
      ['Ansigtsgenkendelse holdt', 'published', true],
      ['Ansigtsgenkendelse skjult', 'hidden', false],
    ]);
    expect(w.titles((await w.workspace({ q: 'ansigtsgenkendelse', status: 'hidden' })).items)).toEqual(['Ansigtsgenkendelse skjult']);
  });

  it("searches comments in every state, each hit named by its idea's title", async () => {
    const w = world();
    const idea = w.idea('Chatbot i borgerservice');
    w.given.comment(idea.id, 'u1', { body: 'Dette er en fornærmende kommentar', state: 'hidden' });
    w.given.comment(idea.id, 'u2', { body: 'En venlig kommentar' });

    const { items } = await w.workspace({ q: 'fornærmende', kind: 'comments' });

    expect(items).toMatchObject([{ kind: 'comment', ideaId: idea.id, title: 'Chatbot i borgerservice', status: 'hidden' }]);
    expect(items[0]!.highlight.snippet.filter((s) => s.hit).map((s) => s.text)).toEqual(['fornærmende']);
  });
});

describe('similar ideas at review', () => {
  it('records what the author was shown (deduplicated) and names only those of the same process to the moderator', async () => {
    const w = world();
    const shown = w.idea('Chatbot til borgerservice');
    const elsewhere = w.given.idea({ processId: 'andet-forloeb', title: 'Hemmelig titel' });
    w.given.user('author');

    const created = await createIdea(w.deps, { userId: 'author', roles: [] }, PROCESS_ID, { ...validIdea(), title: 'Chatbot på borgerservice', similarShown: [shown.id, shown.id, elsewhere.id] });

    expect(w.tables.ideas.get(created.id)!.similarShown).toEqual([shown.id, elsewhere.id]);
    expect(created).not.toHaveProperty('similarShown');
    const review = await moderatedIdea(w.deps, created.id);
    expect(review.similar).toEqual({ shownToAuthor: [{ id: shown.id, title: 'Chatbot til borgerservice' }], similar: [expect.objectContaining({ id: shown.id })] });
  });
});
