import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ideaDetailSchema, ideaListSchema } from '#shared/schemas/idea';
import { processListSchema, processSchema } from '#shared/schemas/process';
import { validIdea } from '../fixtures/ideas';
import { testStack, type TestStack } from '../helpers/stack';

const P = '/processes/ai-i-gentofte';
let stack: TestStack;
let author: Awaited<ReturnType<TestStack['user']>>;

beforeAll(async () => {
  stack = await testStack();
  author = await stack.user({ type: 'employee', name: 'Hanne fra hjemmeplejen' });
});
afterAll(() => stack?.stop());

describe('processes', () => {
  it('lists the seeded process and gets it by id', async () => {
    const list = await stack.api('/processes');
    expect(list.status).toBe(200);
    const { items } = processListSchema.parse(list.json);
    expect(items.map((p) => p.id)).toEqual(['ai-i-gentofte']);

    const one = await stack.api(P);
    expect(one.status).toBe(200);
    const process = processSchema.parse(one.json);
    expect(process.title.da).toBe('AI i Gentofte Kommune');
    expect(process.areas.map((a) => a.id)).toContain('boern-og-unge');
    expect(process.effects.map((e) => e.id)).toEqual(expect.arrayContaining(['effektivitet', 'kvalitet', 'hastighed']));
  });
});

describe('create → list → get', () => {
  it('creates an idea that the list and the detail then show, with server-set fields', async () => {
    const created = await stack.api(`${P}/ideas`, { method: 'POST', token: author.token, body: validIdea() });
    expect(created.status).toBe(201);
    const idea = ideaDetailSchema.parse(created.json);
    expect(idea).toMatchObject({
      processId: 'ai-i-gentofte',
      title: validIdea().title,
      status: 'published',
      authorName: 'Hanne fra hjemmeplejen',
      authorType: 'employee',
      voteCount: 0,
      commentCount: 0,
    });
    expect(created.json).not.toHaveProperty('authorId');
    expect(created.json).not.toHaveProperty('trendScore');

    const list = ideaListSchema.parse((await stack.api(`${P}/ideas`)).json);
    expect(list.items.map((i) => i.id)).toContain(idea.id);
    expect(list.items.find((i) => i.id === idea.id)).not.toHaveProperty('body');

    const got = await stack.api(`/ideas/${idea.id}`);
    expect(got.status).toBe(200);
    expect(ideaDetailSchema.parse(got.json)).toEqual(idea);
  });

  it('returns HTML and script in text fields as the same plain text', async () => {
    const title = '<script>alert("xss")</script> & <b>fed</b>';
    const body = '<img src=x onerror=alert(1)> Dette er en idé med <a href="javascript:alert(1)">link</a>.';
    const created = await stack.api(`${P}/ideas`, { method: 'POST', token: author.token, body: validIdea({ title, body }) });
    expect(created.status).toBe(201);
    const got = await stack.api(`/ideas/${created.json.id}`);
    expect(got.json.title).toBe(title);
    expect(got.json.body).toBe(body);
    expect(got.headers.get('content-type')).toMatch(/^application\/json/);
  });
});
