import { createApp } from 'vue';
import { createRouter, createWebHashHistory } from 'vue-router';
import 'ol/ol.css';
import '../shared/base.css';
import App from './App.vue';
import { routes } from './routes.js';

const router = createRouter({ history: createWebHashHistory(), routes });
createApp(App).use(router).mount('#app');
