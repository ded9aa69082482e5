import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter, type Router } from 'vue-router';
import type { AuditEntry, AuditLog } from '#shared/schemas/moderation';
import { resetWorkspaceProcesses } from '../../frontend/src/composables/workspace/useWorkspaceProcesses';
import { i18n, setLocale } from '../../frontend/src/modules/i18n';
import AuditLogPage from '../../frontend/src/pages/workspace/AuditLogPage.vue';
import { buttonNamed, json, stubApi, text } from './app';
import { process } from './fixtures';

/** The audit log page against a fake API: target names and links, states in words, the filter form, short filtered pages. */

const MONA = { id: 'user-mona', name: 'Mona Moderator' };
const MADS = { id: 'user-mads', name: 'Mads Moderator' };
const IDEA = '01JD0000000000000000000001';
const entry = (n: number, overrides: Partial<AuditEntry> = {}): AuditEntry => ({
  id: `01JD00000000000000000000${String(n).padStart(2, '0')}`,
  processId: 'ai-i-gentofte',
  at: '2026-11-28T10:00:00.000Z',
  actorId: MONA.id,
  actorName: MONA.name,
  action: 'hide',
  targetKind: 'idea',
  targetId: IDEA,
  targetTitle: 'Chatbot på borger.dk',
  ideaId: IDEA,
  reason: 'Personoplysninger i teksten',
  before: { kind: 'idea', status: 'published', held: true },
  after: { kind: 'idea', status: 'hidden', held: false },
  ...overrides,
});

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  vi.unstubAllGlobals();
  resetWorkspaceProcesses();
});

async function mountPage(pages: (query: URLSearchParams) => AuditLog, path = '/arbejdsrum/log'): Promise<{ router: Router; queries: URLSearchParams[] }> {
  await setLocale('da', false);
  const queries: URLSearchParams[] = [];
  stubApi((url) => {
    // The workspace's process list (for the process choice), then the log's pages.
    if (url.pathname === '/api/processes') return json({ items: [process] });
    queries.push(url.searchParams);
    return json(pages(url.searchParams));
  });
  const empty = { render: () => null };
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/arbejdsrum/log', name: 'workspace-log', component: empty },
      { path: '/arbejdsrum/ideer/:id', name: 'workspace-idea', component: empty },
    ],
  });
  await router.push(path);
  const host = document.createElement('div');
  document.body.append(host);
  wrapper = mount(AuditLogPage, { attachTo: host, global: { plugins: [router, i18n] } });
  await flushPromises();
  return { router, queries };
}

