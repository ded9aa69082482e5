import type { RouteRecordRaw, Router } from 'vue-router';

/**
 * Route tables that load with their pages, found by the not-found page: an address no route knows
 * may belong to one of these, so that page loads its table, adds the routes and opens the same
 * address again. The first visit carries only these few lines (in the not-found page's chunk, not the
 * app's), so the follow-up's public pages (issue 16: recommendations, the register, unsubscribing)
 * cost the first visit nothing. Links into them from other pages use paths: their names exist once loaded.
 */
const tables: { path: RegExp; load: () => Promise<RouteRecordRaw[]> }[] = [
  { path: /^\/(forloeb\/[^/]+\/(anbefalinger|opfoelgning)(\/|$)|afmeld\/?$)/, load: () => import('../pages/follow-up/routes').then((m) => m.followUpRoutes) },
];
const loaded = new WeakMap<Router, Set<number>>();

/** The table for an address, unless it is already in this router (then the address is truly unknown). */
export function lazyTableFor(router: Router, path: string): (() => Promise<void>) | undefined {
  const index = tables.findIndex((t) => t.path.test(path));
  const done = loaded.get(router) ?? new Set<number>();
  if (index < 0 || done.has(index)) return undefined;
  return async () => {
    const routes = await tables[index]!.load();
    for (const route of routes) router.addRoute(route);
    done.add(index);
    loaded.set(router, done);
  };
}
