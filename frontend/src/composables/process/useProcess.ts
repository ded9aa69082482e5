import { computed, toValue, type MaybeRefOrGetter } from 'vue';
import { useRoute } from 'vue-router';
import { allowedNow } from '#shared/rules/phases';
import { useI18n } from '../../modules/i18n';
import { useAsyncTask } from '../useAsyncTask';
import { cachedProcess, loadProcess } from './processCache';

export { resetProcessCache } from './processCache';

/**
 * One process and what its open phases allow now. The id is the route's `processId` unless given
 * (a page that knows it from its data, e.g. an idea's process). `process` is undefined until loaded
 * and null when there is no such process. Fetched once per visit (processCache.ts).
 */
export function useProcess(id?: MaybeRefOrGetter<string | undefined>) {
  const route = useRoute();
  const { status, error, run } = useAsyncTask();
  const { localized } = useI18n();
  const processId = computed(() => {
    const given = toValue(id);
    if (given) return given;
    const param = route?.params.processId;
    return typeof param === 'string' && param ? param : undefined;
  });
  const process = computed(() => (processId.value === undefined ? undefined : cachedProcess(processId.value)));
  if (process.value !== undefined) status.value = 'done';

  const load = (force = false) => {
    const wanted = processId.value;
    return wanted ? run(() => loadProcess(wanted, force)) : Promise.resolve();
  };

  /** What the phases open now allow together (the shared rule: nothing before the first phase, after the last, or once archived). */
  const rules = computed(() => allowedNow(process.value ?? { phases: [] }, new Date()));
  const areaName = (areaId: string) => {
    const area = process.value?.areas.find((a) => a.id === areaId);
    return area ? localized(area.name) : areaId;
  };
  const effectName = (effectId: string) => {
    const effect = process.value?.effects.find((e) => e.id === effectId);
    return effect ? localized(effect.name) : effectId;
  };

  return { processId, process, status, error, load, rules, areaName, effectName };
}
