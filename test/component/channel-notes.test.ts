import { flushPromises, type VueWrapper } from '@vue/test-utils';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CommentThread } from '#shared/schemas/comment';
import type { IdeaDetail } from '#shared/schemas/idea';
import { clearVotes } from '../../frontend/src/composables/idea/useVotes';
import { resetProcessCache } from '../../frontend/src/composables/process/useProcess';
import { channelNoteText } from '../../frontend/src/lib/labels';
import { setLocale } from '../../frontend/src/modules/i18n';
import IdeaListPage from '../../frontend/src/pages/IdeaListPage.vue';
import IdeaPage from '../../frontend/src/pages/IdeaPage.vue';
import { json, mountInApp, stubApi, text } from './app';
import { idea, process } from './fixtures';

/**
 * The channel an idea or a comment came in through, when not the web (issue 15): a small neutral
 * line from shared/rules/labels.ts channelNotes ("Indsendt via Borgerservice"), on the idea's card,
 * its page and its comments, in Danish and English; nothing for the web or an unknown channel.
 */
let wrapper: VueWrapper | undefined;
beforeEach(async () => {
  document.body.innerHTML = '';
  sessionStorage.clear();
  resetProcessCache();
  clearVotes();
  await setLocale('da', false);
});
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  vi.unstubAllGlobals();
});

async function violations(root: Element) {
  const result = await axe.run(root, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
}

const assisted = idea(1, { title: 'Hjælp til ansøgninger', channel: 'assisted-in-person' });
const phoned = idea(2, { title: 'Svar på telefonen', channel: 'assisted-phone' });
const online = idea(3, { title: 'Chat på hjemmesiden', channel: 'web' });
const older = idea(4, { title: 'Uden kanal' });
const thread = (id: string, channel?: CommentThread['channel']): CommentThread => ({
  id,
  ideaId: assisted.id,
  state: 'visible',
  body: `Kommentar ${id}`,
  authorName: 'Bente',
  authorType: 'citizen',
  edited: false,
  createdAt: '2026-11-27T10:00:00.000Z',
  updatedAt: '2026-11-27T10:00:00.000Z',
  replies: [],
  ...(channel ? { channel } : {}),
});
const detail: IdeaDetail = { ...assisted, body: 'Borgerservice skrev idéen ind for Bente.', updatedAt: assisted.createdAt, commentCount: 2 };

function api() {
  return stubApi((url) => {
    if (url.pathname === '/config.json') return json({ apiBase: '/api', region: 'eu-north-1', userPoolId: 'local_x', userPoolClientId: 'c', cognitoEndpoint: 'http://127.0.0.1:9229' });
    if (url.pathname === '/api/processes/ai-i-gentofte') return json(process);
    if (url.pathname === '/api/processes/ai-i-gentofte/ideas') return json({ items: [assisted, phoned, online, older], nextCursor: null });
    if (url.pathname === `/api/ideas/${assisted.id}`) return json(detail);
    if (url.pathname === `/api/ideas/${assisted.id}/comments`) return json({ items: [thread('01JCOMMENT0000000000000001', 'paper'), thread('01JCOMMENT0000000000000002')], nextCursor: null });
    return json({ items: [], nextCursor: null });
  });
}

const card = (host: Element, title: string) => [...host.querySelectorAll('.idea-card')].find((c) => c.querySelector('h2, h3')?.textContent?.trim() === title)!;

describe('the channel on ideas and comments', () => {
  it('the list: a line on the assisted ideas only, in the reader\'s language', async () => {
    api();
    const mounted = await mountInApp(IdeaListPage, { path: '/forloeb/ai-i-gentofte/ideer' });
    wrapper = mounted.wrapper;
    await flushPromises();
    const { host } = mounted;
    expect(card(host, 'Hjælp til ansøgninger').querySelector('.channel-note')?.textContent).toBe('Indsendt via Borgerservice');
    expect(card(host, 'Svar på telefonen').querySelector('.channel-note')?.textContent).toBe('Indsendt via Borgerservice på telefon');
    expect(card(host, 'Chat på hjemmesiden').querySelector('.channel-note')).toBeNull();
    expect(card(host, 'Uden kanal').querySelector('.channel-note')).toBeNull();
    // A neutral line, not an alert: nothing announces it, nothing colours it as a warning.
    expect(host.querySelector('.channel-note')?.closest('[role="alert"], .alert')).toBeNull();
    expect(await violations(host)).toEqual([]);

    await setLocale('en', false);
    await flushPromises();
    expect(card(host, 'Hjælp til ansøgninger').querySelector('.channel-note')?.textContent).toBe('Submitted through Citizen Service');
  });

  it('the idea page and its comments: the idea\'s channel under the byline, a comment\'s in its header', async () => {
    api();
    const mounted = await mountInApp(IdeaPage, { path: `/forloeb/ai-i-gentofte/ideer/${assisted.id}` });
    wrapper = mounted.wrapper;
    await flushPromises();
    const { host } = mounted;
    expect(host.querySelector('.idea-page__channel')?.textContent).toBe('Indsendt via Borgerservice');
    const comments = [...host.querySelectorAll('.comment')];
    expect(comments).toHaveLength(2);
    expect(comments[0]!.querySelector('.comment__meta .channel-note')?.textContent).toBe('Indsendt på papirskema');
    expect(comments[1]!.querySelector('.channel-note')).toBeNull();
    expect(text(host)).toContain('Borgerservice skrev idéen ind for Bente.');
    expect(await violations(host)).toEqual([]);
  });

  it('the wording comes from the shared labels; none for the web, a missing or an unknown channel', async () => {
    expect(channelNoteText('event')).toBe('Kom frem på et arrangement');
    expect(channelNoteText('paper')).toBe('Indsendt på papirskema');
    expect(channelNoteText('web')).toBeNull();
    expect(channelNoteText(undefined)).toBeNull();
    expect(channelNoteText('telegraph')).toBeNull();
    expect(channelNoteText('toString')).toBeNull();
    await setLocale('en', false);
    expect(channelNoteText('assisted-phone')).toBe('Submitted through Citizen Service by phone');
  });
});
