// API data in a view, the same way everywhere: the value, whether it is loading and the error of the last attempt;
// an older answer never overwrites a newer one. And loaders that run once per login session.
import { ref } from 'vue';
import { session } from './api.js';

/** State of what loader() answers; load() (re)loads it. */
export function useResource(loader) {
  const value = ref(null);
  const loading = ref(false);
  const error = ref(null);
  let latest = 0;
  async function load() {
    const mine = ++latest;
    loading.value = true;
    error.value = null;
    try {
      const v = await loader();
      if (mine === latest) value.value = v;
    } catch (e) {
      if (mine === latest) error.value = e;
    } finally {
      if (mine === latest) loading.value = false;
    }
  }
  return { value, loading, error, load };
}

/**
 * A loader that runs once per login session (again after another login). A failure is not thrown — what it loads is
 * optional — and the next call tries again.
 */
export function perSession(loader) {
  let token;
  let pending = null;
  return () => {
    const now = session.current?.token ?? null;
    if (token !== now || !pending) {
      token = now;
      pending = loader().catch(() => {
        pending = null;
      });
    }
    return pending;
  };
}
