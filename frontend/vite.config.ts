import { fileURLToPath } from 'node:url';
import vueI18n from '@intlify/unplugin-vue-i18n/vite';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';
import { compileEagerly } from './build/compile-eagerly.ts';
import { devProxy } from './build/dev-proxy.ts';
import { firstVisitChunks } from './build/first-visit-chunks.ts';
import { preloadFirstRender } from './build/preload-first-render.ts';
import { treeShakeVueI18n } from './build/tree-shake-vue-i18n.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [
    vue(),
    // Precompiles `src/locales/<lang>.ts` and `src/locales/<part>/<lang>.ts` (each `export default
    // { … }` of message strings, no imports) to message ASTs, so production ships vue-i18n's
    // runtime-only build: Composition API only, no message compiler, no built-in components or
    // directive. A message that does not compile, or holds HTML, fails the build.
    vueI18n({
      include: [fileURLToPath(new URL('./src/locales/**/*.ts', import.meta.url))],
      runtimeOnly: true,
      compositionOnly: true,
      fullInstall: false,
      dropMessageCompiler: true,
    }),
    treeShakeVueI18n(),
    preloadFirstRender(),
    compileEagerly(),
  ],
  define: {
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
    rolldownOptions: {
      // The plugin-timing notice reports how busy a shared 2-core machine was, not a fault of the
      // build; a normal build prints no warnings. Profile with `node --cpu-prof` when speed matters.
      checks: { bundlerTimings: false },
      output: { codeSplitting: { groups: [firstVisitChunks()] } },
    },
  },
  server: { proxy: devProxy() },
});
