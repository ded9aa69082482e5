// use case --> (secondary adapter) --> DynamoDB
import { DeleteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditRecord, CommentRecord, DecisionReader, FlagRecord, StoredProfile, UserDataStore, UserItems, VoteRecord } from '../../domain/ports';
import { roundPeople } from './consultation-documents';
import { eraseMailData, followKeysOf } from './follows';
import { fromItem as ideaFromItem } from './ideas';
import { keys } from './keys';
import { queryAll } from './query';
import { transact } from './transactions';

/**
 * Access pattern: everything one user wrote or did, for the GDPR export and erasure: the byUser
 * index (gsiUser = USER#<userId>), read to the end.
 */
export function userDataStore(client: DynamoDBDocumentClient, table: string): UserDataStore {
  return {
    async itemsOf(userId) {
      const result: UserItems = { ideas: [], comments: [], votes: [], flags: [], surveysAnswered: [], roundMemberships: [] };
      const items = await queryAll(client, {
        TableName: table,
        IndexName: 'byUser',
        KeyConditionExpression: 'gsiUser = :u',
        ExpressionAttributeValues: { ':u': keys.userItems(userId) },
      });
      for (const item of items) {
        const { pk: _pk, sk: _sk, gsiUser: _u, gsiUserSk: _s, gsiQueue: _q, queuedAt: _a, type, ...rest } = item;
        if (type === 'profile') result.profile = rest as unknown as StoredProfile;
        else if (type === 'idea') result.ideas.push(ideaFromItem(item));
        else if (type === 'comment') result.comments.push(rest as unknown as CommentRecord);
        else if (type === 'vote') result.votes.push(rest as unknown as VoteRecord);
        else if (type === 'flag') result.flags.push(rest as unknown as FlagRecord);
        // A marker's index sort key names the process; the marker holds nothing else about the answer.
        else if (type === 'roundMember') result.roundMemberships.push({ processId: String(rest.processId), roundId: String(rest.roundId), joinedAt: String(rest.joinedAt) });
        else if (type === 'surveyMarker') result.surveysAnswered.push(String(item.gsiUserSk).slice(keys.userSurveyMarkerPrefix.length));
      }
      return result;
    },

    async anonymizeIdea(ideaId, placeholderName) {
      await client.send(
        new UpdateCommand({
          TableName: table,
          Key: keys.idea(ideaId),
          // The sign-in name goes too: it found the author's email for notifications.
          UpdateExpression: 'SET authorName = :name REMOVE authorId, authorUsername, gsiUser, gsiUserSk',
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
            // The bases too: a sharded idea's fold writes voteCount = voteBase + Σ shards (vote-counter.ts).
            UpdateExpression: 'ADD voteCount :minusOne, trendScore :minusW, voteBase :minusOne, trendBase :minusW',
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
      // The vote-rule tallies (USER#<userId> / TALLY#<processId>) carry the user id too: they go with the profile.
      const tallies = await queryAll(client, {
        TableName: table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :tally)',
        ExpressionAttributeValues: { ':pk': keys.profile(userId).pk, ':tally': keys.voteTallyPrefix },
        ProjectionExpression: 'pk, sk',
      });
      // So do the markers saying which surveys the user answered (the answers name nobody and stay).
      const markers = await queryAll(client, {
        TableName: table,
        IndexName: 'byUser',
        KeyConditionExpression: 'gsiUser = :u AND begins_with(gsiUserSk, :survey)',
        ExpressionAttributeValues: { ':u': keys.userItems(userId), ':survey': keys.userSurveyMarkerPrefix },
        ProjectionExpression: 'pk, sk',
      });
      // And the memberships of consultation rounds (adapters/dynamodb/consultation-documents.ts).
      const memberships = await roundPeople(client, table).membershipKeys(userId);
      // And the follow choices, mail settings and what waited for the next digest (adapters/dynamodb/follows.ts).
      const follows = await followKeysOf(client, table, userId);
      for (const key of [...tallies, ...markers, ...memberships, ...follows]) await client.send(new DeleteCommand({ TableName: table, Key: { pk: key.pk, sk: key.sk } }));
      await eraseMailData(client, table, userId);
      await client.send(new DeleteCommand({ TableName: table, Key: keys.profile(userId) }));
    },
  };
}

/**
 * Access pattern: the decisions about one target for the person's data download: the entries' copies
 * under AUDIT#T#<targetId> (audit.ts), every process's, newest first: one Query per target.
 */
export function decisionReader(client: DynamoDBDocumentClient, table: string): DecisionReader {
  return {
    async about(targetId) {
      const items = await queryAll(client, {
        TableName: table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.auditTargetPartition(targetId) },
        ScanIndexForward: false,
      });
      return items.map(({ pk: _pk, sk: _sk, type: _type, ...entry }) => entry as unknown as AuditRecord);
    },
  };
}
