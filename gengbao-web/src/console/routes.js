// The console's pages. Each view lives in views/ with its own words (i18n) and API calls.
import { words } from '../shared/i18n.js';

words({
  'nav.map': ['地图', 'Map'],
  'nav.clues': ['线索', 'Clues'],
  'nav.cases': ['案件', 'Cases'],
  'nav.patrol': ['巡查', 'Patrol'],
  'nav.dashboard': ['统计', 'Dashboard'],
  'nav.admin': ['管理', 'Administration'],
});

// who may read clues and cases (the server's checks; the navigation hides what the role cannot open)
const CLUE_ROLES = ['ADMIN', 'OFFICER', 'LEADER', 'TOWN', 'VILLAGE', 'INSPECTOR'];
const CASE_ROLES = ['ADMIN', 'OFFICER', 'LEADER', 'TOWN', 'VILLAGE', 'POLICE', 'COURT'];

export const routes = [
  { path: '/', redirect: '/map' },
  { path: '/map', name: 'map', component: () => import('./views/MapView.vue'), meta: { nav: 'nav.map' } },
  { path: '/clues', name: 'clues', component: () => import('./views/CluesList.vue'), meta: { nav: 'nav.clues', roles: CLUE_ROLES } },
  { path: '/clues/:id', name: 'clue', component: () => import('./views/ClueDetail.vue') },
  { path: '/cases', name: 'cases', component: () => import('./views/CasesList.vue'), meta: { nav: 'nav.cases', roles: CASE_ROLES } },
  { path: '/cases/:id', name: 'case', component: () => import('./views/CaseDetail.vue') },
  { path: '/patrol', name: 'patrol', component: () => import('./views/PatrolView.vue'), meta: { nav: 'nav.patrol', roles: ['ADMIN', 'OFFICER', 'INSPECTOR', 'TOWN', 'VILLAGE', 'LEADER'] } },
  { path: '/dashboard', name: 'dashboard', component: () => import('./views/DashboardView.vue'), meta: { nav: 'nav.dashboard', roles: ['ADMIN', 'OFFICER', 'LEADER', 'TOWN'] } },
  { path: '/admin', name: 'admin', component: () => import('./views/AdminView.vue'), meta: { nav: 'nav.admin', roles: ['ADMIN'] } },
];
