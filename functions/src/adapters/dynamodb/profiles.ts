// use case --> (secondary adapter) --> DynamoDB
import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ProfileStore, StoredProfile } from '../../domain/ports';
import { keys } from './keys';

/** Access pattern: a user's profile by user id (the Cognito `sub`). */
export function profileStore(client: DynamoDBDocumentClient, table: string): ProfileStore {
  return {
    async get(userId) {
      const { Item } = await client.send(new GetCommand({ TableName: table, Key: keys.profile(userId) }));
      if (!Item) return undefined;
      const { pk: _pk, sk: _sk, type: _type, gsiUser: _u, gsiUserSk: _s, ...profile } = Item;
      return profile as StoredProfile;
    },

    async update(userId, fields, now) {
      const at = now.toISOString();
      const { Attributes } = await client.send(
        new UpdateCommand({
          TableName: table,
          Key: keys.profile(userId),
          UpdateExpression: `SET #type = :type, userId = :id, gsiUser = :gsiUser, gsiUserSk = :gsiUserSk, displayName = :name, participantType = :pt, updatedAt = :at, createdAt = if_not_exists(createdAt, :at)${fields.organisation ? ', organisation = :org' : ' REMOVE organisation'}`,
          ExpressionAttributeNames: { '#type': 'type' },
          ExpressionAttributeValues: {
            ':type': 'profile',
            ':id': userId,
            ':gsiUser': keys.userItems(userId),
            ':gsiUserSk': 'PROFILE',
            ':name': fields.displayName,
            ':pt': fields.participantType,
            ':at': at,
            ...(fields.organisation ? { ':org': fields.organisation } : {}),
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      const { pk: _pk, sk: _sk, type: _type, gsiUser: _u, gsiUserSk: _s, ...profile } = Attributes!;
      return profile as StoredProfile;
    },

    async put(profile) {
      await client.send(
        new PutCommand({
          TableName: table,
          Item: { ...keys.profile(profile.userId), type: 'profile', gsiUser: keys.userItems(profile.userId), gsiUserSk: 'PROFILE', ...profile },
        }),
      );
    },
  };
}
