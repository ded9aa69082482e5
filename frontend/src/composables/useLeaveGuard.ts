import { onScopeDispose } from 'vue';
import { onBeforeRouteLeave, onBeforeRouteUpdate, type RouteLocationNormalized } from 'vue-router';

/**
 * Unsaved input is not lost by a click elsewhere: while `dirty()` holds, leaving the page asks first
 * (`message`, in the browser's own confirm dialog, which every screen reader and keyboard knows),
 * and closing or reloading the tab gets the browser's own warning. A route update (same page, other
 * parameters) counts as leaving when `leaves` says so: by default when the path changes; a form whose
 * subject sits in the query (the workspace's chosen process) says when that changes too.
 * Call it in a page's setup, or a composable a page's setup calls.
 */
export function useLeaveGuard(
  dirty: () => boolean,
  message: () => string,
  leaves: (to: RouteLocationNormalized, from: RouteLocationNormalized) => boolean = (to, from) => to.path !== from.path,
) {
  const mayLeave = () => !dirty() || window.confirm(message());
  onBeforeRouteLeave(mayLeave);
  onBeforeRouteUpdate((to, from) => !leaves(to, from) || mayLeave());
  const beforeUnload = (event: BeforeUnloadEvent) => {
    if (!dirty()) return;
    event.preventDefault();
  };
  window.addEventListener('beforeunload', beforeUnload);
  onScopeDispose(() => window.removeEventListener('beforeunload', beforeUnload));
}
