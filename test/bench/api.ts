import type { RunningStack } from '#local/stack';
import { createUser, signIn } from '#local/users';
import { createDocumentClient } from '#functions/adapters/dynamodb/client';
import { profileStore } from '#functions/adapters/dynamodb/profiles';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import { runPool } from './stats';

/** JSON over Node's fetch (undici, keep-alive by default) against the gateway on 127.0.0.1. */
export async function api(apiUrl: string, path: string, init: { method?: string; token?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = {};
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${apiUrl}${path}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as any) : undefined };
}

export interface BenchUser {
  userId: string;
  token: string;
}

const PASSWORD = 'Bench-adgang-2026';

/**
 * Confirmed users with profiles, signed in, made the way the tests make them (`createUser` +
 * `signIn` against cognito-local), `concurrency` at a time. Nothing is cached between runs.
 */
export async function createUsers(stack: RunningStack, count: number, label: string, concurrency = 16): Promise<BenchUser[]> {
  const profiles = profileStore(createDocumentClient(stack.info.dynamodbEndpoint), mainTable.localName);
  const run = Date.now().toString(36);
  const users: BenchUser[] = new Array(count);
  await runPool(Array.from({ length: count }, (_, i) => i), concurrency, async (i) => {
    const email = `bench-${label}-${run}-${i}@example.dk`;
    const userId = await createUser(stack.pool, profiles, {
      email,
      password: PASSWORD,
      type: (['citizen', 'business', 'employee'] as const)[i % 3]!,
      displayName: `Bench ${label} ${i}`,
    });
    users[i] = { userId, token: await signIn(stack.pool, email, PASSWORD) };
  });
  return users;
}
