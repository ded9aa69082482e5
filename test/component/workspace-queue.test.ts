import { flushPromises, mount, RouterLinkStub, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { nextTick } from 'vue';
import type { QueueItem } from '#shared/schemas/moderation';
import WorkspaceQueue from '../../frontend/src/components/workspace/WorkspaceQueue.vue';
import { BULK_MAX } from '#shared/rules/moderation';
import { useQueueSelection } from '../../frontend/src/composables/workspace/useQueueSelection';
import { setLocale } from '../../frontend/src/modules/i18n';

/** The moderation queue's selection and bulk decision: the logic alone, then the component with a fake API. */

const ulid = (n: number) => `01JQUEUE${String(n).padStart(18, '0')}`;
const item = (n: number, overrides: Partial<QueueItem> = {}): QueueItem => ({
  kind: 'idea',
  id: ulid(n),
  ideaId: ulid(n),
  title: `Idé ${n}`,
  text: `Tekst til idé ${n}`,
  authorName: 'Anna Jensen',
  authorType: 'citizen',
  status: 'published',
  flagCount: 0,
  flagReasons: {},
  flagTexts: [],
  queuedAt: '2026-11-27T10:00:00.000Z',
  ...overrides,
});

beforeAll(async () => {
  await setLocale('da', false);
});

describe('useQueueSelection', () => {
  it('selects one, all and none, and forgets what left the list', () => {
    let items = [item(1), item(2), item(3, { kind: 'comment', ideaId: ulid(1) })];
    const s = useQueueSelection(() => items);

    s.toggle(items[0]!);
    expect(s.selectedItems.value.map((i) => i.id)).toEqual([ulid(1)]);
    expect(s.someSelected.value).toBe(true);
    expect(s.allSelected.value).toBe(false);

    s.toggleAll();
    expect(s.allSelected.value).toBe(true);
    expect(s.someSelected.value).toBe(false);

    s.toggleAll();
    expect(s.selectedItems.value).toEqual([]);

    s.toggle(items[1]!);
    s.toggle(items[2]!);
    items = [items[0]!, items[2]!];
    s.prune();
    expect([...s.selected]).toEqual([`comment:${ulid(3)}`]);
  });

  it('keeps an idea and a comment with the same id apart', () => {
    const items = [item(1), item(1, { kind: 'comment' })];
    const s = useQueueSelection(() => items);
    s.toggle(items[1]!);
    expect(s.isSelected(items[0]!)).toBe(false);
    expect(s.isSelected(items[1]!)).toBe(true);
  });

  it('asks for a selection, a reason for hide and reject, and no publish or reject of comments', () => {
    const items = [item(1), item(2, { kind: 'comment' })];
    const s = useQueueSelection(() => items);

    expect(s.validate('publish', '')).toEqual({ selection: 'queue.noneSelected' });

    s.toggle(items[0]!);
    expect(s.validate('publish', '')).toEqual({});
    expect(s.validate('restore', '')).toEqual({});
    expect(s.validate('hide', '')).toEqual({ reason: 'queue.reasonRequired' });
    expect(s.validate('reject', '  kort ')).toEqual({ reason: 'queue.reasonRequired' });
    expect(s.validate('hide', 'Krænkende sprog')).toEqual({});
    expect(s.validate('publish', 'x'.repeat(1001))).toEqual({ reason: 'errors.invalidReason' });

    s.toggle(items[1]!);
    expect(s.validate('publish', '')).toEqual({ action: 'queue.commentsOnlyHideRestore' });
    expect(s.validate('reject', 'Uden for emnet')).toEqual({ action: 'queue.commentsOnlyHideRestore' });
    expect(s.validate('hide', 'Uden for emnet')).toEqual({});
  });

  it('sends the selection in the list order, in batches the API takes, with the trimmed reason', () => {
    const items = Array.from({ length: BULK_MAX + 3 }, (_, i) => item(i + 1));
    const s = useQueueSelection(() => items);
    s.toggleAll(true);

    const requests = s.requests('hide', '  Spam  ');

    expect(requests.map((r) => r.targets.length)).toEqual([BULK_MAX, 3]);
    expect(requests[0]!.targets[0]).toEqual({ kind: 'idea', id: ulid(1) });
    expect(requests[1]!.targets.at(-1)).toEqual({ kind: 'idea', id: ulid(BULK_MAX + 3) });
    expect(requests.every((r) => r.action === 'hide' && r.reason === 'Spam')).toBe(true);
    expect(s.requests('publish', '   ')[0]).not.toHaveProperty('reason');
  });
});

// ---- the component

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function stubBulk(answer: (body: { targets: { kind: string; id: string }[]; action: string; reason?: string }) => Response) {
  const calls: { url: string; body: any }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const body = JSON.parse(String(init?.body ?? 'null'));
      calls.push({ url: String(input), body });
      return answer(body);
    }),
  );
  return calls;
}

