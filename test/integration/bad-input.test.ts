import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemSchema } from '#shared/schemas/problem';
import { ideaListSchema } from '#shared/schemas/idea';
import { validIdea } from '../fixtures/ideas';
import { testStack, type TestStack } from '../helpers/stack';

const P = '/processes/ai-i-gentofte';
let stack: TestStack;
let token: string;

beforeAll(async () => {
  stack = await testStack();
  ({ token } = await stack.user());
});
afterAll(() => stack?.stop());

const post = (body: unknown, init: { rawBody?: string; headers?: Record<string, string> } = {}) =>
  stack.api(`${P}/ideas`, { method: 'POST', token, ...(init.rawBody === undefined ? { body } : {}), ...init });

/** Every refused request must leave the list as it was. */
const publicCount = async () => ideaListSchema.parse((await stack.api(`${P}/ideas?limit=50`)).json).items.length;

function expectProblem(r: { status: number; headers: Headers; json: unknown }, status: number) {
  expect(r.status).toBe(status);
  expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const problem = problemSchema.parse(r.json);
  expect(problem.status).toBe(status);
  expect(JSON.stringify(problem)).not.toMatch(/at .*\.ts|Exception|stack/i);
  return problem;
}

describe('invalid fields: 400 with the path of each', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['title too short', { title: 'Kort' }, 'body.title'],
    ['title too long', { title: 'x'.repeat(141) }, 'body.title'],
    ['title only spaces', { title: '          ' }, 'body.title'],
    ['body too short', { body: 'For kort tekst' }, 'body.body'],
    ['body too long', { body: 'a'.repeat(5001) }, 'body.body'],
    ['area not a slug', { area: 'Børn & unge' }, 'body.area'],
    ['no effects', { effects: [] }, 'body.effects'],
    ['same effect twice', { effects: ['kvalitet', 'kvalitet'] }, 'body.effects'],
    ['unknown beneficiary', { beneficiaries: ['aliens'] }, 'body.beneficiaries.0'],
    ['concerns too long', { concerns: 'c'.repeat(2001) }, 'body.concerns'],
    ['title not a string', { title: 42 }, 'body.title'],
    ['server-set field sent', { status: 'selected' }, 'body'],
  ];
  it.each(cases)('%s', async (_name, override, path) => {
    const before = await publicCount();
    const problem = expectProblem(await post(validIdea(override as never)), 400);
    expect(problem.errors?.map((e) => e.path)).toContain(path);
    expect(problem.errors?.every((e) => e.message.length > 0)).toBe(true);
    expect(await publicCount()).toBe(before);
  });

  it('lists every invalid field at once', async () => {
    const problem = expectProblem(await post({ title: 'x', body: 'y' }), 400);
    expect(problem.errors?.map((e) => e.path)).toEqual(
      expect.arrayContaining(['body.title', 'body.body', 'body.area', 'body.effects', 'body.beneficiaries']),
    );
  });

  it('refuses an area or effect the process does not have', async () => {
    const area = expectProblem(await post(validIdea({ area: 'rumfart' })), 400);
    expect(area.errors).toEqual([{ path: 'body.area', message: expect.any(String) }]);
    const effect = expectProblem(await post(validIdea({ effects: ['kvalitet', 'verdensfred'] })), 400);
    expect(effect.errors).toEqual([{ path: 'body.effects.1', message: expect.any(String) }]);
  });

  it('checks query parameters with paths too', async () => {
    const problem = expectProblem(await stack.api(`${P}/ideas?limit=500&sort=best&extra=1`), 400);
    expect(problem.errors?.map((e) => e.path)).toEqual(expect.arrayContaining(['query.limit', 'query.sort', 'query']));
  });
});

describe('unknown things: 404', () => {
  it('unknown process', async () => {
    expectProblem(await stack.api('/processes/findes-ikke'), 404);
    expectProblem(await stack.api('/processes/findes-ikke/ideas'), 404);
    expectProblem(await stack.api('/processes/findes-ikke/ideas', { method: 'POST', token, body: validIdea() }), 404);
  });

  it('unknown idea, and an id that is not an id', async () => {
    expectProblem(await stack.api('/ideas/01JBZZZZZZZZZZZZZZZZZZZZZZ'), 404);
    expectProblem(await stack.api('/ideas/not-an-id'), 400);
  });

  it('unknown path 404, wrong method 405 with Allow', async () => {
    expectProblem(await stack.api('/nothing/here'), 404);
    const r = await stack.api('/processes', { method: 'DELETE' });
    expectProblem(r, 405);
    expect(r.headers.get('allow')).toBe('GET, POST');
  });
});

