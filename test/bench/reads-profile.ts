/**
 * A drill-down of the getIdea path for issue 19 (not part of `npm run bench`): on its own local stack,
 * a few ideas, then READS_PROFILE_N sequential GET /api/ideas/{id} through the gateway (or, with
 * READS_PROFILE_DIRECT=1, the handler called in-process) under the V8 profiler, started after the seed.
 * Prints the 40 functions with the most self time, grouped by file. `npx node --import tsx test/bench/reads-profile.ts`
 */
import { Session } from 'node:inspector/promises';
import { join, resolve } from 'node:path';
import { startStack, type RunningStack } from '#local/stack';
import { api, createUsers } from './api';
import { gentofteProcess } from '../../cdk/setup/definition';
import { PROCESS_ID } from './seed';

const ROOT = resolve(import.meta.dirname, '../..');
const N = Number(process.env.READS_PROFILE_N ?? 3000);
let stack: RunningStack | undefined;
try {
  stack = await startStack({ ports: 'auto', seed: 'process', webRoot: join(ROOT, 'test/fixtures/web') });
  const [author] = await createUsers(stack, 1, 'prof');
  const ids: string[] = [];
  for (let n = 0; n < 5; n++) {
    const r = await api(stack.info.apiUrl, `/processes/${PROCESS_ID}/ideas`, {
      method: 'POST',
      token: author!.token,
      body: { title: `Profil-idé ${n} om AI i sagsbehandling`, body: 'En AI-assistent kunne lave et første udkast, som en medarbejder altid retter. '.repeat(3), area: gentofteProcess().areas[0]!.id, effects: [gentofteProcess().effects[0]!.id], beneficiaries: ['citizens'] },
    });
    if (r.status !== 201) throw new Error(JSON.stringify(r.json));
    ids.push(r.json.id as string);
  }
  for (let i = 0; i < 300; i++) await (await fetch(`${stack.info.apiUrl}/ideas/${ids[i % ids.length]}`)).text();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  for (let i = 0; i < N; i++) await (await fetch(`${stack.info.apiUrl}/ideas/${ids[i % ids.length]}`)).text();
  const { profile } = await session.post('Profiler.stop');
  const self = new Map<string, number>();
  const byFile = new Map<string, number>();
  const total = profile.samples!.length;
  const counts = new Map<number, number>();
  for (const s of profile.samples!) counts.set(s, (counts.get(s) ?? 0) + 1);
  for (const node of profile.nodes) {
    const c = counts.get(node.id) ?? 0;
    const f = node.callFrame;
    const file = f.url.replace(/.*node_modules\//, '').replace(/^file:\/\/.*?\/main\//, '');
    const key = `${f.functionName || '(anon)'} ${file}:${f.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + c);
    const pkg = file.split('/').slice(0, file.startsWith('@') ? 2 : 1).join('/') || '(native)';
    byFile.set(pkg, (byFile.get(pkg) ?? 0) + c);
  }
  // Inclusive time of our own code and of the logger (each function counted once per stack).
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusive = new Map<string, number>();
  for (const [id, c] of counts) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const f = byId.get(at)!.callFrame;
      if (!/functions\/src|cdk\/local|powertools|middy|zod|lib-dynamodb|client-dynamodb/.test(f.url)) continue;
      const key = `${f.functionName || '(anon)'} ${f.url.replace(/.*node_modules\//, '').replace(/^file:\/\/.*?\/main\//, '')}:${f.lineNumber}`;
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + c);
    }
  }
  const top = (m: Map<string, number>, k: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([n, c]) => `${((c / total) * 100).toFixed(1).padStart(5)} %  ${n}`);
  console.log(`samples ${total}\nBY PACKAGE/FOLDER\n${top(byFile, 25).join('\n')}\n\nBY FUNCTION (self)\n${top(self, 40).join('\n')}\n\nINCLUSIVE (our code, logger, middy, zod, SDK entry)\n${top(inclusive, 45).join('\n')}`);
} finally {
  await stack?.stop();
}
