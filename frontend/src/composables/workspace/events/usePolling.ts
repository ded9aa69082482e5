import { onScopeDispose, ref } from 'vue';
import { isAbort } from '../../../api/client';

/**
 * Calls `tick` every `everyMs` while `active()` holds, one call at a time: the next waits until the
 * last has answered, so a slow answer never piles requests up. It pauses while the tab is hidden
 * (a projector's laptop with another window in front asks nothing) and asks at once when the tab
 * shows again. Stops when the component goes. `paused` says so for the page.
 */
export function usePolling(tick: (signal: AbortSignal) => Promise<void>, everyMs: number, active: () => boolean) {
  const paused = ref(typeof document !== 'undefined' && document.hidden);
  const failing = ref(false);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let controller: AbortController | undefined;
  let stopped = false;

  const schedule = () => {
    clearTimeout(timer);
    if (!stopped && !paused.value && active()) timer = setTimeout(run, everyMs);
  };
  async function run() {
    if (stopped || paused.value || !active()) return;
    controller = new AbortController();
    try {
      await tick(controller.signal);
      failing.value = false;
    } catch (error) {
      // A failed poll is tried again at the next tick; the page keeps the last results it has and says so.
      if (!isAbort(error)) failing.value = true;
    }
    schedule();
  }
  const onVisibility = () => {
    paused.value = document.hidden;
    if (paused.value) {
      clearTimeout(timer);
      controller?.abort();
    } else void run();
  };
  document.addEventListener('visibilitychange', onVisibility);
  onScopeDispose(() => {
    stopped = true;
    clearTimeout(timer);
    controller?.abort();
    document.removeEventListener('visibilitychange', onVisibility);
  });
  return { paused, failing, start: schedule, now: run };
}