describe('bodies that are not what we take', () => {
  it('413 for a body over 64 kB', async () => {
    const before = await publicCount();
    expectProblem(await post(validIdea({ body: 'å'.repeat(40_000) })), 413);
    expect(await publicCount()).toBe(before);
  });

  it('415 for a body that is not declared JSON', async () => {
    expectProblem(await post(undefined, { rawBody: 'title=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415);
    expectProblem(await post(undefined, { rawBody: JSON.stringify(validIdea()), headers: { 'content-type': 'text/plain' } }), 415);
  });

  it('400 for malformed JSON and for an empty body', async () => {
    expect(expectProblem(await post(undefined, { rawBody: '{"title": ', headers: { 'content-type': 'application/json' } }), 400).type).toBe('/problems/invalid-json');
    expectProblem(await post(undefined, { rawBody: '', headers: { 'content-type': 'application/json' } }), 400);
    expectProblem(await post(undefined, { rawBody: 'null', headers: { 'content-type': 'application/json' } }), 400);
    expectProblem(await post(undefined, { rawBody: '[]', headers: { 'content-type': 'application/json' } }), 400);
  });
});

describe('process administration: the same answers on its routes', () => {
  let admin: string;
  beforeAll(async () => {
    ({ token: admin } = await stack.user({ role: 'admin' }));
  });
  const now = new Date().toISOString();

  it('400 listing every missing field of a definition at once', async () => {
    const problem = expectProblem(await stack.api('/processes', { method: 'POST', token: admin, body: { id: 'Ikke En Slug' } }), 400);
    expect(problem.errors?.map((e) => e.path)).toEqual(
      expect.arrayContaining(['body.id', 'body.title', 'body.summary', 'body.phases', 'body.areas', 'body.effects', 'body.settings']),
    );
    expect(problem.errors?.every((e) => e.message.length > 0)).toBe(true);
  });

  it('415 and 400 for bodies that are not JSON objects', async () => {
    const raw = (rawBody: string, type = 'application/json') => stack.api('/processes', { method: 'POST', token: admin, rawBody, headers: { 'content-type': type } });
    expectProblem(await raw('id=x', 'application/x-www-form-urlencoded'), 415);
    expect(expectProblem(await raw('{"id": '), 400).type).toBe('/problems/invalid-json');
    expectProblem(await raw('[]'), 400);
  });

  it('404 for every process route on a process that does not exist', async () => {
    const calls: [string, string, unknown?][] = [
      ['PATCH', '/processes/findes-ikke', { expectedUpdatedAt: now, summary: { da: 'Tekst' } }],
      ['POST', '/processes/findes-ikke/clone', { id: 'en-kopi', title: { da: 'Kopi' }, startsAt: now }],
      ['POST', '/processes/findes-ikke/archive', { archived: true, confirm: true }],
      ['GET', '/processes/findes-ikke/definition'],
      ['GET', '/processes/findes-ikke/changes'],
    ];
    for (const [method, path, body] of calls) expectProblem(await stack.api(path, { method, token: admin, body }), 404);
    expectProblem(await stack.api('/processes/findes-ikke'), 404);
  });
});

describe('OpenAPI', () => {
  it('serves an OpenAPI 3.1 document with every operation', async () => {
    const r = await stack.api('/openapi.json');
    expect(r.status).toBe(200);
    expect(r.json.openapi).toBe('3.1.0');
    expect(Object.keys(r.json.paths)).toEqual(expect.arrayContaining(['/api/processes', '/api/processes/{processId}/ideas', '/api/ideas/{ideaId}']));
    expect(r.json.paths['/api/processes/{processId}/ideas'].post.security).toEqual([{ cognito: [] }]);
    expect(r.json.paths['/api/processes/{processId}/ideas'].get.security).toBeUndefined();
  });
});
