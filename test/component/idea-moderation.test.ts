import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { ideaActions, type IdeaAction } from '#shared/rules/moderation';
import { ideaStatuses } from '#shared/rules/values';
import type { IdeaModeration } from '#shared/schemas/moderation';
import type { IdeaRecord } from '../../functions/src/domain/ports';
import { decideIdea } from '../../functions/src/domain/moderation-rules';
import { HttpError } from '../../functions/src/lib/errors';
import type { ModeratedIdea } from '../../frontend/src/api/workspace';
import { i18n, setLocale } from '../../frontend/src/modules/i18n';
import IdeaModerationPage from '../../frontend/src/pages/workspace/IdeaModerationPage.vue';
import { json, problem, stubApi } from './app';
import { idea as listItem, process } from './fixtures';

/** The idea moderation page and its forms against a fake API: one action at a time, each form with its own failure. */

const base = listItem(1);
const ideaId = base.id;
const moderated = (overrides: Partial<ModeratedIdea> = {}): ModeratedIdea => ({
  ...base,
  body: 'Brug AI til at svare på borgernes spørgsmål.',
  updatedAt: base.createdAt,
  held: false,
  flagCount: 0,
  history: [],
  author: { userId: 'user-anna', blocked: false },
  ...overrides,
});

interface Sent {
  path: string;
  body: unknown;
}

/** Answers the page's reads; `moderate` answers each decision the page sends (and sees its body). */
function fakeApi(moderate: (body: Record<string, unknown>) => Response | Promise<Response>, initial = moderated()) {
  let current = initial;
  const sent: Sent[] = [];
  stubApi(async (url, init) => {
    if (init?.method === 'POST') {
      const body = JSON.parse(String(init.body)) as Record<string, unknown>;
      sent.push({ path: url.pathname, body });
      const answer = await moderate(body);
      if (answer.ok) current = (await answer.clone().json()) as ModeratedIdea;
      return answer;
    }
    if (url.pathname === `/api/moderation/ideas/${ideaId}`) return json(current);
    return json({ items: [process] });
  });
  return sent;
}

let wrapper: VueWrapper | undefined;
async function mountPage() {
  await setLocale('da', false);
  const empty = { render: () => null };
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/arbejdsrum/ideer/:id', name: 'workspace-idea', component: empty },
      { path: '/arbejdsrum/moderation', name: 'workspace-queue', component: empty },
      { path: '/forloeb/:processId/ideer/:id', name: 'idea', component: empty },
    ],
  });
  await router.push(`/arbejdsrum/ideer/${ideaId}`);
  const host = document.createElement('div');
  document.body.append(host);
  wrapper = mount(IdeaModerationPage, { attachTo: host, global: { plugins: [router, i18n] } });
  await flushPromises();
  return wrapper;
}

const form = (w: VueWrapper, heading: string) => w.find(`form[aria-labelledby="${heading}"]`);

afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

