import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { h } from 'vue';
import { createMemoryHistory, createRouter, RouterView } from 'vue-router';
import type { EventAdmin, LiveRound, LiveRoundResults, SignupRow } from '../../frontend/src/api/eventsWorkspace';
import { i18n, setLocale } from '../../frontend/src/modules/i18n';
import { setProfile } from '../../frontend/src/modules/session';
import { workspaceRoutes } from '../../frontend/src/pages/workspace/routes';
import type { Process } from '#shared/schemas/process';
import type { Role } from '#shared/schemas/user';
import { json, stubApi } from './app';
import { process as baseProcess } from './fixtures';

/** The events' workspace pages against a fake API: mounting helpers and the data they read. */
const day = 86_400_000;
const now = Date.now();
export const process: Process = {
  ...baseProcess,
  phases: [
    ...baseProcess.phases.slice(0, 1),
    { kind: 'event', title: { da: 'Temadag' }, startsAt: new Date(now - day).toISOString(), endsAt: new Date(now + 20 * day).toISOString() },
    ...baseProcess.phases.slice(1),
  ],
};

export const event: EventAdmin = {
  id: 'ai-festival',
  processId: process.id,
  type: 'theme-day',
  title: { da: 'AI-festival for medarbejdere', en: 'AI festival for employees' },
  description: { da: 'En dag om AI i hverdagen.' },
  place: { address: 'Bernstorffsvej 161, 2920 Charlottenlund', room: 'Byrådssalen' },
  startsAt: '2026-12-10T08:00:00.000Z',
  endsAt: '2026-12-10T15:00:00.000Z',
  audience: 'invited',
  capacity: 40,
  signupDeadline: '2026-12-08T22:59:00.000Z',
  accessFeatures: ['step-free', 'hearing-loop'],
  published: true,
  seatsTaken: 40,
  waitingCount: 3,
  checkedIn: 12,
  invitationToken: 'inv-0123456789abcdef',
  createdAt: '2026-11-20T10:00:00.000Z',
  updatedAt: '2026-11-20T10:00:00.000Z',
};

export const signup = (n: number, over: Partial<SignupRow> = {}): SignupRow => ({
  id: `01JEVENTSIGNUP0000000000${String(n).padStart(2, '0')}`,
  userId: `user-${n}`,
  name: `Deltager ${n}`,
  email: `d${n}@gentofte.dk`,
  participantType: 'employee',
  state: 'seat',
  signedUpAt: `2026-11-21T10:${String(n).padStart(2, '0')}:00.000Z`,
  diet: [],
  ...over,
});

export const round: LiveRound = {
  id: '01JEVENTROUND00000000000001',
  processId: process.id,
  eventId: event.id,
  title: { da: 'Salens stemning' },
  questions: [
    { id: 'vigtigst', kind: 'single', text: { da: 'Hvad er vigtigst?' }, options: [{ id: 'tid', label: { da: 'Tid' } }, { id: 'kvalitet', label: { da: 'Kvalitet' } }] },
    { id: 'tryghed', kind: 'scale', text: { da: 'Hvor tryg er du ved AI?' }, lowLabel: { da: 'Utryg' }, highLabel: { da: 'Tryg' } },
    { id: 'ord', kind: 'words', text: { da: 'Ét ord om AI' }, maxWords: 3 },
    { id: 'udsagn', kind: 'statements', text: { da: 'Ambitionen' }, statements: [{ id: 'a1', text: { da: 'AI skal frigøre tid.' } }, { id: 'a2', text: { da: 'Et menneske beslutter.' } }] },
  ],
  state: 'open',
  code: 'K7M3QA',
  openedAt: '2026-12-10T09:00:00.000Z',
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-10T09:00:00.000Z',
};

export const results = (over: Partial<LiveRoundResults> = {}): LiveRoundResults => ({
  ...round,
  results: [
    { questionId: 'vigtigst', count: 5, options: [{ id: 'tid', count: 3 }, { id: 'kvalitet', count: 2 }] },
    { questionId: 'tryghed', count: 4, distribution: [0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 1], mean: 7 },
    { questionId: 'ord', count: 3, words: [{ word: 'tid', count: 3 }, { word: 'etik', count: 1 }] },
    { questionId: 'udsagn', count: 4, statements: [{ id: 'a1', agree: 3, neutral: 1, disagree: 0 }, { id: 'a2', agree: 1, neutral: 1, disagree: 2 }] },
  ],
  ...over,
});

export type Sent = { method: string; path: string; query: string; body: unknown };
type Answer = (url: URL, init?: RequestInit) => Response | Promise<Response>;

let wrapper: VueWrapper | undefined;
export const unmount = () => {
  wrapper?.unmount();
  wrapper = undefined;
};

export async function mountPage(path: string, answer: Answer, roles: Role[] = ['admin'], processes: Process[] = [process]) {
  await setLocale('da', false);
  setProfile({ userId: 'user-ad', displayName: 'Ada', participantType: 'employee', roles, createdAt: '', updatedAt: '' });
  const sent: Sent[] = [];
  stubApi((url, init) => {
    sent.push({ method: init?.method ?? 'GET', path: url.pathname, query: url.search, body: init?.body ? JSON.parse(String(init.body)) : undefined });
    if (url.pathname === '/api/processes') return json({ items: processes });
    return answer(url, init);
  });
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [...workspaceRoutes, { path: '/', name: 'home', component: { render: () => null } }, { path: '/:rest(.*)', component: { render: () => null } }],
  });
  await router.push(path);
  await router.isReady();
  const host = document.createElement('div');
  document.body.append(host);
  wrapper = mount({ render: () => h(RouterView) }, { attachTo: host, global: { plugins: [router, i18n] } });
  await flushPromises();
  return { sent, router, wrapper, of: (method: string) => sent.filter((s) => s.method === method) };
}
