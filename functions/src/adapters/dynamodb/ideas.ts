// use case --> (secondary adapter) --> DynamoDB
import { createHash } from 'node:crypto';
import { encodeTime } from 'ulid';
import { GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { isPublicStatus } from '#shared/schemas/idea';
import type { IdeaPageQuery, IdeaRecord, IdeaStore, IdeaSummary, Page } from '../../domain/ports';
import { BadRequestError, ConflictError } from '../../lib/errors';
import { batchGet } from './batch';
import { decodeCursor, encodeCursor } from './cursor';
import { keys } from './keys';
import { queryAll, queryWithinBudget } from './query';
import { rateLimitItem } from './rate-limits';
import { transact } from './transactions';
import { listIndexName, listSortKeys } from './tables';

/**
 * Access patterns for ideas:
 * - get one idea by id: GetItem on IDEA#<id>.
 * - a process's public ideas by new / top / trending / comments: Query on the sparse list index of
 *   that sort (gsiList = PROC#<processId>), newest or highest first.
 * - the same within one area: the area index of that sort (gsiArea = PROC#<processId>#AREA#<area>).
 * - filter by status, origin event and phase (creation time): a FilterExpression on those Queries
 *   (matches are read from the one sorted partition; see READ_BUDGET). Search is not here: it is the
 *   in-memory index fed by the table's stream (domain/search/), which reads a page back by `current`.
 * - the current state of a page of ideas: a consistent BatchGet of their items.
 * - a user's own ideas: the byUser index (gsiUser = USER#<userId>).
 * - every idea of a process in any status: the byProcess index (gsiProcess = PROC#<processId>).
 */

/**
 * A filtered page reads at most this many index pages. If the filter matches rarely, the page comes
 * back short (even empty) with a cursor to go on from, instead of reading the whole partition.
 */
const READ_BUDGET = 5;

/** What a list needs; bodies stay in the table. */
const LIST_ATTRIBUTES = [
  'pk', 'sk', 'gsiList', 'gsiArea', 'id', 'processId', 'title', 'excerpt', 'area', 'effects', 'beneficiaries',
  'status', 'authorId', 'authorName', 'authorType', 'voteCount', 'commentCount', 'trendScore', 'eventId', 'channel', 'createdAt', 'updatedAt',
];

export function ideaStore(client: DynamoDBDocumentClient, table: string): IdeaStore {
  return {
    async create(idea, limit, now) {
      const rate = rateLimitItem(table, idea.authorId, limit, now);
      const outcome = await transact(client, [
        { Put: { TableName: table, Item: toItem(idea), ConditionExpression: 'attribute_not_exists(pk)' } },
        rate.item,
      ]);
      if (outcome.ok) return;
      if (outcome.failed[1]) throw rate.refusal();
      throw new ConflictError('duplicate', 'Idéen findes allerede.');
    },

    async get(ideaId) {
      const { Item } = await client.send(new GetCommand({ TableName: table, Key: keys.idea(ideaId) }));
      return Item ? fromItem(Item) : undefined;
    },

    async usedAreasAndEffects(processId) {
      // The byProcess index holds every idea of the process in any status, with only its keys, area
      // and effects: one small item per idea. (An index is read eventually consistent: an idea
      // posted in the last moment may be missed, as it may be posted just after the check anyway.)
      const items = await queryAll(client, {
        TableName: table,
        IndexName: 'byProcess',
        KeyConditionExpression: 'gsiProcess = :p',
        ExpressionAttributeValues: { ':p': keys.processIdeas(processId) },
        ExpressionAttributeNames: { '#a': 'area', '#e': 'effects' },
        ProjectionExpression: '#a, #e',
      });
      return {
        areas: [...new Set(items.map((i) => i.area as string))],
        effects: [...new Set(items.flatMap((i) => (i.effects as string[] | undefined) ?? []))],
      };
    },

    async current(ideaIds) {
      const ids = [...new Set(ideaIds)]; // A search page holds at most 50: one BatchGet (100 keys a call).
      const pages = await Promise.all(Array.from({ length: Math.ceil(ids.length / 100) }, (_, i) => batchGet(client, table, ids.slice(i * 100, i * 100 + 100).map(keys.idea), true, ...LIST_ATTRIBUTES, 'held')));
      return pages.flat().map(fromSummaryItem);
    },

    async listByAuthor(userId, limit, cursor) {
      const index = 'byUser';
      const partition = keys.userItems(userId);
      const keyNames = ['pk', 'sk', 'gsiUser', 'gsiUserSk'];
      const start = cursor ? decodeCursor(cursor, index, { gsiUser: partition, gsiUserSk: { prefix: keys.userIdea('') } }, keyNames) : undefined;
      const page = await client.send(
        new QueryCommand({
          TableName: table,
          IndexName: index,
          KeyConditionExpression: 'gsiUser = :u AND begins_with(gsiUserSk, :prefix)',
          ExpressionAttributeValues: { ':u': partition, ':prefix': keys.userIdea('') },
          ScanIndexForward: false,
          Limit: limit + 1,
          ExclusiveStartKey: start,
        }),
      );
      const found = page.Items ?? [];
      const items = found.slice(0, limit);
      const last = items[items.length - 1];
      return {
        items: items.map(fromSummaryItem),
        nextCursor: found.length > limit && last ? encodeCursor(index, Object.fromEntries(keyNames.map((k) => [k, last[k] as string]))) : null,
      };
    },

    async listPublic(query) {
      if (query.sort === 'random') return listRandom(client, table, query);
      const sort = query.sort;
      const scope = query.area ? 'area' : 'list';
      const index = listIndexName(scope, sort);
      const partitionName = scope === 'area' ? 'gsiArea' : 'gsiList';
      const partition = query.area ? keys.areaList(query.processId, query.area) : keys.processList(query.processId);
      const sortName = listSortKeys[sort].name;
      const keyNames = ['pk', 'sk', partitionName, sortName];

      const { filters, names, values } = listFilters(query);
      names['#p'] = partitionName;
      values[':p'] = partition;

      let start = query.cursor ? decodeCursor(query.cursor, index, { [partitionName]: partition }, keyNames) : undefined;
      const items: IdeaSummary[] = [];
      for (let reads = 0; reads < READ_BUDGET && items.length < query.limit; reads++) {
        const wanted = query.limit - items.length;
        const page = await client.send(
          new QueryCommand({
            TableName: table,
            IndexName: index,
            KeyConditionExpression: '#p = :p',
            ...(filters.length ? { FilterExpression: filters.join(' AND ') } : {}),
            ExpressionAttributeNames: { ...names, ...projectionNames },
            ExpressionAttributeValues: values,
            ProjectionExpression: projection,
            ScanIndexForward: false,
            // Without a filter every item read is returned: one more than missing tells whether a next
            // page exists, so the last page has no cursor pointing at nothing.
            Limit: filters.length ? Math.max(wanted, 25) : wanted + 1,
            ExclusiveStartKey: start,
          }),
        );
        const found = page.Items ?? [];
        const room = query.limit - items.length;
        if (found.length > room) {
          // More matches than fit: the cursor resumes right after the last one returned.
          const kept = found.slice(0, room);
          items.push(...kept.map(fromSummaryItem));
          const last = kept[kept.length - 1]!;
          start = Object.fromEntries(keyNames.map((k) => [k, last[k] as string | number]));
          break;
        }
        items.push(...found.map(fromSummaryItem));
        start = page.LastEvaluatedKey as Record<string, string | number> | undefined;
        if (!start) break;
      }
      return { items, nextCursor: start ? encodeCursor(index, start) : null };
    },
  };
}

/**
 * Random order, stable per seed: read the ids of the matching public ideas (a Query on the "new"
 * index projecting only ids: no Scan), order them by a hash of seed and id, and fetch one page by
 * BatchGet. The read is bounded by items READ, not matched: a window of the newest RANDOM_READS ideas
 * (RANDOM_FILTERED_READS with a search or filter, which a crafted query could otherwise make read the
 * whole list for nothing). The order is random within a window; past its last match the cursor goes
 * on to the next window (offset 0 from where reading stopped), so every match is shown once.
 */
const RANDOM_READS = 10_000;
const RANDOM_FILTERED_READS = 1_000;

async function listRandom(client: DynamoDBDocumentClient, table: string, query: IdeaPageQuery): Promise<Page<IdeaSummary>> {
  const seed = query.seed ?? '';
  const scope = query.area ? 'area' : 'list';
  const index = listIndexName(scope, 'new');
  const partitionName = scope === 'area' ? 'gsiArea' : 'gsiList';
  const partition = query.area ? keys.areaList(query.processId, query.area) : keys.processList(query.processId);
  const cursorIndex = `random:${seed}:${index}`;
  const { offset, window } = query.cursor ? randomPosition(query.cursor, cursorIndex, partitionName, partition) : { offset: 0, window: undefined };
  if (!Number.isInteger(offset) || offset < 0) throw new BadRequestError('Ugyldig side-markør (cursor).', 'invalid-cursor');

  const { filters, names, values } = listFilters(query);
  const { items: matching, last } = await queryWithinBudget(
    client,
    {
      TableName: table,
      IndexName: index,
      KeyConditionExpression: '#p = :p',
      ...(filters.length ? { FilterExpression: filters.join(' AND ') } : {}),
      ExpressionAttributeNames: { ...names, '#p': partitionName, '#id': 'id' },
      ExpressionAttributeValues: { ...values, ':p': partition },
      ProjectionExpression: '#id',
      ScanIndexForward: false,
    },
    filters.length ? RANDOM_FILTERED_READS : RANDOM_READS,
    window,
  );
  const ids = matching.map((i) => i.id as string);

  const order = ids
    .map((id) => ({ id, rank: createHash('sha256').update(`${seed}:${id}`).digest().readUInt32BE(0) }))
    .sort((a, b) => a.rank - b.rank || a.id.localeCompare(b.id));
  const pageIds = order.slice(offset, offset + query.limit).map((o) => o.id);
  // The index is eventually consistent: an idea hidden or held a moment ago may still be in it. The
  // page is decided on each item's own current state (a consistent read), never on the index alone.
  const found = pageIds.length ? await batchGet(client, table, pageIds.map(keys.idea), true, ...LIST_ATTRIBUTES, 'held') : [];
  const listed = found.filter((item) => isPublicStatus(item.status as IdeaRecord['status']) && !item.held && item[partitionName]);
  const byId = new Map(listed.map((item) => [item.id as string, fromSummaryItem(item)]));
  const next = offset + query.limit;
  return {
    items: pageIds.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])),
    nextCursor:
      next < order.length
        ? encodeCursor(cursorIndex, { offset: next, ...window })
        : last
          ? encodeCursor(cursorIndex, { offset: 0, ...(last as Record<string, string>) })
          : null,
  };
}

