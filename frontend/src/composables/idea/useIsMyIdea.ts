import { ref, watch } from 'vue';
import { fetchMyIdeas } from '../../api/participation';
import { signedIn } from '../../modules/session';

/** At most this many pages of one's own ideas are read to find one (20 a page): more than anyone writes in a process. */
const MAX_PAGES = 10;

/**
 * Whether the signed-in reader wrote this idea. A public idea names its author only by name, so the
 * reader's own list (GET /api/me/ideas, newest first) is read until the idea is found: the same
 * answer the server gives when the author acts on it. False for anyone signed out, and while unknown.
 */
export function useIsMyIdea(ideaId: () => string | undefined) {
  const mine = ref(false);
  let asked = 0;
  async function check() {
    const ask = ++asked;
    mine.value = false;
    const id = ideaId();
    if (!signedIn.value || !id) return;
    let cursor: string | undefined;
    try {
      for (let page = 0; page < MAX_PAGES; page++) {
        const list = await fetchMyIdeas(cursor);
        if (ask !== asked) return;
        if (list.items.some((i) => i.id === id)) {
          mine.value = true;
          return;
        }
        if (!list.nextCursor) return;
        cursor = list.nextCursor;
      }
    } catch {
      // Not knowing is "not mine": the page then shows no author's form, and nothing else changes.
    }
  }
  watch([ideaId, signedIn], () => void check(), { immediate: true });
  return mine;
}