describe('the idea moderation page', () => {
  it('sends one action at a time: while a decision is saved, the other forms wait and say so', async () => {
    // Prepare
    let release: (response: Response) => void = () => undefined;
    const sent = fakeApi(() => new Promise<Response>((resolve) => (release = resolve)));
    const w = await mountPage();
    await form(w, 'decision-heading').find('#decision-reason').setValue('Uden for emnet');

    // Act
    await form(w, 'decision-heading').trigger('submit');
    await form(w, 'status-heading').trigger('submit');
    await flushPromises();

    // Assess
    expect(sent).toEqual([{ path: `/api/ideas/${ideaId}/moderation`, body: { action: 'hide', reason: 'Uden for emnet' } }]);
    const buttons = w.findAll('form button[type="submit"]');
    expect(buttons.length).toBe(6); // decision, merge, status, the letlæst summary, the AI lens, block
    for (const button of buttons) expect(button.attributes('aria-disabled')).toBe('true');

    release(json(moderated({ status: 'hidden', moderationReason: 'Uden for emnet' })));
    await flushPromises();
    expect(w.find('.ws-idea__saved').text()).toBe('Beslutningen er gemt: Skjult.');
    expect(w.find<HTMLTextAreaElement>('#decision-reason').element.value).toBe('');
    for (const button of w.findAll('form button[type="submit"]')) expect(button.attributes('aria-disabled')).toBeUndefined();
  });

  it('offers hide and reject on a merged idea (personal data found after a merge), and sends the hide with its reason', async () => {
    const sent = fakeApi(() => json(moderated({ status: 'hidden', mergedInto: '01JTARGET00000000000000002', moderationReason: 'Personoplysninger' })), moderated({ status: 'merged', mergedInto: '01JTARGET00000000000000002' }));
    const w = await mountPage();
    const decision = form(w, 'decision-heading');
    expect(decision.exists()).toBe(true);
    expect(decision.findAll('#decision-action option').map((o) => o.attributes('value'))).toEqual(['hide', 'reject']);

    await decision.find('#decision-reason').setValue('Personoplysninger');
    await decision.trigger('submit');
    await flushPromises();

    expect(sent.map((s) => s.body)).toEqual([{ action: 'hide', reason: 'Personoplysninger' }]);
    expect(w.find('.ws-idea__saved').text()).toBe('Beslutningen er gemt: Skjult.');
  });

  it('shows a failed merge in the merge form only, and keeps what the moderator typed', async () => {
    fakeApi(() => problem(409, 'Idéen kan ikke lægges sammen', 'Målet er selv lagt sammen med en anden idé.'));
    const w = await mountPage();
    const merge = form(w, 'merge-heading');
    await merge.find('#merge-target').setValue('01JTARGET00000000000000002');
    await merge.find('#merge-reason').setValue('Samme forslag som nummer 2');

    await merge.trigger('submit');
    await flushPromises();

    expect(merge.find('[role="alert"]').text()).toBe('Idéen kan ikke lægges sammen. Målet er selv lagt sammen med en anden idé.');
    expect(w.findAll('[role="alert"]')).toHaveLength(1);
    expect(merge.find<HTMLTextAreaElement>('#merge-reason').element.value).toBe('Samme forslag som nummer 2');
    expect(w.find('.ws-idea__saved').text()).toBe('');
  });

  it('sends only what changed in the status form, and starts the form again from the idea the API answers with', async () => {
    const sent = fakeApi((body) => json(moderated({ status: body.status as ModeratedIdea['status'], officialAnswer: 'Udvalget ser på det i foråret.', answerDeadline: '2027-03-01' })));
    const w = await mountPage();
    const status = form(w, 'status-heading');
    await status.find('#status-status').setValue('under_review');
    await status.find('#status-answer').setValue('  Udvalget ser på det.  ');

    await status.trigger('submit');
    await flushPromises();

    expect(sent.map((s) => s.body)).toEqual([{ action: 'set-status', status: 'under_review', officialAnswer: 'Udvalget ser på det.' }]);
    expect(w.find<HTMLSelectElement>('#status-status').element.value).toBe('under_review');
    expect(w.find<HTMLTextAreaElement>('#status-answer').element.value).toBe('Udvalget ser på det i foråret.');
    expect(w.find<HTMLInputElement>('#status-deadline').element.value).toBe('2027-03-01');
    expect(w.find('time[datetime="2027-03-01"]').text()).toBe('1. marts 2027');
  });
});

describe('the decisions the page offers, state by state', () => {
  const commands: Record<IdeaAction, IdeaModeration> = {
    publish: { action: 'publish' },
    hide: { action: 'hide', reason: 'Uden for emnet' },
    restore: { action: 'restore' },
    reject: { action: 'reject', reason: 'Uden for emnet' },
    merge: { action: 'merge', reason: 'Samme forslag', targetId: '01JTARGET00000000000000002' },
    'set-status': { action: 'set-status', status: 'under_review' },
  };

  /** What the server's use case does with each decision: accepted, or refused with a 409 as stale. */
  function serverAccepts(state: Pick<ModeratedIdea, 'status' | 'held'>): IdeaAction[] {
    const record = { id: ideaId, status: state.status, held: state.held, previousStatus: 'published' } as unknown as IdeaRecord;
    return ideaActions.filter((action) => {
      try {
        decideIdea(record, commands[action]);
        return true;
      } catch (error) {
        if (error instanceof HttpError && error.status === 409) return false;
        throw error;
      }
    });
  }

  const states = ideaStatuses.flatMap((status) => [false, true].map((held) => ({ status, held })));

  it.each(states)('$status (held: $held): the forms offer exactly what the server accepts', async (state) => {
    fakeApi(() => json(moderated(state)), moderated(state));
    const w = await mountPage();

    const decisions = w.findAll('#decision-action option').map((o) => o.attributes('value'));
    const offered = [
      ...decisions,
      ...(form(w, 'merge-heading').exists() ? ['merge'] : []),
      ...(form(w, 'status-heading').exists() ? ['set-status'] : []),
    ];
    expect(offered.sort()).toEqual(serverAccepts(state).sort());
  });
});
