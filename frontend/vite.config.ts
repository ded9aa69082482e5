import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig, type ProxyOptions } from 'vite';

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

export default defineConfig({
  root,
  plugins: [vue()],
  // `#shared/*` comes from package.json "imports", which Vite resolves like Node does; the SPA only
  // takes types from there unless it needs a schema at run time (that would bundle zod).
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
  },
  server: { proxy: devProxy() },
});
