import '@fontsource/ibm-plex-sans-arabic/400.css';
import '@fontsource/ibm-plex-sans-arabic/600.css';
import '@fontsource/ibm-plex-sans-arabic/700.css';
import './styles/main.css';
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { onUnauthenticated } from './api/client';
import { applyLanguage } from './modules/direction';
import { currentLanguage, i18n } from './modules/i18n';
import { router } from './modules/router';
import { useEventStreamStore } from './stores/event-stream';
import { useSessionStore } from './stores/session';

const app = createApp(App);
const pinia = createPinia();
app.use(i18n);
app.use(pinia);
app.use(router);
applyLanguage(currentLanguage());
// Listens to the socket from its first event, before any page reads data it keeps live.
useEventStreamStore(pinia);

// A session that ended on the server (expired, deactivated) sends the agent back to login.
onUnauthenticated(() => {
  const session = useSessionStore(pinia);
  if (!session.me) return;
  session.forget();
  void router.replace('/login');
});

app.mount('#app');
