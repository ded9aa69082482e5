import { expect } from 'vitest';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '#functions/adapters/dynamodb/client';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import { anIdea, assistedProcess } from './assisted-persons';
import type { User } from './participation';
import type { TestStack } from './stack';

/** Helpers for the recommendations tests: a process with ideas, a committee's recommendation, what is stored. */

/** A process whose ideas phase is open now (effects kvalitet and hastighed), with `ideas` public ideas by `author`. */
export async function processWithIdeas(stack: TestStack, id: string, admin: User, moderator: User, author: User, ideas = 3): Promise<string[]> {
  await assistedProcess(stack, id, admin, moderator);
  const ids: string[] = [];
  for (let i = 0; i < ideas; i++) {
    const r = await stack.api(`/processes/${id}/ideas`, { method: 'POST', token: author.token, body: anIdea(`Idé nummer ${i + 1} om AI i ${id}`) });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    ids.push(r.json.id as string);
  }
  return ids;
}

export const aRecommendation = (ideaIds: string[], overrides: Record<string, unknown> = {}) => ({
  title: 'AI til at besvare spørgsmål i Borgerservice',
  rationale: 'Mange borgere ringer med de samme spørgsmål. En assistent kan hjælpe medarbejderne med at svare hurtigere.',
  effects: { kvalitet: 2, hastighed: 3 },
  ideaIds,
  ...overrides,
});

/** Creates a recommendation as the committee member and returns it as answered. */
export async function createRecommendation(stack: TestStack, processId: string, committee: User, body: unknown) {
  const r = await stack.api(`/processes/${processId}/recommendations`, { method: 'POST', token: committee.token, body });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  return r.json as { id: string; updatedAt: string; [key: string]: any };
}

/** Sets a recommendation's status and returns it as answered. */
export async function setStatus(stack: TestStack, processId: string, committee: User, rec: { id: string; updatedAt: string }, status: string, note?: string) {
  const r = await stack.api(`/processes/${processId}/recommendations/${rec.id}/status`, {
    method: 'POST',
    token: committee.token,
    body: { status, ...(note ? { note } : {}), expectedUpdatedAt: rec.updatedAt },
  });
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  return r.json as { id: string; updatedAt: string; [key: string]: any };
}

/** Every item of a partition of the local main table (prefix of the sort key optional). */
export async function partition(stack: TestStack, pk: string, prefix = ''): Promise<Record<string, any>[]> {
  const client = createDocumentClient(stack.info.dynamodbEndpoint);
  const r = await client.send(
    new QueryCommand({
      TableName: mainTable.localName,
      KeyConditionExpression: prefix ? 'pk = :pk AND begins_with(sk, :p)' : 'pk = :pk',
      ExpressionAttributeValues: { ':pk': pk, ...(prefix ? { ':p': prefix } : {}) },
      ConsistentRead: true,
    }),
  );
  return (r.Items ?? []) as Record<string, any>[];
}