let wrapper: VueWrapper | undefined;
function mountQueue(items: QueueItem[], kind: 'pending' | 'flagged' = 'flagged') {
  const host = document.createElement('div');
  document.body.append(host);
  wrapper = mount(WorkspaceQueue, { props: { items, kind }, attachTo: host, global: { stubs: { RouterLink: RouterLinkStub } } });
  return wrapper;
}
const text = (w: VueWrapper) => w.text().replace(/\s+/g, ' ');

beforeEach(() => {
  document.body.innerHTML = '';
});
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  vi.unstubAllGlobals();
});

describe('WorkspaceQueue', () => {
  const flagged = [
    item(1, { title: 'Spam-idé', flagCount: 3, flagReasons: { spam: 2, offensive: 1 }, flagTexts: ['Reklame for et firma'] }),
    item(2, { title: '<b>Fed</b> idé', flagCount: 1, flagReasons: { off_topic: 1 } }),
    item(3, { kind: 'comment', ideaId: ulid(2), title: 'En grim kommentar', text: 'En grim kommentar om naboen', status: 'held', flagCount: 3, flagReasons: { offensive: 3 } }),
  ];

  it('shows each item as text with its author and flag reason counts, never who flagged', () => {
    const w = mountQueue(flagged);

    const entries = w.findAll('[data-testid="queue-list"] > li');
    expect(entries).toHaveLength(3);
    expect(entries[0]!.find('label').text()).toContain('Spam-idé');
    expect(text(w)).toContain('Af Anna Jensen, borger');
    expect(entries[0]!.text()).toContain('Anmeldelser: 3');
    expect(entries[0]!.findAll('li').map((li) => li.text())).toEqual(['Spam eller reklame: 2', 'Krænkende eller stødende: 1', 'Reklame for et firma']);
    expect(entries[1]!.text()).toContain('Anmeldelse: 1');
    expect(entries[1]!.find('label').text()).toContain('<b>Fed</b> idé');
    expect(document.querySelector('b')).toBeNull();
    expect(entries[2]!.text()).toContain('Kommentar');
    expect(entries[2]!.text()).toContain('Status: Tilbageholdt');
    // Comments link to their idea's moderation view.
    expect(entries[2]!.findComponent(RouterLinkStub).props('to')).toEqual({ name: 'workspace-idea', params: { id: ulid(2) } });
  });

  it('selects all with one checkbox, which shows "some" while only some are chosen', async () => {
    const w = mountQueue(flagged);
    const all = w.find<HTMLInputElement>('#queue-select-all');

    await w.find(`#queue-idea-${ulid(1)}`).setValue(true);
    expect(all.element.checked).toBe(false);
    expect(all.element.indeterminate).toBe(true);
    expect(text(w)).toContain('1 valgt');

    await all.setValue(true);
    expect(w.findAll<HTMLInputElement>('[data-testid="queue-list"] input[type=checkbox]').every((c) => c.element.checked)).toBe(true);
    expect(text(w)).toContain('3 valgt');

    await all.setValue(false);
    expect(text(w)).toContain('Ingen valgt');
  });

  it('will not hide without a reason: the error summary says so and nothing is sent', async () => {
    const calls = stubBulk(() => json({ results: [] }));
    const w = mountQueue(flagged);
    await w.find(`#queue-idea-${ulid(1)}`).setValue(true);

    await w.find('form').trigger('submit');
    await nextTick();

    expect(calls).toHaveLength(0);
    const summary = w.find('.error-summary');
    expect(summary.attributes('role')).toBe('alert');
    expect(summary.text()).toContain('Skriv en begrundelse på mindst 5 tegn');
    expect(w.find('#bulk-reason').attributes('aria-invalid')).toBe('true');
  });

  it('will not publish a comment, and asks for a selection first', async () => {
    const calls = stubBulk(() => json({ results: [] }));
    const w = mountQueue(flagged);

    await w.find('form').trigger('submit');
    expect(w.find('.error-summary').text()).toContain('Vælg mindst ét punkt i køen');

    await w.find('#queue-select-all').setValue(true);
    await w.find('#bulk-action').setValue('publish');
    await w.find('form').trigger('submit');
    expect(w.find('.error-summary').text()).toContain('Kommentarer kan kun skjules eller gendannes');
    expect(calls).toHaveLength(0);
  });

  it('hides the selection with the reason in one bulk call and reports the result per item', async () => {
    const calls = stubBulk((body) => json({ results: body.targets.map((t) => ({ ...t, status: t.id === ulid(2) ? 409 : 200 })) }));
    const w = mountQueue(flagged);
    await w.find(`#queue-idea-${ulid(1)}`).setValue(true);
    await w.find(`#queue-idea-${ulid(2)}`).setValue(true);
    await w.find(`#queue-comment-${ulid(3)}`).setValue(true);
    expect(w.find<HTMLSelectElement>('#bulk-action').element.value).toBe('hide');
    await w.find('#bulk-reason').setValue('  Krænkende og uden for emnet  ');

    await w.find('form').trigger('submit');
    await flushPromises();

    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe('/api/moderation/bulk');
    expect(calls[0]!.body).toEqual({
      targets: [
        { kind: 'idea', id: ulid(1) },
        { kind: 'idea', id: ulid(2) },
        { kind: 'comment', id: ulid(3) },
      ],
      action: 'hide',
      reason: 'Krænkende og uden for emnet',
    });
    const outcome = w.find('[role="status"]');
    expect(outcome.text()).toContain('Udført for 2 af 3.');
    expect(outcome.text()).toContain('<b>Fed</b> idé (fejl 409)');
    expect(w.emitted('decided')?.[0]?.[0]).toHaveLength(3);
    // The selection and the reason are cleared for the next decision.
    expect(text(w)).toContain('Ingen valgt');
    expect(w.find<HTMLTextAreaElement>('#bulk-reason').element.value).toBe('');
  });

  it('starts with "publish" for the pending queue and publishes without a reason', async () => {
    const calls = stubBulk((body) => json({ results: body.targets.map((t) => ({ ...t, status: 200 })) }));
    const w = mountQueue([item(7, { status: 'pending' })], 'pending');
    await w.find(`#queue-idea-${ulid(7)}`).setValue(true);

    await w.find('form').trigger('submit');
    await flushPromises();

    expect(calls[0]!.body).toEqual({ targets: [{ kind: 'idea', id: ulid(7) }], action: 'publish' });
    expect(w.find('[role="status"]').text()).toContain('Udført for 1 af 1.');
  });

  it('shows the problem when the bulk call fails, and keeps the selection', async () => {
    stubBulk(() => new Response(JSON.stringify({ type: '/problems/forbidden', title: 'Adgang nægtet', status: 403 }), { status: 403, headers: { 'content-type': 'application/problem+json' } }));
    const w = mountQueue(flagged);
    await w.find(`#queue-idea-${ulid(1)}`).setValue(true);
    await w.find('#bulk-action').setValue('restore');

    await w.find('form').trigger('submit');
    await flushPromises();

    expect(w.find('form [role="alert"]').text()).toContain('Adgang nægtet');
    expect(text(w)).toContain('1 valgt');
    expect(w.emitted('decided')).toBeUndefined();
  });

  it('says the queue is empty', () => {
    const w = mountQueue([]);
    expect(text(w)).toContain('Køen er tom.');
    expect(w.find('form').exists()).toBe(false);
  });
});
