import { shallowReactive, shallowRef } from 'vue';
import type { Process } from '#shared/schemas/process';
import { ApiError } from '../../api/client';
import { fetchProcess, fetchProcesses, processIdOf } from '../../api/processes';

/**
 * Processes change rarely, so each is fetched once per visit and shared by every page: by id (null:
 * there is no such process), and the list of all of them, which fills the same cache (opening a
 * process from the list asks for nothing more). Apart from useProcess.ts because the shell needs it
 * at start (the first fetch, `/`'s redirect, the main menu), and useProcess brings the phase rules,
 * which the first visit's scripts need not carry.
 */
const byId = shallowReactive(new Map<string, Process | null>());
const loadingById = new Map<string, Promise<void>>();
const list = shallowRef<Process[] | undefined>(undefined);
let loadingList: Promise<Process[]> | undefined;

/** A process as cached: undefined until loaded, null when there is no such process. */
export const cachedProcess = (id: string): Process | null | undefined => byId.get(id);

/** Fetches a process unless it is cached (or `force`); rejects when the API fails, but not for a missing process. */
export function loadProcess(id: string, force: boolean): Promise<void> {
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

/** For tests: forget every cached process. */
export const resetProcessCache = () => {
  byId.clear();
  loadingById.clear();
  list.value = undefined;
  loadingList = undefined;
};
