import type { HtmlTagDescriptor, Plugin } from 'vite';

/**
 * What every first visit needs but the browser would only discover late gets a preload link, so it
 * comes in parallel with the entry instead of after it:
 * - the Danish messages, their own chunk (loaded by a dynamic import, like every language), which
 *   the app waits for before it renders;
 * - the `browse` chunk (first-visit-chunks.ts: the pages most visits open on), which the router
 *   would ask for only once the entry and `app` have run: one round trip fewer before the page's
 *   first render, the same bytes (on the rarer first visit to another page, 30 kB gzip early);
 * - the fonts, which CSS asks for only once text is laid out. With `font-display: optional` a font
 *   that is not there at the first layout is never used, and the first layout without it costs a
 *   second one (and a system font lookup); preloaded, it is there and the text is set once.
 */
export function preloadFirstRender(): Plugin {
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
        const browse = files.find((c) => c.type === 'chunk' && c.name === 'browse' && !c.isEntry);
        for (const chunk of [danish, browse]) {
          if (chunk) tags.push({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${chunk.fileName}` }, injectTo: 'head' });
        }
        return { html, tags };
      },
    },
  };
}
