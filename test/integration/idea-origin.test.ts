import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ideaDetailSchema, ideaListSchema } from '#shared/schemas/idea';
import { validIdea } from '../fixtures/ideas';
import { eventRecords, HOUR } from '../helpers/event-records';
import { P, PROCESS, type User } from '../helpers/participation';
import { testStack, type TestStack } from '../helpers/stack';

/**
 * Ideas from the day (issue 14): an idea may name the event of its process where it came up, once the
 * event has begun; the list filters by it. Through the gateway and the real handlers against DynamoDB Local.
 */
let stack: TestStack;
let anna: User;
let bo: User;
const ideasOf: Record<string, string[]> = { temadag: [], none: [] };

beforeAll(async () => {
  stack = await testStack();
  const make = eventRecords(stack);
  await make.event(PROCESS, 'temadag', -HOUR);
  await make.event(PROCESS, 'senere', 2 * 24 * HOUR);
  await make.event(PROCESS, 'aflyst', -HOUR, { cancelledAt: new Date().toISOString() });
  await make.event(PROCESS, 'kladde', -HOUR, { published: false });
  await make.event('andet-forloeb', 'fremmed', -HOUR);
  [anna, bo] = await Promise.all([stack.user({ name: 'Anna Temadag' }), stack.user({ name: 'Bo Uden', type: 'employee' })]);
}, 120_000);
afterAll(() => stack?.stop());

const post = (user: User, overrides: Record<string, unknown>) => stack.api(`${P}/ideas`, { method: 'POST', token: user.token, body: validIdea(overrides) });
const list = async (query: string) => {
  const r = await stack.api(`${P}/ideas?${query}`);
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  return ideaListSchema.parse(r.json).items;
};

describe('an idea with its event as origin', () => {
  it('is stored with the event and shows it in the detail and the list', async () => {
    const r = await post(anna, { title: 'Idé fra temadagens workshop', eventId: 'temadag' });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(ideaDetailSchema.parse(r.json).eventId).toBe('temadag');
    ideasOf.temadag!.push(r.json.id);

    const detail = await stack.api(`/ideas/${r.json.id}`);
    expect(ideaDetailSchema.parse(detail.json).eventId).toBe('temadag');
    const item = (await list('sort=new')).find((i) => i.id === r.json.id);
    expect(item?.eventId).toBe('temadag');
  });

  it.each([
    ['an event not yet begun', 'senere', 'Et arrangement kan først angives som idéens oprindelse, når det er begyndt.'],
    ['a cancelled event', 'aflyst', 'Arrangementet er aflyst og kan ikke angives som idéens oprindelse.'],
    ['an unpublished event', 'kladde', 'Arrangementet findes ikke i dette forløb.'],
    ["another process's event", 'fremmed', 'Arrangementet findes ikke i dette forløb.'],
    ['an event that does not exist', 'findes-ikke', 'Arrangementet findes ikke i dette forløb.'],
  ])('refuses %s with 400 on body.eventId in Danish, and stores nothing', async (_, eventId, message) => {
    const mine = async () => (await stack.api('/me/ideas?limit=50', { token: bo.token })).json.items.length as number;
    const before = await mine();
    const r = await post(bo, { title: `Idé med forkert arrangement ${eventId}`, eventId });
    expect(r.status, JSON.stringify(r.json)).toBe(400);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect(r.json.errors).toEqual([{ path: 'body.eventId', message }]);
    expect(await mine()).toBe(before);
  });

  it('filters the list by origin: ?event= gives exactly the ideas from that event', async () => {
    const second = await post(bo, { title: 'Endnu en idé fra temadagen', eventId: 'temadag' });
    expect(second.status, JSON.stringify(second.json)).toBe(201);
    ideasOf.temadag!.push(second.json.id);
    const plain = await post(bo, { title: 'En idé uden arrangement' });
    expect(plain.status, JSON.stringify(plain.json)).toBe(201);
    expect(plain.json.eventId).toBeUndefined();
    ideasOf.none!.push(plain.json.id);

    for (const sort of ['new', 'top', 'comments']) {
      const items = await list(`sort=${sort}&event=temadag`);
      expect(items.map((i) => i.id).sort(), sort).toEqual([...ideasOf.temadag!].sort());
    }
    expect(await list('sort=new&event=senere')).toEqual([]);
    // Combined with another filter, and the unfiltered list still has them all.
    expect((await list(`sort=new&event=temadag&area=${validIdea().area}`)).map((i) => i.id).sort()).toEqual([...ideasOf.temadag!].sort());
    const all = (await list('sort=new&limit=50')).map((i) => i.id);
    expect(all).toEqual(expect.arrayContaining([...ideasOf.temadag!, ...ideasOf.none!]));
  });

  it('refuses a malformed event id in the filter with 400', async () => {
    const r = await stack.api(`${P}/ideas?event=${encodeURIComponent('Ikke et id!')}`);
    expect(r.status).toBe(400);
    expect(r.json.errors[0].path).toContain('event');
  });
});
