import { shallowRef } from 'vue';
import { ApiError } from '../../api/client';
import { useProcess } from '../process/useProcess';
import { useAsyncTask } from '../useAsyncTask';

/**
 * A follow-up page's data: the process (for its title, effects and whether it is a revisit) and what
 * the page shows, fetched together. `data` is undefined while loading and null when the API knows no
 * such thing (404, or an id that is not one: 400).
 */
export function useFollowUpPage<T>(fetcher: (processId: string, signal: AbortSignal) => Promise<T>) {
  const { processId, process, status: processStatus, error: processError, load: loadProcess, effectName } = useProcess();
  const data = shallowRef<T | null | undefined>(undefined);
  const { status, error, run } = useAsyncTask();

  const load = () =>
    run(async (signal) => {
      const pid = processId.value;
      if (!pid) return;
      const [found] = await Promise.all([
        fetcher(pid, signal).catch((e: unknown) => {
          if (e instanceof ApiError && (e.status === 404 || e.status === 400)) return null;
          throw e;
        }),
        loadProcess(processStatus.value === 'error'),
      ]);
      data.value = found;
    });

  return { processId, process, data, status, error, processStatus, processError, load, effectName };
}
