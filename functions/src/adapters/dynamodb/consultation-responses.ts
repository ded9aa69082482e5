// use case --> (secondary adapter) --> DynamoDB
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { contribution, counterDeltas } from '../../domain/consultation/figures';
import type { ResponseRecord, ResponseStore } from '../../domain/consultation/response-ports';
import { auditPuts } from './audit';
import { fromResponseItem, responseReads } from './consultation-response-reads';
import { batchDelete } from './batch';
import { keys } from './keys';
import { queryAll } from './query';
import { rateLimitItem } from './rate-limits';
import { transact, type TransactItems } from './transactions';

/**
 * Responses to a document's paragraphs. Access patterns (one partition per document, CRESP#<process>#<document>):
 * - a response by id alone (edit, delete, flag, answer): the pointer CRESPREF#<id> names its document and paragraph;
 * - one response per person, paragraph and round: the marker WHO#<round>#<paragraph>#<user>, put with the response;
 * - the comments of a document or of one paragraph, in paragraph order: Query P# / P#<paragraph># (reads file);
 * - figures: one item per version and paragraph whose counters move by ADD in each write's own transaction
 *   (domain/consultation/figures.ts says what a response counts), so concurrent responses are counted exactly;
 *   a document's comment totals are the sum over its figures items (Query FIG#);
 * - a person's responses (Min side, GDPR): the byUser index, CRESP#<id>.
 */
