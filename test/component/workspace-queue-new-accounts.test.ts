import { mount, RouterLinkStub } from '@vue/test-utils';
import { beforeAll, describe, expect, it } from 'vitest';
import type { QueueItem } from '#shared/schemas/moderation';
import WorkspaceQueueItem from '../../frontend/src/components/workspace/WorkspaceQueueItem.vue';
import { setLocale } from '../../frontend/src/modules/i18n';

/** Flags from accounts too new to count (FLAG_MIN_ACCOUNT_AGE_HOURS) are shown to the moderator, marked as such. */
const item = (overrides: Partial<QueueItem> = {}): QueueItem => ({
  kind: 'idea',
  id: '01JQUEUENEW000000000000001',
  ideaId: '01JQUEUENEW000000000000001',
  title: 'Idé anmeldt af flere',
  text: 'Tekst',
  status: 'published',
  flagCount: 3,
  flagReasons: { spam: 5 },
  flagTexts: [],
  queuedAt: '2026-11-27T10:00:00.000Z',
  ...overrides,
});

const render = (i: QueueItem) => mount(WorkspaceQueueItem, { props: { item: i, selected: false }, global: { stubs: { RouterLink: RouterLinkStub } } });

describe('a flagged item in the queue', () => {
  beforeAll(async () => setLocale('da', false));

  it('says how many flags came from new accounts and that they did not count', () => {
    const text = render(item({ newAccountFlags: 2 })).text();
    expect(text).toContain('Desuden 2 fra nye konti (under 24 timer), som ikke tæller med');
  });

  it('says nothing about new accounts when there were none', () => {
    expect(render(item({ newAccountFlags: 0 })).text()).not.toContain('nye konti');
    expect(render(item()).text()).not.toContain('nye konti');
  });

  it('in English too', async () => {
    await setLocale('en', false);
    expect(render(item({ newAccountFlags: 1 })).text()).toContain('Also 1 from new accounts (under 24 hours), not counted');
    await setLocale('da', false);
  });
});
