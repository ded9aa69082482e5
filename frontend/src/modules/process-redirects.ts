import type { RouteLocationNormalized, RouteLocationRaw } from 'vue-router';
import { fetchIdea } from '../api/processes';
import { loadProcessList } from '../composables/process/processCache';
import { soleActiveProcess } from '../lib/processList';

/**
 * Where addresses without a process lead (route guards, so the reader lands on the right address
 * in one navigation and the back button does not return to a stop on the way):
 * - `/`, and `/ideer` and `/ideer/ny` from before processes had addresses: to the one process that
 *   is not archived (its page, ideas or new-idea form), or to the list of processes when there is
 *   not exactly one, or the list could not be fetched (the list page then shows that, with a retry);
 * - an idea's old address `/ideer/{id}` (in mails, exports and bookmarks): to the idea in its process.
 * The query and hash come along. `pageScript`, the page's own chunk, loads while the list is fetched
 * rather than after it: on a slow API (a cold Lambda) the page can then paint as the list arrives, one
 * round trip sooner (issue 19: `/`'s waterfall had the page's chunk start only after the list).
 */
export function toSoleProcess(page: 'process' | 'ideas' | 'new-idea', pageScript?: () => Promise<unknown>) {
  return async (to: RouteLocationNormalized): Promise<RouteLocationRaw> => {
    // The router loads it again when it shows the page; the browser answers that from its module map.
    void pageScript?.().catch(() => undefined);
    const list = await loadProcessList().catch(() => undefined);
    const processId = list && soleActiveProcess(list);
    if (!processId) return { name: 'processes' };
    return { name: page, params: { processId }, query: to.query, hash: to.hash };
  };
}

/** An idea that cannot be fetched stays at its old address: the idea page says why (not found, or the API is down, with a retry). */
export async function toIdeasProcess(to: RouteLocationNormalized): Promise<RouteLocationRaw | true> {
  const id = String(to.params.id);
  const idea = await fetchIdea(id).catch(() => undefined);
  if (!idea) return true;
  return { name: 'idea', params: { processId: idea.processId, id }, query: to.query, hash: to.hash };
}