export function responseStore(client: DynamoDBDocumentClient, table: string): ResponseStore {
  const itemKey = keys.consultResponse;

  /**
   * The counter update for a response going from `before` to `after`, on its paragraph's figures
   * item. The document's totals are summed from these items when read, so each write has one hot
   * item only (many people responding to one paragraph at once contend for it, and retry).
   */
  const counterItems = (r: ResponseRecord, before: ResponseRecord | undefined, after: ResponseRecord | undefined): TransactItems => {
    const deltas = counterDeltas(contribution(before), contribution(after));
    if (!deltas.length) return [];
    return [
      {
        Update: {
          TableName: table,
          Key: keys.consultFigures(r.processId, r.documentId, r.version, r.paragraphNo),
          UpdateExpression: `SET paragraphNo = :no ADD ${deltas.map((_, i) => `#c${i} :c${i}`).join(', ')}`,
          ExpressionAttributeNames: Object.fromEntries(deltas.map((d, i) => [`#c${i}`, d.counter])),
          ExpressionAttributeValues: { ...Object.fromEntries(deltas.map((d, i) => [`:c${i}`, d.by])), ':no': r.paragraphNo },
        },
      },
    ];
  };

  /** Still as the use case read it: any write since (the author, a moderator, the committee) changed updatedAt. */
  const unchanged = (r: ResponseRecord) => ({ expression: 'updatedAt = :expectedAt', values: { ':expectedAt': r.updatedAt } });

  return {
    ...responseReads(client, table),

    async get(responseId) {
      const { Item: ref } = await client.send(new GetCommand({ TableName: table, Key: keys.consultResponseRef(responseId) }));
      if (!ref) return undefined;
      const located = { id: responseId, processId: ref.processId as string, documentId: ref.documentId as string, paragraphNo: ref.paragraphNo as number };
      const { Item } = await client.send(new GetCommand({ TableName: table, Key: itemKey(located), ConsistentRead: true }));
      return Item ? fromResponseItem(Item) : undefined;
    },

    async create(r, limit, now) {
      const authorId = r.authorId!;
      const rate = rateLimitItem(table, authorId, limit, now);
      const user = keys.userItems(authorId);
      const outcome = await transact(client, [
        {
          Put: {
            TableName: table,
            Item: { ...itemKey(r), type: 'consultResponse', ...r, gsiUser: user, gsiUserSk: keys.userConsultResponse(r.id) },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        {
          // The marker holds the response's id: the person's one response to this paragraph in this round.
          Put: {
            TableName: table,
            Item: { ...keys.consultRespondent(r, authorId), type: 'consultRespondent', responseId: r.id, gsiUser: user, gsiUserSk: keys.userConsultRespondent(r.id) },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        { Put: { TableName: table, Item: { ...keys.consultResponseRef(r.id), processId: r.processId, documentId: r.documentId, paragraphNo: r.paragraphNo } } },
        rate.item,
        ...counterItems(r, undefined, r),
      ]);
      if (outcome.ok) return 'created';
      if (outcome.failed[1]) return 'already-responded';
      if (outcome.failed[3]) throw rate.refusal();
      throw new Error('response id collision');
    },

    async update(expected, change, now) {
      const at = now.toISOString();
      const next: ResponseRecord = { ...expected, ...(change.position ? { position: change.position } : {}), updatedAt: at };
      if (change.comment === null) delete next.comment;
      else if (change.comment !== undefined) Object.assign(next, { comment: change.comment, commented: true });
      if (change.comment !== undefined && expected.comment !== undefined) next.edited = true;
      const check = unchanged(expected);
      const set = ['#position = :position', 'updatedAt = :now', 'edited = :edited', ...(next.comment !== undefined ? ['#comment = :comment', 'commented = :true'] : [])];
      const outcome = await transact(client, [
        {
          Update: {
            TableName: table,
            Key: itemKey(expected),
            UpdateExpression: `SET ${set.join(', ')}${next.comment === undefined ? ' REMOVE #comment' : ''}`,
            // Still the author's, visible and as read: an edit racing a moderator or a delete cannot slip through.
            ConditionExpression: `${check.expression} AND #state = :visible AND authorId = :author`,
            ExpressionAttributeNames: { '#position': 'position', '#comment': 'comment', '#state': 'state' },
            ExpressionAttributeValues: {
              ...check.values,
              ':position': next.position,
              ':now': at,
              ':edited': next.edited,
              ':visible': 'visible',
              ':author': expected.authorId,
              ...(next.comment !== undefined ? { ':comment': next.comment, ':true': true } : {}),
            },
          },
        },
        ...counterItems(expected, expected, next),
      ]);
      return outcome.ok ? next : 'stale';
    },

    async remove(expected, now) {
      const check = unchanged(expected);
      const outcome = await transact(client, [
        {
          Update: {
            TableName: table,
            Key: itemKey(expected),
            // The placeholder keeps nothing of its author: deleting doubles as erasing the response.
            UpdateExpression:
              'SET #state = :deleted, updatedAt = :now REMOVE #comment, answer, authorId, authorName, authorType, gsiUser, gsiUserSk, gsiQueue, queuedAt',
            ConditionExpression: `${check.expression} AND #state <> :deleted`,
            ExpressionAttributeNames: { '#state': 'state', '#comment': 'comment' },
            ExpressionAttributeValues: { ...check.values, ':deleted': 'deleted', ':now': now.toISOString() },
          },
        },
        ...(expected.authorId ? [{ Delete: { TableName: table, Key: keys.consultRespondent(expected, expected.authorId) } }] : []),
        ...counterItems(expected, expected, undefined),
      ]);
      return outcome.ok;
    },

    async setState(expected, state, audit, now) {
      const at = now.toISOString();
      const restore = state === 'visible';
      const outcome = await transact(client, [
        {
          Update: {
            TableName: table,
            Key: itemKey(expected),
            // A restore after flags starts the count again: older flags were dealt with.
            UpdateExpression: `SET #state = :state, updatedAt = :now${restore ? ', flagCount = :zero, flagsResetAt = :now' : ''} REMOVE gsiQueue, queuedAt`,
            ConditionExpression: '#state = :expected',
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: { ':state': state, ':now': at, ':expected': expected.state, ...(restore ? { ':zero': 0 } : {}) },
          },
        },
        ...auditPuts(table, audit),
        ...counterItems(expected, expected, { ...expected, state }),
      ]);
      return outcome.ok;
    },

    async answer(expected, answer, audit, now) {
      const at = now.toISOString();
      const check = unchanged(expected);
      const outcome = await transact(client, [
        {
          Update: {
            TableName: table,
            Key: itemKey(expected),
            UpdateExpression: 'SET answer = :answer, updatedAt = :now',
            ConditionExpression: `${check.expression} AND attribute_exists(#comment)`,
            ExpressionAttributeNames: { '#comment': 'comment' },
            ExpressionAttributeValues: { ...check.values, ':answer': answer, ':now': at },
          },
        },
        ...auditPuts(table, audit),
        ...counterItems(expected, expected, { ...expected, answer }),
      ]);
      return outcome.ok ? { ...expected, answer, updatedAt: at } : 'stale';
    },

    async addFlag(flag, limit, now, resetAt) {
      const response = await this.get(flag.responseId);
      if (!response) return 'gone';
      const rate = rateLimitItem(table, flag.userId, limit, now);
      const outcome = await transact(client, [
        {
          Put: {
            TableName: table,
            Item: { ...keys.consultFlag(flag, flag.responseId, flag.userId), type: 'consultFlag', ...flag, gsiUser: keys.userItems(flag.userId), gsiUserSk: keys.userConsultFlag(flag.responseId) },
            // One flag per person, counting only flags since the response was last restored.
            ConditionExpression: resetAt ? 'attribute_not_exists(pk) OR createdAt < :reset' : 'attribute_not_exists(pk)',
            ...(resetAt ? { ExpressionAttributeValues: { ':reset': resetAt } } : {}),
          },
        },
        { Update: { TableName: table, Key: itemKey(response), UpdateExpression: 'ADD flagCount :one', ConditionExpression: 'attribute_exists(pk)', ExpressionAttributeValues: { ':one': flag.newAccount ? 0 : 1 } } },
        rate.item,
      ]);
      if (outcome.ok) return 'added';
      if (outcome.failed[0]) return 'exists';
      if (outcome.failed[1]) return 'gone';
      throw rate.refusal();
    },

    async deleteFlag(flag) {
      await client.send(new DeleteCommand({ TableName: table, Key: keys.consultFlag(flag, flag.responseId, flag.userId) }));
    },

    async eraseAuthors(processId, documentId, placeholderName) {
      const items = await queryAll(client, { TableName: table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.consultResponses(processId, documentId) } });
      const named = items.filter((i) => i.type === 'consultResponse' && i.authorId !== undefined);
      for (const item of named) {
        await client.send(
          new UpdateCommand({
            TableName: table,
            Key: { pk: item.pk, sk: item.sk },
            // Text, position and participant type stay: the committee's material and its figures name nobody.
            UpdateExpression: 'SET authorName = :name REMOVE authorId, gsiUser, gsiUserSk',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':name': placeholderName },
          }),
        );
      }
      const people = items.filter((i) => i.type === 'consultRespondent' || i.type === 'consultFlag').map((i) => ({ pk: i.pk as string, sk: i.sk as string }));
      await batchDelete(client, table, people);
      return named.length;
    },

    async holdIfFlagged(response, threshold, now) {
      try {
        await client.send(
          new UpdateCommand({
            TableName: table,
            Key: itemKey(response),
            UpdateExpression: 'SET #state = :held, gsiQueue = :queue, queuedAt = :now',
            // Reached the threshold and still visible: whichever flag gets here first holds it, once.
            ConditionExpression: 'flagCount >= :threshold AND #state = :visible',
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: { ':threshold': threshold, ':queue': keys.consultResponseQueue(response.processId), ':now': now.toISOString(), ':held': 'held', ':visible': 'visible' },
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },
  };
}

