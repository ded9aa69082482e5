import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { h } from 'vue';
import { createMemoryHistory, createRouter, RouterView } from 'vue-router';
import type { ConsultationSetup, DocumentView, Draft } from '../../frontend/src/api/consultationWorkspace';
import { i18n, setLocale } from '../../frontend/src/modules/i18n';
import { setProfile } from '../../frontend/src/modules/session';
import { workspaceRoutes } from '../../frontend/src/pages/workspace/routes';
import { json, stubApi } from './app';
import { process } from './fixtures';
import type { Role } from '#shared/schemas/user';

/** The consultation workspace pages against a fake API: mounting helpers and the data they read. */
export const setup: ConsultationSetup = {
  processId: process.id,
  references: {
    name: { da: 'Gentofte Kommunes dataetiske kompas' },
    items: [
      { id: 'aabenhed', label: { da: 'Åbenhed' } },
      { id: 'menneskelig-kontrol', label: { da: 'Menneskelig kontrol' }, description: { da: 'Et menneske træffer afgørelsen.' } },
    ],
  },
  rounds: [
    {
      id: 'foelgegruppe',
      kind: 'invited',
      title: { da: 'Følgegruppen' },
      startsAt: '2026-11-01T08:00:00.000Z',
      endsAt: '2026-11-15T22:59:00.000Z',
      inviteToken: 'tok-0123456789abcdef',
      memberCount: 3,
    },
    { id: 'offentlig', kind: 'public', title: { da: 'Offentlig høring' }, startsAt: '2026-11-16T08:00:00.000Z', endsAt: '2026-12-20T22:59:00.000Z' },
  ],
  updatedAt: '2026-11-01T10:00:00.000Z',
};

export const draft: Draft = {
  documentId: 'etik',
  title: { da: 'Etiske retningslinjer' },
  blocks: [
    { kind: 'heading', text: { da: 'Formål' } },
    { kind: 'paragraph', no: 1, text: { da: 'Vi bruger AI til gavn for borgerne.' }, cites: ['aabenhed'] },
    { kind: 'paragraph', no: 2, text: { da: 'Et menneske træffer altid afgørelsen.' } },
  ],
  basedOnVersion: 1,
  updatedAt: '2026-11-02T10:00:00.000Z',
};

export const published: DocumentView = {
  processId: process.id,
  version: {
    documentId: 'etik',
    version: 1,
    title: { da: 'Etiske retningslinjer' },
    blocks: [
      { kind: 'heading', text: { da: 'Formål' } },
      { kind: 'paragraph', no: 1, text: { da: 'Vi bruger AI.' }, cites: ['aabenhed'] },
      { kind: 'paragraph', no: 2, text: { da: 'Et menneske træffer altid afgørelsen.' } },
      { kind: 'paragraph', no: 3, text: { da: 'Et afsnit, der er fjernet i udkastet.' } },
    ],
    changes: [],
    publishedAt: '2026-11-01T12:00:00.000Z',
  },
  versions: [{ version: 1, publishedAt: '2026-11-01T12:00:00.000Z' }],
  references: setup.references,
  rounds: setup.rounds.map(({ inviteToken: _t, memberCount: _m, ...r }) => r),
  figures: [
    { paragraphNo: 1, byRound: [{ roundId: 'foelgegruppe', total: { agree: 2, neutral: 1, disagree: 1 }, byType: { employee: { agree: 2, neutral: 1, disagree: 1 } } }], comments: 2, answered: 1 },
    { paragraphNo: 2, byRound: [], comments: 0, answered: 0 },
  ],
  comments: 2,
  answered: 1,
};

export const responseOf = (id: string, over: Record<string, unknown> = {}) => ({
  id,
  processId: process.id,
  documentId: 'etik',
  version: 1,
  paragraphNo: 1,
  roundId: 'foelgegruppe',
  roundKind: 'invited',
  position: 'disagree',
  state: 'visible',
  comment: 'Skriv hvem der har ansvaret.',
  authorName: 'Mette',
  authorType: 'employee',
  edited: false,
  createdAt: '2026-11-03T10:00:00.000Z',
  updatedAt: '2026-11-03T10:00:00.000Z',
  ...over,
});

export type Sent = { method: string; path: string; query: string; body: unknown };
type Answer = (url: URL, init?: RequestInit) => Response;

let wrapper: VueWrapper | undefined;
export const unmount = () => {
  wrapper?.unmount();
  wrapper = undefined;
};

export async function mountPage(path: string, answer: Answer, roles: Role[] = ['admin']) {
  await setLocale('da', false);
  setProfile({ userId: 'user-ad', displayName: 'Ada', participantType: 'employee', roles, createdAt: '', updatedAt: '' });
  const sent: Sent[] = [];
  stubApi((url, init) => {
    sent.push({ method: init?.method ?? 'GET', path: url.pathname, query: url.search, body: init?.body ? JSON.parse(String(init.body)) : undefined });
    if (url.pathname === '/api/processes') return json({ items: [process] });
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
