import { createApp } from 'vue';
import App from './App.vue';
import { prefetchLanding } from './api/processes';
import { prefetchProcess } from './composables/process/useProcess';
import { initialLocale, install as installI18n, setLocale } from './modules/i18n';
import { restoreSession } from './modules/session';
import { createAppRouter } from './router';
import './styles/main.scss';

// Everything the first page needs starts at once: the router's first navigation (which fetches the
// page's chunk), the process, the session, and the language's messages, which the app waits for.
const app = createApp(App);
installI18n(app);
app.use(createAppRouter());
prefetchProcess();
prefetchLanding(location.pathname, location.search);
void restoreSession();
await setLocale(initialLocale(), false);
app.mount('#app');
