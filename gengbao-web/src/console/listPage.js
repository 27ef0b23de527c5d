// A list page whose filters and page number live in the address (bookmarkable; "back" returns to the same list):
// loads whenever the query changes.
import { watch } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { useResource } from '../shared/resource.js';

/** fetchPage(query) answers the list for the route's query; set() changes filters (back to the first page). */
export function useListPage(fetchPage) {
  const route = useRoute();
  const router = useRouter();
  const { value: data, loading, error, load } = useResource(() => fetchPage(route.query));

  function set(changes) {
    const next = { ...route.query, page: undefined };
    for (const [name, value] of Object.entries(changes)) next[name] = value || undefined;
    router.replace({ query: next });
  }
  const go = (page) => router.replace({ query: { ...route.query, page: page || undefined } });
  const reset = () => router.replace({ query: {} });

  watch(() => route.query, load, { immediate: true });
  return { route, data, loading, error, load, set, go, reset };
}
