import { shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue';
import type { DeltagEvent } from '#shared/schemas/events';
import { fetchEvents } from '../../api/events';

/** One request per process per visit: the idea form, the list's filter and an idea's origin line all read the same list. */
const cache = new Map<string, Promise<DeltagEvent[]>>();

/**
 * A process's published events for the idea pages (the origin select, the filter, "Fra: …"). Only
 * asked for when the process has an `event` phase (`enabled`); a failure leaves the list empty, as
 * the idea pages work without it.
 */
export function useProcessEvents(processId: MaybeRefOrGetter<string | undefined>, enabled: MaybeRefOrGetter<boolean> = true) {
  const events = shallowRef<DeltagEvent[]>([]);
  /** The list as it stands is the answer (asked and answered, or not asked at all), not a request still out. */
  const loaded = shallowRef(false);
  watch(
    () => [toValue(processId), toValue(enabled)] as const,
    async ([id, on]) => {
      loaded.value = false;
      if (!id || !on) {
        events.value = [];
        loaded.value = true;
        return;
      }
      let request = cache.get(id);
      if (!request) {
        request = fetchEvents(id).then((list) => list.items);
        cache.set(id, request);
        request.catch(() => cache.delete(id));
      }
      events.value = await request.catch(() => []);
      loaded.value = true;
    },
    { immediate: true },
  );
  return { events, loaded };
}

/** For tests: forget the lists read so far. */
export const resetProcessEvents = () => cache.clear();
