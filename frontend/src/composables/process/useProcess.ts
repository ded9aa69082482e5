import { computed, shallowReactive, shallowRef, toValue, type MaybeRefOrGetter } from 'vue';
import { useRoute } from 'vue-router';
import { allowedNow } from '#shared/rules/phases';
import type { Process } from '#shared/schemas/process';
import { ApiError } from '../../api/client';
import { fetchProcess, fetchProcesses, processIdOf } from '../../api/processes';
import { useI18n } from '../../modules/i18n';
import { useAsyncTask } from '../useAsyncTask';

/**
 * Processes change rarely, so each is fetched once per visit and shared by every page: by id (null:
 * there is no such process), and the list of all of them, which fills the same cache (opening a
 * process from the list asks for nothing more).
 */
const byId = shallowReactive(new Map<string, Process | null>());
const loadingById = new Map<string, Promise<void>>();
const list = shallowRef<Process[] | undefined>(undefined);
let loadingList: Promise<Process[]> | undefined;

function loadProcess(id: string, force: boolean): Promise<void> {
  if (!force && byId.has(id)) return Promise.resolve();
  let pending = loadingById.get(id);
  if (!pending || force) {
    pending = fetchProcess(id)
      .then(
        (process) => void byId.set(id, process),
        (error: unknown) => {
          // 400: not a process id at all (the address was mistyped); either way there is no such process.
          if (error instanceof ApiError && (error.status === 404 || error.status === 400)) byId.set(id, null);
          else throw error;
        },
      )
      .finally(() => loadingById.delete(id));
    loadingById.set(id, pending);
  }
  return pending;
}

/** Every process, active and archived (rejects when the API fails; the next call asks again). */
export function loadProcessList(force = false): Promise<Process[]> {
  if (list.value && !force) return Promise.resolve(list.value);
  if (!loadingList || force) {
    loadingList = fetchProcesses()
      .then(({ items }) => {
        for (const process of items) byId.set(process.id, process);
        list.value = items;
        return items;
      })
      .finally(() => (loadingList = undefined));
  }
  return loadingList;
}

/** The cached list (undefined until loaded), for the process list and the main menu. */
export const processList = list;

/**
 * At app start: the process of the page being opened, or on any other page the list (the main menu
 * and `/` need it to know whether exactly one process is active). Settles when it is in; a failure
 * is left to the page.
 */
export function prefetchProcess(path: string): Promise<void> {
  const id = processIdOf(path);
  return (id ? loadProcess(id, false) : loadProcessList()).then(
    () => undefined,
    () => undefined,
  );
}

/**
 * One process and what its open phases allow now. The id is the route's `processId` unless given
 * (a page that knows it from its data, e.g. an idea's process). `process` is undefined until loaded
 * and null when there is no such process.
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
  const process = computed(() => (processId.value === undefined ? undefined : byId.get(processId.value)));
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

/** For tests: forget every cached process. */
export const resetProcessCache = () => {
  byId.clear();
  loadingById.clear();
  list.value = undefined;
  loadingList = undefined;
};
