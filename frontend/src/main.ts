import { createApp } from 'vue';
import App from './App.vue';
import { prefetchLanding } from './api/processes';
import { prefetchProcess } from './composables/process/processCache';
import { initialLocale, install as installI18n, setLocale } from './modules/i18n';
import { restoreSession } from './modules/session';
import { createAppRouter } from './router';
import './styles/main.scss';

/**
 * How long the first render waits for the opened page's data. Within it, the page appears whole in
 * one render, without a loading state that jumps away a moment later (and without a second long
 * task, which a slow phone feels as a frozen page); beyond it, the page shows its loading state.
 */
const FIRST_DATA_WAIT_MS = 1500;

// Everything the first page needs starts at once: the router's first navigation (which fetches the
// page's chunk), the process, the page's data, the session, and the language's messages.
const app = createApp(App);
installI18n(app);
const router = createAppRouter();
app.use(router);
const firstData = Promise.all([prefetchProcess(location.pathname), prefetchLanding(location.pathname, location.search)]);
void restoreSession();
await Promise.all([
  setLocale(initialLocale(), false),
  // A page chunk that fails to load is the router's error to show, after mounting.
  router.isReady().catch(() => undefined),
  Promise.race([firstData, new Promise((resolve) => setTimeout(resolve, FIRST_DATA_WAIT_MS))]),
]);
app.mount('#app');
