// use case --> (secondary adapter) --> DynamoDB
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AssistedPersonStore } from '../../domain/assisted/deps';
import type { AssistedPersonRecord } from '../../domain/assisted/ports';
import { ConflictError, NotFoundError } from '../../lib/errors';
import { auditPuts } from './audit';
import { batchDelete } from './batch';
import { keys } from './keys';
import { queryAll } from './query';
import { transact } from './transactions';

/**
 * Access patterns of the assistant's side (keys.ts, the assisted block):
 * - the citizens of a process: ASSISTED#<processId> / P#<personId>, one item each (name, contact,
 *   consent, claim code hashes, claimedBy/claimedAt); the lookup reads the partition whole (a process
 *   has hundreds of assisted citizens, not millions) and filters in the use case;
 * - one citizen: the same key, read consistently (an act must see a claim that just happened);
 * - a claim code: CLAIM#<sha-256> / REF → (processId, personId), written with the code's hash on the person;
 * - the citizen's profile: USER#assisted-<personId> / PROFILE, an ordinary profile item in the byUser
 *   index, so every existing use case (votes, limits, blocks, export, erasure) reads it like a user's;
 * - the survey answer an assistant typed: the identity's marker SURVEY#<processId>#WHO / USER#<userId>
 *   names it (answerId), and the answer item SURVEY#<processId>#ANSWERS / <answerId> holds its day.
 */
export function assistedStore(client: DynamoDBDocumentClient, table: string): AssistedPersonStore {
  const personItem = (p: AssistedPersonRecord) => ({ ...keys.assistedPerson(p.processId, p.id), type: 'assistedPerson', ...p });
  const toRecord = ({ pk: _pk, sk: _sk, type: _type, ...rest }: Record<string, unknown>) => rest as unknown as AssistedPersonRecord;
  const claimed = () =>
    new ConflictError('assisted-claimed', 'Borgeren har lige overtaget sine bidrag med sin egen konto og deltager nu selv. Der kan ikke handles for borgeren længere.');
  const get = async (processId: string, personId: string) => {
    const { Item } = await client.send(new GetCommand({ TableName: table, Key: keys.assistedPerson(processId, personId), ConsistentRead: true }));
    return Item ? toRecord(Item) : undefined;
  };

  return {
    async create(person, profile, audit) {
      const outcome = await transact(client, [
        { Put: { TableName: table, Item: personItem(person), ConditionExpression: 'attribute_not_exists(pk)' } },
        {
          Put: {
            TableName: table,
            Item: { ...keys.profile(profile.userId), type: 'profile', gsiUser: keys.userItems(profile.userId), gsiUserSk: 'PROFILE', ...profile },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        ...auditPuts(table, audit),
      ]);
      // Ids are new ULIDs: a taken one means a retry of the same request raced its first try.
      if (!outcome.ok) throw new ConflictError('assisted-person-exists', 'Borgeren er allerede registreret. Søg borgeren frem.');
    },

    get,

    async list(processId) {
      const items = await queryAll(client, {
        TableName: table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
        ExpressionAttributeValues: { ':pk': keys.assistedPersons(processId), ':p': keys.assistedPersonPrefix },
      });
      return items.map(toRecord);
    },

    async addClaimCode(person, codeHash, audit) {
      const outcome = await transact(client, [
        {
          Update: {
            TableName: table,
            Key: keys.assistedPerson(person.processId, person.id),
            UpdateExpression: 'SET claimCodeHashes = list_append(if_not_exists(claimCodeHashes, :none), :hash)',
            // Still there (not erased meanwhile) and not claimed meanwhile: a code printed now must claim something.
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(claimedBy)',
            ExpressionAttributeValues: { ':none': [], ':hash': [codeHash] },
          },
        },
        {
          Put: {
            TableName: table,
            Item: { ...keys.claimCode(codeHash), type: 'claimCode', processId: person.processId, personId: person.id },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        ...auditPuts(table, audit),
      ]);
      if (outcome.ok) return;
      if (outcome.failed[0]) {
        const now = await get(person.processId, person.id);
        if (!now) throw new NotFoundError('Borgeren findes ikke i dette forløb.');
        throw claimed();
      }
      // 60 random bits colliding with a live code: practically never; the caller's retry makes a new code.
      throw new ConflictError('claim-code-taken', 'Kvitteringen kunne ikke laves. Prøv igen.');
    },

    async byClaimCode(codeHash) {
      const { Item } = await client.send(new GetCommand({ TableName: table, Key: keys.claimCode(codeHash) }));
      return Item ? { processId: String(Item.processId), personId: String(Item.personId) } : undefined;
    },

    async audit(entry) {
      await transact(client, auditPuts(table, entry));
    },

    async surveyAnswerDay(processId, userId) {
      const { Item: marker } = await client.send(
        new GetCommand({ TableName: table, Key: { pk: keys.surveyRespondents(processId), sk: keys.surveyRespondent({ userId }) }, ConsistentRead: true }),
      );
      if (typeof marker?.answerId !== 'string') return undefined;
      const { Item: answer } = await client.send(new GetCommand({ TableName: table, Key: { pk: keys.surveyAnswers(processId), sk: marker.answerId } }));
      return typeof answer?.day === 'string' ? answer.day : undefined;
    },

    async remove(person, audit) {
      await batchDelete(client, table, person.claimCodeHashes.map(keys.claimCode));
      const outcome = await transact(client, [
        {
          Delete: {
            TableName: table,
            Key: keys.assistedPerson(person.processId, person.id),
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(claimedBy)',
          },
        },
        ...auditPuts(table, audit),
      ]);
      if (!outcome.ok) throw claimed();
    },
  };
}
