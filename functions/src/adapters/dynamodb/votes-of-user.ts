// use case --> (secondary adapter) --> DynamoDB
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Page, VoteRecord } from '../../domain/ports';
import { decodeCursor, encodeCursor } from './cursor';
import { keys } from './keys';
import { queryAll } from './query';

/**
 * Access pattern: the votes a user cast, newest vote first, in one process or all: the byUser index
 * (gsiUser = USER#<userId>, gsiUserSk = VOTE#<ideaId>), read whole and ordered here. That index sorts
 * by idea, not by the time of the vote, and a person's votes are few (the vote rule and the rate limit
 * bound them), so reading them all is cheaper than a second index kept for this one page.
 * Votes a merge carried for the user are left out: the vote they cast is listed, on the merged idea.
 */

/** Reading stops here; a person past it sees their newest votes among the first this many. */
const MAX_VOTES_READ = 5_000;

const cursorIndex = (processId?: string) => `my-votes:${processId ?? ''}`;

export async function votesOfUser(
  client: DynamoDBDocumentClient,
  table: string,
  userId: string,
  page: { processId?: string; limit: number; cursor?: string },
): Promise<Page<VoteRecord>> {
  const after = page.cursor ? decodeCursor(page.cursor, cursorIndex(page.processId), {}, ['createdAt', 'ideaId']) : undefined;
  const filters = ['attribute_not_exists(carriedFrom)', ...(page.processId ? ['processId = :p'] : [])];
  const items = await queryAll(
    client,
    {
      TableName: table,
      IndexName: 'byUser',
      KeyConditionExpression: 'gsiUser = :u AND begins_with(gsiUserSk, :votes)',
      FilterExpression: filters.join(' AND '),
      ExpressionAttributeValues: { ':u': keys.userItems(userId), ':votes': keys.userVotePrefix, ...(page.processId ? { ':p': page.processId } : {}) },
    },
    MAX_VOTES_READ,
  );
  const votes = items
    .map(toVote)
    // Newest first; the idea id breaks ties, so the order (and a cursor into it) is total.
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.ideaId.localeCompare(a.ideaId));
  const start = after ? votes.findIndex((v) => isAfter(v, after as { createdAt: string; ideaId: string })) : 0;
  const rest = start < 0 ? [] : votes.slice(start);
  const shown = rest.slice(0, page.limit);
  const last = shown[shown.length - 1];
  return {
    items: shown,
    nextCursor: rest.length > page.limit && last ? encodeCursor(cursorIndex(page.processId), { createdAt: last.createdAt, ideaId: last.ideaId }) : null,
  };
}

/** Comes after the cursor's vote in the newest-first order. */
const isAfter = (v: VoteRecord, cursor: { createdAt: string; ideaId: string }) =>
  v.createdAt < cursor.createdAt || (v.createdAt === cursor.createdAt && v.ideaId < cursor.ideaId);

function toVote(item: Record<string, unknown>): VoteRecord {
  const { pk: _pk, sk: _sk, type: _type, gsiUser: _u, gsiUserSk: _s, ...vote } = item;
  return vote as unknown as VoteRecord;
}
