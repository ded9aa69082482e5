import { nextTick } from 'vue';
import { createRouter, createWebHistory, type RouteRecordRaw, type Router, type RouterHistory } from 'vue-router';
import type { MessageKey } from './modules/i18n';
import { focusHeading, setTitleKey } from './modules/page';
import { toIdeasProcess, toSoleProcess } from './modules/process-redirects';
import { loadProfile, restoreSession, signedIn } from './modules/session';

declare module 'vue-router' {
  interface RouteMeta {
    /** The document title until the page sets a more specific one. */
    title?: MessageKey;
    /** Only for signed-in users (others go to sign-in and come back). */
    auth?: boolean;
    /** Also needs a profile (name and participant type); without one the user fills it in first. */
    profile?: boolean;
  }
}

// Every page is its own chunk: the first visit loads only the shell and the page it opens.
const ProcessListPage = () => import('./pages/ProcessListPage.vue');
const IdeaPage = () => import('./pages/IdeaPage.vue');
const ProcessPage = () => import('./pages/ProcessPage.vue');
const IdeaListPage = () => import('./pages/IdeaListPage.vue');
// The consultation's four pages share one chunk (pages/consultation/pages.ts): one loader in the first-visit bundle.
const consultationPage = (name: keyof typeof import('./pages/consultation/pages')) => () => import('./pages/consultation/pages').then((m) => m[name]);
// The events' four pages likewise (pages/events/pages.ts); the phone view of a live round needs no sign-in.
const eventPage = (name: keyof typeof import('./pages/events/pages')) => () => import('./pages/events/pages').then((m) => m[name]);

export const routes: RouteRecordRaw[] = [
  // `/` leads on (modules/process-redirects.ts); the component is never shown.
  { path: '/', name: 'home', component: ProcessListPage, beforeEnter: toSoleProcess('process', ProcessPage) },
  { path: '/forloeb', name: 'processes', component: ProcessListPage, meta: { title: 'processes.title' } },
  { path: '/forloeb/:processId', name: 'process', component: ProcessPage, meta: { title: 'process.loading' } },
  { path: '/forloeb/:processId/ideer', name: 'ideas', component: IdeaListPage, meta: { title: 'ideas.title' } },
  { path: '/forloeb/:processId/ideer/ny', name: 'new-idea', component: () => import('./pages/NewIdeaPage.vue'), meta: { title: 'wizard.title', auth: true, profile: true } },
  { path: '/forloeb/:processId/ideer/:id', name: 'idea', component: IdeaPage, meta: { title: 'ideaPage.loading' } },
  { path: '/forloeb/:processId/spoergeskema', name: 'survey', component: () => import('./pages/survey/SurveyPage.vue'), meta: { title: 'survey.title' } },
  { path: '/forloeb/:processId/spoergeskema/resultater', name: 'survey-results', component: () => import('./pages/survey/SurveyResultsPage.vue'), meta: { title: 'survey.title' } },
  { path: '/forloeb/:processId/hoering', name: 'consultation', component: consultationPage('ConsultationPage'), meta: { title: 'consultation.title' } },
  { path: '/forloeb/:processId/hoering/runde/:roundId', name: 'consultation-join', component: consultationPage('RoundJoinPage'), meta: { title: 'consultation.title' } },
  { path: '/forloeb/:processId/hoering/:documentId', name: 'consultation-document', component: consultationPage('DocumentPage'), meta: { title: 'consultation.title' } },
  { path: '/forloeb/:processId/hoering/:documentId/aendringer', name: 'consultation-diff', component: consultationPage('DocumentDiffPage'), meta: { title: 'consultation.title' } },
  { path: '/forloeb/:processId/arrangementer', name: 'events', component: eventPage('EventListPage'), meta: { title: 'events.title' } },
  { path: '/forloeb/:processId/arrangementer/:eventId', name: 'event', component: eventPage('EventPage'), meta: { title: 'events.title' } },
  { path: '/live', name: 'live', component: eventPage('LiveCodePage'), meta: { title: 'events.live' } },
  { path: '/live/:code', name: 'live-round', component: eventPage('LivePhonePage'), meta: { title: 'events.live' } },
  { path: '/forloeb/:processId/papirskema', name: 'paper-form', component: () => import('./pages/paper/PaperFormPage.vue'), meta: { title: 'paper.title' } },
  { path: '/forloeb/:processId/aendringer', name: 'process-changes', component: () => import('./pages/ProcessChangesPage.vue'), meta: { title: 'process.changes.title' } },
  // Addresses from before processes had their own, in mails, exports and bookmarks: they lead on.
  { path: '/ideer', name: 'active-ideas', component: ProcessListPage, beforeEnter: toSoleProcess('ideas', IdeaListPage) },
  { path: '/ideer/ny', name: 'active-new-idea', component: ProcessListPage, beforeEnter: toSoleProcess('new-idea') },
  // Also for links that know an idea but not its process (the idea page at this address moves on to its own).
  { path: '/ideer/:id', name: 'idea-by-id', component: IdeaPage, beforeEnter: toIdeasProcess, meta: { title: 'ideaPage.loading' } },
  { path: '/log-ind', name: 'sign-in', component: () => import('./pages/SignInPage.vue'), meta: { title: 'auth.signIn.title' } },
  { path: '/opret-konto', name: 'sign-up', component: () => import('./pages/SignUpPage.vue'), meta: { title: 'auth.signUp.title' } },
  { path: '/bekraeft', name: 'confirm', component: () => import('./pages/ConfirmPage.vue'), meta: { title: 'auth.confirm.title' } },
  { path: '/glemt-adgangskode', name: 'forgot', component: () => import('./pages/ForgotPasswordPage.vue'), meta: { title: 'auth.forgot.title' } },
  { path: '/min-side', name: 'me', component: () => import('./pages/MyPage.vue'), meta: { title: 'me.title', auth: true, profile: true } },
  { path: '/min-side/hent-bidrag', name: 'claim', component: () => import('./pages/ClaimPage.vue'), meta: { title: 'paper.claimTitle', auth: true, profile: true } },
  { path: '/min-side/profil', name: 'profile', component: () => import('./pages/ProfilePage.vue'), meta: { title: 'profile.title', auth: true } },
  { path: '/privatliv', name: 'privacy', component: () => import('./pages/PrivacyPage.vue'), meta: { title: 'privacy.title' } },
  { path: '/tilgaengelighed', name: 'accessibility', component: () => import('./pages/AccessibilityPage.vue'), meta: { title: 'a11y.title' } },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('./pages/NotFoundPage.vue'), meta: { title: 'notFound.title' } },
];

