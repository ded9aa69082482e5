import { expect } from 'vitest';
import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '#functions/adapters/dynamodb/client';
import { ideaVotes } from '#functions/adapters/dynamodb/idea-votes';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import type { IdeaCreateInput } from '#shared/schemas/idea';
import type { ParticipantType, Role } from '#shared/schemas/user';
import { validIdea } from '../fixtures/ideas';
import type { TestStack } from './stack';

/** Helpers for the participation tests (votes, comments, flags): users in bulk, ideas, DynamoDB reads. */

export const PROCESS = 'ai-i-gentofte';
export const P = `/processes/${PROCESS}`;

export type User = Awaited<ReturnType<TestStack['user']>>;

/** `count` users, made `batch` at a time in parallel (cognito-local and the profile writes stay responsive). */
export async function usersInBatches(
  stack: TestStack,
  count: number,
  options: (i: number) => { role?: Role; type?: ParticipantType; name?: string } = () => ({}),
  batch = 20,
): Promise<User[]> {
  const users: User[] = [];
  for (let start = 0; start < count; start += batch) {
    const size = Math.min(batch, count - start);
    users.push(...(await Promise.all(Array.from({ length: size }, (_, k) => stack.user(options(start + k))))));
  }
  return users;
}

/**
 * Posts ideas through the API with a rotating set of authors: one author may post 5 ideas an hour,
 * so a new author is made for every fifth idea.
 */
export function ideaMaker(stack: TestStack) {
  let author: User | undefined;
  let posted = 0;
  return async (overrides: Partial<IdeaCreateInput> = {}): Promise<{ id: string; author: User }> => {
    if (!author || posted === 5) {
      author = await stack.user({ name: 'Idéforfatter' });
      posted = 0;
    }
    posted++;
    const r = await stack.api(`${P}/ideas`, { method: 'POST', token: author.token, body: validIdea(overrides) });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    return { id: r.json.id as string, author };
  };
}

/** Direct DynamoDB access to the local stack's main table: for checking what was recorded. */
export function table(stack: TestStack) {
  const client = createDocumentClient(stack.info.dynamodbEndpoint);
  const TableName = mainTable.localName;

  /** Every item of the idea's partition whose sort key starts with `prefix`, following pages. */
  const partition = async (ideaId: string, prefix: string) => {
    const items: Record<string, any>[] = [];
    let start: Record<string, any> | undefined;
    do {
      const page = await client.send(
        new QueryCommand({
          TableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': `IDEA#${ideaId}`, ':prefix': prefix },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      items.push(...((page.Items ?? []) as Record<string, any>[]));
      start = page.LastEvaluatedKey;
    } while (start);
    return items;
  };

  return {
    client,
    TableName,
    partition,
    /** Every vote item of the idea, from all its vote buckets (keys.vote spreads them). */
    votes: (ideaId: string) => ideaVotes(client, TableName, ideaId, { ConsistentRead: true }) as Promise<Record<string, any>[]>,
    async idea(ideaId: string) {
      const { Item } = await client.send(new GetCommand({ TableName, Key: { pk: `IDEA#${ideaId}`, sk: 'IDEA' }, ConsistentRead: true }));
      return Item as Record<string, any> | undefined;
    },
    /** The comment item (top-level or reply) with this id, found through its idea's partition. */
    async comment(ideaId: string, commentId: string) {
      const items = [...(await partition(ideaId, 'COMMENT#')), ...(await partition(ideaId, 'REPLY#'))];
      return items.find((i) => i.id === commentId);
    },
    /** Moves a comment's creation time back, as if it had been written `minutes` ago. */
    async backdateComment(ideaId: string, commentId: string, minutes: number) {
      const item = await this.comment(ideaId, commentId);
      expect(item, `comment ${commentId}`).toBeDefined();
      const createdAt = new Date(Date.now() - minutes * 60_000).toISOString();
      await client.send(
        new UpdateCommand({
          TableName,
          Key: { pk: item!.pk, sk: item!.sk },
          UpdateExpression: 'SET createdAt = :at',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':at': createdAt },
        }),
      );
    },
  };
}

/** A problem+json answer with this status (and type slug, when given). */
export function expectProblem(r: { status: number; headers: Headers; json: any }, status: number, slug?: string) {
  expect(r.status, JSON.stringify(r.json)).toBe(status);
  expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(r.json).toMatchObject({ status, title: expect.any(String), ...(slug ? { type: `/problems/${slug}` } : {}) });
}

/**
 * One cell of a route × caller access matrix: the expected status; a refusal is a problem body (a
 * 401 with a Bearer challenge); 204 has no body; any other success is what the route table promises.
 */
export function expectRouteAnswer(
  r: { status: number; headers: Headers; json: any },
  call: { caller: string; method: string; path: string; response: { safeParse(value: unknown): { success: boolean; error?: { message: string } } } },
  status: number,
) {
  expect(r.status, `${call.caller} ${call.method} ${call.path}: ${JSON.stringify(r.json)}`).toBe(status);
  if (status >= 400) {
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(r.json).toMatchObject({ status });
    if (status === 401) expect(r.headers.get('www-authenticate')).toBe('Bearer');
  } else if (status === 204) {
    expect(r.json).toBeUndefined();
  } else {
    const parsed = call.response.safeParse(r.json);
    expect(parsed.success, `${JSON.stringify(r.json)}: ${parsed.error?.message}`).toBe(true);
  }
}

/**
 * Rate limits count in fixed windows (a minute for votes and comments). A test that needs `seconds`
 * of one window waits for the next window if the current one would end before that.
 */
export async function withinOneWindow(seconds: number, windowSeconds = 60) {
  const windowMs = windowSeconds * 1000;
  const left = windowMs - (Date.now() % windowMs);
  if (left < seconds * 1000) await new Promise((r) => setTimeout(r, left + 50));
}

/** Each user flags the target (an idea or comment path such as `/ideas/<id>`) once; all must be received. */
export async function flagBy(stack: TestStack, target: string, users: User[], reason = 'offensive') {
  for (const u of users) {
    const r = await stack.api(`${target}/flags`, { method: 'POST', token: u.token, body: { reason } });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(r.json).toEqual({ received: true, held: expect.any(Boolean) });
  }
}

/**
 * Posts comments through the API with a rotating set of authors (one may comment 10 times a minute),
 * unless a test names the author. Returns the created comment as the API answered it.
 */
export function commentMaker(stack: TestStack) {
  let author: User | undefined;
  let posted = 0;
  return async (ideaId: string, body: Record<string, unknown> | string, by?: User) => {
    if (!by && (!author || posted === 5)) {
      author = await stack.user({ name: 'Kommentator' });
      posted = 0;
    }
    if (!by) posted++;
    const r = await stack.api(`/ideas/${ideaId}/comments`, {
      method: 'POST',
      token: (by ?? author)!.token,
      body: typeof body === 'string' ? { body } : body,
    });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    return r.json as { id: string; ideaId: string; parentId?: string; body: string; state: string; [k: string]: unknown };
  };
}
