import { computed, shallowRef } from 'vue';
import { useRoute } from 'vue-router';
import type { DeltagEvent } from '#shared/schemas/events';
import type { LiveRoundResults } from '#shared/schemas/live-rounds';
import { ApiError } from '../../api/client';
import { fetchEvent, fetchEventLiveResults } from '../../api/events';
import { useProcess } from '../process/useProcess';
import { useAsyncTask } from '../useAsyncTask';

/**
 * One event's page: the process (for its title and retention date), the event, and the results of
 * its closed live rounds. `event` is null when the API knows no such published event. The results
 * are extra: when they fail, the event still shows.
 */
export function useEventPage() {
  const route = useRoute();
  const { processId, process, status: processStatus, error: processError, load: loadProcess } = useProcess();
  const eventId = computed(() => String(route.params.eventId ?? ''));
  const invitation = computed(() => (typeof route.query.invitation === 'string' && route.query.invitation ? route.query.invitation : undefined));
  const event = shallowRef<DeltagEvent | null | undefined>(undefined);
  const rounds = shallowRef<LiveRoundResults[]>([]);
  const { status, error, run } = useAsyncTask();

  const load = () =>
    run(async (signal) => {
      const pid = processId.value;
      if (!pid) return;
      const [found] = await Promise.all([
        fetchEvent(pid, eventId.value, signal).catch((e: unknown) => {
          if (e instanceof ApiError && (e.status === 404 || e.status === 400)) return null;
          throw e;
        }),
        loadProcess(processStatus.value === 'error'),
        fetchEventLiveResults(pid, eventId.value, signal).then(
          (list) => void (rounds.value = list.items.filter((r) => r.state === 'closed')),
          () => void (rounds.value = []),
        ),
      ]);
      event.value = found;
    });

  /** Replaces the shown event with a fresher copy (the seats after one's own sign-up). */
  const refresh = async () => {
    const fresh = await fetchEvent(processId.value ?? '', eventId.value).catch(() => undefined);
    if (fresh) event.value = fresh;
  };

  return { processId, eventId, invitation, process, event, rounds, status, error, processStatus, processError, load, refresh };
}
