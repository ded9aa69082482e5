import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';
import { compileEagerly } from './build/compile-eagerly.ts';
import { devProxy } from './build/dev-proxy.ts';
import { firstVisitChunks } from './build/first-visit-chunks.ts';
import { inlineShellCss } from './build/inline-shell-css.ts';
import { preloadFirstRender } from './build/preload-first-render.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [
    vue(),
    // The locale files (`src/locales/**`) are plain objects of message strings, read at run time
    // by modules/messages.ts; test/unit/messages-format.test.ts fails on one that would not read.
    preloadFirstRender(),
    inlineShellCss(),
    compileEagerly(),
  ],
  define: {
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
