import { onScopeDispose, ref, shallowRef } from 'vue';
import { isAbort } from '../api/client';

export type AsyncStatus = 'idle' | 'loading' | 'done' | 'error';

/**
 * Status and error of one kind of request. Starting a new run aborts the one in flight, and only the
 * latest run may set the state, so a slow superseded response never overwrites a newer one. The task
 * stores its own result before the status turns 'done', so a render never sees 'done' without data.
 */
export function useAsyncTask() {
  const status = ref<AsyncStatus>('idle');
  const error = shallowRef<unknown>(null);
  let current: AbortController | undefined;

  async function run(task: (signal: AbortSignal) => Promise<void>): Promise<void> {
    current?.abort();
    const controller = new AbortController();
    current = controller;
    status.value = 'loading';
    error.value = null;
    try {
      await task(controller.signal);
      if (current === controller) status.value = 'done';
    } catch (e) {
      if (current !== controller || isAbort(e)) return;
      error.value = e;
      status.value = 'error';
    }
  }

  onScopeDispose(() => current?.abort());
  return { status, error, run };
}
