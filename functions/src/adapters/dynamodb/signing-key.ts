// use case --> (secondary adapter) --> DynamoDB
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { randomBytes } from 'node:crypto';
import type { SigningKey } from '../../domain/ports';
import { keys } from './keys';

/**
 * The HMAC key of unsubscribe links: 32 random bytes in one item (CONFIG/MAILSIGNINGKEY), made by the
 * first function that needs it (a conditional put, so two at once agree on one key) and cached for
 * the function's life. In the table rather than Secrets Manager: it signs only "stop mailing this
 * person" links, anyone who can read the table can read far more than it protects, and the local
 * stack then runs the same code. The same for the audit log's pseudonym key (CONFIG/PSEUDONYMKEY,
 * domain/erasure.ts): another item, so neither key can be learnt from what the other signs.
 */
export function signingKey(client: DynamoDBDocumentClient, table: string, item: { pk: string; sk: string } = keys.signingKey): SigningKey {
  let cached: Promise<Buffer> | undefined;
  const load = async (): Promise<Buffer> => {
    const read = async () => (await client.send(new GetCommand({ TableName: table, Key: item, ConsistentRead: true }))).Item?.key as string | undefined;
    const existing = await read();
    if (existing) return Buffer.from(existing, 'base64');
    try {
      await client.send(new PutCommand({ TableName: table, Item: { ...item, key: randomBytes(32).toString('base64') }, ConditionExpression: 'attribute_not_exists(pk)' }));
    } catch (error) {
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
    }
    const made = await read();
    if (!made) throw new Error(`the key ${item.sk} could not be made`);
    return Buffer.from(made, 'base64');
  };
  return {
    get() {
      cached ??= load().catch((error: unknown) => {
        cached = undefined;
        throw error;
      });
      return cached;
    },
  };
}
