// use case --> (secondary adapter) --> DynamoDB
import type { DynamoDBDocumentClient, QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { ExportIdea, ExportStore, RecommendationRecord, Voter } from '../../domain/ports';
import type { AiLens } from '#shared/schemas/ai-lens';
import type { Channel } from '#shared/rules/assisted';
import { countChannels } from '#shared/rules/channel-shares';
import { batchGet } from './batch';
import { ideaVotes } from './idea-votes';
import { keys } from './keys';
import { countAll as countItems, queryAll as queryItems } from './query';
import { listIndexName } from './tables';

/**
 * Access patterns of the committee export (reads only):
 * - every public idea of a process: Query on the sparse `listNew` index (gsiList = PROC#<processId>),
 *   all pages. Only public, non-held ideas carry gsiList, so hidden, rejected, withdrawn, merged,
 *   pending and flag-held ideas cannot appear, whatever filter this code forgets.
 * - the sources of merges: BatchGet of IDEA#<id> (any status).
 * - an idea's vote records: Query pk = IDEA#<id>#V<b> AND begins_with(sk, VOTE#) of each of its vote
 *   buckets (idea-votes.ts), projecting the voter and the type; VOTE_QUERY_CONCURRENCY ideas at a time. Consistent reads: the committee's
 *   document counts what was recorded, not what a replica has seen.
 * - moderation decisions: Query AUDIT#<processId> projecting only `action` (the per-target copies
 *   live in other partitions, so nothing is counted twice).
 * - queue sizes: Query the `queue` index with Select COUNT (no items read back).
 * - channel shares: each public idea's `channel` comes with the idea; its comments and replies are
 *   Queries of IDEA#<id> on begins_with COMMENT# and REPLY#, projecting only state and channel (the
 *   same bounded concurrency as the votes); the survey's answers one Query of SURVEY#<processId>#ANSWERS
 *   projecting only channel. An item without `channel` came in on the web.
 * - the committee's recommendations: Query RECS#<processId> on begins_with R# (ULID sort keys: oldest
 *   first), consistently, so a recommendation just written is in the annex frozen next.
 */

const IDEA_ATTRIBUTES = [
  'id', 'title', 'area', 'effects', 'beneficiaries', 'status', 'officialAnswer', 'commentCount', 'createdAt',
  'authorId', 'authorType', 'mergedFrom', 'mergedInto', 'held', 'votesCarriedAt', 'channel', 'aiLens', 'voteCount',
];

/** Parallel vote Queries: enough to hide latency, few enough not to throttle a small on-demand table. */
const VOTE_QUERY_CONCURRENCY = 16;

export function exportStore(client: DynamoDBDocumentClient, table: string): ExportStore {
  const queryAll = (input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>) => queryItems(client, { ...input, TableName: table });
  const countAll = (input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey' | 'Select'>) => countItems(client, { ...input, TableName: table });

  const votersOf = async (ideaId: string): Promise<Voter[]> => {
    const items = await ideaVotes(client, table, ideaId, {
      ExpressionAttributeNames: { '#u': 'userId', '#t': 'participantType' },
      ProjectionExpression: '#u, #t',
      ConsistentRead: true,
    });
    return items.map((i) => ({ userId: i.userId as string, participantType: i.participantType as Voter['participantType'] }));
  };

  const commentsOf = async (ideaId: string) => {
    const of = (prefix: string) =>
      queryAll({
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.idea(ideaId).pk, ':prefix': prefix },
        ExpressionAttributeNames: { '#s': 'state', '#c': 'channel' },
        ProjectionExpression: '#s, #c',
      });
    const [comments, replies] = await Promise.all([of(keys.commentPrefix), of(keys.replyPrefix)]);
    return [...comments, ...replies].filter((i) => i.state === 'visible').map((i) => i.channel as Channel | undefined);
  };

  return {
    async commentChannels(ideaIds) {
      const found: (Channel | undefined)[] = [];
      await inParallel(ideaIds, async (id) => void found.push(...(await commentsOf(id))));
      return countChannels(found);
    },

    async surveyAnswerChannels(processId) {
      const items = await queryAll({
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.surveyAnswers(processId) },
        ExpressionAttributeNames: { '#c': 'channel' },
        ProjectionExpression: '#c',
      });
      return countChannels(items.map((i) => i.channel as Channel | undefined));
    },

    async publicIdeas(processId) {
      const items = await queryAll({
        IndexName: listIndexName('list', 'new'),
        KeyConditionExpression: 'gsiList = :p',
        ExpressionAttributeValues: { ':p': keys.processList(processId) },
        ...projection(IDEA_ATTRIBUTES),
      });
      return items.map(toIdea);
    },

    async ideas(ideaIds) {
      const found: Record<string, unknown>[] = [];
      for (let i = 0; i < ideaIds.length; i += 100) {
        found.push(...(await batchGet(client, table, ideaIds.slice(i, i + 100).map(keys.idea), true, ...IDEA_ATTRIBUTES)));
      }
      return found.map(toIdea);
    },

    async voters(ideaIds) {
      const result = new Map<string, Voter[]>();
      await inParallel(ideaIds, async (id) => void result.set(id, await votersOf(id)));
      return result;
    },

    async moderationCounts(processId) {
      const items = await queryAll({
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.auditPartition(processId) },
        ExpressionAttributeNames: { '#a': 'action' },
        ProjectionExpression: '#a',
        ConsistentRead: true,
      });
      const counts: Record<string, number> = {};
      for (const { action } of items) if (typeof action === 'string') counts[action] = (counts[action] ?? 0) + 1;
      return counts;
    },

    async recommendations(processId) {
      const items = await queryAll({
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :r)',
        ExpressionAttributeValues: { ':pk': keys.recommendations(processId), ':r': keys.recommendationPrefix },
        ConsistentRead: true,
      });
      return items.map(({ pk: _pk, sk: _sk, type: _type, ...record }) => record as unknown as RecommendationRecord);
    },

    async queueCounts(processId) {
      const size = (kind: 'pending' | 'flagged') =>
        countAll({ IndexName: 'queue', KeyConditionExpression: 'gsiQueue = :q', ExpressionAttributeValues: { ':q': keys.queue(processId, kind) } });
      const [pending, flagged] = await Promise.all([size('pending'), size('flagged')]);
      return { pending, flagged };
    },
  };
}

