import { BatchWriteCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '#functions/adapters/dynamodb/client';
import { ideaIndexAttributes, ideaStore } from '#functions/adapters/dynamodb/ideas';
import { keys } from '#functions/adapters/dynamodb/keys';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import type { IdeaPageQuery } from '#functions/domain/ports';
import { ideaListSchema } from '#shared/schemas/idea';
import { testStack, type TestStack } from '../helpers/stack';

/**
 * A list with a filter (status, origin event, phase) reads until it has a page of matches: a filter
 * nothing passes, or a random order that reads every id, must not turn into a read of the whole list.
 * (Search with `q` is not a filter on these Queries since issue 18: the in-memory index answers it.) The
 * read budget counts items DynamoDB READ (its ScannedCount, seen through a wrapper of the real client),
 * not matches; a page that ran out of budget comes back short with a cursor to go on from.
 */

const PROCESS = 'ai-i-gentofte';
const IDEAS = 1_300;
// The budgets the store promises: a filtered random page reads at most this many items…
const RANDOM_FILTERED_READS = 1_000;
// …and a sorted page at most five index pages of at most 50 items.
const SORTED_READS = 250;

let stack: TestStack;
let db: DynamoDBDocumentClient;
const table = mainTable.localName;

beforeAll(async () => {
  stack = await testStack();
  db = createDocumentClient(stack.info.dynamodbEndpoint);
  const start = Date.parse('2026-03-01T00:00:00Z');
  const items = Array.from({ length: IDEAS }, (_, i) => {
    const id = ulid(start + i * 1000);
    const idea = { processId: PROCESS, area: 'erhverv', status: 'published' as const, held: false, createdAt: new Date(start + i * 1000).toISOString() };
    return {
      ...keys.idea(id),
      type: 'idea',
      id,
      ...idea,
      title: `Idé nummer ${i}`,
      excerpt: 'Kort',
      effects: ['kvalitet'],
      beneficiaries: ['citizens'],
      authorId: 'forfatter',
      authorName: 'Forfatter',
      authorType: 'citizen',
      voteCount: 0,
      commentCount: 0,
      trendScore: 0,
      ...ideaIndexAttributes(idea).set,
    };
  });
  for (let i = 0; i < items.length; i += 25) {
    await db.send(new BatchWriteCommand({ RequestItems: { [table]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) } }));
  }
}, 240_000);
afterAll(() => stack?.stop());

/** The real client, counting what every Query read. */
function counting() {
  const counter = { read: 0 };
  const client = new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== 'send') return Reflect.get(target, prop, receiver);
      return async (command: unknown) => {
        const out = (await target.send(command as QueryCommand)) as { ScannedCount?: number; Items?: unknown[] };
        if (command instanceof QueryCommand) counter.read += out.ScannedCount ?? out.Items?.length ?? 0;
        return out;
      };
    },
  });
  return { client, counter };
}

// Phase spans (the `phase` filter's FilterExpression on createdAt): none of the ideas, and the first 411.
const NEVER = [{ from: '2030-01-01T00:00:00.000Z' }];
const FIRST_411 = [{ from: '2026-03-01T00:00:00.000Z', to: new Date(Date.parse('2026-03-01T00:00:00Z') + 411_000).toISOString() }];
const query = (overrides: Partial<IdeaPageQuery>): IdeaPageQuery => ({ processId: PROCESS, sort: 'new', limit: 20, ...overrides });

describe('read budget of filtered lists', () => {
  it('random order with a filter nothing passes reads at most the budget and answers a page with a cursor', async () => {
    const { client, counter } = counting();
    const page = await ideaStore(client, table).listPublic(query({ sort: 'random', seed: 'abc', createdWithin: NEVER }));
    expect(counter.read).toBeLessThanOrEqual(RANDOM_FILTERED_READS);
    expect(page.items).toEqual([]);
    expect(page.nextCursor).toEqual(expect.any(String));

    // Going on reads the rest, again within the budget, and ends.
    const next = counting();
    const rest = await ideaStore(next.client, table).listPublic(query({ sort: 'random', seed: 'abc', createdWithin: NEVER, cursor: page.nextCursor! }));
    expect(next.counter.read).toBeLessThanOrEqual(RANDOM_FILTERED_READS);
    expect(rest.items).toEqual([]);
    expect(rest.nextCursor).toBeNull();
  });

  it('random order with a filter that matches pages through every match once, each page within the budget', async () => {
    const seen = new Set<string>();
    let cursor: string | undefined;
    let pages = 0;
    do {
      const { client, counter } = counting();
      const page = await ideaStore(client, table).listPublic(query({ sort: 'random', seed: 'xyz', createdWithin: FIRST_411, limit: 50, cursor }));
      expect(counter.read).toBeLessThanOrEqual(RANDOM_FILTERED_READS);
      for (const item of page.items) {
        expect(seen.has(item.id)).toBe(false);
        seen.add(item.id);
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor && ++pages < 100);
    // One idea a second from the start: the first 411 seconds hold ideas 0..410.
    expect(seen.size).toBe(411);
  });

  it('the phase filter takes several spans (a kind with two phases) and works on every sort, a status filter beside it', async () => {
    const split = new Date(Date.parse('2026-03-01T00:00:00Z') + 200_000).toISOString();
    const spans = [{ from: FIRST_411[0]!.from, to: split }, { from: split, to: FIRST_411[0]!.to }];
    for (const sort of ['new', 'top'] as const) {
      const seen = new Set<string>();
      let cursor: string | undefined;
      do {
        const page = await ideaStore(db, table).listPublic(query({ sort, status: 'published', createdWithin: spans, limit: 50, cursor }));
        for (const item of page.items) seen.add(item.id);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen.size, sort).toBe(411);
    }
  });

  it('a sorted list with a filter nothing passes reads at most its budget and gives a cursor', async () => {
    const { client, counter } = counting();
    const page = await ideaStore(client, table).listPublic(query({ sort: 'new', createdWithin: NEVER, limit: 50 }));
    expect(counter.read).toBeLessThanOrEqual(SORTED_READS);
    expect(page.items).toEqual([]);
    expect(page.nextCursor).toEqual(expect.any(String));
  });

  it('through the API: a crafted random list with a filter nothing passes is a short page with a cursor, not an error', async () => {
    const r = await stack.api(`/processes/${PROCESS}/ideas?sort=random&seed=abc&event=ingen-begivenhed`);
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    const page = ideaListSchema.parse(r.json);
    expect(page.items).toEqual([]);
    expect(page.nextCursor).toEqual(expect.any(String));
  });
});
