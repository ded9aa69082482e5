import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validIdea } from '../fixtures/ideas';
import { testStack, type TestStack } from '../helpers/stack';

/**
 * Every operation of the OpenAPI document (`GET /api/openapi.json`) fuzzed with fast-check against the
 * real local stack, as an anonymous caller, a citizen and a moderator: path parameters, query
 * parameters and bodies drawn from each operation's own schema (valid-looking and hostile values
 * mixed), so a request gets past the parser as often as it is refused by it. The bar: no 5xx, and
 * every 4xx an RFC 9457 problem body (application/problem+json with title and status).
 *
 * Bounded: a fixed seed (FUZZ_SEED overrides it) and RUNS requests per operation; a failure names
 * the seed, the operation and the request, so it replays.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 1712);
const RUNS = Number(process.env.FUZZ_RUNS ?? 8);
const PROCESS = 'ai-i-gentofte';

type Schema = Record<string, any>;
interface Operation {
  method: string;
  path: string;
  parameters?: { name: string; in: 'path' | 'query' | 'header'; required?: boolean; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

let stack: TestStack;
let doc: { paths: Record<string, Record<string, Omit<Operation, 'method' | 'path'>>>; components?: { schemas?: Record<string, Schema> } };
const tokens: Record<'anonymous' | 'citizen' | 'moderator', string | undefined> = { anonymous: undefined, citizen: undefined, moderator: undefined };
/** Real ids, so some requests reach past "not found" into the use cases. */
const known: Record<string, string[]> = { processId: [PROCESS] };

beforeAll(async () => {
  stack = await testStack();
  const [citizen, moderator] = await Promise.all([stack.user(), stack.user({ role: 'moderator' })]);
  tokens.citizen = citizen.token;
  tokens.moderator = moderator.token;
  known.userId = [citizen.userId];
  const idea = await stack.api(`/processes/${PROCESS}/ideas`, { method: 'POST', token: citizen.token, body: validIdea() });
  expect(idea.status).toBe(201);
  known.ideaId = [idea.json.id];
  const comment = await stack.api(`/ideas/${idea.json.id}/comments`, { method: 'POST', token: citizen.token, body: { body: 'En kommentar at fuzze.' } });
  expect(comment.status).toBe(201);
  known.commentId = [comment.json.id];
  doc = (await stack.api('/openapi.json')).json;
}, 120_000);
afterAll(() => stack?.stop());

const resolve = (schema: Schema | undefined): Schema => {
  const ref = schema?.$ref as string | undefined;
  return ref ? resolve(doc.components?.schemas?.[ref.replace('#/components/schemas/', '')]) : (schema ?? {});
};

const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom('', ' ', '__proto__', 'constructor', '../../etc/passwd', '%00', '\u0000', '=1+1', '<script>', 'null', '-1', '1e400', 'ÆØÅ', 'x'.repeat(5000)),
);
const hostile: fc.Arbitrary<unknown> = fc.oneof(hostileString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.jsonValue({ maxDepth: 2 }));

/** A value for a JSON schema: mostly what it describes, sometimes anything at all. */
function fromSchema(raw: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(raw);
  return depth > 4 ? hostile : fc.oneof({ weight: 4, arbitrary: valid(schema, depth) }, { weight: 1, arbitrary: hostile });
}

function valid(schema: Schema, depth: number): fc.Arbitrary<unknown> {
  if ('const' in schema) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...(schema.enum as unknown[]));
  const choices = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (choices?.length) return fc.oneof(...choices.map((c) => fromSchema(c, depth + 1)));
  switch (schema.type) {
    case 'string':
      if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern as string)).map((s) => s.slice(0, schema.maxLength ?? 200));
      if (schema.format === 'date-time') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
      return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 60, 60) });
    case 'integer':
      return fc.integer({ min: Math.max(schema.minimum ?? -1000, -1e9), max: Math.min(schema.maximum ?? 1000, 1e9) });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(fromSchema(schema.items, depth + 1), { maxLength: 3 });
    case 'object': {
      const props = Object.fromEntries(Object.entries((schema.properties ?? {}) as Record<string, Schema>).map(([k, v]) => [k, fromSchema(v, depth + 1)]));
      return fc.record(props, { requiredKeys: (schema.required ?? []).filter((k: string) => k in props) });
    }
    default:
      return hostile;
  }
}

const asParam = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value) ?? '');

