import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, describe, expect, it } from 'vitest';
import { handlerFunctionProps } from '../../cdk/constructs/api-function';
import { lazyFile, lazyModulesOf } from '../../cdk/constructs/bundle-options';
import { handlerModules } from '../../cdk/constructs/handler-modules';
import { bundleHandler } from '../bench/bundles';
import { testApp } from './synth';

/**
 * Issue 19's cold starts, as the CDK app builds them: the list the bundle benchmark measures
 * (cdk/constructs/handler-modules.ts) is every function the app deploys, no NODE_OPTIONS makes a
 * cold start read source maps, and a heavy part a function ships beside its bundle really loads
 * through the package.json the after-bundling step writes (the synth in the other tests skips
 * bundling, so these steps run here for real).
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('the functions the CDK app builds', () => {
  it('are exactly the handler modules the bundle benchmark measures, with no source-map loading at start', () => {
    const { app } = testApp();
    const services: string[] = [];
    let nodeFunctions = 0;
    for (const stack of app.node.children.filter(Stack.isStack)) {
      const fns = Template.fromStack(stack).findResources('AWS::Lambda::Function') as Record<string, { Properties: { Runtime?: string; Environment?: { Variables?: Record<string, unknown> } } }>;
      for (const fn of Object.values(fns)) {
        if (fn.Properties.Runtime !== 'nodejs24.x') continue;
        nodeFunctions++;
        const vars = fn.Properties.Environment?.Variables ?? {};
        expect(vars.NODE_OPTIONS).toBeUndefined();
        services.push(String(vars.POWERTOOLS_SERVICE_NAME));
      }
    }
    // Every Node 24 function comes from handlerFunctionProps (it sets the service name) …
    expect(services).toHaveLength(nodeFunctions);
    const built = services.map((s) => s.replace(/^deltag-/, '')).sort();
    // … for a listed module, and every listed module that has a source is built, once.
    const listed = handlerModules.filter((m) => existsSync(join(root, 'functions/src/handlers', `${m}.ts`))).sort();
    expect(built).toEqual(listed);
  }, 120_000);
});

describe('a function bundle', () => {
  it("builds only the schemas its code uses (shared/schemas/define.ts): the votes function leaves out the process form's", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deltag-schemas-'));
    temps.push(dir);
    // A message only the process definition's schema has (esbuild writes "ø" and "é" escaped).
    const processForm = /Tilf(?:ø|\\xF8)j mindst (?:é|\\xE9)n effekt/;
    const text = async (name: 'votes' | 'admin') => {
      await bundleHandler(name, join(dir, name, 'index.mjs'));
      return readFileSync(join(dir, name, 'index.mjs'), 'utf8');
    };
    expect(await text('admin')).toMatch(processForm);
    expect(await text('votes')).not.toMatch(processForm);
  }, 120_000);
});

describe('a heavy part shipped beside the bundle', () => {
  /** Runs the after-bundling commands the construct gives NodejsFunction, into a fresh folder. */
  function shipParts(module: 'export' | 'meta' | 'ideas' | 'moderation') {
    const props = handlerFunctionProps(new Stack(new App(), 'Bundling'), module);
    // Outside the repository, so no node_modules up the tree can stand in for what the function lacks.
    const outputDir = mkdtempSync(join(tmpdir(), `deltag-lazy-${module}-`));
    temps.push(outputDir);
    for (const command of props.bundling!.commandHooks!.afterBundling('', outputDir)) execFileSync('bash', ['-c', command], { cwd: root, stdio: 'pipe' });
    expect(props.bundling!.externalModules).toEqual(['@aws-sdk/*', ...lazyModulesOf[module]!]);
    return outputDir;
  }

  /** A module in the function's folder imports the part by the name the source uses, in a fresh Node process. */
  function runBeside(outputDir: string, code: string): string {
    writeFileSync(join(outputDir, 'probe.mjs'), code);
    try {
      return execFileSync(process.execPath, [join(outputDir, 'probe.mjs')], { cwd: tmpdir(), env: { PATH: process.env.PATH, HOME: process.env.HOME }, encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      // Minified code in the stack: its last lines say what failed.
      throw new Error(String((error as { stderr?: string }).stderr ?? error).slice(-600));
    }
  }

  it('the export function writes an XLSX and renders a PDF from its own files, without the repository', () => {
    const dir = shipParts('export');
    for (const m of lazyModulesOf.export!) expect(statSync(join(dir, lazyFile(m))).size).toBeGreaterThan(100_000);
    expect(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).imports['#functions/domain/export/xlsx']).toBe('./lazy/xlsx.mjs');
    const out = runBeside(
      dir,
      `const { toXlsx } = await import('#functions/domain/export/xlsx');
const xlsx = await toXlsx({ sheetName: 'Svar', created: new Date(), table: { columns: [{ header: 'Titel', kind: 'text', width: 20 }], rows: [['Æblegrød']] }, extraSheets: [] });
console.log(Buffer.from(xlsx).subarray(0, 2).toString('latin1'));
const { renderAnnexPdf } = await import('#functions/domain/export/annex-pdf');
console.log(typeof renderAnnexPdf);`,
    );
    // An XLSX is a zip (PK); the PDF renderer is there to call.
    expect(out.trim().split('\n')).toEqual(['PK', 'function']);
  }, 120_000);

  it('the meta function builds the OpenAPI document from its own file', () => {
    const dir = shipParts('meta');
    const out = runBeside(dir, `const { buildOpenApi } = await import('#shared/api/openapi'); console.log(buildOpenApi().openapi);`);
    expect(out.trim()).toMatch(/^3\.1/);
  }, 120_000);

  it.each(['ideas', 'moderation'] as const)('the %s function searches with the engine and Danish stemmer from its own file, not its bundle', async (module) => {
    const dir = shipParts(module);
    // A suffix only the Snowball Danish stemmer lists: the bundle a cold start loads goes without it.
    const hasStemmer = (file: string) => readFileSync(file, 'utf8').includes('hedens');
    expect(hasStemmer(join(dir, lazyFile('#functions/domain/search/engine'))), 'the stemmer in lazy/engine.mjs').toBe(true);
    const bundle = join(dir, 'bundle', 'index.mjs');
    await bundleHandler(module, bundle);
    expect(hasStemmer(bundle), 'the stemmer in the bundle').toBe(false);
    const out = runBeside(
      dir,
      `const { createSearchIndex } = await import('#functions/domain/search/engine');
const index = createSearchIndex();
const doc = (id, title) => ({ kind: 'idea', id, processId: 'P1', title, body: '', area: 'andet', status: 'published', held: false, authorName: 'Borger', authorType: 'citizen', createdAt: '2026-11-01T10:00:00.000Z' });
index.put(doc('A', 'Plejehjemmenes madplaner'));
index.put(doc('B', 'Cykelstier'));
console.log(index.search('plejehjem').map((h) => h.id).join(','));`,
    );
    // 'plejehjemmenes' and 'plejehjem' meet only through the stemmer.
    expect(out.trim()).toBe('A');
  }, 120_000);
});
