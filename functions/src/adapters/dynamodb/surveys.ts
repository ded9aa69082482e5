// use case --> (secondary adapter) --> DynamoDB
import { isAssistedUserId } from '#shared/rules/assisted';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { surveySchema } from '#shared/schemas/survey';
import type { Respondent, StoredAnswer, StoredText, SurveyStore } from '../../domain/survey/ports';
import { auditPuts } from './audit';
import { decodeCursor, encodeCursor } from './cursor';
import { keys } from './keys';
import { queryAll } from './query';
import { transact } from './transactions';

/**
 * Access patterns of a process's survey (see keys.ts):
 * - the definition: one item SURVEY#<processId> / DEF;
 * - who answered: SURVEY#<processId>#WHO / USER#<userId> or TOKEN#<sha256 of the browser token>, an
 *   item with no other attribute (no answer id, no time), so it cannot be joined to an answer;
 * - the answers: SURVEY#<processId>#ANSWERS / <random id>, holding the day and the non-text answers;
 *   the results read the partition with a Query (never a Scan), exact however many answered at once;
 * - free texts: SURVEY#<processId>#TEXTS / <day>_<random id>, oldest day first for the review queue.
 * Marker and answer are written in one transaction, the marker only if it does not exist.
 */
export function surveyStore(client: DynamoDBDocumentClient, table: string): SurveyStore {
  const markerKey = (processId: string, r: Respondent) => ({ pk: keys.surveyRespondents(processId), sk: keys.surveyRespondent(r) });

  const queryTexts = async (processId: string) =>
    (await queryAll(client, { TableName: table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.surveyTexts(processId) } })).map(toText);

  return {
    async get(processId) {
      const { Item } = await client.send(new GetCommand({ TableName: table, Key: keys.survey(processId) }));
      if (!Item) return undefined;
      const { pk: _pk, sk: _sk, type: _type, ...survey } = Item;
      return surveySchema.parse(survey);
    },

    async save(survey, expectedUpdatedAt, structural, audit) {
      const conditions = [expectedUpdatedAt === undefined ? 'attribute_not_exists(pk)' : 'updatedAt = :expected'];
      if (structural) conditions.push('attribute_not_exists(firstAnswerAt)');
      const outcome = await transact(client, [
        {
          Put: {
            TableName: table,
            Item: { ...keys.survey(survey.processId), type: 'survey', ...survey },
            ConditionExpression: conditions.join(' AND '),
            ...(expectedUpdatedAt === undefined ? {} : { ExpressionAttributeValues: { ':expected': expectedUpdatedAt } }),
          },
        },
        ...auditPuts(table, audit),
      ]);
      if (outcome.ok) return 'saved';
      if (!outcome.failed[0]) throw new Error('audit entry exists');
      // Which condition failed: read again (the editor's version, or the first answer meanwhile).
      const now = await this.get(survey.processId);
      return now && expectedUpdatedAt !== undefined && now.updatedAt === expectedUpdatedAt ? 'locked' : 'stale';
    },

    async lock(processId, updatedAt, at) {
      try {
        await client.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.survey(processId),
            UpdateExpression: 'SET firstAnswerAt = if_not_exists(firstAnswerAt, :at)',
            ConditionExpression: 'updatedAt = :u',
            ExpressionAttributeValues: { ':at': at, ':u': updatedAt },
          }),
        );
        return 'locked';
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return 'stale';
        throw error;
      }
    },

    async publish(processId, at, audit) {
      await transact(client, [
        {
          Update: {
            TableName: table,
            Key: keys.survey(processId),
            UpdateExpression: at ? 'SET resultsPublishedAt = :at' : 'REMOVE resultsPublishedAt',
            ConditionExpression: 'attribute_exists(pk)',
            ...(at ? { ExpressionAttributeValues: { ':at': at } } : {}),
          },
        },
        ...auditPuts(table, audit),
      ]);
    },

    async answer({ processId, respondent, answer, texts }) {
      const outcome = await transact(client, [
        // The marker says who answered and nothing else: no answer id, no time. A signed-in person's is
        // in the byUser index, so that deleting the account deletes it (adapters/dynamodb/user-data.ts).
        // The one exception: an assisted citizen's marker names the answer an assistant typed, so that
        // when the citizen claims it into an account that has answered itself, that answer is removed
        // rather than counted twice (domain/assisted/claim.ts); the claim drops the link otherwise.
        {
          Put: {
            TableName: table,
            Item: {
              ...markerKey(processId, respondent),
              type: 'surveyMarker',
              ...('userId' in respondent ? { gsiUser: keys.userItems(respondent.userId), gsiUserSk: keys.userSurveyMarker(processId) } : {}),
              ...('userId' in respondent && isAssistedUserId(respondent.userId) ? { answerId: answer.id, textIds: texts.map((t) => t.id) } : {}),
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        {
          Put: {
            TableName: table,
            Item: { pk: keys.surveyAnswers(processId), sk: answer.id, type: 'surveyAnswer', day: answer.day, answers: answer.answers, ...(answer.channel ? { channel: answer.channel } : {}) },
          },
        },
        ...texts.map((t) => ({ Put: { TableName: table, Item: { pk: keys.surveyTexts(processId), sk: t.id, type: 'surveyText', ...t } } })),
      ]);
      if (outcome.ok) return 'answered';
      if (outcome.failed[0]) return 'already-answered';
      throw new Error('random answer id taken');
    },

    async hasAnswered(processId, respondent) {
      const { Item } = await client.send(new GetCommand({ TableName: table, Key: markerKey(processId, respondent), ProjectionExpression: 'pk' }));
      return Item !== undefined;
    },

    async takeAnonymousSlot(processId, max, windowSeconds, now) {
      // Counted outside the answer's transaction: one counter item in every transaction would make
      // simultaneous answers conflict; an atomic ADD does not.
      const windowMs = windowSeconds * 1000;
      const start = Math.floor(now.getTime() / windowMs) * windowMs;
      try {
        await client.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.rateCounter(`SURVEY#${processId}`, 'survey-anonymous', start),
            UpdateExpression: 'ADD #n :one SET expiresAt = :expires',
            ConditionExpression: 'attribute_not_exists(#n) OR #n < :max',
            ExpressionAttributeNames: { '#n': 'n' },
            ExpressionAttributeValues: { ':one': 1, ':max': max, ':expires': Math.ceil((start + windowMs) / 1000) + 60 },
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },

    async answers(processId) {
      const items = await queryAll(client, { TableName: table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.surveyAnswers(processId) } });
      return items.map((i): StoredAnswer => ({ id: i.sk as string, day: i.day as string, answers: (i.answers ?? {}) as StoredAnswer['answers'] }));
    },

    texts: queryTexts,

    async textPage(processId, filter, limit, cursor) {
      const pk = keys.surveyTexts(processId);
      const index = `surveyTexts:${pk}`;
      const names: Record<string, string> = {};
      const values: Record<string, string> = { ':pk': pk };
      const conditions: string[] = [];
      for (const [name, value] of Object.entries(filter)) {
        if (value === undefined) continue;
        conditions.push(`#${name} = :${name}`);
        names[`#${name}`] = name;
        values[`:${name}`] = value;
      }
      const items: StoredText[] = [];
      let start = cursor ? decodeCursor(cursor, index, { pk }, ['pk', 'sk']) : undefined;
      // A filter is applied after reading: read on until the page is full or the partition ends.
      do {
        const page = await client.send(
          new QueryCommand({
            TableName: table,
            KeyConditionExpression: 'pk = :pk',
            ...(conditions.length ? { FilterExpression: conditions.join(' AND '), ExpressionAttributeNames: names } : {}),
            ExpressionAttributeValues: values,
            Limit: limit - items.length,
            ExclusiveStartKey: start,
          }),
        );
        items.push(...(page.Items ?? []).map(toText));
        start = page.LastEvaluatedKey as typeof start;
      } while (start && items.length < limit);
      return { items, nextCursor: start ? encodeCursor(index, start) : null };
    },

    async getText(processId, textId) {
      const { Item } = await client.send(new GetCommand({ TableName: table, Key: { pk: keys.surveyTexts(processId), sk: textId } }));
      return Item ? toText(Item) : undefined;
    },

    async reviewText(processId, text, audit) {
      await transact(client, [
        {
          Update: {
            TableName: table,
            Key: { pk: keys.surveyTexts(processId), sk: text.id },
            UpdateExpression: text.reason ? 'SET #state = :state, reason = :reason' : 'SET #state = :state REMOVE reason',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: { ':state': text.state, ...(text.reason ? { ':reason': text.reason } : {}) },
          },
        },
        ...auditPuts(table, audit),
      ]);
    },
  };
}

const toText = (i: Record<string, unknown>): StoredText => ({
  id: i.sk as string,
  answerId: i.answerId as string,
  questionId: i.questionId as string,
  text: i.text as string,
  day: i.day as string,
  state: i.state as StoredText['state'],
  ...(typeof i.reason === 'string' ? { reason: i.reason } : {}),
});
