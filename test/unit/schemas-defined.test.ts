import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const MODULES = [
  ...readdirSync(join(ROOT, 'shared/schemas'))
    .filter((f) => f.endsWith('.ts') && f !== 'define.ts')
    .map((f) => `shared/schemas/${f}`),
  'shared/api/params.ts',
];

/** Calls made at module level (not inside a function), which a bundler must keep unless told they are pure. */
function callsAtLoad(node: ts.Node): boolean {
  if (ts.isFunctionLike(node)) return false;
  if (ts.isCallExpression(node)) return true;
  return ts.forEachChild(node, callsAtLoad) ?? false;
}

/** The top-level constants of a module that build something at load other than as `/* @__PURE__ *\/ schema(() => …)`. */
function unwrapped(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  return source.statements.filter(ts.isVariableStatement).flatMap((statement) =>
    statement.declarationList.declarations.flatMap((d) => {
      let init = d.initializer;
      while (init && (ts.isAsExpression(init) || ts.isSatisfiesExpression(init))) init = init.expression;
      if (!init || !callsAtLoad(init)) return [];
      const pure = /\/\* @__PURE__ \*\/\s*$/.test(text.slice(init.getFullStart(), init.getStart(source)));
      const wrapped = pure && ts.isCallExpression(init) && init.expression.getText(source) === 'schema' && init.arguments.length === 1 && ts.isArrowFunction(init.arguments[0]!);
      return wrapped ? [] : [d.name.getText(source)];
    }),
  );
}

describe('schemas are built only where used (shared/schemas/define.ts)', () => {
  it('every top-level constant that builds something is a pure schema(() => …)', () => {
    const offenders = MODULES.flatMap((m) => unwrapped(m, readFileSync(join(ROOT, m), 'utf8')).map((name) => `${m}: ${name}`));
    expect(MODULES.length).toBeGreaterThan(20);
    expect(offenders).toEqual([]);
  });

  it('the check finds a bare zod chain and an unmarked wrapper, and passes a marked one and plain values', () => {
    const text = [
      "export const bare = z.object({ a: z.string() }).strict();",
      "export const unmarked = schema(() => z.object({ a: z.string() }).strict());",
      "export const wrapped = /* @__PURE__ */ schema(() => z.object({ a: z.string() }).strict());",
      "export const literal = ['a', 'b'] as const;",
      "const helper = (n: number) => z.string().max(n);",
    ].join('\n');
    expect(unwrapped('x.ts', text)).toEqual(['bare', 'unmarked']);
  });
});
