import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The JavaScript a first visit must load before the app shows anything: the entry chunk of
 * `dist/index.html` and everything it imports statically, plus the Danish messages the entry
 * awaits before mounting. Page chunks (loaded per route) are not counted.
 */
export interface BundleReport {
  files: { file: string; gzip: number }[];
  initialGzip: number;
  localeGzip: number;
}

export function initialBundle(dist: string): BundleReport {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]*src="\/([^"]+)"/.exec(html)?.[1];
  if (!entry) throw new Error('no module script in index.html');
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    // Static imports only: `import{…}from"./x.js"` and `import"./x.js"`, not `import("./x.js")`.
    for (const match of code.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) queue.push(join('assets', match[1]!));
  }
  const gz = (file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
  const files = [...seen].map((file) => ({ file, gzip: gz(file) }));
  const entryCode = readFileSync(join(dist, entry), 'utf8');
  const locale = [...seen]
    .map((f) => readFileSync(join(dist, f), 'utf8'))
    .concat(entryCode)
    .join('\n')
    .match(/["`]\.\/(da-[\w-]+\.js)["`]/)?.[1];
  return { files, initialGzip: files.reduce((sum, f) => sum + f.gzip, 0), localeGzip: locale ? gz(join('assets', locale)) : 0 };
}

if (process.argv[1]?.endsWith('bundle-size.ts')) {
  const report = initialBundle(process.argv[2] ?? 'frontend/dist');
  for (const f of report.files) console.log(`${(f.gzip / 1024).toFixed(2).padStart(7)} kB  ${f.file}`);
  console.log(`initial JS (gzip): ${(report.initialGzip / 1024).toFixed(2)} kB; + Danish messages ${(report.localeGzip / 1024).toFixed(2)} kB = ${((report.initialGzip + report.localeGzip) / 1024).toFixed(2)} kB`);
}
