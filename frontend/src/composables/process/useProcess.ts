import { computed, shallowRef } from 'vue';
import { allowedNow } from '#shared/rules/phases';
import type { Process } from '#shared/schemas/process';
import { fetchFirstProcess } from '../../api/processes';
import { useI18n } from '../../modules/i18n';
import { useAsyncTask } from '../useAsyncTask';

/** The process, fetched once per visit and shared by every page (it changes rarely). */
const cached = shallowRef<Process | null | undefined>(undefined);
let prefetched: Promise<void> | undefined;

/**
 * Starts fetching the process before any page asks (at app start); settles when it is in. A failure
 * is left to the page.
 */
export function prefetchProcess(): Promise<void> {
  return (prefetched = fetchFirstProcess().then(
    (p) => {
      cached.value = p ?? null;
    },
    () => undefined,
  ));
}

export function useProcess() {
  const { status, error, run } = useAsyncTask();
  const { localized } = useI18n();
  if (cached.value !== undefined) status.value = 'done';

  const load = (force = false) =>
    cached.value !== undefined && !force
      ? Promise.resolve()
      : run(async (signal) => {
          if (prefetched && !force) await prefetched;
          prefetched = undefined;
          if (cached.value === undefined || force) cached.value = (await fetchFirstProcess(signal)) ?? null;
        });

  /** What the phase open now allows (nothing before the first phase or after the last). */
  const rules = computed(() => allowedNow(cached.value ?? { phases: [] }, new Date()));
  const areaName = (id: string) => {
    const area = cached.value?.areas.find((a) => a.id === id);
    return area ? localized(area.name) : id;
  };
  const effectName = (id: string) => {
    const effect = cached.value?.effects.find((e) => e.id === id);
    return effect ? localized(effect.name) : id;
  };

  return { process: cached, status, error, load, rules, areaName, effectName };
}

/** For tests: forget the cached process. */
export const resetProcessCache = () => {
  cached.value = undefined;
  prefetched = undefined;
};