/** A random cursor: the offset into its window, and where the window starts when it is not the first. */
function randomPosition(cursor: string, cursorIndex: string, partitionName: string, partition: string) {
  try {
    return { offset: Number(decodeCursor(cursor, cursorIndex, {}, ['offset']).offset), window: undefined };
  } catch {
    const { offset, ...window } = decodeCursor(cursor, cursorIndex, { [partitionName]: partition }, ['offset', 'pk', 'sk', partitionName, 'createdAt']);
    return { offset: Number(offset), window };
  }
}

/** Status, origin event and phase filters, shared by every list query. */
function listFilters(query: IdeaPageQuery) {
  const filters: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  if (query.status) {
    filters.push('#status = :status');
    names['#status'] = 'status';
    values[':status'] = query.status;
  }
  if (query.event) {
    filters.push('#event = :event');
    names['#event'] = 'eventId';
    values[':event'] = query.event;
  }
  if (query.createdWithin) {
    // createdAt is the "new" index's sort key, which no FilterExpression may name; an idea's id is the
    // ULID of the moment it was posted (createIdea: newId(now), createdAt = now), so id bounds are the same filter.
    const spans = query.createdWithin.map((span, i) => {
      values[`:from${i}`] = `${encodeTime(Date.parse(span.from), 10)}${'0'.repeat(16)}`;
      if (span.to !== undefined) values[`:to${i}`] = `${encodeTime(Date.parse(span.to), 10)}${'0'.repeat(16)}`;
      return span.to === undefined ? `#id >= :from${i}` : `#id >= :from${i} AND #id < :to${i}`;
    });
    filters.push(spans.length === 1 ? spans[0]! : `(${spans.map((s) => `(${s})`).join(' OR ')})`);
    names['#id'] = 'id';
  }
  return { filters, names, values };
}

