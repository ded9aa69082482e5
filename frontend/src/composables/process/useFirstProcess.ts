import { shallowRef } from 'vue';
import type { Process } from '#shared/schemas/process';
import { fetchFirstProcess } from '../../api/processes';
import { useAsyncTask } from '../useAsyncTask';

/** The process the front page presents; `process` stays null when there is none yet. */
export function useFirstProcess() {
  const process = shallowRef<Process | null>(null);
  const { status, error, run } = useAsyncTask();

  const load = () =>
    run(async (signal) => {
      process.value = (await fetchFirstProcess(signal)) ?? null;
    });

  return { process, status, error, load };
}
