// use case --> (secondary adapter) --> DynamoDB
import { NumberValue, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { IdeaRecord, VoteRecord } from '../../domain/ports';
import { ServiceUnavailableError } from '../../lib/errors';
import { batchGet } from './batch';
import { ideaVotes } from './idea-votes';
import { keys } from './keys';
import { transact, type TransactItems } from './transactions';
import { tallyDown } from './votes';

/**
 * Carrying a merged idea's votes to the idea it was merged into, so the target's public count (and
 * the top and trending lists, which sort on its voteCount and trendScore) counts each supporter once.
 *
 * Access pattern: the merged idea's votes not yet moved (a Query of each vote bucket, consistent: idea-votes.ts),
 * then per batch of voters a BatchGet of their vote keys on the target and one transaction:
 * - each vote on the source gets `movedTo` (condition: not moved yet), so a repeat moves nothing twice;
 * - a voter who does not vote for the target gets a vote record there, `carriedFrom` the source, with
 *   the source vote's type, time and trending weight (condition: none there yet);
 * - a voter who already votes for the target gets that vote back on their tally (two votes now stand
 *   for one idea, and a merge must not cost anyone a vote of the vote rule);
 * - the target's voteCount and trendScore go up by the carried votes (condition: not merged itself).
 * A refused condition (a voter voted for the target meanwhile, a tally kept from before tallies
 * existed) cancels the batch, which is planned again from what the refusal says.
 *
 * Batches on one target must run one after another (each updates the target's counters; in parallel
 * they would only conflict and retry), so a deadline bounds the work per request.
 */

/** Two items per voter and one for the target: DynamoDB's 100-item limit of a transaction. */
const VOTERS_PER_BATCH = 49;
const MAX_PLANS = 10;

export async function carryVotes(
  client: DynamoDBDocumentClient,
  table: string,
  source: IdeaRecord,
  targetId: string,
  now: Date,
  deadline: number,
): Promise<'done' | 'unfinished' | 'target-closed'> {
  const pending = (
    await ideaVotes(client, table, source.id, { FilterExpression: 'attribute_not_exists(movedTo)', ConsistentRead: true })
  ).map((item) => item as unknown as VoteRecord);

  for (let i = 0; i < pending.length; i += VOTERS_PER_BATCH) {
    if (Date.now() > deadline) return 'unfinished';
    if (!(await carryBatch(client, table, pending.slice(i, i + VOTERS_PER_BATCH), source.id, targetId))) return 'target-closed';
  }
  await client.send(
    new UpdateCommand({
      TableName: table,
      Key: keys.idea(source.id),
      UpdateExpression: 'SET votesCarriedAt = :at',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':at': now.toISOString() },
    }),
  );
  return 'done';
}

/** false: the target was itself merged meanwhile (nothing of this batch written). */
async function carryBatch(client: DynamoDBDocumentClient, table: string, votes: VoteRecord[], sourceId: string, targetId: string): Promise<boolean> {
  let plan = votes;
  /** Voters whose tally refused to give a vote back: it never counted this one (kept from before tallies). */
  const untallied = new Set<string>();
  for (let attempt = 0; attempt < MAX_PLANS && plan.length > 0; attempt++) {
    const onTarget = await batchGet(client, table, plan.map((v) => keys.vote(targetId, v.userId)), true, 'userId');
    const votesTarget = new Set(onTarget.map((i) => i.userId as string));
    const items: TransactItems = [];
    /** For each transaction item, the voter it is for and what it does. */
    const roles: { vote: VoteRecord; role: 'move' | 'carry' | 'refund' }[] = [];
    const carried: VoteRecord[] = [];
    for (const vote of plan) {
      items.push(markMoved(table, vote, targetId));
      roles.push({ vote, role: 'move' });
      if (!votesTarget.has(vote.userId)) {
        items.push(carriedVote(table, vote, sourceId, targetId));
        roles.push({ vote, role: 'carry' });
        carried.push(vote);
      } else if (!untallied.has(vote.userId)) {
        items.push(tallyDown(table, vote.userId, vote.processId));
        roles.push({ vote, role: 'refund' });
      }
    }
    if (carried.length > 0) items.push(targetCounters(table, targetId, carried));

    const outcome = await transact(client, items);
    if (outcome.ok) return true;
    if (carried.length > 0 && outcome.failed[items.length - 1]) return false;
    const gone = new Set<string>();
    outcome.failed.forEach((failed, i) => {
      const role = roles[i];
      if (!failed || !role) return;
      // Already moved (a repeat running alongside) or erased with its voter's account: nothing to move.
      if (role.role === 'move') gone.add(role.vote.userId);
      else if (role.role === 'refund') untallied.add(role.vote.userId);
      // 'carry': the voter voted for the target meanwhile; the next plan reads that and refunds instead.
    });
    plan = plan.filter((v) => !gone.has(v.userId));
  }
  if (plan.length > 0) throw new ServiceUnavailableError();
  return true;
}

function markMoved(table: string, vote: VoteRecord, targetId: string): TransactItems[number] {
  return {
    Update: {
      TableName: table,
      Key: keys.vote(vote.ideaId, vote.userId),
      UpdateExpression: 'SET movedTo = :target',
      ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(movedTo)',
      ExpressionAttributeValues: { ':target': targetId },
    },
  };
}

function carriedVote(table: string, vote: VoteRecord, sourceId: string, targetId: string): TransactItems[number] {
  const record: VoteRecord = {
    ideaId: targetId,
    userId: vote.userId,
    processId: vote.processId,
    participantType: vote.participantType,
    weight: vote.weight,
    createdAt: vote.createdAt,
    carriedFrom: sourceId,
  };
  return {
    Put: {
      TableName: table,
      Item: { ...keys.vote(targetId, vote.userId), type: 'vote', ...record, gsiUser: keys.userItems(vote.userId), gsiUserSk: keys.userVote(targetId) },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

function targetCounters(table: string, targetId: string, carried: VoteRecord[]): TransactItems[number] {
  return {
    Update: {
      TableName: table,
      Key: keys.idea(targetId),
      // The bases too: a sharded idea's fold writes voteCount = voteBase + Σ shards (vote-counter.ts).
      UpdateExpression: 'ADD voteCount :n, trendScore :w, voteBase :n, trendBase :w',
      // A target merged meanwhile passes its votes on by its own carry, which may have read them already.
      ConditionExpression: 'attribute_exists(pk) AND #status <> :merged',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':n': carried.length, ':w': NumberValue.from(exactSum(carried.map((v) => v.weight))), ':merged': 'merged' },
    },
  };
}

/**
 * The sum of trending weights (at most six decimals each, see domain/trending.ts) as an exact decimal
 * string: a sum in floating point could leave a residue that no un-vote would take away again.
 */
export function exactSum(weights: number[]): string {
  const micros = weights.reduce((sum, w) => sum + toMicros(w), 0n);
  const sign = micros < 0n ? '-' : '';
  const abs = micros < 0n ? -micros : micros;
  const whole = abs / 1_000_000n;
  const fraction = (abs % 1_000_000n).toString().padStart(6, '0').replace(/0+$/, '');
  return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
}

function toMicros(weight: number): bigint {
  const [whole = '0', fraction = ''] = weight.toFixed(6).split('.');
  const negative = whole.startsWith('-');
  const micros = BigInt(whole.replace('-', '')) * 1_000_000n + BigInt(fraction.padEnd(6, '0'));
  return negative ? -micros : micros;
}