const projectionNames = Object.fromEntries(LIST_ATTRIBUTES.map((a, i) => [`#a${i}`, a]));
const projection = Object.keys(projectionNames).join(', ');

/**
 * The index attributes an idea must carry in a given state: on the public lists only while public and
 * not held; in the pending or flagged queue while it waits for a moderator. Derived in this one place
 * (for new ideas and for every moderation change), so lists and queues never disagree with a status.
 */
export function ideaIndexAttributes(idea: Pick<IdeaRecord, 'processId' | 'area' | 'status' | 'held' | 'createdAt'>, queuedAt = idea.createdAt) {
  const listed = isPublicStatus(idea.status) && !idea.held;
  const queue = idea.status === 'pending' ? 'pending' : idea.held && idea.status !== 'rejected' && idea.status !== 'hidden' ? 'flagged' : undefined;
  const set: Record<string, string> = {};
  const remove: string[] = [];
  if (listed) Object.assign(set, { gsiList: keys.processList(idea.processId), gsiArea: keys.areaList(idea.processId, idea.area) });
  else remove.push('gsiList', 'gsiArea');
  if (queue) Object.assign(set, { gsiQueue: keys.queue(idea.processId, queue), queuedAt });
  else remove.push('gsiQueue', 'queuedAt');
  return { set, remove };
}

