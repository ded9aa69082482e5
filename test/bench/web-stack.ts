import type { RunningStack } from '#local/stack';
import { buildEmptyVue, measureWeb, removeDir, serveStatic, type WebPage, type WebResult } from './web';
import { startDelayProxy } from './web-lighthouse';

/**
 * The web benchmark on a running local stack, in one call (web-only.ts, which `npm run bench` runs as a
 * child): a proxy answering the API `apiDelayMs` late, the empty Vite + Vue page
 * built and served beside it, the pages found from the stack's data (the front page, the idea list
 * of the first process with a public idea, and that idea), and everything it started stopped again.
 * `dist` is the SPA build the stack serves (its `webRoot`), for the first-visit JavaScript figure.
 */
export async function measureWebOnStack(
  stack: RunningStack,
  options: { runs: number; apiDelayMs: number; dist: string; log: (message: string) => void },
): Promise<WebResult> {
  const cleanups: (() => Promise<void> | void)[] = [];
  try {
    const proxy = await startDelayProxy(stack.info.webUrl, options.apiDelayMs);
    cleanups.push(() => proxy.close());
    const emptyDist = await buildEmptyVue();
    cleanups.push(() => removeDir(emptyDist));
    const empty = await serveStatic(emptyDist);
    cleanups.push(() => empty.close());
    const pages = await landingPages(stack.info.apiUrl);
    options.log(`web: ${options.runs} Lighthouse runs of each page, the API ${options.apiDelayMs} ms late: ${pages.map((p) => p.path).join(', ')}`);
    return await measureWeb({ webUrl: proxy.url, emptyUrl: empty.url, pages, ...options });
  } finally {
    for (const c of cleanups.reverse()) await Promise.resolve(c()).catch(() => undefined);
  }
}

/** The front page, the first process's idea list that has a public idea, and that idea's page. */
async function landingPages(apiUrl: string): Promise<WebPage[]> {
  const get = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${apiUrl}${path}`);
    if (!res.ok) throw new Error(`GET ${path}: ${res.status}`);
    return (await res.json()) as T;
  };
  const { items: processes } = await get<{ items: { id: string }[] }>('/processes');
  for (const p of processes) {
    const { items } = await get<{ items: { id: string }[] }>(`/processes/${encodeURIComponent(p.id)}/ideas`);
    if (!items[0]) continue;
    return [
      { name: 'front', path: '/' },
      { name: 'list', path: `/forloeb/${p.id}/ideer` },
      { name: 'idea', path: `/forloeb/${p.id}/ideer/${items[0].id}` },
    ];
  }
  throw new Error('no process has a public idea to measure');
}
