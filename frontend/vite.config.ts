import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { baseCompile } from '@intlify/message-compiler';
import vue from '@vitejs/plugin-vue';
import { transform } from 'esbuild';
import { defineConfig, type Plugin, type ProxyOptions } from 'vite';

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
 * The Danish messages are their own chunk (loaded by a dynamic import, like every language), but
 * every first visit needs them before the app can render: a `modulepreload` link lets the browser
 * fetch them in parallel with the entry instead of after it.
 */
function preloadDanish(): Plugin {
  return {
    name: 'deltag:preload-danish',
    enforce: 'post',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const chunk = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && /[\\/]locales[\\/]da\.ts$/.test(c.facadeModuleId ?? ''));
        if (!chunk) return html;
        return { html, tags: [{ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${chunk.fileName}` }, injectTo: 'head' }] };
      },
    },
  };
}

export default defineConfig({
  root,
  plugins: [vue(), precompileLocales(), treeShakeVueI18n(), preloadDanish()],
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
  },
  server: { proxy: devProxy() },
});
