import { computed, shallowRef, watch } from 'vue';
import { useRoute } from 'vue-router';
import { workspaceEvents, type EventAdmin } from '../../../api/eventsWorkspace';
import { useAsyncTask } from '../../useAsyncTask';
import { useChosenProcess } from '../useChosenProcess';

/**
 * For a page of one event (…/arrangementer/:eventId/…): the chosen process, the event's id from the
 * address, and the event as the workspace sees it (undefined while loading; `missing` when the
 * process has no such event). `then` runs after each load, for the page's own data.
 */
export function useEventOf(then?: (processId: string, eventId: string, signal: AbortSignal) => Promise<void>) {
  const route = useRoute();
  const chosen = useChosenProcess();
  const eventId = computed(() => String(route.params.eventId ?? ''));
  const event = shallowRef<EventAdmin>();
  const missing = shallowRef(false);
  const task = useAsyncTask();
  const load = () =>
    task.run(async (signal) => {
      const processId = chosen.processId.value!;
      const found = (await workspaceEvents(processId, signal)).items.find((e) => e.id === eventId.value);
      missing.value = !found;
      event.value = found;
      if (found && then) await then(processId, found.id, signal);
    });
  watch([chosen.processId, eventId], ([id, eid]) => void (id && eid && load()), { immediate: true });
  return { ...chosen, loadProcesses: chosen.load, eventId, event, missing, task, load };
}
