import { useAsyncTask } from '../useAsyncTask';
import { loadProcessList, processList } from './processCache';

/** Every process (fetched once per visit and shared with useProcess and the main menu), with the list page's loading state. */
export function useProcessList() {
  const { status, error, run } = useAsyncTask();
  if (processList.value) status.value = 'done';
  const load = (force = false) => run(async () => void (await loadProcessList(force)));
  return { processes: processList, status, error, load };
}
