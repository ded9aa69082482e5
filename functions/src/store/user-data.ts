// use case --> (secondary adapter) --> DynamoDB
import { DeleteCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CommentRecord, FlagRecord, StoredProfile, UserDataStore, UserItems, VoteRecord } from '../domain/ports';
import { fromItem as ideaFromItem } from './ideas';
import { keys } from './keys';
import { transact } from './transactions';

/**
 * Access pattern: everything one user wrote or did, for the GDPR export and erasure: the byUser
 * index (gsiUser = USER#<userId>), read to the end.
 */
export function userDataStore(client: DynamoDBDocumentClient, table: string): UserDataStore {
  return {
    async itemsOf(userId) {
      const result: UserItems = { ideas: [], comments: [], votes: [], flags: [] };
      let start: Record<string, unknown> | undefined;
      do {
        const page = await client.send(
          new QueryCommand({
            TableName: table,
            IndexName: 'byUser',
            KeyConditionExpression: 'gsiUser = :u',
            ExpressionAttributeValues: { ':u': keys.userItems(userId) },
            ExclusiveStartKey: start,
          }),
        );
        for (const item of page.Items ?? []) {
          const { pk: _pk, sk: _sk, gsiUser: _u, gsiUserSk: _s, gsiQueue: _q, queuedAt: _a, type, ...rest } = item;
          if (type === 'profile') result.profile = rest as StoredProfile;
          else if (type === 'idea') result.ideas.push(ideaFromItem(item));
          else if (type === 'comment') result.comments.push(rest as CommentRecord);
          else if (type === 'vote') result.votes.push(rest as VoteRecord);
          else if (type === 'flag') result.flags.push(rest as FlagRecord);
        }
        start = page.LastEvaluatedKey;
      } while (start);
      return result;
    },

    async anonymizeIdea(ideaId, placeholderName) {
      await client.send(
        new UpdateCommand({
          TableName: table,
          Key: keys.idea(ideaId),
          UpdateExpression: 'SET authorName = :name REMOVE authorId, gsiUser, gsiUserSk',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':name': placeholderName },
        }),
      );
    },

    async eraseVote(vote) {
      await transact(client, [
        { Delete: { TableName: table, Key: keys.vote(vote.ideaId, vote.userId), ConditionExpression: 'attribute_exists(pk)' } },
        {
          Update: {
            TableName: table,
            Key: keys.idea(vote.ideaId),
            UpdateExpression: 'ADD voteCount :minusOne, trendScore :minusW',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':minusOne': -1, ':minusW': -vote.weight },
          },
        },
      ]);
    },

    async deleteFlag(flag) {
      await client.send(new DeleteCommand({ TableName: table, Key: keys.flag(flag.ideaId, flag, flag.userId) }));
    },

    async deleteProfile(userId) {
      await client.send(new DeleteCommand({ TableName: table, Key: keys.profile(userId) }));
    },
  };
}
