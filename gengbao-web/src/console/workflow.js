// The case workflow's catalogue (GET /api/v1/cases/workflow): every action's titles and the schema of its data, so
// that past events of a timeline show their fields and choices by name. Loaded once per session.
import { reactive } from 'vue';
import { api } from '../shared/api.js';
import { perSession } from '../shared/resource.js';

const state = reactive({ byAction: {} });

/** Loads the catalogue; while it is missing, events show their raw member names. */
export const loadWorkflow = perSession(async () => {
  const w = await api('/api/v1/cases/workflow');
  state.byAction = Object.fromEntries(w.actions.map((a) => [a.action, a]));
});

/** The catalogue entry of an action ({action, titleZh, titleEn, document, schema}), or undefined. */
export function actionInfo(action) {
  return state.byAction[action];
}
