import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';

type QueryInput = Omit<QueryCommandInput, 'ExclusiveStartKey'>;

/** Every item of a Query, following LastEvaluatedKey; stops after `max` items when given. */
export async function queryAll(client: DynamoDBDocumentClient, input: QueryInput, max = Infinity): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await client.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start && items.length < max);
  return items;
}

/** How many items a Query matches (Select COUNT, following LastEvaluatedKey). */
export async function countAll(client: DynamoDBDocumentClient, input: Omit<QueryInput, 'Select'>): Promise<number> {
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await client.send(new QueryCommand({ ...input, Select: 'COUNT', ExclusiveStartKey: start }));
    count += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start);
  return count;
}

/**
 * A Query read until `budget` items have been READ or the partition ends. Items read are DynamoDB's
 * ScannedCount, what a FilterExpression looked at whether it matched or not: a filter that matches
 * nothing (a search for a word nobody wrote) costs the budget, never the whole partition. Each page's
 * Limit is what is left of the budget, so it is never overrun. `last` is where reading stopped.
 */
export async function queryWithinBudget(
  client: DynamoDBDocumentClient,
  input: QueryInput,
  budget: number,
  start?: Record<string, unknown>,
): Promise<{ items: Record<string, unknown>[]; last?: Record<string, unknown> }> {
  const items: Record<string, unknown>[] = [];
  let read = 0;
  let key = start;
  do {
    const page = await client.send(new QueryCommand({ ...input, Limit: budget - read, ExclusiveStartKey: key }));
    items.push(...(page.Items ?? []));
    read += Math.max(page.ScannedCount ?? 0, 1);
    key = page.LastEvaluatedKey;
  } while (key && read < budget);
  return key ? { items, last: key } : { items };
}
