// Data shared by the patrol, dashboard and administration pages: the grid cells in the caller's scope (names of towns
// and villages by code), loaded once per session, and small formatting helpers.
import { ref } from 'vue';
import { api, session } from '../../shared/api.js';
import { num } from '../../shared/i18n.js';

let cached = null;
let cachedFor = null;

/** {towns: [{code, name}], villages: [{code, name, parentCode}], name(code)} for the logged-in session. */
export function gridCells() {
  const token = session.current?.token;
  if (cached && cachedFor === token) return cached;
  cachedFor = token;
  cached = Promise.all([api('/api/v1/grid/cells?level=TOWN'), api('/api/v1/grid/cells?level=VILLAGE')])
    .then(([towns, villages]) => {
      const byCode = new Map([...towns, ...villages].map((c) => [c.code, c.name]));
      return { towns, villages, name: (code) => byCode.get(code) ?? code };
    })
    .catch((e) => {
      cached = null;
      throw e;
    });
  return cached;
}

/** Today in the county (China time, UTC+8), as YYYY-MM-DD. */
export function countyToday(offsetDays = 0) {
  const d = new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/** The role of the logged-in account. */
export function role() {
  return session.current?.user?.role;
}

/** Whether the logged-in account has one of these roles. */
export function hasRole(...roles) {
  return roles.includes(role());
}

/** 0.4213 → "42.1%". */
export function percent(share, digits = 1) {
  if (share == null || Number.isNaN(share)) return '—';
  return num(share * 100, digits) + '%';
}

/** A value that fn loads, with its loading and error state for Status.vue; load() (re)loads it. */
export function useLoader(fn, initial = null) {
  const data = ref(initial);
  const loading = ref(false);
  const error = ref(null);
  async function load() {
    loading.value = true;
    error.value = null;
    try {
      data.value = await fn();
    } catch (e) {
      error.value = e;
    } finally {
      loading.value = false;
    }
  }
  return { data, loading, error, load };
}

/** An action with its busy flag and the message of its last failure; run(fn) answers fn's result or undefined. */
export function useAction() {
  const busy = ref(false);
  const error = ref('');
  async function run(fn) {
    busy.value = true;
    error.value = '';
    try {
      return await fn();
    } catch (e) {
      error.value = e.message;
      return undefined;
    } finally {
      busy.value = false;
    }
  }
  return { busy, error, run };
}
