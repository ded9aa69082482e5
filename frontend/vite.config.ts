import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { baseCompile } from '@intlify/message-compiler';
import vue from '@vitejs/plugin-vue';
import { transform } from 'esbuild';
import type { CodeSplittingGroup, ModuleInfo } from 'rolldown';
import { defineConfig, type HtmlTagDescriptor, type Plugin, type ProxyOptions } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const stackFile = fileURLToPath(new URL('../.local/stack.json', import.meta.url));

/**
 * `npm run dev:web` serves the SPA with HMR; API calls go to the running local stack (`npm start`),
 * whose address `.local/stack.json` records, so the browser still sees a single origin as in AWS.
 */
function devProxy(): Record<string, ProxyOptions> | undefined {
  if (!existsSync(stackFile)) return undefined;
  const { webUrl } = JSON.parse(readFileSync(stackFile, 'utf8')) as { webUrl: string };
  return { '/api': { target: webUrl }, '/config.json': { target: webUrl } };
}

const LOCALE_FILE = /[\\/]frontend[\\/]src[\\/]locales[\\/](?:[\w-]+[\\/])*[a-z]{2}\.ts$/;

/**
 * Precompiles the locale files (`src/locales/<lang>.ts`, and `src/locales/<part>/<lang>.ts` that a
 * lazy part of the app merges in later; plain objects of vue-i18n message strings) into message
 * ASTs at build time, so the SPA can ship vue-i18n without its message compiler
 * (`__INTLIFY_DROP_MESSAGE_COMPILER__`): the same job `@intlify/unplugin-vue-i18n` does, in 30 lines.
 * Locale files must stay import-free plain data; the plugin evaluates them.
 */
function precompileLocales(): Plugin {
  const compileTree = (node: unknown, path: string): unknown => {
    if (typeof node === 'string') {
      const { ast } = baseCompile(node, {
        jit: true,
        minify: true,
        location: false,
        onError: (error) => {
          throw new Error(`locale message ${path} does not compile (${error.message}): ${node}`);
        },
      });
      return ast;
    }
    if (node && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, compileTree(v, path ? `${path}.${k}` : k)]));
    }
    throw new Error(`locale message ${path} is not a string`);
  };
  return {
    name: 'deltag:precompile-locales',
    enforce: 'pre',
    async load(id) {
      if (!LOCALE_FILE.test(id)) return null;
      const { code } = await transform(readFileSync(id, 'utf8'), { loader: 'ts', format: 'esm' });
      const module = (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as { default: unknown };
      return `export default ${JSON.stringify(compileTree(module.default, ''))};`;
    },
  };
}

/**
 * vue-i18n reads `Vue[key]` with a computed key (to find `currentInstance` without a bundler
 * warning). A computed member access on `import * as Vue` makes the bundler keep every export of
 * Vue, about 15 kB gzip of unused runtime. Vue 3.5 does not export `currentInstance`, so the lookup
 * always ends in `getCurrentInstance()`; this says so statically. The build fails if the code moves.
 */
function treeShakeVueI18n(): Plugin {
  const dynamicLookup = /if \(key in Vue\) \{\s*return Vue\[key\];\s*\}\s*else \{\s*return Vue\.getCurrentInstance\(\);\s*\}/;
  return {
    name: 'deltag:tree-shake-vue-i18n',
    transform(code, id) {
      if (!/[\\/]vue-i18n[\\/]dist[\\/]vue-i18n\.mjs$/.test(id)) return null;
      if (!dynamicLookup.test(code)) this.error('vue-i18n changed: review treeShakeVueI18n in frontend/vite.config.ts');
      return { code: code.replace(dynamicLookup, 'return Vue.getCurrentInstance();'), map: null };
    },
  };
}

/**
 * What every first visit needs but the browser would only discover late gets a preload link, so it
 * comes in parallel with the entry instead of after it:
 * - the Danish messages, their own chunk (loaded by a dynamic import, like every language), which
 *   the app waits for before it renders;
 * - the fonts, which CSS asks for only once text is laid out. With `font-display: optional` a font
 *   that is not there at the first layout is never used, and the first layout without it costs a
 *   second one (and a system font lookup); preloaded, it is there and the text is set once.
 */
