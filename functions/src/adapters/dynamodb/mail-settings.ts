// use case --> (secondary adapter) --> DynamoDB
import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DEFAULT_DIGEST, digestFrequencies, type DigestFrequency } from '#shared/rules/follow';
import type { MailSettings } from '#shared/schemas/follows';
import type { MailSettingsStore } from '../../domain/ports';
import { keys } from './keys';

/**
 * One item per user (USER#<userId> / MAILSETTINGS) beside the profile, so erasing the account deletes
 * it by key. Alerts are stored as `alertsOff`: an absent item or attribute means the default, on.
 */
export function mailSettingsStore(client: DynamoDBDocumentClient, table: string, now: () => Date = () => new Date()): MailSettingsStore {
  return {
    async get(userId) {
      const { Item } = await client.send(new GetCommand({ TableName: table, Key: keys.mailSettings(userId), ConsistentRead: true }));
      return fromItem(Item);
    },
    async set(userId, change) {
      const sets = ['updatedAt = :now'];
      const values: Record<string, unknown> = { ':now': now().toISOString() };
      if (change.digest !== undefined) {
        sets.push('digest = :digest');
        values[':digest'] = change.digest;
      }
      if (change.alerts !== undefined) {
        sets.push('alertsOff = :off');
        values[':off'] = !change.alerts;
      }
      const { Attributes } = await client.send(
        new UpdateCommand({ TableName: table, Key: keys.mailSettings(userId), UpdateExpression: `SET ${sets.join(', ')}`, ExpressionAttributeValues: values, ReturnValues: 'ALL_NEW' }),
      );
      return fromItem(Attributes);
    },
  };
}

function fromItem(item: Record<string, unknown> | undefined): MailSettings {
  const digest = (digestFrequencies as readonly string[]).includes(String(item?.digest)) ? (item!.digest as DigestFrequency) : DEFAULT_DIGEST;
  return { digest, alerts: item?.alertsOff !== true };
}
