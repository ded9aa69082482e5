// use case --> (secondary adapter) --> DynamoDB
import type { DynamoDBDocumentClient, QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { keys } from './keys';
import { queryAll } from './query';

type VoteQuery = Pick<QueryCommandInput, 'FilterExpression' | 'ProjectionExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues' | 'ConsistentRead'>;

/**
 * Every vote item of one idea: a Query of each of its VOTE_BUCKETS partitions (keys.vote spreads them
 * by a hash of the voter), all at once, the results in one list (bucket order, then voter). Sixteen small
 * Queries instead of one cost the same read units (a Query is billed by what it reads, at least half a
 * unit each: 8 units for an idea with few votes, consistent), and they are only made by the rare readers
 * of a whole idea's votes (export, merge, follows, retention). `input` adds a filter or projection.
 */
export async function ideaVotes(client: DynamoDBDocumentClient, table: string, ideaId: string, input: VoteQuery = {}): Promise<Record<string, unknown>[]> {
  const pages = await Promise.all(
    keys.votePartitions(ideaId).map((pk) =>
      queryAll(client, {
        ...input,
        TableName: table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :votes)',
        ExpressionAttributeValues: { ...input.ExpressionAttributeValues, ':pk': pk, ':votes': keys.votePrefix },
      }),
    ),
  );
  return pages.flat();
}
