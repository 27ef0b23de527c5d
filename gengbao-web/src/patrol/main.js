import { createApp } from 'vue';
import 'ol/ol.css';
import '../shared/base.css';
import './patrol.css';
import App from './App.vue';

createApp(App).mount('#app');

// The service worker keeps the app shell for offline use; it is scoped to /m/.
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('/m/sw.js', { scope: '/m/' }).catch(() => {
    /* without a service worker the app still works while online */
  });
}
