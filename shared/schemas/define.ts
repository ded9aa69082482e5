/**
 * Every top-level schema in `shared/schemas` is written `/* @__PURE__ *\/ schema(() => …)`, so a
 * bundle builds only the schemas its code uses. To a bundler a zod chain such as
 * `z.object({ a: z.string().optional() }).strict()` may have side effects, so esbuild (the Lambda
 * functions) and Vite (the SPA) kept and built every schema of each module they imported: building
 * them was most of a cold start's own import time (issue 19), the votes function built the process
 * form's schemas and the digest job the idea pages'. A call marked pure whose only argument is an
 * arrow function has none, so they drop it when nothing uses the constant. The annotation sits at
 * each call because esbuild does not carry a function's own `@__NO_SIDE_EFFECTS__` across files.
 * `test/unit/schemas-defined.test.ts` holds every module to it.
 */
export function schema<T>(build: () => T): T {
  return build();
}
