import { NumberValue, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { keys } from '#functions/adapters/dynamodb/keys';
import { mainTable } from '#functions/adapters/dynamodb/tables';
import { transact } from '#functions/adapters/dynamodb/transactions';
import { PROCESS_ID } from './seed';

/** One vote's answer: accepted or not, and a label to count it under (status and problem type). */
export interface Outcome {
  ok: boolean;
  label: string;
}

export interface Drive {
  sent: number;
  ms: number;
  acceptedIds: string[];
  /** performance.now() of the last accepted vote's answer. */
  lastAcceptedAt: number;
  lateMs: number[];
  outcomes: Record<string, number>;
}

/**
 * Open-loop pacing: vote i is due at start + i / rate seconds and is sent then, whatever the earlier
 * ones are doing, so a slow answer does not slow the offered load (a closed loop would hide it). Only
 * when `maxInFlight` requests are waiting does sending pause; every start is recorded with how late it
 * was against its plan, so the report says when the machine, not the design, set the pace. Sending
 * stops `graceMs` after the plan's end, so a slow machine gives a partial run, not an endless one.
 */
export async function driveOpenLoop(voterIds: string[], rate: number, maxInFlight: number, vote: (userId: string) => Promise<Outcome>, graceMs = 30_000): Promise<Drive> {
  const interval = 1000 / rate;
  const start = performance.now() + 50;
  const lateMs: number[] = [];
  const acceptedIds: string[] = [];
  const outcomes: Record<string, number> = {};
  const running = new Set<Promise<void>>();
  let lastAcceptedAt = start;
  let next = 0;
  // A machine far slower than the plan stops sending this long after the plan's end (sent < planned).
  const stopAt = start + voterIds.length * interval + graceMs;
  while (next < voterIds.length && performance.now() < stopAt) {
    const now = performance.now();
    while (next < voterIds.length && start + next * interval <= now && running.size < maxInFlight) {
      lateMs.push(now - (start + next * interval));
      const userId = voterIds[next++]!;
      const p = vote(userId)
        .catch((e: Error): Outcome => ({ ok: false, label: `threw ${e.name}` }))
        .then((o) => {
          outcomes[o.label] = (outcomes[o.label] ?? 0) + 1;
          if (o.ok) {
            acceptedIds.push(userId);
            lastAcceptedAt = Math.max(lastAcceptedAt, performance.now());
          }
        })
        .finally(() => running.delete(p));
      running.add(p);
    }
    if (running.size >= maxInFlight) await Promise.race(running);
    else await new Promise((r) => setTimeout(r, Math.max(0, Math.min(5, start + next * interval - performance.now()))));
  }
  await Promise.all(running);
  return { sent: next, ms: performance.now() - start, acceptedIds, lastAcceptedAt, lateMs, outcomes };
}

/**
 * The vote as the layout before issue 19 takes it: the vote item and the idea item's counter in one
 * conditional transaction (the vote benchmark's raw side), retried on throttling and conflicts by the
 * adapters' transact() (then 503).
 */
export async function singleCounterVote(client: DynamoDBDocumentClient, ideaId: string, userId: string): Promise<Outcome> {
  const table = mainTable.localName;
  const now = new Date().toISOString();
  try {
    const outcome = await transact(client, [
      {
        Put: {
          TableName: table,
          Item: { ...keys.vote(ideaId, userId), type: 'vote', ideaId, userId, processId: PROCESS_ID, participantType: 'citizen', weight: 1, createdAt: now, gsiUser: keys.userItems(userId), gsiUserSk: keys.userVote(ideaId) },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Update: {
          TableName: table,
          Key: keys.idea(ideaId),
          UpdateExpression: 'ADD voteCount :one, trendScore :w',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':one': 1, ':w': NumberValue.from('1') },
        },
      },
    ]);
    return outcome.ok ? { ok: true, label: '200' } : { ok: false, label: 'condition' };
  } catch (e) {
    return { ok: false, label: (e as Error).name === 'ServiceUnavailableError' ? '503 throttled after retries' : `threw ${(e as Error).name}` };
  }
}

export interface CallCount {
  calls: number;
  ms: number;
  failed: number;
}

/**
 * DynamoDB calls per command on a client (as probe.ts counts them, under a name of its own so the main
 * benchmark's probe on the same client stays in place); counts only while `on`.
 */
export function callCounter(client: DynamoDBDocumentClient) {
  const stats = new Map<string, CallCount>();
  let on = false;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (!on) return next(args);
      const name = String(context.commandName ?? 'unknown').replace(/Command$/, '');
      const entry = stats.get(name) ?? { calls: 0, ms: 0, failed: 0 };
      stats.set(name, entry);
      const t = performance.now();
      try {
        return await next(args);
      } catch (error) {
        entry.failed++;
        throw error;
      } finally {
        entry.calls++;
        entry.ms += performance.now() - t;
      }
    },
    { step: 'initialize', name: 'viralCalls', override: true },
  );
  return {
    start: () => (stats.clear(), (on = true)),
    stop: () => void (on = false),
    snapshot: (): Record<string, CallCount> => Object.fromEntries([...stats].map(([k, v]) => [k, { ...v, ms: Math.round(v.ms) }])),
  };
}