/** `work` for each id, VOTE_QUERY_CONCURRENCY at a time. */
async function inParallel(ids: string[], work: (id: string) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < ids.length) await work(ids[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(VOTE_QUERY_CONCURRENCY, ids.length) }, worker));
}

function projection(attributes: string[]) {
  const names = Object.fromEntries(attributes.map((a, i) => [`#a${i}`, a]));
  return { ProjectionExpression: Object.keys(names).join(', '), ExpressionAttributeNames: names };
}

function toIdea(item: Record<string, unknown>): ExportIdea {
  return {
    id: item.id as string,
    title: item.title as string,
    area: item.area as string,
    effects: (item.effects as string[] | undefined) ?? [],
    beneficiaries: (item.beneficiaries as ExportIdea['beneficiaries'] | undefined) ?? [],
    status: item.status as ExportIdea['status'],
    ...(typeof item.officialAnswer === 'string' && item.officialAnswer ? { officialAnswer: item.officialAnswer } : {}),
    commentCount: Number(item.commentCount ?? 0),
    createdAt: item.createdAt as string,
    ...(typeof item.authorId === 'string' ? { authorId: item.authorId } : {}),
    authorType: item.authorType as ExportIdea['authorType'],
    ...(Array.isArray(item.mergedFrom) ? { mergedFrom: item.mergedFrom as string[] } : {}),
    // A DynamoDB string set comes back as a Set.
    ...(item.mergedFrom instanceof Set ? { mergedFrom: [...(item.mergedFrom as Set<string>)] } : {}),
    ...(typeof item.mergedInto === 'string' ? { mergedInto: item.mergedInto } : {}),
    ...(item.held === true ? { held: true } : {}),
    ...(typeof item.votesCarriedAt === 'string' ? { votesCarried: true } : {}),
    ...(typeof item.channel === 'string' ? { channel: item.channel as Channel } : {}),
    ...(item.aiLens && typeof item.aiLens === 'object' ? { aiLens: item.aiLens as AiLens } : {}),
    ...(item.voteCount !== undefined ? { voteCount: Number(item.voteCount) } : {}),
  };
}
