import { fileURLToPath } from 'node:url';
import type { CodeSplittingGroup, ModuleInfo } from 'rolldown';

/**
 * Two chunks instead of the bundler's default of one per shared module (a dozen files of under
 * 1 kB each, several round trips on a slow phone connection before the first page can render):
 * - `app`: everything the entry imports statically, fetched with the entry;
 * - `browse`: the pages most visits open on (the process list, a process's page, its idea list, an
 *   idea page) with all they import beyond `app`, fetched once the router knows the page, in parallel with the page's data.
 * Other pages (sign-in, wizard, my page, a process's changes, workspace) keep their own chunks.
 */
export function firstVisitChunks(): CodeSplittingGroup {
  const src = (path: string) => fileURLToPath(new URL(`../src/${path}`, import.meta.url));
  const entry = src('main.ts');
  const browsePages = ['pages/ProcessListPage.vue', 'pages/ProcessPage.vue', 'pages/IdeaListPage.vue', 'pages/IdeaPage.vue'].map(src);
  let app: Set<string> | undefined;
  let browse: Set<string> | undefined;
  const staticImports = (ids: string[], getModuleInfo: (id: string) => ModuleInfo | null, seen = new Set<string>()) => {
    for (const id of ids) {
      if (seen.has(id)) continue;
      seen.add(id);
      staticImports([...(getModuleInfo(id)?.importedIds ?? [])], getModuleInfo, seen);
    }
    return seen;
  };
  return {
    debugName: 'first-visit',
    name(id, ctx) {
      const info = (m: string) => ctx.getModuleInfo(m);
      app ??= staticImports([entry], info);
      browse ??= staticImports(browsePages, info);
      // The entry itself stays out: it awaits the first page's chunk, which imports from `app`. So
      // does the shell's style sheet, which then belongs to the entry, which no page chunk imports:
      // build/inline-shell-css.ts puts it in index.html, and no chunk lists it to load again.
      if (id === entry || (/\.s?css$/.test(id) && info(entry)?.importedIds.includes(id))) return null;
      if (app.has(id)) return 'app';
      return browse.has(id) ? 'browse' : null;
    },
  };
}