function preloadFirstRender(): Plugin {
  return {
    name: 'deltag:preload-first-render',
    enforce: 'post',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const files = Object.values(ctx.bundle ?? {});
        const danish = files.find((c) => c.type === 'chunk' && /[\\/]locales[\\/]da\.ts$/.test(c.facadeModuleId ?? ''));
        const fonts = files.filter((f) => f.type === 'asset' && f.fileName.endsWith('.woff2'));
        const tags: HtmlTagDescriptor[] = fonts.map((f) => ({
          tag: 'link',
          attrs: { rel: 'preload', as: 'font', type: 'font/woff2', crossorigin: true, href: `/${f.fileName}` },
          injectTo: 'head',
        }));
        if (danish) tags.push({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${danish.fileName}` }, injectTo: 'head' });
        return { html, tags };
      },
    },
  };
}

/**
 * Two chunks instead of the bundler's default of one per shared module (a dozen files of under
 * 1 kB each, several round trips on a slow phone connection before the first page can render):
 * - `app`: everything the entry imports statically, fetched with the entry;
 * - `browse`: the pages most visits open on (front page, idea list, idea page) with all they import
 *   beyond `app`, fetched once the router knows the page, in parallel with the page's data.
 * Other pages (sign-in, wizard, my page, workspace) keep their own chunks.
 */
function firstVisitChunks(): CodeSplittingGroup {
  const src = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));
  const entry = src('main.ts');
  const browsePages = ['pages/ProcessPage.vue', 'pages/IdeaListPage.vue', 'pages/IdeaPage.vue'].map(src);
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
    name(id, ctx) {
      const info = (m: string) => ctx.getModuleInfo(m);
      app ??= staticImports([entry], info);
      browse ??= staticImports(browsePages, info);
      // The entry itself stays out: it awaits the first page's chunk, which imports from `app`.
      if (id === entry) return null;
      if (app.has(id)) return 'app';
      return browse.has(id) ? 'browse' : null;
    },
  };
}

/**
 * Marks every chunk for eager compilation (V8's explicit compile hint, Chrome 136+). Otherwise V8
 * compiles each function on its first call, on the main thread, in the middle of the first render:
 * about a third of that render's time here. With the hint it compiles a file while streaming it,
 * off the main thread. Every chunk qualifies: each is loaded just before the page that needs it
 * renders, and that render calls most of its functions. Added after minification (which would drop
 * the comment) and after Vite's own rewrites (the hint must be the first line); other browsers read
 * a plain comment.
 */
function compileEagerly(): Plugin {
  return {
    name: 'deltag:compile-eagerly',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      // After Vite's own rewrites, which put a line in front of the code; the hint must be the first.
      order: 'post',
      handler(_options, bundle) {
        for (const file of Object.values(bundle)) {
          if (file.type === 'chunk') file.code = `//# allFunctionsCalledOnLoad\n${file.code}`;
        }
      },
    },
  };
}

export default defineConfig({
  root,
  plugins: [vue(), precompileLocales(), treeShakeVueI18n(), preloadFirstRender(), compileEagerly()],
  define: {
    // vue-i18n: Composition API only, no message compiler in the bundle (messages come precompiled).
    __VUE_I18N_FULL_INSTALL__: 'false',
    __VUE_I18N_LEGACY_API__: 'false',
    __INTLIFY_DROP_MESSAGE_COMPILER__: 'true',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_OPTIONS_API__: 'false',
  },
  // DKFDS's Sass (read for its colour tokens) still uses the old `if()` syntax; its warnings are not ours to fix.
  css: { preprocessorOptions: { scss: { silenceDeprecations: ['if-function'] } } },
  // `#shared/*` comes from package.json "imports", which Vite resolves like Node does; the SPA only
  // takes types from there unless it needs a schema at run time (that would bundle zod).
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // Browsers that take ES2022 modules; no legacy polyfills.
    target: 'es2022',
    rolldownOptions: { output: { codeSplitting: { groups: [firstVisitChunks()] } } },
  },
  server: { proxy: devProxy() },
});
