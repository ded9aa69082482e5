// use case --> (secondary adapter) --> DynamoDB
import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { AssistedPersonRecord, ClaimItemKey, ClaimStore, ClaimVote } from '../../domain/assisted/ports';
import { auditPuts } from './audit';
import { keys } from './keys';
import { queryAll } from './query';
import { rateLimitItem } from './rate-limits';
import { transact, type TransactItems } from './transactions';
import { tallyDown, tallyUp } from './votes';

/**
 * The claim of an assisted citizen's identity (`assisted-<personId>`) into an account.
 *
 * Access patterns:
 * - the code: CLAIM#<hash> / REF → (processId, personId); the person: ASSISTED#<processId> / P#<personId>;
 * - what the identity wrote and voted: the byUser index (gsiUser = USER#assisted-<personId>), IDEA#, COMMENT#, VOTE#;
 * - the survey marker: SURVEY#<processId>#WHO / USER#<userId> (the assisted one names its answer and texts).
 * Every move is one transaction whose conditions name the identity it moves from, so a repeat (a
 * second call after a crash, or two calls at once) moves nothing twice, and a vote is never counted
 * for two people or twice for one.
 */
export function claimStore(client: DynamoDBDocumentClient, table: string): ClaimStore {
  const byUser = async (userId: string, prefix: string) =>
    queryAll(client, {
      TableName: table,
      IndexName: 'byUser',
      KeyConditionExpression: 'gsiUser = :u AND begins_with(gsiUserSk, :prefix)',
      ExpressionAttributeValues: { ':u': keys.userItems(userId), ':prefix': prefix },
    });
  const itemKeys = (items: Record<string, unknown>[]): ClaimItemKey[] => items.map((i) => ({ pk: String(i.pk), sk: String(i.sk) }));
  const voteKey = (vote: ClaimVote) => keys.vote(vote.ideaId, vote.userId);

  return {
    async attempt(userId, limit, now) {
      const rate = rateLimitItem(table, userId, limit, now);
      const outcome = await transact(client, [rate.item]);
      if (!outcome.ok) throw rate.refusal();
    },

    async byCode(codeHash) {
      const { Item } = await client.send(new GetCommand({ TableName: table, Key: keys.claimCode(codeHash), ConsistentRead: true }));
      return Item ? { processId: String(Item.processId), personId: String(Item.personId) } : undefined;
    },

    async person(processId, personId) {
      const { Item } = await client.send(new GetCommand({ TableName: table, Key: keys.assistedPerson(processId, personId), ConsistentRead: true }));
      if (!Item) return undefined;
      const { pk: _pk, sk: _sk, type: _type, ...person } = Item;
      return person as AssistedPersonRecord;
    },

    async reserve(processId, personId, accountId) {
      try {
        await client.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.assistedPerson(processId, personId),
            UpdateExpression: 'SET claimedBy = :me',
            // Not claimed, or claimed by this account (a claim cut short, being finished).
            ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(claimedBy) OR claimedBy = :me)',
            ExpressionAttributeValues: { ':me': accountId },
          }),
        );
        return 'reserved';
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return 'taken';
        throw error;
      }
    },

    ideasOf: async (userId) => itemKeys(await byUser(userId, keys.userIdea(''))),
    commentsOf: async (userId) => itemKeys(await byUser(userId, keys.userCommentPrefix)),
    votesOf: async (userId) =>
      (await byUser(userId, keys.userVotePrefix)).map(({ pk: _pk, sk: _sk, type: _t, gsiUser: _u, gsiUserSk: _s, ...vote }) => vote as unknown as ClaimVote),

    async moveAuthor(item, from, to) {
      try {
        await client.send(
          new UpdateCommand({
            TableName: table,
            Key: { pk: item.pk, sk: item.sk },
            // The shown name and the channel stay: the citizen wrote it through an assistant, under that name.
            UpdateExpression: `SET authorId = :to, gsiUser = :u${to.username ? ', authorUsername = :name' : ''}`,
            ConditionExpression: 'authorId = :from',
            ExpressionAttributeValues: { ':to': to.userId, ':u': keys.userItems(to.userId), ':from': from, ...(to.username ? { ':name': to.username } : {}) },
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },

    async hasVote(ideaId, userId) {
      const { Item } = await client.send(new GetCommand({ TableName: table, Key: keys.vote(ideaId, userId), ConsistentRead: true, ProjectionExpression: 'pk' }));
      return Item !== undefined;
    },

    async moveVote(vote, to, maxVotes) {
      const moved: ClaimVote = { ...vote, userId: to };
      const items: TransactItems = [
        { Delete: { TableName: table, Key: voteKey(vote), ConditionExpression: 'attribute_exists(pk)' } },
        {
          Put: {
            TableName: table,
            Item: { ...keys.vote(vote.ideaId, to), type: 'vote', ...moved, gsiUser: keys.userItems(to), gsiUserSk: keys.userVote(vote.ideaId) },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      ];
      // A vote a merge moved on (movedTo) counts on no tally: it is a record only, moved as one.
      if (!vote.movedTo) items.push(tallyUp(table, moved, maxVotes), tallyDown(table, vote.userId, vote.processId));
      let outcome = await transact(client, items);
      // Only the identity's tally refused: it never counted this vote (nothing to give back).
      if (!outcome.ok && outcome.failed[3] && !outcome.failed.slice(0, 3).some(Boolean)) outcome = await transact(client, items.slice(0, 3));
      if (outcome.ok) return 'moved';
      if (outcome.failed[0]) return 'gone';
      if (outcome.failed[1]) return 'voted';
      return 'limit';
    },

    async dropVote(vote) {
      const items: TransactItems = [{ Delete: { TableName: table, Key: voteKey(vote), ConditionExpression: 'attribute_exists(pk)' } }];
      if (!vote.movedTo) {
        items.push(
          {
            Update: {
              TableName: table,
              Key: keys.idea(vote.ideaId),
              // Exactly what the vote added, so the count and the trend score stay sums of live votes.
              // The bases too: a sharded idea's fold writes voteCount = voteBase + Σ shards (vote-counter.ts).
              UpdateExpression: 'ADD voteCount :minusOne, trendScore :minusW, voteBase :minusOne, trendBase :minusW',
              ConditionExpression: 'attribute_exists(pk)',
              ExpressionAttributeValues: { ':minusOne': -1, ':minusW': -vote.weight },
            },
          },
          tallyDown(table, vote.userId, vote.processId),
        );
      }
      let outcome = await transact(client, items);
      if (!outcome.ok && outcome.failed[2] && !outcome.failed[0] && !outcome.failed[1]) outcome = await transact(client, items.slice(0, 2));
      if (outcome.ok) return true;
      if (outcome.failed[0]) return false;
      throw new Error(`idea ${vote.ideaId} of a claimed vote is gone`);
    },

    async surveyMarker(processId, userId) {
      const { Item } = await client.send(
        new GetCommand({ TableName: table, Key: { pk: keys.surveyRespondents(processId), sk: keys.surveyRespondent({ userId }) }, ConsistentRead: true }),
      );
      if (!Item) return undefined;
      return { ...(Item.answerId ? { answerId: String(Item.answerId) } : {}), ...(Item.textIds ? { textIds: Item.textIds as string[] } : {}) };
    },

    async moveSurveyMarker(processId, from, to) {
      const outcome = await transact(client, [
        {
          Delete: {
            TableName: table,
            Key: { pk: keys.surveyRespondents(processId), sk: keys.surveyRespondent({ userId: from }) },
            ConditionExpression: 'attribute_exists(pk)',
          },
        },
        {
          // The account's marker as its own answer would have left it: who answered, not which answer.
          Put: {
            TableName: table,
            Item: {
              pk: keys.surveyRespondents(processId),
              sk: keys.surveyRespondent({ userId: to }),
              type: 'surveyMarker',
              gsiUser: keys.userItems(to),
              gsiUserSk: keys.userSurveyMarker(processId),
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      ]);
      if (outcome.ok) return 'moved';
      return outcome.failed[0] ? 'gone' : 'answered';
    },

    async dropSurveyAnswer(processId, from, marker) {
      const outcome = await transact(client, [
        {
          Delete: {
            TableName: table,
            Key: { pk: keys.surveyRespondents(processId), sk: keys.surveyRespondent({ userId: from }) },
            ConditionExpression: 'attribute_exists(pk)',
          },
        },
        ...(marker.answerId ? [{ Delete: { TableName: table, Key: { pk: keys.surveyAnswers(processId), sk: marker.answerId } } }] : []),
        ...(marker.textIds ?? []).map((id) => ({ Delete: { TableName: table, Key: { pk: keys.surveyTexts(processId), sk: id } } })),
      ]);
      return outcome.ok;
    },

    async finish(person, accountId, audit) {
      const outcome = await transact(client, [
        {
          Update: {
            TableName: table,
            Key: keys.assistedPerson(person.processId, person.id),
            // The account holds its own contact details; the citizen's copies have done their job.
            UpdateExpression: 'SET claimedAt = :at REMOVE email, phone',
            ConditionExpression: 'claimedBy = :me AND attribute_not_exists(claimedAt)',
            ExpressionAttributeValues: { ':at': audit.at, ':me': accountId },
          },
        },
        { Delete: { TableName: table, Key: keys.profile(person.userId) } },
        { Delete: { TableName: table, Key: keys.voteTally(person.userId, person.processId) } },
        ...auditPuts(table, audit),
      ]);
      return outcome.ok;
    },
  };
}
