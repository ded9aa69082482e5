// lib/http.ts, handlers/me.ts --> (secondary adapter) --> DynamoDB main table
import { createHash } from 'node:crypto';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ErasedAccounts } from '../../domain/ports/erased-accounts';
import { keys } from './keys';

/**
 * A tombstone per deleted account, keyed by a SHA-256 of the user id so that the erasure leaves no item
 * holding the id itself (a token's `sub` hashes to the same key). It expires by TTL a day later: far
 * past the last access token (minutes) the account could have had.
 */
const KEEP_SECONDS = 24 * 60 * 60;

const hashOf = (userId: string) => createHash('sha256').update(userId).digest('hex');

/** The account's tombstone key: a vote checks it inside its own transaction (adapters/dynamodb/votes.ts). */
export const erasedKey = (userId: string) => keys.erasedAccount(hashOf(userId));

export function erasedAccounts(client: DynamoDBDocumentClient, table: string): ErasedAccounts {
  return {
    async mark(userId, now) {
      const expiresAt = Math.ceil(now.getTime() / 1000) + KEEP_SECONDS;
      await client.send(new PutCommand({ TableName: table, Item: { ...erasedKey(userId), expiresAt } }));
    },
    async isErased(userId) {
      // Consistent: a write in the same second as the deletion must see the tombstone.
      const { Item } = await client.send(new GetCommand({ TableName: table, Key: erasedKey(userId), ConsistentRead: true, ProjectionExpression: 'pk' }));
      return Item !== undefined;
    },
  };
}
