import type { Plugin } from 'vite';

/**
 * vue-i18n reads `Vue[key]` with a computed key (to find `currentInstance` without a bundler
 * warning). A computed member access on `import * as Vue` makes the bundler keep every export of
 * Vue. Vue 3.5 does not export `currentInstance`, so the lookup always ends in
 * `getCurrentInstance()`; this says so statically. The build fails if the code moves.
 *
 * `@intlify/unplugin-vue-i18n` does not cover this: it swaps in vue-i18n's runtime build, which has
 * the same lookup. Measured with `node --import tsx frontend/scripts/bundle-size.ts`
 * (first visit: entry + `app` + Danish messages, gzip) on 2026-12-01: 55.56 kB with this patch,
 * 72.00 kB without it (`app` 50.17 → 66.61 kB): 16.4 kB, past the 60 kB first-visit budget.
 */
export function treeShakeVueI18n(): Plugin {
  const dynamicLookup = /if \(key in Vue\) \{\s*return Vue\[key\];\s*\}\s*else \{\s*return Vue\.getCurrentInstance\(\);\s*\}/;
  return {
    name: 'deltag:tree-shake-vue-i18n',
    transform(code, id) {
      if (!/[\\/]vue-i18n[\\/]dist[\\/]vue-i18n(?:\.runtime)?\.mjs$/.test(id)) return null;
      if (!dynamicLookup.test(code)) this.error('vue-i18n changed: review frontend/build/tree-shake-vue-i18n.ts');
      return { code: code.replace(dynamicLookup, 'return Vue.getCurrentInstance();'), map: null };
    },
  };
}