const WORKSPACE_ENTRY = 'workspace-entry';

/**
 * The workspace's route table (pages/workspace/routes.ts) loads with the workspace, so a first visit
 * to the citizen app does not carry it. This stand-in matches every workspace address until then:
 * it loads the table, puts it in its own place and sends the navigation on to the same address,
 * which the real routes (with their sign-in and role rules) now match (vue-router's "adding routes
 * inside navigation guards"). Links into the workspace from the citizen app use paths, not names.
 */
function workspaceEntry(router: Router): RouteRecordRaw {
  return {
    path: '/arbejdsrum/:rest(.*)*',
    name: WORKSPACE_ENTRY,
    component: () => import('./pages/NotFoundPage.vue'),
    beforeEnter: async (to) => {
      const { workspaceRoutes } = await import('./pages/workspace/routes');
      if (router.hasRoute(WORKSPACE_ENTRY)) router.removeRoute(WORKSPACE_ENTRY);
      for (const route of workspaceRoutes) router.addRoute(route);
      return to.fullPath;
    },
  };
}

export function createAppRouter(history: RouterHistory = createWebHistory()) {
  const router = createRouter({
    history,
    routes,
    // The first page starts at the top anyway; scrolling there would only force an early layout.
    scrollBehavior: (to, from, saved) => saved ?? (to.hash ? { el: to.hash } : from.matched.length === 0 ? false : { top: 0 }),
  });

  router.addRoute(workspaceEntry(router));

  router.beforeEach(async (to) => {
    if (!to.meta.auth) return true;
    await restoreSession();
    if (!signedIn.value) return { name: 'sign-in', query: { next: to.fullPath } };
    if (to.meta.profile) {
      const profile = await loadProfile().catch(() => undefined);
      // undefined: the API did not answer; the page itself shows that error.
      if (profile === null) return { name: 'profile', query: { next: to.fullPath, first: '1' } };
    }
    return true;
  });

  router.afterEach((to, from, failure) => {
    if (failure) return;
    setTitleKey(to.meta.title);
    // On the first page load focus stays at the top, so the skip link is the first Tab stop. After
    // a navigation, focus moves to the new page's h1: screen readers announce the page, and keyboard
    // users continue from its top.
    if (from.matched.length === 0) return;
    if (to.path === from.path) return;
    void nextTick(() => focusHeading());
  });

  return router;
}


// Kept for importers from before the helpers moved to modules/page.ts.
export { focusHeading, setTitle } from './modules/page';
