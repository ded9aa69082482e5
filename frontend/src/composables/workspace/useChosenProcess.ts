import { computed } from 'vue';
import { useWorkspaceProcesses } from './useWorkspaceProcesses';

/**
 * For a workspace view that shows one process (queue, overdue answers, log, export, annex): the id
 * of the process chosen in the address, undefined until the process list is in (or when there is no
 * process). The view watches it and loads its own data for it.
 */
export function useChosenProcess() {
  const scope = useWorkspaceProcesses();
  void scope.load();
  const processId = computed(() => scope.chosen.value?.id);
  return { ...scope, processId };
}