/** The stored item of an idea (also how the benchmark writes its 10,000 generated ideas in the real shape). */
export function toItem(idea: IdeaRecord): Record<string, unknown> {
  return {
    ...keys.idea(idea.id),
    type: 'idea',
    ...idea,
    ...ideaIndexAttributes(idea).set,
    gsiUser: keys.userItems(idea.authorId),
    gsiUserSk: keys.userIdea(idea.id),
    // Set once and never removed: the byProcess index finds the idea in any status.
    gsiProcess: keys.processIdeas(idea.processId),
  };
}

// searchText: on items from before issue 18; takenUp: idea-page.ts; counterShards…foldSeq: vote-counter.ts.
export const INTERNAL = new Set(['counterShards', 'voteBase', 'trendBase', 'foldSeq', 'pk', 'sk', 'type', 'searchText', 'takenUp', 'gsiList', 'gsiArea', 'gsiQueue', 'queuedAt', 'gsiUser', 'gsiUserSk', 'gsiProcess']);

const withoutInternal = (item: Record<string, unknown>) => Object.fromEntries(Object.entries(item).filter(([k]) => !INTERNAL.has(k)));
export const fromItem = (item: Record<string, unknown>) => withoutInternal(item) as unknown as IdeaRecord;
const fromSummaryItem = (item: Record<string, unknown>) => withoutInternal(item) as unknown as IdeaSummary;
