import { computed, shallowRef } from 'vue';
import { useRoute } from 'vue-router';
import type { Process } from '#shared/schemas/process';
import { fetchProcesses } from '../../api/workspace';
import { chosenProcess, newestFirst } from '../../lib/processChoice';
import { useAsyncTask } from '../useAsyncTask';

/**
 * Every process, fetched once for the workspace and shared by its pages (the layout's process
 * choice, the views it filters, the admin's list); `load(true)` asks again.
 */
const processes = shallowRef<readonly Process[] | undefined>(undefined);
let pending: Promise<void> | undefined;

/** One request for all pages that ask at once; not aborted when one page goes away, since the others wait for it. */
function fetchAll(): Promise<void> {
  const request = fetchProcesses().then(({ items }) => {
    processes.value = items;
  });
  pending = request;
  request.then(
    () => (pending === request ? (pending = undefined) : undefined),
    () => (pending === request ? (pending = undefined) : undefined),
  );
  return request;
}

export function useWorkspaceProcesses() {
  const task = useAsyncTask();
  if (processes.value) task.status.value = 'done';

  /** Loads the list unless it is in (or on its way); `force` asks again. */
  const load = (force = false): Promise<void> => {
    if (processes.value && !force) return Promise.resolve();
    const request = !force && pending ? pending : fetchAll();
    return task.run(() => request);
  };

  /** The process the workspace's views show now (see lib/processChoice.ts); undefined until the list is in, or when there is none. */
  const route = useRoute();
  const chosen = computed(() => (processes.value ? chosenProcess(route.query, processes.value) : undefined));
  const list = computed(() => newestFirst(processes.value ?? []));
  const byId = (id: string) => processes.value?.find((p) => p.id === id);

  return { processes: list, chosen, byId, status: task.status, error: task.error, load };
}

/**
 * Puts a process the admin just saved into the shared list, so every view sees it without another
 * request. A list not read yet stays unread: one process alone would look like all of them.
 */
export function rememberProcess(process: Process): void {
  if (!processes.value) return;
  processes.value = [...processes.value.filter((p) => p.id !== process.id), process];
}

/** For tests: forget the list. */
export const resetWorkspaceProcesses = () => {
  processes.value = undefined;
  pending = undefined;
};