describe('the audit log page', () => {
  it('names targets and links them to the moderator\'s idea view, and words states and actions', async () => {
    const items = [
      entry(1),
      entry(2, { action: 'comment-hide', targetKind: 'comment', targetId: '01JD0000000000000000000C01', before: { kind: 'comment', state: 'visible' }, after: { kind: 'comment', state: 'hidden' } }),
      entry(3, { action: 'block', targetKind: 'user', targetId: 'user-anna', targetTitle: 'Anna Jensen', ideaId: undefined, before: { kind: 'account', blocked: false }, after: { kind: 'account', blocked: true } }),
      // An erased account has no name any more; an old comment entry has no idea.
      entry(4, { action: 'block', targetKind: 'user', targetId: 'user-gone', targetTitle: undefined, ideaId: undefined }),
      entry(5, { action: 'comment-restore', targetKind: 'comment', targetId: '01JD0000000000000000000C02', targetTitle: undefined, ideaId: undefined }),
    ];
    await mountPage(() => ({ items, nextCursor: null, actors: [MONA] }));

    const rows = wrapper!.findAll('tbody tr').map((r) => r.findAll('td').map((c) => text(c.element).trim()));
    expect(rows[0]).toEqual([expect.any(String), 'Mona Moderator', 'Skjult', 'Idé Chatbot på borger.dk', 'Personoplysninger i teksten', 'Offentliggjort, tilbageholdt efter anmeldelser → blev til Skjult af moderator']);
    expect(rows[1]!.slice(2, 4)).toEqual(['Kommentar skjult', 'Kommentar til idéen Chatbot på borger.dk']);
    expect(rows[1]![5]).toBe('Synlig → blev til Skjult af moderator');
    expect(rows[2]!.slice(2, 4)).toEqual(['Bruger blokeret', 'Bruger Anna Jensen']);
    expect(rows[2]![5]).toBe('Aktiv → blev til Blokeret');
    expect(rows[3]![3]).toBe('Bruger Kontoen er slettet');
    expect(rows[4]![3]).toBe('Kommentar');
    const links = wrapper!.findAll('tbody a').map((a) => [a.text(), a.attributes('href')]);
    expect(links).toEqual([
      ['Chatbot på borger.dk', `/arbejdsrum/ideer/${IDEA}`],
      ['Chatbot på borger.dk', `/arbejdsrum/ideer/${IDEA}`],
    ]);
    // No id is shown as a name.
    expect(text(wrapper!.find('tbody').element)).not.toContain(IDEA);
  });

  it('shows an admin\'s change to a process field by field, in words, the process named by its title', async () => {
    const phase = (endsAt: string) => ({ kind: 'ideas', title: { da: 'Idéer og stemmer' }, startsAt: '2026-12-01T08:00:00.000Z', endsAt });
    const change = entry(1, {
      action: 'process-update',
      actorName: 'Ada Admin',
      targetKind: 'process',
      targetId: 'ai-i-gentofte',
      targetTitle: undefined,
      ideaId: undefined,
      reason: undefined,
      before: undefined,
      after: undefined,
      changes: [
        { field: 'settings.flagThreshold', before: 3, after: 5 },
        { field: 'phases', before: [phase('2027-01-15T08:00:00.000Z')], after: [phase('2027-02-15T08:00:00.000Z')] },
        { field: 'description', before: { da: 'Kort.' }, after: { da: 'Langt. '.repeat(100) } },
      ],
    });
    await mountPage(() => ({ items: [change], nextCursor: null, actors: [] }));

    const cells = wrapper!.findAll('tbody tr td').map((c) => text(c.element).trim());
    expect(cells.slice(1, 4)).toEqual(['Ada Admin', 'Forløb ændret', 'Forløb AI i Gentofte Kommune']);
    const changes = wrapper!.findAll('.ws-changes__field').map((f) => text(f.element).trim());
    expect(changes[0]).toMatch(/^Anmeldelser, før et indlæg tages ud til moderation ?Før: 3\b.*Efter: 5\b/);
    expect(changes[1]).toContain('15. januar 2027');
    expect(changes[1]).toContain('15. februar 2027');
    // The moved phase is marked on both sides; a long text is cut to its start.
    expect(wrapper!.findAll('.ws-changes__gone')).toHaveLength(3);
    expect(changes[2]!.length).toBeLessThan(400);
    expect(changes[2]).toMatch(/Langt\. … *$/);
  });

  it('filters by action and moderator through the address, and the form follows it', async () => {
    const { router, queries } = await mountPage(() => ({ items: [entry(1)], nextCursor: null, actors: [MADS, MONA] }));
    expect(wrapper!.findAll('#log-actor option').map((o) => o.text())).toEqual(['Alle moderatorer', 'Mads Moderator', 'Mona Moderator']);
    expect(wrapper!.findAll('#log-action option').map((o) => o.text())).toContain('Kommentar skjult');

    await wrapper!.find('#log-action').setValue('hide');
    await wrapper!.find('#log-actor').setValue(MONA.id);
    await wrapper!.find('form').trigger('submit');
    await flushPromises();

    expect(router.currentRoute.value.query).toEqual({ handling: 'hide', moderator: MONA.id });
    const last = queries[queries.length - 1]!;
    expect([last.get('action'), last.get('actorId'), last.get('processId')]).toEqual(['hide', MONA.id, 'ai-i-gentofte']);

    await buttonNamed(wrapper!.element, 'Vis alle')!.click();
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({});
    expect(queries[queries.length - 1]!.has('action')).toBe(false);
    expect((wrapper!.find('#log-action').element as HTMLSelectElement).value).toBe('');
  });

  it('opens a linked filter, ignoring an unknown action instead of sending it, and fetches nothing on the way out', async () => {
    const { router, queries } = await mountPage(() => ({ items: [], nextCursor: null, actors: [] }), '/arbejdsrum/log?handling=nonsense&moderator=user-mads');

    expect(queries[0]!.has('action')).toBe(false);
    expect(queries[0]!.get('actorId')).toBe('user-mads');
    expect((wrapper!.find('#log-actor').element as HTMLSelectElement).value).toBe('user-mads');
    expect(text(wrapper!.element)).toContain('Ingen beslutninger passer til filteret.');

    // Leaving the page drops the filter from the address: that fetches nothing.
    await router.push(`/arbejdsrum/ideer/${IDEA}`);
    await flushPromises();
    expect(queries).toHaveLength(1);
  });

  it('offers to search older decisions when a filtered page comes back empty with a cursor, and appends what it finds', async () => {
    const { queries } = await mountPage((q) =>
      q.get('cursor') ? { items: [entry(7, { action: 'merge' })], nextCursor: null, actors: [MONA] } : { items: [], nextCursor: 'further', actors: [MONA] },
      '/arbejdsrum/log?handling=merge',
    );
    expect(text(wrapper!.element)).toContain('Ingen af de seneste beslutninger passer til filteret.');
    expect(wrapper!.find('table').exists()).toBe(false);

    await buttonNamed(wrapper!.element, 'Søg i ældre beslutninger')!.click();
    await flushPromises();

    expect(queries[queries.length - 1]!.get('cursor')).toBe('further');
    expect(queries[queries.length - 1]!.get('action')).toBe('merge');
    expect(wrapper!.findAll('tbody tr')).toHaveLength(1);
    expect(buttonNamed(wrapper!.element, 'Søg i ældre beslutninger')).toBeUndefined();
    expect(buttonNamed(wrapper!.element, 'Vis flere')).toBeUndefined();
  });
});