function request(op: Operation) {
  const params = op.parameters ?? [];
  const pathParams = params.filter((p) => p.in === 'path');
  const queryParams = params.filter((p) => p.in === 'query');
  const pathArb = fc.record(
    Object.fromEntries(
      pathParams.map((p) => [p.name, fc.oneof({ weight: 3, arbitrary: known[p.name] ? fc.constantFrom(...known[p.name]!) : fromSchema(p.schema) }, { weight: 1, arbitrary: fromSchema(p.schema) })]),
    ),
  );
  const queryArb = fc.record(Object.fromEntries(queryParams.map((p) => [p.name, fromSchema(p.schema)])), { requiredKeys: [] });
  const bodySchema = op.requestBody?.content?.['application/json']?.schema;
  const bodyArb = bodySchema
    ? fc.oneof({ weight: 4, arbitrary: fromSchema(bodySchema).map((v) => JSON.stringify(v)) }, { weight: 1, arbitrary: hostileString })
    : fc.constant(undefined);
  return fc.record({
    who: fc.constantFrom('anonymous', 'citizen', 'moderator') as fc.Arbitrary<keyof typeof tokens>,
    path: pathArb,
    query: queryArb,
    extra: fc.option(fc.tuple(fc.constantFrom('x', 'cursor', 'limit', '__proto__'), hostileString), { nil: undefined }),
    body: bodyArb,
  });
}

/** The raw answer: a download (CSV, XLSX) is no JSON, and a problem body must be checked as sent. */
async function send(method: string, url: string, token: string | undefined, body: string | undefined) {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${stack.info.apiUrl}${url}`, { method, headers, body: method === 'GET' || method === 'HEAD' ? undefined : body });
  const text = await response.text();
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, json };
}

function operations(): Operation[] {
  const ops = Object.entries(doc.paths).flatMap(([path, byMethod]) => Object.entries(byMethod).map(([method, op]) => ({ ...op, method: method.toUpperCase(), path })));
  // Erasure last: after it the citizen's token belongs to no one, which the other routes must also survive.
  return ops.sort((a, b) => Number(a.method === 'DELETE' && a.path === '/api/me') - Number(b.method === 'DELETE' && b.path === '/api/me'));
}

describe('fuzzing every route of the OpenAPI document', () => {
  it('answers no 5xx and every 4xx as a problem body', { timeout: 600_000 }, async () => {
    const ops = operations();
    expect(ops.length).toBeGreaterThan(100);
    const failures: string[] = [];
    // Which operations some request got through to a use case (a 2xx): a fuzz refused at the door by
    // every parser would prove nothing about the code behind it.
    const reached = new Set<string>();
    const statuses = new Map<number, number>();
    for (const op of ops) {
      await fc.assert(
        fc.asyncProperty(request(op), async (input) => {
          let path = op.path.replace(/^\/api/, '');
          for (const [name, value] of Object.entries(input.path)) path = path.replace(`{${name}}`, encodeURIComponent(asParam(value)));
          const search = new URLSearchParams();
          for (const [name, value] of Object.entries(input.query)) search.set(name, asParam(value));
          if (input.extra) search.append(...input.extra);
          const url = `${path}${search.size ? `?${search}` : ''}`;
          const token = tokens[input.who];
          const r = await send(op.method, url, token, input.body);
          const what = `${op.method} ${url} as ${input.who}, body ${String(input.body).slice(0, 300)} → ${r.status} ${JSON.stringify(r.json)?.slice(0, 300)}`;
          statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
          if (r.status < 300) reached.add(`${op.method} ${op.path}`);
          expect(r.status, what).toBeLessThan(500);
          if (r.status >= 400) {
            expect(r.headers.get('content-type'), what).toMatch(/^application\/problem\+json/);
            expect(r.json?.status, what).toBe(r.status);
            expect(typeof r.json?.title, what).toBe('string');
          }
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true, verbose: 0 },
      ).catch((error: unknown) => {
        failures.push(`${op.method} ${op.path}: ${(error as Error).message.split('\n').find((l) => l.includes('→')) ?? (error as Error).message.slice(0, 500)}`);
      });
    }
    if (failures.length) console.error(`fuzz failed with seed ${SEED} (FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS} replays it):\n${failures.join('\n')}`);
    console.info(`fuzz seed ${SEED}: ${reached.size} of ${ops.length} operations answered 2xx at least once; statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
    expect(failures, `seed ${SEED}`).toEqual([]);
    expect(reached.size).toBeGreaterThan(ops.length / 5);
  });
});
