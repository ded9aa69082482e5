import { ref } from 'vue';
import { ApiError } from '../../../api/client';
import { errorMessage } from '../../../lib/errorMessage';
import { tr } from './i18n';

/**
 * For the smaller forms on a recommendation's page (status, lens, initiative, progress, delete): one
 * request at a time, a failure in words, and a conflict (409: someone changed it since) told plainly
 * while the form keeps its input and the page fetches the latest version (`stale`).
 */
export function useRecommendationAction(stale: () => Promise<void> | void) {
  const busy = ref(false);
  const failure = ref('');
  const done = ref('');

  async function run<T>(task: () => Promise<T>, said: (result: T) => string): Promise<T | undefined> {
    if (busy.value) return undefined;
    busy.value = true;
    failure.value = '';
    done.value = '';
    try {
      const result = await task();
      done.value = said(result);
      return result;
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        failure.value = tr('stale');
        await stale();
      } else failure.value = errorMessage(error);
      return undefined;
    } finally {
      busy.value = false;
    }
  }
  return { busy, failure, done, run };
}
