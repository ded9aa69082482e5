import type { Plugin } from 'vite';

/**
 * The shell's style sheet (header, menu, layout, fonts; about 3 kB gzip) goes into index.html as a
 * `<style>`, so the page's frame paints once the HTML is parsed, without a render-blocking round trip
 * for the sheet first (issue 19: Lighthouse's simulated first paint on a slow phone network fell by
 * about 100 ms on each measured page). It is the entry chunk's own sheet, which no page chunk lists
 * among its dependencies (build/first-visit-chunks.ts keeps it out of `app`), so nothing loads it
 * again; the pages' own sheets still load with their chunks. The CSP allows inline styles
 * (cdk/stacks/web-stack.ts: `style-src 'self' 'unsafe-inline'`).
 */
export function inlineShellCss(): Plugin {
  return {
    name: 'deltag:inline-shell-css',
    apply: 'build',
    enforce: 'post',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const entrySheets = ctx.chunk?.viteMetadata?.importedCss ?? new Set<string>();
        return html.replace(/<link rel="stylesheet"(?: crossorigin)? href="\/([^"]+)">/g, (link, fileName: string) => {
          const asset = ctx.bundle?.[fileName];
          if (!entrySheets.has(fileName) || asset?.type !== 'asset') return link;
          delete ctx.bundle![fileName];
          return `<style>${String(asset.source)}</style>`;
        });
      },
    },
  };
}
